/// What the Words tables' import-report members (Sources/Model/Text) still name: the old
/// importer's layouts and guesses. The import now reports through
/// Sources/CLI/ImportWords.swift with `SourceFormat` and `TableGuess`; these stay only until
/// those sentences move into the tables, and nothing in the import produces them.
extension TableImport {
  public enum Shape: String, Sendable {
    /// Seed 000: each cell on its own tab-led line, rows after blank lines.
    case wordFlattened = "word-flattened"
    /// Seed 004: one row per line, cells separated by tabs.
    case tabSeparated = "tab-separated"
  }
}

/// The old importer's guesses, as the Words tables phrase them (see above).
public enum ImportGuess: Sendable, Hashable {
  case packedRow(line: Int, measures: Int)
  case derivedID(line: Int, id: String, duplicate: String?)
  case bracketsUnified(line: Int, from: String, to: String)
  case namesSplit(line: Int, text: String, parts: [String], byEndings: Bool)
  case headerSpans(rowCells: Int, headerNames: Int, name: String, columns: Int)
}
