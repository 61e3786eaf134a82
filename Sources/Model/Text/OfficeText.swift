/// Text as it goes into a file people open in Excel, WPS or Word.
extension String {
  /// A cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a
  /// carriage return gets a leading `'`, as OWASP recommends against formula injection
  /// (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). A literal apostrophe survives a save as CSV,
  /// which Excel's own quote prefix would not. Control characters other than line breaks and
  /// tabs become visible symbols, as on a terminal (`inert`): XML cannot carry them.
  public var spreadsheetCell: String {
    let text = officeText
    guard let first = unicodeScalars.first, String.formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// What a person typed back into a cell that `spreadsheetCell` wrote: its leading `'`
  /// dropped when it was the one added (the store keeps its own text as it was).
  public var unneutralised: String {
    guard hasPrefix("'"), let second = unicodeScalars.dropFirst().first, String.formulaStarts.contains(second) else {
      return self
    }
    return String(dropFirst())
  }

  /// The marks a spreadsheet reads as the start of a formula.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// Text for a document: line breaks (`\n`, a CRLF read as one) and tabs kept, every other
  /// control character (and the bidi controls) shown as the terminal shows them.
  public var officeText: String {
    var needs = false
    for u in unicodeScalars where u != "\n" && u != "\t" && String.isHostile(u) {
      needs = true
      break
    }
    guard needs || contains("\r\n") else { return self }
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar = " "
    for u in unicodeScalars {
      defer { previous = u }
      if u == "\n" && previous == "\r" { continue }
      if u == "\n" || u == "\t" {
        out.append(u)
      } else if u == "\r" {
        out.append("\n")
      } else if String.isHostile(u) {
        out.append(contentsOf: String(u).inert.unicodeScalars)
      } else {
        out.append(u)
      }
    }
    return String(out)
  }
}
