/// The progress ledger (推进情况台账) a bureau sends upward, as the spreadsheet will show it:
/// the plan's own table — its columns under the plan's own names, one row per task in the
/// plan's order, the group and theme cells merged as the original table merges them — and
/// 状态 / 完成日期 / 进展情况 beside it; the staffing against the rule; the period's changes.
/// Made once, in words of one language; the writer (Sources/Writers) only lays it out.
public struct Ledger: Sendable {
  /// What a column holds.
  public enum Field: Hashable, Sendable {
    case id, group, theme, measure, requirement, lead, support, deadline
    /// One of the plan's own columns, by its name.
    case extra(String)
    /// The department's role in the task (牵头 / 配合), in a department's sheet.
    case role
    case status, completedOn, note
    /// The task's id again, in a hidden column: what `collect` matches a row by.
    case key

    /// The columns a person fills in.
    public var isFilledIn: Bool { self == .status || self == .completedOn || self == .note }
  }

  public struct Column: Sendable {
    public let field: Field
    public let name: String
  }

  /// How a row is marked, in words in its status cell and in colour.
  public enum Mark: Sendable, Equatable {
    case overdue, done, dueSoon
  }

  public struct Row: Sendable {
    /// The task's index in the plan.
    public let task: Int
    /// One text per column (the completion date's as ISO, empty when none).
    public let cells: [String]
    public let completedOn: Day?
    public let mark: Mark?
  }

  /// Cells of one column merged down rows `first...last` (indexes into `rows`).
  public struct Merge: Sendable, Equatable {
    public let column: Int
    public let first: Int
    public let last: Int
  }

  public let title: String
  /// Agency, day and what the sheet covers, under the title.
  public let subtitle: String
  public let sheetName: String
  public let columns: [Column]
  public let rows: [Row]
  public let merges: [Merge]
  /// The status words offered in the status column's list.
  public let statusChoices: [String]
  public let staffing: StaffingSheet
  /// The period's changes, when a period was asked for.
  public let changes: ChangesSheet?
  public let stamp: LedgerStamp

  public struct StaffingSheet: Sendable {
    public let name: String
    public let title: String
    public let rule: String
    public let columns: [String]
    /// Unit, enforcement, reviewers, required, shortfall, compliant; the total last.
    public let rows: [[String]]
    /// Which rows fall short.
    public let short: [Bool]
  }

  public struct ChangesSheet: Sendable {
    public let name: String
    public let title: String
    public let columns: [String]
    public let rows: [[String]]
    public let kinds: [Period.Kind]
  }

  /// The ledger of `scope` on the agenda's day. `own` are the plan's own names for its
  /// columns (from the tasks file's header); a field without one takes the standard name in
  /// `words`. `period` adds the third sheet.
  public init(_ a: Agenda, scope: ReportScope, period: Period?, own: OwnColumns = OwnColumns(), words w: any Words) {
    let plan = a.plan
    let covered = scope.tasks(a)
    let tasks = plan.tasks
    func any(_ has: (PlanTask) -> Bool) -> Bool { covered.contains { has(tasks[$0.index]) } }
    var fields: [Field] = [.id]
    if any({ !$0.group.isEmpty }) { fields.append(.group) }
    if any({ !$0.theme.isEmpty }) { fields.append(.theme) }
    fields.append(.measure)
    if any({ !$0.requirement.isEmpty }) { fields.append(.requirement) }
    fields.append(.lead)
    if any({ !$0.support.isEmpty }) { fields.append(.support) }
    fields.append(.deadline)
    var extras: [String] = []
    for (i, _) in covered {
      for (k, v) in tasks[i].extras where !v.isEmpty && !extras.contains(k) && !Ledger.isRawCopy(k) { extras.append(k) }
    }
    fields += (own.order.filter(extras.contains) + extras.filter { !own.order.contains($0) }).map(Field.extra)
    if scope.department != nil { fields.append(.role) }
    fields += [.status, .completedOn, .note, .key]
    columns = fields.map { f in
      switch f {
      case .extra(let name): Column(field: f, name: name)
      default: Column(field: f, name: Ledger.key(f).flatMap { own.names[$0] } ?? w.ledgerColumn(f))
      }
    }
    var rows: [Row] = []
    for (i, role) in covered {
      let t = tasks[i]
      let mark: Mark? =
        a.isOverdue(i) ? .overdue : a.isDone(i) ? .done : a.isDueWithin(i, days: Agenda.soonDays) ? .dueSoon : nil
      let cells = fields.map { f -> String in
        switch f {
        case .id, .key: t.id
        case .group: t.group
        case .theme: t.theme
        case .measure: t.measure
        case .requirement: t.requirement
        case .lead: Ledger.departments(t.lead, w)
        case .support: Ledger.departments(t.support, w)
        case .deadline: t.deadline.text.trimmingSpaces
        case .extra(let k): t.extras[k] ?? ""
        case .role: role.map(w.role) ?? ""
        case .status: w.ledgerStatus(t.status, overdueDays: mark == .overdue ? a.daysOverdue(i) : nil)
        case .completedOn: t.completedOn?.description ?? ""
        case .note: t.note
        }
      }
      rows.append(Row(task: i, cells: cells, completedOn: t.completedOn, mark: mark))
    }
    self.rows = rows
    merges = Ledger.merges(rows, fields)
    statusChoices = [TaskStatus.open, .inProgress, .done, .blocked].map(w.status)
    let head = [plan.settings.agency, scope.group, scope.department].compactMap { $0 }.filter { !$0.isEmpty }
    title = w.ledgerTitle(plan.settings.title)
    subtitle = w.ledgerSubtitle(head, today: a.today, tasks: rows.count)
    sheetName = w.ledgerSheet
    staffing = Ledger.staffing(plan, scope: scope, words: w)
    changes = period.map { Ledger.changes($0, a, words: w) }
    stamp = LedgerStamp(
      agency: plan.settings.agency, title: plan.settings.title, made: a.today,
      journalSeq: plan.journal.last?.seq ?? 0, department: scope.department, group: scope.group, sheet: sheetName,
      headerRow: LedgerStamp.headerRow, columns: columns.map(\.name),
      rows: rows.map { r in
        let t = tasks[r.task]
        return LedgerStamp.Row(
          id: t.id, status: t.status, completedOn: t.completedOn, note: t.note,
          written: LedgerStamp.Written(
            status: r.cells[fields.firstIndex(of: .status)!],
            completedOn: r.cells[fields.firstIndex(of: .completedOn)!],
            note: r.cells[fields.firstIndex(of: .note)!].spreadsheetCell))
      })
  }

