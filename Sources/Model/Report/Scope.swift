/// Which tasks a report covers: the whole plan, one group's, or one department's (the sheet a
/// coordinator sends it to 催办, each task with the department's role in it), read on a day.
public struct ReportScope: Sendable {
  /// A department's name as the plan has it (already resolved from what was typed).
  public var department: String?
  /// A group's name as the plan has it.
  public var group: String?

  public init(department: String? = nil, group: String? = nil) {
    self.department = department
    self.group = group
  }

  public var isWholePlan: Bool { department == nil && group == nil }

  /// The tasks covered, in plan order (the table's own order), retired ones left out; and
  /// the department's role in each when the scope is one department's.
  public func tasks(_ a: Agenda) -> [(index: Int, role: Role?)] {
    var out: [(index: Int, role: Role?)] = []
    let tasks = a.plan.tasks
    for i in tasks.indices where !a.isRetired(i) {
      if let g = group, tasks[i].group != g { continue }
      guard let d = department else {
        out.append((i, nil))
        continue
      }
      if tasks[i].lead.units.contains(d) {
        out.append((i, .lead))
      } else if tasks[i].support.units.contains(d) {
        out.append((i, .support))
      }
    }
    return out
  }
}

/// What happened in a reporting period (a week's 周报, a month's 月报): tasks done, started,
/// become overdue, and progress notes written, each with its day and who recorded it.
public struct Period: Sendable {
  /// The first day of the period and the last (today), both included.
  public let since: Day
  public let until: Day
  public let items: [Item]

  public enum Kind: Sendable, CaseIterable {
    case done
    case started
    case becameOverdue
    case note
  }

  public struct Item: Sendable {
    public let kind: Kind
    /// The task's index in the plan.
    public let task: Int
    public let day: Day
    /// Who recorded it (the journal's `by`); empty when the journal does not say.
    public let by: String
    /// The note written, for `.note`.
    public let text: String
  }

  /// The days a report covers when no period is given: the last seven, today included.
  public static let defaultDays = 7

  /// The period from `since` to the agenda's day over the tasks of `tasks` (plan indexes):
  /// done in it (by the completion date, so that a date typed into tasks.csv by hand counts
  /// too), started in it, due in it and overdue now, and each note written in it.
  public init(_ a: Agenda, since: Day, tasks: [Int]) {
    self.since = since
    self.until = a.today
    let wanted = Set(tasks)
    var done: [Item] = []
    var started: [Item] = []
    var notes: [Item] = []
    var doneBy: [Int: String] = [:]
    var startedAt: [Int: Int] = [:]
    for e in a.plan.journal {
      guard let day = e.day, day >= since, day <= a.today, case .task(let id) = e.change.target,
        let i = a.plan.index(of: id), wanted.contains(i)
      else { continue }
      for f in e.change.fields {
        switch f.field {
        case .task(.status) where f.after == .status(.done): doneBy[i] = e.by
        case .task(.status) where f.after == .status(.inProgress):
          let item = Item(kind: .started, task: i, day: day, by: e.by, text: "")
          // A task started twice in the period is listed once, at its latest start.
          if let k = startedAt[i] {
            started[k] = item
          } else {
            startedAt[i] = started.count
            started.append(item)
          }
        case .task(.note) where !f.after.isEmpty && f.after != f.before:
          notes.append(Item(kind: .note, task: i, day: day, by: e.by, text: f.after.text))
        default: break
        }
      }
    }
    var overdue: [Item] = []
    for i in tasks {
      let t = a.plan.tasks[i]
      if t.status == .done, let c = t.completedOn, c >= since, c <= a.today {
        done.append(Item(kind: .done, task: i, day: c, by: doneBy[i] ?? "", text: ""))
      }
      if a.isOverdue(i), let d = a.due[i], d >= since, d < a.today {
        overdue.append(Item(kind: .becameOverdue, task: i, day: d, by: "", text: ""))
      }
    }
    // A task started and then done in the period counts as done.
    let finished = Set(done.map(\.task))
    started.removeAll { finished.contains($0.task) }
    func byDay(_ x: Item, _ y: Item) -> Bool { x.day != y.day ? x.day < y.day : x.task < y.task }
    items = done.sorted(by: byDay) + started.sorted(by: byDay) + overdue.sorted(by: byDay) + notes
  }

  public func items(_ kind: Kind) -> [Item] { items.filter { $0.kind == kind } }
  public func count(_ kind: Kind) -> Int { items.count { $0.kind == kind } }
}
