import Model

/// The navigation pane: its frame and cursor; each view draws its own rows (stand-up sections,
/// groups with progress bars, departments with their counts, staffing filters with the
/// totals, the journal's days).
enum NavPane {
  static func draw(_ s: AppState, into g: inout Grid, rect: Rect) {
    let focused = s.focus == .nav
    let kind = s.view.kind
    g.box(rect, title: kind.navTitle(s), style: focused ? .borderFocused : .border, ascii: s.ascii)
    let inner = rect.inner
    guard !inner.isEmpty else { return }
    let per = kind.navRowsPerItem
    let visible = max(1, inner.height / per)
    let top = s.navScrollOffset
    var y = inner.y
    for k in top..<min(s.navItems.count, top + visible) {
      kind.drawNav(s.navItems[k], s, into: &g, x: inner.x, y: y, width: inner.width)
      if k == s.navSelection { Paint.cursorRow(&g, x: inner.x, y: y, width: inner.width, focused: focused) }
      y += per
    }
    kind.drawUnderNav(s, into: &g, x: inner.x, y: y + 1, rect: inner)
  }
}
