import Dispatch
import Synchronization

/// Work started on another thread and collected later: reading a large store has independent
/// parts (checking the tasks file's UTF-8, reading the journal) that a second core can do
/// while the first parses the tasks.
final class Background<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let group = DispatchGroup()

  init(_ body: @escaping @Sendable () -> Value) {
    group.enter()
    DispatchQueue.global().async { [self] in
      let value = body()
      result.withLock { $0 = value }
      group.leave()
    }
  }

  /// The work's result, waiting for it if it is not done.
  func wait() -> Value {
    group.wait()
    return result.withLock { $0! }
  }
}
