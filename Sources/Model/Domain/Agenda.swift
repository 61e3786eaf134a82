/// The plan read on one day: due dates, what is late, what is waiting, and the counts every
/// front end shows. Computed once per (plan, today) so that no view sorts or scans per frame.
public struct Agenda: Sendable {
  public private(set) var plan: Plan
  public let today: Day
  /// Due date per task index (nil: none, or not yet known).
  public private(set) var due: [Day?]
  /// Task indexes in urgency order: overdue (oldest first), dated, blocked, waiting, undated,
  /// done. Retired tasks are not in it (nor in any count): they are in `retired`.
  public private(set) var urgency: [Int]
  /// Tasks taken out of the plan, in id order.
  public private(set) var retired: [Int]
  private var rank: [Int]
  /// Per task, worked out once: the due date's day number (Int.max: none), flags and urgency
  /// bucket, so the questions below are array reads rather than walks through each task.
  private var dueDay: [Int]
  private var flags: [UInt8]
  private var buckets: [Int]
  private static let settledFlag: UInt8 = 1
  private static let doneFlag: UInt8 = 2
  private static let waitingFlag: UInt8 = 4
  private static let retiredFlag: UInt8 = 8
  /// The bucket of retired tasks, after every other.
  private static let retiredBucket = 6

  public init(plan: Plan, today: Day) {
    self.plan = plan
    self.today = today
    let n = plan.tasks.count
    var due: [Day?] = []
    var dueDay: [Int] = []
    var flags: [UInt8] = []
    var buckets: [Int] = []
    due.reserveCapacity(n)
    dueDay.reserveCapacity(n)
    flags.reserveCapacity(n)
    buckets.reserveCapacity(n)
    let tasks = plan.tasks
    for i in tasks.indices {
      // The fields read in place (binding the task to a name would copy it).
      let facts = Facts(
        kind: tasks[i].deadline.kind, status: tasks[i].status, eventOn: tasks[i].eventOn,
        completedOn: tasks[i].completedOn)
      let d = Agenda.dueDate(facts, settings: plan.settings)
      due.append(d)
      dueDay.append(d?.ordinal ?? Int.max)
      flags.append(Agenda.flags(facts, due: d))
      buckets.append(Agenda.bucket(facts, due: d, today: today))
    }
    self.due = due
    self.dueDay = dueDay
    self.flags = flags
    self.buckets = buckets
    // Each id as a number, which the radix sort packs; ids with letters take the general sort.
    var numbers: [Int] = []
    numbers.reserveCapacity(n)
    for i in tasks.indices { numbers.append(IDKey(tasks[i].id).plainNumber ?? -1) }
    let order =
      UrgencyOrder.packed(buckets: buckets, dueDays: dueDay, numbers: numbers)
      ?? Agenda.sortedOrder(buckets: buckets, dueDays: dueDay, ids: tasks.indices.map { IDKey(tasks[$0].id) })
    // Retired tasks sort last; they leave the order here.
    let cut = order.firstIndex { buckets[$0] == Agenda.retiredBucket } ?? order.count
    urgency = Array(order[..<cut])
    retired = Array(order[cut...])
    var rank = [Int](repeating: 0, count: order.count)
    for (r, i) in order.enumerated() { rank[i] = r }
    self.rank = rank
  }

  /// What of a task its place in the agenda depends on.
  struct Facts {
    var kind: DeadlineKind
    var status: TaskStatus
    var eventOn: Day?
    var completedOn: Day?

    init(kind: DeadlineKind, status: TaskStatus, eventOn: Day?, completedOn: Day?) {
      (self.kind, self.status, self.eventOn, self.completedOn) = (kind, status, eventOn, completedOn)
    }

    init(_ t: PlanTask) {
      self.init(kind: t.deadline.kind, status: t.status, eventOn: t.eventOn, completedOn: t.completedOn)
    }
  }

  /// A task's settled, done and waiting flags.
  static func flags(_ t: Facts, due d: Day?) -> UInt8 {
    var f: UInt8 = 0
    if Agenda.isSettled(t, due: d) { f |= Agenda.settledFlag }
    if t.status == .done { f |= Agenda.doneFlag }
    if t.status != .done && t.status != .retired && t.kind.awaitsEvent && t.eventOn == nil { f |= Agenda.waitingFlag }
    if t.status == .retired { f |= Agenda.retiredFlag }
    return f
  }

  /// The agenda of `plan`, a later version of this agenda's plan that differs only in the
  /// tasks at `changed` (same tasks in the same places, same settings): those tasks' facts are
  /// worked out again and each is put in its place in the urgency order, which is what
  /// sorting again would give, since that order is total.
  public func updating(plan new: Plan, changed: [Int]) -> Agenda {
    var a = self
    a.update(plan: new, changed: changed)
    return a
  }

