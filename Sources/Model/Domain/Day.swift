/// A calendar day with no time zone, because deadlines and completion dates in a plan
/// are days in the bureau's own calendar, never instants.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Four bytes, not three words: every task holds two optional days, and a plan of
  // 100,000 tasks is a few megabytes lighter for it.
  private let y: Int16
  private let m: UInt8
  private let d: UInt8

  public var year: Int { Int(y) }
  public var month: Int { Int(m) }
  public var day: Int { Int(d) }

  /// Returns nil for a date that does not exist (2019-02-30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    self.y = Int16(year)
    self.m = UInt8(month)
    self.d = UInt8(day)
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) { self.init(isoUTF8: text.utf8) }

  /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (a cell of a file), without making a string.
  public init?(isoUTF8 bytes: some Sequence<UInt8>) {
    var k = 0
    var (y, m, d) = (0, 0, 0)
    for c in bytes {
      if k == 4 || k == 7 {
        guard c == UInt8(ascii: "-") else { return nil }
      } else {
        guard k < 10, c >= 0x30 && c <= 0x39 else { return nil }
        let v = Int(c - 0x30)
        if k < 4 { y = y * 10 + v } else if k < 7 { m = m * 10 + v } else { d = d * 10 + v }
      }
      k += 1
    }
    guard k == 10 else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// A date as a spreadsheet program rewrites it: "2019/8/28", "2019/08/28" (also with "-" or
  /// "." between the parts, and one- or two-digit months and days).
  public init?(spreadsheet text: some StringProtocol) {
    let parts = text.split { $0 == "/" || $0 == "-" || $0 == "." }
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The last day of a month: "8月底" means this.
  public static func endOf(month: Int, year: Int) -> Day? {
    guard (1...12).contains(month) else { return nil }
    return Day(year: year, month: month, day: daysIn(month: month, year: year))
  }

  /// Days since 1970-01-01 (proleptic Gregorian), so that differences are plain subtraction.
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(ordinal z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.y = Int16(clamping: yoe + era * 400 + (m <= 2 ? 1 : 0))
    self.m = UInt8(m)
    self.d = UInt8(d)
  }

  public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

  /// Adds calendar months, clamping to the month's end (Jan 31 + 1 month = Feb 28/29).
  public func adding(months n: Int) -> Day {
    let total = year * 12 + (month - 1) + n
    let y = total / 12
    let m = total % 12 + 1
    return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int { other.ordinal - ordinal }

  /// 1 = Monday … 7 = Sunday (ISO 8601).
  public var weekday: Int {
    let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
    return (w < 0 ? w + 7 : w) + 1
  }

  public var isWeekend: Bool { weekday >= 6 }

  public var description: String {
    var out: [UInt8] = []
    appendISO(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `YYYY-MM-DD` appended as bytes, without a string: reports write thousands of days.
  public func appendISO(to out: inout [UInt8]) {
    func digits(_ n: Int, _ count: Int) {
      var p = 1
      for _ in 1..<count { p *= 10 }
      while p > 0 {
        out.append(0x30 + UInt8(n / p % 10))
        p /= 10
      }
    }
    digits(year, 4)
    out.append(0x2D)
    digits(month, 2)
    out.append(0x2D)
    digits(day, 2)
  }

  public static func < (a: Day, b: Day) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}

/// Which days count as working days: Monday to Friday, minus the plan's holidays, plus the
/// weekend days a plan declares as working days (China's 调休).
public struct WorkCalendar: Sendable, Hashable {
  public var holidays: Set<Day>
  public var extraWorkdays: Set<Day>

  public init(holidays: Set<Day> = [], extraWorkdays: Set<Day> = []) {
    self.holidays = holidays
    self.extraWorkdays = extraWorkdays
  }

  public func isWorkday(_ d: Day) -> Bool {
    if extraWorkdays.contains(d) { return true }
    if holidays.contains(d) { return false }
    return !d.isWeekend
  }

  /// The N-th working day after `start` ("之日起7个工作日内": the window closes on that day).
  public func adding(workdays n: Int, to start: Day) -> Day {
    var d = start
    var left = max(0, n)
    while left > 0 {
      d = d.adding(days: 1)
      if isWorkday(d) { left -= 1 }
    }
    return d
  }

  /// The most recent working day strictly before `d`: the day of the last stand-up.
  public func previousWorkday(before d: Day) -> Day {
    var p = d.adding(days: -1)
    var guardCount = 0
    while !isWorkday(p) && guardCount < 60 {
      p = p.adding(days: -1)
      guardCount += 1
    }
    return p
  }
}
