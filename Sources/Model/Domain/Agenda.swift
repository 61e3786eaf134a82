/// The plan read on one day: due dates, what is late, what is waiting, and the counts every
/// front end shows. Computed once per (plan, today) so that no view sorts or scans per frame.
public struct Agenda: Sendable {
  public let plan: Plan
  public let today: Day
  /// Due date per task index (nil: none, or not yet known).
  public let due: [Day?]
  /// Task indexes in urgency order: overdue (oldest first), dated, blocked, waiting, undated, done.
  public let urgency: [Int]
  private let rank: [Int]

  public init(plan: Plan, today: Day) {
    self.plan = plan
    self.today = today
    let due = plan.tasks.map { Agenda.dueDate(of: $0, settings: plan.settings) }
    self.due = due
    let keys: [(bucket: Int, due: Int, id: IDKey)] = plan.tasks.indices.map { i in
      (Agenda.bucket(plan.tasks[i], due: due[i], today: today), due[i]?.ordinal ?? Int.max, IDKey(plan.tasks[i].id))
    }
    let order = plan.tasks.indices.sorted { a, b in
      let x = keys[a]
      let y = keys[b]
      if x.bucket != y.bucket { return x.bucket < y.bucket }
      if x.due != y.due { return x.due < y.due }
      if x.id != y.id { return x.id < y.id }
      return a < b
    }
    urgency = order
    var rank = [Int](repeating: 0, count: order.count)
    for (r, i) in order.enumerated() { rank[i] = r }
    self.rank = rank
  }

  /// Due date for sorting, per PRODUCT.md's table of deadline kinds.
  public static func dueDate(of t: PlanTask, settings: PlanSettings) -> Day? {
    switch t.deadline.kind {
    case .by(let d): return d
    case .byThenOngoing(let d): return t.status == .done ? nil : d
    case .withinAfterEvent(let n, let unit, _):
      guard let e = t.eventOn else { return nil }
      switch unit {
      case .workingDays: return settings.calendar.adding(workdays: n, to: e)
      case .days: return e.adding(days: n)
      case .weeks: return e.adding(days: 7 * n)
      case .months: return e.adding(months: n)
      }
    case .yearly(let m, let d):
      // The next occurrence not yet done: after the last completion, else from the plan's start.
      let anchor = t.completedOn?.adding(days: 1) ?? settings.start ?? t.eventOn
      guard let from = anchor else { return nil }
      for y in from.year...(from.year + 1) {
        let day = Day(year: y, month: m, day: min(d ?? 31, Day.daysIn(month: m, year: y)))!
        if day >= from { return day }
      }
      return nil
    case .ongoing, .afterEvent, .asRequired, .unparsed:
      return nil
    }
  }

  static func bucket(_ t: PlanTask, due: Day?, today: Day) -> Int {
    if isSettled(t, due: due) { return 5 }
    if let d = due { return d < today ? 0 : 1 }
    if t.status == .blocked { return 2 }
    if t.deadline.kind.awaitsEvent && t.eventOn == nil { return 3 }
    return 4
  }

  /// Done and nothing more to do; a yearly task is settled only until its next occurrence.
  static func isSettled(_ t: PlanTask, due: Day?) -> Bool {
    guard t.status == .done else { return false }
    if case .yearly = t.deadline.kind { return due == nil }
    return true
  }

  public func isOverdue(_ i: Int) -> Bool {
    guard let d = due[i], d < today else { return false }
    return !Agenda.isSettled(plan.tasks[i], due: d)
  }

  /// Days past due (positive) or left (negative), nil without a due date.
  public func daysOverdue(_ i: Int) -> Int? { due[i].map { $0.days(until: today) } }

  public func isDueWithin(_ i: Int, days n: Int) -> Bool {
    guard let d = due[i], !Agenda.isSettled(plan.tasks[i], due: d) else { return false }
    return d >= today && d.ordinal - today.ordinal <= n
  }

