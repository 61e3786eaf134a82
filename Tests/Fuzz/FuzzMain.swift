// libFuzzer entry for the store's parsers of what people type or paste: the CSV reader and
// the deadline grammar (the importer's text readers are fuzzed with the other readers, in
// FuzzReaders.swift). Built by scripts/fuzz.sh together with Sources/Model (so internal APIs
// are in reach); FUZZ_TARGET picks the parser.

#if canImport(Glibc)
  import Glibc
#endif

let fuzzTarget: String = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? "csv"

/// Fails loudly: libFuzzer records the input that got here.
func fuzzCheck(_ ok: Bool, _ what: String) {
  if !ok {
    let line = Array("fuzz property failed: \(what)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch fuzzTarget {
  case "deadline":
    let text = String(decoding: bytes, as: UTF8.self)
    let d = Deadline(text)
    fuzzCheck(d.text == text, "deadline text kept verbatim")
    // The store reads a plan's year only into the phrases the grammar cannot read without it.
    if d.kind != .unparsed {
      fuzzCheck(Deadline(text, year: 2021).kind == d.kind, "a year changes only unread phrases")
    }
    if let day = DatedDeadline.read(text) {
      fuzzCheck(DeadlineGrammar.parse(text) == .by(day), "the byte-level date reading agrees with the grammar")
    }
    switch d.kind {
    case .by(let day), .byThenOngoing(let day): fuzzCheck(Day(iso: day.description) == day, "a real day")
    case .yearly(let m, let day): fuzzCheck((1...12).contains(m) && (day ?? 1) >= 1 && (day ?? 1) <= 31, "a real date")
    case .withinAfterEvent(let n, _, let event): fuzzCheck(n >= 0 && !event.isEmpty, "a window after an event")
    default: break
    }
  default:
    // The CSV reader: a document that parses writes back byte for byte, and its records
    // parse again to the same fields.
    guard let doc = try? CSVDocument(bytes: bytes, file: "fuzz") else { return 0 }
    fuzzCheck(doc.serialized() == bytes, "round trip byte for byte")
    if let again = try? CSVDocument(bytes: doc.serialized(), file: "fuzz") {
      fuzzCheck(again.records.map(\.fields) == doc.records.map(\.fields), "fields read again")
    }
    var copy = doc
    if let k = copy.records.indices.first(where: { !copy.records[$0].isBlank }), !copy.header.fields.isEmpty {
      copy.set(record: k, column: 0, to: "x,\"y\"\nz")
      let written = copy.serialized()
      guard let reread = try? CSVDocument(bytes: written, file: "fuzz") else {
        fuzzCheck(false, "a changed document parses")
        return 0
      }
      fuzzCheck(reread.records[k].fields[0] == "x,\"y\"\nz", "a changed field reads back")
    }
  }
  return 0
}
