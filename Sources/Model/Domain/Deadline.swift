/// A deadline as the plan states it (kept verbatim, never rewritten) and what it means.
public struct Deadline: Hashable, Sendable {
  public let text: String
  public let kind: DeadlineKind

  public init(_ text: String) {
    self.text = text
    self.kind = DeadlineGrammar.parse(text)
  }

  /// A phrase read in a plan's year: "年底前", "二季度", "4月底" name no year of their own.
  public init(_ text: String, year: Int?) {
    self.text = text
    self.kind = DeadlineGrammar.parse(text, year: year)
  }

  public init(text: String, kind: DeadlineKind) {
    self.text = text
    self.kind = kind
  }

  /// The same phrase read in the plan's year: only a phrase the grammar could not read
  /// without one ("年底前", "二季度") can read differently with it, so the others stay.
  public func inYear(_ year: Int?) -> Deadline {
    guard kind == .unparsed, let year else { return self }
    return Deadline(text, year: year)
  }
}

/// The unit of a "within N … after an event" window.
public enum SpanUnit: String, Hashable, Sendable {
  case workingDays = "working_days"
  case days
  case weeks
  case months
}

/// The readings PRODUCT.md lists; `name` is the token scripts see in JSON.
public enum DeadlineKind: Hashable, Sendable {
  /// 2019年8月底前, 2019年9月15日前, 2018年底前, 2019-08-31.
  case by(Day)
  /// 2019年12月底前完成，并持续开展: due on the date until done, then ongoing.
  case byThenOngoing(Day)
  /// 持续开展, 长期执行.
  case ongoing
  /// 待市局明确后，稳步推行; 税务总局出台相关制度后. `thenOngoing` when it continues after.
  case afterEvent(event: String, thenOngoing: Bool)
  /// 作出行政许可决定之日起7个工作日内: due N units after the event is recorded.
  case withinAfterEvent(count: Int, unit: SpanUnit, event: String)
  /// 每年3月31日, 每年1月31日前; `day` nil means the month's last day (每年6月底前).
  case yearly(month: Int, day: Int?)
  /// 按相关规定要求.
  case asRequired
  /// Anything else: shown verbatim and flagged.
  case unparsed

  public var name: String {
    switch self {
    case .by: "by"
    case .byThenOngoing: "by_then_ongoing"
    case .ongoing: "ongoing"
    case .afterEvent: "after_event"
    case .withinAfterEvent: "within_after_event"
    case .yearly: "yearly"
    case .asRequired: "as_required"
    case .unparsed: "unparsed"
    }
  }

  /// True for the kinds that wait on an outside trigger before they can be dated.
  public var awaitsEvent: Bool {
    switch self {
    case .afterEvent, .withinAfterEvent: true
    default: false
    }
  }
}

/// Reads Chinese deadline phrases. Width and punctuation variants are folded first, so
/// "2019年6月底前完成,长期执行" and "２０１９年６月底前完成，长期执行" read the same.
public enum DeadlineGrammar {
  /// The years a "YYYY年" can name: anything else is not read as a date.
  static let years = 1900...2200

  public static func parse(_ text: String) -> DeadlineKind { parse(text, year: nil) }

  /// As `parse`, with the plan's year for phrases that name none ("年底前", "一季度末",
  /// "下半年", "四月份"); without it they stay unparsed, to be flagged.
  public static func parse(_ text: String, year: Int?) -> DeadlineKind {
    let s = normalize(text)
    if s.isEmpty { return .unparsed }
    var p = Parser(s)
    p.planYear = year.flatMap { years.contains($0) ? $0 : nil }
    return p.deadline() ?? .unparsed
  }

  /// Folds full-width ASCII to half-width, Chinese numerals to digits where they count
  /// something, and drops whitespace.
  static func normalize(_ text: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    for u in text.unicodeScalars {
      var v = u.value
      if v == 0x3000 || v == 0xA0 || u.properties.isWhitespace { continue }
      if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
      switch v {
      case 0x3001: v = 0x2C  // 、 reads as a separator here
      case 0x2014, 0x2013, 0x2015, 0xFF5E, 0x301C: v = 0x2D  // dashes and waves
      default: break
      }
      out.append(Unicode.Scalar(v)!)
    }
    return out
  }

