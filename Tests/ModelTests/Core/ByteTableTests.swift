import TestSupport
import Testing

@testable import Model

/// The one hash table of the fast paths against the standard library's `Dictionary` and `Set`.
@Suite("The byte table")
struct ByteTableTests {
  /// Keys made from pieces that collide, nest and differ only in a byte or in length.
  static func key(_ rng: inout SplitMix64) -> String {
    let pieces = ["法制科", "法制", "科", "a", "ab", "abcdefgh", "abcdefgi", "", "e\u{301}", "\u{E9}", "0"]
    return (0..<rng.below(4)).map { _ in pieces[rng.below(pieces.count)] }.joined()
  }

  @Test("finds what a [bytes: index] dictionary finds, and keeps the values in the order added")
  func againstDictionary() {
    var rng = SplitMix64(state: 3)
    for _ in 0..<100 {
      var table = ByteTable<String>()
      var reference: [[UInt8]: Int] = [:]
      var order: [String] = []
      for _ in 0..<rng.below(600) {
        let s = ByteTableTests.key(&rng)
        let bytes = Array(s.utf8)
        let got = bytes.withUnsafeBufferPointer { b in table.index(of: b) { s } }
        if let want = reference[bytes] {
          #expect(got == want, "\(s.debugDescription)")
        } else {
          reference[bytes] = order.count
          order.append(s)
          #expect(got == order.count - 1, "\(s.debugDescription)")
        }
        let probe = Array(ByteTableTests.key(&rng).utf8)
        #expect(probe.withUnsafeBufferPointer { table.index(of: $0) } == reference[probe])
      }
      #expect(table.values == order)
    }
  }

  @Test("the cache gives what making the value again gives, and stops caching a column that never repeats")
  func cache() {
    var cache = ByteCache<Int>()
    var made = 0
    for k in 0..<10_000 {
      let bytes = Array(String(k % 50).utf8)
      let v = bytes.withUnsafeBufferPointer { b in
        cache.value(for: b) {
          made += 1
          return k % 50
        }
      }
      #expect(v == k % 50)
    }
    #expect(made == 50)
    var unique = ByteCache<Int>()
    for k in 0..<10_000 {
      let bytes = Array(String(k).utf8)
      #expect(bytes.withUnsafeBufferPointer { b in unique.value(for: b) { k } } == k)
    }
    // Stopped caching: "1" (seen at the start) is made again.
    var again = 0
    _ = Array("1".utf8).withUnsafeBufferPointer { b in
      unique.value(for: b) {
        again += 1
        return 1
      }
    }
    #expect(again == 1)
  }

  @Test("distinct strings merge as a Set-filtered loop does, canonically equal ones included")
  func distinct() {
    var rng = SplitMix64(state: 4)
    for _ in 0..<200 {
      let items = (0..<rng.below(100)).map { _ in ByteTableTests.key(&rng) }
      var d = DistinctStrings()
      for s in items { _ = d.index(of: s) }
      var seen = Set<String>()
      #expect(d.merged == items.filter { seen.insert($0).inserted })
    }
  }
}
