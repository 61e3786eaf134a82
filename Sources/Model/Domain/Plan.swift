/// Per-plan settings: what the plan is called, whose it is, and the reviewer percentage.
public struct PlanSettings: Hashable, Sendable {
  public var title: String
  public var agency: String
  /// A line of context under the title (the table's own subtitle), kept so nothing is lost.
  public var note: String
  /// nil when the plan sets no percentage (seed 002 asks only for "enough").
  public var reviewerPercent: Int?
  /// The working groups in the plan's order.
  public var groups: [String]
  /// The day the plan starts; yearly deadlines count from here until first done.
  public var start: Day?
  /// The year the plan is for: deadlines that name none ("年底前", "二季度") are read in it.
  public var year: Int?
  public var calendar: WorkCalendar
  /// `git_commit = on`: every save is also a git commit, so the history travels with the files.
  public var gitCommit = false

  public init(
    title: String = "", agency: String = "", note: String = "", reviewerPercent: Int? = 5, groups: [String] = [],
    start: Day? = nil, year: Int? = nil, calendar: WorkCalendar = WorkCalendar()
  ) {
    self.title = title
    self.agency = agency
    self.note = note
    self.reviewerPercent = reviewerPercent
    self.groups = groups
    self.start = start
    self.year = year
    self.calendar = calendar
  }
}

/// Which role a department plays in a task.
public enum Role: String, Sendable, Hashable {
  case lead
  case support

  /// The token, or the Chinese word a user types (牵头, 配合).
  public init?(token: String) {
    switch token.trimmingSpaces {
    case "lead", "牵头": self = .lead
    case "support", "配合": self = .support
    default: return nil
    }
  }
}

/// The plan's tasks: an array whose copies share the tasks read (see `SharedArray`).
public typealias TaskList = SharedArray<PlanTask>

/// The whole plan as one value: every front end reads this and nothing else.
public struct Plan: Sendable {
  public var settings: PlanSettings
  /// Changed through `apply` (and by the store, which reads them).
  public internal(set) var tasks: TaskList
  public var staffing: [StaffingUnit]
  public var journal: [JournalEntry]
  private var positions: StringIndex

  public init(
    settings: PlanSettings, tasks: [PlanTask], staffing: [StaffingUnit] = [],
    journal: [JournalEntry] = []
  ) {
    var positions = StringIndex()
    positions.reserveCapacity(tasks.count)
    for (i, t) in tasks.enumerated() where positions[t.id] == nil { positions.updateValue(i, forKey: t.id) }
    self.init(settings: settings, tasks: TaskList(tasks), positions: positions, staffing: staffing, journal: journal)
  }

  /// A plan whose ids were already indexed (the tasks file's reader has done it).
  init(
    settings: PlanSettings, tasks: TaskList, positions: StringIndex, staffing: [StaffingUnit],
    journal: [JournalEntry]
  ) {
    self.settings = settings
    self.tasks = tasks
    self.staffing = staffing
    self.journal = journal
    self.positions = positions
  }

  public func index(of id: String) -> Int? { positions[id] }

  public func task(_ id: String) -> PlanTask? { positions[id].map { tasks[$0] } }

  mutating func appendTask(_ t: PlanTask) {
    positions.updateValue(tasks.count, forKey: t.id)
    tasks.append(t)
  }

  /// The groups in the plan's order, then any group only tasks name.
  public var groups: [String] {
    var named = DistinctStrings()
    for i in tasks.indices where !tasks[i].group.isEmpty { _ = named.index(of: tasks[i].group) }
    var seen = Set(settings.groups)
    return settings.groups + named.merged.filter { seen.insert($0).inserted }
  }

  /// Departments in order of first appearance (lead before support within a task).
  public var departments: [String] {
    var named = DistinctStrings()
    for i in tasks.indices {
      for d in tasks[i].lead.units { _ = named.index(of: d) }
      for d in tasks[i].support.units { _ = named.index(of: d) }
    }
    return named.merged
  }

  /// The rule worked out for every unit still in the plan (retired units are left out).
  public func staffingChecks() -> [StaffingCheck] {
    staffing.filter { !$0.retired }.map { StaffingCheck(unit: $0, percent: settings.reviewerPercent) }
  }

  /// The rule worked out for unit `i` of `staffing`.
  public func check(ofUnit i: Int) -> StaffingCheck {
    StaffingCheck(unit: staffing[i], percent: settings.reviewerPercent)
  }

  public func unitIndex(_ name: String) -> Int? { staffing.firstIndex { $0.name == name } }
}

