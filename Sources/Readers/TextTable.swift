import Model

/// A text file's table: decoded (UTF-8, else GB18030 as Excel and WPS write it in China, or
/// UTF-16 with a byte-order mark), then cut into rows and cells by its layout. The layouts
/// cannot say where a header is, so these readers ask the header vocabulary (`ColumnNames`)
/// where the cells stop being a title and start naming columns; the cell-per-line one also
/// works out the row width from the data. They decide nothing else.
enum TextTable {
  /// The grid of a text file: decoded (UTF-8, else GB18030 as Excel and WPS write it in
  /// China), then split by its layout.
  static func grid(
    _ bytes: [UInt8], file: String, csv: Bool = false, map: [(header: String, field: ImportField)] = []
  ) throws(ImportError) -> TableGrid {
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw ImportError(.zipAsText, file: file) }
    var notes: [TableGuess] = []
    var text: String
    // Excel's and Notepad's "Unicode text" is UTF-16 with a byte-order mark.
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      guard let converted = TextEncoding.convert(bytes, from: "UTF-16") else {
        throw ImportError(.unknownEncoding("UTF-16"), file: file, place: .line(1))
      }
      text = converted
      notes.append(.encodingConverted(from: "UTF-16"))
    } else if let bad = firstInvalidUTF8(bytes) {
      if bad.isNUL {
        throw ImportError(.nulByte, file: file, place: .line(1 + bytes[..<bad.offset].filter { $0 == 0x0A }.count))
      }
      guard let converted = TextEncoding.convert(bytes, from: "GB18030") else {
        throw ImportError(.notUTF8, file: file, place: .line(1 + bytes[..<bad.offset].filter { $0 == 0x0A }.count))
      }
      text = converted
      notes.append(.encodingConverted(from: "GB18030"))
    } else {
      text = String(decoding: bytes, as: UTF8.self)
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var grid: TableGrid
    if csv {
      grid = CSVTable.grid(text)
    } else {
      let lines = text.lines
      switch detect(lines) {
      case .wordFlattened: grid = WordFlattened.grid(lines, map: map)
      case .tabSeparated: grid = TabSeparated.grid(lines)
      default:
        // No tab in it: LibreOffice's export of a table, or a plan written as prose.
        var refused: ImportError? = nil
        var cut: TableGrid? = nil
        do { cut = try CellPerLine.grid(lines, map: map, file: file) } catch { refused = error }
        if let cut {
          grid = cut
        } else if let prose = Prose.grid(
          lines.enumerated().map { (text: $0.element, place: SourcePlace.line($0.offset + 1)) }, format: .plainText)
        {
          grid = prose
        } else {
          throw refused ?? ImportError(.noHeader, file: file, place: .line(1))
        }
      }
    }
    grid.notes = notes + grid.notes
    if grid.rows.isEmpty { throw ImportError(.noTable, file: file, place: .line(1)) }
    return grid
  }

  /// Tab-separated when most lines holding a tab hold several; Word-flattened when a tab only
  /// ever leads a line; one cell a line when no line holds a tab.
  static func detect(_ lines: [String]) -> SourceFormat {
    var single = 0
    var several = 0
    for l in lines {
      let tabs = l.reduce(0) { $0 + ($1 == "\t" ? 1 : 0) }
      if tabs >= 2 || (tabs == 1 && !l.hasPrefix("\t")) { several += 1 } else if tabs == 1 { single += 1 }
    }
    if single == 0 && several == 0 { return .cellPerLine }
    return several > single ? .tabSeparated : .wordFlattened
  }

  /// The first byte that is not UTF-8 (a NUL counts), or nil: the place an error names.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
    if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return nil }
    var it = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&it) {
      case .scalarValue(let u):
        if u.value == 0 { return (offset, true) }
        offset += UTF8.width(u)
      case .emptyInput: return nil
      case .error: return (offset, false)
      }
    }
  }
}

