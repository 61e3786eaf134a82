import Model

/// What the views show that is worked out from the plan and the day: made afresh (`init`)
/// or mended after a save task by task (`mend`), and never per frame. Both paths give the
/// same figures (IncrementalTests). Department and group figures and the search text scan
/// every task, so each is made when a view first needs it, or when the dashboard is idle.
public struct Figures: Sendable {
  public private(set) var agenda: Agenda
  public var plan: Plan { agenda.plan }
  public var today: Day { agenda.today }
  /// The stand-up's lists and the header's counts.
  public private(set) var standup: StandupFigures
  /// The plan's groups, in its order.
  public private(set) var groups: [String]
  /// Each group's counts, once made.
  public private(set) var groupProgress: [String: Agenda.Progress]?
  /// Each group's tasks in urgency order, once made.
  private(set) var groupTasks: [String: [Int]]?
  /// Every department's counts and tasks, once made.
  public private(set) var departments: DepartmentTable?
  /// The tasks' lowercased text, made at the first search.
  private(set) var searchText: SearchText?
  /// Each task's place in `groups` (-1: none), made at the first whole-plan search, so that
  /// its spread over the groups is counted without comparing names. Mending keeps it: a
  /// mended task keeps its group.
  private(set) var groupOfTask: [Int32]?

  public init(plan: Plan, today: Day) {
    agenda = Agenda(plan: plan, today: today)
    standup = StandupFigures(agenda)
    groups = plan.groups
  }

  /// The figures for `p`, in which the tasks at `changed` differ from this plan's (nil: any
  /// may). Mended task by task when those are few and kept their id, group and departments;
  /// made afresh otherwise.
  mutating func mend(to p: Plan, changed: [Int]?) {
    guard let changed = Figures.mendable(plan, p, changed: changed) else {
      self = Figures(plan: p, today: today)
      return
    }
    let old = plan
    // What the changed tasks counted as, kept before the agenda is updated in place.
    let marks = Dictionary(uniqueKeysWithValues: changed.map { ($0, agenda.marks($0)) })
    agenda.update(plan: p, changed: changed)
    standup.update(agenda, changed: changed, marks: marks)
    for i in changed where SearchText.fields(old.tasks[i]) != SearchText.fields(p.tasks[i]) {
      searchText?.update(i, p.tasks[i])
    }
    if let table = departments {
      departments = table.updating(to: agenda, changed: changed) { marks[$0]! }
    }
    if var lists = groupTasks {
      // Each changed task moves within its group's list (the others keep their order).
      for i in changed {
        let g = p.tasks[i].group
        guard var list = lists[g], let k = list.firstIndex(of: i) else { continue }
        list.remove(at: k)
        list.insert(i, at: agenda.place(of: i, in: list))
        lists[g] = list
      }
      groupTasks = lists
    }
    if var progress = groupProgress {
      for i in changed { progress[p.tasks[i].group]?.recount(was: marks[i]!, now: agenda.marks(i)) }
      groupProgress = progress
    }
  }

  /// `changed` when the tasks there can be mended one by one: few, none added, each with the
  /// id, group and departments it had, and the same settings; nil otherwise.
  static func mendable(_ a: Plan, _ b: Plan, changed: [Int]?) -> [Int]? {
    guard let changed, changed.count < 64, a.tasks.count == b.tasks.count, a.settings == b.settings else { return nil }
    for i in changed {
      let (t, u) = (a.tasks[i], b.tasks[i])
      guard t.id == u.id, t.group == u.group, t.lead == u.lead, t.support == u.support,
        (t.status == .retired) == (u.status == .retired)
      else { return nil }
    }
    return changed
  }

  /// The same figures on another day (the dashboard was left open past midnight).
  mutating func move(to day: Day) { self = Figures(plan: plan, today: day) }

  // MARK: Made when first needed

  mutating func prepareDepartments() {
    if departments == nil { departments = agenda.departmentTable() }
  }

  mutating func prepareGroups() {
    if groupProgress == nil { groupProgress = agenda.progress(ofGroups: groups) }
  }

