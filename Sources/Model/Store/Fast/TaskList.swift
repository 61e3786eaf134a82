/// The plan's tasks: an array to read, but a copy of it stays cheap after edits. The tasks as
/// read are shared by every later version of the plan, and each version keeps the tasks
/// changed since beside them. So the store publishes a new plan after every save while the
/// dashboard still holds the one before, and neither copies every task (at 100,000 tasks
/// that copy cost more than the rest of a save).
public struct TaskList: RandomAccessCollection, Sendable {
  /// The tasks as read, or as last folded in.
  private var base: [PlanTask]
  /// Tasks changed since, and where each task's is in `edits`, by index. (The tasks sit in
  /// an array so that reading one yields it in place: yielding a dictionary's value would
  /// need room for a whole task in every read's frame, which then comes from the heap.)
  private var edits: [PlanTask] = []
  private var changed: [Int: Int] = [:]
  /// One bit per task, set where `changed` holds it: testing a bit is cheaper than a look-up,
  /// and most tasks were not changed. Empty while nothing is.
  private var marks: [UInt64] = []

  public init(_ tasks: [PlanTask] = []) { base = tasks }

  public var startIndex: Int { 0 }
  public var endIndex: Int { base.count }

  /// Where task `i`'s changed version is in `edits`.
  private func slot(_ i: Int) -> Int { changed[i]! }

  @inline(__always) private func isChanged(_ i: Int) -> Bool {
    !marks.isEmpty && marks[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
  }

  public subscript(i: Int) -> PlanTask {
    // An address, not a copy: reading one field of a task reads just that field. (A `_read`
    // coroutine that is not inlined hands its caller a copy of the whole task.) The pointer
    // is into an array `self` holds, and is used only while the access holds `self`.
    unsafeAddress {
      precondition(i >= 0 && i < base.count, "task index out of range")
      if isChanged(i) { return edits.withUnsafeBufferPointer { $0.baseAddress! + slot(i) } }
      return base.withUnsafeBufferPointer { $0.baseAddress! + i }
    }
    set {
      precondition(i >= 0 && i < base.count, "task index out of range")
      if let j = changed[i] {
        edits[j] = newValue
        return
      }
      if marks.isEmpty { marks = [UInt64](repeating: 0, count: (base.count + 63) / 64) }
      marks[i >> 6] |= 1 << UInt64(i & 63)
      changed[i] = edits.count
      edits.append(newValue)
      // Many changes (an import again): fold them in, once, rather than carry them.
      if edits.count > 64 + base.count / 8 { fold() }
    }
  }

  /// Adds a task at the end.
  public mutating func append(_ t: PlanTask) {
    fold()
    base.append(t)
  }

  /// The changed tasks put back into the array (which copies it if another version shares it).
  private mutating func fold() {
    guard !changed.isEmpty else { return }
    for (i, j) in changed { base[i] = edits[j] }
    changed = [:]
    edits = []
    marks = []
  }

  /// The tasks as one array.
  public var array: [PlanTask] {
    var copy = self
    copy.fold()
    return copy.base
  }
}

extension TaskList: Equatable {
  /// The same tasks in the same order, however each list holds them.
  public static func == (a: TaskList, b: TaskList) -> Bool { a.count == b.count && a.elementsEqual(b) }
}
