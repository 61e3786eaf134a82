import Foundation
import Model
import PropertyBased
import TestSupport
import Testing

/// Characters that break naive CSV writers and readers, and some Chinese.
private let alphabet: [Character] = [
  "a", "Z", "1", ",", "\"", "\n", "\r", "\r\n", " ", "\t", "中", "文", "、", "；", "é", "\u{1B}", "😀", "=", "'",
]
private let field = Gen.element(of: alphabet).map { $0! }.string(of: 0...8)

@Suite("Properties")
struct PropertyTests {
  @Test("parse(write(rows)) == rows, and the bytes write back unchanged")
  func csvRoundTrip() async {
    await propertyCheck(count: 300, input: field.array(of: 3).array(of: 0...8), Gen.bool) { rows, crlf in
      let newline: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
      var bytes = CSVDocument.encode(["a", "b", "c"]) + newline
      for r in rows { bytes += CSVDocument.encode(r) + newline }
      guard let doc = try? CSVDocument(bytes: bytes, file: "p") else {
        Issue.record("did not parse")
        return
      }
      #expect(doc.records.map(\.fields) == rows)
      #expect(doc.serialized() == bytes)
    }
  }

  @Test("columns a user added survive a save, whatever they hold")
  func unknownColumnsSurvive() async throws {
    let plan = try Store.open(Fixtures.sampleData.path).plan
    await propertyCheck(count: 25, input: field.array(of: 35)) { values in
      let dir = Fixtures.scratch("prop").appendingPathComponent("store")
      let tasks = plan.tasks.enumerated().map { k, t -> PlanTask in
        var t = t
        t.extras = values[k].isEmpty ? [:] : ["督办人": values[k]]
        return t
      }
      do {
        try Store.create(dir.path, settings: plan.settings, tasks: tasks, extraColumns: ["督办人"])
        let store = try Store.open(dir.path)
        try store.commit([store.plan.markDone("33", on: Day(iso: "2019-09-20")!)!], by: "p")
        let again = try Store.open(dir.path)
        #expect(again.plan.tasks.map { $0.extras["督办人"] ?? "" } == values)
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test("every real date written the Chinese way reads back as that date")
  func chineseDates() async {
    await propertyCheck(count: 500, input: Gen.int(in: 1990...2100), Gen.int(in: 1...12), Gen.int(in: 1...31)) {
      y, m, d in
      let day = min(d, Day.daysIn(month: m, year: y))
      #expect(Deadline("\(y)年\(m)月\(day)日前").kind == .by(Day(year: y, month: m, day: day)!))
      #expect(Deadline("\(y)年\(m)月底前").kind == .by(Day.endOf(month: m, year: y)!))
      #expect(
        Deadline("\(y)-\(m < 10 ? "0" : "")\(m)-\(day < 10 ? "0" : "")\(day)").kind
          == .by(Day(year: y, month: m, day: day)!))
    }
  }
}
