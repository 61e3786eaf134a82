import Foundation
import TestSupport
import Testing

@testable import Model

/// The id index against a `[String: Int]` dictionary.
@Suite("The task index")
struct StringIndexTests {
  @Test("the task index finds what a String dictionary finds, plain numbers or not")
  func taskIndex() {
    let pieces = ["1", "0", "00", "01", "9", "10", "12a", "K", "\u{212A}", "é", "e\u{301}", "١", "１", " 1", "-"]
    var rng = SplitMix64(state: 128)
    for round in 0..<200 {
      var index = StringIndex()
      var reference: [String: Int] = [:]
      if round % 2 == 0 { index.reserveCapacity(rng.below(100)) }
      for step in 0..<(rng.below(400)) {
        let id: String
        switch rng.below(4) {
        case 0: id = String(rng.below(1000))
        case 1: id = String(repeating: "9", count: 17 + rng.below(3)) + String(rng.below(10))
        default: id = (0..<(1 + rng.below(3))).map { _ in pieces[rng.below(pieces.count)] }.joined()
        }
        #expect(index.updateValue(step, forKey: id) == reference.updateValue(step, forKey: id), "\(id)")
        let probe = String(rng.below(1000))
        #expect(index[probe] == reference[probe], "\(probe)")
      }
      for id in reference.keys { #expect(index[id] == reference[id], "\(id)") }
    }
  }
}
