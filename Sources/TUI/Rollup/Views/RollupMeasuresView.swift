import Model

/// 2 Measures: the measures every agency's plan shares, one row each, one column per agency
/// with its status there; the matrix scrolls sideways when the agencies do not all fit.
enum RollupMeasuresView: RollupDashboardView {
  static func rowCount(_ s: RollupState) -> Int { s.rollup.measures.count }

  static func agency(atRow row: Int, _ s: RollupState) -> Int? { nil }

  static func listTitle(_ s: RollupState) -> String {
    s.words.measuresHeading(s.rollup.measures.count, agencies: s.rollup.agencies.count)
  }

  static func drawList(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.words
    guard !s.rollup.measures.isEmpty else {
      g.put(" " + w.noSharedMeasures, x: rect.x, y: rect.y, style: .muted, maxWidth: rect.width)
      return
    }
    let idW = max(w.idColumn.displayWidth, s.rollup.measures.map { $0.id.displayWidth }.max() ?? 2)
    let textW = min(24, max(8, rect.width / 4))
    // Each agency a column headed by its label's first two characters.
    let colW = 5
    let first = rect.x + 1 + idW + 1 + textW + 1
    let columns = max(1, (rect.x + rect.width - first) / colW)
    let agencies = Array(s.rollup.agencies.indices.dropFirst(s.column).prefix(columns))
    var x = first
    for k in agencies {
      g.put(s.rollup.agencies[k].label.truncated(toWidth: colW - 1, ellipsis: ""), x: x, y: rect.y, style: .muted)
      x += colW
    }
    g.put(
      " " + w.idColumn.padded(toWidth: idW) + " " + w.columnMeasure, x: rect.x, y: rect.y, style: .muted,
      maxWidth: first - rect.x)
    for (n, r) in (s.offset..<min(s.rowCount, s.offset + rect.height - 1)).enumerated() {
      let y = rect.y + 1 + n
      let row = s.rollup.measures[r]
      g.put(" " + row.id.padded(toWidth: idW, right: true) + " " + row.measure.padded(toWidth: textW), x: rect.x, y: y)
      var cx = first
      for k in agencies {
        let status = row.cell(k)?.status
        let style: Style =
          switch status {
          case .overdue: .overdue
          case .done: .done
          case .blocked: .blocked
          case .waiting: .muted
          default: .normal
          }
        g.put(" " + (status?.glyph ?? " "), x: cx, y: y, style: style)
        cx += colW
      }
      if r == s.selection { Paint.cursorRow(&g, x: rect.x, y: y, width: first - rect.x) }
    }
    if s.rollup.agencies.count > columns {
      let more = w.moreAgencies(from: s.column + 1, to: s.column + agencies.count, of: s.rollup.agencies.count)
      g.put(more, x: rect.x + rect.width - more.displayWidth - 1, y: rect.y + rect.height, style: .muted)
    }
  }

  /// The measure in full, how many agencies have it done and late, and which agencies are
  /// at each status.
  static func detail(_ s: RollupState, width: Int) -> (title: String, lines: [(String, Style)]) {
    let w = s.words
    guard s.rowCount > 0 else { return (w.detailTitle, []) }
    let r = s.rollup.measures[s.selection]
    var lines: [(String, Style)] = []
    for line in r.measure.wrapped(toWidth: max(10, width - 4)) { lines.append((line, .normal)) }
    lines.append(("", .normal))
    lines.append((w.measureCounts(r), r.overdueIn > 0 ? .overdue : .normal))
    var byStatus: [MeasureStatus: [String]] = [:]
    for (k, c) in r.cells { byStatus[c.status, default: []].append(s.rollup.agencies[k].label) }
    for st in MeasureStatus.allCases {
      if let names = byStatus[st] {
        lines.append(
          (w.labelled(st.glyph + " " + w.measureStatus(st), names.joined(separator: w.listSeparator)), .normal))
      }
    }
    lines.append(("", .normal))
    lines.append((w.legend, .muted))
    return (w.measureTitle(r.id), lines)
  }
}