/// Seed 000's layout: a cell starts on a line that begins with a tab; a line without a
/// leading tab continues the cell above; a row starts at a tab-led line after a blank line
/// when it is a number cell or the row is already as wide as the header. The header (the
/// first row) ends at its first blank line.
enum WordFlattened {
  static func grid(_ lines: [String], map: [(header: String, field: ImportField)] = []) -> TableGrid {
    var preamble: [String] = []
    var trailing: [String] = []
    var cells: [(lines: [String], line: Int, afterBlank: Bool)] = []
    var sawBlank = true
    var inNote = false
    for (n, line) in lines.enumerated() {
      if line.hasPrefix("\t") {
        cells.append(([String(line.dropFirst())], n + 1, sawBlank))
        sawBlank = false
        inNote = false
      } else if line.trimmingSpaces.isEmpty {
        sawBlank = true
      } else if cells.isEmpty {
        preamble.append(line.trimmingSpaces)
      } else if inNote || (sawBlank && CellPerLine.isNote(line.trimmingSpaces)) {
        // A note under the table (注：…, after a blank line) never joins the last cell.
        trailing.append(line.trimmingSpaces)
        inNote = true
      } else {
        cells[cells.count - 1].lines.append(line)
        sawBlank = false
      }
    }
    // Title lines Word wrote as cells too ("\t附件", "\t…分工表") come before the run of
    // cells that name columns: they are the preamble. A title that reads like a name
    // ("工作任务分工") is told by its role coming again in the run after it.
    func role(_ i: Int) -> ColumnRole? {
      ColumnNames.role(ofName: TableImport.joinWrapped(cells[i].lines), map: map)
    }
    // The header starts a row, or follows only title cells in its row: never from the middle
    // of a row of names.
    func startsHeader(_ i: Int) -> Bool {
      var k = i
      while k > 0 && !cells[k].afterBlank {
        k -= 1
        if role(k) != nil { return false }
      }
      return true
    }
    if let first = cells.indices.prefix(40).first(where: { i in
      guard let r = role(i), i + 1 < cells.count, role(i + 1) != nil, startsHeader(i) else { return false }
      var j = i + 1
      while j < cells.count, let rj = role(j) {
        if rj == r && r != .category { return false }
        j += 1
      }
      return true
    }), first > 0 {
      preamble += cells[..<first].map { TableImport.joinWrapped($0.lines) }.filter { !$0.isEmpty }
      cells.removeFirst(first)
      cells[0].afterBlank = true
    }
    var rows: [GridRow] = []
    var current: [GridCell] = []
    var width = Int.max
    for cell in cells {
      let text = TableImport.joinWrapped(cell.lines)
      let isNumber = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
      // The header (the first row) ends at its first blank line; later rows start at a number
      // cell, or once the row is as wide as the header.
      // A section heading or a note after a blank line starts a row of its own too.
      let own = CellPerLine.isSection(text) || CellPerLine.isNote(text)
      if cell.afterBlank && !current.isEmpty && (isNumber || own || current.count >= width || rows.isEmpty) {
        rows.append(GridRow(current, place: current[0].place))
        if rows.count == 1 { width = current.count }
        current = []
      }
      current.append(GridCell(cell.lines.joined(separator: "\n"), place: .line(cell.line)))
    }
    if !current.isEmpty { rows.append(GridRow(current, place: current[0].place)) }
    return TableGrid(rows: rows, preamble: preamble, format: .wordFlattened, trailing: trailing)
  }
}

/// Seed 004's layout, and a paste from Word or a spreadsheet: one row a line, cells
/// separated by tabs; a cell the spreadsheet quoted may hold line breaks and tabs. Lines
/// without a tab before the table are its title.
enum TabSeparated {
  static func grid(_ lines: [String]) -> TableGrid {
    var preamble: [String] = []
    var rows: [GridRow] = []
    for record in CSVTable.records(lines.joined(separator: "\n"), separator: "\t") {
      if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
      if rows.isEmpty && record.fields.count == 1 {
        preamble.append(record.fields[0].trimmingSpaces)
        continue
      }
      rows.append(GridRow(record.fields.map { GridCell($0, place: .line(record.line)) }, place: .line(record.line)))
    }
    return TableGrid(rows: rows, preamble: preamble, format: .tabSeparated)
  }
}

