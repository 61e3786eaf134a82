import Foundation
import TestSupport
import Testing

@testable import Model

/// The byte scanner that finds each record's fields (with its vector searches for the next
/// special byte) against a plain RFC 4180 reader written a character at a time.
@Suite("CSV scanned by bytes")
struct CSVScanTests {
  /// Records as RFC 4180 reads them: nil for a blank line (one empty, unquoted field).
  static func plainRecords(_ text: [UInt8]) -> [[String]?] {
    var bytes = text[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var records: [[String]?] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var wasQuoted = false
    var i = bytes.startIndex
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field = []
    }
    func endRecord() {
      endField()
      records.append(fields.count == 1 && fields[0].isEmpty && !wasQuoted ? nil : fields)
      fields = []
      wasQuoted = false
    }
    while i < bytes.endIndex {
      let c = bytes[i]
      let next: UInt8? = i + 1 < bytes.endIndex ? bytes[i + 1] : nil
      if quoted {
        if c == 0x22 && next == 0x22 {
          field.append(0x22)
          i += 2
          continue
        }
        if c == 0x22 { quoted = false } else { field.append(c) }
      } else if c == 0x22 {
        quoted = true
        wasQuoted = true
      } else if c == 0x2C {
        endField()
      } else if c == 0x0A || (c == 0x0D && (next == 0x0A || next == nil)) {
        if c == 0x0D && next == 0x0A { i += 1 }
        endRecord()
      } else {
        field.append(c)
      }
      i += 1
    }
    if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
    return records
  }

  /// A random well-formed file: `width` columns, cells quoted when they must be (and now and
  /// then when they need not), blank lines, LF or CRLF, a BOM or none.
  static func file(_ rng: inout SplitMix64, width: Int) -> [UInt8] {
    let cells = [
      "", "abc", "法制科", "a,b", "say \"hi\"", "第一行\n第二行", "x\r\ny", "x\ry", " 空格 ", "１２３", "\"", ",",
      "征收管理科、稽查局", "e\u{301}",
    ]
    let nl = rng.below(2) == 0 ? "\n" : "\r\n"
    var out = rng.below(3) == 0 ? "\u{FEFF}" : ""
    let rows = 1 + rng.below(30)
    for row in 0..<rows {
      if row > 0 && rng.below(8) == 0 { out += nl }
      let fields = (0..<width).map { k -> String in
        // The header's names differ (a name given twice is refused).
        let c = row == 0 ? "列\(k)" : cells[rng.below(cells.count)]
        let must = c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        return must || rng.below(6) == 0 ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
      }
      out += fields.joined(separator: ",")
      // The last record ends at the file's end now and then.
      if row < rows - 1 || rng.below(4) != 0 { out += nl }
    }
    return Array(out.utf8)
  }

  @Test("records and fields scanned by bytes are what a plain reader reads, and write back byte for byte")
  func againstPlainReader() throws {
    var rng = SplitMix64(state: 31)
    for round in 0..<600 {
      let bytes = CSVScanTests.file(&rng, width: 1 + rng.below(5))
      let plain = CSVScanTests.plainRecords(bytes)
      let doc = try CSVDocument(bytes: bytes, file: "t.csv")
      let scanned = [doc.header.fields] + doc.records.map { $0.isBlank ? nil : $0.fields }
      #expect(scanned == plain, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
      #expect(doc.serialized() == bytes, "round \(round)")
      // The reader that hands each record's fields over in place, without keeping them.
      var inPlace: [[String]] = []
      let lazy = try CSVDocument(bytes: bytes, file: "t.csv") { _, fields, buffer, _ in
        inPlace.append(fields.map { $0.string(buffer) })
        return true
      }
      #expect(inPlace == plain.dropFirst().compactMap { $0 }, "round \(round)")
      #expect(lazy.serialized() == bytes, "round \(round)")
    }
  }
}
