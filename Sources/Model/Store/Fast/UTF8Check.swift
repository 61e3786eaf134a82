/// The first byte offset that is not valid UTF-8 (or is NUL), if any: the check every file
/// goes through before it is parsed. In tiers: the processor's vector check says yes or no for
/// the whole range (`Native.utf8Clean`); only when it says no, or cannot tell, does the loop
/// walk the bytes to name the first bad one, eight ASCII bytes or two CJK characters per load.
/// With `end`, only the bytes before it, which must not cut a character (a line's start is safe).
func firstInvalidUTF8(_ bytes: [UInt8], from start: Int = 0, end: Int? = nil) -> (offset: Int, isNUL: Bool)? {
  bytes.withUnsafeBufferPointer { b -> (offset: Int, isNUL: Bool)? in
    var i = start
    let n = min(end ?? b.count, b.count)
    if Native.utf8Clean(b, i, n) == true { return nil }
    while i < n {
      let c = b[i]
      if c < 0x80 {
        // Eight ASCII bytes at a time, none of them NUL: the common case in any text.
        if i + 8 <= n {
          let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if w & 0x8080_8080_8080_8080 == 0 && Swar.has(w, 0) == 0 {
            i += 8
            continue
          }
        }
        if c == 0 { return (i, true) }
        i += 1
        continue
      }
      // Three-byte sequences (all of CJK) without the general loop: E1–EC and EE–EF take any
      // two continuation bytes; E0, ED and the rest go the long way below.
      if c >= 0xE1 && c != 0xED {
        var k = i
        // Two characters per eight-byte load while they last: leads at bytes 0 and 3 (E0–EF,
        // then E0 and ED, which limit their next byte, sent the long way), continuations at
        // bytes 1, 2, 4 and 5.
        while k + 8 <= n {
          let w = UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: UInt64.self)
          let first = UInt8(truncatingIfNeeded: w)
          let second = UInt8(truncatingIfNeeded: w >> 24)
          guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0, first != 0xE0, first != 0xED, second != 0xE0,
            second != 0xED
          else { break }
          k += 6
        }
        while k + 2 < n {
          let lead = b[k]
          guard lead >= 0xE1 && lead <= 0xEF && lead != 0xED && b[k + 1] & 0xC0 == 0x80 && b[k + 2] & 0xC0 == 0x80
          else { break }
          k += 3
        }
        if k > i {
          i = k
          continue
        }
      }
      let len: Int
      var minCode: UInt32
      var code: UInt32
      switch c {
      case 0xC2...0xDF: (len, code, minCode) = (2, UInt32(c & 0x1F), 0x80)
      case 0xE0...0xEF: (len, code, minCode) = (3, UInt32(c & 0x0F), 0x800)
      case 0xF0...0xF4: (len, code, minCode) = (4, UInt32(c & 0x07), 0x10000)
      default: return (i, false)
      }
      guard i + len <= n else { return (i, false) }
      for k in 1..<len {
        let cc = b[i + k]
        guard cc & 0xC0 == 0x80 else { return (i, false) }
        code = code << 6 | UInt32(cc & 0x3F)
      }
      if code < minCode || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return (i, false) }
      i += len
    }
    return nil
  }
}