/// LibreOffice's text export of a document: one cell a line, nothing between rows, an empty
/// line for an empty cell and for a cell a merge covers. Nothing in it says where a row
/// ends, so rows are cut only where they can be told for certain: the rows' numbers (a 序号
/// cell, or the measures' own 1. or （1）) stand one row width apart all through, which holds
/// only when every cell of every row is one line; a section heading between rows adds its
/// line. The header is the run of lines that name columns, as many as the row's cells or a
/// few fewer (a header cell over two columns). Anything else is refused: a cell of two
/// paragraphs, a header broken over lines, a table without numbers.
enum CellPerLine {
  typealias Line = (text: String, line: Int)

  /// The table, nil when no run of lines names columns (the text is no table); throws when
  /// it is one but its rows cannot be told for certain.
  static func grid(_ lines: [String], map: [(header: String, field: ImportField)] = [], file: String)
    throws(ImportError) -> TableGrid?
  {
    var all: [Line] = lines.enumerated().map { (text: $0.element.trimmingSpaces, line: $0.offset + 1) }
    while let last = all.last, last.text.isEmpty { all.removeLast() }
    func isName(_ t: String) -> Bool { ColumnNames.role(ofName: t, map: map) != nil }
    // The header: the first run of at least two column names.
    var start = 0
    var names = 0
    var k = 0
    while k < all.count && k < 200 {
      var j = k
      while j < all.count, isName(all[j].text) { j += 1 }
      if j - k >= 2 {
        start = k
        names = j - k
        break
      }
      k = j + 1
    }
    guard names >= 2 else { return nil }
    let refused = ImportError(.ambiguousTextExport, file: file, place: .line(all[start].line))
    // A name just above the run: the header's cells were broken over lines.
    if all[max(0, start - 6)..<start].contains(where: { isName($0.text) }) { throw refused }
    let preamble = all[..<start].map(\.text).filter { !$0.isEmpty }
    let header = Array(all[start..<(start + names)])
    var body = Array(all[(start + names)...])
    var rows = [GridRow(header.map { GridCell($0.text, place: .line($0.line)) }, place: .line(header[0].line))]
    var headerNames = header.map(\.text)
    // A second header row (牵头单位 | 配合单位 under 责任单位): empty lines for the cells
    // merged from above, then the names; the merged header cell made the first row one cell
    // short for each name after the first.
    if let j = body.prefix(names + 3).firstIndex(where: { isName($0.text) }),
      body[..<j].allSatisfy({ $0.text.isEmpty })
    {
      var run = 0
      while j + run < body.count, isName(body[j + run].text) { run += 1 }
      let w = names + run - 1
      if run >= 2, w <= body.count, body[(j + run)..<w].allSatisfy({ $0.text.isEmpty }) {
        rows.append(GridRow(body[..<w].map { GridCell($0.text, place: .line($0.line)) }, place: .line(body[0].line)))
        headerNames = body[..<w].map(\.text)
        body.removeFirst(w)
      }
    }
    let idColumn = headerNames.firstIndex { ColumnNames.role(ofName: $0, map: map) == .id }
    // Names the vocabulary lacks after the run (计划办结): with a 序号 first, the first row
    // starts at the first number, so the short lines before it are the header's too.
    if rows.count == 1, idColumn == 0, let first = body.firstIndex(where: { ItemNumbers.plainNumber($0.text) != nil }),
      first <= 6,
      body[..<first].allSatisfy({
        !$0.text.isEmpty && $0.text.count <= 12 && !$0.text.contains(where: { "，。；,;".contains($0) })
      })
    {
      rows[0].cells += body[..<first].map { GridCell($0.text, place: .line($0.line)) }
      headerNames += body[..<first].map(\.text)
      body.removeFirst(first)
    }
    let width = headerNames.count
    let readings: [(Line) -> Int?] = [
      { ItemNumbers.plainNumber($0.text).flatMap { Int($0) } },
      { ItemNumbers.measureNumber($0.text).0.flatMap { Int($0) } },
    ]
    for (n, number) in readings.enumerated() {
      if let cut = rowsByNumbers(body, number: number, width: width, idColumn: n == 0 ? idColumn : nil) {
        for r in cut.rows {
          rows.append(GridRow(r.map { GridCell($0.text, place: .line($0.line)) }, place: .line(r[0].line)))
        }
        return TableGrid(
          rows: rows, preamble: preamble, format: .cellPerLine,
          notes: [.rowsByNumbers(columns: cut.width, rows: cut.count)], trailing: cut.trailing.map(\.text))
      }
    }
    throw refused
  }

