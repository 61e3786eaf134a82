#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text as a file held it: a range of the file's bytes, made into a `String` only when
/// something reads it (a task's measure, requirement and note). A command shows a few tasks out
/// of many, and making every measure's string was a third of loading a large plan. The bytes
/// are the file's whole buffer, shared by every text read from it (one reference each, no
/// copy); a text set by the program is held as its `String`.
struct CellText: Sendable {
  private enum Storage: Sendable {
    case string(String)
    /// UTF-8 already checked when the file was read; no doubled quotes inside.
    case bytes([UInt8], start: UInt32, count: UInt32)
  }

  private var storage: Storage

  init(_ string: String = "") { storage = .string(string) }

  /// The text at `start..<end` of `source`, which the caller has checked is valid UTF-8.
  init(_ source: [UInt8], _ start: Int, _ end: Int) {
    if start == end {
      storage = .string("")
    } else if end <= Int(UInt32.max) {
      storage = .bytes(source, start: UInt32(start), count: UInt32(end - start))
    } else {
      storage = .string(source.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) })
    }
  }

  var string: String {
    switch storage {
    case .string(let s): return s
    case .bytes(let b, let start, let count):
      return b.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)]), as: UTF8.self)
      }
    }
  }

  var isEmpty: Bool {
    switch storage {
    case .string(let s): s.isEmpty
    case .bytes: false
    }
  }

  /// The text's UTF-8, without making a `String` when it is still the file's bytes.
  func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    switch storage {
    case .string(var s): return s.withUTF8(body)
    case .bytes(let b, let start, let count):
      return b.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)])) }
    }
  }
}

extension CellText: Hashable {
  /// Equal as `String`s are (canonical equivalence), as the fields were before they were lazy;
  /// the same bytes need no strings to say so.
  static func == (a: CellText, b: CellText) -> Bool {
    if case .string(let x) = a.storage, case .string(let y) = b.storage { return x == y }
    let same = a.withUTF8 { x in
      b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
    }
    return same || a.string == b.string
  }

  func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
