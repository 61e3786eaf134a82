import Foundation
import Model
import TUI
import TestSupport
import Testing

/// Adding, editing and retiring from the dashboard: forms and the retire question, as
/// keystroke scripts through the real loop, checked in the files and on screen.
@Suite("Forms in the dashboard", .serialized)
struct FormTests {
  func rows(_ s: Session) -> [String] { s.tasksLines }

  @Test("a adds a task in the chosen group: completion from the plan's names, the deadline read as typed")
  func addTask() throws {
    for (w, h) in [(80, 24), (120, 40)] {
      let s = try Session(width: w, height: h)
      let before = rows(s)
      // Groups view, the second group chosen, then a.
      s.play("2 j a")
      #expect(s.state.form?.value(.group) == "行政执法公示制度工作项目组")
      s.play(ScriptedTerminal.typing("公开执法人员名单") + [.key(.tab), .key(.tab)])
      s.play(ScriptedTerminal.typing("法制") + [.key(.right)])
      #expect(s.state.form?.value(.lead) == "法制科")
      s.play([.key(.tab), .key(.tab)] + ScriptedTerminal.typing("2020年6月底前"))
      #expect(s.terminal.text.contains("读作：2020-06-30 前"))
      Snapshot.check(s.screen, "form-add-task-\(w)x\(h)")
      s.play("enter")
      #expect(s.state.form == nil)
      let after = rows(s)
      #expect(Array(after.prefix(before.count - 1)) == Array(before.prefix(before.count - 1)))
      let added = try #require(try Store.open(s.dir.path).plan.tasks.last)
      #expect(added.measure == "公开执法人员名单" && added.lead.units == ["法制科"])
      #expect(added.group == "行政执法公示制度工作项目组" && added.deadline.text == "2020年6月底前")
      #expect(s.journal.last?.change.op == "add" && s.journal.last?.by == "测试员")
      #expect(s.terminal.text.contains("已添加任务 \(added.id)"))
    }
  }

  @Test("e edits the selected task: only its row changes; Esc cancels and saves nothing")
  func editTask() throws {
    let s = try Session()
    let before = rows(s)
    s.play("enter e")
    #expect(s.state.form?.purpose == .editTask("2"))
    s.play("esc")
    #expect(s.state.form == nil && rows(s) == before)
    s.play([.key(.char("e")), .key(.end)] + ScriptedTerminal.typing("（已修订）") + [.key(.enter)])
    let after = rows(s)
    let changed = zip(after, before).filter { $0 != $1 }.map(\.0)
    #expect(changed.count == 1 && changed[0].hasPrefix("2,") && changed[0].contains("（已修订）"))
  }

  @Test("a name one character off a known department asks first; Enter again keeps it")
  func nearName() throws {
    let s = try Session()
    s.play("enter e")
    s.play([.key(.tab), .key(.tab), .key(.ctrl("u"))] + ScriptedTerminal.typing("法制料"))
    s.play("enter")
    #expect(s.state.form?.warning?.contains("法制科") == true)
    #expect(try Store.open(s.dir.path).plan.task("2")?.lead.units == ["法制科"])
    s.play("enter")
    #expect(s.state.form == nil)
    #expect(try Store.open(s.dir.path).plan.task("2")?.lead.units == ["法制料"])
  }

  @Test("R asks before retiring; y retires (out of the lists), any other key does not; u brings it back")
  func retire() throws {
    let s = try Session()
    s.play("enter R")
    #expect(s.terminal.text.contains("取消任务 2"))
    s.play("n")
    #expect(try Store.open(s.dir.path).plan.task("2")?.status == .inProgress)
    s.play("R y")
    #expect(try Store.open(s.dir.path).plan.task("2")?.status == .retired)
    #expect(
      !s.state.listItems.contains { if case .task(let i, _) = $0 { s.state.plan.tasks[i].id == "2" } else { false } })
    s.play("u")
    #expect(try Store.open(s.dir.path).plan.task("2")?.status == .inProgress)
  }

  @Test("staffing: a adds a unit in a form, saved at once")
  func addUnit() throws {
    let s = try Session()
    s.play("4 a")
    s.play(ScriptedTerminal.typing("第四税务所") + [.key(.tab)] + ScriptedTerminal.typing("20") + [.key(.tab)])
    s.play(ScriptedTerminal.typing("1") + [.key(.enter)])
    #expect(Fixtures.read(s.dir.appendingPathComponent("staffing.csv")).contains("第四税务所,20,1\n"))
  }
}