  /// The body cut into rows at its numbers, or nil when the numbers do not stand one row
  /// width apart all through.
  static func rowsByNumbers(_ body: [Line], number: (Line) -> Int?, width least: Int, idColumn: Int?) -> (
    rows: [[Line]], width: Int, count: Int, trailing: [Line]
  )? {
    let at = body.indices.filter { number(body[$0]) != nil }
    guard at.count >= 2 else { return nil }
    // Each number is the one before plus one, the same again, or a new start at 1.
    var previous: Int? = nil
    for k in at {
      let v = number(body[k])!
      if let p = previous, v != p + 1, v != p, v != 1 { return nil }
      previous = v
    }
    let gaps = zip(at.dropFirst(), at).map { $0 - $1 }
    let w = gaps.min()!
    guard w >= max(least, 2), gaps.allSatisfy({ $0 == w || $0 == w + 1 }) else { return nil }
    let sections = gaps.contains(w + 1)
    // Where the number stands in its row: the 序号 column, else after the lines before it
    // (a section heading first, when the table has them between rows).
    var lead = 0
    if sections { while lead < at[0], isSection(body[lead].text) { lead += 1 } }
    let c = idColumn.flatMap { $0 < w ? $0 : nil } ?? (at[0] - lead)
    guard c >= 0, c < w, at[0] - c >= 0 else { return nil }
    var rows: [[Line]] = []
    // Lines before the first row: section headings only.
    for k in 0..<(at[0] - c) {
      if body[k].text.isEmpty { continue }
      guard isSection(body[k].text) else { return nil }
      rows.append([body[k]])
    }
    for (n, p) in at.enumerated() {
      let s = p - c
      guard s + w <= body.count else { return nil }
      rows.append(Array(body[s..<(s + w)]))
      if n + 1 < at.count && at[n + 1] - p == w + 1 {
        // The extra line between two rows is a section heading across the table.
        guard isSection(body[s + w].text) else { return nil }
        rows.append([body[s + w]])
      }
    }
    // After the last row: nothing, or notes under the table (注：…).
    let end = at.last! - c + w
    let rest = Array(body[end...])
    if let first = rest.first(where: { !$0.text.isEmpty }), !isNote(first.text) { return nil }
    return (rows, w, at.count, rest.filter { !$0.text.isEmpty })
  }

  /// "注：", "备注：", "说明：": a note under the table.
  static func isNote(_ text: String) -> Bool {
    ["注：", "注:", "备注", "说明：", "说明:"].contains { text.hasPrefix($0) }
  }

  /// "一、健全依法决策机制", "（二）…", "第三部分…": a section heading.
  static func isSection(_ text: String) -> Bool {
    let numerals = Set("一二三四五六七八九十")
    let t = Substring(text)
    if t.hasPrefix("第"), t.contains("部分") { return true }
    if t.first == "（" || t.first == "(" {
      let digits = t.dropFirst().prefix { numerals.contains($0) }
      return !digits.isEmpty && [")", "）"].contains(t.dropFirst(1 + digits.count).first)
    }
    let digits = t.prefix { numerals.contains($0) }
    return !digits.isEmpty && t.dropFirst(digits.count).first == "、"
  }
}
