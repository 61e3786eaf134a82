// libFuzzer entry for the import's readers (Sources/Readers): a .docx or .xlsx as a whole
// file (a damaged ZIP), a Word document's XML and a sheet's XML inside a well-formed package
// (truncated and hostile XML), a web page (hostile HTML), a text file in any of the text
// layouts, and a plan written as prose (numbered paragraphs, brackets, role lines). Whatever comes in, the reader
// returns a grid or an ImportError: never a crash. Built by scripts/fuzz.sh; FUZZ_TARGET
// picks the reader.

import Model
import Readers

#if canImport(Glibc)
  import Glibc
#endif

let target: String = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? "docx"

/// CRC-32 (IEEE), which a ZIP entry must carry.
func crc32(_ bytes: [UInt8]) -> UInt32 {
  var c: UInt32 = 0xFFFF_FFFF
  for b in bytes {
    c ^= UInt32(b)
    for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
  }
  return ~c
}

/// A well-formed ZIP of stored entries: the fuzzed part is the XML, not the container.
func zip(_ parts: [(String, [UInt8])]) -> [UInt8] {
  func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
  var out: [UInt8] = []
  var central: [UInt8] = []
  for (name, data) in parts {
    let n = Array(name.utf8)
    let crc = Int(crc32(data))
    let offset = out.count
    out +=
      [0x50, 0x4B, 0x03, 0x04] + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + le(data.count, 4)
      + le(data.count, 4) + le(n.count, 2) + le(0, 2) + n + data
    central +=
      [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4)
      + le(data.count, 4) + le(data.count, 4) + le(n.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2)
      + le(0, 4) + le(offset, 4) + n
  }
  let start = out.count
  out += central
  out +=
    [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(parts.count, 2) + le(parts.count, 2) + le(central.count, 4)
    + le(start, 4) + le(0, 2)
  return out
}

/// A package holding `part` at `path` (and a workbook naming one sheet, for a sheet).
func package(_ path: String, _ part: [UInt8]) -> [UInt8]? {
  var parts: [(String, [UInt8])] = [(path, part)]
  if path.hasPrefix("xl/") {
    parts.append(
      (
        "xl/workbook.xml",
        Array(#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
      ))
  }
  return zip(parts)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let input: (bytes: [UInt8], ext: String)?
  switch target {
  case "docxml": input = package("word/document.xml", bytes).map { ($0, "docx") }
  case "xlsxml": input = package("xl/worksheets/sheet1.xml", bytes).map { ($0, "xlsx") }
  case "html": input = (bytes, "html")
  case "text", "prose": input = (bytes, "txt")
  case "xlsx": input = (bytes, "xlsx")
  default: input = (bytes, "docx")
  }
  guard let input else { return 0 }
  if let doc = try? SourceFile.read(input.bytes, ext: input.ext, file: "fuzz") {
    // A plan read as prose is a table like any other: every row as wide as its header.
    for grid in doc.tables where grid.prose {
      let width = grid.rows.first?.cells.count ?? 0
      guard grid.rows.allSatisfy({ $0.cells.count == width }) else {
        let line = Array("fuzz property failed: a prose row as wide as its header\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
      }
    }
    _ = try? TableImport.interpret(doc, file: "fuzz")
  }
  return 0
}