  static let ongoingWords: [String] = [
    "持续开展", "长期执行", "长期坚持", "持续推进", "持续进行", "持续深化", "持续实施", "常态化开展",
    "常态化推进", "常态化", "长期开展", "长期推进", "长期", "持续", "经常性开展",
    // Work that recurs without a date of its own: nothing falls due, as with 持续开展.
    "常态推进", "常态", "日常", "常年", "定期开展", "定期", "每季度", "每半年", "每月", "每周", "每年",
  ]
}

private struct Parser {
  let s: [Unicode.Scalar]
  var i = 0
  /// The year a phrase without one means (the plan's), when known.
  var planYear: Int? = nil

  init(_ s: [Unicode.Scalar]) { self.s = s }

  var atEnd: Bool { i >= s.count }

  func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  mutating func eat(_ word: String) -> Bool {
    let w = Array(word.unicodeScalars)
    guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
    i += w.count
    return true
  }

  mutating func eatAny(_ words: [String]) -> Bool { words.contains { eat($0) } }

  var rest: String { String(String.UnicodeScalarView(s[min(i, s.count)...])) }

  static func digit(_ u: Unicode.Scalar) -> Int? {
    switch u {
    case "0"..."9": Int(u.value - 48)
    case "〇", "零", "○": 0
    case "一": 1
    case "二", "两": 2
    case "三": 3
    case "四": 4
    case "五": 5
    case "六": 6
    case "七": 7
    case "八": 8
    case "九": 9
    default: nil
    }
  }

  /// A number in ASCII digits, in digit-by-digit Chinese (二〇一九), or in positional
  /// Chinese up to 99 (十二, 三十一).
  mutating func number() -> Int? {
    var run: [Unicode.Scalar] = []
    while let u = peek(), u == "十" || Parser.digit(u) != nil, run.count < 9 {
      run.append(u)
      i += 1
    }
    guard !run.isEmpty else { return nil }
    guard let ten = run.firstIndex(of: "十") else {
      return run.reduce(0) { $0 * 10 + Parser.digit($1)! }
    }
    let left = run[..<ten].reduce(0) { $0 * 10 + (Parser.digit($1) ?? 0) }
    let right = run[(ten + 1)...].reduce(0) { $0 * 10 + (Parser.digit($1) ?? 0) }
    return (ten == 0 ? 1 : left) * 10 + right
  }

  mutating func separators() { while let u = peek(), ",;.。!".unicodeScalars.contains(u) { i += 1 } }

  /// Tries each reading in turn; a reading must consume the whole phrase.
  mutating func deadline() -> DeadlineKind? {
    _ = eatAny(["应于", "须于", "于", "在"])
    let start = i
    for attempt in [Parser.dated, Parser.yearly, Parser.ongoingOnly, Parser.asRequired, Parser.event] {
      i = start
      if let k = attempt(&self) { return k }
    }
    return nil
  }

  /// A date, optionally "完成" and then an ongoing phrase; a range takes its end.
  static func dated(_ p: inout Parser) -> DeadlineKind? {
    guard var day = p.date() else { return nil }
    if p.eatAny(["-", "至", "到", "~"]) {
      guard var end = p.date(defaultYear: day.year) else { return nil }
      // "2019年12月—1月": a range that wraps into the next year.
      if end < day,
        let next = Day(
          year: end.year + 1, month: end.month, day: min(end.day, Day.daysIn(month: end.month, year: end.year + 1)))
      {
        end = next
      }
      day = end
    }
    _ = p.eatAny(["以前", "之前", "前", "为止", "止", "内"])
    let tail = p.rest
    if tail.isEmpty { return .by(day) }
    var q = p
    _ = q.eatAny(["完成", "落实到位", "推行到位", "到位", "落实", "实现"])
    q.separators()
    _ = q.eatAny(["并且", "并", "且", "后"])
    if q.ongoingPhrase() { return .byThenOngoing(day) }
    // Words without a second date ("完成初稿") still read as the date; a second date with its
    // own year ("…，2021年12月底前全面完成") makes the earlier one due; another number does not.
    if tail.unicodeScalars.contains(where: { Parser.digit($0) != nil || $0 == "年" || $0 == "月" }) {
      return p.secondDate().map { .by(min(day, $0)) }
    }
    if GrammarWords.containsOngoing(tail) { return .byThenOngoing(day) }
    return .by(day)
  }

