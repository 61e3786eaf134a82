/// The city office's 通报 on its agencies, made from a roll-up: the agencies ranked as a 通报
/// ranks them, a paragraph on each that lags, each agency's overdue tasks, the measures
/// matrix for the measures two or more agencies share, and every agency's units short of
/// reviewers. One value, laid out as a workbook (every part a sheet) or a Word 通报 (the
/// ranking and the paragraphs).
public struct Circular: Sendable {
  public let title: String
  public let subtitle: String
  public let summary: [String]
  public let ranking: ReportTable
  /// One paragraph per agency that lags (unreadable, not reporting or overdue), worst first.
  public let lagging: [String]
  public let overdueTasks: ReportTable
  public let measures: MeasureMatrix
  public let staffing: ReportTable

  public enum Section: Sendable, CaseIterable {
    case ranking, lagging, overdueTasks, measures, staffing
  }

  /// The shared measures × the agencies, in ranking order.
  public struct MeasureMatrix: Sendable {
    public let heading: String
    public let agencies: [String]
    public let rows: [Row]

    public struct Row: Sendable {
      public let id: String
      public let measure: String
      public let doneIn: Int
      public let heldBy: Int
      public let overdueIn: Int
      /// One per agency of `agencies`; nil where its plan lacks the measure.
      public let cells: [MeasureStatus?]
    }
  }

  public init(_ r: Rollup, words w: any Words) {
    // Agencies are read in place by index: a summary holds its whole agenda, and copying one
    // for each question cost more than the questions.
    let figures = r.agencies.map(\.figures)
    let quiet = r.agencies.map(\.notReporting)
    let labels = r.agencies.map(\.label)
    let order = Circular.ranked(figures: figures, quiet: quiet, labels: labels)
    let ranks = Circular.ranks(order.map { figures[$0] }, quiet: order.map { quiet[$0] })
    title = w.circularTitle(r.today)
    subtitle = w.circularSubtitle(agencies: r.agencies.count, today: r.today)
    let lagging = r.agencies.indices.filter { Circular.lags(r.agencies[$0]) }
    summary = w.circularSummary(r.total, lagging: lagging.count)
    ranking = ReportTable(
      heading: w.circularHeading(1, .ranking, count: r.agencies.count),
      columns: [
        ReportColumn(w.rankColumn, weight: 5, numeric: true), ReportColumn(w.agencyColumn, weight: 20),
        ReportColumn(w.tasksColumn, weight: 6, numeric: true), ReportColumn(w.doneColumn, weight: 6, numeric: true),
        ReportColumn(w.percentDoneColumn, weight: 7, numeric: true),
        ReportColumn(w.overdueColumn, weight: 6, numeric: true),
        ReportColumn(w.dueSoonColumn, weight: 8, numeric: true), ReportColumn(w.shortColumn, weight: 8, numeric: true),
        ReportColumn(w.lastChangeColumn, weight: 16), ReportColumn(w.notReportingColumn, weight: 7),
      ],
      rows: order.enumerated().map { k, i in
        guard let f = figures[i] else {
          return ReportRow(
            [w.unranked, labels[i]] + Array(repeating: "", count: 6) + [w.unreadable, ""], mark: .overdue)
        }
        let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
        return ReportRow(
          [
            ranks[k].map(String.init) ?? w.unranked, labels[i], String(f.tasks), String(f.done), "\(pct)%",
            String(f.overdue), String(f.dueSoon), String(f.staffingShortUnits), w.lastChange(r.agencies[i]),
            quiet[i] ? w.yes : "",
          ], mark: quiet[i] || f.overdue > 0 ? .overdue : f.staffingShortUnits > 0 ? .short : nil)
      }, empty: w.none)
    var rankOf: [Int: Int] = [:]
    for (k, i) in order.enumerated() { if let n = ranks[k] { rankOf[i] = n } }
    self.lagging = lagging.map { w.laggingAgency(r.agencies[$0], rank: rankOf[$0]) }
    var late: [ReportRow] = []
    for k in r.agencies.indices {
      guard let agenda = r.agencies[k].agenda else { continue }
      let tasks = agenda.plan.tasks
      for i in agenda.overdue {
        late.append(
          ReportRow(
            [
              labels[k], tasks[i].id, tasks[i].measure, Ledger.departments(tasks[i].lead, w),
              tasks[i].deadline.text.trimmingSpaces, String(agenda.daysOverdue(i) ?? 0),
            ], mark: .overdue))
      }
    }
    overdueTasks = ReportTable(
      heading: w.circularHeading(3, .overdueTasks, count: late.count),
      columns: [
        ReportColumn(w.agencyColumn, weight: 14), ReportColumn(w.idColumn, weight: 5),
        ReportColumn(w.columnMeasure, weight: 40), ReportColumn(w.ledgerColumn(.lead), weight: 14),
        ReportColumn(w.ledgerColumn(.deadline), weight: 12),
        ReportColumn(w.daysOverdueColumn, weight: 7, numeric: true),
      ], rows: late, empty: w.none)
    // Only measures two or more agencies hold: the rest are one agency's own and are in its row.
    let shared = r.measures.filter { $0.heldBy > 1 }
    var column = [Int](repeating: -1, count: r.agencies.count)
    for (k, i) in order.enumerated() { column[i] = k }
    measures = MeasureMatrix(
      heading: w.circularHeading(4, .measures, count: shared.count), agencies: order.map { labels[$0] },
      rows: shared.map { m in
        var cells = [MeasureStatus?](repeating: nil, count: order.count)
        for c in m.cells { cells[column[c.agency]] = c.cell.status }
        return MeasureMatrix.Row(
          id: m.id, measure: m.measure, doneIn: m.doneIn, heldBy: m.heldBy, overdueIn: m.overdueIn, cells: cells)
      })
    var units: [ReportRow] = []
    for k in r.agencies.indices {
      for c in r.agencies[k].staffing where c.compliant == false {
        units.append(
          ReportRow(
            [
              labels[k], c.unit, String(c.enforcement), String(c.reviewers), c.required.map(String.init) ?? "",
              String(c.shortfall),
            ], mark: .short))
      }
    }
    staffing = ReportTable(
      heading: w.circularHeading(5, .staffing, count: units.count),
      columns: [
        ReportColumn(w.agencyColumn, weight: 18), ReportColumn(w.columnUnit, weight: 18),
        ReportColumn(w.columnEnforcement, weight: 8, numeric: true),
        ReportColumn(w.columnReviewers, weight: 8, numeric: true),
        ReportColumn(w.columnRequired, weight: 8, numeric: true),
        ReportColumn(w.columnShortfall, weight: 8, numeric: true),
      ], rows: units, empty: w.none)
  }

