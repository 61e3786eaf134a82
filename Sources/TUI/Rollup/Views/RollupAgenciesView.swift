import Model

/// 1 Agencies: every agency, worst first, with its progress bar, its late, soon, waiting and
/// short figures and its last change; a store that does not parse is listed with its error.
enum RollupAgenciesView: RollupDashboardView {
  static func rowCount(_ s: RollupState) -> Int { s.rollup.agencies.count }

  static func agency(atRow row: Int, _ s: RollupState) -> Int? { row }

  static func listTitle(_ s: RollupState) -> String { s.words.agenciesListTitle(s.rowCount) }

  static func drawList(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.words
    let labelW = min(18, max(6, s.rollup.agencies.map { $0.label.displayWidth }.max() ?? 6))
    let barW = rect.width >= 100 ? 16 : 10
    // Short headings: each figure's column is six wide.
    let columns = [w.lateShort, w.soonShort, w.waitShort, w.shortShort]
    let head =
      " " + w.agencyColumn.padded(toWidth: labelW) + "  " + w.progressColumn.padded(toWidth: barW + 8) + "  "
      + columns.map { $0.padded(toWidth: 6, right: true) }.joined(separator: " ") + "  " + w.lastChangeColumn
    g.put(head, x: rect.x, y: rect.y, style: .muted, maxWidth: rect.width)
    for (n, k) in (s.offset..<min(s.rowCount, s.offset + rect.height - 1)).enumerated() {
      let y = rect.y + 1 + n
      let a = s.rollup.agencies[k]
      var x = rect.x + g.put(" " + a.label.padded(toWidth: labelW) + "  ", x: rect.x, y: y)
      if let f = a.figures {
        Paint.bar(&g, x: x, y: y, width: barW, done: f.done, total: f.tasks)
        x += barW
        x += g.put(" \(f.done)/\(f.tasks)".padded(toWidth: 8) + "  ", x: x, y: y)
        for (v, style) in [
          (f.overdue, f.overdue > 0 ? Style.overdue : .normal), (f.dueSoon, .soon), (f.waiting, .normal),
          (f.staffingShortUnits, f.staffingShortUnits > 0 ? Style.short : .normal),
        ] {
          x += g.put(String(v).padded(toWidth: 6, right: true) + " ", x: x, y: y, style: style)
        }
        let last = (a.notReporting ? "⚠ " + w.notReporting + " · " : "") + w.lastChange(a)
        g.put(" " + last, x: x, y: y, style: a.notReporting ? .error : .muted, maxWidth: rect.x + rect.width - x)
      } else {
        // The error as the store's own files name it (the folder is in the detail pane).
        let why = (a.error?.description(w) ?? "").replacing(a.folder + "/", with: "")
        g.put(w.labelled(w.unreadable, why), x: x, y: y, style: .error, maxWidth: rect.x + rect.width - x)
      }
      if k == s.selection { Paint.cursorRow(&g, x: rect.x, y: y, width: rect.width) }
    }
  }

  static func detail(_ s: RollupState, width: Int) -> (title: String, lines: [(String, Style)]) {
    RollupDetailPane.agency(s.selectedAgency, s, width: width)
  }
}
