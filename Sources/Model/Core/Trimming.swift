/// The trim every value read from a cell or typed by a user goes through (the domain's tokens,
/// the store's ids, the command line's names), below Domain so that Domain can use it.
extension StringProtocol {
  /// Trims ASCII and Unicode white space, including the ideographic space.
  public var trimmingSpaces: String {
    // Printable ASCII at both ends (an id, a status, a date): nothing to trim. Seen in the
    // string's own bytes: going to its last byte through the UTF-8 view cost as much again
    // as the rest, once per row of a large plan.
    let plain = utf8.withContiguousStorageIfAvailable { b in
      !b.isEmpty && (0x21...0x7E).contains(b[0]) && (0x21...0x7E).contains(b[b.count - 1])
    }
    if plain == true {
      return String(self)
    }
    let scalars = self.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    // Nothing to trim (the usual case): no copy through the scalar view.
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
