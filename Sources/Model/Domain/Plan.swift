#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// Set only by the store, which applies a save's changes to the array in place.
  public internal(set) var tasks: [PlanTask]
  public var staffing: [StaffingUnit]
  public var journal: [JournalEntry]
  private var positions: TaskIndex
  /// Which reading of the tasks this plan descends from, and the tasks edited since, in
  /// order: a front end that holds an earlier version can tell what changed without
  /// comparing every task.
  private var lineage = Lineage()
  private var editedTasks: [Int] = []
  /// Tasks added since the reading (an import's): their indices are new, so a front end
  /// holding an earlier version cannot follow by edits alone.
  private var addedTasks = 0

  private final class Lineage: Sendable {}

  /// The tasks changed since `earlier`, when this plan is `earlier` with some edits applied;
  /// nil when it is not (read again from disk, tasks added, another lineage).
  public func tasksChanged(since earlier: Plan) -> [Int]? {
    guard lineage === earlier.lineage, addedTasks == earlier.addedTasks,
      editedTasks.count >= earlier.editedTasks.count,
      editedTasks[..<earlier.editedTasks.count].elementsEqual(earlier.editedTasks)
    else { return nil }
    return Array(Set(editedTasks[earlier.editedTasks.count...])).sorted()
  }

  public init(
    settings: PlanSettings, tasks: [PlanTask], staffing: [StaffingUnit] = [],
    journal: [JournalEntry] = []
  ) {
    self.settings = settings
    self.tasks = tasks
    self.staffing = staffing
    self.journal = journal
    var positions = TaskIndex()
    positions.reserveCapacity(tasks.count)
    for (i, t) in tasks.enumerated() where positions[t.id] == nil { positions.updateValue(i, forKey: t.id) }
    self.positions = positions
  }

  /// A plan whose ids were already indexed (the tasks file's reader has done it).
  init(
    settings: PlanSettings, tasks: [PlanTask], positions: TaskIndex, staffing: [StaffingUnit],
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

  public mutating func replaceTask(at i: Int, with t: PlanTask) {
    precondition(t.id == tasks[i].id, "a task keeps its id")
    tasks[i] = t
    editedTasks.append(i)
  }

  public mutating func appendTask(_ t: PlanTask) {
    positions.updateValue(tasks.count, forKey: t.id)
    tasks.append(t)
    addedTasks += 1
  }

  /// This plan with its tasks set aside, for a front end to hold while the store applies a
  /// save to the one array of tasks in place (at 100,000 tasks, copying them cost more than
  /// the rest of the save). `tasksChanged(since:)` answers against it as against the plan.
  public var withTasksSetAside: Plan {
    var p = self
    p.tasks = []
    return p
  }

  /// The groups in the plan's order, then any group only tasks name.
  public var groups: [String] {
    var seen = Set(settings.groups)
    var out = settings.groups
    var distinct = DistinctBytes()
    // By index: a `for t in tasks` loop copies every task (and retains its strings).
    for i in tasks.indices where !tasks[i].group.isEmpty { distinct.add(tasks[i].group) }
    for g in distinct.strings where !seen.contains(g) {
      seen.insert(g)
      out.append(g)
    }
    return out
  }

  /// Departments in order of first appearance (lead before support within a task).
  public var departments: [String] {
    var distinct = DistinctBytes()
    for i in tasks.indices {
      for d in tasks[i].lead.units { distinct.add(d) }
      for d in tasks[i].support.units { distinct.add(d) }
    }
    var seen = Set<String>()
    var out: [String] = []
    for d in distinct.strings where !seen.contains(d) {
      seen.insert(d)
      out.append(d)
    }
    return out
  }

  public func staffingChecks() -> [StaffingCheck] {
    staffing.map { StaffingCheck(unit: $0, percent: settings.reviewerPercent) }
  }

  public func unitIndex(_ name: String) -> Int? { staffing.firstIndex { $0.name == name } }
}

