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
  public var calendar: WorkCalendar
  /// `git_commit = on`: every save is also a git commit, so the history travels with the files.
  public var gitCommit = false

  public init(
    title: String = "", agency: String = "", note: String = "", reviewerPercent: Int? = 5, groups: [String] = [],
    start: Day? = nil, calendar: WorkCalendar = WorkCalendar()
  ) {
    self.title = title
    self.agency = agency
    self.note = note
    self.reviewerPercent = reviewerPercent
    self.groups = groups
    self.start = start
    self.calendar = calendar
  }
}

/// Which role a department plays in a task.
public enum Role: String, Sendable, Hashable {
  case lead
  case support
}

/// The whole plan as one value: every front end reads this and nothing else.
public struct Plan: Sendable {
  public var settings: PlanSettings
  /// Changed through `apply` (and by the store, which reads them).
  public internal(set) var tasks: TaskList
  public var staffing: [StaffingUnit]
  public var journal: [JournalEntry]
  private var positions: TaskIndex

  public init(
    settings: PlanSettings, tasks: [PlanTask], staffing: [StaffingUnit] = [],
    journal: [JournalEntry] = []
  ) {
    var positions = TaskIndex()
    positions.reserveCapacity(tasks.count)
    for (i, t) in tasks.enumerated() where positions[t.id] == nil { positions.updateValue(i, forKey: t.id) }
    self.init(settings: settings, tasks: TaskList(tasks), positions: positions, staffing: staffing, journal: journal)
  }

  /// A plan whose ids were already indexed (the tasks file's reader has done it).
  init(
    settings: PlanSettings, tasks: TaskList, positions: TaskIndex, staffing: [StaffingUnit],
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

  public func staffingChecks() -> [StaffingCheck] {
    staffing.map { StaffingCheck(unit: $0, percent: settings.reviewerPercent) }
  }

  public func unitIndex(_ name: String) -> Int? { staffing.firstIndex { $0.name == name } }
}

extension Plan {
  /// Applies a change's "after" values, checking that each field held its "before" value.
  /// Throws `ChangeConflict` naming the first field that did not. Returns the index of the
  /// task it changed or added (nil for other targets).
  @discardableResult
  public mutating func apply(_ change: Change) throws(ChangeConflict) -> Int? {
    switch change.target {
    case .task(let id):
      guard let i = index(of: id) else {
        // A task an import adds: its "id" field goes from nothing to the id.
        guard change.fields.contains(where: { $0.field == "id" && $0.before.isEmpty && $0.after == id }) else {
          throw ChangeConflict(target: change.target, field: "id", found: "")
        }
        var t = PlanTask(id: id, measure: "")
        for f in change.fields where f.field != "id" { t.set(f.field, f.after) }
        appendTask(t)
        return tasks.count - 1
      }
      var t = tasks[i]
      for f in change.fields {
        let now = t.value(of: f.field)
        guard now == f.before || now == f.after else {
          throw ChangeConflict(target: change.target, field: f.field, found: now)
        }
        t.set(f.field, f.after)
      }
      tasks[i] = t
      return i
    case .unit(let name):
      try applyStaffing(change, name: name)
      return nil
    case .plan:
      return nil
    }
  }

  private mutating func applyStaffing(_ change: Change, name: String) throws(ChangeConflict) {
    let i = unitIndex(name)
    for f in change.fields where f.field == Change.unitExists {
      if f.after.isEmpty {
        if let i { staffing.remove(at: i) }
        return
      }
      if i == nil { staffing.append(StaffingUnit(name: name, enforcement: 0, reviewers: 0)) }
    }
    guard let j = unitIndex(name) else {
      throw ChangeConflict(target: change.target, field: Change.unitExists, found: "")
    }
    var u = staffing[j]
    for f in change.fields where f.field != Change.unitExists {
      let now = f.field == "enforcement" ? String(u.enforcement) : String(u.reviewers)
      guard now == f.before || now == f.after || f.before.isEmpty else {
        throw ChangeConflict(target: change.target, field: f.field, found: now)
      }
      let v = Int(f.after) ?? 0
      if f.field == "enforcement" { u.enforcement = v } else { u.reviewers = v }
    }
    staffing[j] = u
  }
}

/// A change whose "before" no longer matches what the store holds: someone else changed it.
public struct ChangeConflict: Error, Sendable, Equatable {
  public let target: ChangeTarget
  public let field: String
  public let found: String
}

extension PlanTask {
  /// Field names shared by the store's columns, the journal and changes.
  public static let fieldNames = [
    "id", "group", "theme", "measure", "requirement", "lead", "support", "deadline", "status",
    "completed_on", "event_on", "note",
  ]

  /// A field's value as the store writes it.
  public func value(of field: String) -> String {
    switch field {
    case "id": id
    case "group": group
    case "theme": theme
    case "measure": measure
    case "requirement": requirement
    case "lead": lead.cell
    case "support": support.cell
    case "deadline": deadline.text
    case "status": status.rawValue
    case "completed_on": completedOn?.description ?? ""
    case "event_on": eventOn?.description ?? ""
    case "note": note
    default: extras[field] ?? ""
    }
  }

  /// Sets a field from store text; values were validated when they entered the program.
  public mutating func set(_ field: String, _ value: String) {
    switch field {
    case "group": group = value
    case "theme": theme = value
    case "measure": measure = value
    case "requirement": requirement = value
    case "lead": lead = Departments(cell: value)
    case "support": support = Departments(cell: value)
    case "deadline": deadline = Deadline(value)
    case "status": status = TaskStatus(token: value) ?? status
    case "completed_on": completedOn = Day(iso: value)
    case "event_on": eventOn = Day(iso: value)
    case "note": note = value
    case "id": break
    default: extras[field] = value.isEmpty ? nil : value
    }
  }
}
