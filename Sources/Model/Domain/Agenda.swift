/// The plan read on one day: due dates, what is late, what is waiting, and the counts every
/// front end shows. Computed once per (plan, today) so that no view sorts or scans per frame.
public struct Agenda: Sendable {
  public private(set) var plan: Plan
  public let today: Day
  /// Due date per task index (nil: none, or not yet known).
  public private(set) var due: [Day?]
  /// Task indexes in urgency order: overdue (oldest first), dated, blocked, waiting, undated, done.
  public private(set) var urgency: [Int]
  private var rank: [Int]
  /// Per task, worked out once: the due date's day number (Int.max: none), flags and urgency
  /// bucket, so the questions below are array reads rather than walks through each task.
  private var dueDay: [Int]
  private var flags: [UInt8]
  private var buckets: [Int]
  private static let settledFlag: UInt8 = 1
  private static let doneFlag: UInt8 = 2
  private static let waitingFlag: UInt8 = 4

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
    // Each task read where it lies: binding `plan.tasks[i]` to a name copied the task (a
    // retain of each of its strings), which was half the cost of making an agenda.
    plan.tasks.withUnsafeBufferPointer { tasks in
      for i in tasks.indices {
        let facts = Facts(
          kind: tasks[i].deadline.kind, status: tasks[i].status, eventOn: tasks[i].eventOn,
          completedOn: tasks[i].completedOn)
        let d = Agenda.dueDate(facts, settings: plan.settings)
        due.append(d)
        dueDay.append(d?.ordinal ?? Int.max)
        flags.append(Agenda.flags(facts, due: d))
        buckets.append(Agenda.bucket(facts, due: d, today: today))
      }
    }
    self.due = due
    self.dueDay = dueDay
    self.flags = flags
    self.buckets = buckets
    let order = Agenda.packedOrder(plan, buckets, dueDay) ?? Agenda.sortedOrder(plan, buckets, dueDay)
    urgency = order
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

  /// Lets go of the plan's tasks while a save changes them in place (see
  /// `Plan.withTasksSetAside`); `updating(plan:changed:)` then brings the new ones.
  public mutating func setTasksAside() { plan = plan.withTasksSetAside }

