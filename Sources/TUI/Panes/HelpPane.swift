import Model

/// The help overlay: every binding in force with its help text, then what each mark means.
enum HelpPane {
  static func draw(_ s: AppState, into g: inout Grid) {
    let words = s.words
    let rows =
      KeyMap.bindings(in: s.view).map { b in (b.keys.map(\.name).joined(separator: " "), b.help(words)) } + [("", "")]
      + words.markers
    let keyW = rows.map { $0.0.displayWidth }.max() ?? 8
    let helpW = rows.map { $0.1.displayWidth }.max() ?? 20
    let w = min(s.width - 2, keyW + helpW + 6)
    let h = min(s.height - 2, rows.count + 4)
    let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
    g.fill(r)
    g.box(r, title: words.keysTitle, style: .borderFocused, ascii: s.ascii)
    let inner = r.inner
    let visible = max(1, inner.height - 1)
    let top = min(s.helpScroll, max(0, rows.count - visible))
    for (k, row) in rows.dropFirst(top).prefix(visible).enumerated() {
      let y = inner.y + 1 + k
      g.put(row.0, x: inner.x + 1, y: y, style: .key, maxWidth: keyW)
      g.put(row.1, x: inner.x + keyW + 3, y: y, maxWidth: inner.width - keyW - 3)
    }
  }
}
