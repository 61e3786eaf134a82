import ArgumentParser
import Model

#if canImport(Glibc)
  import Glibc
#endif

/// The language of help pages and of argument-parser's errors, known before the arguments are
/// parsed (they are phrased while parsing): `--lang` where it appears among the arguments,
/// else the locale.
enum HelpLanguage {
  static let lang = from(CommandLine.arguments)

  static func from(_ arguments: [String]) -> Lang {
    for (k, a) in arguments.enumerated() {
      if a == "--" { break }
      let value =
        a == "--lang" && k + 1 < arguments.count
        ? arguments[k + 1] : a.hasPrefix("--lang=") ? String(a.dropFirst(7)) : nil
      if let value, let l = Lang(rawValue: value) { return l }
    }
    return Lang.fromEnvironment()
  }
}

/// The words help texts are taken from (the help language's table).
let helpWords: any Words = HelpLanguage.lang.words

/// Options every command accepts, before or after the subcommand's name.
public struct GlobalOptions: ParsableArguments {
  @Option(help: ArgumentHelp(helpWords.storeHelp))
  var store: String?

  @Option(help: ArgumentHelp(helpWords.todayHelp, valueName: "date"))
  var today: String?

  @Option(name: .customLong("as"), help: ArgumentHelp(helpWords.asHelp, valueName: "name"))
  var who: String?

  @Option(help: ArgumentHelp(helpWords.langHelp, valueName: "zh|en"))
  var lang: String?

  public init() {}

  /// Merges the values given before the subcommand (the root's copy) with those after it.
  func merged(with outer: GlobalOptions?) -> GlobalOptions {
    guard let outer else { return self }
    var m = self
    m.store = store ?? outer.store
    m.today = today ?? outer.today
    m.who = who ?? outer.who
    m.lang = lang ?? outer.lang
    return m
  }
}

/// Output formats; `markdown` and `csv` only where a table makes sense.
enum Format: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, csv

  /// Refuses (exit 64, naming the ones it writes) a format a command does not write, rather
  /// than print something else with exit 0.
  static func require(_ f: Format?, in offered: [Format]) throws {
    guard let f, !offered.contains(f) else { return }
    throw CommandError.invalid(.formatNotOffered(f.rawValue, offered: offered.map(\.rawValue)))
  }
}

/// Everything a command needs, resolved once: the store, the day, the user and the language,
/// and the session it runs in.
struct Context {
  let options: GlobalOptions
  let session: Session
  let today: Day
  let who: String
  let lang: Lang
  var words: any Words { lang.words }
  var phrases: Phrases { Phrases(words) }
  var console: Console { session.console }

  init(_ options: GlobalOptions, _ session: Session) throws {
    self.options = options
    self.session = session
    if let l = options.lang {
      guard let v = Lang(rawValue: l) else { throw CommandError.invalid(.badLang(l)) }
      lang = v
    } else {
      lang = Lang.fromEnvironment()
    }
    if let t = options.today {
      guard let d = Day(iso: t) else {
        throw CommandError.invalid(.badDateOption(option: "--today", value: t), lang.words)
      }
      today = d
    } else {
      today = Clock.today()
    }
    who = options.who ?? FileIO.environment("USER") ?? FileIO.environment("LOGNAME") ?? Context.loginName()
  }

