/// A CSV file (RFC 4180) held so that it can be written back byte for byte: every record
/// keeps the exact bytes it was read from, and only records that changed are re-encoded.
public struct CSVDocument: Sendable {
  /// The file's bytes as read.
  public let original: [UInt8]
  public let hasBOM: Bool
  /// The line ending new or changed records get: the file's own (CRLF from spreadsheets).
  public let newline: [UInt8]
  public var header: CSVRecord
  /// Data records in file order. Blank lines are kept as records with `isBlank`.
  public var records: [CSVRecord]

  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The column index of each header name.
  public var columns: [String: Int] {
    var c: [String: Int] = [:]
    for (i, n) in header.fields.enumerated() where c[n] == nil { c[n] = i }
    return c
  }

  /// A new, empty document with the given header.
  public init(header names: [String], newline: [UInt8] = [0x0A], bom: Bool = false) {
    original = []
    hasBOM = bom
    self.newline = newline
    header = CSVRecord(fields: names, range: 0..<0, line: 1)
    header.replacement = CSVDocument.encode(names) + newline
    records = []
  }

  /// Parses `bytes`; errors name `file:line:column`.
  public init(bytes: [UInt8], file: String) throws(StoreError) {
    original = bytes
    var p = CSVParser(bytes: bytes, file: file)
    hasBOM = bytes.starts(with: CSVDocument.bom)
    if hasBOM { p.i = 3 }
    try p.validateText()
    newline = p.detectNewline()
    guard let h = try p.next() else {
      throw StoreError(.badData, "empty file: expected a header row", file: file, line: 1, column: 1)
    }
    header = h
    var seen = Set<String>()
    for (k, name) in h.fields.enumerated() where !name.isEmpty {
      if seen.contains(name) {
        let (line, col) = p.position(of: p.fieldStarts[k])
        throw StoreError(
          .badData, "column \"\(name)\" appears twice in the header", file: file, line: line, column: col)
      }
      seen.insert(name)
    }
    var records: [CSVRecord] = []
    records.reserveCapacity(bytes.count / 128)
    while let r = try p.next() {
      if !r.isBlank && r.fields.count != h.fields.count {
        let at = r.fields.count > h.fields.count ? p.fieldStarts[h.fields.count] - 1 : p.recordEnd
        let (line, col) = p.position(of: at)
        throw StoreError(
          .badData, "\(r.fields.count) fields, but the header has \(h.fields.count)", file: file, line: line,
          column: col)
      }
      records.append(r)
    }
    self.records = records
  }

  /// Line and column of field `c` of record `k`, found by reading the record's bytes again.
  public func position(record k: Int, field c: Int) -> (line: Int, column: Int) {
    let r = records[k]
    guard r.replacement == nil else { return (r.line, 1) }
    var p = CSVParser(bytes: Array(original[r.range]), file: "")
    p.lineBase = r.line - 1
    _ = try? p.next()
    guard c < p.fieldStarts.count else { return (r.line, 1) }
    return p.position(of: p.fieldStarts[c])
  }

