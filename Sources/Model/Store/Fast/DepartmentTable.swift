extension Agenda {
  /// Every department's summary and tasks, worked out in one pass (the dashboard keeps it).
  public func departmentTable() -> DepartmentTable { DepartmentTable(self) }
}

/// Every department's counts and tasks for one agenda: what counting each task's departments
/// and `Agenda.tasks(ofDepartment:)` give, for all departments at once. Names are told apart by
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
    var distinct = DistinctStrings()
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