  /// `updating(plan:changed:)` in place: the dashboard's agenda is not copied for a save.
  public mutating func update(plan new: Plan, changed: [Int]) {
    // A task retired or brought back changes what the order holds: work it out again.
    if changed.contains(where: { (plan.tasks[$0].status == .retired) != (new.tasks[$0].status == .retired) }) {
      self = Agenda(plan: new, today: today)
      return
    }
    plan = new
    let was = changed.map { rank[$0] }
    for i in changed {
      let t = Facts(new.tasks[i])
      let d = Agenda.dueDate(t, settings: new.settings)
      due[i] = d
      dueDay[i] = d?.ordinal ?? Int.max
      flags[i] = Agenda.flags(t, due: d)
      buckets[i] = Agenda.bucket(t, due: d, today: today)
    }
    // Out first (from the back, so the places still hold), then each back in by binary
    // search: the rest stays sorted throughout.
    for p in Set(was).sorted(by: >) { urgency.remove(at: p) }
    var placed: [Int] = []
    for i in changed {
      var lo = 0
      var hi = urgency.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if precedes(urgency[mid], i) { lo = mid + 1 } else { hi = mid }
      }
      urgency.insert(i, at: lo)
      placed.append(lo)
    }
    // Ranks change only between the first and last place touched: before it nothing moved,
    // and past it as many tasks left as came in.
    guard let first = (was + placed).min(), let last = (was + placed.map { $0 + changed.count - 1 }).max() else {
      return
    }
    for r in first...min(last, urgency.count - 1) { rank[urgency[r]] = r }
  }

  /// The urgency order's comparison, as `sortedOrder` makes it.
  func precedes(_ a: Int, _ b: Int) -> Bool {
    if buckets[a] != buckets[b] { return buckets[a] < buckets[b] }
    if dueDay[a] != dueDay[b] { return dueDay[a] < dueDay[b] }
    let x = IDKey(plan.tasks[a].id)
    let y = IDKey(plan.tasks[b].id)
    if x != y { return x < y }
    return a < b
  }

  /// Where task `i` stands in `urgency`.
  public func position(of i: Int) -> Int { rank[i] }

  /// Where task `i` goes in `list`, tasks kept in urgency order (a view's list, mended after
  /// a save instead of made again).
  public func place<L: RandomAccessCollection<Int>>(of i: Int, in list: L) -> L.Index {
    var lo = list.startIndex
    var n = list.count
    while n > 0 {
      let half = n / 2
      let mid = list.index(lo, offsetBy: half)
      if rank[list[mid]] < rank[i] {
        lo = list.index(after: mid)
        n -= half + 1
      } else {
        n = half
      }
    }
    return lo
  }

  /// The urgency order: bucket, due day, id as people read it, then file order.
  static func sortedOrder(buckets: [Int], dueDays: [Int], ids: [IDKey]) -> [Int] {
    buckets.indices.sorted { a, b in
      if buckets[a] != buckets[b] { return buckets[a] < buckets[b] }
      if dueDays[a] != dueDays[b] { return dueDays[a] < dueDays[b] }
      if ids[a] != ids[b] { return ids[a] < ids[b] }
      return a < b
    }
  }

  /// Due date for sorting, per PRODUCT.md's table of deadline kinds.
  public static func dueDate(of t: PlanTask, settings: PlanSettings) -> Day? { dueDate(Facts(t), settings: settings) }

  static func dueDate(_ t: Facts, settings: PlanSettings) -> Day? {
    switch t.kind {
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

  static func bucket(_ t: Facts, due: Day?, today: Day) -> Int {
    if t.status == .retired { return retiredBucket }
    if isSettled(t, due: due) { return 5 }
    if let d = due { return d < today ? 0 : 1 }
    if t.status == .blocked { return 2 }
    if t.kind.awaitsEvent && t.eventOn == nil { return 3 }
    return 4
  }

  /// Done and nothing more to do; a yearly task is settled only until its next occurrence.
  static func isSettled(_ t: PlanTask, due: Day?) -> Bool { isSettled(Facts(t), due: due) }

  static func isSettled(_ t: Facts, due: Day?) -> Bool {
    if t.status == .retired { return true }
    guard t.status == .done else { return false }
    if case .yearly = t.kind { return due == nil }
    return true
  }

  public func isOverdue(_ i: Int) -> Bool {
    dueDay[i] < today.ordinal && flags[i] & Agenda.settledFlag == 0
  }

  /// Days past due (positive) or left (negative), nil without a due date.
  public func daysOverdue(_ i: Int) -> Int? { due[i].map { $0.days(until: today) } }

  public func isDueWithin(_ i: Int, days n: Int) -> Bool {
    guard dueDay[i] != Int.max, flags[i] & Agenda.settledFlag == 0 else { return false }
    return dueDay[i] >= today.ordinal && dueDay[i] - today.ordinal <= n
  }

  /// Waiting on an outside trigger that has not been recorded yet.
  public func isWaiting(_ i: Int) -> Bool { flags[i] & Agenda.waitingFlag != 0 }

  public func isDone(_ i: Int) -> Bool { flags[i] & Agenda.doneFlag != 0 }

  /// Taken out of the plan: in no list and no count.
  public func isRetired(_ i: Int) -> Bool { flags[i] & Agenda.retiredFlag != 0 }

  /// What a task counted as: what a department's or group's figures change by when it changes.
  public struct Marks: Sendable {
    public var done: Bool
    public var overdue: Bool
    public init(done: Bool, overdue: Bool) { (self.done, self.overdue) = (done, overdue) }

    /// How a done count and an overdue count move when a task goes from these marks to `now`.
    public func change(to now: Marks) -> (done: Int, overdue: Int) {
      ((now.done ? 1 : 0) - (done ? 1 : 0), (now.overdue ? 1 : 0) - (overdue ? 1 : 0))
    }
  }

  /// What task `i` counts as now.
  public func marks(_ i: Int) -> Marks { Marks(done: isDone(i), overdue: isOverdue(i)) }

  /// Sorts task indexes into urgency order without sorting again.
  public func inUrgencyOrder(_ indexes: [Int]) -> [Int] { indexes.sorted { rank[$0] < rank[$1] } }

  public var overdue: [Int] { urgency.filter(isOverdue) }

  /// How far ahead "due soon" looks, in days.
  public static let soonDays = 14

  public func dueSoon(within n: Int = Agenda.soonDays) -> [Int] { urgency.filter { isDueWithin($0, days: n) } }

  public var waiting: [Int] { urgency.filter(isWaiting) }

  /// The day the stand-up looks back to: the last working day before today.
  public var lastWorkday: Day { plan.settings.calendar.previousWorkday(before: today) }

  /// Whether the stand-up shows `e` as new: made on a day from the last working day up to
  /// today (a journal line whose time does not read counts as new). Entries after today are
  /// not shown when the plan is viewed as of an earlier day.
  public func isNew(_ e: JournalEntry) -> Bool {
    guard let d = e.day else { return true }
    return d >= lastWorkday && d <= today
  }

  /// Journal entries since the last working day before today: what the stand-up has not seen.
  public var changedSinceLastWorkday: [JournalEntry] { plan.journal.filter(isNew) }

  /// How many entries `changedSinceLastWorkday` holds, without copying them.
  public var changedSinceLastWorkdayCount: Int {
    var n = 0
    for k in plan.journal.indices where isNew(plan.journal[k]) { n += 1 }
    return n
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

    /// Counts a task again that went from marks `was` to `now`.
    public mutating func recount(was: Marks, now: Marks) {
      let c = was.change(to: now)
      done += c.done
      overdue += c.overdue
    }
  }

  /// The progress of every group of `groups`, in one pass.
  public func progress(ofGroups groups: [String]) -> [String: Progress] {
    var out: [Progress] = groups.map { _ in Progress() }
    var lastGroup: String? = nil
    var last = -1
    for i in plan.tasks.indices where !isRetired(i) {
      // Tasks of a group usually share one string; check the last group found first.
      let k: Int
      if last >= 0, let lg = lastGroup, plan.tasks[i].group == lg {
        k = last
      } else if let found = groups.firstIndex(of: plan.tasks[i].group) {
        k = found
        last = found
        lastGroup = plan.tasks[i].group
      } else {
        continue
      }
      out[k].total += 1
      if isDone(i) { out[k].done += 1 }
      if isOverdue(i) { out[k].overdue += 1 }
    }
    var byName: [String: Progress] = [:]
    for (k, g) in groups.enumerated() where byName[g] == nil { byName[g] = out[k] }
    return byName
  }

  public func progress(of indexes: some Sequence<Int>) -> Progress {
    var p = Progress()
    for i in indexes where !isRetired(i) {
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

  /// The tasks one department leads or supports, in urgency order, with its role in each.
  public func tasks(ofDepartment name: String) -> [(index: Int, role: Role)] {
    var roles: [Int: Role] = [:]
    for i in plan.tasks.indices where !isRetired(i) {
      if plan.tasks[i].lead.units.contains(name) {
        roles[i] = .lead
      } else if plan.tasks[i].support.units.contains(name) {
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
    // The usual id is all ASCII digits (each its own `Character`): read the bytes.
    var all = !id.isEmpty
    var v = 0
    var n = 0
    for b in id.utf8 {
      guard b >= 0x30 && b <= 0x39 else {
        all = false
        break
      }
      if n < 15 { v = v * 10 + Int(b - 0x30) }
      n += 1
    }
    if all {
      number = v
      rest = ""
      return
    }
    let digits = id.prefix { $0.isASCII && $0.isNumber }
    number = digits.isEmpty ? Int.max : Int(digits.prefix(15)) ?? Int.max
    rest = String(id.dropFirst(digits.count))
  }

  /// The id's number when it is digits alone ("7", "007"), which the urgency order can pack.
  var plainNumber: Int? { rest.isEmpty && number != Int.max ? number : nil }

  public static func < (a: IDKey, b: IDKey) -> Bool {
    a.number != b.number ? a.number < b.number : a.rest < b.rest
  }
}
