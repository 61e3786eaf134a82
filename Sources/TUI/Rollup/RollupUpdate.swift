import Model

extension RollupState {
  /// The one place its state changes. Pure; the only effects are quitting and redrawing.
  public mutating func update(_ msg: Msg) -> [Effect] {
    switch msg {
    case .start(let notices, let said):
      start(notices, said: said)
      return []
    case .resize(let w, let h):
      width = w
      height = h
      _ = agency?.update(.resize(width: w, height: h))
      keepVisible()
      return []
    case .key(let k):
      if agency != nil { return agencyKey(k) }
      return key(k)
    case .idle:
      // An agency's dashboard works out the figures of its views not yet visited.
      _ = agency?.update(.idle)
      return []
    case .saved, .saveFailed, .reloaded, .reloadFailed, .newDay:
      // Nothing is saved or watched here: the runner has no store for the roll-up.
      return []
    }
  }

  /// A key while an agency's own dashboard is open: Esc where that dashboard has nothing
  /// left to go back from comes back to the roll-up; `q` quits; the rest is its own.
  mutating func agencyKey(_ k: Key) -> [Effect] {
    guard var a = agency else { return [] }
    let atTop =
      a.prompt == nil && a.form == nil && !a.showHelp && a.search.isEmpty && a.filter == .all
      && a.focus == .nav
    if k == .escape && atTop || k == .backspace && atTop {
      agency = nil
      return []
    }
    let effects = a.update(.key(k))
    agency = a
    // A read-only dashboard asks for nothing but quitting and redrawing.
    return effects.filter { $0 == .quit || $0 == .redraw }
  }

  mutating func key(_ k: Key) -> [Effect] {
    if showHelp {
      KeyMap.helpKey(k, shown: &showHelp, scroll: &helpScroll)
      return []
    }
    messages = []
    guard let a = action(of: KeyMap.first(k, in: RollupKeys.bindings), unbound: { $0.words.keyUnbound(k.name) }) else {
      return []
    }
    return perform(a)
  }

  mutating func perform(_ action: RollupAction) -> [Effect] {
    switch action {
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    case .help:
      showHelp = true
      helpScroll = 0
    case .view(let v): view = v
    case .up: move(by: -1)
    case .down: move(by: 1)
    case .pageUp: move(by: -listRows)
    case .pageDown: move(by: listRows)
    case .top: move(by: Int.min / 2)
    case .bottom: move(by: Int.max / 2)
    case .scrollLeft: column = max(0, column - 1)
    case .scrollRight: column = min(max(0, rollup.agencies.count - 1), column + 1)
    case .open:
      guard let k = selectedAgency else { return [] }
      let a = rollup.agencies[k]
      guard let agenda = a.agenda else {
        say(words.failure(a), error: true)
        return []
      }
      var s = AppState(
        plan: agenda.plan, today: rollup.today, lang: lang, width: width, height: height, ascii: ascii, readOnly: true)
      _ = s.update(.start(notices: [], said: words.readOnlyAgency(a.label)))
      agency = s
    case .back: break
    }
    keepVisible()
    return []
  }

  mutating func move(by delta: Int) {
    guard rowCount > 0 else { return }
    var l = lists[view] ?? ListState()
    l.selected = clamp(selection + delta, 0, rowCount - 1)
    lists[view] = l
  }

  mutating func keepVisible() {
    var l = lists[view] ?? ListState()
    let rows = listRows
    if selection < l.offset { l.offset = selection }
    if selection >= l.offset + rows { l.offset = selection - rows + 1 }
    l.offset = clamp(l.offset, 0, max(0, rowCount - rows))
    l.selected = selection
    lists[view] = l
  }
}