  /// The account name, when the environment does not say.
  static func loginName() -> String {
    guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "unknown" }
    return String(cString: name)
  }

  /// The store folder: --store, then $SANXIANG_STORE, then the XDG data folder (made from the
  /// bundled sample on first use, saying so on stderr).
  func storeFolder() throws -> String {
    let (folder, notice) = try storeFolderAndNotice()
    if let notice { console.err(notice) }
    return folder
  }

  /// `storeFolder`, with what to tell the user when it was just made from the bundled
  /// sample (the dashboard shows it in its footer, where stderr behind the screen is lost).
  func storeFolderAndNotice() throws -> (String, String?) {
    if let s = options.store { return (s, nil) }
    if let s = FileIO.environment("SANXIANG_STORE"), !s.isEmpty { return (s, nil) }
    let base: String
    if let x = FileIO.environment("XDG_DATA_HOME"), x.hasPrefix("/") {
      base = x
    } else if let h = FileIO.environment("HOME"), !h.isEmpty {
      base = h + "/.local/share"
    } else {
      throw CommandError(.noStoreGiven)
    }
    let folder = base + "/sanxiang"
    if !FileIO.exists(folder + "/" + Store.tasksFile) {
      try BundledSample.install(into: folder)
      return (folder, words.createdFromSample(folder))
    }
    return (folder, nil)
  }

  /// What most commands do: resolve the options, open the store, and run `body` guarded
  /// (errors to stderr in the reader's words, with their exit code); then say so if a save's
  /// git commit failed.
  static func withStore(_ options: GlobalOptions, _ session: Session, _ body: (Context, Store) throws -> Void) throws {
    let ctx = try Context(options, session)
    try ctx.guarded {
      let store = try ctx.openStore()
      try body(ctx, store)
      ctx.sayCommitFailure(store)
    }
  }

  /// Opens the store (saying what it noticed on stderr), kept by the session to the end.
  func openStore(_ folder: String? = nil) throws -> Store {
    let place: String
    if let folder { place = folder } else { place = try storeFolder() }
    let s = try Store.open(place)
    for n in s.notices { console.err("sanxiang: " + words.notice(n)) }
    session.keep(s)
    return s
  }

  /// After a command's saves: the last one's git commit (`git_commit = on`) failed, though
  /// the save stands.
  func sayCommitFailure(_ store: Store) {
    if let f = store.gitCommitFailure { console.err("sanxiang: " + words.commitFailed(f)) }
  }
}

/// Buffered standard output, written in blocks of 64 KiB or at the end, and standard error;
/// both written through `FileIO`.
final class Console {
  private var buffer: [UInt8] = []

  func out(_ s: String) {
    buffer += s.utf8
    buffer.append(0x0A)
    if buffer.count > 1 << 16 { flush() }
  }

  /// JSON written straight into the output buffer, then a newline (as `out` adds). The
  /// writer hands the buffer to `drain` between items, so a long report goes out as it is
  /// made: the buffer stays small instead of growing (and being copied) to the report's size.
  func outJSON(_ write: (_ out: inout [UInt8], _ drain: (inout [UInt8]) -> Void) -> Void) {
    write(&buffer) { if $0.count > 1 << 16 { Console.flush(&$0) } }
    buffer.append(0x0A)
    if buffer.count > 1 << 16 { flush() }
  }

  func flush() { Console.flush(&buffer) }

  /// Writes `b` to standard output and empties it. A reader that has gone (a closed pipe)
  /// ends the output; nothing is said about it.
  private static func flush(_ b: inout [UInt8]) {
    try? FileIO.write(b, toDescriptor: 1, named: "stdout")
    b.removeAll(keepingCapacity: true)
  }

  /// A line on standard error, after whatever standard output holds so far.
  func err(_ s: String) {
    flush()
    Console.errNow(s)
  }

  /// A line on standard error at once, from any thread (a pull's progress): it needs no
  /// buffer, and the caller has flushed standard output before the threads began.
  static func errNow(_ s: String) {
    try? FileIO.write(Array((s + "\n").utf8), toDescriptor: 2, named: "stderr")
  }

  static var isTerminal: Bool { isatty(1) == 1 }

  /// Columns for text tables: $COLUMNS, the terminal's width, or 100.
  static var width: Int { columns(else: 100) }

  /// Columns for help pages: as for tables, else 80 (argument-parser's own default).
  static var helpWidth: Int { columns(else: 80) }

  private static func columns(else fallback: Int) -> Int {
    if let c = FileIO.environment("COLUMNS").flatMap(Int.init), c > 20 { return c }
    var ws = winsize()
    if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 20 { return Int(ws.ws_col) }
    return fallback
  }

  /// Colour only on a terminal, and never under NO_COLOR.
  static var useColor: Bool {
    isTerminal && (FileIO.environment("NO_COLOR") ?? "").isEmpty && FileIO.environment("TERM") != "dumb"
  }
}

extension Context {
  /// Runs a command body, turning the store's errors into `file:line:column: message` and the
  /// command line's into a message, in the user's words, on stderr with the sysexits code.
  func guarded(_ body: () throws -> Void) throws {
    do {
      try body()
      console.flush()
    } catch let e as StoreError {
      console.err("sanxiang: " + e.description(words))
      throw ExitCode(e.exitCode)
    } catch let e as CommandError {
      console.err("sanxiang: " + e.description(words))
      throw ExitCode(e.exitCode)
    }
  }
}
