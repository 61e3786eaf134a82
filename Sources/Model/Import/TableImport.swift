/// Turns an allocation table into tasks. Each kind of file is first read into a
/// `SourceDocument` (its tables as grids of cells) by the readers (Sources/Readers); one
/// interpreter (`Interpreter`) then chooses the table and finds the header, the columns'
/// roles, merged and blank cells, numbers and departments, the same for every format.
public enum TableImport {
  /// Interprets what a reader found.
  public static func interpret(_ doc: SourceDocument, file: String, options: ImportOptions = ImportOptions())
    throws(ImportError) -> ImportResult
  {
    let grid = try Interpreter.chooseTable(doc, file: file)
    return try Interpreter(file: file, grid: grid, options: options).interpret()
  }

  /// Interprets one grid, as a document holding only it.
  public static func interpret(_ grid: TableGrid, file: String, options: ImportOptions = ImportOptions())
    throws(ImportError) -> ImportResult
  {
    try interpret(SourceDocument(grid), file: file, options: options)
  }

  /// Joins the lines Word wrapped a cell into: no space between CJK text, one between words.
  public static func joinWrapped(_ lines: [String]) -> String {
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

/// What the user told the importer.
public struct ImportOptions: Sendable {
  /// The header's row: the line of a text file, or the row of a sheet or table.
  public var headerRow: Int?
  /// Header name → field, overriding what the importer would choose.
  public var map: [(header: String, field: ImportField)]
  /// `--year`: the plan's year, whatever the table says.
  public var year: Int?

  public init(headerRow: Int? = nil, map: [(header: String, field: ImportField)] = [], year: Int? = nil) {
    self.headerRow = headerRow
    self.map = map
    self.year = year
  }
}

extension String {
  /// Lines split at LF or CRLF. (In Swift "\r\n" is one Character, so splitting at "\n"
  /// alone would miss every CRLF line.)
  public var lines: [String] {
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
