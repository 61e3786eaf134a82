import Foundation
import TestSupport
import Testing

@testable import Model

/// The tiered UTF-8 check (vector, then eight bytes at a time) against the standard library's decoder.
@Suite("The UTF-8 check")
struct UTF8CheckTests {
  @Test("the UTF-8 check finds the first bad byte (or NUL) where the standard library's decoder does")
  func utf8Check() {
    let pieces: [[UInt8]] = [
      Array("法制科，稽查局。".utf8), Array("abc,def\n".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{800}\u{FFFF}".utf8),
      Array("\u{D7FF}\u{E000}".utf8), [0xE0, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
      [0xE4, 0xB8], [0xE4], [0xB8], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x00], [0xEF, 0xBB, 0xBF],
    ]
    var rng = SplitMix64(state: 2019)
    for _ in 0..<20000 {
      var b: [UInt8] = []
      for _ in 0..<rng.below(12) {
        // Mostly long valid runs (which take the fast paths), now and then a hard piece.
        b += rng.below(4) == 0 ? pieces[rng.below(pieces.count)] : pieces[rng.below(2)]
      }
      let got = firstInvalidUTF8(b)
      let want = utf8Fault(b)
      #expect(got?.offset == want?.offset && got?.isNUL == want?.isNUL, "\(b)")
    }
  }

  @Test("the vector UTF-8 check agrees with the standard library on every 4-byte pattern, wherever it falls in a block")
  func vectorUTF8Check() {
    // One byte of each class the check tells apart (ASCII, NUL, each continuation range,
    // each lead, the bytes never allowed), every four-byte arrangement of them.
    let kinds: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF,
    ]
    // Padding of whole characters around the pattern, so that the whole is valid when the
    // pattern is; the pattern is put at offsets around the 32-byte blocks' edges.
    let ascii = [UInt8](repeating: 0x61, count: 70)
    let cjk = Array(String(repeating: "法", count: 23).utf8)
    // Each padding with a four-byte hole at each offset; the pattern is written into the hole.
    var holes: [(at: Int, bytes: [UInt8])] = []
    for (pad, offsets) in [(ascii, [0, 28, 29, 30, 31]), (cjk, [30])] {
      for at in offsets { holes.append((at, Array(pad[..<at]) + [0, 0, 0, 0] + Array(pad[at...]))) }
    }
    func clean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let clean = Native.utf8Clean(b, 0, b.count) else {
        Issue.record("no vector check on this processor")
        return false
      }
      return clean
    }
    var faults = 0
    for a in kinds {
      for b in kinds {
        for c in kinds {
          for d in kinds {
            let valid = utf8Fault([a, b, c, d]) == nil
            for k in holes.indices {
              let at = holes[k].at
              holes[k].bytes.withUnsafeMutableBufferPointer { h in
                (h[at], h[at + 1], h[at + 2], h[at + 3]) = (a, b, c, d)
                // The whole text, and the text cut just after the pattern (a sequence left
                // open at the very end).
                for count in [h.count, at + 4] where clean(UnsafeBufferPointer(rebasing: h[..<count])) != valid {
                  faults += 1
                  if faults < 20 { Issue.record("\([a, b, c, d]) at \(at) of \(count) bytes: not \(valid)") }
                }
              }
            }
          }
        }
      }
    }
    #expect(faults == 0)
    // Long random texts with now and then one bad byte, against the standard library.
    var rng = SplitMix64(state: 35)
    let good = Array("法制科征收管理科，稽查局。abc,def\n é😀\u{800}\u{FFFF}\u{D7FF}\u{E000}".utf8)
    for _ in 0..<3000 {
      var bytes = (0..<(32 + rng.below(300))).map { _ in good[rng.below(good.count)] }
      bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
      if rng.below(2) == 0 { bytes[rng.below(bytes.count)] = kinds[rng.below(kinds.count)] }
      #expect(bytes.withUnsafeBufferPointer(clean) == (utf8Fault(bytes) == nil), "\(bytes)")
    }
  }
}
