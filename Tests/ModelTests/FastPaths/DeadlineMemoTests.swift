import Foundation
import Readers
import TestSupport
import Testing

@testable import Model

@Suite("Fast path: deadline readings shared by a process's stores")
struct DeadlineMemoTests {
  @Test("the shared reading is the grammar's, asked once or many times, from several threads at once")
  func sameAsGrammar() throws {
    var phrases: [String] = []
    for seed in ["000", "004"] {
      let table = try TableImport.read(try FileIO.read(Fixtures.seed(seed).path), file: seed)
      phrases += table.tasks.map(\.deadline.text)
    }
    phrases += [
      "持续开展", "待市局明确后，稳步推行", "税务总局出台相关制度后", "每年3月31日", "每年1月31日前", "作出行政许可决定之日起7个工作日内",
      "文件公开后5个工作日", "按相关规定要求", "2019年12月底前完成，并持续开展", "另行通知", "",
    ]
    let distinct = Array(Set(phrases))
    let rounds = Parallel.map(count: 8, threads: 4) { _ in
      distinct.map { DeadlineMemo.kind($0, reading: DeadlineGrammar.parse) }
    }
    let plain = distinct.map(DeadlineGrammar.parse)
    for round in rounds { #expect(round == plain) }
  }
}
