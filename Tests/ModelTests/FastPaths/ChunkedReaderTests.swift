import Foundation
import TestSupport
import Testing

@testable import Model

/// A large tasks file is read in chunks on both cores; what it gives must be what reading it
/// whole gives, wherever the cuts fall, and anything amiss must leave it to the whole read.
@Suite("Reading a large tasks file in chunks")
struct ChunkedReaderTests {
  /// A tasks file of about `size` bytes whose cells make cutting it hard: quoted cells with
  /// commas, doubled quotes and line breaks, blank lines, CRLF, a BOM, a user's column.
  static func file(size: Int, seed: UInt64, crlf: Bool, bom: Bool) -> [UInt8] {
    var rng = SplitMix64(state: seed)
    let nl = crlf ? "\r\n" : "\n"
    let measures = [
      "建立行政执法统计年报制度。", "\"做好证书清理核发，归集\"\"执法信息\"\"。\"", "\"第一行\(nl)第二行，续\"",
      "\"\(nl)\"", "Plain, \"\"quoted\"\" text", "细化审核程序",
    ]
    let leads = ["法制科", "\"法制科、稽查局\"", "第1税务所、第2税务所", "\"各县（市、区）政府，市、县两级行政执法机关\"", ""]
    let deadlines = ["2019年6月21日前", "2019年12月底前", "长期坚持", "每年1月31日前", "待市局明确后，稳步推行"]
    let statuses = [("open", ""), ("done", "2019-09-04"), ("in_progress", ""), ("blocked", "")]
    var out =
      (bom ? "\u{FEFF}" : "") + "id,group,theme,measure,lead,support,deadline,status,completed_on,event_on,note,自定义"
      + nl
    var id = 0
    while out.utf8.count < size {
      id += 1
      if rng.below(50) == 0 { out += nl }
      let m = measures[rng.below(measures.count)]
      let measure =
        m.hasPrefix("\"")
        ? m : (m.contains(",") || m.contains("\"") ? "\"" + m.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : m)
      let (status, done) = statuses[rng.below(4)]
      let deadline = deadlines[rng.below(5)]
      out += "\(id),综合工作项目组,主题\(id % 7),\(measure),\(leads[rng.below(5)]),\(leads[rng.below(5)]),"
      out += "\(deadline),\(status),\(done),,\(rng.below(9) == 0 ? "\"备注,有逗号\"" : ""),\(id % 3 == 0 ? "x" : "")" + nl
    }
    return Array(out.utf8)
  }

  static func same(_ a: (TaskTable, [PlanTask]), _ b: (TaskTable, [PlanTask])) {
    /// Where two long lists first differ (a failure then names one row, not thousands).
    func firstDifference<T: Equatable>(_ x: [T], _ y: [T]) -> Int? {
      x.count != y.count ? min(x.count, y.count) : zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    }
    #expect(firstDifference(a.1, b.1) == nil)
    let (a, b) = (a.0, b.0)
    #expect(a.taskOf == b.taskOf)
    #expect(firstDifference(a.rowOf, b.rowOf) == nil)
    let (x, y) = (a.doc.records, b.doc.records)
    #expect(firstDifference(x.map(\.range), y.map(\.range)) == nil)
    #expect(firstDifference(x.map(\.line), y.map(\.line)) == nil)
    #expect(firstDifference(x.map(\.isBlank), y.map(\.isBlank)) == nil)
    #expect(a.doc.serialized() == b.doc.serialized())
    #expect(a.doc.newline == b.doc.newline && a.doc.hasBOM == b.doc.hasBOM)
  }

  @Test(
    "the parts give what the whole read gives",
    arguments: [
      (1, false, false), (2, true, false), (3, false, true), (4, true, true), (5, false, false), (6, true, false),
    ])
  func agree(seed: UInt64, crlf: Bool, bom: Bool) throws {
    let bytes = ChunkedReaderTests.file(size: TaskTable.partsThreshold + 300_000, seed: seed, crlf: crlf, bom: bom)
    let parts = try #require(TaskTable.inParts(bytes, file: "tasks.csv"))
    let whole = try TaskTable.read(bytes: bytes, file: "tasks.csv", inParts: false)
    ChunkedReaderTests.same(parts, whole)
    #expect(whole.1.count > 4000)
    // And a change written through either gives the same file.
    var (x, y) = (parts.0, whole.0)
    let id = whole.1[whole.1.count * 3 / 4].id
    x.set(id: id, field: .status, to: "done")
    y.set(id: id, field: .status, to: "done")
    #expect(x.doc.serialized() == y.doc.serialized())
  }

  @Test("a record longer than a chunk (a note of many lines) is read whole, in place")
  func recordLongerThanAChunk() throws {
    var text = String(
      decoding: ChunkedReaderTests.file(size: TaskTable.partsThreshold, seed: 11, crlf: false, bom: false),
      as: UTF8.self)
    let chunk = text.utf8.count / TaskTable.chunkCount
    // Three chunks' worth of quoted lines, with quotes and commas, in one note.
    let note = String(repeating: "第一行，\"\"引号\"\"\n", count: 3 * chunk / 24)
    text += "900001,综合工作项目组,主题,长备注,法制科,,2019年8月底前,open,,,\"\(note)\",\n"
    text += "900002,综合工作项目组,主题,其后,法制科,,2019年8月底前,done,2019-08-30,,,\n"
    let bytes = Array(text.utf8)
    let parts = try #require(TaskTable.inParts(bytes, file: "tasks.csv"))
    let whole = try TaskTable.read(bytes: bytes, file: "tasks.csv", inParts: false)
    ChunkedReaderTests.same(parts, whole)
    #expect(parts.1.last?.id == "900002")
    #expect(parts.1[parts.1.count - 2].note == note.replacingOccurrences(of: "\"\"", with: "\""))
  }

  @Test("anything amiss in either part is left to the whole read, which names it")
  func amiss() throws {
    let good = ChunkedReaderTests.file(size: TaskTable.partsThreshold + 300_000, seed: 9, crlf: false, bom: false)
    let text = String(decoding: good, as: UTF8.self)
    let lines = text.components(separatedBy: "\n")
    // A line in the second half that is a whole record on its own.
    let late = (lines.count * 3 / 4..<lines.count).first {
      lines[$0].hasPrefix("\(lines[$0].prefix { $0.isNumber }),综合")
    }!
    let early = (1..<lines.count).first { lines[$0].hasPrefix("\(lines[$0].prefix { $0.isNumber }),综合") }!
    let earlyID = String(lines[early].prefix { $0.isNumber })
    let cases: [(String, (inout [String]) -> Void, String)] = [
      (
        "duplicate id across the parts", { $0[late] = earlyID + $0[late].drop { $0.isNumber } },
        "duplicate id \"\(earlyID)\""
      ),
      (
        "bad status",
        { l in
          for s in ["open", "done", "in_progress", "blocked"] {
            l[late] = l[late].replacingOccurrences(of: ",\(s),", with: ",opne,")
          }
        }, "unknown status \"opne\""
      ),
      (
        "quote inside an unquoted field", { $0[late] = $0[late].replacingOccurrences(of: "综合工作项目组", with: "综合\"工作") },
        "quote inside an unquoted field"
      ),
      ("a missing field", { $0[late] = String($0[late].dropLast(2)) }, "fields, but the header has 12"),
      ("a quote never closed", { $0[late] += ",\"open" }, ""),
    ]
    for (name, edit, message) in cases {
      var changed = lines
      edit(&changed)
      let bytes = Array(changed.joined(separator: "\n").utf8)
      #expect(TaskTable.inParts(bytes, file: "tasks.csv") == nil, "\(name)")
      do {
        _ = try TaskTable.read(bytes: bytes, file: "tasks.csv")
        Issue.record("\(name): read without an error")
      } catch {
        let whole = Result { () throws(StoreError) -> (TaskTable, [PlanTask]) in
          try TaskTable.read(bytes: bytes, file: "tasks.csv", inParts: false)
        }
        guard case .failure(let want) = whole else {
          Issue.record("\(name): the whole read found nothing amiss")
          continue
        }
        let said = error.description(EnglishWords())
        #expect(error == want, "\(name)")
        #expect(message.isEmpty || said.contains(message), "\(name): \(said)")
        if !name.hasPrefix("a quote never") {
          #expect(said.contains("tasks.csv:\(late + 1):"), "\(name): \(said)")
        }
      }
    }
    // Invalid UTF-8 in the second part, and in the header.
    for at in [good.count - 40, 3] {
      var bytes = good
      bytes[at] = 0xFF
      #expect(TaskTable.inParts(bytes, file: "tasks.csv") == nil, "\(at)")
      #expect(throws: StoreError.self) { try TaskTable.read(bytes: bytes, file: "tasks.csv") }
    }
  }

  @Test("line counts (32 bytes at a time) agree with a byte-by-byte count, over any range")
  func lineCounts() {
    var rng = SplitMix64(state: 10)
    let bytes = (0..<300).map { _ in [0x0A, 0x0D, 0x61, 0xE6, 0x8A][rng.below(5)] as UInt8 }
    for start in 0..<70 {
      for end in stride(from: start, through: bytes.count, by: 7) {
        let want = 1 + bytes[start..<end].filter { $0 == 0x0A }.count
        #expect(CSVDocument.lineCount(bytes, in: start..<end) == want, "\(start)..<\(end)")
      }
    }
  }
}
