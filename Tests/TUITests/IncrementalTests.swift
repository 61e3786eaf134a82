import Foundation
import Model
import TUI
import TestSupport
import Testing

/// After a save the dashboard updates what depends on the changed tasks, task by task; the
/// result must be what working everything out again from the saved plan gives.
@Suite("Incremental updates", .serialized)
struct IncrementalTests {
  func expectFresh(_ state: AppState, _ note: Comment) {
    var fresh = AppState(
      plan: state.plan, today: state.today, lang: state.lang, width: state.width, height: state.height)
    var s = state
    // Department and group figures are made when their views are shown: show them in both.
    for v in ["2", "3", "1"] {
      _ = fresh.update(.key(.char(Character(v))))
      _ = s.update(.key(.char(Character(v))))
    }
    #expect(s.agenda.urgency == fresh.agenda.urgency, note)
    #expect(s.agenda.due == fresh.agenda.due, note)
    for i in s.plan.tasks.indices {
      #expect(s.agenda.isOverdue(i) == fresh.agenda.isOverdue(i), note)
      #expect(s.agenda.isDone(i) == fresh.agenda.isDone(i), note)
      #expect(s.agenda.isWaiting(i) == fresh.agenda.isWaiting(i), note)
    }
    #expect(s.figures.standup.overdue == fresh.figures.standup.overdue, note)
    #expect(s.figures.standup.dueSoon == fresh.figures.standup.dueSoon, note)
    #expect(s.figures.standup.waiting == fresh.figures.standup.waiting, note)
    #expect(s.figures.standup.overall == fresh.figures.standup.overall, note)
    #expect(s.figures.standup.changedCount == fresh.figures.standup.changedCount, note)
    #expect(s.figures.departments?.summaries == fresh.figures.departments?.summaries, note)
    #expect(s.figures.groupProgress == fresh.figures.groupProgress, note)
    for g in s.plan.groups {
      var a = s
      var b = fresh
      a.selectGroup(g)
      b.selectGroup(g)
      #expect(a.listItems == b.listItems, note)
    }
    for d in s.plan.departments {
      #expect(s.tasks(ofDepartment: d).map(\.index) == fresh.tasks(ofDepartment: d).map(\.index), note)
      #expect(s.tasks(ofDepartment: d).map(\.role) == fresh.tasks(ofDepartment: d).map(\.role), note)
    }
  }

  @Test("marking done, reopening, starting and blocking keep every derived figure exact")
  func edits() throws {
    let s = try Session()
    // Stand-up overdue list: done twice, then the Departments view: start, block, undo.
    for (k, script) in [
      "enter space", "space", "3 j enter s", "j b", "u", "2 j enter j j space", "u", "1 enter x", "/ 制 度 enter space",
    ].enumerated() {
      s.play(script)
      expectFresh(s.state, "after script \(k): \(script)")
    }
    #expect(s.state.plan.journal.count > 20)
  }

  @Test("figures worked out while idle are ready before their view is shown, and stay exact through saves")
  func idleWarmUp() throws {
    let s = try Session()
    #expect(s.state.figures.departments == nil)
    s.dashboard.send(.idle)
    #expect(s.state.view == .standup)
    #expect(s.state.figures.departments?.summaries.count == s.state.plan.departments.count)
    #expect(s.state.figures.groupProgress?.count == s.state.plan.groups.count)
    // Saves made from the stand-up view keep the figures of views not shown yet.
    for (k, script) in ["enter space", "space", "esc j enter s"].enumerated() {
      s.play(script)
      expectFresh(s.state, "after script \(k): \(script)")
    }
  }

  @Test("a search after saves finds what a fresh search finds")
  func searchAfterSaves() throws {
    let s = try Session()
    s.play("/ 制 enter")
    let before = s.state.listItems
    s.play("space n 新 备 注 制 度 enter")
    s.play("esc / 制 enter")
    var fresh = AppState(plan: s.state.plan, today: s.state.today, lang: .zh, width: 80, height: 24)
    fresh = Session.search(fresh, "制")
    #expect(s.state.listItems == fresh.listItems)
    #expect(!before.isEmpty)
  }
}

extension AppState {
  /// The Groups view with `name` chosen in the navigation pane.
  mutating func selectGroup(_ name: String) {
    _ = update(.key(.char("2")))
    for _ in 0..<3 { _ = update(.key(.escape)) }  // no search, no filter, focus on the groups
    _ = update(.key(.home))
    while selectedNav != .group(name) {
      let before = navSelection
      _ = update(.key(.down))
      if navSelection == before { return }
    }
  }
}

extension Session {
  /// A state with `text` typed into the search prompt and submitted.
  static func search(_ state: AppState, _ text: String) -> AppState {
    var s = state
    _ = s.update(.key(.char("/")))
    for c in text { _ = s.update(.key(.char(c))) }
    _ = s.update(.key(.enter))
    return s
  }
}
