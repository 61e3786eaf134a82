/// A CSV file (RFC 4180) held so that it can be written back byte for byte: every record
/// keeps the exact bytes it was read from, and only records that changed are re-encoded.
public struct CSVDocument: Sendable {
  /// The file's bytes as read.
  public let original: [UInt8]
  public let hasBOM: Bool
  /// The line ending new or changed records get: the file's own (CRLF from spreadsheets).
  public let newline: [UInt8]
  public var header: CSVRecord
  /// Data records in file order. Blank lines are kept as records with `isBlank`. A record
  /// read by `init(bytes:file:each:)` has its fields filled in only when it is changed.
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
    let h = try CSVDocument.readHeader(&p, file: file)
    header = h
    var records: [CSVRecord] = []
    records.reserveCapacity(bytes.count / 128)
    while let r = try p.next() {
      try CSVDocument.checkSize(r.range, line: r.line, file: file)
      if !r.isBlank && r.fields.count != h.fields.count {
        throw CSVDocument.widthError(p, count: r.fields.count, header: h, file: file)
      }
      records.append(r)
    }
    self.records = records
  }

  /// A document put together from records already read (the chunks of a large file read on
  /// both cores), as if `init(bytes:file:each:)` had read them.
  init(original: [UInt8], hasBOM: Bool, newline: [UInt8], header: CSVRecord, records: [CSVRecord]) {
    self.original = original
    self.hasBOM = hasBOM
    self.newline = newline
    self.header = header
    self.records = records
  }

  /// The first record, checked as a header (names given once).
  static func readHeader(_ p: inout CSVParser, file: String) throws(StoreError) -> CSVRecord {
    guard let h = try p.next() else {
      throw StoreError(.badData, .emptyFile, file: file, line: 1, column: 1)
    }
    try checkHeader(h, p, file: file)
    return h
  }

  /// No task's text comes near this; a bigger row is a broken or hostile file, refused before
  /// it can eat memory (and never written back).
  public static let maxRecordBytes = 1 << 20

  static func checkSize(_ range: Range<Int>, line: Int, file: String) throws(StoreError) {
    guard range.count > maxRecordBytes else { return }
    throw StoreError(
      .badData, .rowTooLarge(kib: range.count / 1024, limitKiB: maxRecordBytes / 1024), file: file, line: line,
      column: 1)
  }

  static func checkHeader(_ h: CSVRecord, _ p: CSVParser, file: String) throws(StoreError) {
    var seen = Set<String>()
    for (k, name) in h.fields.enumerated() where !name.isEmpty {
      if seen.contains(name) {
        let (line, col) = p.position(of: p.fieldStart(k))
        throw StoreError(.badData, .columnTwice(name), file: file, line: line, column: col)
      }
      seen.insert(name)
    }
  }

  static func widthError(_ p: CSVParser, count: Int, header h: CSVRecord, file: String) -> StoreError {
    let at = count > h.fields.count ? p.fieldStart(h.fields.count) - 1 : p.recordEnd
    let (line, col) = p.position(of: at)
    return StoreError(.badData, .fieldCount(count, header: h.fields.count), file: file, line: line, column: col)
  }

  /// Reads a lazily parsed record's fields from its bytes, before it is changed.
  mutating func loadFields(_ k: Int) {
    guard records[k].isLazy else { return }
    var p = CSVParser(bytes: Array(original[records[k].range]), file: "")
    // The record parsed once already, so it parses again.
    records[k].fields = (try? p.next())?.fields ?? []
    records[k].isLazy = false
  }

  /// Line and column of field `c` of record `k`, found by reading the record's bytes again.
  public func position(record k: Int, field c: Int) -> (line: Int, column: Int) {
    let r = records[k]
    guard r.replacement == nil else { return (r.line, 1) }
    var p = CSVParser(bytes: Array(original[r.range]), file: "")
    p.lineBase = r.line - 1
    _ = try? p.next()
    guard c < p.refs.count else { return (r.line, 1) }
    return p.position(of: p.fieldStart(c))
  }

  /// The bytes to write: unchanged records verbatim, changed ones re-encoded.
  public func serialized() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(original.count + 256)
    write { out.append(contentsOf: $0) }
    return out
  }

  /// Replaces one field of a data record; the record is re-encoded on write.
  public mutating func set(record k: Int, column c: Int, to value: String) {
    loadFields(k)
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
      loadFields(k)
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
  /// The fields were not kept when the file was read (see `CSVDocument.loadFields`).
  var isLazy = false

  init(fields: [String], range: Range<Int>, line: Int) {
    self.fields = fields
    self.range = range
    self.line = line
  }
}