  /// The bytes to write: unchanged records verbatim, changed ones re-encoded.
  public func serialized() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(original.count + 256)
    if hasBOM { out += CSVDocument.bom }
    var endsWithNewline = true
    for r in CollectionOfOne(header) + records {
      if !endsWithNewline { out += newline }
      if let rep = r.replacement {
        out += rep
      } else {
        out += original[r.range]
      }
      endsWithNewline = out.last == 0x0A
    }
    return out
  }

  /// Replaces one field of a data record; the record is re-encoded on write.
  public mutating func set(record k: Int, column c: Int, to value: String) {
    guard records[k].fields[c] != value else { return }
    records[k].fields[c] = value
    records[k].replacement = CSVDocument.encode(records[k].fields) + newline
  }

  public mutating func append(fields: [String]) {
    var r = CSVRecord(fields: fields, range: 0..<0, line: (records.last?.line ?? header.line) + 1)
    r.replacement = CSVDocument.encode(fields) + newline
    records.append(r)
  }

  public mutating func remove(record k: Int) { records.remove(at: k) }

  /// Adds a column at the right end of the header and of every record.
  public mutating func addColumn(_ name: String) {
    header.fields.append(name)
    header.replacement = CSVDocument.encode(header.fields) + newline
    for k in records.indices where !records[k].isBlank {
      records[k].fields.append("")
      records[k].replacement = CSVDocument.encode(records[k].fields) + newline
    }
  }

  /// RFC 4180 encoding, quoting only the fields that need it.
  public static func encode(_ fields: [String]) -> [UInt8] {
    var out: [UInt8] = []
    for (k, f) in fields.enumerated() {
      if k > 0 { out.append(0x2C) }
      let u = f.utf8
      if u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
        out.append(0x22)
        for b in u {
          if b == 0x22 { out.append(0x22) }
          out.append(b)
        }
        out.append(0x22)
      } else {
        out += u
      }
    }
    return out
  }
}

/// One record: its fields, the bytes it came from (with its line ending), and where it started.
public struct CSVRecord: Sendable {
  public var fields: [String]
  public let range: Range<Int>
  public let line: Int
  /// New bytes for a changed record; nil keeps the original bytes.
  public var replacement: [UInt8]?
  public var isBlank = false

  init(fields: [String], range: Range<Int>, line: Int) {
    self.fields = fields
    self.range = range
    self.line = line
  }
}

/// A byte-level RFC 4180 reader: no per-character `String` work.
struct CSVParser {
  let bytes: [UInt8]
  let file: String
  var i = 0
  var line = 1
  var lineStart = 0
  /// Byte offsets where the last record's fields start, and where it ended: for errors only.
  var fieldStarts: [Int] = []
  var recordEnd = 0
  /// Reused for quoted fields' unescaped bytes, and the header's width for reserving fields.
  private var scratch: [UInt8] = []
  private var fieldCountHint = 0

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// Line and column of a byte offset; only for error messages, so it may scan.
  func position(of offset: Int) -> (Int, Int) {
    var k = min(offset, bytes.count)
    while k > 0 && bytes[k - 1] != 0x0A { k -= 1 }
    let line = lineBase + 1 + bytes[..<k].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    if k == 0 && bytes.starts(with: CSVDocument.bom) { k = 3 }
    var c = 1
    for b in bytes[k..<max(k, min(offset, bytes.count))] where b & 0xC0 != 0x80 { c += 1 }
    return (line, c)
  }

  /// Added to line numbers when `bytes` is one record cut from a larger file.
  var lineBase = 0

  /// Characters (not bytes) from the line's start to `offset`, 1-based.
  func column(at offset: Int) -> Int {
    var c = 1
    var k = lineStart == 0 && bytes.starts(with: CSVDocument.bom) ? 3 : lineStart
    while k < offset && k < bytes.count {
      if bytes[k] & 0xC0 != 0x80 { c += 1 }
      k += 1
    }
    return c
  }

  func error(_ message: String, at offset: Int) -> StoreError {
    StoreError(.badData, message, file: file, line: line, column: column(at: offset))
  }

  /// Rejects NUL bytes and invalid UTF-8 up front, naming the first bad spot.
  mutating func validateText() throws(StoreError) {
    if let bad = firstInvalidUTF8(bytes, from: i) {
      var ln = 1
      var ls = 0
      for k in 0..<bad.offset where bytes[k] == 0x0A {
        ln += 1
        ls = k + 1
      }
      let saved = (line, lineStart)
      (line, lineStart) = (ln, ls)
      let e = error(bad.isNUL ? "NUL byte in text" : "invalid UTF-8", at: bad.offset)
      (line, lineStart) = saved
      throw e
    }
  }

  func detectNewline() -> [UInt8] {
    if let lf = bytes[i...].firstIndex(of: 0x0A), lf > 0, bytes[lf - 1] == 0x0D { return [0x0D, 0x0A] }
    return [0x0A]
  }

