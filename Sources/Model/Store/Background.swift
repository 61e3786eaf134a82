import Dispatch

/// Work started on another thread and collected later: reading a large store has independent
/// parts (checking the tasks file's UTF-8, reading the journal) that a second core can do
/// while the first parses the tasks.
final class Background<Value: Sendable>: @unchecked Sendable {
  // Written once by the worker before `leave`, read only after `wait`: the group orders them.
  private var value: Value?
  private let group = DispatchGroup()

  init(_ body: @escaping @Sendable () -> Value) {
    group.enter()
    DispatchQueue.global().async {
      self.value = body()
      self.group.leave()
    }
  }

  /// The work's result, waiting for it if it is not done.
  func wait() -> Value {
    group.wait()
    return value!
  }
}
