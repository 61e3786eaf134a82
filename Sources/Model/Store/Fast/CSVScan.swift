/// The CSV reader and writer where they touch the file's bytes: the scanner that finds each
/// record's fields without making strings (its field ends found by the vector scans in
/// `Native`), the reader that hands each record's fields to the caller in place, and the
/// writer that sends runs of unchanged records straight from the bytes read. `CSVDocument`
/// (Store/CSV.swift) holds what they read; the whole-file parse checks them (StoreTests, the
/// fuzzer's round trip, ChunkedReaderTests).
extension CSVDocument {
  /// Parses `bytes` without keeping each record's fields: `each` reads them in place, as
  /// references into the buffer, while the file is scanned, and returns false to be called no
  /// more (it found a problem, which the caller reports once the whole file is known to parse).
  /// A record's fields are read again from its bytes only if it is changed.
  init(
    bytes: [UInt8], file: String,
    each: (Int, _ fields: [CSVField], _ buffer: UnsafeBufferPointer<UInt8>, _ header: CSVRecord) -> Bool
  ) throws(StoreError) {
    let hasBOM = bytes.starts(with: CSVDocument.bom)
    // The UTF-8 check runs on another core while this one parses. Parsing bad bytes does no
    // harm (they decode to U+FFFD), and a UTF-8 error still comes before any other.
    let check = Background { firstInvalidUTF8(bytes, from: hasBOM ? 3 : 0) }
    do {
      try self.init(bytes: bytes, file: file, hasBOM: hasBOM, each: each)
    } catch {
      if let bad = check.wait() { throw CSVParser(bytes: bytes, file: file).invalidTextError(bad) }
      throw error
    }
    if let bad = check.wait() { throw CSVParser(bytes: bytes, file: file).invalidTextError(bad) }
  }

  fileprivate init(
    bytes: [UInt8], file: String, hasBOM: Bool,
    each: (Int, _ fields: [CSVField], _ buffer: UnsafeBufferPointer<UInt8>, _ header: CSVRecord) -> Bool
  ) throws(StoreError) {
    original = bytes
    var p = CSVParser(bytes: bytes, file: file)
    self.hasBOM = hasBOM
    if hasBOM { p.i = 3 }
    newline = p.detectNewline()
    let h = try CSVDocument.readHeader(&p, file: file)
    header = h
    var records: [CSVRecord] = []
    records.reserveCapacity(CSVDocument.lineCount(bytes))
    var reading = true
    try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in
      while p.i < b.count {
        let start = p.i
        let startLine = p.line
        try p.scan(b)
        try CSVDocument.checkSize(start..<p.i, line: startLine, file: file)
        var r = CSVRecord(fields: [], range: start..<p.i, line: startLine)
        r.isBlank = p.isBlankRecord
        r.isLazy = !r.isBlank
        if !r.isBlank && p.refs.count != h.fields.count {
          throw CSVDocument.widthError(p, count: p.refs.count, header: h, file: file)
        }
        records.append(r)
        if reading && !r.isBlank { reading = each(records.count - 1, p.refs, b, h) }
      }
    }
    self.records = records
  }

  /// Line feeds in `bytes` (or in `range` of it), plus one: at least the number of records.
  static func lineCount(_ bytes: [UInt8], in range: Range<Int>? = nil) -> Int {
    bytes.withUnsafeBufferPointer { all -> Int in
      1 + Native.count(UnsafeBufferPointer(rebasing: all[range ?? 0..<all.count]), 0x0A)
    }
  }

  /// The bytes to write, in pieces: runs of unchanged records straight from the bytes read,
  /// changed records re-encoded. A save writes the pieces as they come, so a one-row change
  /// to a large file does not first copy the whole file into a new array.
  func write<E: Error>(_ emit: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
    var endsWithNewline = true
    // Unchanged records that follow each other in the file are one piece.
    var run: Range<Int>? = nil
    try original.withUnsafeBufferPointer { (all) throws(E) in
      func put(_ piece: UnsafeBufferPointer<UInt8>) throws(E) {
        guard let last = piece.last else { return }
        try emit(piece)
        endsWithNewline = last == 0x0A
      }
      func put(_ bytes: [UInt8]) throws(E) {
        try bytes.withUnsafeBufferPointer { (b) throws(E) in try put(b) }
      }
      func flush() throws(E) {
        guard let r = run else { return }
        run = nil
        try put(UnsafeBufferPointer(rebasing: all[r]))
      }
      /// An unchanged record: its bytes join the run when they follow it in the file. A record
      /// ends at a line feed or at the file's end, so one that another follows ends with its
      /// line feed (not looked at here: reading a byte of every row cost more than the rest).
      func add(unchanged range: Range<Int>) throws(E) {
        if let open = run, open.upperBound == range.lowerBound {
          assert(all[open.upperBound - 1] == 0x0A)
          run = open.lowerBound..<range.upperBound
          return
        }
        try flush()
        if !endsWithNewline { try put(newline) }
        run = range
      }
      func add(_ r: CSVRecord) throws(E) {
        if r.replacement == nil && !r.range.isEmpty { return try add(unchanged: r.range) }
        try flush()
        if !endsWithNewline { try put(newline) }
        try put(r.replacement ?? [])
      }
      // The BOM starts the file; it is not a line that needs ending.
      if hasBOM { try CSVDocument.bom.withUnsafeBufferPointer { (b) throws(E) in try emit(b) } }
      try add(header)
      // Records are looked at in place: copying each one out cost more than writing it.
      try records.withUnsafeBufferPointer { (recs) throws(E) in
        for k in recs.indices {
          if recs[k].replacement == nil && !recs[k].range.isEmpty {
            try add(unchanged: recs[k].range)
          } else {
            try add(recs[k])
          }
        }
      }
      try flush()
    }
  }
}

