import Foundation
import TestSupport
import Testing

@testable import Model

/// Reports written task by task from the file's bytes against the JSON tree.
@Suite("JSON written straight into bytes")
struct JSONWriterTests {
  @Test("list and standup JSON written task by task are the documented shapes, byte for byte")
  func streamedJSON() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let a = Agenda(plan: store.plan, today: isoDay("2019-09-20"))
    var out: [UInt8] = []
    Shapes.writeList(a, a.urgency, into: &out)
    #expect(out == Array(Shapes.list(a, a.urgency).rendered(pretty: true).utf8))
    out = []
    Shapes.writeList(a, [], into: &out)
    #expect(out == Array(Shapes.list(a, []).rendered(pretty: true).utf8))
    out = []
    Shapes.writeStandup(a, dueWithin: 30, into: &out)
    #expect(out == Array(Shapes.standup(a, dueWithin: 30).rendered(pretty: true).utf8))
    // Sent on in pieces as it is written (as the command line does), the same bytes.
    var sent: [UInt8] = []
    out = []
    Shapes.writeList(a, a.urgency, into: &out) { piece in
      sent += piece
      piece.removeAll()
    }
    #expect(sent + out == Array(Shapes.list(a, a.urgency).rendered(pretty: true).utf8))
    #expect(out.count < 1000)
  }

  @Test("JSON's eight-bytes-at-a-time escape test agrees with a byte-by-byte one")
  func escapeTest() {
    var rng = SplitMix64(state: 5)
    let bytes: [UInt8] =
      Array("法制科 abc".utf8) + [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xFF]
    for _ in 0..<20000 {
      let n = rng.below(40)
      // Mostly plain text, so that a single byte needing an escape is often the only one.
      let b = (0..<n).map { _ in rng.below(12) == 0 ? bytes[rng.below(bytes.count)] : bytes[rng.below(12)] }
      let want = b.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
      #expect(b.withUnsafeBufferPointer(Swar.needsJSONEscape) == want, "\(b)")
    }
  }

  @Test("text written to JSON straight from the file's bytes is escaped and reads back as the cell")
  func jsonFromFileBytes() throws {
    let dir = Fixtures.sampleCopy()
    let csv = dir.appendingPathComponent("tasks.csv")
    var text = Fixtures.read(csv)
    let measure = "第一行\n\t第二行\u{7}\\末尾"
    let note = "带\"引号\"的说明"
    text +=
      "900,综合工作项目组,主题,\"\(measure)\",法制科,,2019年8月底前,open,,,\"\(note.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
    try Data(text.utf8).write(to: csv)
    let store = try Store.open(dir.path)
    let a = Agenda(plan: store.plan, today: isoDay("2019-09-20"))
    let i = try #require(store.plan.tasks.firstIndex { $0.id == "900" })
    var out: [UInt8] = []
    Shapes.writeList(a, [i], into: &out)
    let written = String(decoding: out, as: UTF8.self)
    #expect(written.contains(#""measure": "第一行\n\t第二行\u0007\\末尾""#))
    let task = try JSON.parse(out)["tasks"].flatMap { if case .array(let t) = $0 { t.first } else { nil } }
    #expect(task?["measure"]?.stringValue == measure)
    #expect(task?["note"]?.stringValue == note)
    #expect(task?["overdue"] == .bool(true))
  }
}
