import Model

/// A text file's table: decoded (UTF-8, else GB18030 as Excel and WPS write it in China, or
/// UTF-16 with a byte-order mark), then cut into rows and cells by its layout. The layouts
/// cannot say where a header is, so these readers ask the header vocabulary (`ColumnNames`)
/// where the cells stop being a title and start naming columns; the cell-per-line one also
/// works out the row width from the data. They decide nothing else.
enum TextTable {
  /// The grid of a text file: decoded (UTF-8, else GB18030 as Excel and WPS write it in
  /// China), then split by its layout.
  static func grid(_ bytes: [UInt8], file: String, csv: Bool = false) throws(ImportError) -> TableGrid {
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
      case .wordFlattened: grid = WordFlattened.grid(lines)
      case .tabSeparated: grid = TabSeparated.grid(lines)
      default: grid = CellPerLine.grid(lines)
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
  static func grid(_ lines: [String]) -> TableGrid {
    var preamble: [String] = []
    var cells: [(lines: [String], line: Int, afterBlank: Bool)] = []
    var sawBlank = true
    for (n, line) in lines.enumerated() {
      if line.hasPrefix("\t") {
        cells.append(([String(line.dropFirst())], n + 1, sawBlank))
        sawBlank = false
      } else if line.trimmingSpaces.isEmpty {
        sawBlank = true
      } else if cells.isEmpty {
        preamble.append(line.trimmingSpaces)
      } else {
        cells[cells.count - 1].lines.append(line)
        sawBlank = false
      }
    }
    // Title lines Word wrote as cells too ("\t附件", "\t…分工表") come before the run of
    // cells that name columns: they are the preamble. A title that reads like a name
    // ("工作任务分工") is told by its role coming again in the run after it.
    func role(_ i: Int) -> ColumnRole? { ColumnNames.role(ofName: TableImport.joinWrapped(cells[i].lines)) }
    if let first = cells.indices.prefix(40).first(where: { i in
      guard let r = role(i), i + 1 < cells.count, role(i + 1) != nil else { return false }
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
      if cell.afterBlank && !current.isEmpty && (isNumber || current.count >= width || rows.isEmpty) {
        rows.append(GridRow(current, place: current[0].place))
        if rows.count == 1 { width = current.count }
        current = []
      }
      current.append(GridCell(cell.lines.joined(separator: "\n"), place: .line(cell.line)))
    }
    if !current.isEmpty { rows.append(GridRow(current, place: current[0].place)) }
    return TableGrid(rows: rows, preamble: preamble, format: .wordFlattened)
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
/// line for an empty cell and for a cell a merge covers. The header's cells are the run of
/// lines that name columns; the row width is the one under which each column's cells are
/// most alike (numbers with numbers, long texts with long texts), since a header cell may
/// span several columns.
enum CellPerLine {
  static func grid(_ lines: [String]) -> TableGrid {
    var all = lines.enumerated().map { (text: $0.element.trimmingSpaces, line: $0.offset + 1) }
    while let last = all.last, last.text.isEmpty { all.removeLast() }
    // The header: the first run of at least two column names.
    var start = 0
    var names = 0
    var k = 0
    while k < all.count && k < 200 {
      var j = k
      while j < all.count, ColumnNames.role(ofName: all[j].text) != nil { j += 1 }
      if j - k >= 2 {
        start = k
        names = j - k
        break
      }
      k = j + 1
    }
    guard names >= 2 else {
      let rows = all.filter { !$0.text.isEmpty }.map {
        GridRow([GridCell($0.text, place: .line($0.line))], place: .line($0.line))
      }
      return TableGrid(rows: rows, format: .cellPerLine)
    }
    let preamble = all[..<start].map(\.text).filter { !$0.isEmpty }
    let header = Array(all[start..<(start + names)])
    var body = Array(all[(start + names)...])
    var rows = [GridRow(header.map { GridCell($0.text, place: .line($0.line)) }, place: .line(header[0].line))]
    var least = names
    // A second header row (牵头单位 | 配合单位 under 责任单位): empty lines for the cells
    // merged from above, then the names; the merged header cell made the first row one cell
    // short for each name after the first.
    if let j = body.prefix(names + 3).firstIndex(where: { ColumnNames.role(ofName: $0.text) != nil }),
      body[..<j].allSatisfy({ $0.text.isEmpty })
    {
      var run = 0
      while j + run < body.count, ColumnNames.role(ofName: body[j + run].text) != nil { run += 1 }
      let w = names + run - 1
      if run >= 2, w <= body.count, body[(j + run)..<w].allSatisfy({ $0.text.isEmpty }) {
        rows.append(GridRow(body[..<w].map { GridCell($0.text, place: .line($0.line)) }, place: .line(body[0].line)))
        body.removeFirst(w)
        least = w
      }
    }
    // Splitting columns further only makes them look more alike, so a wider row must be
    // clearly better to be taken. Rows of one section heading ("一、…", merged across the
    // table and so written once) are tried too, and kept when they make the columns fit.
    var best: (score: Double, width: Int, rows: [ArraySlice<(text: String, line: Int)>]) = (-9, least, [])
    for sections in [false, true] {
      for w in least...(least + 3) {
        let chunks = chunk(body, width: w, sections: sections)
        let score = homogeneity(chunks.map { $0.map(\.text) }, width: w) - (sections ? 0.05 : 0)
        if score > best.score + 0.08 || (best.rows.isEmpty) { best = (score, w, chunks) }
      }
    }
    for c in best.rows {
      rows.append(GridRow(c.map { GridCell($0.text, place: .line($0.line)) }, place: .line(c.first!.line)))
    }
    let notes: [TableGuess] = best.width != names ? [.widthFromData(columns: best.width)] : []
    return TableGrid(rows: rows, preamble: preamble, format: .cellPerLine, notes: notes)
  }

  /// The lines as rows of `width` cells; with `sections`, a line such as "一、…" at the start
  /// of a row is a row by itself.
  static func chunk(_ lines: [(text: String, line: Int)], width: Int, sections: Bool) -> [ArraySlice<
    (text: String, line: Int)
  >] {
    var out: [ArraySlice<(text: String, line: Int)>] = []
    var i = 0
    while i < lines.count {
      if sections && isSection(lines[i].text) {
        out.append(lines[i..<(i + 1)])
        i += 1
        continue
      }
      out.append(lines[i..<min(i + width, lines.count)])
      i += width
    }
    return out
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

  /// How alike each column's cells are under a row width: the share of cells that are of
  /// their column's commonest kind (a number, a short text, a long one), less a penalty when
  /// the rows do not come out whole. Rows of one cell (section headings) are left out.
  static func homogeneity(_ rows: [[String]], width: Int) -> Double {
    guard width > 0, !rows.isEmpty else { return 0 }
    var same = 0
    var all = 0
    for c in 0..<width {
      var kinds = [0, 0, 0]
      for r in rows where r.count > 1 && c < r.count && !r[c].isEmpty {
        kinds[ItemNumbers.plainNumber(r[c]) != nil ? 0 : r[c].count > 30 ? 1 : 2] += 1
      }
      same += kinds.max()!
      all += kinds.reduce(0, +)
    }
    let ragged = rows.contains { $0.count > 1 && $0.count < width } ? 0.3 : 0.0
    return (all == 0 ? 0 : Double(same) / Double(all)) - ragged
  }
}
