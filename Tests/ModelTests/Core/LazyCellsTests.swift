import Foundation
import TestSupport
import Testing

@testable import Model

/// Texts and department cells kept as the file's bytes against the same read at once, from any thread.
@Suite("Cells read late")
struct LazyCellsTests {
  @Test("texts kept as the file's bytes read, compare and hash as the strings they hold")
  func lazyTexts() throws {
    let text =
      "id,measure,requirement,status,note\n1,\"甲，\"\"乙\"\"\n丙\",,open,\n2,丁,要求,open,\"x,y\"\n3,e\u{301},,done,备注\n"
    let (_, tasks) = try TaskTable.read(bytes: Array(text.utf8), file: "tasks.csv", inParts: false)
    let made = [
      PlanTask(id: "1", measure: "甲，\"乙\"\n丙"),
      PlanTask(id: "2", measure: "丁", requirement: "要求", note: "x,y"),
      PlanTask(id: "3", measure: "e\u{301}", status: .done, note: "备注"),
    ]
    #expect(tasks == made)
    #expect(tasks.map(\.hashValue) == made.map(\.hashValue))
    // "é" as one scalar is the same String as "e" and a combining accent, though not the same bytes.
    var precomposed = made[2]
    precomposed.measure = "\u{E9}"
    #expect(tasks[2] == precomposed)
    #expect(Set(tasks + made).count == 3)
    var edited = tasks[1]
    edited.note += "!"
    #expect(edited.note == "x,y!" && edited != tasks[1])
    #expect(tasks[0].requirement.isEmpty && tasks[0].note.isEmpty)
  }

  @Test("department cells read when asked for equal the cells read at once, from any thread")
  func lazyDepartments() throws {
    let text =
      "id,measure,lead,support\n1,甲,法制科、人事科,其他相关部门\n2,乙,\"法制科，人事科\",\n3,丙,法制科、人事科,\"市、县两级\"\"执法\"\"机关\"\n"
    let (_, tasks) = try TaskTable.read(bytes: Array(text.utf8), file: "tasks.csv", inParts: false)
    let both = Departments(["法制科", "人事科"])
    #expect(tasks.map(\.lead) == [both, both, both])
    #expect(tasks[0].support == Departments([], others: true))
    #expect(tasks[2].support == Departments(["市、县两级\"执法\"机关"]))
    // Different bytes, same departments: the tasks are equal, and hash alike.
    var one = tasks[1]
    one.id = "1"
    one.measure = "甲"
    one.support = Departments([], others: true)
    #expect(one == tasks[0] && one.hashValue == tasks[0].hashValue)
    var edited = tasks[0]
    edited.lead.units.append("办公室")
    #expect(edited.lead.units == ["法制科", "人事科", "办公室"] && tasks[0].lead == both)

    let big = ChunkedReaderTests.file(size: 1_200_000, seed: 5, crlf: false, bom: false)
    let big1 = try TaskTable.read(bytes: big, file: "tasks.csv").1
    let fresh = try TaskTable.read(bytes: big, file: "tasks.csv").1
    let read = big1
    var seen = [Departments](repeating: Departments(), count: read.count)
    seen.withUnsafeMutableBufferPointer { out in
      let slots = Unchecked(out)
      DispatchQueue.concurrentPerform(iterations: 4) { part in
        for i in stride(from: part, to: read.count, by: 4) { slots.value[i] = read[i].lead }
      }
    }
    #expect(seen == fresh.map(\.lead))
  }
}
