import Synchronization

/// A cell's value as a file held it: its bytes, read into `Value` when first asked for. A
/// command looks at the departments of the tasks it shows, and reading every cell of a large
/// plan was a fifth of loading it. Equal cells of one file are read once (`CellReadings`); a
/// value set by the program is held as it is.
struct LazyCell<Value: Hashable & Sendable>: Sendable {
  private enum Storage: Sendable {
    case value(Value)
    case bytes(CellReadings<Value>, start: UInt32, count: UInt32)
  }

  private var storage: Storage

  init(_ value: Value) { storage = .value(value) }

  /// The cell at `start..<end` of `readings.source`, which is not empty (an empty cell is a
  /// value, made by the caller).
  @inline(__always) init(_ readings: CellReadings<Value>, _ start: Int, _ end: Int) {
    if end <= Int(UInt32.max) {
      storage = .bytes(readings, start: UInt32(start), count: UInt32(end - start))
    } else {
      storage = .value(readings.value(start..<end))
    }
  }

  var value: Value {
    switch storage {
    case .value(let v): v
    case .bytes(let readings, let start, let count): readings.value(Int(start)..<Int(start + count))
    }
  }
}

extension LazyCell: Hashable {
  static func == (a: LazyCell, b: LazyCell) -> Bool { a.value == b.value }
  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// One file's cells of one kind: its bytes, and the reading of each distinct cell, made the
/// first time any cell asks and shared after. Cells are read on two threads and may be asked
/// for from any, so the readings are kept under a lock. The reading itself is the caller's
/// (the store's department cell reader); strings it makes through `name` are shared, so that
/// cells naming one unit share one string.
final class CellReadings<Value: Sendable>: Sendable {
  let source: [UInt8]
  private let readings = Mutex(Readings())
  private let read: @Sendable (UnsafeBufferPointer<UInt8>, _ name: (UnsafeBufferPointer<UInt8>) -> String) -> Value

  private struct Readings: Sendable {
    var values = ByteCache<Value>()
    var names = ByteCache<String>()
  }

  init(
    _ source: [UInt8],
    read: @escaping @Sendable (UnsafeBufferPointer<UInt8>, _ name: (UnsafeBufferPointer<UInt8>) -> String) -> Value
  ) {
    self.source = source
    self.read = read
  }

  func value(_ range: Range<Int>) -> Value {
    source.withUnsafeBufferPointer { all in
      let raw = UnsafeBufferPointer(rebasing: all[range])
      return readings.withLock { r -> Value in
        r.values.value(for: raw) {
          read(raw) { name in r.names.value(for: name) { String(decoding: name, as: UTF8.self) } }
        }
      }
    }
  }
}