/// A byte-level RFC 4180 reader: no per-character `String` work.
struct CSVParser {
  let bytes: [UInt8]
  let file: String
  var i = 0
  var line = 1
  var lineStart = 0
  /// Where the last record ended: for errors only.
  var recordEnd = 0

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

  func error(_ reason: StoreError.Reason, at offset: Int) -> StoreError {
    StoreError(.badData, reason, file: file, line: line, column: column(at: offset))
  }

  /// Rejects NUL bytes and invalid UTF-8 up front, naming the first bad spot.
  mutating func validateText() throws(StoreError) {
    if let bad = firstInvalidUTF8(bytes, from: i) { throw invalidTextError(bad) }
  }

  /// The error for the first bad byte, named by line and column.
  func invalidTextError(_ bad: (offset: Int, isNUL: Bool)) -> StoreError {
    var p = self
    p.line = 1
    p.lineStart = 0
    for k in 0..<bad.offset where bytes[k] == 0x0A {
      p.line += 1
      p.lineStart = k + 1
    }
    // A file that reads as GB18030 was saved by a spreadsheet as "CSV" in the Chinese
    // Windows encoding: say so, and how to save it as UTF-8.
    // (Only when the text before the fault is plain ASCII and the file has Chinese in it: a
    // UTF-8 file with one broken character is a broken UTF-8 file.)
    if !bad.isNUL, bytes[..<bad.offset].allSatisfy({ $0 < 0x80 }), bytes.lazy.filter({ $0 >= 0x80 }).count >= 4,
      TextEncoding.convert(bytes, from: "GB18030") != nil
    {
      return p.error(.savedAsGB18030, at: bad.offset)
    }
    return p.error(bad.isNUL ? .nulByte : .invalidUTF8, at: bad.offset)
  }

  func detectNewline() -> [UInt8] {
    if let lf = bytes[i...].firstIndex(of: 0x0A), lf > 0, bytes[lf - 1] == 0x0D { return [0x0D, 0x0A] }
    return [0x0A]
  }

  /// Reads the next record, or nil at the end of the file.
  mutating func next() throws(StoreError) -> CSVRecord? {
    guard i < bytes.count else { return nil }
    // One pointer for the whole record: no bounds checks or copies per byte.
    return try bytes.withUnsafeBufferPointer { (b) throws(StoreError) -> CSVRecord? in
      let start = i
      let startLine = line
      try scan(b)
      var fields: [String] = []
      fields.reserveCapacity(refs.count)
      for f in refs { fields.append(f.string(b)) }
      var r = CSVRecord(fields: fields, range: start..<i, line: startLine)
      r.isBlank = isBlankRecord
      return r
    }
  }

  /// Where the fields of the record just scanned are (valid until the next scan).
  private(set) var refs: [CSVField] = []

  /// Where field `k` of the record just scanned starts in the file (its opening quote, if any).
  func fieldStart(_ k: Int) -> Int { refs[k].quoted ? refs[k].start - 1 : refs[k].start }

  /// A record that is one empty, unquoted field: a blank line.
  var isBlankRecord: Bool { refs.count == 1 && refs[0].isEmpty && !refs[0].quoted }

  /// Scans one record from `i`, filling `refs`, without making any string.
  mutating func scan(_ b: UnsafeBufferPointer<UInt8>) throws(StoreError) {
    refs.removeAll(keepingCapacity: true)
    let n = b.count
    while true {
      if i < n && b[i] == 0x22 {
        let open = i
        let openLine = line
        let openLineStart = lineStart
        i += 1
        let contentStart = i
        var escaped = false
        var closed = false
        while i < n {
          // Straight to the next quote or line feed.
          i = Native.quoteOrLF(b, from: i)
          guard i < n else { break }
          let c = b[i]
          if c == 0x22 {
            if i + 1 < n && b[i + 1] == 0x22 {
              escaped = true
              i += 2
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
          throw error(.quotedFieldNeverClosed, at: open)
        }
        refs.append(CSVField(start: contentStart, end: i - 1, quoted: true, escaped: escaped))
        if i < n && b[i] != 0x2C && b[i] != 0x0A && !(b[i] == 0x0D && i + 1 < n && b[i + 1] == 0x0A)
          && !(b[i] == 0x0D && i + 1 == n)
        {
          throw error(.textAfterClosingQuote, at: i)
        }
      } else {
        let s = i
        // Straight to the next , LF CR or " (most cells are long); a CR not before LF is text.
        while i < n {
          i = Native.csvSpecial(b, from: i)
          guard i < n else { break }
          let c = b[i]
          if c == 0x2C || c == 0x0A { break }
          if c == 0x0D && (i + 1 == n || b[i + 1] == 0x0A) { break }
          if c == 0x22 {
            throw error(.quoteInUnquotedField, at: i)
          }
          i += 1
        }
        refs.append(CSVField(start: s, end: i, quoted: false, escaped: false))
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
  }
}

/// Where one field's text is in the document: inside the quotes of a quoted field, and
/// whether doubled quotes in it must be undone.
struct CSVField {
  var start: Int
  var end: Int
  var quoted: Bool
  var escaped: Bool

  var isEmpty: Bool { start == end }

  /// The field's text. The bytes were checked as UTF-8 before parsing.
  func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
    let raw = UnsafeBufferPointer(rebasing: b[start..<end])
    guard escaped else { return String(decoding: raw, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var k = 0
    while k < raw.count {
      out.append(raw[k])
      k += raw[k] == 0x22 ? 2 : 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
