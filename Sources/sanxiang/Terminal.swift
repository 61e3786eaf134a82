import CLI
import CNCurses
import Glibc
import Model
import TUI

/// The one file that talks to ncurses: it starts and restores the terminal, draws the
/// cells that changed since the last frame, and turns key codes into `Key`s.
final class CursesTerminal: TerminalIO {
  private let screen: OpaquePointer
  private var last: Grid?
  private var styles: [Style: (attrs: attr_t, pair: Int16)] = [:]

  /// Starts curses on the process's terminal, or explains why it cannot.
  init(colors wantColors: Bool) throws(CommandError) {
    guard let out = sx_fdopen(STDOUT_FILENO, "w"), let inp = sx_fdopen(STDIN_FILENO, "r"),
      let scr = newterm(nil, out, inp)
    else {
      throw CursesTerminal.unusable()
    }
    screen = scr
    set_term(scr)
    guard sx_can_address_cursor() != 0 else {
      endwin()
      delscreen(scr)
      throw CursesTerminal.unusable()
    }
    cbreak()
    noecho()
    nonl()
    keypad(sx_stdscr(), true)
    set_escdelay(25)
    curs_set(0)
    leaveok(sx_stdscr(), true)
    setupStyles(colors: wantColors && has_colors())
  }

  static func unusable() -> CommandError {
    CommandError(.terminalUnusable(term: FileIO.environment("TERM") ?? ""))
  }

  /// Semantic styles to colour pairs (or, without colour, to attributes), in one place.
  private func setupStyles(colors: Bool) {
    let bold = sx_a_bold()
    let rev = sx_a_reverse()
    let dim = sx_a_dim()
    let under = sx_a_underline()
    let normal = sx_a_normal()
    guard colors else {
      let mono: [Style: attr_t] = [
        .muted: dim, .title: bold, .borderFocused: bold, .tabActive: rev, .selected: rev | dim,
        .selectedFocused: rev | bold,
        .overdue: bold, .soon: under, .done: dim, .blocked: bold | under, .short: bold, .barFill: bold, .key: bold,
        .error: rev | bold, .input: under,
      ]
      for s in Style.allCases { styles[s] = (mono[s] ?? normal, 0) }
      return
    }
    start_color()
    use_default_colors()
    let table: [(Style, Int16, Int16, attr_t)] = [
      (.normal, -1, -1, normal), (.muted, -1, -1, dim), (.title, Int16(COLOR_CYAN), -1, bold),
      (.border, -1, -1, dim), (.borderFocused, Int16(COLOR_CYAN), -1, bold),
      (.tabActive, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal), (.selected, -1, -1, rev | dim),
      (.selectedFocused, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal), (.overdue, Int16(COLOR_RED), -1, bold),
      (.soon, Int16(COLOR_YELLOW), -1, normal), (.done, Int16(COLOR_GREEN), -1, normal),
      (.blocked, Int16(COLOR_MAGENTA), -1, bold), (.short, Int16(COLOR_RED), -1, bold),
      (.barFill, Int16(COLOR_GREEN), -1, bold), (.barEmpty, -1, -1, normal), (.key, Int16(COLOR_YELLOW), -1, bold),
      (.info, Int16(COLOR_CYAN), -1, normal), (.error, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
      (.input, -1, -1, under),
    ]
    for (k, (style, fg, bg, attrs)) in table.enumerated() {
      let pair = Int16(k + 1)
      init_pair(pair, fg, bg)
      styles[style] = (attrs, pair)
    }
  }

  var size: (width: Int, height: Int) { (Int(getmaxx(sx_stdscr())), Int(getmaxy(sx_stdscr()))) }

  var finished: Bool { sx_pending_signal() != 0 }

  func invalidate() {
    last = nil
    clearok(sx_stdscr(), true)
  }

  /// Writes only the cells that differ from the last frame, then shows them at once.
  func draw(_ grid: Grid) {
    let win = sx_stdscr()
    if let l = last, l.width != grid.width || l.height != grid.height { invalidate() }
    let old = last
    for y in 0..<grid.height {
      var x = 0
      while x < grid.width {
        let cell = grid[x, y]
        defer { x += 1 }
        if cell.isContinuation { continue }
        if let old, old[x, y] == cell, x + 1 >= grid.width || old[x + 1, y] == grid[x + 1, y] { continue }
        put(cell, x: x, y: y, win: win, grid: grid)
      }
    }
    last = grid
    wnoutrefresh(win)
    doupdate()
  }

  private func put(_ cell: Cell, x: Int, y: Int, win: UnsafeMutablePointer<WINDOW>?, grid: Grid) {
    let (attrs, pair) = styles[cell.style] ?? (sx_a_normal(), 0)
    var scalars = Array(cell.char.unicodeScalars.prefix(5)).map { wchar_t(bitPattern: $0.value) }
    let want = DisplayWidth.of(cell.char)
    // The terminal's width must agree with ours, or every later column would shift.
    if let first = cell.char.unicodeScalars.first, Int(sx_wcwidth(first.value)) != want {
      scalars = want == 2 ? [wchar_t(63), wchar_t(63)] : [wchar_t(63)]
      for (k, c) in scalars.enumerated() {
        var one: [wchar_t] = [c, 0]
        _ = sx_put_cell(win, Int32(y), Int32(x + k), &one, attrs, pair)
      }
      return
    }
    scalars.append(0)
    _ = sx_put_cell(win, Int32(y), Int32(x), &scalars, attrs, pair)
  }

  /// The next key, waiting at most `timeoutMs`, in slices so a signal is noticed quickly.
  func readKey(timeoutMs: Int) -> Key? {
    let win = sx_stdscr()
    var waited = 0
    while true {
      if sx_pending_signal() != 0 { return nil }
      let slice = min(100, max(0, timeoutMs - waited))
      wtimeout(win, Int32(slice))
      var ch: wint_t = 0
      let r = wget_wch(win, &ch)
      if r == KEY_CODE_YES { return special(Int32(ch)) }
      if r == OK { return plain(UInt32(ch)) }
      waited += slice
      if waited >= timeoutMs { return nil }
    }
  }

  private func special(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case sx_key_resize(): return nil
    default:
      if code >= sx_key_f(1) && code <= sx_key_f(12) { return .function(Int(code - sx_key_f(0))) }
      return nil
    }
  }

