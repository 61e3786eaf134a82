import Foundation
import Model
import TestSupport
import Testing

private func day(_ s: String) -> Day { Day(iso: s)! }

@Suite("Deadline grammar")
struct DeadlineTests {
  /// Every phrase the seeds use, read phrase by phrase.
  static let phrases: [(String, DeadlineKind)] = [
    // Seed 000's deadline column.
    ("2019年8月底前", .by(day("2019-08-31"))),
    ("2019年9月底前", .by(day("2019-09-30"))),
    ("2019年9月15日前", .by(day("2019-09-15"))),
    ("2019年12月底前", .by(day("2019-12-31"))),
    ("2019年12月底前 ", .by(day("2019-12-31"))),
    ("2019年12月底前完成，并持续开展", .byThenOngoing(day("2019-12-31"))),
    ("持续开展", .ongoing),
    ("待市局明确后，稳步推行", .afterEvent(event: "市局明确", thenOngoing: false)),
    ("税务总局出台相关制度后", .afterEvent(event: "税务总局出台相关制度", thenOngoing: false)),
    ("税务总局启动统一公示平台后，持续开展", .afterEvent(event: "税务总局启动统一公示平台", thenOngoing: true)),
    // Seed 004's 完成时限 column and the windows in its requirements.
    ("2019年6月底前", .by(day("2019-06-30"))),
    ("长期执行", .ongoing),
    ("2019年6月底前完成,长期执行", .byThenOngoing(day("2019-06-30"))),
    ("2019年9月底前完成,长期执行", .byThenOngoing(day("2019-09-30"))),
    ("在执法决定作出之日起20个工作日内", .withinAfterEvent(count: 20, unit: .workingDays, event: "执法决定作出")),
    ("执法决定作出之日起7个工作日内", .withinAfterEvent(count: 7, unit: .workingDays, event: "执法决定作出")),
    ("于每年1月31日前", .yearly(month: 1, day: 31)),
    // Seed 001's dates in prose.
    ("2020年7月底前", .by(day("2020-07-31"))),
    ("2019年7月12日前", .by(day("2019-07-12"))),
    ("每年1月31日前", .yearly(month: 1, day: 31)),
    ("2019年7月底前", .by(day("2019-07-31"))),
    ("2019年8月-2020年7月", .by(day("2020-07-31"))),
    ("2019年10月", .by(day("2019-10-31"))),
    ("制定或修改相关标准后1个月内", .withinAfterEvent(count: 1, unit: .months, event: "制定或修改相关标准")),
    // PRODUCT.md's examples of each kind.
    ("2018年底前", .by(day("2018-12-31"))),
    ("2019-08-31", .by(day("2019-08-31"))),
    ("作出行政许可决定之日起7个工作日内", .withinAfterEvent(count: 7, unit: .workingDays, event: "作出行政许可决定")),
    ("文件公开后5个工作日", .withinAfterEvent(count: 5, unit: .workingDays, event: "文件公开")),
    ("每年3月31日", .yearly(month: 3, day: 31)),
    ("按相关规定要求", .asRequired),
  ]

  @Test("every seed phrase reads to the right kind and date", arguments: phrases.indices)
  func seedPhrase(_ k: Int) {
    let (text, expected) = Self.phrases[k]
    #expect(Deadline(text).kind == expected, "\(text)")
    #expect(Deadline(text).text == text, "kept verbatim")
  }

  @Test("width and punctuation variants read the same")
  func variants() {
    #expect(Deadline("２０１９年６月底前完成，长期执行").kind == .byThenOngoing(day("2019-06-30")))
    #expect(Deadline("2019年6月底前完成；长期执行").kind == .byThenOngoing(day("2019-06-30")))
    #expect(Deadline(" 2019 年 8 月底前 ").kind == .by(day("2019-08-31")))
    #expect(Deadline("待市局明确后,稳步推行").kind == .afterEvent(event: "市局明确", thenOngoing: false))
    #expect(Deadline("二〇一九年十二月底前").kind == .by(day("2019-12-31")))
    #expect(Deadline("2019年9月三十日前").kind == .by(day("2019-09-30")))
  }

