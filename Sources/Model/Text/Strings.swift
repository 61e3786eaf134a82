/// Small string helpers the whole program shares.
extension StringProtocol {
  /// Trims ASCII and Unicode white space, including the ideographic space.
  public var trimmingSpaces: String {
    // Printable ASCII at both ends (an id, a status, a date): nothing to trim.
    // (No copy when this is a `String`; a substring is copied here or below.)
    let whole = String(self)
    if let first = whole.utf8.first, let last = whole.utf8.last, (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(last)
    {
      return whole
    }
    let scalars = self.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    // Nothing to trim (the usual case): no copy through the scalar view.
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return whole }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

extension JournalEntry {
  /// When, to the minute, as people read it: "2019-09-19 09:05".
  public var minute: String { String(at.prefix(16)).replacing("T", with: " ") }
}
