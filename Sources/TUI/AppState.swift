import Model

/// The three panes a key can act on.
public enum Pane: Int, Sendable, CaseIterable {
  case nav, list, detail
}

/// What `f` cycles through.
public enum Filter: Int, CaseIterable, Sendable {
  case all, notDone, overdue, dueSoon, done

  public func title(_ l: Lang) -> String {
    switch self {
    case .all: l.pick("全部", "all")
    case .notDone: l.pick("未完成", "not done")
    case .overdue: l.pick("逾期", "overdue")
    case .dueSoon: l.pick("两周内到期", "due in 14 days")
    case .done: l.pick("已完成", "done")
    }
  }
}

/// A line of input the footer is asking for.
public struct Prompt: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case search
    case note(String)
    case doneOn(String)
    case trigger(String)
    case staffing(String)
  }

  public var purpose: Purpose
  public var text: String

  public func label(_ l: Lang) -> String {
    switch purpose {
    case .search: "/"
    case .note(let id): l.pick("任务 \(id) 备注：", "note for \(id): ")
    case .doneOn(let id): l.pick("任务 \(id) 完成日期：", "\(id) done on (YYYY-MM-DD): ")
    case .trigger(let id): l.pick("任务 \(id) 触发日期：", "\(id) event happened on (YYYY-MM-DD): ")
    case .staffing(let u): l.pick("\(u) 执法人数 审核人数：", "\(u) enforcement reviewers: ")
    }
  }
}

/// An item in the navigation pane.
public enum NavItem: Equatable, Sendable {
  case section(StandupSection)
  case group(String)
  case department(String)
  case unitFilter(UnitFilter)
  case day(Day?)
}

public enum StandupSection: Int, CaseIterable, Sendable {
  case overdue, dueSoon, waiting, changed, shortfalls
}

public enum UnitFilter: Int, CaseIterable, Sendable {
  case all, short, compliant
}

/// An item in the list pane. Identity (`key`) survives re-sorting and reloads.
public enum ListItem: Equatable, Sendable {
  case task(index: Int, role: Role?)
  case entry(index: Int)
  case unit(index: Int)
}

/// A line in the footer: a confirmation, or why something did not happen.
public struct FooterMessage: Equatable, Sendable {
  public var text: String
  public var isError: Bool
}

/// The dashboard's whole state. Only `update` changes it; panes only read it.
public struct AppState: Sendable {
  public internal(set) var plan: Plan
  public internal(set) var agenda: Agenda
  public internal(set) var today: Day
  public let lang: Lang
  public internal(set) var width: Int
  public internal(set) var height: Int
  public internal(set) var view: View = .standup
  public internal(set) var focus: Pane = .nav
  public internal(set) var filter: Filter = .all
  /// The search applied to task lists (live while typing).
  public internal(set) var search = ""
  public internal(set) var prompt: Prompt?
  public internal(set) var showHelp = false
  public internal(set) var helpScroll = 0
  public internal(set) var message: FooterMessage?
  /// Draw borders with ASCII for terminals that show box characters two columns wide.
  public let ascii: Bool

  // Per-view cursor positions, kept when switching views.
  var navIndex: [View: Int] = [:]
  var listKey: [View: String] = [:]
  var listIndexMemo: [View: Int] = [:]
  var listScroll: [View: Int] = [:]
  var navScroll: [View: Int] = [:]
  public internal(set) var detailScroll = 0

