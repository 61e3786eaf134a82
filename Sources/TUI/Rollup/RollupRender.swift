import Model

/// Draws the roll-up into a grid. Pure: the same state gives the same grid. An agency opened
/// with Enter is drawn by its own dashboard's `render`.
public func render(_ s: RollupState) -> Grid {
  if let a = s.agency { return render(a) }
  var g = Grid(width: s.width, height: s.height)
  guard s.width >= Layout.minimum.width, s.height >= Layout.minimum.height else {
    g.put(s.lang.words.terminalTooSmall, x: 0, y: 0, style: .error, maxWidth: s.width)
    return g
  }
  RollupPanes.header(s, into: &g)
  let (list, detail) = s.layout
  g.box(list, title: RollupPanes.listTitle(s), style: .borderFocused, ascii: s.ascii)
  switch s.view {
  case .agencies: RollupPanes.agencies(s, into: &g, rect: list.inner)
  case .measures: RollupPanes.measures(s, into: &g, rect: list.inner)
  case .staffing: RollupPanes.staffing(s, into: &g, rect: list.inner)
  }
  RollupPanes.detail(s, into: &g, rect: detail)
  RollupPanes.footer(s, into: &g)
  if s.showHelp { RollupPanes.help(s, into: &g) }
  return g
}

enum RollupPanes {
  static func header(_ s: RollupState, into g: inout Grid) {
    let w = s.lang.words
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

  static func listTitle(_ s: RollupState) -> String {
    let w = s.lang.words
    switch s.view {
    case .agencies: return w.agenciesListTitle(s.rowCount)
    case .measures: return w.measuresHeading(s.rollup.measures.count, agencies: s.rollup.agencies.count)
    case .staffing: return w.unitsListTitle
    }
  }

  static func agencies(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.lang.words
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
      if k == s.selection { g.restyle(x: rect.x, y: y, width: rect.width, style: .selectedFocused) }
    }
  }

  static func measures(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.lang.words
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
      if r == s.selection { g.restyle(x: rect.x, y: y, width: first - rect.x, style: .selectedFocused) }
    }
    if s.rollup.agencies.count > columns {
      let more = w.moreAgencies(from: s.column + 1, to: s.column + agencies.count, of: s.rollup.agencies.count)
      g.put(more, x: rect.x + rect.width - more.displayWidth - 1, y: rect.y + rect.height, style: .muted)
    }
  }

  static func staffing(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.lang.words
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
      if k == s.selection { g.restyle(x: rect.x, y: y, width: rect.width, style: .selectedFocused) }
    }
  }

  static func detail(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = s.lang.words
    var title = w.detailTitle
    var lines: [(String, Style)] = []
    switch s.view {
    case .agencies, .staffing:
      if let k = s.selectedAgency {
        let a = s.rollup.agencies[k]
        title = a.label
        lines.append((w.storeLine(a.folder), .muted))
        lines.append((w.changedLine(w.lastChange(a)), a.notReporting ? .error : .normal))
        if let f = a.figures {
          lines.append((w.agencyFigures(f), f.overdue > 0 ? .overdue : .normal))
          lines.append((w.agencyShortUnits(f.staffingShortUnits), f.staffingShortUnits > 0 ? .short : .normal))
          lines.append(("", .normal))
          lines.append((w.openStandupHint, .muted))
        } else if let e = a.error {
          for line in e.description(w).wrapped(toWidth: max(10, rect.width - 4)) { lines.append((line, .error)) }
        }
      }
    case .measures:
      if s.rowCount > 0 {
        let r = s.rollup.measures[s.selection]
        title = w.measureTitle(r.id)
        for line in r.measure.wrapped(toWidth: max(10, rect.width - 4)) { lines.append((line, .normal)) }
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
      }
    }
    g.box(rect, title: title, style: .border, ascii: s.ascii)
    let inner = rect.inner
    for (n, line) in lines.prefix(inner.height).enumerated() {
      g.put(" " + line.0, x: inner.x, y: inner.y + n, style: line.1, maxWidth: inner.width)
    }
  }

  static func footer(_ s: RollupState, into g: inout Grid) {
    let y = s.height - 1
    g.fill(Rect(x: 0, y: y, width: s.width, height: 1))
    if let m = s.message {
      g.put(" " + m.text, x: 0, y: y, style: m.isError ? .error : .info, maxWidth: s.width)
      return
    }
    let w = s.lang.words
    var hints: [(String, String)] = [("1-3", w.hintViews), ("j/k", w.hintMove)]
    if s.view == .measures { hints.append(("←/→", w.hintScroll)) }
    hints += [("Enter", w.hintOpenAgency), ("?", w.keyHelp), ("q", w.keyQuit)]
    var x = 1
    for (key, help) in hints {
      if x + key.displayWidth + help.displayWidth + 3 > s.width { break }
      x += g.put(key, x: x, y: y, style: .key)
      x += g.put(" " + help + "  ", x: x, y: y, style: .muted)
    }
  }

  static func help(_ s: RollupState, into g: inout Grid) {
    let words = s.lang.words
    let rows: [(String, String)] = [
      ("1 2 3", words.rollupHelpViews), ("↑ ↓ j k", words.rollupHelpMove), ("PgUp PgDn", words.rollupHelpPage),
      ("← → h l", words.rollupHelpScroll), ("Enter", words.rollupHelpOpen), ("Esc", words.rollupHelpBack),
      ("q", words.keyQuit), ("", ""), (words.legendLabel, words.legend),
    ]
    let w = min(s.width - 2, 72)
    let h = min(s.height - 2, rows.count + 4)
    let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
    g.fill(r)
    g.box(r, title: words.rollupKeysTitle, style: .borderFocused, ascii: s.ascii)
    for (k, row) in rows.prefix(r.inner.height - 1).enumerated() {
      g.put(row.0, x: r.inner.x + 1, y: r.inner.y + 1 + k, style: .key)
      g.put(row.1, x: r.inner.x + 12, y: r.inner.y + 1 + k, maxWidth: r.inner.width - 12)
    }
  }
}
