import Model

/// An Excel workbook's sheets as grids, every one in order (or only the one named; an
/// empty sheet as a grid without rows): shared and inline strings, numbers as a person reads them (`1.0` is 1), date serials as
/// ISO dates, merged ranges as spans.
enum Xlsx {
  static func read(_ bytes: [UInt8], file: String, sheet wanted: String?) throws(ImportError) -> SourceDocument {
    let zip = try ZipPackage(bytes, file: file)
    func xml(_ path: String, required: Bool) throws(ImportError) -> XMLNode? {
      guard let b = try zip.part(path) else {
        if required { throw ImportError(.missingPart(path), file: file) }
        return nil
      }
      guard let tree = try XMLTree(b, html: false, file: file), let root = tree.root else {
        throw ImportError(.badXML(path), file: file)
      }
      trees.append(tree)
      return root
    }
    var trees: [XMLTree] = []
    defer { _ = trees }
    let workbook = try xml("xl/workbook.xml", required: true)!
    let rels = try xml("xl/_rels/workbook.xml.rels", required: false)
    var targets: [String: String] = [:]
    for r in rels?.elements("Relationship") ?? [] {
      if let id = r.attribute("Id"), let t = r.attribute("Target") { targets[id] = t }
    }
    let date1904 = workbook.first("workbookPr")?.attribute("date1904").map { $0 == "1" || $0 == "true" } ?? false
    var sheets: [(name: String, path: String)] = []
    for (i, s) in (workbook.first("sheets")?.elements("sheet") ?? []).enumerated() {
      let name = s.attribute("name") ?? "Sheet\(i + 1)"
      var target = s.attribute("id").flatMap { targets[$0] } ?? "worksheets/sheet\(i + 1).xml"
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      sheets.append((name, target))
    }
    guard !sheets.isEmpty else { throw ImportError(.emptyWorkbook, file: file) }
    let strings = try sharedStrings(try xml("xl/sharedStrings.xml", required: false))
    let dates = try dateStyles(try xml("xl/styles.xml", required: false))
    let chosen: [(name: String, path: String)]
    if let wanted {
      guard let s = sheets.first(where: { $0.name == wanted }) else {
        throw ImportError(.noSuchSheet(wanted, available: sheets.map(\.name)), file: file)
      }
      chosen = [s]
    } else {
      chosen = sheets
    }
    var grids: [TableGrid] = []
    for s in chosen {
      guard let root = try xml(s.path, required: true) else { continue }
      let cells = readCells(root, strings: strings, dates: dates, date1904: date1904)
      if cells.isEmpty {
        if wanted != nil { throw ImportError(.emptySheet(s.name), file: file) }
        grids.append(TableGrid(rows: [], format: .xlsx, sheet: s.name))
        continue
      }
      let merges = (root.first("mergeCells")?.elements("mergeCell") ?? []).compactMap { m in
        m.attribute("ref").flatMap(range)
      }
      grids.append(TableGrid(rows: layout(cells, merges: merges, sheet: s.name), format: .xlsx, sheet: s.name))
    }
    guard grids.contains(where: { !$0.rows.isEmpty }) else { throw ImportError(.emptyWorkbook, file: file) }
    return SourceDocument(format: .xlsx, tables: grids)
  }

  /// The shared strings: each item's text runs joined, phonetic guides left out.
  static func sharedStrings(_ root: XMLNode?) throws(ImportError) -> [String] {
    guard let root else { return [] }
    return root.elements("si").map(stringItem)
  }