  // Derived, rebuilt when their inputs change (never per frame).
  public internal(set) var navItems: [NavItem] = []
  public internal(set) var listItems: [ListItem] = []
  public internal(set) var departmentSummaries: [Agenda.DepartmentSummary] = []
  /// Each department's tasks in urgency order, and the plan's groups: both scan every task.
  public internal(set) var departmentTable: DepartmentTable?
  public internal(set) var groups: [String] = []
  public internal(set) var groupProgress: [String: Agenda.Progress] = [:]
  var groupProgressReady = false
  /// The stand-up's lists and the header's figures, worked out once per plan and day so that
  /// a frame only reads them (at 100,000 tasks each is a scan of every task).
  public internal(set) var standup = StandupFigures()
  /// Journal entries per day (nil: all), for the Journal view's navigation pane.
  public internal(set) var journalDayCounts: [Day?: Int] = [:]
  /// The search applied to `searchBase` last, and the list it gave: a longer query that
  /// contains it only needs to look through that list again.
  var searchBase: [ListItem] = []
  var lastSearch: (query: String, items: [ListItem])?
  /// The tasks' lowercased text, made at the first search after the plan changed.
  var searchText: SearchText?
  /// Each group's tasks in urgency order, made when the Groups view first needs them.
  var groupTasks: [String: [Int]]?

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

  public init(plan: Plan, today: Day, lang: Lang, width: Int, height: Int, ascii: Bool = false) {
    self.plan = plan
    self.agenda = Agenda(plan: plan, today: today)
    self.today = today
    self.lang = lang
    self.width = width
    self.height = height
    self.ascii = ascii
    rebuildAll()
  }

  // MARK: Cursor

  public var navSelection: Int { min(navIndex[view] ?? 0, max(0, navItems.count - 1)) }

  public var selectedNav: NavItem? { navItems.isEmpty ? nil : navItems[navSelection] }

  /// The list row the cursor is on, found by identity first.
  public var listSelection: Int {
    guard !listItems.isEmpty else { return 0 }
    if let key = listKey[view] {
      // Usually the remembered row still holds the item; else look for it without making a
      // key string per row.
      if let memo = listIndexMemo[view], memo < listItems.count, itemKey(listItems[memo]) == key { return memo }
      if let i = index(ofKey: key) { return i }
    }
    return min(listIndexMemo[view] ?? 0, listItems.count - 1)
  }

  /// The first list row whose `itemKey` is `key`.
  func index(ofKey key: String) -> Int? {
    let body = key.dropFirst(2)
    switch key.prefix(2) {
    case "t:":
      guard let t = plan.index(of: String(body)) else { return nil }
      return listItems.firstIndex {
        if case .task(let i, _) = $0 { return i == t }
        return false
      }
    case "e:":
      guard let seq = Int(body) else { return nil }
      return listItems.firstIndex {
        if case .entry(let e) = $0 { return plan.journal[e].seq == seq }
        return false
      }
    case "u:":
      return listItems.firstIndex {
        if case .unit(let u) = $0 { return plan.staffing[u].name == body }
        return false
      }
    default: return nil
    }
  }

  public var selectedItem: ListItem? { listItems.isEmpty ? nil : listItems[listSelection] }

  /// The task the cursor points at (in the list, or behind a journal entry).
  public var selectedTaskIndex: Int? {
    switch selectedItem {
    case .task(let i, _): return i
    case .entry(let e):
      if case .task(let id) = plan.journal[e].change.target { return plan.index(of: id) }
      return nil
    default: return nil
    }
  }

  public var listScrollOffset: Int { listScroll[view] ?? 0 }
  public var navScrollOffset: Int { navScroll[view] ?? 0 }

  func itemKey(_ item: ListItem) -> String {
    switch item {
    case .task(let i, _): "t:" + plan.tasks[i].id
    case .entry(let e): "e:\(plan.journal[e].seq)"
    case .unit(let u): "u:" + plan.staffing[u].name
    }
  }

  // MARK: Derived data

  /// Recomputes everything that depends on the plan or the day.
  mutating func rebuildAll() {
    agenda = Agenda(plan: plan, today: today)
    standup = StandupFigures(agenda)
    lastSearch = nil
    searchText = nil
    groupTasks = nil
    // Department and group figures wait until a view shows them: the stand-up (the first
    // frame) does not.
    departmentTable = nil
    departmentSummaries = []
    groups = plan.groups
    groupProgress = [:]
    groupProgressReady = false
    rebuildNav()
  }

