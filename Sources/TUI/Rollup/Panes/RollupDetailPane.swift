import Model

/// The roll-up's detail pane: a box with what the shown view says of the row the cursor is
/// on (`RollupDashboardView.detail`).
enum RollupDetailPane {
  static func draw(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let (title, lines) = s.view.kind.detail(s, width: rect.width)
    g.box(rect, title: title, style: .border, ascii: s.ascii)
    let inner = rect.inner
    for (n, line) in lines.prefix(inner.height).enumerated() {
      g.put(" " + line.0, x: inner.x, y: inner.y + n, style: line.1, maxWidth: inner.width)
    }
  }

  /// An agency's folder, last change and figures, or why its store could not be read (the
  /// Agencies and Staffing views' detail).
  static func agency(_ k: Int?, _ s: RollupState, width: Int) -> (title: String, lines: [(String, Style)]) {
    let w = s.words
    guard let k else { return (w.detailTitle, []) }
    let a = s.rollup.agencies[k]
    var lines: [(String, Style)] = []
    lines.append((w.storeLine(a.folder), .muted))
    lines.append((w.changedLine(w.lastChange(a)), a.notReporting ? .error : .normal))
    if let f = a.figures {
      lines.append((w.agencyFigures(f), f.overdue > 0 ? .overdue : .normal))
      lines.append((w.agencyShortUnits(f.staffingShortUnits), f.staffingShortUnits > 0 ? .short : .normal))
      lines.append(("", .normal))
      lines.append((w.openStandupHint, .muted))
    } else if let e = a.error {
      for line in e.description(w).wrapped(toWidth: max(10, width - 4)) { lines.append((line, .error)) }
    }
    return (a.label, lines)
  }
}
