/// JSON strings written from UTF-8 bytes: a long report's free texts go from the file's bytes
/// to the output without becoming `String`s, a run needing no escape (most of a Chinese
/// measure) copied whole after an eight-byte scan (`Swar.needsJSONEscape`). Checked by the
/// parser reading every escape back, and the scan against a byte-by-byte one (JSONWriterTests).
extension JSON {
  /// Escapes quotes, backslashes and every control character; other text stays UTF-8.
  public static func writeString(_ s: String, into out: inout [UInt8]) {
    var s = s
    s.withUTF8 { writeString(utf8: $0, into: &out) }
  }

  /// `writeString` for a text still held as the file's bytes: no `String` made on the way.
  static func writeString(_ c: CellText, into out: inout [UInt8]) {
    c.withUTF8 { writeString(utf8: $0, into: &out) }
  }

  /// `writeString` for text that is already UTF-8 bytes (a cell of the file, read as it is).
  static func writeString(utf8 b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.append(0x22)
    // Text needing no escapes (all of a Chinese measure, usually) goes in as one run.
    guard Swar.needsJSONEscape(b) else {
      out.append(contentsOf: b)
      out.append(0x22)
      return
    }
    for c in b {
      switch c {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]]
      default: out.append(c)
      }
    }
    out.append(0x22)
  }

  /// The text of `b[range]`, a string without escapes as the parser found it: made from the
  /// bytes in place (a journal's every key and value goes through here).
  static func string(utf8 b: [UInt8], _ range: Range<Int>) -> String {
    b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}
