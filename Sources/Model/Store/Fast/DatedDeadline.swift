/// The commonest deadline phrases read from their bytes: a large plan has thousands of
/// distinct dated deadlines, and the grammar works a character at a time. What this reads,
/// the grammar reads the same (a test and the fuzzer check it).
enum DatedDeadline {
  /// `Deadline(text)`, taking the short way where it can.
  static func deadline(_ text: String) -> Deadline {
    Deadline(
      text: text, kind: read(text).map(DeadlineKind.by) ?? DeadlineMemo.kind(text, reading: DeadlineGrammar.parse))
  }

  /// The date of "2019年9月15日前" or "2019年8月底前" exactly; nil for anything else (or an
  /// impossible date), which the grammar reads.
  static func read(_ text: String) -> Day? {
    var u = text.utf8[...]
    func number(_ most: Int) -> Int? {
      var v = 0
      var n = 0
      while n < most, let b = u.first, b >= 0x30 && b <= 0x39 {
        v = v * 10 + Int(b - 0x30)
        n += 1
        u = u.dropFirst()
      }
      return n == 0 ? nil : v
    }
    func take(_ word: [UInt8]) -> Bool {
      guard u.starts(with: word) else { return false }
      u = u.dropFirst(word.count)
      return true
    }
    let (nian, yue, ri, di, qian): ([UInt8], [UInt8], [UInt8], [UInt8], [UInt8]) = (
      [0xE5, 0xB9, 0xB4], [0xE6, 0x9C, 0x88], [0xE6, 0x97, 0xA5], [0xE5, 0xBA, 0x95], [0xE5, 0x89, 0x8D]
    )
    guard u.count >= 4, let year = number(4), DeadlineGrammar.years.contains(year), take(nian), let month = number(2),
      take(yue),
      (1...12).contains(month)
    else { return nil }
    let day: Int
    if take(di) {
      day = Day.daysIn(month: month, year: year)
    } else if let d = number(2), take(ri) {
      day = d
    } else {
      return nil
    }
    guard take(qian), u.isEmpty else { return nil }
    return Day(year: year, month: month, day: day)
  }
}
