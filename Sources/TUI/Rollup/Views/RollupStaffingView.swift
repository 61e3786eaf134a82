import Model

/// 3 Staffing: every agency's units against the 5% rule, shortfalls first, then the
/// agency's total.
enum RollupStaffingView: RollupDashboardView {
  static func rowCount(_ s: RollupState) -> Int { s.unitRows.count }

  static func agency(atRow row: Int, _ s: RollupState) -> Int? { s.unitRows[row].agency }

  static func listTitle(_ s: RollupState) -> String { s.words.unitsListTitle }

  static func drawList(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.words
    let labelW = min(14, max(6, s.rollup.agencies.map { $0.label.displayWidth }.max() ?? 6))
    let unitW = min(14, max(6, s.unitRows.map { $0.check.unit.displayWidth }.max() ?? 6))
    for (n, k) in (s.offset..<min(s.rowCount, s.offset + rect.height)).enumerated() {
      let y = rect.y + n
      let row = s.unitRows[k]
      let c = row.check
      let tone: Style = row.isTotal ? .title : (c.compliant == false ? .short : .normal)
      var x = rect.x
      x += g.put(" " + s.rollup.agencies[row.agency].label.padded(toWidth: labelW) + "  ", x: x, y: y, style: .muted)
      x += g.put(c.unit.padded(toWidth: unitW) + " ", x: x, y: y, style: tone)
      x += g.put(String(c.enforcement).padded(toWidth: 5, right: true) + "  ", x: x, y: y)
      x += g.put(
        "\(c.reviewers)/\(c.required.map(String.init) ?? "—")".padded(toWidth: 7, right: true) + "  ", x: x, y: y,
        style: tone)
      let verdict = c.shortfall > 0 ? w.unitShortBy(c.shortfall) : w.unitOK
      g.put(verdict, x: x, y: y, style: tone, maxWidth: rect.x + rect.width - x)
      if k == s.selection { Paint.cursorRow(&g, x: rect.x, y: y, width: rect.width) }
    }
  }

  static func detail(_ s: RollupState, width: Int) -> (title: String, lines: [(String, Style)]) {
    RollupDetailPane.agency(s.selectedAgency, s, width: width)
  }
}
