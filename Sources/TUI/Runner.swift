import Model

/// What the dashboard needs from a terminal. The ncurses backend and the tests' fake
/// terminal both provide it, so the same loop runs in both.
public protocol TerminalIO: AnyObject {
  /// Columns and rows right now.
  var size: (width: Int, height: Int) { get }
  /// Shows a frame; a real terminal writes only the cells that changed.
  func draw(_ grid: Grid)
  /// Forgets what is on screen, so the next `draw` repaints everything.
  func invalidate()
  /// The next key, or nil when `timeoutMs` passes (or input has ended).
  func readKey(timeoutMs: Int) -> Key?
  /// True once no more input can come (end of a script, a closed terminal, a signal).
  var finished: Bool { get }
}

/// A dashboard's state as its runner sees it (Bubble Tea's Model): messages in, effects
/// out, and a frame drawn from it. One plan's `AppState` and the roll-up's `RollupState`.
public protocol Program: Sendable {
  /// The one place the state changes. Pure: no I/O, no clock; what it needs done comes back
  /// as effects, and their results come in as messages.
  mutating func update(_ msg: Msg) -> [Effect]
  /// The whole screen for the state. Pure: the same state gives the same grid.
  func frame() -> Grid
}

/// The loop both dashboards run: `.start` → `update`; then terminal → key → `update` →
/// effects (saving through the store) → messages → `update` … → `frame` → terminal. Between
/// keys it watches the store for changes saved elsewhere and the clock for a new day. It
/// calls nothing on the state but `update` and `frame`, and phrases nothing.
public final class Runner<State: Program> {
  public private(set) var state: State
  let terminal: TerminalIO
  /// Where saves go and where changes saved elsewhere come from; nil for a program that
  /// saves nothing and watches no store (the roll-up: its agencies are opened read-only).
  let store: Store?
  let who: String
  /// The real date, for a dashboard left open past midnight; nil when the day is pinned.
  let clock: (() -> Day)?
  /// The day the state was last told of (the start's, then each `.newDay`'s).
  var day: Day
  /// How long to wait for a key before looking at the disk again.
  public var pollMs = 1000

  /// Takes `state` and sends it `start` (its notices) before the first frame.
  init(_ state: State, start: Msg, terminal: TerminalIO, store: Store?, who: String, today: Day, clock: (() -> Day)?) {
    self.state = state
    self.terminal = terminal
    self.store = store
    self.who = who
    self.clock = clock
    day = today
    store?.removesOldVersionsLater = true
    _ = perform(self.state.update(start))
  }

  /// Runs until `q` or the end of input.
  public func run() {
    defer { store?.settle() }
    var size = terminal.size
    terminal.draw(state.frame())
    while !terminal.finished {
      let key = terminal.readKey(timeoutMs: pollMs)
      let now = terminal.size
      if now != size {
        size = now
        if perform(state.update(.resize(width: now.width, height: now.height))) { return }
      }
      if let key {
        if perform(state.update(.key(key))) { return }
      } else {
        idle()
      }
      terminal.draw(state.frame())
    }
  }

  /// Feeds one message and carries out what it asks; true when the dashboard should quit.
  @discardableResult
  public func send(_ msg: Msg) -> Bool { perform(state.update(msg)) }

  /// Carries out effects in order, feeding each one's result back through `update` and
  /// carrying out what that asks in turn; true when the dashboard should quit.
  func perform(_ effects: [Effect]) -> Bool {
    var queue = effects[...]
    while let e = queue.popFirst() {
      switch e {
      case .quit:
        return true
      case .redraw:
        terminal.invalidate()
      case .save(let changes, let text):
        // A program without a store asks for no save (the roll-up drops its agencies').
        guard let store else { continue }
        do {
          let saved = try store.commit(changes, by: who)
          queue += state.update(.saved(saved, message: text, gitFailure: store.gitCommitFailure))
        } catch {
          queue += state.update(.saveFailed(error, plan: store.plan))
        }
      }
    }
    return false
  }

  /// With no key pressed: pick up changes saved elsewhere, a new day at midnight, and let
  /// the state work out what it would otherwise wait for (the figures of views not yet
  /// visited).
  func idle() {
    if let store, store.changedOnDisk {
      do {
        if let r = try store.reloadIfChanged() { _ = perform(state.update(.reloaded(r))) }
      } catch {
        _ = perform(state.update(.reloadFailed(error)))
      }
    }
    if let clock {
      let d = clock()
      if d != day {
        day = d
        _ = perform(state.update(.newDay(d)))
      }
    }
    _ = perform(state.update(.idle))
  }
}

/// One plan's dashboard.
public typealias Dashboard = Runner<AppState>

extension Runner where State == AppState {
  /// A dashboard over `store`; `notice` is said first (beside the store's own notices).
  public convenience init(
    store: Store, terminal: TerminalIO, today: Day, todayPinned: Bool = true, who: String, lang: Lang,
    ascii: Bool = false, notice: String? = nil, clock: @escaping () -> Day = Clock.today
  ) {
    let (w, h) = terminal.size
    let state = AppState(
      plan: store.plan, today: today, lang: lang, width: w, height: h, ascii: ascii, who: who,
      readOnly: store.isReadOnly)
    self.init(
      state, start: .start(notices: store.notices, said: notice), terminal: terminal, store: store, who: who,
      today: today, clock: todayPinned ? nil : clock)
  }
}

/// The roll-up dashboard: read-only, over many agencies' stores read once.
public typealias RollupDashboard = Runner<RollupState>

extension Runner where State == RollupState {
  public convenience init(rollup: Rollup, terminal: TerminalIO, lang: Lang, ascii: Bool = false) {
    let (w, h) = terminal.size
    self.init(
      RollupState(rollup: rollup, lang: lang, width: w, height: h, ascii: ascii),
      start: .start(notices: [], said: nil), terminal: terminal, store: nil, who: "", today: rollup.today, clock: nil)
  }
}