  /// Takes a new version of the plan (after a save, or a reload) in which the tasks at
  /// `changed` differ (nil: any may). When those are few and kept their id, group and
  /// departments, what depends on them is brought up to date task by task; otherwise
  /// everything is worked out again. Both give the same state.
  mutating func replacePlan(_ p: Plan, changed: [Int]?) {
    let old = plan
    plan = p
    guard let changed = AppState.mendable(old, p, changed: changed) else {
      rebuildAll()
      return
    }
    // What the changed tasks were, kept before the agenda is updated in place (a copy of it
    // would copy every task's figures).
    let marks = Dictionary(uniqueKeysWithValues: changed.map { ($0, agenda.marks($0)) })
    agenda.update(plan: p, changed: changed)
    standup.update(agenda, changed: changed, marks: marks)
    lastSearch = nil
    for i in changed where SearchText.fields(old.tasks[i]) != SearchText.fields(p.tasks[i]) {
      searchText?.update(i, p.tasks[i])
    }
    if let table = departmentTable {
      departmentTable = table.updating(to: agenda, changed: changed) { marks[$0]! }
      departmentSummaries = departmentTable?.summaries ?? []
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
    for i in changed {
      let g = p.tasks[i].group
      guard var progress = groupProgress[g] else { continue }
      progress.recount(was: marks[i]!, now: agenda.marks(i))
      groupProgress[g] = progress
    }
    rebuildNav()
  }

  /// `changed` when the tasks there can be mended one by one: few, none added, each with the
  /// id, group and departments it had, and the same settings; nil otherwise (rebuild).
  static func mendable(_ a: Plan, _ b: Plan, changed: [Int]?) -> [Int]? {
    guard let changed, changed.count < 64, a.tasks.count == b.tasks.count, a.settings == b.settings else { return nil }
    for i in changed {
      let (t, u) = (a.tasks[i], b.tasks[i])
      guard t.id == u.id, t.group == u.group, t.lead == u.lead, t.support == u.support else { return nil }
    }
    return changed
  }

  /// Every department's counts and tasks, made when a view first needs them.
  mutating func ensureDepartmentTable() {
    guard departmentTable == nil else { return }
    let table = agenda.departmentTable()
    departmentTable = table
    departmentSummaries = table.summaries
  }

  mutating func ensureGroupProgress() {
    guard !groupProgressReady else { return }
    groupProgress = agenda.progress(ofGroups: groups)
    groupProgressReady = true
  }

  mutating func rebuildNav() {
    switch view {
    case .departments, .staffing: ensureDepartmentTable()
    case .groups: ensureGroupProgress()
    default: break
    }
    switch view {
    case .standup: navItems = StandupSection.allCases.map { .section($0) }
    case .groups: navItems = groups.map { .group($0) }
    case .departments: navItems = departmentSummaries.map { .department($0.name) }
    case .staffing: navItems = UnitFilter.allCases.map { .unitFilter($0) }
    case .journal:
      var days: [Day] = []
      var counts: [Day?: Int] = [nil: plan.journal.count]
      for e in plan.journal.reversed() {
        let d = e.day
        counts[d, default: 0] += 1
        if let d, days.last != d, counts[d] == 1 { days.append(d) }
      }
      journalDayCounts = counts
      navItems = [.day(nil)] + days.map { .day($0) }
    }
    rebuildList()
  }

  /// The list for the current nav selection, after the filter and the search.
  mutating func rebuildList() {
    let a = agenda
    var items: [ListItem]
    switch selectedNav {
    case .section(let s):
      switch s {
      case .overdue: items = standup.overdue.map { .task(index: $0, role: nil) }
      case .dueSoon: items = standup.dueSoon.map { .task(index: $0, role: nil) }
      case .waiting: items = standup.waiting.map { .task(index: $0, role: nil) }
      case .changed:
        let since = a.plan.settings.calendar.previousWorkday(before: today)
        items = plan.journal.indices.reversed().filter { (plan.journal[$0].day ?? today) >= since }.map {
          .entry(index: $0)
        }
      case .shortfalls:
        let short = Set(standup.shortfalls.map(\.unit))
        items = plan.staffing.indices.filter { short.contains(plan.staffing[$0].name) }.map { .unit(index: $0) }
          .sorted { shortfallOrder($0, $1) }
      }
    case .group(let g):
      if groupTasks == nil { groupTasks = AppState.groupTasks(a, groups) }
      let list = groupTasks?[g] ?? a.urgency.filter { plan.tasks[$0].group == g }
      items = list.map { .task(index: $0, role: nil) }
    case .department(let d): items = tasks(ofDepartment: d).map { .task(index: $0.index, role: $0.role) }
    case .unitFilter(let f):
      let checks = plan.staffingChecks()
      items = plan.staffing.indices.filter { i in
        switch f {
        case .all: true
        case .short: checks[i].compliant == false
        case .compliant: checks[i].compliant != false
        }
      }.map { .unit(index: $0) }.sorted { shortfallOrder($0, $1) }
    case .day(let d):
      items = plan.journal.indices.reversed().filter { d == nil || plan.journal[$0].day == d }.map { .entry(index: $0) }
    case nil: items = []
    }
    if filter != .all {
      items = items.filter { item in
        guard case .task(let i, _) = item else { return true }
        switch filter {
        case .all: return true
        case .notDone: return !a.isDone(i)
        case .overdue: return a.isOverdue(i)
        case .dueSoon: return a.isDueWithin(i, days: Agenda.soonDays)
        case .done: return a.isDone(i)
        }
      }
    }
    if !search.isEmpty {
      let q = search.lowercased()
      if searchText == nil { searchText = SearchText(plan.tasks) }
      let plainQuery = SearchText.plainQuery(q)
      func matches(_ item: ListItem, _ q: String) -> Bool {
        if case .task(let i, _) = item, let b = plainQuery, let hit = searchText?.matches(i, b) { return hit }
        return self.matches(item, q)
      }
      // Typing one more character narrows the last result rather than the whole list.
      if let last = lastSearch, last.items.count <= items.count, items == searchBase, q.contains(last.query) {
        items = last.items.filter { matches($0, q) }
      } else {
        searchBase = items
        items = items.filter { matches($0, q) }
      }
      lastSearch = (q, items)
    } else {
      lastSearch = nil
    }
    listItems = items
  }

  /// `Agenda.tasks(ofDepartment:)`, from the table kept for this plan and day.
  public func tasks(ofDepartment name: String) -> [(index: Int, role: Role)] {
    departmentTable?.tasks(of: name) ?? agenda.tasks(ofDepartment: name)
  }

  /// Shortfalls first (largest first), then by name order in the file.
  func shortfallOrder(_ x: ListItem, _ y: ListItem) -> Bool {
    guard case .unit(let a) = x, case .unit(let b) = y else { return false }
    let checks = plan.staffingChecks()
    if checks[a].shortfall != checks[b].shortfall { return checks[a].shortfall > checks[b].shortfall }
    return a < b
  }

  func matches(_ item: ListItem, _ q: String) -> Bool {
    switch item {
    case .task(let i, _):
      let t = plan.tasks[i]
      // Not the group or theme: every task in a group shares them, so they would match all.
      return SearchText.fieldsContain(t, q)
    case .entry(let e):
      let x = plan.journal[e]
      return [x.by, x.change.op, x.message, Phrases(lang).target(x.change.target)].contains {
        $0.lowercased().contains(q)
      }
    case .unit(let u): return plan.staffing[u].name.lowercased().contains(q)
    }
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
