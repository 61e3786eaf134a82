import CStore

/// The store's calls into C (`CStore`): the reader's byte scans done by the processor's
/// vector unit, and the one Linux call Swift's Glibc module lacks. The rest of the code never
/// sees C: it calls these, which take the same buffers and offsets as the loops written in
/// Swift.
enum Native {
  /// Whether `b[start..<end]` is valid UTF-8 holding no NUL; nil when this processor cannot
  /// tell quickly. It says only yes or no: the Swift loop finds where a fault is.
  static func utf8Clean(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
    guard start < end, let base = b.baseAddress else { return true }
    switch cstore_utf8_clean(base + start, end - start) {
    case 1: return true
    case 0: return false
    default: return nil
    }
  }

  /// How many bytes of `b` are `byte`.
  static func count(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Int {
    guard let base = b.baseAddress else { return 0 }
    return cstore_count(base, b.count, byte)
  }

  /// Whether `needle` occurs in `b[start..<end]`, found by its last byte (see cstore.c).
  static func contains(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needle: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let base = b.baseAddress, let n = needle.baseAddress else { return needle.isEmpty }
    return cstore_contains(base + start, end - start, n, needle.count) == 1
  }

  /// The first index from `start` of a comma, LF, CR or double quote in `b`; `b.count` if none.
  @inline(__always) static func csvSpecial(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    start + cstore_find_csv_special(b.baseAddress! + start, b.count - start)
  }

  /// The first index from `start` of a double quote or LF in `b`; `b.count` if none.
  @inline(__always) static func quoteOrLF(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    start + cstore_find_quote_or_lf(b.baseAddress! + start, b.count - start)
  }

  /// Starts writing bytes `offset..<offset + count` of `fd` to the disk without waiting for
  /// them; false when the system would not (the fsync that ends a save waits either way).
  @discardableResult static func startWriteback(_ fd: Int32, from offset: Int, count: Int) -> Bool {
    cstore_start_writeback(fd, Int64(offset), Int64(count)) == 0
  }
}
