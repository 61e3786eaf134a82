/// Byte tests on eight bytes at a time in one 64-bit word ("SIMD within a register"): the
/// scans over long texts that would otherwise look at one byte per step.
enum Swar {
  /// Nonzero when a byte of `w` equals `c`; its lowest set bit marks the first such byte.
  @inline(__always) static func has(_ w: UInt64, _ c: UInt8) -> UInt64 {
    let x = w ^ (UInt64(c) &* 0x0101_0101_0101_0101)
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// Whether any byte of `b` is a control character, a quote or a backslash; eight bytes at a
  /// time, since the long texts of a report rarely have one.
  static func needsJSONEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if let base = b.baseAddress {
      while i + 8 <= b.count {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        // Bytes below 0x20: the zero-byte test shifted down by 0x20 (exact for "any").
        let below = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
        if below | has(w, 0x22) | has(w, 0x5C) | has(w, 0x7F) != 0 { return true }
        i += 8
      }
    }
    return b[i...].contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
  }
}
