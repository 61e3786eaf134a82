/// The progress report (工作进展情况报告) a bureau sends its superior: a title, a paragraph
/// written from the figures (progress, overdue, done in the period, staffing), then tables:
/// overdue, due in the next 14 days, done in the period, progress by group, units short of
/// reviewers. One value, laid out as .docx, Markdown or text.
public struct ProgressReport: Sendable {
  public let title: String
  public let subtitle: String
  public let figures: ReportFigures
  /// The summary's paragraphs.
  public let summary: [String]
  public let tables: [ReportTable]

  public init(_ a: Agenda, scope: ReportScope, period: Period, words w: any Words) {
    let covered = scope.tasks(a)
    let indexes = covered.map(\.index)
    var role: [Int: Role] = [:]
    for c in covered { if let r = c.role { role[c.index] = r } }
    let plan = a.plan
    let f = ReportFigures(a, tasks: indexes, period: period, scope: scope)
    figures = f
    title = w.reportTitle(agency: plan.settings.agency, department: scope.department, group: scope.group)
    subtitle = w.reportSubtitle(plan: plan.settings.title, today: a.today)
    summary = w.reportSummary(f)
    let mine = Set(indexes)
    let withRole = scope.department != nil
    func taskColumns(_ last: [ReportColumn]) -> [ReportColumn] {
      [ReportColumn(w.idColumn, weight: 6), ReportColumn(w.columnMeasure, weight: 30)]
        + (withRole ? [ReportColumn(w.columnRole, weight: 5)] : [])
        + [ReportColumn(w.ledgerColumn(.lead), weight: 12)] + last
    }
    func taskCells(_ i: Int, _ rest: [String]) -> [String] {
      let t = plan.tasks[i]
      return [t.id, t.measure] + (withRole ? [role[i].map(w.role) ?? ""] : []) + [Ledger.departments(t.lead, w)] + rest
    }
    let overdue = a.overdue.filter(mine.contains)
    let soon = a.dueSoon().filter(mine.contains)
    let done = period.items(.done)
    var tables = [
      ReportTable(
        heading: w.reportHeading(1, .overdue, count: overdue.count),
        columns: taskColumns([
          ReportColumn(w.ledgerColumn(.deadline), weight: 11),
          ReportColumn(w.daysOverdueColumn, weight: 9, numeric: true),
          ReportColumn(w.progressNoteColumn, weight: 18),
        ]),
        rows: overdue.map { i in
          ReportRow(
            taskCells(
              i, [plan.tasks[i].deadline.text.trimmingSpaces, String(a.daysOverdue(i) ?? 0), plan.tasks[i].note]),
            mark: .overdue)
        }, empty: w.none),
      ReportTable(
        heading: w.reportHeading(2, .dueSoon, count: soon.count),
        columns: taskColumns([
          ReportColumn(w.ledgerColumn(.deadline), weight: 11), ReportColumn(w.daysLeftColumn, weight: 9, numeric: true),
          ReportColumn(w.progressNoteColumn, weight: 18),
        ]),
        rows: soon.map { i in
          let left = a.due[i].map { a.today.days(until: $0) } ?? 0
          return ReportRow(
            taskCells(i, [plan.tasks[i].deadline.text.trimmingSpaces, String(left), plan.tasks[i].note]), mark: .dueSoon
          )
        }, empty: w.none),
      ReportTable(
        heading: w.reportHeading(3, .doneInPeriod, count: done.count),
        columns: taskColumns([
          ReportColumn(w.completedColumn, weight: 12), ReportColumn(w.progressNoteColumn, weight: 25),
        ]),
        rows: done.map { item in
          ReportRow(taskCells(item.task, [item.day.description, plan.tasks[item.task].note]), mark: .done)
        }, empty: w.none),
    ]
    let groups = plan.groups.filter { g in indexes.contains { plan.tasks[$0].group == g } }
    var groupRows: [ReportRow] = []
    var all = Agenda.Progress()
    var allStarted = 0
    for g in groups {
      let members = indexes.filter { plan.tasks[$0].group == g }
      let p = a.progress(of: members)
      let started = members.count { plan.tasks[$0].status == .inProgress }
      all.total += p.total
      all.done += p.done
      all.overdue += p.overdue
      allStarted += started
      groupRows.append(ReportRow(ProgressReport.groupCells(g, p, started), mark: p.overdue > 0 ? .overdue : nil))
    }
    if groups.count > 1 {
      groupRows.append(ReportRow(ProgressReport.groupCells(w.total, all, allStarted), mark: .total))
    }
    tables.append(
      ReportTable(
        heading: w.reportHeading(4, .groups, count: groups.count),
        columns: [
          ReportColumn(w.groupColumn, weight: 30), ReportColumn(w.tasksColumn, weight: 8, numeric: true),
          ReportColumn(w.doneColumn, weight: 8, numeric: true),
          ReportColumn(w.inProgressColumn, weight: 8, numeric: true),
          ReportColumn(w.overdueColumn, weight: 8, numeric: true),
          ReportColumn(w.percentDoneColumn, weight: 8, numeric: true),
        ], rows: groupRows, empty: w.none))
    let units = Set(ReportFigures.units(plan, scope: scope).map(\.unit))
    let short = a.staffingShortfalls.filter { units.contains($0.unit) }
    tables.append(
      ReportTable(
        heading: w.reportHeading(5, .shortOfReviewers, count: short.count),
        columns: [
          ReportColumn(w.columnUnit, weight: 24), ReportColumn(w.columnEnforcement, weight: 10, numeric: true),
          ReportColumn(w.columnReviewers, weight: 10, numeric: true),
          ReportColumn(w.columnRequired, weight: 10, numeric: true),
          ReportColumn(w.columnShortfall, weight: 10, numeric: true),
        ],
        rows: short.map { c in
          ReportRow(
            [
              c.unit, String(c.enforcement), String(c.reviewers), c.required.map(String.init) ?? "",
              String(c.shortfall),
            ],
            mark: .short)
        }, empty: plan.settings.reviewerPercent == nil ? w.noPercentLine : w.none))
    self.tables = tables
  }

