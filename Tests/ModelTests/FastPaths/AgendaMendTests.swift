import Foundation
import TestSupport
import Testing

@testable import Model

/// The agenda brought up to date task by task against one made afresh.
@Suite("The agenda mended after a save")
struct AgendaMendTests {
  @Test("an agenda updated in place save after save keeps the order and every task's place")
  func agendaUpdatedInPlace() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let today = isoDay("2019-09-20")
    var plan = store.plan
    var agenda = Agenda(plan: plan, today: today)
    var rng = SplitMix64(state: 11)
    let statuses: [TaskStatus] = [.open, .inProgress, .blocked]
    for _ in 0..<200 {
      var changed: [Int] = []
      for _ in 0...rng.below(4) {
        let i = rng.below(plan.tasks.count)
        guard !changed.contains(i) else { continue }
        let id = plan.tasks[i].id
        let change =
          rng.chance(40)
          ? plan.markDone(id, on: today.adding(days: rng.below(60) - 30)) : plan.setStatus(id, rng.pick(statuses))
        guard let change else { continue }
        try plan.apply(change)
        changed.append(i)
      }
      agenda.update(plan: plan, changed: changed)
      let fresh = Agenda(plan: plan, today: today)
      #expect(agenda.urgency == fresh.urgency)
      #expect(agenda.urgency.indices.allSatisfy { agenda.position(of: agenda.urgency[$0]) == $0 })
      #expect(agenda.overdue == fresh.overdue)
    }
  }
}