  /// A second full date (with its own year) in the rest of the phrase, the rest being words
  /// around it ("完成初稿，2021年12月底前全面完成").
  func secondDate() -> Day? {
    var q = self
    q.planYear = nil
    var found: Day? = nil
    while let u = q.peek() {
      guard Parser.digit(u) != nil else {
        q.i += 1
        continue
      }
      let at = q.i
      guard found == nil, let d = q.date(), q.s[at..<q.i].contains("年") || q.s[at..<q.i].contains("-") else {
        return nil
      }
      found = d
    }
    return found
  }

  /// True when the rest is only an ongoing phrase (with optional joining words).
  mutating func ongoingPhrase() -> Bool {
    let start = i
    _ = eatAny(["坚持", "并"])
    guard eatAny(DeadlineGrammar.ongoingWords) else {
      i = start
      return false
    }
    _ = eatAny(["执行", "开展", "推进", "实施", "做好", "落实", "抓好", "进行"])
    separators()
    if atEnd { return true }
    i = start
    return false
  }

  static func ongoingOnly(_ p: inout Parser) -> DeadlineKind? {
    p.ongoingPhrase() ? .ongoing : nil
  }

  static func yearly(_ p: inout Parser) -> DeadlineKind? {
    guard p.eatAny(["每年度", "每年"]) else { return nil }
    var month = 12
    var day: Int? = nil
    if p.eatAny(["年底", "底", "末", "年末"]) {
      day = 31
    } else {
      guard let m = p.number(), (1...12).contains(m), p.eat("月") else { return nil }
      month = m
      if let d = p.number() {
        guard p.eatAny(["日", "号"]), (1...Day.daysIn(month: m, year: 2000)).contains(d) else {
          return nil
        }
        day = d
      } else {
        _ = p.eatAny(["底", "末", "份"])
      }
    }
    _ = p.eatAny(["以前", "之前", "前", "止"])
    _ = p.eatAny(["完成"])
    p.separators()
    return p.atEnd ? .yearly(month: month, day: day) : nil
  }