  static func stringItem(_ si: XMLNode) -> String {
    var s = ""
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        switch c.name {
        case "t": s += c.allText
        case "rPh", "phoneticPr": break
        default: walk(c)
        }
      }
    }
    walk(si)
    return s.replacing("\r\n", with: "\n")
  }

  /// Which cell styles (`s`) show a number as a date: the built-in date formats, and custom
  /// ones whose code has a year, month or day outside quotes and brackets.
  static func dateStyles(_ root: XMLNode?) throws(ImportError) -> Set<Int> {
    guard let root else { return [] }
    var custom: [Int: Bool] = [:]
    for f in root.first("numFmts")?.elements("numFmt") ?? [] {
      guard let id = f.attribute("numFmtId").flatMap({ Int($0) }), let code = f.attribute("formatCode") else {
        continue
      }
      var plain = ""
      var inQuote = false
      var depth = 0
      for ch in code {
        if ch == "\"" {
          inQuote.toggle()
        } else if ch == "[" {
          depth += 1
        } else if ch == "]" {
          depth = max(0, depth - 1)
        } else if !inQuote && depth == 0 {
          plain.append(ch)
        }
      }
      let p = plain.lowercased()
      custom[id] = p.contains("y") || p.contains("d") || (p.contains("m") && !p.contains("h") && !p.contains("s"))
    }
    var out = Set<Int>()
    for (i, xf) in (root.first("cellXfs")?.elements("xf") ?? []).enumerated() {
      guard let id = xf.attribute("numFmtId").flatMap({ Int($0) }) else { continue }
      if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) || custom[id] == true {
        out.insert(i)
      }
    }
    return out
  }

  struct Cell {
    var row: Int
    var column: Int
    var text: String
  }

  static func readCells(_ sheet: XMLNode, strings: [String], dates: Set<Int>, date1904: Bool) -> [Cell] {
    var out: [Cell] = []
    guard let data = sheet.first("sheetData") else { return [] }
    var rowNumber = 0
    for row in data.elements("row") {
      rowNumber = row.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
      var col = 0
      for c in row.elements("c") {
        if let ref = c.attribute("r"), let (r, k) = reference(ref) {
          col = k
          rowNumber = r
        } else {
          col += 1
        }
        let type = c.attribute("t") ?? "n"
        let v = c.first("v")?.allText ?? ""
        var text: String
        switch type {
        case "s": text = Int(v.trimmingSpaces).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
        case "inlineStr": text = c.first("is").map(stringItem) ?? ""
        case "str", "e": text = v
        case "b": text = v == "1" ? "TRUE" : v == "0" ? "FALSE" : v
        default:
          let style = c.attribute("s").flatMap { Int($0) } ?? 0
          text = number(v, asDate: dates.contains(style), date1904: date1904)
        }
        if text.trimmingSpaces.isEmpty { continue }
        guard rowNumber > 0, rowNumber <= 1_048_576, col > 0, col <= 16_384 else { continue }
        out.append(Cell(row: rowNumber, column: col, text: text))
      }
    }
    return out
  }

  /// "1.0" → "1", "3.5" → "3.5"; a date style's serial → "2021-06-30".
  static func number(_ v: String, asDate: Bool, date1904: Bool) -> String {
    guard let d = Double(v.trimmingSpaces), d.isFinite else { return v }
    if asDate, d >= 1, d < 2_958_466 {
      let serial = Int(d.rounded(.down)) + (date1904 ? 1462 : 0)
      // Serial 60 is Excel's 1900-02-29, a day that never was; later serials count from 1899-12-30.
      let day = Day(year: 1899, month: 12, day: 30)!.adding(days: serial < 61 ? serial + 1 : serial)
      return day.description
    }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    var s = String(d)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }

  /// "B7" → (row 7, column 2).
  static func reference(_ ref: String) -> (Int, Int)? {
    var col = 0
    var row = 0
    var digits = false
    for u in ref.unicodeScalars {
      switch u {
      case "A"..."Z" where !digits: col = col * 26 + Int(u.value - 64)
      case "a"..."z" where !digits: col = col * 26 + Int(u.value - 96)
      case "$": continue
      case "0"..."9":
        digits = true
        row = row * 10 + Int(u.value - 48)
      default: return nil
      }
      if col > 20_000 || row > 2_000_000 { return nil }
    }
    return col > 0 && row > 0 ? (row, col) : nil
  }

  /// "A1:E1" → rows 1...1, columns 1...5.
  static func range(_ ref: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
    let parts = ref.split(separator: ":")
    guard let a = parts.first.flatMap({ reference(String($0)) }) else { return nil }
    let b = parts.count > 1 ? reference(String(parts[1])) : a
    guard let b, b.0 >= a.0, b.1 >= a.1 else { return nil }
    return (a.0...b.0, a.1...b.1)
  }

  /// The cells as rows from the first row with data to the last, each merged range once.
  static func layout(_ cells: [Cell], merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)], sheet: String)
    -> [GridRow]
  {
    // A stray cell far out (XFD1048576) must not make the table huge.
    let first = cells.map(\.row).min()!
    let last = min(cells.map(\.row).max()!, first + 100_000)
    let width = min(cells.map(\.column).max()!, 1000)
    var text: [Int: [Int: String]] = [:]
    for c in cells where c.row <= last && c.column <= width { text[c.row, default: [:]][c.column] = c.text }
    var origin: [Int: [Int: (Int, Int)]] = [:]
    var covered = Set<Int>()
    for m in merges where m.rows.upperBound >= first && m.rows.lowerBound <= last {
      let top = max(m.rows.lowerBound, first)
      let bottom = min(m.rows.upperBound, last)
      let right = min(m.columns.upperBound, width)
      guard m.columns.lowerBound <= right else { continue }
      origin[top, default: [:]][m.columns.lowerBound] = (bottom - top + 1, right - m.columns.lowerBound + 1)
      for r in top...bottom {
        for c in m.columns.lowerBound...right where !(r == top && c == m.columns.lowerBound) {
          covered.insert(r * 20_000 + c)
        }
      }
    }
    var rows: [GridRow] = []
    for r in first...last {
      var out: [GridCell] = []
      for c in 1...width where !covered.contains(r * 20_000 + c) {
        let span = origin[r]?[c] ?? (1, 1)
        out.append(
          GridCell(
            text[r]?[c] ?? "", rowSpan: span.0, colSpan: span.1,
            place: .cell(sheet: sheet, table: nil, row: r, column: c)))
      }
      rows.append(GridRow(out, place: .cell(sheet: sheet, table: nil, row: r, column: 0)))
    }
    return rows
  }
}
