import ArgumentParser
import Model

#if canImport(Glibc)
  import Glibc
#endif

extension Sanxiang {
  /// Runs the command line as `main()` does, except that each command runs with `session`, and
  /// argument-parser's own words (its help page's headings, its parse errors) are put in the
  /// help language (`Frame`).
  public static func start(_ session: Session) -> Never {
    let console = session.console
    do {
      var command = try parseAsRoot()
      if let c = command as? any SessionCommand { try c.run(in: session) } else { try command.run() }
      console.flush()
      Glibc.exit(0)
    } catch {
      console.flush()
      let code = exitCode(for: error)
      let lang = HelpLanguage.lang
      // Unwrapped, so that a sentence the frame cuts in two can still be found; wrapped again
      // (by display width) once it is translated.
      var text = fullMessage(for: error, columns: lang == .en ? nil : 10_000)
      if lang != .en {
        let frame = Frame(words: lang.words, width: Console.helpWidth)
        text = code == .success ? frame.help(text) : frame.error(text)
      }
      if !text.isEmpty {
        if code == .success {
          console.out(text)
          console.flush()
        } else {
          console.err(text)
        }
      }
      Glibc.exit(code.rawValue)
    }
  }
}

/// argument-parser writes its help pages and its own parse errors in English. In another
/// language the frame around our texts ("USAGE:", "Show help information.", "Unknown option
/// '--x'") is put in that language from the table of words; in English it is shown as written.
struct Frame {
  let words: any Words
  let width: Int

  /// A help page: headings and the help option's text translated, then wrapped by display
  /// width (a Chinese character takes two columns, which argument-parser does not count).
  func help(_ text: String) -> String {
    var lines: [String] = []
    for var line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      for (english, ours) in [
        ("OVERVIEW:", words.overviewHeading), ("USAGE:", words.usageHeading), ("ARGUMENTS:", words.argumentsHeading),
        ("OPTIONS:", words.optionsHeading), ("SUBCOMMANDS:", words.subcommandsHeading),
      ] where line.hasPrefix(english) {
        line = ours + line.dropFirst(english.count).drop { $0 == " " }
      }
      line = line.replacing("Show help information.", with: words.helpOptionHelp)
      line = line.replacing("Show the version.", with: words.versionOptionHelp)
      line = line.replacing(/\ ?\(values: ([^;)]*); default: ([^)]*)\)/) {
        spaced(words.possibleValues(values($0.1), default: String($0.2)))
      }
      line = line.replacing(/\ ?\(values: ([^)]*)\)/) { spaced(words.possibleValues(values($0.1))) }
      line = line.replacing(/\ ?\(default: ([^)]*)\)/) { spaced(words.defaultValue(String($0.1))) }
      line = line.replacing(/See '([^']*)' for detailed help\./) { words.seeSubcommandHelp(String($0.1)) }
      lines += wrapped(line)
    }
    return lines.joined(separator: "\n")
  }

  /// argument-parser's list of values ("text, json") with our separator.
  func values(_ list: Substring) -> String {
    list.split(separator: ", ").joined(separator: words.listSeparator)
  }

  /// A space before a note in parentheses, unless its parenthesis is a full-width one.
  func spaced(_ note: String) -> String { note.first.map { DisplayWidth.of($0) > 1 } == true ? note : " " + note }

  /// An error with the usage under it: the message (argument-parser's own, or ours already in
  /// the user's words) and the labels around it.
  func error(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("Error: ") {
        lines.append(words.errorLabel + message(String(line.dropFirst("Error: ".count))))
      } else if line.hasPrefix("Help:  ") {
        lines.append(words.helpLabel + line.dropFirst("Help:  ".count))
      } else if line.hasPrefix("Usage: ") {
        lines.append(words.usageLabel + line.dropFirst("Usage: ".count))
      } else if let m = line.wholeMatch(of: /(\s*)See '([^']*)' for more information\./) {
        lines.append(String(m.1) + words.seeHelp(String(m.2)))
      } else {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One of argument-parser's parse errors in our words; any other message as it is.
  func message(_ m: String) -> String {
    if let x = m.wholeMatch(of: /Unknown option '([^']*)'(?:\. Did you mean '([^']*)'\?)?/) {
      return words.unknownOption(String(x.1), suggestion: x.2.map(String.init))
    }
    if let x = m.wholeMatch(of: /Missing value for '(.*)'/) { return words.missingValue(String(x.1)) }
    if let x = m.wholeMatch(of: /Unexpected argument '(.*)'/) { return words.unexpectedArguments([String(x.1)]) }
    if let x = m.wholeMatch(of: /\d+ unexpected arguments: '(.*)'/) {
      return words.unexpectedArguments(x.1.split(separator: "', '").map(String.init))
    }
    if let x = m.wholeMatch(of: /Missing expected argument '(.*)'/) { return words.missingArgument([String(x.1)]) }
    if let x = m.wholeMatch(of: /Missing one of: '(.*)'/) {
      return words.missingArgument(x.1.split(separator: "', '").map(String.init))
    }
    if let x = m.wholeMatch(of: /The value '(.*)' is invalid for '([^']*)'(.*)/) {
      let choices = x.3.matches(of: /'([^']*)'/).map { String($0.1) }
      return words.invalidValue(String(x.1), for: String(x.2))
        + (choices.isEmpty ? "" : words.possibleValues(choices.joined(separator: words.listSeparator)))
    }
    if let x = m.wholeMatch(of: /The option '(.*)' does not take any value, but '(.*)' was specified\./) {
      return words.takesNoValue(String(x.1), value: String(x.2))
    }
    return m
  }

  /// A line cut to the width; an option's or a subcommand's text goes on under itself.
  func wrapped(_ line: String) -> [String] {
    guard line.displayWidth > width else { return [line] }
    var start = line.startIndex
    if line.hasPrefix("  "), let gap = line.dropFirst(2).firstRange(of: "  ") {
      start = line[gap.upperBound...].firstIndex { $0 != " " } ?? line.endIndex
    }
    if line[..<start].displayWidth > width / 2 { start = line.startIndex }
    let head = String(line[..<start])
    let indent = head.displayWidth
    var lines: [String] = []
    var current = head
    for piece in Frame.pieces(line[start...]) {
      let fits = current.displayWidth + piece.displayWidth <= width
      if !fits && current.displayWidth > indent {
        lines.append(current.trimmingTrailingSpaces)
        current = String(repeating: " ", count: indent)
        if piece == " " { continue }
      }
      current += piece
    }
    lines.append(current)
    return lines
  }

  /// Where a line may break: between Chinese characters (a closing mark stays with the one
  /// before it), at spaces, never inside a run of other characters (`[--lang <zh|en>]`, `5%`).
  static func pieces(_ text: Substring) -> [String] {
    var out: [String] = []
    for c in text {
      let wide = DisplayWidth.of(c) > 1
      if c == " " {
        out.append(" ")
      } else if let last = out.last, last != " ",
        !wide && DisplayWidth.of(last.last!) < 2 || noLineStart.contains(c)
      {
        out[out.count - 1].append(c)
      } else {
        out.append(String(c))
      }
    }
    return out
  }
}
