import Foundation
import Model
import TUI
import TestSupport
import Testing

/// Someone else saves the very field a dashboard edit is changing, between its keystrokes: the
/// command line, another dashboard on the same store, or another `Store` as another process
/// would. The dashboard's change is made from what it showed when the edit began, so the
/// store refuses it instead of saving over theirs; what was typed stays in the still-open
/// line or form, and the footer says what they saved, who and when.
@Suite("Edit conflicts in the dashboard", .serialized)
struct EditConflictTests {
  /// Saves a change to the session's store as someone else.
  func other(_ s: Session, by who: String = "李明", _ make: (Plan) -> Change?) throws {
    let store = try Store.open(s.dir.path)
    try store.commit([try #require(make(store.plan))], by: who, at: "2019-09-20T10:05:00+08:00")
  }

  func onDisk(_ s: Session) throws -> Plan { try Store.open(s.dir.path).plan }

  /// The footer's rows above the line being typed, and the line.
  func footer(_ s: Session, rows: Int) -> [String] { Array(s.screen.lines.suffix(rows)) }

  func mine(_ s: Session) -> [JournalEntry] { s.journal.filter { $0.by == "测试员" } }

  @Test(
    "n: `sanxiang note 2 …` saved while the note is typed (and read again) is refused, the text kept; Enter again saves over it knowingly"
  )
  func noteAgainstTheCommandLine() throws {
    // Tall enough for the detail pane to show the note.
    let s = try Session(width: 100, height: 40)
    s.play([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("名单已确认"))
    let r = Fixtures.run(["note", "2", "联络员名单待发文", "--store", s.dir.path, "--as", "王芳"])
    #expect(r.status == 0)
    // The dashboard reads it again while the user pauses (the detail pane shows it)…
    s.play("idle")
    #expect(s.terminal.text.contains("联络员名单待发文"), "\(s.terminal.text)")
    s.play("enter")
    // … and Enter does not save over it.
    #expect(try onDisk(s).task("2")?.note == "联络员名单待发文")
    #expect(mine(s).isEmpty)
    #expect(s.state.prompt?.text == "名单已确认")
    let rows = footer(s, rows: 3)
    #expect(rows[0].hasPrefix(" 未保存：王芳（") && rows[0].contains("已把任务 2 的备注改为“联络员名单待发文”"), "\(rows[0])")
    #expect(rows[1].hasPrefix(" 你输入的还在：Enter 以你的为准保存，Esc 放弃"))
    #expect(rows[2].hasPrefix("任务 2 备注：名单已确认"))
    // Now that it was shown, Enter saves over it, and the journal's "before" is what was shown.
    s.play("enter")
    #expect(try onDisk(s).task("2")?.note == "名单已确认")
    #expect(s.state.prompt == nil)
    #expect(s.screen.lines.last!.hasPrefix(" ✎ 任务 2 备注已保存"))
    let entry = try #require(mine(s).last)
    #expect(entry.change.fields == [FieldChange(.note, .text("联络员名单待发文"), .text("名单已确认"))])
  }

  @Test("n: saved by someone else and not read yet, the refusal keeps the typed text in the line")
  func noteNotYetReadAgain() throws {
    let s = try Session()
    s.play([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("名单已确认"))
    try other(s) { $0.setNote("2", "他人的备注") }
    s.play("enter")
    #expect(try onDisk(s).task("2")?.note == "他人的备注")
    #expect(s.state.prompt?.text == "名单已确认")
    #expect(footer(s, rows: 3)[0].contains("李明（10:05）已把任务 2 的备注改为“他人的备注”"))
    // Esc drops it, and what was said about it.
    s.play("esc")
    #expect(s.state.prompt == nil && s.state.messages.isEmpty)
    #expect(try onDisk(s).task("2")?.note == "他人的备注")
  }

  @Test("two dashboards on one store: the second to save the same note is refused and told who saved first")
  func twoDashboards() throws {
    let a = try Session()
    let termB = ScriptedTerminal(width: 80, height: 24)
    let b = Dashboard(store: try Store.open(a.dir.path), terminal: termB, today: sampleToday, who: "乙", lang: .zh)
    b.pollMs = 0
    a.play([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("甲的备注"))
    termB.append([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("乙的备注") + [.key(.enter)])
    b.run()
    #expect(termB.screen.lines.last!.hasPrefix(" ✎ 任务 2 备注已保存"))
    a.play("idle enter")
    #expect(try onDisk(a).task("2")?.note == "乙的备注")
    #expect(a.state.prompt?.text == "甲的备注")
    #expect(footer(a, rows: 3)[0].contains("乙（") && footer(a, rows: 3)[0].contains("任务 2 的备注改为“乙的备注”"))
  }

  @Test("a status key pressed a moment after the row changed under the cursor acts on the row as it was shown")
  func statusKeyAMomentAfter() throws {
    let s = try Session()
    s.play("enter")
    // Task 2 is in progress on screen; someone blocks it, and the dashboard reads that…
    try other(s) { $0.setStatus("2", .blocked) }
    s.play("idle")
    #expect(s.state.plan.task("2")?.status == .blocked)
    // … and s, pressed before the user can have seen it, meant "in progress → open".
    s.play("s")
    #expect(try onDisk(s).task("2")?.status == .blocked)
    #expect(mine(s).isEmpty)
    #expect(s.state.message?.isError == true)
    #expect(s.screen.lines.last!.hasPrefix(" 未保存：李明（10:05）已把任务 2 的状态改为“受阻”"))
    // Pressed again, it acts on what is shown now.
    s.play("s")
    #expect(try onDisk(s).task("2")?.status == .inProgress)
    #expect(mine(s).last?.change.fields.first == FieldChange(.status, .status(.blocked), .status(.inProgress)))
  }

  @Test("a status key after a quiet second on the changed row acts on it as it is now")
  func statusKeyAfterAPause() throws {
    let s = try Session()
    s.play("enter")
    try other(s) { $0.setStatus("2", .blocked) }
    s.play("idle idle s")
    #expect(try onDisk(s).task("2")?.status == .inProgress)
    #expect(s.state.message?.isError == false)
  }

  @Test(
    "Space a moment after someone else marked the task done, and it left the list: no other task marked, theirs kept")
  func toggleAMomentAfterTheSameChange() throws {
    let s = try Session()
    s.play("enter")
    try other(s) { $0.markDone("2", on: sampleToday) }
    s.play("idle")
    // Task 2 left the overdue list: the cursor's row now holds task 27.
    #expect(s.state.selectedTaskIndex.map { s.state.plan.tasks[$0].id } == "27")
    s.play("space")
    let plan = try onDisk(s)
    #expect(plan.task("2")?.status == .done)
    #expect(plan.task("27")?.status == .inProgress)
    // The same change as theirs: nothing to journal, nothing refused.
    #expect(mine(s).isEmpty)
    #expect(s.state.message?.isError == false)
  }

  @Test("D: the date typed is kept when someone else marked the task done on another day meanwhile")
  func doneOnDate() throws {
    let s = try Session()
    s.play("enter D")
    try other(s) { $0.markDone("2", on: Day(iso: "2019-09-18")!) }
    s.play(ScriptedTerminal.script("idle") + ScriptedTerminal.typing("2019-09-19") + [.key(.enter)])
    #expect(try onDisk(s).task("2")?.completedOn == Day(iso: "2019-09-18"))
    #expect(s.state.prompt?.text == "2019-09-19")
    #expect(footer(s, rows: 3)[0].contains("已把任务 2 的完成日期改为“2019-09-18”"), "\(footer(s, rows: 3)[0])")
  }

  @Test("t: the event's date typed is kept when someone else recorded another one meanwhile")
  func triggerDate() throws {
    let s = try Session()
    // Task 15 waits on an event: the groups view, its group, the task.
    s.play("2 j enter")
    let k = try #require(
      s.state.listItems.firstIndex { if case .task(let i, _) = $0 { s.state.plan.tasks[i].id == "15" } else { false } })
    s.play(Array(repeating: .key(.down), count: k) + [.key(.char("t"))])
    try #require(s.state.prompt != nil)
    try other(s) { $0.trigger("15", on: Day(iso: "2019-09-10")!) }
    s.play(ScriptedTerminal.script("idle") + ScriptedTerminal.typing("2019-09-12") + [.key(.enter)])
    #expect(try onDisk(s).task("15")?.eventOn == Day(iso: "2019-09-10"))
    #expect(s.state.prompt?.text == "2019-09-12")
  }

  @Test("R: retiring a task someone else has just marked done is refused, not saved over their done")
  func retire() throws {
    let s = try Session()
    s.play("enter R")
    try other(s) { $0.markDone("2", on: sampleToday) }
    s.play("idle y")
    #expect(try onDisk(s).task("2")?.status == .done)
    #expect(s.screen.lines.last!.contains("已把任务 2 的状态改为“已完成”"))
  }

  @Test("e: the form keeps what was typed on a refusal, takes the other person's values where nothing was typed")
  func editForm() throws {
    let s = try Session()
    s.play([.key(.enter), .key(.char("e")), .key(.end)] + ScriptedTerminal.typing("（已修订）"))
    let measure = try #require(s.state.form?.value(.measure))
    try other(s) { p in
      var t = p.task("2")!
      t.measure = "他人改过的措施"
      t.deadline = Deadline("2019年10月底前")
      return p.editTask(t)
    }
    s.play("idle enter")
    var plan = try onDisk(s)
    #expect(plan.task("2")?.measure == "他人改过的措施")
    #expect(s.state.form?.value(.measure) == measure)
    // Not typed in: the deadline now shows theirs.
    #expect(s.state.form?.value(.deadline) == "2019年10月底前")
    #expect(s.state.form?.warning?.contains("李明（10:05）已把任务 2 的工作措施改为“他人改过的措施”") == true)
    s.play("enter")
    plan = try onDisk(s)
    #expect(s.state.form == nil)
    #expect(plan.task("2")?.measure == measure)
    #expect(plan.task("2")?.deadline.text == "2019年10月底前")
  }

  @Test("e: a field the form did not touch, changed by someone else meanwhile, is not put back")
  func editFormKeepsTheirOtherField() throws {
    let s = try Session()
    s.play([.key(.enter), .key(.char("e")), .key(.end)] + ScriptedTerminal.typing("（已修订）"))
    try other(s) { p in
      var t = p.task("2")!
      t.deadline = Deadline("2019年10月底前")
      return p.editTask(t)
    }
    s.play("idle enter")
    let plan = try onDisk(s)
    #expect(s.state.form == nil)
    #expect(plan.task("2")?.measure.hasSuffix("（已修订）") == true)
    #expect(plan.task("2")?.deadline.text == "2019年10月底前")
  }

  @Test("a (task): someone else added a task with the same id first: refused, the form kept, the id moved on")
  func addTaskSameID() throws {
    let s = try Session()
    s.play("2 j a")
    let id = try #require(s.state.form?.value(.id))
    s.play(ScriptedTerminal.typing("公开执法人员名单"))
    try other(s) { $0.addTask(PlanTask(id: id, group: "行政执法公示制度工作项目组", measure: "他人新增的任务")) }
    s.play("enter")
    #expect(try onDisk(s).task(id)?.measure == "他人新增的任务")
    #expect(s.state.form?.value(.measure) == "公开执法人员名单")
    #expect(s.state.form?.warning?.contains("李明（10:05）已添加任务 \(id)") == true)
    let next = try #require(s.state.form?.value(.id))
    #expect(next != id)
    s.play("enter")
    #expect(try onDisk(s).task(next)?.measure == "公开执法人员名单")
    #expect(try onDisk(s).task(id)?.measure == "他人新增的任务")
  }

  @Test("+ a moment after someone else changed the unit's reviewers: refused, theirs kept")
  func reviewerPlus() throws {
    let s = try Session()
    s.play("4")
    try other(s) { $0.setStaffing("稽查局", enforcement: nil, reviewers: 3) }
    s.play("idle +")
    #expect(try onDisk(s).staffing.first { $0.name == "稽查局" }?.reviewers == 3)
    #expect(s.screen.lines.last!.hasPrefix(" 未保存：李明（10:05）已把单位 稽查局 的审核人员改为“3”"))
    s.play("+")
    #expect(try onDisk(s).staffing.first { $0.name == "稽查局" }?.reviewers == 4)
  }

  @Test("e (unit): the counts typed are kept in the form when someone else changed them first")
  func unitForm() throws {
    let s = try Session()
    s.play(
      [.key(.char("4")), .key(.char("e")), .key(.tab), .key(.tab), .key(.ctrl("u"))] + ScriptedTerminal.typing("5"))
    try other(s) { $0.setStaffing("稽查局", enforcement: nil, reviewers: 2) }
    s.play("idle enter")
    #expect(try onDisk(s).staffing.first { $0.name == "稽查局" }?.reviewers == 2)
    #expect(s.state.form?.value(.reviewers) == "5")
    #expect(s.state.form?.warning?.contains("已把单位 稽查局 的审核人员改为“2”") == true)
    s.play("enter")
    #expect(try onDisk(s).staffing.first { $0.name == "稽查局" }?.reviewers == 5)
  }

  @Test("a (unit): someone else added the same unit first, with counts of their own: refused, not saved over")
  func addUnitSameName() throws {
    let s = try Session()
    s.play("4 a")
    s.play(ScriptedTerminal.typing("第四税务所") + [.key(.tab)] + ScriptedTerminal.typing("20") + [.key(.tab)])
    s.play(ScriptedTerminal.typing("1"))
    try other(s) { $0.setStaffing("第四税务所", enforcement: 12, reviewers: 1) }
    s.play("enter")
    #expect(try onDisk(s).staffing.first { $0.name == "第四税务所" }?.enforcement == 12)
    #expect(s.state.form?.value(.enforcement) == "20")
    #expect(s.state.form?.warning?.contains("已把单位 第四税务所 的执法人员改为“12”") == true, "\(s.state.form?.warning ?? "")")
  }

  @Test("English: the refusal and the kept line read in English")
  func english() throws {
    let s = try Session(lang: .en)
    s.play([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("list confirmed"))
    try other(s, by: "Li Ming") { $0.setNote("2", "waiting for the memo") }
    s.play("idle enter")
    let rows = footer(s, rows: 3)
    #expect(
      rows[0].hasPrefix(" Not saved: Li Ming changed task 2's note to \"waiting for the memo\" at 10:05"), "\(rows[0])")
    #expect(rows[1].hasPrefix(" What you typed is still here"))
    #expect(Language.chinese(in: rows.joined()).isEmpty)
  }
}