  /// Waiting on an outside trigger that has not been recorded yet.
  public func isWaiting(_ i: Int) -> Bool {
    let t = plan.tasks[i]
    return t.status != .done && t.deadline.kind.awaitsEvent && t.eventOn == nil
  }

  public func isDone(_ i: Int) -> Bool { plan.tasks[i].status == .done }

  /// Sorts task indexes into urgency order without sorting again.
  public func inUrgencyOrder(_ indexes: [Int]) -> [Int] { indexes.sorted { rank[$0] < rank[$1] } }

  public var overdue: [Int] { urgency.filter(isOverdue) }

  public func dueSoon(within n: Int = 14) -> [Int] { urgency.filter { isDueWithin($0, days: n) } }

  public var waiting: [Int] { urgency.filter(isWaiting) }

  /// Journal entries since the last working day before today: what the stand-up has not seen.
  public var changedSinceLastWorkday: [JournalEntry] {
    let since = plan.settings.calendar.previousWorkday(before: today)
    return plan.journal.filter { ($0.day ?? today) >= since }
  }

  public var staffingShortfalls: [StaffingCheck] {
    plan.staffingChecks().filter { $0.compliant == false }.sorted { a, b in
      a.shortfall != b.shortfall ? a.shortfall > b.shortfall : a.unit < b.unit
    }
  }

  // MARK: Grouping

  public struct Progress: Hashable, Sendable {
    public var done = 0
    public var total = 0
    public var overdue = 0
    public init() {}
    /// Percent done, rounded down, in integers.
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
  }

  public func tasks(inGroup g: String) -> [Int] { plan.tasks.indices.filter { plan.tasks[$0].group == g } }

  public func progress(of indexes: some Sequence<Int>) -> Progress {
    var p = Progress()
    for i in indexes {
      p.total += 1
      if isDone(i) { p.done += 1 }
      if isOverdue(i) { p.overdue += 1 }
    }
    return p
  }

  public var overall: Progress { progress(of: plan.tasks.indices) }

  public struct DepartmentSummary: Hashable, Sendable {
    public let name: String
    public var lead = 0
    public var support = 0
    public var overdue = 0
    public var done = 0
    public var total: Int { lead + support }
  }

  /// Every department with its task counts, in order of first appearance.
  public var departmentSummaries: [DepartmentSummary] {
    var byName: [String: DepartmentSummary] = [:]
    let names = plan.departments
    for n in names { byName[n] = DepartmentSummary(name: n) }
    for (i, t) in plan.tasks.enumerated() {
      for (units, role) in [(t.lead.units, Role.lead), (t.support.units, .support)] {
        for d in units {
          if role == .lead { byName[d]?.lead += 1 } else { byName[d]?.support += 1 }
          if isOverdue(i) { byName[d]?.overdue += 1 }
          if isDone(i) { byName[d]?.done += 1 }
        }
      }
    }
    return names.compactMap { byName[$0] }
  }

  /// The tasks one department leads or supports, in urgency order, with its role in each.
  public func tasks(ofDepartment name: String) -> [(index: Int, role: Role)] {
    var roles: [Int: Role] = [:]
    for (i, t) in plan.tasks.enumerated() {
      if t.lead.units.contains(name) {
        roles[i] = .lead
      } else if t.support.units.contains(name) {
        roles[i] = .support
      }
    }
    return inUrgencyOrder(Array(roles.keys)).map { ($0, roles[$0]!) }
  }
}

/// Orders ids as people read them: "2" before "10", "10" before "10a".
public struct IDKey: Comparable, Hashable, Sendable {
  let number: Int
  let rest: String

  public init(_ id: String) {
    let digits = id.prefix { $0.isASCII && $0.isNumber }
    number = digits.isEmpty ? Int.max : Int(digits.prefix(15)) ?? Int.max
    rest = String(id.dropFirst(digits.count))
  }

  public static func < (a: IDKey, b: IDKey) -> Bool {
    a.number != b.number ? a.number < b.number : a.rest < b.rest
  }
}
