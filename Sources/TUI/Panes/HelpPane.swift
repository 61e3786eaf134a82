import Model

/// The help overlay: every binding in force with its help text, then what each mark means.
/// The roll-up's help is the same overlay over its own map.
enum HelpPane {
  static func draw(_ s: AppState, into g: inout Grid) {
    let rows = KeyMap.helpRows(KeyMap.bindings(in: s.view), s.words) + [("", "")] + s.words.markers
    draw(rows, s.words, scroll: s.helpScroll, ascii: s.ascii, into: &g)
  }

  /// `rows` (keys, help) in a box in the middle of the screen, from row `scroll` on.
  static func draw(_ rows: [(String, String)], _ words: any Words, scroll: Int, ascii: Bool, into g: inout Grid) {
    let keyW = rows.map { $0.0.displayWidth }.max() ?? 8
    let helpW = rows.map { $0.1.displayWidth }.max() ?? 20
    let w = min(g.width - 2, keyW + helpW + 6)
    let h = min(g.height - 2, rows.count + 4)
    let r = Rect(x: (g.width - w) / 2, y: (g.height - h) / 2, width: w, height: h)
    g.fill(r)
    g.box(r, title: words.keysTitle, style: .borderFocused, ascii: ascii)
    let inner = r.inner
    let visible = max(1, inner.height - 1)
    let top = min(scroll, max(0, rows.count - visible))
    for (k, row) in rows.dropFirst(top).prefix(visible).enumerated() {
      let y = inner.y + 1 + k
      g.put(row.0, x: inner.x + 1, y: y, style: .key, maxWidth: keyW)
      g.put(row.1, x: inner.x + keyW + 3, y: y, maxWidth: inner.width - keyW - 3)
    }
  }
}
