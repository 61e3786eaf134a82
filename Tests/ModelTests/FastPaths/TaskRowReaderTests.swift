import Foundation
import TestSupport
import Testing

@testable import Model

/// The row reader, which makes each task straight from the file's bytes (repeated cells read
/// once, texts and department cells left as bytes), against tasks made field by field from
/// the cells' strings.
@Suite("Tasks read from the file's bytes")
struct TaskRowReaderTests {
  @Test("each row read from the bytes is the task its cells' strings make")
  func againstStrings() throws {
    for (seed, crlf, bom) in [(UInt64(3), false, false), (4, true, true), (6, false, true)] {
      let bytes = ChunkedReaderTests.file(size: 60_000, seed: seed, crlf: crlf, bom: bom)
      let (_, read) = try TaskTable.read(bytes: bytes, file: "tasks.csv", inParts: false)
      let doc = try CSVDocument(bytes: bytes, file: "tasks.csv")
      let known = Columns.resolve(doc.header.fields, Columns.task)
      var made: [PlanTask] = []
      for r in doc.records where !r.isBlank {
        var t = PlanTask(id: r.fields[known[.id]!].trimmingSpaces, measure: "")
        for (k, name) in doc.header.fields.enumerated() {
          let field = known.first { $0.value == k }?.key ?? .extra(name)
          if field != .id { t.set(field, .text(r.fields[k])) }
        }
        made.append(t)
      }
      #expect(read.count == made.count)
      #expect(zip(read, made).allSatisfy { $0 == $1 }, "seed \(seed)")
      // Field by field, so that a failure names what differs.
      for (a, b) in zip(read, made).prefix(200) {
        #expect(TaskField.own.map(a.value(of:)) == TaskField.own.map(b.value(of:)), "\(a.id)")
        #expect(a.extras == b.extras, "\(a.id)")
      }
    }
  }
}
