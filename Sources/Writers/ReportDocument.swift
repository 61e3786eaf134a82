import Model

/// The progress report and the roll-up's 通报 as Word documents: title, subtitle, the
/// summary's paragraphs, then each table under its heading (or a line saying it is empty).
public enum ReportDocument {
  public static func write(_ r: ProgressReport, to path: String) throws(ReportProblem) {
    var d = WordDocument(title: r.title, author: r.figures.agency, created: r.figures.today)
    d.blocks = [.title(r.title), .subtitle(r.subtitle)] + r.summary.map(WordDocument.Block.paragraph)
    for t in r.tables { d.blocks += blocks(t) }
    try d.write(to: path)
  }

  /// The 通报: its summary, the ranking, and a paragraph on each agency that lags.
  public static func write(_ c: Circular, words w: any Words, today: Day, to path: String) throws(ReportProblem) {
    var d = WordDocument(title: c.title, author: "", created: today)
    d.blocks = [.title(c.title), .subtitle(c.subtitle)] + c.summary.map(WordDocument.Block.paragraph)
    d.blocks += blocks(c.ranking)
    d.blocks.append(.heading(w.circularHeading(2, .lagging, count: c.lagging.count)))
    d.blocks += c.lagging.isEmpty ? [.small(w.none)] : c.lagging.map(WordDocument.Block.paragraph)
    try d.write(to: path)
  }

  static func blocks(_ t: ReportTable) -> [WordDocument.Block] {
    guard !t.rows.isEmpty else { return [.heading(t.heading), .small(t.empty)] }
    return [
      .heading(t.heading),
      .table(WordDocument.Table(columns: t.columns, rows: t.rows.map(\.cells), shading: t.rows.map { shade($0.mark) })),
    ]
  }

  /// Light fills that still print legibly in black and white; the words say the same.
  static func shade(_ m: ReportMark?) -> UInt32? {
    switch m {
    case .overdue?, .short?: 0xFDE9E7
    case .done?: 0xEAF5E4
    case .dueSoon?: 0xFFF6D5
    case .total?: 0xF2F2F2
    case nil: nil
    }
  }
}

/// The 通报 as a workbook: the ranking, each agency's overdue tasks, the shared measures ×
/// agencies, every agency's units short of reviewers; a sheet each.
public enum CircularWorkbook {
  public static func write(_ c: Circular, words w: any Words, to path: String) throws(ReportProblem) {
    let book = try XlsxBook(path: path)
    book.properties(title: c.title, subject: c.subtitle, author: "")
    TableSheet.write(book.sheet(w.rankingSheet), c.ranking, title: c.title, landscape: true, footer: w.pageFooter)
    TableSheet.write(
      book.sheet(w.overdueTasksSheet), c.overdueTasks, title: c.overdueTasks.heading, landscape: true,
      footer: w.pageFooter)
    measures(c.measures, book.sheet(w.measuresSheet), words: w)
    TableSheet.write(
      book.sheet(w.agenciesStaffingSheet), c.staffing, title: c.staffing.heading, landscape: false, footer: w.pageFooter
    )
    try book.close()
  }

  /// Measures down, agencies across (in ranking order), each cell the measure's state there
  /// in words and colour; empty where an agency's plan lacks the measure.
  static func measures(_ m: Circular.MeasureMatrix, _ s: XlsxSheet, words w: any Words) {
    let fixed = [w.idColumn, w.columnMeasure, w.doneColumn, w.overdueColumn]
    var columns: [TableSheet.Column] = [
      .init(fixed[0], .center, 5, 8), .init(fixed[1], .text, 24, 40), .init(fixed[2], .center, 7, 9),
      .init(fixed[3], .number, 6, 8),
    ]
    columns += m.agencies.map { TableSheet.Column($0, .center, 7, 12) }
    let rows = m.rows.map { r -> [TableSheet.Cell] in
      [.text(r.id), .text(r.measure), .text("\(r.doneIn)/\(r.heldBy)"), .number(r.overdueIn)]
        + r.cells.map { .text($0.map(w.measureStatus) ?? "") }
    }
    // The matrix's colours are per cell: overdue red, done green.
    TableSheet.write(
      s, title: w.circularHeading(0, .measures, count: m.rows.count), note: nil, columns: columns, rows: rows,
      marks: [], landscape: true, footer: w.pageFooter
    ) { r, c in
      guard c >= fixed.count, let st = m.rows[r].cells[c - fixed.count] else { return nil }
      return st == .overdue ? .overdue : st == .done ? .done : nil
    }
  }
}
