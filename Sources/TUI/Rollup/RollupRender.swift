import Model

/// Draws the roll-up into a grid. Pure: the same state gives the same grid. An agency opened
/// with Enter is drawn by its own dashboard's `render`.
public func render(_ s: RollupState) -> Grid {
  if let a = s.agency { return render(a) }
  var g = Grid(width: s.width, height: s.height)
  guard s.width >= Layout.minimum.width, s.height >= Layout.minimum.height else {
    g.put(s.lang.pick("终端太小", "Terminal too small"), x: 0, y: 0, style: .error, maxWidth: s.width)
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
    let l = s.lang
    let w = RollupWords(l)
    let t = s.rollup.total
    g.fill(Rect(x: 0, y: 0, width: s.width, height: 1))
    var right = "\(s.rollup.today) \(Phrases(l).weekday(s.rollup.today))  " + w.overview(t) + " "
    if right.displayWidth > s.width - 20 { right = w.overview(t) + " " }
    let rw = min(right.displayWidth, s.width - 12)
    g.put(right, x: s.width - rw, y: 0, style: t.figures.overdue > 0 ? .overdue : .normal, maxWidth: rw)
    g.put(
      " " + l.pick("汇总 · \(t.agencies) 个机构", "Roll-up · \(t.agencies) agencies"), x: 0, y: 0, style: .title,
      maxWidth: max(0, s.width - rw - 1))
    var x = 1
    for v in RollupView.allCases {
      x += g.put(" \(v.rawValue) \(v.title(l)) ", x: x, y: 1, style: v == s.view ? .tabActive : .muted) + 1
    }
  }

  static func listTitle(_ s: RollupState) -> String {
    let l = s.lang
    switch s.view {
    case .agencies: return l.pick("机构（最需关注的在前）(\(s.rowCount))", "Agencies, worst first (\(s.rowCount))")
    case .measures:
      return RollupWords(l).measuresHeading(s.rollup.measures.count, agencies: s.rollup.agencies.count)
    case .staffing: return l.pick("各机构单位 · 执法 · 审核/应配 · 缺口", "Units · enforcement · reviewers/required · short")
    }
  }

  static func agencies(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let l = s.lang
    let w = RollupWords(l)
    let labelW = min(18, max(6, s.rollup.agencies.map { $0.label.displayWidth }.max() ?? 6))
    let barW = rect.width >= 100 ? 16 : 10
    // Short headings: each figure's column is six wide.
    let columns = [l.pick("逾期", "late"), l.pick("14天", "≤14d"), l.pick("待触发", "wait"), l.pick("缺审核", "short")]
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
        let why = (a.error?.description ?? "").replacing(a.folder + "/", with: "")
        g.put(w.unreadable + l.pick("：", ": ") + why, x: x, y: y, style: .error, maxWidth: rect.x + rect.width - x)
      }
      if k == s.selection { g.restyle(x: rect.x, y: y, width: rect.width, style: .selectedFocused) }
    }
  }

  static func measures(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let w = RollupWords(s.lang)
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
    g.put(" " + w.idColumn.padded(toWidth: idW) + " " + w.measureColumn, x: rect.x, y: rect.y, style: .muted, maxWidth: first - rect.x)
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
        g.put(" " + RollupWords.glyph(status), x: cx, y: y, style: style)
        cx += colW
      }
      if r == s.selection { g.restyle(x: rect.x, y: y, width: first - rect.x, style: .selectedFocused) }
    }
    if s.rollup.agencies.count > columns {
      let more = s.lang.pick(
        "← → 查看其他机构（\(s.column + 1)–\(s.column + agencies.count)/\(s.rollup.agencies.count)）",
        "← → more agencies (\(s.column + 1)–\(s.column + agencies.count) of \(s.rollup.agencies.count))")
      g.put(more, x: rect.x + rect.width - more.displayWidth - 1, y: rect.y + rect.height, style: .muted)
    }
  }

  static func staffing(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let l = s.lang
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
      x += g.put("\(c.reviewers)/\(c.required.map(String.init) ?? "—")".padded(toWidth: 7, right: true) + "  ", x: x, y: y, style: tone)
      let verdict = c.shortfall > 0 ? l.pick("缺 \(c.shortfall)", "short \(c.shortfall)") : l.pick("达标", "ok")
      g.put(verdict, x: x, y: y, style: tone, maxWidth: rect.x + rect.width - x)
      if k == s.selection { g.restyle(x: rect.x, y: y, width: rect.width, style: .selectedFocused) }
    }
  }

  static func detail(_ s: RollupState, into g: inout Grid, rect: Rect) {
    let l = s.lang
    let w = RollupWords(l)
    var title = l.pick("详情", "Detail")
    var lines: [(String, Style)] = []
    switch s.view {
    case .agencies, .staffing:
      if let k = s.selectedAgency {
        let a = s.rollup.agencies[k]
        title = a.label
        lines.append((l.pick("方案目录  ", "store     ") + a.folder, .muted))
        lines.append((l.pick("最近变更  ", "changed   ") + w.lastChange(a), a.notReporting ? .error : .normal))
        if let f = a.figures {
          lines.append((
            l.pick(
              "任务 \(f.tasks) · 已完成 \(f.done) · 进行中 \(f.inProgress) · 逾期 \(f.overdue) · 14天内到期 \(f.dueSoon) · 待触发 \(f.waiting)",
              "\(f.tasks) tasks · \(f.done) done · \(f.inProgress) in progress · \(f.overdue) overdue · \(f.dueSoon) due soon · \(f.waiting) waiting"),
            f.overdue > 0 ? .overdue : .normal
          ))
          lines.append((l.pick("审核人员不足的单位 \(f.staffingShortUnits) 个", "\(f.staffingShortUnits) units short of reviewers"), f.staffingShortUnits > 0 ? .short : .normal))
          lines.append(("", .normal))
          lines.append((l.pick("Enter 打开该机构的每日例会（只读）", "Enter opens its stand-up (read-only)"), .muted))
        } else if let e = a.error {
          for line in e.description.wrapped(toWidth: max(10, rect.width - 4)) { lines.append((line, .error)) }
        }
      }
    case .measures:
      if s.rowCount > 0 {
        let r = s.rollup.measures[s.selection]
        title = l.pick("措施 ", "Measure ") + r.id
        for line in r.measure.wrapped(toWidth: max(10, rect.width - 4)) { lines.append((line, .normal)) }
        lines.append(("", .normal))
        lines.append((w.measureCounts(r), r.overdueIn > 0 ? .overdue : .normal))
        var byStatus: [MeasureStatus: [String]] = [:]
        for (k, c) in r.cells { byStatus[c.status, default: []].append(s.rollup.agencies[k].label) }
        for st in MeasureStatus.allCases {
          if let names = byStatus[st] {
            lines.append((RollupWords.glyph(st) + " " + w.status(st) + l.pick("：", ": ") + names.joined(separator: w.listSeparator), .normal))
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
    let l = s.lang
    var hints: [(String, String)] = [("1-3", l.pick("视图", "views")), ("j/k", l.pick("移动", "move"))]
    if s.view == .measures { hints.append(("←/→", l.pick("左右滚动", "scroll"))) }
    hints += [("Enter", l.pick("打开机构（只读）", "open agency (read-only)")), ("?", l.pick("帮助", "help")), ("q", l.pick("退出", "quit"))]
    var x = 1
    for (key, help) in hints {
      if x + key.displayWidth + help.displayWidth + 3 > s.width { break }
      x += g.put(key, x: x, y: y, style: .key)
      x += g.put(" " + help + "  ", x: x, y: y, style: .muted)
    }
  }

  static func help(_ s: RollupState, into g: inout Grid) {
    let l = s.lang
    let rows: [(String, String)] = [
      ("1 2 3", l.pick("机构 · 措施矩阵 · 人员配置", "agencies · measures · staffing")),
      ("↑ ↓ j k", l.pick("上下移动", "move")), ("PgUp PgDn", l.pick("翻页", "page")),
      ("← → h l", l.pick("措施矩阵左右滚动", "scroll the matrix sideways")),
      ("Enter", l.pick("打开该机构的方案（只读）", "open the agency's plan (read-only)")),
      ("Esc", l.pick("从机构返回汇总", "back from an agency")), ("q", l.pick("退出", "quit")),
      ("", ""), (l.pick("图例", "legend"), RollupWords(l).legend),
    ]
    let w = min(s.width - 2, 72)
    let h = min(s.height - 2, rows.count + 4)
    let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
    g.fill(r)
    g.box(r, title: l.pick("按键（Esc 关闭）", "Keys (Esc closes)"), style: .borderFocused, ascii: s.ascii)
    for (k, row) in rows.prefix(r.inner.height - 1).enumerated() {
      g.put(row.0, x: r.inner.x + 1, y: r.inner.y + 1 + k, style: .key)
      g.put(row.1, x: r.inner.x + 12, y: r.inner.y + 1 + k, maxWidth: r.inner.width - 12)
    }
  }
}
