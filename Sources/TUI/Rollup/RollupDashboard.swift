import Model

/// The roll-up dashboard's loop: terminal → key → `update` → `render` → terminal, as the
/// single plan's `Dashboard`, with nothing to save.
public final class RollupDashboard {
  public private(set) var state: RollupState
  let terminal: TerminalIO

  public init(rollup: Rollup, terminal: TerminalIO, lang: Lang, ascii: Bool = false) {
    self.terminal = terminal
    let (w, h) = terminal.size
    state = RollupState(rollup: rollup, lang: lang, width: w, height: h, ascii: ascii)
  }

  /// Runs until `q` or the end of input.
  public func run() {
    var size = terminal.size
    terminal.draw(render(state))
    while !terminal.finished {
      let key = terminal.readKey(timeoutMs: 1000)
      let now = terminal.size
      if now != size {
        size = now
        if perform(state.update(.resize(width: now.width, height: now.height))) { return }
      }
      if let key, perform(state.update(.key(key))) { return }
      terminal.draw(render(state))
    }
  }

  /// True when the dashboard should quit.
  func perform(_ effects: [Effect]) -> Bool {
    for e in effects {
      switch e {
      case .quit: return true
      case .redraw: terminal.invalidate()
      case .save: break
      }
    }
    return false
  }
}
