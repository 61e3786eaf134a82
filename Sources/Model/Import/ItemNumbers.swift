/// The numbers tables and plans put before their rows, sections and measures, read as a
/// person reads them: "3", "3.", "（3）", "3.0" are 3; "一、", "（一）", "第一部分" number sections.
public enum ItemNumbers {
  /// "1", "1.", "1、", "（1）", "1.0" → the number as a person writes it; other text as it is.
  static func idText(_ text: String) -> String {
    let t = text.trimmingSpaces
    if let n = plainNumber(t) { return n }
    return t
  }

  /// The number in a cell that holds only a number ("3", "3.", "（3）", "3.0"), or nil.
  public static func plainNumber(_ text: String) -> String? {
    var s = Substring(text.trimmingSpaces)
    if (s.first == "(" || s.first == "（") && (s.last == ")" || s.last == "）") { s = s.dropFirst().dropLast() }
    while let l = s.last, ".．、,，)）".contains(l) { s = s.dropLast() }
    if s.hasSuffix(".0") { s = s.dropLast(2) }
    let digits = s.map { ch -> Character in
      if let v = ch.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v), ch.unicodeScalars.count == 1 {
        return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
      }
      return ch
    }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return String(digits)
  }

  /// A measure's own number: "(6) 编制…", "（1）…", "1.积极推进…", "2、建立…" → ("6", "编制…").
  /// "1.5万" and "2019年" are not numbers of the measure.
  public static func measureNumber(_ text: String) -> (String?, String) {
    let t = text.trimmingSpaces
    guard let first = t.first else { return (nil, text) }
    var rest = Substring(t)
    var digits = ""
    if first == "(" || first == "（" {
      rest = rest.dropFirst()
      digits = String(rest.prefix { $0.isASCII && $0.isNumber })
      rest = rest.dropFirst(digits.count)
      guard !digits.isEmpty, let close = rest.first, close == ")" || close == "）" else { return (nil, text) }
      rest = rest.dropFirst()
    } else {
      digits = String(rest.prefix { $0.isASCII && $0.isNumber })
      guard !digits.isEmpty, digits.count <= 3 else { return (nil, text) }
      rest = rest.dropFirst(digits.count)
      guard let sep = rest.first, ".．、)）".contains(sep) else { return (nil, text) }
      rest = rest.dropFirst()
      if let next = rest.first, next.isNumber { return (nil, text) }
    }
    let body = rest.trimmingSpaces
    return body.isEmpty ? (nil, text) : (digits, body)
  }

  /// "一、", "（一）", "1." and "第一部分" prefixes go; the words stay.
  static func stripOrdinal(_ text: String) -> String {
    var s = Substring(text)
    let numerals = Set("一二三四五六七八九十0123456789０１２３４５６７８９")
    if s.first == "（" || s.first == "(" {
      let rest = s.dropFirst()
      if let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }), !rest[..<close].isEmpty,
        rest[..<close].allSatisfy({ numerals.contains($0) })
      {
        s = rest[rest.index(after: close)...]
      }
    } else {
      let digits = s.prefix { numerals.contains($0) }
      if !digits.isEmpty, let sep = s.dropFirst(digits.count).first, "、.．,，".contains(sep) {
        s = s.dropFirst(digits.count + 1)
      }
    }
    return s.trimmingSpaces.isEmpty ? text : s.trimmingSpaces
  }
}
