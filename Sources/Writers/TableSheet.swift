import Model

/// A sheet of one table: its title merged across, a note under it, the header (frozen and
/// printed on every page), the rows, their marks in colour, A4 one page wide.
enum TableSheet {
  enum Kind {
    case text, center, number, day
  }

  struct Column {
    var name: String
    var kind: Kind
    var bounds: SheetLayout.Bounds

    init(_ name: String, _ kind: Kind, _ min: Double, _ max: Double) {
      self.name = name
      self.kind = kind
      self.bounds = .init(min: min, max: max)
    }
  }

  enum Cell {
    case text(String)
    case number(Int)
    case day(Day?)

    var text: String {
      switch self {
      case .text(let s): s
      case .number(let n): String(n)
      case .day(let d): d?.description ?? ""
      }
    }
  }

  static let plain = CellStyle(song: false, size: 0, wrap: false, border: false)

  static func write(
    _ s: XlsxSheet, title: String, note: String?, columns: [Column], rows: [[Cell]], marks: [ReportMark?],
    landscape: Bool, footer: String, cellMark: ((_ row: Int, _ column: Int) -> ReportMark?)? = nil
  ) {
    let header = note == nil ? 1 : 2
    // Each text measured once; figures and dates are as wide as their digits.
    let heads = columns.map { SheetLayout.Measure($0.name) }
    let measured = rows.map { row in
      row.map { cell -> SheetLayout.Measure? in
        if case .text(let t) = cell { return SheetLayout.Measure(t) }
        return nil
      }
    }
    let widest =
      [heads.map(\.widest)]
      + rows.indices.map { r in
        rows[r].indices.map { c in measured[r][c]?.widest ?? rows[r][c].text.utf8.count }
      }
    let widths = SheetLayout.widths(
      widest, bounds: columns.map(\.bounds), page: landscape ? SheetLayout.landscapeWidth : SheetLayout.portraitWidth)
    for (c, w) in widths.enumerated() { s.column(c, width: w) }
    let last = max(0, columns.count - 1)
    s.merge(
      0, 0, 0, last, title, CellStyle(size: 16, bold: true, align: .center, top: false, wrap: false, border: false))
    s.row(0, height: 30)
    if let note {
      s.merge(1, 0, 1, last, note, CellStyle(align: .left, top: false, wrap: false, border: false))
      s.row(1, height: 20)
    }
    let head = CellStyle(bold: true, fill: 0xD9D9D9, align: .center, top: false)
    for (c, col) in columns.enumerated() { s.text(header, c, col.name, head) }
    s.row(
      header, height: SheetLayout.height(lines: heads.indices.map { heads[$0].count(inWidth: widths[$0]) }.max() ?? 1))
    let aligns = columns.map { col -> CellStyle.Align in
      col.kind == .number ? .right : col.kind == .text ? .left : .center
    }
    for (k, row) in rows.enumerated() {
      let r = header + 1 + k
      var lines = 1
      for c in columns.indices where c < row.count {
        var style = CellStyle(align: aligns[c], top: false)
        switch cellMark?(k, c) ?? (k < marks.count ? marks[k] : nil) {
        case .overdue?, .short?: (style.fill, style.color) = (0xFFC7CE, 0x9C0006)
        case .done?: (style.fill, style.color) = (0xC6EFCE, 0x006100)
        case .dueSoon?: (style.fill, style.color) = (0xFFEB9C, 0x9C5700)
        case .total?: style.bold = true
        case nil: break
        }
        switch row[c] {
        case .text(let t):
          s.text(r, c, t, style)
          if let m = measured[k][c] { lines = max(lines, m.count(inWidth: widths[c])) }
        case .number(let n): s.number(r, c, Double(n), style)
        case .day(let d): s.day(r, c, d, style)
        }
      }
      s.row(r, height: SheetLayout.height(lines: lines))
    }
    // Beyond a page's worth of columns (a matrix of many agencies) it prints across pages.
    s.page(
      landscape: landscape, freezeBelow: header + 1, repeat: header...header, footer: footer,
      fit: widths.reduce(0, +) <= 2 * (landscape ? SheetLayout.landscapeWidth : SheetLayout.portraitWidth))
  }

  /// A report's table as a sheet: numeric columns as numbers, the rest as text.
  static func write(_ s: XlsxSheet, _ t: ReportTable, title: String, landscape: Bool, footer: String) {
    let columns = t.columns.map { c in
      Column(
        c.name, c.numeric ? .number : .text, c.numeric ? 6 : Double(max(6, c.weight / 2)),
        c.numeric ? 12 : Double(max(12, c.weight * 3 / 2)))
    }
    let rows = t.rows.map { r in
      r.cells.enumerated().map { k, v -> Cell in
        k < t.columns.count && t.columns[k].numeric ? (Int(v).map(Cell.number) ?? .text(v)) : .text(v)
      }
    }
    write(
      s, title: title, note: nil, columns: columns, rows: rows, marks: t.rows.map(\.mark), landscape: landscape,
      footer: footer)
  }
}