  /// A task's settled, done and waiting flags.
  static func flags(_ t: Facts, due d: Day?) -> UInt8 {
    var f: UInt8 = 0
    if Agenda.isSettled(t, due: d) { f |= Agenda.settledFlag }
    if t.status == .done { f |= Agenda.doneFlag }
    if t.status != .done && t.kind.awaitsEvent && t.eventOn == nil { f |= Agenda.waitingFlag }
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

  /// The urgency order for any ids: bucket, due day, id as people read it, then file order.
  static func sortedOrder(_ plan: Plan, _ buckets: [Int], _ dueDay: [Int]) -> [Int] {
    let ids = plan.tasks.map { IDKey($0.id) }
    return plan.tasks.indices.sorted { a, b in
      if buckets[a] != buckets[b] { return buckets[a] < buckets[b] }
      if dueDay[a] != dueDay[b] { return dueDay[a] < dueDay[b] }
      if ids[a] != ids[b] { return ids[a] < ids[b] }
      return a < b
    }
  }

  /// The urgency order by sorting one 64-bit key per task (bucket, due day, numeric id,
  /// index), when every value fits its bits; nil otherwise (ids with letters, say).
  static func packedOrder(_ plan: Plan, _ buckets: [Int], _ dueDay: [Int]) -> [Int]? {
    let n = plan.tasks.count
    guard n < 1 << 19 else { return nil }
    var keys: [UInt64] = []
    keys.reserveCapacity(n)
    let epoch = -800_000  // day numbers from year 1 up, well before any plan
    for i in 0..<n {
      let id = IDKey(plan.tasks[i].id)
      guard id.rest.isEmpty, id.number < 1 << 20 else { return nil }
      let day: UInt64
      if dueDay[i] == Int.max {
        day = (1 << 22) - 1
      } else {
        let d = dueDay[i] - epoch
        guard d >= 0 && d < (1 << 22) - 1 else { return nil }
        day = UInt64(d)
      }
      keys.append(UInt64(buckets[i]) << 61 | day << 39 | UInt64(id.number) << 19 | UInt64(i))
    }
    radixSort(&keys)
    return keys.map { Int($0 & ((1 << 19) - 1)) }
  }

  /// Sorts 64-bit keys by 16-bit digits, least significant first: at 100,000 tasks four
  /// counting passes take a fraction of a comparison sort's time. Short lists use `sort`.
  static func radixSort(_ keys: inout [UInt64]) {
    let n = keys.count
    guard n > 4096 else {
      keys.sort()
      return
    }
    var other = [UInt64](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 1 << 16)
    for pass in 0..<4 {
      let shift = UInt64(pass * 16)
      let moved = keys.withUnsafeBufferPointer { from in
        other.withUnsafeMutableBufferPointer { to in
          counts.withUnsafeMutableBufferPointer { c -> Bool in
            c.update(repeating: 0)
            for key in from { c[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] += 1 }
            // A digit every key shares orders nothing: skip the pass.
            if c[Int(truncatingIfNeeded: from[0] >> shift) & 0xFFFF] == n { return false }
            var sum = 0
            for d in c.indices {
              let here = c[d]
              c[d] = sum
              sum += here
            }
            for key in from {
              let d = Int(truncatingIfNeeded: key >> shift) & 0xFFFF
              to[c[d]] = key
              c[d] += 1
            }
            return true
          }
        }
      }
      if moved { swap(&keys, &other) }
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
    if isSettled(t, due: due) { return 5 }
    if let d = due { return d < today ? 0 : 1 }
    if t.status == .blocked { return 2 }
    if t.kind.awaitsEvent && t.eventOn == nil { return 3 }
    return 4
  }

  /// Done and nothing more to do; a yearly task is settled only until its next occurrence.
  static func isSettled(_ t: PlanTask, due: Day?) -> Bool { isSettled(Facts(t), due: due) }

  static func isSettled(_ t: Facts, due: Day?) -> Bool {
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

  /// Journal entries since the last working day before today: what the stand-up has not seen.
  public var changedSinceLastWorkday: [JournalEntry] {
    let since = plan.settings.calendar.previousWorkday(before: today)
    return plan.journal.filter { ($0.day ?? today) >= since }
  }

  /// How many entries `changedSinceLastWorkday` holds, without copying them.
  public var changedSinceLastWorkdayCount: Int {
    let since = plan.settings.calendar.previousWorkday(before: today)
    var n = 0
    for k in plan.journal.indices {
      // The day straight from the time's first ten bytes, without copying the entry.
      // (When the eleventh byte is ASCII, nothing combines with the tenth character.)
      let quick = plan.journal[k].at.utf8.withContiguousStorageIfAvailable { b -> Day? in
        guard b.count >= 10, b.count == 10 || b[10] < 0x80 else { return nil }
        return Day(isoBytes: UnsafeBufferPointer(rebasing: b[0..<10]))
      }
      let day = (quick ?? nil) ?? plan.journal[k].day
      if (day ?? today) >= since { n += 1 }
    }
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

  public func tasks(inGroup g: String) -> [Int] { plan.tasks.indices.filter { plan.tasks[$0].group == g } }

  /// `progress(of: tasks(inGroup: g))` for every group of `groups`, in one pass.
  public func progress(ofGroups groups: [String]) -> [String: Progress] {
    var out: [Progress] = groups.map { _ in Progress() }
    var lastGroup: String? = nil
    var last = -1
    for i in plan.tasks.indices {
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

  /// Every department's summary and tasks, worked out in one pass (the dashboard keeps it).
  public func departmentTable() -> DepartmentTable { DepartmentTable(self) }

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

  public static func < (a: IDKey, b: IDKey) -> Bool {
    a.number != b.number ? a.number < b.number : a.rest < b.rest
  }
}

/// Every department's counts and tasks for one agenda: what `Agenda.departmentSummaries` and
/// `Agenda.tasks(ofDepartment:)` give, for all departments at once. Names are told apart by
/// their bytes first, so the plan's hundred thousand mentions of a few dozen names cost no
/// Unicode-aware hashing; names equal as `String`s still count as one department.
public struct DepartmentTable: Sendable {
  public private(set) var summaries: [Agenda.DepartmentSummary]
  private var tasks: [[(index: Int, role: Role)]]
  private let position: [String: Int]
  /// Each task's departments: `department[refs[r]]` for r in `starts[i]..<starts[i + 1]`,
  /// the first `leadCounts[i]` of them as lead.
  private let refs: [Int32]
  private let starts: [Int32]
  private let leadCounts: [Int32]
  private let department: [Int]

  init(_ a: Agenda) {
    let plan = a.plan
    // Distinct byte strings in order of first appearance, and each task's, flat.
    var distinct = DistinctBytes()
    var refs: [Int32] = []
    var starts: [Int32] = []
    var leadCounts: [Int32] = []
    refs.reserveCapacity(plan.tasks.count * 4)
    starts.reserveCapacity(plan.tasks.count + 1)
    for i in plan.tasks.indices {
      starts.append(Int32(refs.count))
      leadCounts.append(Int32(plan.tasks[i].lead.units.count))
      for d in plan.tasks[i].lead.units { refs.append(Int32(distinct.index(of: d))) }
      for d in plan.tasks[i].support.units { refs.append(Int32(distinct.index(of: d))) }
    }
    starts.append(Int32(refs.count))
    // Each byte string's department: the first name `String`-equal to it.
    var position: [String: Int] = [:]
    var names: [String] = []
    var department: [Int] = []
    for name in distinct.strings {
      if let k = position[name] {
        department.append(k)
      } else {
        position[name] = names.count
        department.append(names.count)
        names.append(name)
      }
    }
    var summaries = names.map { Agenda.DepartmentSummary(name: $0) }
    var lists = [[(index: Int, role: Role)]](repeating: [], count: names.count)
    var seen = [Int](repeating: -1, count: names.count)
    for i in a.urgency {
      let from = Int(starts[i])
      let to = Int(starts[i + 1])
      let leads = from + Int(leadCounts[i])
      let overdue = a.isOverdue(i)
      let done = a.isDone(i)
      for r in from..<to {
        let d = department[Int(refs[r])]
        if r < leads { summaries[d].lead += 1 } else { summaries[d].support += 1 }
        if overdue { summaries[d].overdue += 1 }
        if done { summaries[d].done += 1 }
        // Listed once, as lead when it leads (lead units come first).
        if seen[d] != i {
          seen[d] = i
          lists[d].append((i, r < leads ? .lead : .support))
        }
      }
    }
    self.summaries = summaries
    self.tasks = lists
    self.position = position
    self.refs = refs
    self.starts = starts
    self.leadCounts = leadCounts
    self.department = department
  }

  /// The table for `new`, an agenda `Agenda.updating(plan:changed:)` made from `old`, where
  /// the tasks at `changed` kept their departments: their counts and places are redone.
  public func updating(from old: Agenda, to new: Agenda, changed: [Int]) -> DepartmentTable {
    updating(to: new, changed: changed) { old.marks($0) }
  }

  /// `updating(from:to:changed:)` given only what each changed task was (`was`).
  public func updating(to new: Agenda, changed: [Int], was: (Int) -> Agenda.Marks) -> DepartmentTable {
    var t = self
    func departments(_ i: Int) -> [Int] {
      var out: [Int] = []
      for r in Int(starts[i])..<Int(starts[i + 1]) where !out.contains(department[Int(refs[r])]) {
        out.append(department[Int(refs[r])])
      }
      return out
    }
    for i in changed {
      let c = was(i).change(to: new.marks(i))
      for r in Int(starts[i])..<Int(starts[i + 1]) {
        t.summaries[department[Int(refs[r])]].overdue += c.overdue
        t.summaries[department[Int(refs[r])]].done += c.done
      }
    }
    // Out of every list first, then back in by the new order (the rest stays sorted).
    var roles: [(task: Int, department: Int, role: Role)] = []
    for i in changed {
      for d in departments(i) {
        if let k = t.tasks[d].firstIndex(where: { $0.index == i }) {
          roles.append((i, d, t.tasks[d][k].role))
          t.tasks[d].remove(at: k)
        }
      }
    }
    for (i, d, role) in roles {
      t.tasks[d].insert((i, role), at: new.place(of: i, in: t.tasks[d].lazy.map(\.index)))
    }
    return t
  }

  /// The tasks `name` leads or supports, in urgency order, with its role in each.
  public func tasks(of name: String) -> [(index: Int, role: Role)] {
    position[name].map { tasks[$0] } ?? []
  }

  /// The summary of `name` (zero counts for a name no task mentions).
  public func summary(of name: String) -> Agenda.DepartmentSummary? { position[name].map { summaries[$0] } }
}