extension Plan {
  /// Applies a change's "after" values, checking that each field held its "before" value
  /// (or already holds its "after" value: the same change made twice is made once). Throws
  /// `ChangeConflict` naming the first field that held neither. Returns the indices of the
  /// tasks it changed or added.
  @discardableResult
  public mutating func apply(_ change: Change) throws(ChangeConflict) -> [Int] {
    switch change.target {
    case .task(let id):
      guard let i = index(of: id) else {
        // A new task: its "id" field goes from nothing to the id.
        guard change.fields.contains(where: { $0.field == .task(.id) && $0.before.isEmpty && $0.after == .text(id) })
        else {
          throw ChangeConflict(target: change.target, field: .task(.id), found: .none)
        }
        var t = PlanTask(id: id, measure: "")
        for f in change.fields { if case .task(let k) = f.field, k != .id { t.set(k, f.after) } }
        t.deadline = t.deadline.inYear(settings.year)
        appendTask(t)
        return [tasks.count - 1]
      }
      var t = tasks[i]
      for f in change.fields {
        guard case .task(let k) = f.field else { continue }
        let now = t.value(of: k)
        guard now == f.before || now == f.after else {
          throw ChangeConflict(target: change.target, field: f.field, found: now)
        }
        t.set(k, f.after)
      }
      t.deadline = t.deadline.inYear(settings.year)
      tasks[i] = t
      return [i]
    case .unit(let name):
      try applyStaffing(change, name: name)
      return []
    case .plan:
      var touched: [Int] = []
      for f in change.fields { touched += try applyToPlan(f, change.target) }
      return touched
    }
  }

  /// A change to the plan as a whole: its groups (added, renamed with every task in them,
  /// reordered) or a department's name in every task that names it.
  private mutating func applyToPlan(_ f: FieldChange, _ target: ChangeTarget) throws(ChangeConflict) -> [Int] {
    func conflict(_ found: FieldValue) -> ChangeConflict {
      ChangeConflict(target: target, field: f.field, found: found)
    }
    let (before, after) = (f.before.text, f.after.text)
    switch f.field {
    case .plan(.group):
      let named = groups
      func has(_ g: String) -> Bool { named.contains(g) }
      if before.isEmpty {
        // Added (a group no task names yet).
        if !settings.groups.contains(after) { settings.groups.append(after) }
        return []
      }
      if after.isEmpty {
        // Taken away again (the undo of an add): only while no task is in it.
        if tasks.contains(where: { $0.group == before }) { throw conflict(f.before) }
        settings.groups.removeAll { $0 == before }
        return []
      }
      guard has(before) else {
        if has(after) { return [] }
        throw conflict(.none)
      }
      if has(after) && after != before { throw conflict(f.after) }
      settings.groups = settings.groups.map { $0 == before ? after : $0 }
      var touched: [Int] = []
      for i in tasks.indices where tasks[i].group == before {
        tasks[i].group = after
        touched.append(i)
      }
      return touched
    case .plan(.groups):
      // The order of the groups.
      let now = FieldValue.names(settings.groups)
      guard now == f.before || now == f.after else { throw conflict(now) }
      settings.groups = after.split(separator: "\n").map(String.init)
      return []
    case .plan(.department):
      var touched: [Int] = []
      for i in tasks.indices {
        var t = tasks[i]
        for role in [Role.lead, .support] {
          var d = role == .lead ? t.lead : t.support
          guard let k = d.units.firstIndex(of: before) else { continue }
          if d.units.contains(after) { d.units.remove(at: k) } else { d.units[k] = after }
          if role == .lead { t.lead = d } else { t.support = d }
        }
        if t != tasks[i] {
          tasks[i] = t
          touched.append(i)
        }
      }
      if touched.isEmpty && !departments.contains(after) { throw conflict(.none) }
      return touched
    default:
      return []
    }
  }

  private mutating func applyStaffing(_ change: Change, name: String) throws(ChangeConflict) {
    let i = unitIndex(name)
    for f in change.fields where f.field == .unit(.unit) {
      if f.after.isEmpty {
        if let i { staffing.remove(at: i) }
        return
      }
      if i == nil { staffing.append(StaffingUnit(name: name, enforcement: 0, reviewers: 0)) }
    }
    if let f = change.fields.first(where: { $0.field == .unit(.name) }) {
      // Renamed: the unit is found by its old name, or is already under its new one.
      let (old, new) = (f.before.text, f.after.text)
      if unitIndex(new) != nil, unitIndex(old) == nil { return }
      guard let j = unitIndex(old) else { throw ChangeConflict(target: change.target, field: f.field, found: .none) }
      guard unitIndex(new) == nil else {
        throw ChangeConflict(target: change.target, field: f.field, found: f.after)
      }
      staffing[j].name = new
      return
    }
    guard let j = unitIndex(name) else {
      throw ChangeConflict(target: change.target, field: .unit(.unit), found: .none)
    }
    var u = staffing[j]
    for f in change.fields {
      guard case .unit(let k) = f.field, k != .unit else { continue }
      let now = u.value(of: k)
      // No "before" only for a unit this change adds: one someone else added meanwhile has
      // counts of its own, and they are not saved over.
      guard now == f.before || now == f.after || (f.before.isEmpty && i == nil) else {
        throw ChangeConflict(target: change.target, field: f.field, found: now)
      }
      u.set(k, f.after)
    }
    staffing[j] = u
  }
}

/// A change whose "before" no longer matches what the store holds: someone else changed it.
public struct ChangeConflict: Error, Sendable, Equatable {
  public let target: ChangeTarget
  public let field: ChangeField
  public let found: FieldValue
}