  static func asRequired(_ p: inout Parser) -> DeadlineKind? {
    let t = p.rest
    let openers = ["按照", "按", "根据", "依照", "依据", "视"]
    let closers = ["要求", "规定", "部署", "安排", "需要", "情况", "时限", "通知"]
    guard openers.contains(where: { t.hasPrefix($0) }) else { return nil }
    guard closers.contains(where: { t.contains($0) }) else { return nil }
    if t.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return nil }
    return .asRequired
  }

  /// "X后", "待X后，稳步推行", "X之日起7个工作日内", "X后5个工作日".
  static func event(_ p: inout Parser) -> DeadlineKind? {
    let t = Array(p.s[p.i...])
    var waitPrefix = false
    var from = 0
    for pre in ["待", "在", "自", "于", "从"] where String(String.UnicodeScalarView(t)).hasPrefix(pre) {
      from = pre.unicodeScalars.count
      waitPrefix = pre == "待"
      break
    }
    // The event ends at the last marker that is followed by a window or by the end.
    let markers = ["之日起", "之日后", "之后", "以后", "起", "后"]
    var best: (eventEnd: Int, after: Int)? = nil
    var k = from + 1
    scan: while k < t.count {
      for m in markers {
        let w = Array(m.unicodeScalars)
        if k + w.count <= t.count, Array(t[k..<(k + w.count)]) == w {
          best = (k, k + w.count)
          k += w.count
          continue scan
        }
      }
      k += 1
    }
    guard let (eventEnd, after) = best else {
      if waitPrefix {
        var q = Parser(Array(t[from...]))
        q.separators()
        let ev = String(String.UnicodeScalarView(t[from...]))
        return ev.isEmpty ? nil : .afterEvent(event: ev, thenOngoing: GrammarWords.containsOngoing(ev))
      }
      return nil
    }
    let eventText = String(String.UnicodeScalarView(t[from..<eventEnd]))
    guard !eventText.isEmpty else { return nil }
    var q = Parser(Array(t[after...]))
    q.separators()
    if let n = q.number() {
      _ = q.eat("个")
      let unit: SpanUnit
      if q.eat("工作日") {
        unit = .workingDays
      } else if q.eatAny(["日", "天"]) {
        unit = .days
      } else if q.eatAny(["周", "星期"]) {
        unit = .weeks
      } else if q.eatAny(["月"]) {
        unit = .months
      } else {
        return nil
      }
      _ = q.eatAny(["之内", "以内", "内"])
      _ = q.eatAny(["完成"])
      q.separators()
      guard q.atEnd || q.restIsFiller() else { return nil }
      return .withinAfterEvent(count: n, unit: unit, event: eventText)
    }
    // Nothing dated after the marker: a plain after-event reading, possibly ongoing.
    let tail = q.rest
    if tail.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return nil }
    return .afterEvent(event: eventText, thenOngoing: GrammarWords.containsOngoing(tail))
  }

  /// Words that add no date: "公开", "完成", "报送".
  func restIsFiller() -> Bool {
    !rest.unicodeScalars.contains(where: { Parser.digit($0) != nil || $0 == "年" || $0 == "月" })
  }

  /// A calendar date: ISO forms, or 年/月/日 phrases with 底, 上半年, 季度, 旬.
  mutating func date(defaultYear: Int? = nil) -> Day? {
    let start = i
    if let d = isoDate() { return d }
    i = start
    var year: Int
    if let y = number(), DeadlineGrammar.years.contains(y), eat("年") {
      year = y
      // "2021年内", "2021年全年": by the year's end.
      if eatAny(["年内", "内", "全年"]) { return Day(year: year, month: 12, day: 31) }
    } else if let dy = defaultYear {
      i = start
      year = dy
    } else if let py = planYear {
      i = start
      year = py
      if eatAny(["年内", "全年", "本年度", "今年"]) { return Day(year: year, month: 12, day: 31) }
    } else {
      i = start
      return nil
    }
    if eatAny(["年底", "底", "年末", "末"]) { return Day(year: year, month: 12, day: 31) }
    if eat("上半年") { return Day(year: year, month: 6, day: 30) }
    if eat("下半年") { return Day(year: year, month: 12, day: 31) }
    let qStart = i
    _ = eat("第")
    if let q = number(), (1...4).contains(q), eat("季度") {
      _ = eatAny(["末", "底"])
      return Day.endOf(month: q * 3, year: year)
    }
    i = qStart
    guard let m = number(), (1...12).contains(m), eat("月") else {
      i = start
      return nil
    }
    if let d = number() {
      guard eatAny(["日", "号"]) else {
        i = start
        return nil
      }
      return Day(year: year, month: m, day: d)
    }
    if eatAny(["底", "末", "份", "下旬"]) { return Day.endOf(month: m, year: year) }
    if eat("上旬") { return Day(year: year, month: m, day: 10) }
    if eat("中旬") { return Day(year: year, month: m, day: 20) }
    // "2019年8月前" is before August: the last day of July.
    if peek() == "前" || (peek() == "以" && peek(1) == "前") || (peek() == "之" && peek(1) == "前") {
      return Day.endOf(month: m, year: year).map { $0.adding(days: -Day.daysIn(month: m, year: year)) }
    }
    return Day.endOf(month: m, year: year)
  }

  mutating func isoDate() -> Day? {
    guard let y = number(), y >= 1900, let sep = peek(), "-/.".unicodeScalars.contains(sep) else { return nil }
    i += 1
    guard let m = number(), peek() == sep else { return nil }
    i += 1
    guard let d = number() else { return nil }
    return Day(year: y, month: m, day: d)
  }
}

enum GrammarWords {
  static func containsOngoing(_ t: String) -> Bool {
    DeadlineGrammar.ongoingWords.contains { t.contains($0) }
  }
}