extension Plan {
  /// Applies a change's "after" values, checking that each field held its "before" value.
  /// Throws `ChangeConflict` naming the first field that did not.
  public mutating func apply(_ change: Change) throws(ChangeConflict) {
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
        return
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
      editedTasks.append(i)
    case .unit(let name):
      try applyStaffing(change, name: name)
    case .plan:
      break
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

/// Strings with distinct bytes, in order of first appearance. A plan names a few dozen
/// departments a hundred thousand times: telling them apart by bytes first leaves `String`'s
/// Unicode-aware hashing (costly for Chinese text) to those few dozen. Strings that differ in
/// bytes but are canonically equal are both kept here, and merged by the caller's `Set`.
struct DistinctBytes {
  private(set) var strings: [String] = []
  /// Open addressing: each slot holds an index into `strings` plus one, 0 when empty.
  private var slots = [Int32](repeating: 0, count: 64)
  private var hashes: [UInt64] = []
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]

  mutating func add(_ s: String) { _ = index(of: s) }

  /// Strings already seen, by their two words: the same storage (a name shared by many
  /// tasks, as the reader makes them) or the same short text is the same string. A miss only
  /// means the bytes are looked at.
  /// Open addressing over the words: each slot holds an index into `strings` plus one.
  private var wordSlots = [Int32](repeating: 0, count: 64)

  private static func words(_ s: String) -> (UInt64, UInt64) { unsafeBitCast(s, to: (UInt64, UInt64).self) }

  /// The position of `s` in `strings`, adding it if new.
  mutating func index(of s: String) -> Int {
    let (a, b) = DistinctBytes.words(s)
    let mask = wordSlots.count - 1
    var slot = Int(truncatingIfNeeded: (a ^ (b &* 0x9E37_79B9_7F4A_7C15)) >> 7) & mask
    while wordSlots[slot] != 0 {
      let k = Int(wordSlots[slot]) - 1
      if DistinctBytes.words(strings[k]) == (a, b) { return k }
      slot = (slot + 1) & mask
    }
    let k = indexByBytes(of: s)
    // Only the strings kept in `strings` stay alive, so only their words are remembered (a
    // freed string's storage could come back holding other text).
    if DistinctBytes.words(strings[k]) == (a, b) {
      wordSlots[slot] = Int32(k + 1)
      if strings.count * 2 > wordSlots.count {
        wordSlots = [Int32](repeating: 0, count: wordSlots.count * 4)
        let mask = wordSlots.count - 1
        for (j, kept) in strings.enumerated() {
          let (x, y) = DistinctBytes.words(kept)
          var slot = Int(truncatingIfNeeded: (x ^ (y &* 0x9E37_79B9_7F4A_7C15)) >> 7) & mask
          while wordSlots[slot] != 0 { slot = (slot + 1) & mask }
          wordSlots[slot] = Int32(j + 1)
        }
      }
    }
    return k
  }

  private mutating func indexByBytes(of s: String) -> Int {
    var copy = s
    return copy.withUTF8 { b -> Int in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
      let mask = slots.count - 1
      var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
      while slots[k] != 0 {
        let j = Int(slots[k]) - 1
        if hashes[j] == h {
          let from = starts[j]
          let count = starts[j + 1] - from
          let same =
            count == b.count
            && (count == 0
              || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, b.baseAddress!, count) == 0 })
          if same { return j }
        }
        k = (k + 1) & mask
      }
      let j = strings.count
      slots[k] = Int32(j + 1)
      hashes.append(h)
      bytes.append(contentsOf: b)
      starts.append(bytes.count)
      strings.append(s)
      if strings.count * 2 > slots.count { grow() }
      return j
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (j, h) in hashes.enumerated() {
      var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
      while slots[k] != 0 { k = (k + 1) & mask }
      slots[k] = Int32(j + 1)
    }
  }
}
