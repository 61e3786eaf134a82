import TestSupport
import Testing

@testable import Model

/// The trim that looks at a string's bytes for printable ASCII ends against the plain trim,
/// scalar by scalar.
@Suite("Trimming spaces")
struct TrimmingTests {
  /// White space off both ends, as `Unicode.Scalar.Properties.isWhitespace` says.
  static func plain(_ s: some StringProtocol) -> String {
    var scalars = Array(s.unicodeScalars)
    while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
    while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }

  @Test("trims what the plain trim trims, from strings and substrings, with or without ASCII ends")
  func againstPlainTrim() {
    let pieces = [
      "a", "1", "~", " ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{2028}", "法", "制", "（", "é", "e\u{301}",
      "\u{7F}",
      "",
    ]
    var rng = SplitMix64(state: 17)
    for _ in 0..<20_000 {
      let s = (0..<rng.below(7)).map { _ in pieces[rng.below(pieces.count)] }.joined()
      #expect(s.trimmingSpaces == TrimmingTests.plain(s), "\(s.debugDescription)")
      let sub = ("x" + s + "y").dropFirst().dropLast()
      #expect(sub.trimmingSpaces == TrimmingTests.plain(sub), "\(s.debugDescription)")
    }
  }
}
