import TestSupport
import Testing

@testable import Model

/// The plan's task list, whose copies share what was read, against a plain array of tasks.
@Suite("The task list")
struct TaskListTests {
  @Test("reads, writes and appends as an array does; an earlier copy keeps what it had")
  func againstArray() {
    var rng = SplitMix64(state: 21)
    for round in 0..<50 {
      let n = rng.below(300)
      var array = (0..<n).map { PlanTask(id: String($0), measure: "措施 \($0)") }
      var list = TaskList(array)
      var copies: [(TaskList, [PlanTask])] = []
      for step in 0..<rng.below(400) {
        if rng.below(10) == 0 || array.isEmpty {
          let t = PlanTask(id: "new\(round)-\(step)", measure: "新")
          array.append(t)
          list.append(t)
        } else {
          let i = rng.below(array.count)
          var t = array[i]
          t.note = "第 \(step) 次"
          array[i] = t
          list[i] = t
        }
        if rng.below(20) == 0 { copies.append((list, array)) }
        let i = rng.below(array.count)
        #expect(list[i] == array[i])
      }
      #expect(list.count == array.count)
      #expect(Array(list) == array)
      #expect(list.array == array)
      for (copy, then) in copies { #expect(Array(copy) == then) }
    }
  }
}
