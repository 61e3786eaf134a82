import TestSupport
import Testing

@testable import Model

/// The measures matrix's rows by (id, text) in one probe, against the plain rule: a scan of
/// every row of the id comparing `String`s (canonical equivalence).
@Suite("The measures matrix's keys")
struct MeasureKeysTests {
  /// Texts that are equal as bytes, equal only as `String`s (é composed or not, a
  /// compatibility ideograph and the one it stands for), or plain CJK that differs in a byte;
  /// some kept as the file's bytes, some as strings.
  static func text(_ rng: inout SplitMix64) -> CellText {
    let pieces = [
      "法制科", "建立联络员制度。", "“三项制度”", "e\u{301}", "\u{E9}", "\u{F900}", "\u{8C48}", "a", "—", "，", "ｱ", "ｶﾞ",
    ]
    let s = (0..<(1 + rng.below(3))).map { _ in pieces[rng.below(pieces.count)] }.joined()
    if rng.chance(50) { return CellText(s) }
    let bytes = Array(("x" + s + "y").utf8)
    return CellText(bytes, 1, bytes.count - 1)
  }

  @Test("the same rows, numbered in the same order, as scanning the id's texts as strings")
  func againstScan() {
    var rng = SplitMix64(state: 23)
    for _ in 0..<200 {
      var keys = MeasureKeys()
      var reference: [(id: String, text: String)] = []
      for _ in 0..<rng.below(300) {
        let id = String(1 + rng.below(4))
        let t = MeasureKeysTests.text(&rng)
        let s = t.string
        let want = reference.firstIndex { $0.id == id && $0.text == s }
        let got = keys.row(id: id, text: t)
        if let want {
          #expect(got.row == want && !got.isNew, "\(id) \(s.debugDescription)")
        } else {
          reference.append((id, s))
          #expect(got.row == reference.count - 1 && got.isNew, "\(id) \(s.debugDescription)")
        }
      }
    }
  }

  @Test("plain text is the blocks a plan is written in; anything that can combine or decompose is not")
  func plain() {
    func plain(_ s: String) -> Bool {
      var c = s
      return c.withUTF8(MeasureKeys.isPlain)
    }
    #expect(plain("拟订行政执法三项制度全面推行实施方案，提请区局审议。“三项制度”—…（一）ＡＢ１ abc 123"))
    for s in ["e\u{301}", "\u{E9}", "\u{F900}", "ｶﾞ", "\u{2000}", "が", "한", "\u{200F}"] { #expect(!plain(s), "\(s)") }
  }
}
