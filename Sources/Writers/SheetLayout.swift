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

  /// The widest line of a text, in display columns.
  static func widest(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.displayWidth }.max() ?? 0
  }

  /// Each column as wide as its widest text needs, within its bounds; when together they are
  /// wider than `page`, each gives up the same share of what it has above its narrowest, so
  /// the long texts (measures, notes) stay the widest and every text wraps rather than hides.
  static func widths(_ texts: [[String]], bounds: [Bounds], page: Double) -> [Double] {
    let natural = bounds.indices.map { c in
      let need = Double(texts.map { c < $0.count ? widest($0[c]) : 0 }.max() ?? 0) + 1.5
      return Swift.max(bounds[c].min, Swift.min(bounds[c].max, need))
    }
    let total = natural.reduce(0, +)
    let slack = bounds.indices.reduce(0) { $0 + natural[$1] - bounds[$1].min }
    guard total > page, slack > 0 else { return natural }
    let keep = Swift.max(0, 1 - (total - page) / slack)
    return bounds.indices.map { c in
      ((bounds[c].min + (natural[c] - bounds[c].min) * keep) * 2).rounded(.down) / 2
    }
  }

  /// Lines a text takes in a column `width` units wide, wrapped as a spreadsheet wraps.
  static func lines(_ text: String, width: Double) -> Int {
    let room = Swift.max(1, Int(width - 1))
    var n = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      n += Swift.max(1, (line.displayWidth + room - 1) / room)
    }
    return Swift.max(1, n)
  }

  static func height(lines: Int, size: Double = 10.5) -> Double {
    Double(lines) * lineHeight * size / 10.5 + rowPadding
  }
}