  /// Lags: cannot be read, is not reporting, or has overdue tasks.
  static func lags(_ a: AgencySummary) -> Bool { a.error != nil || a.notReporting || (a.figures?.overdue ?? 0) > 0 }

  /// Best first, as a 通报 ranks: fewest overdue, then most progress (compared exactly), then
  /// fewest units short of reviewers, then reporting before not; unreadable stores last.
  /// Indexes into the roll-up's agencies.
  static func ranked(figures: [AgencyFigures?], quiet: [Bool], labels: [String]) -> [Int] {
    figures.indices.sorted { i, j in
      switch (figures[i], figures[j]) {
      case (nil, nil): return i < j
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?):
        if let c = Circular.compare(x, quiet[i], y, quiet[j]) { return c }
        return labels[i] != labels[j] ? labels[i] < labels[j] : i < j
      }
    }
  }

  /// True when x ranks before y, false when after, nil when they tie.
  static func compare(_ x: AgencyFigures, _ xQuiet: Bool, _ y: AgencyFigures, _ yQuiet: Bool) -> Bool? {
    if x.overdue != y.overdue { return x.overdue < y.overdue }
    let l = x.done * max(y.tasks, 1)
    let r = y.done * max(x.tasks, 1)
    if l != r { return l > r }
    if x.staffingShortUnits != y.staffingShortUnits { return x.staffingShortUnits < y.staffingShortUnits }
    if xQuiet != yQuiet { return !xQuiet }
    return nil
  }

  /// Ranks as sport ranks ties: 1, 2, 2, 4; nil for an unreadable store. The figures and
  /// the quiet marks are in ranking order.
  static func ranks(_ sorted: [AgencyFigures?], quiet: [Bool]) -> [Int?] {
    var out: [Int?] = []
    for (k, f) in sorted.enumerated() {
      guard let f else {
        out.append(nil)
        continue
      }
      if k > 0, let p = sorted[k - 1], let pr = out[k - 1], Circular.compare(p, quiet[k - 1], f, quiet[k]) == nil {
        out.append(pr)
      } else {
        out.append(k + 1)
      }
    }
    return out
  }
}