  private func plain(_ c: UInt32) -> Key? {
    switch c {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(c + 96)!))
    default: return Unicode.Scalar(c).map { .char(Character($0)) }
    }
  }

  /// Gives the terminal back as it was found.
  func close() {
    endwin()
    delscreen(screen)
  }
}

/// Starts the dashboard on a real terminal and always gives the terminal back.
enum CursesDashboard {
  static func run(_ req: DashboardRequest) throws -> Int32 {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      let msg = req.lang.words.needsTerminal + "\n"
      _ = Array(msg.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      return 64
    }
    let store = try Store.open(req.folder)
    return try withTerminal { terminal, ascii in
      let dashboard = Dashboard(
        store: store, terminal: terminal, today: req.today, todayPinned: req.todayPinned, who: req.who,
        lang: req.lang, ascii: ascii, notice: req.notice)
      dashboard.run()
    }
  }

  /// The roll-up dashboard (`sanxiang rollup DIR…` on a terminal), read-only.
  static func runRollup(_ rollup: Rollup, _ lang: Lang) throws -> Int32 {
    try withTerminal { terminal, ascii in
      RollupDashboard(rollup: rollup, terminal: terminal, lang: lang, ascii: ascii).run()
    }
  }

  /// Takes the terminal, runs `body`, and gives the terminal back whatever happens; the exit
  /// status says whether a signal ended it.
  static func withTerminal(_ body: (CursesTerminal, Bool) -> Void) throws -> Int32 {
    setlocale(LC_ALL, "")
    if sx_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    sx_catch_signals()
    let term = FileIO.environment("TERM") ?? ""
    let colors = (FileIO.environment("NO_COLOR") ?? "").isEmpty
    let ascii = FileIO.environment("SANXIANG_ASCII") == "1" || term.hasPrefix("vt")
    let terminal = try CursesTerminal(colors: colors)
    sx_catch_crashes()
    defer { terminal.close() }
    body(terminal, ascii)
    let sig = sx_pending_signal()
    return sig == 0 ? 0 : 128 + sig
  }
}
