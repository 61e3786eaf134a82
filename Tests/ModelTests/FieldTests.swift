import Foundation
import Model
import TestSupport
import Testing

/// Fields as a type: each has one name in the store, and a change's values keep their types
/// from the edit to the journal line and back.
@Suite("Fields and their values")
struct FieldTests {
  @Test("every field has one name in the store, which names it back")
  func names() {
    let task = TaskField.own + [.extra("自定义")]
    #expect(task.map { TaskField(name: $0.name) } == task)
    #expect(Set(task.map(\.name)).count == task.count)
    #expect(TaskField.completedOn.name == "completed_on" && TaskField(name: "序号") == .extra("序号"))
    for f in UnitField.allCases { #expect(ChangeField(name: f.name, in: .unit("甲")) == .unit(f)) }
    for f in PlanField.allCases { #expect(ChangeField(name: f.name, in: .plan) == .plan(f)) }
    #expect(ChangeField(name: "group", in: .task("1")) == .task(.group))
    #expect(ChangeField(name: "group", in: .plan) == .plan(.group))
    #expect(ChangeField(name: "measure", in: .unit("甲")) == nil)
  }

  @Test("an edit's values keep their types through the journal line and back")
  func typedThroughTheJournal() throws {
    var plan = try Store.open(Fixtures.sampleData.path).plan
    let day = Day(iso: "2019-09-20")!
    var added = PlanTask(id: "900", group: plan.groups[0], measure: "新措施，带逗号", lead: Departments(["法制科", "办公室"]))
    added.extras["自定义"] = "值"
    // Each made from the plan as the ones before it left it.
    let edits: [(Plan) -> Change?] = [
      { $0.markDone("33", on: day, note: "已启动") }, { $0.setStatus("1", .blocked) }, { $0.trigger("4", on: day) },
      { $0.setStaffing("新单位", enforcement: 20, reviewers: 1) }, { $0.addTask(added) }, { $0.addGroup("新工作组") },
      { $0.moveGroup($0.groups[2], before: $0.groups[0]) }, { $0.renameDepartment("法制科", to: "法规科") },
      { $0.retireUnit($0.staffing[0].name) },
    ]
    for (k, edit) in edits.enumerated() {
      let c = try #require(edit(plan), "edit \(k)")
      let e = JournalEntry(seq: k + 1, at: "2019-09-20T10:00:00+08:00", by: "测试", change: c)
      let line = JournalFile.encode(e)
      let back = try #require(JournalFile.decode(JSON.parse(Array(line.utf8))))
      #expect(back == e, "\(line)")
      #expect(JournalFile.encode(back) == line)
      // Read back as the types they were made with, not as text.
      for (a, b) in zip(c.fields, back.change.fields) {
        switch (a.after, b.after) {
        case (.status(let x), .status(let y)): #expect(x == y)
        case (.day(let x), .day(let y)): #expect(x == y)
        case (.count(let x), .count(let y)): #expect(x == y)
        case (.departments(let x), .departments(let y)): #expect(x == y)
        case (.names(let x), .names(let y)): #expect(x == y)
        case (.text(let x), .text(let y)): #expect(x == y)
        case (.yes, .yes), (.none, .none): break
        default: Issue.record("\(a.field): \(a.after) read back as \(b.after)")
        }
      }
      _ = try plan.apply(back.change)
    }
    #expect(plan.task("33")?.status == .done && plan.task("900")?.extras == ["自定义": "值"])
  }

  @Test("a journal value that does not read as its field's type is kept as its text")
  func handEditedValues() throws {
    let line =
      #"{"seq":1,"at":"2019-09-20T10:00:00+08:00","by":"x","op":"edit","task":"3","before":{"status":"finished","completed_on":"soon"},"after":{"status":"done","completed_on":"2019-09-20"}}"#
    let e = try #require(JournalFile.decode(JSON.parse(Array(line.utf8))))
    #expect(e.change.fields.map(\.before) == [.text("finished"), .text("soon")])
    #expect(e.change.fields.map(\.after) == [.status(.done), .day(Day(iso: "2019-09-20")!)])
    #expect(JournalFile.encode(e) == line)
    // The same text is the same value, whatever type holds it.
    #expect(FieldValue.text("done") == .status(.done) && FieldValue.text("") == .none)
  }
}
