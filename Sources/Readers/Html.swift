import Model

/// A table saved from a web page: `rowspan`/`colspan`, `<br>` and `<p>` as line breaks
/// inside a cell, entities decoded by libxml2's HTML parser, a GB2312/GBK page read in its
/// declared charset. Every table is returned, those nested in a page's layout tables too.
enum Html {
  static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> SourceDocument {
    var notes: [TableGuess] = []
    var encoding: String? = nil
    if let declared = declaredCharset(bytes) {
      let d = declared.lowercased()
      if ["gb2312", "gbk", "gb18030", "x-gbk", "cp936"].contains(d) {
        encoding = "GB18030"
        notes.append(.encodingConverted(from: declared.uppercased()))
      } else if !["utf-8", "utf8"].contains(d) {
        guard TextEncoding.convert(Array("a".utf8), from: declared) != nil else {
          throw ImportError(.unknownEncoding(declared), file: file)
        }
        encoding = declared
        notes.append(.encodingConverted(from: declared))
      }
    } else if String(validating: bytes, as: UTF8.self) == nil {
      encoding = "GB18030"
      notes.append(.encodingConverted(from: "GB18030"))
    } else {
      encoding = "UTF-8"
    }
    guard let tree = try XMLTree(bytes, html: true, encoding: encoding, file: file), let root = tree.root else {
      throw ImportError(.noTable, file: file)
    }
    let tables = root.descendants("table", stop: []) + nested(root)
    // A plan written as prose: the page's paragraphs outside its tables.
    let prose = Prose.grid(paragraphs(root).enumerated().map { ($0.element, .paragraph($0.offset + 1)) }, format: .html)
    guard !tables.isEmpty || prose != nil else { throw ImportError(.noTable, file: file) }
    let grids = tables.enumerated().map { i, t in
      let (before, after) = around(root, t)
      return TableGrid(rows: tableRows(t, index: i + 1), preamble: before, format: .html, trailing: after)
    }
    return SourceDocument(format: .html, tables: grids + (prose.map { [$0] } ?? []), notes: notes)
  }

  /// The page's paragraphs and headings outside its tables, in order, a line each.
  static func paragraphs(_ root: XMLNode) -> [String] {
    var out: [String] = []
    // A block with no block inside: its lines (<br> breaks them) are paragraphs. Pages often
    // set their text in a layout table's cell, so cells are walked into too.
    func leaf(_ c: XMLNode) -> Bool {
      c.children.allSatisfy { !$0.isElement || !blocks.contains($0.name) || $0.name == "br" }
    }
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        switch c.name {
        case "script", "style", "head": continue
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "li":
          out += cellText(c).split(separator: "\n").map(String.init)
        case let name where ["div", "td", "th"].contains(name) && leaf(c):
          out += cellText(c).split(separator: "\n").map(String.init)
        default: walk(c)
        }
      }
    }
    walk(root)
    return out
  }

  /// Tables inside tables (a page's layout around the real one).
  static func nested(_ root: XMLNode) -> [XMLNode] {
    var out: [XMLNode] = []
    func walk(_ n: XMLNode, inside: Bool) {
      for c in n.children where c.isElement {
        if c.name == "table" {
          if inside { out.append(c) }
          walk(c, inside: true)
        } else {
          walk(c, inside: inside)
        }
      }
    }
    walk(root, inside: false)
    return out
  }

  /// `<meta charset="gb2312">` or `content="text/html; charset=gbk"` in the page's head.
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
    guard let r = head.firstRange(of: "charset=") else { return nil }
    var name = ""
    for ch in head[r.upperBound...] {
      if ch == "\"" || ch == "'" {
        if name.isEmpty { continue } else { break }
      }
      if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { name.append(ch) } else { break }
    }
    return name.isEmpty ? nil : name
  }

  /// The table's rows, each cell placed at the column it really stands in (cells spanning
  /// down from rows above take theirs first), so that a report names the right column.
  static func tableRows(_ table: XMLNode, index: Int) -> [GridRow] {
    var rows: [GridRow] = []
    // Row -> columns taken by cells spanning down into it.
    var taken: [Int: Set<Int>] = [:]
    for (r, tr) in table.descendants("tr", stop: ["table"]).enumerated() {
      var cells: [GridCell] = []
      var col = 1
      let busy = taken.removeValue(forKey: r) ?? []
      for td in tr.children where td.isElement && (td.name == "td" || td.name == "th") {
        while busy.contains(col) { col += 1 }
        let rs = min(max(1, Int(td.attribute("rowspan")?.trimmingSpaces ?? "") ?? 1), 1000)
        let cs = min(max(1, Int(td.attribute("colspan")?.trimmingSpaces ?? "") ?? 1), 1000)
        cells.append(
          GridCell(
            cellText(td), rowSpan: rs, colSpan: cs, place: .cell(sheet: nil, table: index, row: r + 1, column: col)))
        if rs > 1 {
          for dr in 1..<rs { for c in col..<(col + cs) { taken[r + dr, default: []].insert(c) } }
        }
        col += cs
      }
      rows.append(GridRow(cells, place: .cell(sheet: nil, table: index, row: r + 1, column: 0)))
    }
    return rows
  }

  static let blocks: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
  ]

  /// A cell's text: white space collapsed as a browser does, a line per block or `<br>`.
  static func cellText(_ node: XMLNode) -> String {
    var lines: [String] = []
    var current = ""
    func flush() {
      let t = current.trimmingSpaces
      if !t.isEmpty { lines.append(t) }
      current = ""
    }
    func walk(_ n: XMLNode) {
      for c in n.children {
        if c.isText {
          var last: Character = current.last ?? " "
          for ch in c.text {
            if ch.isWhitespace && ch != "\u{3000}" {
              if last != " " { current.append(" ") }
              last = " "
            } else {
              current.append(ch)
              last = ch
            }
          }
        } else if c.isElement {
          if c.name == "script" || c.name == "style" { continue }
          if c.name == "br" {
            flush()
            continue
          }
          let block = blocks.contains(c.name)
          if block { flush() }
          walk(c)
          if block { flush() }
        }
      }
    }
    walk(node)
    flush()
    return lines.joined(separator: "\n")
  }

  /// The headings and paragraphs around a table: those before it and its caption (the
  /// title's source), and those after it up to the next table (where notes under it are).
  static func around(_ root: XMLNode, _ table: XMLNode) -> (before: [String], after: [String]) {
    var before: [String] = []
    var after: [String] = []
    var passed = false
    var done = false
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement && !done {
        if c.ptr == table.ptr {
          passed = true
          continue
        }
        if passed && c.name == "table" {
          done = true
          return
        }
        let block = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "caption"].contains(c.name)
        if block || (passed && c.name == "div" && c.descendants("table").isEmpty) {
          let t = cellText(c).replacing("\n", with: " ")
          if t.isEmpty { continue }
          if passed { after.append(t) } else { before.append(t) }
        } else if c.name != "script" && c.name != "style" && c.name != "head" {
          walk(c)
        }
      }
    }
    walk(root)
    if let caption = table.first("caption") { before.append(cellText(caption).replacing("\n", with: " ")) }
    return (before, after)
  }

}