  mutating func prepareSearch() {
    if searchText == nil { searchText = SearchText(plan.tasks) }
  }

  /// A group's tasks in urgency order.
  mutating func tasks(inGroup g: String) -> [Int] {
    if groupTasks == nil { groupTasks = Figures.groupTasks(agenda, groups) }
    return groupTasks?[g] ?? agenda.urgency.filter { plan.tasks[$0].group == g }
  }

  /// `agenda.urgency` split by group (a task counts under the first group equal to its own).
  static func groupTasks(_ a: Agenda, _ groups: [String]) -> [String: [Int]] {
    var lists = [[Int]](repeating: [], count: groups.count)
    var last = -1
    for i in a.urgency {
      let g = a.plan.tasks[i].group
      if last >= 0 && g == groups[last] {
        lists[last].append(i)
      } else if let k = groups.firstIndex(of: g) {
        lists[k].append(i)
        last = k
      }
    }
    var out: [String: [Int]] = [:]
    for (k, g) in groups.enumerated() where out[g] == nil { out[g] = lists[k] }
    return out
  }

  /// How many of the tasks in `items` each group holds, in the plan's order (groups with
  /// none left out). Each task's group is placed once, from the groups' task lists.
  mutating func groupCounts(_ items: [ListItem]) -> [(group: String, count: Int)] {
    if groupOfTask == nil {
      if groupTasks == nil { groupTasks = Figures.groupTasks(agenda, groups) }
      var of = [Int32](repeating: -1, count: plan.tasks.count)
      for (k, g) in groups.enumerated() {
        for i in groupTasks?[g] ?? [] where of[i] < 0 { of[i] = Int32(k) }
      }
      groupOfTask = of
    }
    var counts = [Int](repeating: 0, count: groups.count)
    if let of = groupOfTask {
      for case .task(let i, _) in items where of[i] >= 0 { counts[Int(of[i])] += 1 }
    }
    return groups.indices.filter { counts[$0] > 0 }.map { (groups[$0], counts[$0]) }
  }

  /// The tasks `name` leads or supports, in urgency order, with its role in each.
  public func tasks(ofDepartment name: String) -> [(index: Int, role: Role)] {
    departments?.tasks(of: name) ?? agenda.tasks(ofDepartment: name)
  }

  /// Whether task `i` matches a lowercased query, by the search text when it can tell.
  func matches(_ i: Int, _ query: String, plain: [UInt8]?) -> Bool {
    if let plain, let hit = searchText?.matches(i, plain) { return hit }
    return SearchText.fieldsContain(plan.tasks[i], query)
  }
}

/// What the stand-up shows and the header counts, for one plan on one day.
public struct StandupFigures: Sendable {
  public var overdue: [Int] = []
  public var dueSoon: [Int] = []
  public var waiting: [Int] = []
  public var changedCount = 0
  public var shortfalls: [StaffingCheck] = []
  public var overall = Agenda.Progress()

  public init() {}

  public init(_ a: Agenda) {
    overdue = a.overdue
    dueSoon = a.dueSoon()
    waiting = a.waiting
    changedCount = a.changedSinceLastWorkdayCount
    shortfalls = a.staffingShortfalls
    overall = a.overall
  }

  /// The figures after the tasks at `changed` changed (`marks`: what they counted as before),
  /// each list mended where those tasks left and entered it instead of filtered afresh.
  mutating func update(_ a: Agenda, changed: [Int], marks: [Int: Agenda.Marks]) {
    func mend(_ list: inout [Int], _ belongs: (Int) -> Bool) {
      list.removeAll { changed.contains($0) }
      for i in changed where belongs(i) { list.insert(i, at: a.place(of: i, in: list)) }
    }
    mend(&overdue, a.isOverdue)
    mend(&dueSoon) { a.isDueWithin($0, days: Agenda.soonDays) }
    mend(&waiting, a.isWaiting)
    for i in changed { overall.recount(was: marks[i]!, now: a.marks(i)) }
    changedCount = a.changedSinceLastWorkdayCount
    shortfalls = a.staffingShortfalls
  }
}
