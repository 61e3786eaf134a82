/// A table of a report, in words: its heading, its columns, its rows and how each row is
/// marked. The Word report, the Markdown and text renderings and the roll-up's workbook all
/// lay out this one value, so that they say the same.
public struct ReportTable: Sendable {
  public let heading: String
  public let columns: [ReportColumn]
  public let rows: [ReportRow]
  /// What to say instead of an empty table.
  public let empty: String

  public init(heading: String, columns: [ReportColumn], rows: [ReportRow], empty: String) {
    self.heading = heading
    self.columns = columns
    self.rows = rows
    self.empty = empty
  }
}

public struct ReportColumn: Sendable {
  public let name: String
  /// The column's share of the page's width, against the others'.
  public let weight: Int
  /// Figures: right-aligned.
  public let numeric: Bool

  public init(_ name: String, weight: Int, numeric: Bool = false) {
    self.name = name
    self.weight = weight
    self.numeric = numeric
  }
}

public struct ReportRow: Sendable {
  public let cells: [String]
  public let mark: ReportMark?

  public init(_ cells: [String], mark: ReportMark? = nil) {
    self.cells = cells
    self.mark = mark
  }
}

/// What a row's colour says (and its words say too).
public enum ReportMark: Sendable, Equatable {
  case overdue, done, dueSoon, short, total
}
