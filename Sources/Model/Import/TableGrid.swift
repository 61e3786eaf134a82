/// Everything a reader found in a file: each table (a document's tables, a workbook's
/// sheets, the one table of a text file) as a grid in the file's order, and what the reader
/// decided on its own. Which table is the allocation table is the interpreter's choice.
public struct SourceDocument: Sendable, Equatable {
  public var format: SourceFormat
  public var tables: [TableGrid]
  /// What the reader decided on its own (an encoding, a conversion).
  public var notes: [TableGuess]

  public init(format: SourceFormat, tables: [TableGrid], notes: [TableGuess] = []) {
    self.format = format
    self.tables = tables
    self.notes = notes
  }

  /// A document of one table, its notes the document's.
  public init(_ grid: TableGrid) {
    self.init(format: grid.format, tables: [grid], notes: grid.notes)
    tables[0].notes = []
  }
}

/// The one shape every reader produces and the interpreter reads: rows of cells, each cell
/// its text (line breaks kept as "\n") and how many rows and columns it covers. A cell that a
/// merge covers is not listed again (as in HTML), so a reader states a merge once and the
/// interpreter can tell a merged cell (the same value) from a blank one (a guess).
public struct TableGrid: Sendable, Equatable {
  public var rows: [GridRow]
  /// Every paragraph or line above the table, in order: the title's source (the interpreter
  /// picks it: `Interpreter.titleAndNote`).
  public var preamble: [String]
  public var format: SourceFormat
  /// What the reader decided on its own (an encoding, which table or sheet it took).
  public var notes: [TableGuess]
  /// A workbook's sheet name.
  public var sheet: String?
  /// The table directly continues the one before it, with the same columns: Word splits a
  /// table at a page break.
  public var continues: Bool
  /// The lines after the table, up to the next one: where notes under it are.
  public var trailing: [String]
  /// The file records merged cells (.docx, .xlsx, .html), so a blank cell is blank. In a text
  /// layout a blank cell may be a merge written once, and is filled only where the rows show it.
  public var mergesRecorded: Bool
  /// Read from a plan written as prose (numbered paragraphs), not from a table.
  public var prose: Bool

  public init(
    rows: [GridRow], preamble: [String] = [], format: SourceFormat, notes: [TableGuess] = [], sheet: String? = nil,
    continues: Bool = false, trailing: [String] = [], mergesRecorded: Bool? = nil, prose: Bool = false
  ) {
    self.prose = prose
    self.rows = rows
    self.preamble = preamble
    self.format = format
    self.notes = notes
    self.sheet = sheet
    self.continues = continues
    self.trailing = trailing
    self.mergesRecorded = mergesRecorded ?? [.docx, .xlsx, .html].contains(format)
  }
}

public struct GridRow: Sendable, Equatable {
  public var cells: [GridCell]
  public var place: SourcePlace

  public init(_ cells: [GridCell], place: SourcePlace) {
    self.cells = cells
    self.place = place
  }
}

public struct GridCell: Sendable, Equatable {
  public var text: String
  public var rowSpan: Int
  public var colSpan: Int
  public var place: SourcePlace

  public init(_ text: String, rowSpan: Int = 1, colSpan: Int = 1, place: SourcePlace) {
    self.text = text
    self.rowSpan = max(1, rowSpan)
    self.colSpan = max(1, colSpan)
    self.place = place
  }
}

/// Where something is in the source, as the person who has the file would look for it.
public enum SourcePlace: Sendable, Hashable {
  /// A line of a text file (1-based).
  case line(Int)
  /// A paragraph of a document (1-based, counting the paragraphs outside its tables).
  case paragraph(Int)
  /// A cell of a sheet or a table: row and column 1-based (column 0: the whole row);
  /// `table` counts a document's tables.
  case cell(sheet: String?, table: Int?, row: Int, column: Int)

  /// The row's number as `--header-row` takes it: the line, or the sheet's row.
  public var rowNumber: Int {
    switch self {
    case .line(let n), .paragraph(let n): n
    case .cell(_, _, let r, _): r
    }
  }

  /// "B7" for column 2, row 7.
  public static func columnLetters(_ column: Int) -> String {
    var n = column
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(Character(Unicode.Scalar(UInt8(65 + r)))) + s
      n = (n - 1) / 26
    }
    return s
  }
}

/// The kinds of file the importer reads.
public enum SourceFormat: String, Sendable, Equatable {
  case docx
  case xlsx
  case html
  case csv
  /// Seed 000: each cell on its own tab-led line, rows after blank lines.
  case wordFlattened = "word-flattened"
  /// Seed 004, or a paste from Word or a spreadsheet: one row a line, cells between tabs.
  case tabSeparated = "tab-separated"
  /// LibreOffice's "text" export of a document: one cell a line, nothing between rows.
  case cellPerLine = "cell-per-line"
  /// Text that is no table: a plan written as prose.
  case plainText = "text"
}

/// One slot of the grid laid out in rows and columns.
struct Slot: Sendable {
  enum Cover: Sendable, Equatable {
    /// The cell itself.
    case origin
    /// Covered by a merge from the cell above (its text repeated here).
    case above
    /// Covered by a merge from the cell to the left.
    case left
  }
  var text: String
  var cover: Cover
  var place: SourcePlace
  var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
  var isEmpty: Bool { text.trimmingSpaces.isEmpty }
}

extension TableGrid {
  /// The table as rows of slots: merges laid out as in HTML (a cell takes the first free
  /// column of its row), each covered slot carrying the merged cell's text. Rows keep their
  /// own width (text layouts are ragged); spans never reach past `maxSpan` rows or columns,
  /// so a hostile span cannot make the table huge.
  func slots(maxSpan: Int = 1000) -> [(place: SourcePlace, slots: [Slot])] {
    var out: [(place: SourcePlace, slots: [Slot])] = []
    // Slots promised to later rows by a row span: row -> column -> slot.
    var pending: [Int: [Int: Slot]] = [:]
    for (r, row) in rows.enumerated() {
      var line: [Slot?] = []
      if let p = pending.removeValue(forKey: r) {
        for (c, s) in p {
          while line.count <= c { line.append(nil) }
          line[c] = s
        }
      }
      var c = 0
      for cell in row.cells {
        while c < line.count, line[c] != nil { c += 1 }
        let cs = min(cell.colSpan, maxSpan)
        let rs = min(cell.rowSpan, maxSpan, rows.count - r)
        for k in 0..<cs {
          while line.count <= c + k { line.append(nil) }
          line[c + k] = Slot(text: cell.text, cover: k == 0 ? .origin : .left, place: cell.place)
        }
        if rs > 1 {
          for dr in 1..<rs {
            for k in 0..<cs {
              pending[r + dr, default: [:]][c + k] = Slot(
                text: cell.text, cover: k == 0 ? .above : .left, place: cell.place)
            }
          }
        }
        c += cs
      }
      let filled = line.map { $0 ?? Slot(text: "", cover: .origin, place: row.place) }
      out.append((row.place, filled))
    }
    return out
  }
}
