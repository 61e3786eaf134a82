/// Terminal display width, independent of the C locale: a CJK character takes two columns,
/// combining marks none. Truncation, padding and wrapping all go through here so that no
/// character is ever split and no border ever moves.
public enum DisplayWidth {
  /// Wide (two-column) ranges: East Asian Wide and Fullwidth, plus the emoji blocks.
  static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
    0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
    0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
    0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
    0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
    0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  /// Columns one scalar takes on its own.
  public static func of(_ u: Unicode.Scalar) -> Int {
    let v = u.value
    if v < 0x7F { return v < 0x20 ? 0 : 1 }
    if v < 0xA0 { return 0 }
    if v >= 0x1100 {
      if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
      var lo = 0
      var hi = wide.count - 1
      while lo <= hi {
        let mid = (lo + hi) / 2
        if v < wide[mid].lowerBound {
          hi = mid - 1
        } else if v > wide[mid].upperBound {
          lo = mid + 1
        } else {
          return 2
        }
      }
    }
    switch u.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
  }

  /// Columns a character (a grapheme cluster) takes: its base, or 2 for emoji presentation.
  public static func of(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    let w = of(first)
    if w == 1 && scalars.contains("\u{FE0F}") { return 2 }
    return w
  }

  public static func of(_ s: some StringProtocol) -> Int {
    var w = 0
    for u in s.utf8 where u < 0x80 {
      w += u >= 0x20 && u != 0x7F ? 1 : 0
    }
    if s.utf8.allSatisfy({ $0 < 0x80 }) { return w }
    return s.reduce(0) { $0 + of($1) }
  }
}

extension StringProtocol {
  /// Columns this text takes in a terminal.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// Cuts to at most `width` columns, ending with "…" when cut; never splits a character.
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return String(self) }
    let room = width - ellipsis.displayWidth
    var out = ""
    var used = 0
    for c in self {
      let w = DisplayWidth.of(c)
      if used + w > room { break }
      out.append(c)
      used += w
    }
    return out + (room >= 0 ? ellipsis : "")
  }

  /// Pads with spaces (after, or before when `right`) to exactly `width` columns, cutting first.
  public func padded(toWidth width: Int, right: Bool = false) -> String {
    let t = truncated(toWidth: width)
    let pad = String(repeating: " ", count: Swift.max(0, width - t.displayWidth))
    return right ? pad + t : t + pad
  }

  /// Breaks into lines of at most `width` columns: CJK anywhere, Latin words at spaces, and no
  /// line starting with closing punctuation (，。、；：）” and the like).
  public func wrapped(toWidth width: Int) -> [String] {
    guard width > 1 else { return [String(self)] }
    var lines: [String] = []
    for paragraph in self.split(separator: "\n", omittingEmptySubsequences: false) {
      var line: [Character] = []
      var used = 0
      for c in paragraph {
        let w = DisplayWidth.of(c)
        if used + w > width {
          var carry: [Character] = []
          if c == " " {
            lines.append(String(line))
            line = []
            used = 0
            continue
          }
          if c.isASCII && (c.isLetter || c.isNumber), let sp = line.lastIndex(of: " "), sp > 0 {
            carry = Array(line[(sp + 1)...])
            line.removeSubrange(sp...)
          } else if noLineStart.contains(c), line.count > 1 {
            carry = [line.removeLast()]
          }
          lines.append(String(line))
          line = carry
          used = carry.reduce(0) { $0 + DisplayWidth.of($1) }
        }
        line.append(c)
        used += w
      }
      lines.append(String(line))
    }
    return lines
  }
}

/// Punctuation that must not begin a line in Chinese typesetting.
public let noLineStart: Set<Character> = Set("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%")

extension String {
  /// Makes text safe to draw: control characters become visible symbols (␀…␟, ␡), C1 and
  /// bidi controls become �, and a character with a pile of combining marks keeps at most
  /// three. Nothing that reaches the terminal can move the cursor or reorder the line.
  public var inert: String {
    var needs = false
    for u in unicodeScalars where Self.isHostile(u) || u.properties.generalCategory == .nonspacingMark {
      needs = true
      break
    }
    guard needs else { return self }
    var out = String.UnicodeScalarView()
    var marks = 0
    for u in unicodeScalars {
      let v = u.value
      if v < 0x20 {
        out.append(Unicode.Scalar(0x2400 + v)!)
        marks = 0
      } else if v == 0x7F {
        out.append("\u{2421}")
        marks = 0
      } else if Self.isHostile(u) {
        out.append("\u{FFFD}")
        marks = 0
      } else if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark {
        marks += 1
        if marks <= 3 { out.append(u) }
      } else {
        out.append(u)
        marks = 0
      }
    }
    return String(out)
  }

  static func isHostile(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || (0x200E...0x200F).contains(v)
      || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }
}
