import Model

/// Column widths and row heights for CJK text, worked out from the text itself, since a
/// workbook carries no layout of its own: Excel, WPS and LibreOffice each show the widths and
/// heights the file gives. At 10.5 pt (五号) a CJK character is two of Excel's width units
/// (the default font's digit) and a Latin one is one, so a text's display width is its width
/// in units; a cell adds about one unit of padding.
enum SheetLayout {
  /// The page's width in units, inside the margins: A4 landscape and portrait.
  static let landscapeWidth = 146.0
  static let portraitWidth = 98.0
  /// Points per line of 10.5 pt text, with room for a fallback font's taller lines.
  static let lineHeight = 15.0
  static let rowPadding = 4.0

  /// How wide a column may be: its narrowest, and the widest its texts may make it.
  struct Bounds {
    var min: Double
    var max: Double
  }

  /// A text's lines' widths, in display columns, measured once: by scalars (an estimate for
  /// a column's width, where grapheme clusters would only cost time), CJK counting two.
  struct Measure {
    var lines: [Int]
    var widest: Int { lines.max() ?? 0 }

    init(_ text: String) {
      var lines: [Int] = []
      var w = 0
      for u in text.unicodeScalars {
        if u == "\n" {
          lines.append(w)
          w = 0
        } else {
          w += u.value < 0x80 ? (u.value >= 0x20 ? 1 : 0) : DisplayWidth.of(u)
        }
      }
      lines.append(w)
      self.lines = lines
    }

    /// Lines the text takes in a column `width` units wide, wrapped as a spreadsheet wraps.
    func count(inWidth width: Double) -> Int {
      let room = Swift.max(1, Int(width - 1))
      var n = 0
      for w in lines { n += Swift.max(1, (w + room - 1) / room) }
      return Swift.max(1, n)
    }
  }

  /// Each column as wide as its widest text needs, within its bounds; when together they are
  /// wider than `page`, each gives up the same share of what it has above its narrowest, so
  /// the long texts (measures, notes) stay the widest and every text wraps rather than hides.
  static func widths(_ widest: [[Int]], bounds: [Bounds], page: Double) -> [Double] {
    var most = [Int](repeating: 0, count: bounds.count)
    for row in widest {
      for (c, w) in row.enumerated() where c < most.count && w > most[c] { most[c] = w }
    }
    let natural = bounds.indices.map { c in Swift.max(bounds[c].min, Swift.min(bounds[c].max, Double(most[c]) + 1.5)) }
    let total = natural.reduce(0, +)
    let slack = bounds.indices.reduce(0) { $0 + natural[$1] - bounds[$1].min }
    guard total > page, slack > 0 else { return natural }
    let keep = Swift.max(0, 1 - (total - page) / slack)
    return bounds.indices.map { c in
      ((bounds[c].min + (natural[c] - bounds[c].min) * keep) * 2).rounded(.down) / 2
    }
  }

  static func height(lines: Int, size: Double = 10.5) -> Double {
    Double(lines) * lineHeight * size / 10.5 + rowPadding
  }
}
