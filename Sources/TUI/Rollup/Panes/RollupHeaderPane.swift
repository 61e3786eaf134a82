import Model

/// The roll-up's two top rows: how many agencies, the day and the overall figures, then the
/// views' tabs.
enum RollupHeaderPane {
  static func draw(_ s: RollupState, into g: inout Grid) {
    let w = s.words
    let t = s.rollup.total
    g.fill(Rect(x: 0, y: 0, width: s.width, height: 1))
    var right = "\(s.rollup.today) \(w.weekday(s.rollup.today.weekday))  " + w.rollupOverview(t) + " "
    if right.displayWidth > s.width - 20 { right = w.rollupOverview(t) + " " }
    let rw = min(right.displayWidth, s.width - 12)
    g.put(right, x: s.width - rw, y: 0, style: t.figures.overdue > 0 ? .overdue : .normal, maxWidth: rw)
    g.put(
      " " + w.rollupTitle(t.agencies), x: 0, y: 0, style: .title,
      maxWidth: max(0, s.width - rw - 1))
    var x = 1
    for v in RollupView.allCases {
      x += g.put(" \(v.rawValue) \(v.title(w)) ", x: x, y: 1, style: v == s.view ? .tabActive : .muted) + 1
    }
  }
}