  static func groupCells(_ name: String, _ p: Agenda.Progress, _ started: Int) -> [String] {
    [name, String(p.total), String(p.done), String(started), String(p.overdue), "\(p.percent)%"]
  }

  /// The tables of the report, by what they list (their order in `tables`).
  public enum Section: Sendable, CaseIterable {
    case overdue, dueSoon, doneInPeriod, groups, shortOfReviewers
  }
}

/// The figures a report's summary is written from, each counted as the stand-up counts it.
public struct ReportFigures: Sendable, Equatable {
  public var agency = ""
  public var department: String?
  public var group: String?
  public var today: Day
  public var tasks = 0
  public var done = 0
  public var inProgress = 0
  public var notStarted = 0
  public var blocked = 0
  public var waiting = 0
  public var overdue = 0
  public var dueSoon = 0
  public var since: Day
  public var doneInPeriod = 0
  public var startedInPeriod = 0
  public var becameOverdueInPeriod = 0
  public var notesInPeriod = 0
  /// Units counted against the rule, their enforcement staff and reviewers, how many fall
  /// short and by how many reviewers in all.
  public var units = 0
  public var enforcement = 0
  public var reviewers = 0
  public var shortUnits = 0
  public var shortfall = 0
  public var reviewerPercent: Int?

  /// Percent done, rounded down, in integers.
  public var percent: Int { tasks == 0 ? 0 : done * 100 / tasks }

  public init(_ a: Agenda, tasks indexes: [Int], period: Period, scope: ReportScope) {
    today = a.today
    since = period.since
    agency = a.plan.settings.agency
    department = scope.department
    group = scope.group
    for i in indexes {
      tasks += 1
      if a.isDone(i) {
        done += 1
      } else {
        switch a.plan.tasks[i].status {
        case .inProgress: inProgress += 1
        case .blocked: blocked += 1
        case .open, .done, .retired: notStarted += 1
        }
      }
      if a.isWaiting(i) { waiting += 1 }
      if a.isOverdue(i) { overdue += 1 }
      if a.isDueWithin(i, days: Agenda.soonDays) { dueSoon += 1 }
    }
    doneInPeriod = period.count(.done)
    startedInPeriod = period.count(.started)
    becameOverdueInPeriod = period.count(.becameOverdue)
    notesInPeriod = period.count(.note)
    let checks = ReportFigures.units(a.plan, scope: scope)
    units = checks.count
    enforcement = checks.reduce(0) { $0 + $1.enforcement }
    reviewers = checks.reduce(0) { $0 + $1.reviewers }
    shortUnits = checks.count { $0.compliant == false }
    shortfall = checks.reduce(0) { $0 + $1.shortfall }
    reviewerPercent = a.plan.settings.reviewerPercent
  }

  /// The units a report speaks of: the department's own when it is a unit, else every one.
  static func units(_ plan: Plan, scope: ReportScope) -> [StaffingCheck] {
    let checks = plan.staffingChecks()
    if let d = scope.department, checks.contains(where: { $0.unit == d }) { return checks.filter { $0.unit == d } }
    return checks
  }
}
