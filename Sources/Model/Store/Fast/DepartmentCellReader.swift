#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Department cells read at the byte level: splitting a large plan's cells by `Character`
/// was most of reading it. Only for the text where bytes and characters agree; anything else
/// is left to `Departments(cell:)`, the rule itself.
enum DepartmentCellReader {
  /// One file's department cells, each distinct cell read once: here where the bytes allow,
  /// else by the rule itself.
  static func cells(_ source: [UInt8]) -> CellReadings<Departments> {
    CellReadings(source) { raw, name in
      read(raw, name: name) ?? Departments(cell: String(decoding: raw, as: UTF8.self))
    }
  }

  /// The placeholders' UTF-8, for comparing parts of a cell without making strings.
  static let placeholderBytes: [[UInt8]] = Departments.placeholders.map { Array($0.utf8) }

  /// `Departments(cell:)` at the byte level, for the cells a plan really holds: ASCII, CJK ideographs,
  /// CJK punctuation and full-width forms. In those, no character combines with its neighbour
  /// and no two byte sequences are canonically equal, so splitting bytes and comparing bytes
  /// give exactly what splitting `Character`s and comparing `String`s give. Any other cell
  /// (or one with CR LF, a single `Character`) returns nil and takes the general path.
  static func read(_ cell: String) -> Departments? {
    var cell = cell
    return cell.withUTF8 { read($0) { String(decoding: $0, as: UTF8.self) } }
  }

  /// `read` on a cell's UTF-8; `name` makes each unit's string (a reader shares them).
  static func read(
    _ b: UnsafeBufferPointer<UInt8>, name: (UnsafeBufferPointer<UInt8>) -> String
  ) -> Departments? {
    do {
      var units: [String] = []
      var others = false
      /// One part between separators: trimmed, then a placeholder, a new unit, or a repeat.
      func take(_ part: Range<Int>) {
        var r = part
        // Trim ASCII white space and the ideographic space (E3 80 80), the only spaces here.
        while !r.isEmpty {
          if b[r.lowerBound] == 0x20 || (0x09...0x0D).contains(b[r.lowerBound]) {
            r = (r.lowerBound + 1)..<r.upperBound
          } else if r.count >= 3 && b[r.lowerBound] == 0xE3 && b[r.lowerBound + 1] == 0x80
            && b[r.lowerBound + 2] == 0x80
          {
            r = (r.lowerBound + 3)..<r.upperBound
          } else {
            break
          }
        }
        while !r.isEmpty {
          let last = b[r.upperBound - 1]
          if last == 0x20 || (0x09...0x0D).contains(last) {
            r = r.lowerBound..<(r.upperBound - 1)
          } else if r.count >= 3 && last == 0x80 && b[r.upperBound - 2] == 0x80 && b[r.upperBound - 3] == 0xE3 {
            r = r.lowerBound..<(r.upperBound - 3)
          } else {
            break
          }
        }
        if r.isEmpty { return }
        let p = UnsafeBufferPointer(rebasing: b[r])
        func same(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
          other.count == p.count && memcmp(other.baseAddress!, p.baseAddress!, p.count) == 0
        }
        if placeholderBytes.contains(where: { $0.withUnsafeBufferPointer(same) }) {
          others = true
        } else if !units.contains(where: {
          var u = $0; return u.withUTF8(same)
        }) {
          units.append(name(p))
        }
      }
      var start = 0
      // Where the text after the last 、 begins, split there or not.
      var segment = 0
      var i = 0
      var depth = 0
      let n = b.count
      func isIdeographicSpace(_ k: Int) -> Bool { k + 2 < n && b[k] == 0xE3 && b[k + 1] == 0x80 && b[k + 2] == 0x80 }
      /// True when b[r] is one character that is not a space: "市" in "市、县两级…".
      func lone(_ r: Range<Int>) -> Bool {
        if r.count == 1 { return !(b[r.lowerBound] == 0x20 || (0x09...0x0D).contains(b[r.lowerBound])) }
        return r.count == 3 && b[r.lowerBound] >= 0xE3 && !isIdeographicSpace(r.lowerBound)
      }
      while i < n {
        let c = b[i]
        var len = 1
        var separator = false
        if c < 0x80 {
          switch c {
          case 0x2C, 0x3B, 0x0A: separator = true
          // Not split inside brackets: "各县（市、区）政府" is one unit.
          case 0x28, 0x5B: depth += 1
          case 0x29, 0x5D: depth = max(0, depth - 1)
          case 0x0D:
            if i + 1 < n && b[i + 1] == 0x0A { return nil }
            separator = true
          default: break
          }
        } else if c >= 0xE3 && c <= 0xE9, i + 2 < n {
          len = 3
          let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
          // CJK punctuation (less its combining tone marks), ideographs, full-width forms
          // (less the half-width sound marks, which combine).
          switch v {
          case 0x3010: depth += 1
          case 0x3011: depth = max(0, depth - 1)
          case 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF: break
          default: return nil
          }
          separator = v == 0x3001
          // A lone character before 、 joins the name after it ("市、县两级…"), as `split` does;
          // spaces around it are the general path's to trim.
          if separator && depth == 0 {
            var t = segment..<i
            while !t.isEmpty {
              if b[t.lowerBound] == 0x20 || (0x09...0x0D).contains(b[t.lowerBound]) {
                t = (t.lowerBound + 1)..<t.upperBound
              } else if t.count >= 3 && isIdeographicSpace(t.lowerBound) {
                t = (t.lowerBound + 3)..<t.upperBound
              } else {
                break
              }
            }
            while !t.isEmpty {
              if b[t.upperBound - 1] == 0x20 || (0x09...0x0D).contains(b[t.upperBound - 1]) {
                t = t.lowerBound..<(t.upperBound - 1)
              } else if t.count >= 3 && isIdeographicSpace(t.upperBound - 3) {
                t = t.lowerBound..<(t.upperBound - 3)
              } else {
                break
              }
            }
            if lone(t) {
              if t != segment..<i || (i + 3 < n && (b[i + 3] == 0x20 || isIdeographicSpace(i + 3))) { return nil }
              separator = false
            }
            segment = i + 3
          }
        } else if c == 0xEF, i + 2 < n {
          len = 3
          let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
          switch v {
          case 0xFF08: depth += 1
          case 0xFF09: depth = max(0, depth - 1)
          case 0xFF01...0xFF9D, 0xFFA0...0xFFEF: break
          default: return nil
          }
          separator = v == 0xFF0C || v == 0xFF1B
        } else {
          return nil
        }
        if separator && depth == 0 {
          take(start..<i)
          start = i + len
          segment = start
        }
        i += len
      }
      take(start..<n)
      return Departments(units, others: others)
    }
  }

}
