import Model

/// The ledger as an .xlsx: the ledger sheet (title merged across, the plan's header frozen
/// and printed on every page, A4 landscape one page wide, the group and theme cells merged,
/// status in words and colour, a list of status words offered, the task's key in a hidden
/// column), the staffing sheet, the period's changes, and the hidden stamp `collect` reads.
public enum LedgerWorkbook {
  public static func write(_ l: Ledger, words w: any Words, to path: String) throws(ReportProblem) {
    let book = try XlsxBook(path: path)
    book.properties(title: l.title, subject: l.stamp.title, author: l.stamp.agency)
    ledgerSheet(l, book.sheet(l.sheetName), footer: w.pageFooter)
    staffingSheet(l.staffing, book.sheet(l.staffing.name), footer: w.pageFooter)
    if let c = l.changes {
      TableSheet.write(
        book.sheet(c.name), title: c.title, note: nil,
        columns: [
          .init(c.columns[0], .center, 8, 14), .init(c.columns[1], .center, 5, 8), .init(c.columns[2], .text, 20, 60),
          .init(c.columns[3], .day, 11, 11), .init(c.columns[4], .text, 12, 40), .init(c.columns[5], .center, 8, 14),
        ],
        rows: c.rows.map { r in r.enumerated().map { k, v in k == 3 ? .day(Day(iso: v)) : .text(v) } },
        marks: c.kinds.map { $0 == .done ? .done : $0 == .becameOverdue ? .overdue : nil }, landscape: true,
        footer: w.pageFooter)
    }
    let stamp = book.sheet(LedgerStamp.sheetName)
    for (r, row) in l.stamp.cells.enumerated() {
      for (c, v) in row.enumerated() where !v.isEmpty { stamp.text(r, c, v, TableSheet.plain) }
    }
    stamp.hide()
    try book.close()
  }

  static func ledgerSheet(_ l: Ledger, _ s: XlsxSheet, footer: String) {
    let header = LedgerStamp.headerRow - 1
    let first = header + 1
    let visible = l.columns.filter { $0.field != .key }.count
    let bounds = l.columns.map { c -> SheetLayout.Bounds in
      switch c.field {
      case .id: .init(min: 5, max: 8)
      case .group, .theme: .init(min: 6, max: 16)
      case .measure: .init(min: 30, max: 60)
      case .requirement: .init(min: 16, max: 40)
      case .lead, .support: .init(min: 8, max: 18)
      case .deadline: .init(min: 10, max: 18)
      case .extra: .init(min: 8, max: 24)
      case .role: .init(min: 6, max: 8)
      case .status: .init(min: 8, max: 16)
      case .completedOn: .init(min: 11.5, max: 11.5)
      case .note: .init(min: 16, max: 40)
      case .key: .init(min: 10, max: 10)
      }
    }
    // Each text measured once, for the widths and then for the rows' heights.
    let heads = l.columns.prefix(visible).map { SheetLayout.Measure($0.name) }
    let measured = l.rows.map { r in r.cells.prefix(visible).map(SheetLayout.Measure.init) }
    var widths = SheetLayout.widths(
      [heads.map(\.widest)] + measured.map { $0.map(\.widest) }, bounds: Array(bounds.prefix(visible)),
      page: SheetLayout.landscapeWidth)
    widths += Array(repeating: 10, count: l.columns.count - visible)
    for (c, w) in widths.enumerated() { s.column(c, width: w, hidden: c >= visible) }

    let title = CellStyle(size: 16, bold: true, align: .center, top: false, wrap: false, border: false)
    let subtitle = CellStyle(align: .left, top: false, wrap: false, border: false)
    s.merge(0, 0, 0, visible - 1, l.title, title)
    s.row(0, height: 30)
    s.merge(1, 0, 1, visible - 1, l.subtitle, subtitle)
    s.row(1, height: 20)
    let head = CellStyle(bold: true, fill: 0xD9D9D9, align: .center, top: false)
    for (c, col) in l.columns.enumerated() { s.text(header, c, col.name, head) }
    s.row(
      header, height: SheetLayout.height(lines: heads.indices.map { heads[$0].count(inWidth: widths[$0]) }.max() ?? 1))

    // Cells a merge covers are written by the merge; their rows' heights need not fit them.
    var merged = Set<Int>()
    for m in l.merges { for r in m.first...m.last { merged.insert(r * 1000 + m.column) } }
    var heights: [Double] = []
    for (k, row) in l.rows.enumerated() {
      let r = first + k
      var lines = 1
      for (c, col) in l.columns.enumerated() {
        let style = LedgerWorkbook.style(col.field, mark: row.mark)
        if !merged.contains(k * 1000 + c) && c < visible {
          lines = max(lines, measured[k][c].count(inWidth: widths[c]))
        }
        if merged.contains(k * 1000 + c) { continue }
        if col.field == .completedOn {
          s.day(r, c, row.completedOn, style)
        } else {
          s.text(r, c, row.cells[c], style)
        }
      }
      heights.append(SheetLayout.height(lines: lines))
    }
    for m in l.merges {
      let style = LedgerWorkbook.style(l.columns[m.column].field, mark: nil)
      s.merge(first + m.first, m.column, first + m.last, m.column, l.rows[m.first].cells[m.column], style)
      // A merged cell's text must fit the rows it spans: the last one grows when it does not.
      let need = SheetLayout.height(lines: measured[m.first][m.column].count(inWidth: widths[m.column]))
      let have = heights[m.first...m.last].reduce(0, +)
      if need > have { heights[m.last] += need - have }
    }
    for (k, h) in heights.enumerated() { s.row(first + k, height: h) }
    if let status = l.columns.firstIndex(where: { $0.field == .status }), !l.rows.isEmpty {
      s.choices(rows: first...(first + l.rows.count - 1), column: status, l.statusChoices)
    }
    s.page(landscape: true, freezeBelow: first, repeat: header...header, footer: footer)
  }

  /// A cell's look by what its column holds and how its row is marked.
  static func style(_ f: Ledger.Field, mark: Ledger.Mark?) -> CellStyle {
    switch f {
    case .id, .role, .key: return CellStyle(align: .center, top: false)
    case .group, .theme: return CellStyle(align: .center, top: false)
    case .status, .completedOn:
      var s = CellStyle(align: .center, top: false)
      switch mark {
      case .overdue?: (s.fill, s.color) = (0xFFC7CE, 0x9C0006)
      case .done?: (s.fill, s.color) = (0xC6EFCE, 0x006100)
      case .dueSoon?: (s.fill, s.color) = (0xFFEB9C, 0x9C5700)
      case nil: break
      }
      return s
    default: return CellStyle()
    }
  }

  static func staffingSheet(_ st: Ledger.StaffingSheet, _ s: XlsxSheet, footer: String) {
    TableSheet.write(
      s, title: st.title, note: st.rule,
      columns: [
        .init(st.columns[0], .text, 14, 30), .init(st.columns[1], .number, 10, 12),
        .init(st.columns[2], .number, 12, 14),
        .init(st.columns[3], .number, 12, 14), .init(st.columns[4], .number, 8, 10),
        .init(st.columns[5], .center, 8, 10),
      ],
      rows: st.rows.map { r in
        r.enumerated().map { k, v in (1...4).contains(k) ? (Int(v).map(TableSheet.Cell.number) ?? .text(v)) : .text(v) }
      },
      marks: st.short.enumerated().map { k, short in k == st.rows.count - 1 ? .total : short ? .short : nil },
      landscape: false, footer: footer)
  }
}