  @Test("more shapes other agencies use")
  func otherShapes() {
    #expect(Deadline("2019年上半年").kind == .by(day("2019-06-30")))
    #expect(Deadline("2019年第三季度末").kind == .by(day("2019-09-30")))
    #expect(Deadline("2020年2月底前").kind == .by(day("2020-02-29")))
    #expect(Deadline("2019年8月前").kind == .by(day("2019-07-31")))
    #expect(Deadline("2019/09/15").kind == .by(day("2019-09-15")))
    #expect(Deadline("每年6月底前").kind == .yearly(month: 6, day: nil))
    #expect(Deadline("每年年底前").kind == .yearly(month: 12, day: 31))
    #expect(Deadline("收到申请之日起30日内").kind == .withinAfterEvent(count: 30, unit: .days, event: "收到申请"))
    #expect(Deadline("按照上级要求").kind == .asRequired)
    #expect(Deadline("根据工作需要").kind == .asRequired)
    #expect(Deadline("长期坚持").kind == .ongoing)
  }

  @Test("phrases of other agencies' tables: spaces inside, the month before, ongoing and as-required words")
  func agencyPhrases() {
    #expect(Deadline("2019年 12月30日前").kind == .by(day("2019-12-30")))
    #expect(Deadline("2021年8月前").kind == .by(day("2021-07-31")))
    #expect(Deadline("2021年第二季度").kind == .by(day("2021-06-30")))
    #expect(Deadline("2021年一季度末").kind == .by(day("2021-03-31")))
    #expect(Deadline("2021年下半年").kind == .by(day("2021-12-31")))
    #expect(Deadline("2021年内").kind == .by(day("2021-12-31")))
    for text in ["长期推进", "长期坚持", "持续推进", "常态化", "常态化开展", "持续做好", "常态推进", "日常", "每季度", "每月", "每年"] {
      #expect(Deadline(text).kind == .ongoing, "\(text)")
    }
    #expect(Deadline("按上级要求").kind == .asRequired)
  }

  @Test("a phrase without a year reads in the plan's year, and stays unparsed without one")
  func planYear() {
    let cases: [(String, String)] = [
      ("年底前", "2021-12-31"), ("年内", "2021-12-31"), ("全年", "2021-12-31"), ("上半年", "2021-06-30"),
      ("下半年", "2021-12-31"), ("一季度末", "2021-03-31"), ("二季度", "2021-06-30"), ("第二季度", "2021-06-30"),
      ("四月份", "2021-04-30"), ("4月底", "2021-04-30"), ("12月30日前", "2021-12-30"),
    ]
    for (text, due) in cases {
      #expect(Deadline(text, year: 2021).kind == .by(day(due)), "\(text)")
      #expect(Deadline(text).kind == .unparsed, "\(text) without a year")
    }
    // A phrase with its own year keeps it; the other kinds are not touched by the plan's year.
    #expect(Deadline("2019年8月底前", year: 2021).kind == .by(day("2019-08-31")))
    #expect(Deadline("每年3月31日", year: 2021).kind == .yearly(month: 3, day: 31))
    #expect(Deadline("持续推进", year: 2021).kind == .ongoing)
    #expect(Deadline("文件公开后5个工作日", year: 2021).kind == .withinAfterEvent(count: 5, unit: .workingDays, event: "文件公开"))
  }

  @Test("two dates with their years: the earlier is due, the phrase kept verbatim")
  func twoDates() {
    let text = "2021年6月底前完成初稿，2021年12月底前全面完成"
    #expect(Deadline(text).kind == .by(day("2021-06-30")))
    #expect(Deadline(text).text == text)
    #expect(Deadline("2021年12月底前全面完成，2021年9月底前报送进展").kind == .by(day("2021-09-30")))
    // The second date without a year (or a count) is not a second date.
    #expect(Deadline("2019年8月底前完成初稿，12月底前定稿").kind == .unparsed)
    #expect(Deadline("2021年6月底前完成3次检查").kind == .unparsed)
  }

  @Test("anything unread stays verbatim as unparsed, and never crashes")
  func unparsed() {
    for text in ["", "尽快", "2019年13月底前", "2019年2月30日前", "2019年8月底前完成初稿，12月底前定稿", "ASAP", "年", "9999999999年"] {
      let d = Deadline(text)
      #expect(d.kind == .unparsed, "\(text) → \(d.kind)")
      #expect(d.text == text)
    }
  }

