/// An array to read whose copies stay cheap after edits. The elements it was made from are
/// shared by every later version, and each version keeps the elements changed since beside
/// them. So the store publishes a new plan after every save while the dashboard still holds
/// the one before, and neither copies every task (at 100,000 tasks that copy cost more than
/// the rest of a save).
///
/// Its reads are inlinable so that another module reading `plan.tasks[i]` (the dashboard's
/// scans) gets code made for its element type, as a non-generic list gave.
public struct SharedArray<Element>: RandomAccessCollection {
  /// The elements as made, or as last folded in.
  @usableFromInline var base: [Element]
  /// Elements changed since, and where each one's is in `edits`, by index. (They sit in an
  /// array so that reading one yields it in place: yielding a dictionary's value would need
  /// room for a whole element in every read's frame, which then comes from the heap.)
  @usableFromInline var edits: [Element] = []
  @usableFromInline var changed: [Int: Int] = [:]
  /// One bit per element, set where `changed` holds it: testing a bit is cheaper than a
  /// look-up, and most elements were not changed. Empty while nothing is.
  @usableFromInline var marks: [UInt64] = []

  public init(_ elements: [Element] = []) { base = elements }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { base.count }

  @inlinable @inline(__always) func isChanged(_ i: Int) -> Bool {
    !marks.isEmpty && marks[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
  }

  @inlinable public subscript(i: Int) -> Element {
    // An address, not a copy: reading one field of an element reads just that field. (A
    // `_read` coroutine that is not inlined hands its caller a copy of the whole element.)
    // The pointer is into an array `self` holds, and is used only while the access holds `self`.
    unsafeAddress {
      precondition(i >= 0 && i < base.count, "index out of range")
      if isChanged(i) { return edits.withUnsafeBufferPointer { $0.baseAddress! + changed[i]! } }
      return base.withUnsafeBufferPointer { $0.baseAddress! + i }
    }
    set {
      precondition(i >= 0 && i < base.count, "index out of range")
      replace(i, with: newValue)
    }
  }

  @usableFromInline mutating func replace(_ i: Int, with newValue: Element) {
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

  /// Adds an element at the end.
  public mutating func append(_ e: Element) {
    fold()
    base.append(e)
  }

  /// The changed elements put back into the array (which copies it if another version shares it).
  private mutating func fold() {
    guard !changed.isEmpty else { return }
    for (i, j) in changed { base[i] = edits[j] }
    changed = [:]
    edits = []
    marks = []
  }

  /// The elements as one array.
  public var array: [Element] {
    var copy = self
    copy.fold()
    return copy.base
  }
}

extension SharedArray: Sendable where Element: Sendable {}

extension SharedArray: Equatable where Element: Equatable {
  /// The same elements in the same order, however each array holds them.
  public static func == (a: SharedArray, b: SharedArray) -> Bool { a.count == b.count && a.elementsEqual(b) }
}
