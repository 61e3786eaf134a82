import Foundation
import TestSupport
import Testing

@testable import Model

/// The short way to the commonest deadline phrases against the grammar.
@Suite("Dated deadlines read by bytes")
struct DatedDeadlineTests {
  @Test("dated deadlines read from bytes equal the grammar's reading")
  func plainDates() throws {
    var phrases: [String] = []
    for y in ["2019", "2020", "0999", "20190", "19", "1899", "1900", "2200", "2201", "2219", "9999"] {
      for m in ["0", "1", "02", "2", "9", "12", "13", "012", ""] {
        phrases.append("\(y)年\(m)月底前")
        for d in ["0", "1", "05", "28", "29", "30", "31", "32", "015", ""] { phrases.append("\(y)年\(m)月\(d)日前") }
      }
    }
    phrases += [
      "2019年8月底前完成", " 2019年8月底前", "2019年8月底前 ", "2019年8月31日", "２０１９年８月底前", "2019年8月底以前",
      "2019年底前", "2019年8月底前完成，并持续开展", "2019年8月31日前、9月30日前", "2019-08-31", "2019年8月底", "2019年8月15日以前",
    ]
    // And every deadline cell of the seeds, as the tables have them.
    for seed in ["000", "004"] {
      let text = try String(contentsOf: Fixtures.seed(seed), encoding: .utf8)
      phrases += text.split(separator: "\n").flatMap { $0.split(separator: "\t") }.map(String.init).filter {
        $0.contains("前") && $0.count < 40
      }
    }
    var fast = 0
    for p in phrases {
      #expect(DatedDeadline.deadline(p).kind == DeadlineGrammar.parse(p), "\(p)")
      if let d = DatedDeadline.read(p) {
        #expect(DeadlineGrammar.parse(p) == .by(d), "\(p)")
        fast += 1
      }
    }
    #expect(fast > 60)
  }
}
