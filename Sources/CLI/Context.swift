import ArgumentParser
import Model

#if canImport(Glibc)
  import Glibc
#endif

/// Options every command accepts, before or after the subcommand's name.
public struct GlobalOptions: ParsableArguments {
  @Option(help: "The store folder (default: $SANXIANG_STORE, else the XDG data folder).")
  var store: String?

  @Option(help: ArgumentHelp("Read the plan as of this day, YYYY-MM-DD (default: the real date).", valueName: "date"))
  var today: String?

  @Option(name: .customLong("as"), help: ArgumentHelp("Who the journal records (default: $USER).", valueName: "name"))
  var who: String?

  @Option(help: ArgumentHelp("Interface language, zh or en (default: from the locale).", valueName: "zh|en"))
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
}

/// Everything a command needs, resolved once: the store, the day, the user and the language.
struct Context {
  let options: GlobalOptions
  let today: Day
  let who: String
  let lang: Lang
  var phrases: Phrases { Phrases(lang) }

  init(_ options: GlobalOptions) throws {
    self.options = options
    if let t = options.today {
      guard let d = Day(iso: t) else { throw ValidationError("--today must be a date like 2019-09-20, not \"\(t)\"") }
      today = d
    } else {
      today = Clock.today()
    }
    who = options.who ?? FileIO.environment("USER") ?? FileIO.environment("LOGNAME") ?? Context.loginName()
    if let l = options.lang {
      guard let v = Lang(rawValue: l) else { throw ValidationError("--lang must be zh or en, not \"\(l)\"") }
      lang = v
    } else {
      lang = Lang.fromEnvironment()
    }
  }

  /// The account name, when the environment does not say.
  static func loginName() -> String {
    guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "unknown" }
    return String(cString: name)
  }

  /// The store folder: --store, then $SANXIANG_STORE, then the XDG data folder (made from the
  /// bundled sample on first use, saying so on stderr).
  func storeFolder() throws(StoreError) -> String {
    if let s = options.store { return s }
    if let s = FileIO.environment("SANXIANG_STORE"), !s.isEmpty { return s }
    let base: String
    if let x = FileIO.environment("XDG_DATA_HOME"), x.hasPrefix("/") {
      base = x
    } else if let h = FileIO.environment("HOME"), !h.isEmpty {
      base = h + "/.local/share"
    } else {
      throw StoreError(.noInput, "no store given: use --store DIR or set SANXIANG_STORE")
    }
    let folder = base + "/sanxiang"
    if !FileIO.exists(folder + "/" + Store.tasksFile) {
      try BundledSample.install(into: folder)
      Console.err(
        lang.pick(
          "sanxiang: 已用内置示例方案创建 \(folder)（用 --store DIR 或 $SANXIANG_STORE 指定自己的方案）",
          "sanxiang: created \(folder) from the bundled sample plan (use --store DIR or $SANXIANG_STORE for your own)"))
    }
    return folder
  }

  func openStore() throws(StoreError) -> Store {
    let s = try Store.open(try storeFolder())
    for n in s.notices { Console.err("sanxiang: " + n) }
    Context.kept = (s, lang)
    return s
  }

  /// The store a command opened, kept to the end of the process: a command runs once and
  /// exits, and freeing a large plan's hundreds of thousands of strings first only delays it.
  /// With the command's language, to report what its save left undone (a git commit).
  nonisolated(unsafe) static var kept: (store: Store, lang: Lang)?
}

/// Buffered output, written in blocks of 64 KiB or at the end.
enum Console {
  nonisolated(unsafe) static var buffer: [UInt8] = []

  static func out(_ s: String) {
    buffer += s.utf8
    buffer.append(0x0A)
    if buffer.count > 1 << 16 { flush() }
  }

  /// JSON written straight into the output buffer, then a newline (as `out` adds). The
  /// writer hands the buffer to `drain` between items, so a long report goes out as it is
  /// made: the buffer stays small instead of growing (and being copied) to the report's size.
  static func outJSON(_ write: (_ out: inout [UInt8], _ drain: (inout [UInt8]) -> Void) -> Void) {
    write(&buffer) { if $0.count > 1 << 16 { flush(&$0) } }
    buffer.append(0x0A)
    if buffer.count > 1 << 16 { flush() }
  }

  static func flush() { flush(&buffer) }

  private static func flush(_ b: inout [UInt8]) {
    var done = 0
    while done < b.count {
      let n = b.withUnsafeBytes { write(1, $0.baseAddress! + done, $0.count - done) }
      if n <= 0 { break }
      done += n
    }
    b.removeAll(keepingCapacity: true)
  }

  static func err(_ s: String) {
    flush()
    let b = Array((s + "\n").utf8)
    _ = b.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
  }

  static var isTerminal: Bool { isatty(1) == 1 }

  /// Columns for text tables: $COLUMNS, the terminal's width, or 100.
  static var width: Int {
    if let c = FileIO.environment("COLUMNS").flatMap(Int.init), c > 20 { return c }
    var ws = winsize()
    if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 20 { return Int(ws.ws_col) }
    return 100
  }

  /// Colour only on a terminal, and never under NO_COLOR.
  static var useColor: Bool {
    isTerminal && (FileIO.environment("NO_COLOR") ?? "").isEmpty && FileIO.environment("TERM") != "dumb"
  }
}

/// Runs a command body, turning store errors into `file:line:column: message` on stderr and
/// the sysexits code.
func guarded(_ body: () throws -> Void) throws {
  do {
    try body()
    Console.flush()
    if let (store, lang) = Context.kept, let f = store.gitCommitFailure {
      Console.err("sanxiang: " + RollupWords(lang).commitFailed(f))
    }
  } catch let e as StoreError {
    Console.err("sanxiang: " + e.description)
    throw ExitCode(e.exitCode)
  }
}
