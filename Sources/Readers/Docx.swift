import Model

/// A Word document's tables as grids, every one in order: `w:gridSpan` and `w:gridBefore`
/// give column spans, `w:vMerge` restart/continue gives row spans, each paragraph and `w:br`
/// a line of the cell; tracked insertions are kept and deletions dropped. The paragraphs
/// before a table are its preamble; a table right after another with the same columns is
/// marked as continuing it.
enum Docx {
  static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> SourceDocument {
    let zip = try ZipPackage(bytes, file: file)
    guard let xml = try zip.part("word/document.xml") else {
      throw ImportError(.missingPart("word/document.xml"), file: file)
    }
    guard let tree = try XMLTree(xml, html: false, file: file), let root = tree.root,
      let body = root.first("body")
    else { throw ImportError(.badXML("word/document.xml"), file: file) }
    // The body in order: paragraphs (as text) and tables, looking through content controls.
    var blocks: [Block] = []
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        switch c.name {
        case "p": blocks.append(.paragraph(paragraphText(c)))
        case "tbl": blocks.append(.table(c))
        case "sdt", "sdtContent", "customXml", "ins", "moveTo": walk(c)
        default: break
        }
      }
    }
    walk(body)
    var tables: [TableGrid] = []
    var lastColumns = -1
    // Every paragraph before a table is a candidate for its title (an information table may
    // stand between the title and the allocation table).
    var paragraphs: [String] = []
    var numbered: [Prose.Paragraph] = []
    var sinceTable = 0
    for b in blocks {
      switch b {
      case .paragraph(let t):
        if !t.trimmingSpaces.isEmpty {
          paragraphs.append(t.trimmingSpaces)
          numbered.append((t, .paragraph(paragraphs.count)))
          sinceTable += 1
          if !tables.isEmpty { tables[tables.count - 1].trailing.append(t.trimmingSpaces) }
        }
      case .table(let node):
        let (rows, columns) = tableRows(node, index: tables.count + 1)
        // A table that directly follows with the same columns continues the one before (Word
        // splits a table at a page break; a repeated header row there is skipped as any is).
        let continues = sinceTable == 0 && columns == lastColumns
        tables.append(TableGrid(rows: rows, preamble: paragraphs, format: .docx, continues: continues))
        lastColumns = columns
        sinceTable = 0
      }
    }
    // A plan written as prose: its numbered paragraphs, for when no table is the plan.
    if let prose = Prose.grid(numbered, format: .docx) { tables.append(prose) }
    guard !tables.isEmpty else { throw ImportError(.noTableInDocument, file: file) }
    return SourceDocument(format: .docx, tables: tables)
  }

  enum Block {
    case paragraph(String)
    case table(XMLNode)
  }

  /// A table's rows: each cell once, with its spans. A continued vertical merge adds a row
  /// to the cell that started it; a continuation with nothing above starts a cell of its own.
  static func tableRows(_ tbl: XMLNode, index: Int) -> ([GridRow], Int) {
    var rows: [GridRow] = []
    // Column -> (row index, cell index) of the open vertical merge.
    var open: [Int: (Int, Int)] = [:]
    var width = 0
    for (r, tr) in tbl.descendants("tr", stop: ["tbl"]).enumerated() {
      var cells: [GridCell] = []
      var col = 0
      if let before = tr.first("trPr")?.first("gridBefore")?.attribute("val").flatMap({ Int($0) }), before > 0 {
        let n = min(before, 1000)
        cells.append(GridCell("", colSpan: n, place: .cell(sheet: nil, table: index, row: r + 1, column: 1)))
        col += n
      }
      for tc in tr.descendants("tc", stop: ["tbl"]) {
        let pr = tc.first("tcPr")
        let span = min(max(1, pr?.first("gridSpan")?.attribute("val").flatMap { Int($0) } ?? 1), 1000)
        let vmerge = pr?.first("vMerge")
        let text = cellText(tc)
        if let vmerge, vmerge.attribute("val") != "restart", let (orow, ocell) = open[col],
          text.trimmingSpaces.isEmpty
        {
          rows[orow].cells[ocell].rowSpan += 1
        } else {
          let cell = GridCell(text, colSpan: span, place: .cell(sheet: nil, table: index, row: r + 1, column: col + 1))
          if vmerge != nil {
            open[col] = (r, cells.count)
          } else {
            open[col] = nil
          }
          cells.append(cell)
        }
        col += span
      }
      width = max(width, col)
      rows.append(GridRow(cells, place: .cell(sheet: nil, table: index, row: r + 1, column: 0)))
    }
    return (rows, width)
  }

  /// A cell's text: a line per paragraph (a nested table's cells too), `w:br` a line break.
  static func cellText(_ tc: XMLNode) -> String {
    var lines: [String] = []
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        switch c.name {
        case "p": lines.append(paragraphText(c))
        case "tcPr": break
        default: walk(c)
        }
      }
    }
    walk(tc)
    while let l = lines.last, l.trimmingSpaces.isEmpty { lines.removeLast() }
    while let f = lines.first, f.trimmingSpaces.isEmpty { lines.removeFirst() }
    return lines.joined(separator: "\n")
  }

  /// A paragraph's text: its runs' `w:t`, tabs as spaces, breaks as line breaks; deleted and
  /// moved-away text, field codes and drawings left out.
  static func paragraphText(_ p: XMLNode) -> String {
    var s = ""
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        switch c.name {
        case "t": s += c.allText
        case "tab", "ptab": s += " "
        case "br", "cr": s += "\n"
        case "noBreakHyphen": s += "-"
        case "del", "moveFrom", "delText", "instrText", "drawing", "pict", "AlternateContent", "pPr", "rPr",
          "object":
          break
        default: walk(c)
        }
      }
    }
    walk(p)
    return s
  }
}
