/// Turns an allocation table exported from Word into tasks. The text comes in more than one
/// shape; each shape is first read into rows of cells (a cell keeps its lines), and one
/// interpretation step (`Interpreter`) then finds the columns by header name, fills merged
/// cells and splits packed measures.
public enum TableImport {
  /// A cell as it stood in the source: its lines, and the line it started on.
  struct Cell {
    var lines: [String]
    var line: Int
    var isEmpty: Bool { lines.allSatisfy { $0.trimmingSpaces.isEmpty } }
    var joinedText: String { TableImport.joinWrapped(lines) }
  }

  struct Row {
    var cells: [Cell]
    var line: Int
    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
  }

  /// Which layout a file was read as.
  public enum Shape: String, Sendable {
    /// Seed 000: each cell on its own tab-led line, rows after blank lines.
    case wordFlattened = "word-flattened"
    /// Seed 004: one row per line, cells separated by tabs.
    case tabSeparated = "tab-separated"
  }

  public static func read(_ bytes: [UInt8], file: String) throws(StoreError) -> ImportResult {
    if let bad = firstInvalidUTF8(bytes) {
      let line = 1 + bytes[..<bad.offset].filter { $0 == 0x0A }.count
      throw StoreError(.badData, bad.isNUL ? .nulByte : .tableNotUTF8, file: file, line: line, column: 1)
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.lines
    let shape = detect(lines)
    let (preamble, rows) =
      switch shape {
      case .wordFlattened: try WordFlattened.rows(lines, file: file)
      case .tabSeparated: TabSeparated.rows(lines)
      }
    return try Interpreter(file: file, shape: shape, preamble: preamble).interpret(rows)
  }

  /// Tab-separated when most lines holding a tab hold several; Word-flattened when a tab only
  /// ever leads a line.
  static func detect(_ lines: [String]) -> Shape {
    var single = 0
    var several = 0
    for l in lines {
      let tabs = l.reduce(0) { $0 + ($1 == "\t" ? 1 : 0) }
      if tabs >= 2 { several += 1 } else if tabs == 1 && l.hasPrefix("\t") { single += 1 }
    }
    return several > single ? .tabSeparated : .wordFlattened
  }

  /// Joins the lines Word wrapped a cell into: no space between CJK text, one between words.
  static func joinWrapped(_ lines: [String]) -> String {
    var out = ""
    for l in lines {
      let t = l.trimmingSpaces
      if t.isEmpty { continue }
      if let a = out.unicodeScalars.last, let b = t.unicodeScalars.first,
        a.isASCII && b.isASCII && a.properties.isAlphabetic && b.properties.isAlphabetic
      {
        out += " "
      }
      out += t
    }
    return out
  }
}

extension String {
  /// Lines split at LF or CRLF. (In Swift "\r\n" is one Character, so splitting at "\n"
  /// alone would miss every CRLF line.)
  var lines: [String] {
    var out: [String] = []
    var current = String.UnicodeScalarView()
    var lastWasCR = false
    for u in unicodeScalars {
      if u == "\n" {
        out.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        if lastWasCR { current.append("\r") }
        if u != "\r" { current.append(u) }
      }
      lastWasCR = u == "\r"
    }
    if lastWasCR { current.append("\r") }
    out.append(String(current))
    return out
  }
}

/// What an import produced, and the report a person reads before trusting it.
public struct ImportResult: Sendable {
  public var shape: TableImport.Shape
  public var title: String
  /// The other lines above the table (a subtitle such as who leads the work).
  public var note: String
  /// Text above the table, kept so that nothing is lost.
  public var preamble: [String]
  public var groups: [String]
  /// Tasks in table order; columns the importer does not know are in each task's `extras`.
  public var tasks: [PlanTask]
  /// Names of the columns it does not know, in source order; kept as extra store columns.
  public var extraColumns: [String]
  /// What a person should check: the guesses made while reading the table.
  public var guesses: [ImportGuess]
  public var unreadDeadlines: [(id: String, text: String)]
  public var departments: [String]
}

/// What the importer decided on its own, as data; each reader's words phrase it.
public enum ImportGuess: Sendable, Hashable {
  /// Several measures in one row whose other cells do not all have as many parts.
  case packedRow(line: Int, measures: Int)
  /// A row without a number (`duplicate` nil), or a number used twice: the id given instead.
  case derivedID(line: Int, id: String, duplicate: String?)
  /// "各县(市)区政府" written with the full-width brackets.
  case bracketsUnified(line: Int, from: String, to: String)
  /// Names run together, split by the table's own names (or by their unit endings).
  case namesSplit(line: Int, text: String, parts: [String], byEndings: Bool)
  /// Rows wider than the header: a header cell Word merged is taken as spanning columns.
  case headerSpans(rowCells: Int, headerNames: Int, name: String, columns: Int)
}

/// Seed 000's layout: a cell starts on a line that begins with a tab; a line without a
/// leading tab continues the cell above; a row starts at a number cell after a blank line
/// (or, for a row without a number, at any cell after a blank line once the row is full).
enum WordFlattened {
  static func rows(_ lines: [String], file: String) throws(StoreError) -> ([String], [TableImport.Row]) {
    var preamble: [String] = []
    var cells: [(cell: TableImport.Cell, afterBlank: Bool)] = []
    var sawBlank = true
    for (n, line) in lines.enumerated() {
      if line.hasPrefix("\t") {
        cells.append((TableImport.Cell(lines: [String(line.dropFirst())], line: n + 1), sawBlank))
        sawBlank = false
      } else if line.trimmingSpaces.isEmpty {
        sawBlank = true
      } else if cells.isEmpty {
        preamble.append(line.trimmingSpaces)
      } else {
        cells[cells.count - 1].cell.lines.append(line)
        sawBlank = false
      }
    }
    guard !cells.isEmpty else {
      throw StoreError(.badData, .noTable, file: file, line: 1, column: 1)
    }
    var rows: [TableImport.Row] = []
    var current: [TableImport.Cell] = []
    var width = Int.max
    for (cell, afterBlank) in cells {
      let text = cell.joinedText
      let isNumber = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
      if afterBlank && !current.isEmpty && (isNumber || current.count >= width) {
        rows.append(TableImport.Row(cells: current, line: current[0].line))
        if rows.count == 1 { width = current.count }
        current = []
      }
      current.append(cell)
    }
    if !current.isEmpty { rows.append(TableImport.Row(cells: current, line: current[0].line)) }
    return (preamble, rows)
  }
}

/// Seed 004's layout: one row a line, cells separated by tabs. Lines without a tab before
/// the table are its title.
enum TabSeparated {
  static func rows(_ lines: [String]) -> ([String], [TableImport.Row]) {
    var preamble: [String] = []
    var rows: [TableImport.Row] = []
    for (n, line) in lines.enumerated() {
      if line.trimmingSpaces.isEmpty { continue }
      if rows.isEmpty && !line.contains("\t") {
        preamble.append(line.trimmingSpaces)
        continue
      }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        TableImport.Cell(lines: [String($0)], line: n + 1)
      }
      rows.append(TableImport.Row(cells: cells, line: n + 1))
    }
    return (preamble, rows)
  }
}
