import Foundation
import TestSupport
import Testing

@testable import Model

/// The packed radix sort against `Agenda.sortedOrder`, the comparison sort.
@Suite("The urgency order by radix sort")
struct UrgencyOrderTests {
  @Test("the radix sort of urgency keys equals the standard sort")
  func radixSort() {
    var rng = SplitMix64(state: 11)
    for n in [0, 1, 4096, 4097, 20_000] {
      // Keys shaped as the agenda packs them (few buckets, clustered days), and raw ones.
      let packed = (0..<n).map { i in
        UInt64(rng.below(6)) << 61 | UInt64(700_000 + rng.below(900)) << 39 | UInt64(rng.below(1 << 20)) << 19
          | UInt64(i)
      }
      let raw = (0..<n).map { _ in rng.next() }
      for keys in [packed, raw] {
        var sorted = keys
        UrgencyOrder.radixSort(&sorted)
        #expect(sorted == keys.sorted(), "\(n)")
      }
    }
  }

  @Test("the packed urgency sort equals the general sort, ties and all")
  func urgencyOrder() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    var tasks = store.plan.tasks.array
    // Ids that tie as numbers ("7" and "007") are ordered by position, as the general sort does.
    for k in tasks.indices where k % 5 == 0 { tasks[k].id = "00" + tasks[k].id }
    let plan = Plan(settings: store.plan.settings, tasks: tasks)
    let a = Agenda(plan: plan, today: isoDay("2019-09-20"))
    let buckets = plan.tasks.indices.map { Agenda.bucket(.init(plan.tasks[$0]), due: a.due[$0], today: a.today) }
    let days = a.due.map { $0?.ordinal ?? Int.max }
    let ids = plan.tasks.map { IDKey($0.id) }
    let packed = try #require(UrgencyOrder.packed(buckets: buckets, dueDays: days, numbers: numbers(ids)))
    #expect(packed == Agenda.sortedOrder(buckets: buckets, dueDays: days, ids: ids))
    #expect(a.urgency == packed)
    // Letters in an id take the general sort.
    var mixed = ids
    mixed[3] = IDKey("3a")
    #expect(UrgencyOrder.packed(buckets: buckets, dueDays: days, numbers: numbers(mixed)) == nil)
  }

  /// The ids as the agenda hands them to the radix sort: numbers, or -1 for one with letters.
  func numbers(_ ids: [IDKey]) -> [Int] { ids.map { $0.plainNumber ?? -1 } }
}