  /// Reads the deadline column straight out of the seed tables, so a phrase added to a seed
  /// is covered without editing this test.
  @Test("no deadline cell in seeds 000 and 004 is left unparsed")
  func seedCells() throws {
    let t000 = try String(contentsOf: Fixtures.seed("000"), encoding: .utf8)
    let cells000 = t000.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("\t") && ($0.contains("前") || $0.contains("持续") || $0.contains("后")) && $0.count < 30
    }
    #expect(cells000.count >= 35)
    for c in cells000 { #expect(Deadline(String(c.dropFirst())).kind != .unparsed, "\(c)") }
    let t004 = try String(contentsOf: Fixtures.seed("004"), encoding: .utf8)
    var n = 0
    for line in t004.split(separator: "\n") {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cells.count == 6, !cells[5].isEmpty, cells[5] != "完成时限" else { continue }
      for part in cells[5].replacingOccurrences(of: "</p>", with: "").components(separatedBy: "<p>") {
        let text = part.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { continue }
        n += 1
        #expect(Deadline(text).kind != .unparsed, "\(text)")
      }
    }
    #expect(n >= 34)
  }

  @Test("due dates: working days skip weekends and the plan's holidays")
  func workingDays() {
    let cal = WorkCalendar(
      holidays: Set((1...7).map { Day(year: 2019, month: 10, day: $0)! }), extraWorkdays: [day("2019-09-29")])
    // Friday 2019-09-27 + 1 working day = Sunday 09-29, a make-up working day.
    #expect(cal.adding(workdays: 1, to: day("2019-09-27")) == day("2019-09-29"))
    // Monday 09-30 + 2 working days skips the National Day week.
    #expect(cal.adding(workdays: 2, to: day("2019-09-30")) == day("2019-10-09"))
    #expect(WorkCalendar().adding(workdays: 7, to: day("2019-09-20")) == day("2019-10-01"))
    #expect(WorkCalendar().previousWorkday(before: day("2019-09-23")) == day("2019-09-20"))
  }

  @Test("days: ordinal arithmetic round-trips and knows leap years")
  func days() {
    for o in stride(from: -800_000, through: 800_000, by: 997) { #expect(Day(ordinal: o).ordinal == o) }
    #expect(day("2019-09-20").weekday == 5)
    #expect(day("2020-02-28").adding(days: 1) == day("2020-02-29"))
    #expect(day("2019-01-31").adding(months: 1) == day("2019-02-28"))
    #expect(Day(iso: "2019-02-29") == nil)
    #expect(Day(iso: "2019-9-1") == nil)
  }
}

@Suite("Deadline grammar, wider")
struct DeadlineGrammarMoreTests {
  @Test("ranges take their end, wrapping into the next year when the end month comes first")
  func ranges() {
    #expect(Deadline("2019年12月—2020年10月").kind == .by(Day(iso: "2020-10-31")!))
    #expect(Deadline("2019年12月—1月").kind == .by(Day(iso: "2020-01-31")!))
    #expect(Deadline("2019年1月—3月").kind == .by(Day(iso: "2019-03-31")!))
  }

  @Test("working-day, calendar-day, week and month windows after an event")
  func windows() {
    #expect(Deadline("收到材料后3个工作日内").kind == .withinAfterEvent(count: 3, unit: .workingDays, event: "收到材料"))
    #expect(Deadline("自立案之日起30日内").kind == .withinAfterEvent(count: 30, unit: .days, event: "立案"))
    #expect(Deadline("决定作出后两周内").kind == .withinAfterEvent(count: 2, unit: .weeks, event: "决定作出"))
    #expect(Deadline("标准修改后1个月内报备").kind == .withinAfterEvent(count: 1, unit: .months, event: "标准修改"))
  }

  @Test("as-required phrasings")
  func asRequired() {
    for t in ["按上级要求", "按照市局部署", "根据省局安排", "视工作需要", "按相关规定要求"] {
      #expect(Deadline(t).kind == .asRequired, "\(t)")
    }
  }
}
