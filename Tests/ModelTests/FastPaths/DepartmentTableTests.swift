import Foundation
import TestSupport
import Testing

@testable import Model

/// All departments' counts and tasks in one pass, made and mended, against each counted the plain way.
@Suite("The department table")
struct DepartmentTableTests {
  /// Every department's counts, made the plain way: each task's departments counted.
  static func summaries(_ a: Agenda) -> [Agenda.DepartmentSummary] {
    var byName: [String: Agenda.DepartmentSummary] = [:]
    let names = a.plan.departments
    for n in names { byName[n] = Agenda.DepartmentSummary(name: n) }
    for i in a.plan.tasks.indices {
      let t = a.plan.tasks[i]
      for (units, role) in [(t.lead.units, Role.lead), (t.support.units, .support)] {
        for d in units {
          if role == .lead { byName[d]?.lead += 1 } else { byName[d]?.support += 1 }
          if a.isOverdue(i) { byName[d]?.overdue += 1 }
          if a.isDone(i) { byName[d]?.done += 1 }
        }
      }
    }
    return names.compactMap { byName[$0] }
  }

  @Test("department table equals the per-department queries")
  func departmentTable() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    for today in [isoDay("2019-09-20"), isoDay("2019-12-31")] {
      let a = Agenda(plan: store.plan, today: today)
      let table = a.departmentTable()
      #expect(table.summaries == DepartmentTableTests.summaries(a))
      for name in store.plan.departments + ["没有这个部门"] {
        let want = a.tasks(ofDepartment: name)
        let got = table.tasks(of: name)
        #expect(got.map(\.index) == want.map(\.index), "\(name)")
        #expect(got.map(\.role) == want.map(\.role), "\(name)")
      }
    }
  }

  @Test("agenda updated for a few changed tasks equals the agenda made afresh")
  func agendaUpdate() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let today = isoDay("2019-09-20")
    let a = Agenda(plan: store.plan, today: today)
    var plan = store.plan
    for id in ["2", "27", "31"] { try plan.apply(plan.markDone(id, on: today)!) }
    try plan.apply(plan.setStatus("1", .open)!)
    let changed = ["2", "27", "31", "1"].map { plan.index(of: $0)! }
    let updated = a.updating(plan: plan, changed: changed)
    let fresh = Agenda(plan: plan, today: today)
    #expect(updated.urgency == fresh.urgency)
    #expect(updated.due == fresh.due)
    #expect(updated.overdue == fresh.overdue)
    let table = a.departmentTable().updating(from: a, to: updated, changed: changed)
    #expect(table.summaries == DepartmentTableTests.summaries(fresh))
    for d in plan.departments { #expect(table.tasks(of: d).map(\.index) == fresh.tasks(ofDepartment: d).map(\.index)) }
  }
}