  /// Reads the next record, or nil at the end of the file.
  mutating func next() throws(StoreError) -> CSVRecord? {
    guard i < bytes.count else { return nil }
    // One pointer for the whole record: no bounds checks or copies per byte, and each field
    // becomes a `String` straight from its bytes (already checked as UTF-8 by `validateText`).
    return try bytes.withUnsafeBufferPointer { (b) throws(StoreError) -> CSVRecord? in try next(in: b) }
  }

  private mutating func next(in b: UnsafeBufferPointer<UInt8>) throws(StoreError) -> CSVRecord? {
    let start = i
    let startLine = line
    var fields: [String] = []
    fields.reserveCapacity(fieldCountHint)
    fieldStarts.removeAll(keepingCapacity: true)
    let n = b.count
    while true {
      fieldStarts.append(i)
      if i < n && b[i] == 0x22 {
        let open = i
        let openLine = line
        let openLineStart = lineStart
        i += 1
        scratch.removeAll(keepingCapacity: true)
        var closed = false
        var runStart = i
        while i < n {
          let c = b[i]
          if c == 0x22 {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
            if i + 1 < n && b[i + 1] == 0x22 {
              scratch.append(0x22)
              i += 2
              runStart = i
              continue
            }
            i += 1
            closed = true
            break
          }
          if c == 0x0A {
            line += 1
            lineStart = i + 1
          }
          i += 1
        }
        if !closed {
          line = openLine
          lineStart = openLineStart
          throw error("quoted field is never closed", at: open)
        }
        fields.append(String(decoding: scratch, as: UTF8.self))
        if i < n && b[i] != 0x2C && b[i] != 0x0A && !(b[i] == 0x0D && i + 1 < n && b[i + 1] == 0x0A)
          && !(b[i] == 0x0D && i + 1 == n)
        {
          throw error("unexpected text after a closing quote (a quote inside a field must be doubled)", at: i)
        }
      } else {
        let s = i
        while i < n {
          let c = b[i]
          if c == 0x2C || c == 0x0A { break }
          if c == 0x0D && (i + 1 == n || b[i + 1] == 0x0A) { break }
          if c == 0x22 {
            throw error("quote inside an unquoted field (quote the whole field and double the quote)", at: i)
          }
          i += 1
        }
        fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self))
      }
      if i < n && b[i] == 0x2C {
        i += 1
        continue
      }
      break
    }
    recordEnd = i
    if i < n && b[i] == 0x0D { i += 1 }
    if i < n && b[i] == 0x0A {
      i += 1
      line += 1
      lineStart = i
    }
    fieldCountHint = max(fieldCountHint, fields.count)
    var r = CSVRecord(fields: fields, range: start..<i, line: startLine)
    r.isBlank = fields.count == 1 && fields[0].isEmpty && b[start] != 0x22
    return r
  }
}

/// The first byte offset that is not valid UTF-8 (or is NUL), if any.
func firstInvalidUTF8(_ b: [UInt8], from start: Int = 0) -> (offset: Int, isNUL: Bool)? {
  var i = start
  let n = b.count
  while i < n {
    let c = b[i]
    if c < 0x80 {
      if c == 0 { return (i, true) }
      i += 1
      continue
    }
    let len: Int
    var minCode: UInt32
    var code: UInt32
    switch c {
    case 0xC2...0xDF: (len, code, minCode) = (2, UInt32(c & 0x1F), 0x80)
    case 0xE0...0xEF: (len, code, minCode) = (3, UInt32(c & 0x0F), 0x800)
    case 0xF0...0xF4: (len, code, minCode) = (4, UInt32(c & 0x07), 0x10000)
    default: return (i, false)
    }
    guard i + len <= n else { return (i, false) }
    for k in 1..<len {
      let cc = b[i + k]
      guard cc & 0xC0 == 0x80 else { return (i, false) }
      code = code << 6 | UInt32(cc & 0x3F)
    }
    if code < minCode || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return (i, false) }
    i += len
  }
  return nil
}
