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

/// The loop: terminal → key → `update` → effects (saving through the store) → messages →
/// `render` → terminal. Between keys it watches the store for changes saved elsewhere.
public final class Dashboard {
  public private(set) var state: AppState
  let store: Store
  let terminal: TerminalIO
  let who: String
  let todayPinned: Bool
  let clock: () -> Day
  /// How long to wait for a key before looking at the disk again.
  public var pollMs = 1000

  public init(
    store: Store, terminal: TerminalIO, today: Day, todayPinned: Bool = true, who: String, lang: Lang,
    ascii: Bool = false, notice: String? = nil, clock: @escaping () -> Day = Clock.today
  ) {
    self.store = store
    self.terminal = terminal
    self.who = who
    self.todayPinned = todayPinned
    self.clock = clock
    let (w, h) = terminal.size
    state = AppState(
      plan: store.plan, today: today, lang: lang, width: w, height: h, ascii: ascii, who: who,
      readOnly: store.isReadOnly)
    store.removesOldVersionsLater = true
    _ = perform(state.update(.start(notices: store.notices, said: notice)))
  }

  /// Runs until `q` or the end of input.
  public func run() {
    defer { store.settle() }
    var size = terminal.size
    terminal.draw(render(state))
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
      terminal.draw(render(state))
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
        do {
          let saved = try store.commit(changes, by: who)
          queue += state.update(.saved(saved, message: text))
        } catch {
          queue += state.update(.saveFailed(error, plan: store.plan))
        }
      }
    }
    return false
  }

  /// With no key pressed: pick up changes saved elsewhere, a new day at midnight, and work
  /// out the figures of views not yet visited.
  func idle() {
    if store.changedOnDisk {
      do {
        if let r = try store.reloadIfChanged() { _ = perform(state.update(.reloaded(r))) }
      } catch {
        _ = perform(state.update(.reloadFailed(error)))
      }
    }
    if !todayPinned {
      let d = clock()
      if d != state.today { _ = perform(state.update(.newDay(d))) }
    }
    _ = perform(state.update(.idle))
  }
}