  /// The task field a column shows, for the plan's own names.
  static func key(_ f: Field) -> TaskField? {
    switch f {
    case .id: .id
    case .group: .group
    case .theme: .theme
    case .measure: .measure
    case .requirement: .requirement
    case .lead: .lead
    case .support: .support
    case .deadline: .deadline
    case .status: .status
    case .completedOn: .completedOn
    case .note: .note
    case .extra, .role, .key: nil
    }
  }

  /// An importer's verbatim copy of a cell it split (`责任部门（原文）`): the ledger shows the
  /// split names, as the plan holds them, and leaves the copy to the CSV export.
  static func isRawCopy(_ name: String) -> Bool { name.hasSuffix("（原文）") }

  static func departments(_ d: Departments, _ w: any Words) -> String {
    (d.units + (d.others ? [w.otherDepartments] : [])).joined(separator: w.listSeparator)
  }

  /// Runs of two or more rows with the same group, and within a group the same theme.
  static func merges(_ rows: [Row], _ fields: [Field]) -> [Merge] {
    var out: [Merge] = []
    let g = fields.firstIndex(of: .group)
    let t = fields.firstIndex(of: .theme)
    for (column, parents) in [(g, [Int]()), (t, g.map { [$0] } ?? [])] {
      guard let column else { continue }
      var start = 0
      for k in 1...rows.count {
        let same =
          k < rows.count && !rows[k].cells[column].isEmpty && rows[k].cells[column] == rows[start].cells[column]
          && parents.allSatisfy { rows[k].cells[$0] == rows[start].cells[$0] }
        if same { continue }
        if k - start >= 2 { out.append(Merge(column: column, first: start, last: k - 1)) }
        start = k
      }
    }
    return out
  }

  static func staffing(_ plan: Plan, scope: ReportScope, words w: any Words) -> StaffingSheet {
    let checks = ReportFigures.units(plan, scope: scope)
    let all = checks + [StaffingCheck(total: w.total, of: checks)]
    let rows = all.map { c in
      [
        c.unit, String(c.enforcement), String(c.reviewers), c.required.map(String.init) ?? "", String(c.shortfall),
        c.compliant.map { $0 ? w.yes : w.no } ?? "",
      ]
    }
    return StaffingSheet(
      name: w.staffingSheet, title: w.staffingSheetTitle(plan.settings.agency),
      rule: plan.settings.reviewerPercent.map(w.ruleLine) ?? w.noPercentLine,
      columns: w.staffingColumns,
      rows: rows, short: all.map { $0.compliant == false })
  }

  static func changes(_ p: Period, _ a: Agenda, words w: any Words) -> ChangesSheet {
    let rows = p.items.map { item -> [String] in
      let t = a.plan.tasks[item.task]
      return [w.periodKind(item.kind), t.id, t.measure, item.day.description, item.text, item.by]
    }
    return ChangesSheet(
      name: w.changesSheet, title: w.changesSheetTitle(since: p.since, until: p.until),
      columns: w.changesColumns, rows: rows, kinds: p.items.map(\.kind))
  }
}

/// The plan's own names for its columns, from the tasks file's header: a column named in
/// Chinese (序号, 工作项目组, 具体措施 …) keeps that name in the ledger; one named by the
/// store's English key (`measure`) takes the standard name.
public struct OwnColumns: Sendable {
  /// A field → the header's name for it.
  public var names: [TaskField: String] = [:]
  /// The plan's own columns (those the store does not know), in the file's order.
  public var order: [String] = []

  public init() {}

  public init(header: [String]) {
    let known = Columns.resolve(header, Columns.task)
    for (field, k) in known where header[k].trimmingSpaces.lowercased() != field.name {
      names[field] = header[k].trimmingSpaces
    }
    let placed = Set(known.values)
    order = header.indices.filter { !placed.contains($0) }.map { header[$0] }
  }
}
