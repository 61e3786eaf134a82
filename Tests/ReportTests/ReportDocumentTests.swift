import Foundation
import Model
import TestSupport
import Testing
import Writers

@testable import Readers

/// The progress report: its figures and summary from the plan, and the .docx read back by
/// the project's reader and, where python3 has it, by python-docx.
@Suite("The progress report")
struct ReportDocumentTests {
  func report(_ scope: ReportScope = ReportScope(), since: String = "2019-09-14", words: any Words = ChineseWords())
    throws -> ProgressReport
  {
    let (_, a) = try sample()
    return ProgressReport(
      a, scope: scope, period: Period(a, since: Day(iso: since)!, tasks: scope.tasks(a).map(\.index)), words: words)
  }

  @Test("the period: done by completion date, started and noted in the journal, due in it and overdue now")
  func period() throws {
    let (_, a) = try sample()
    let p = Period(a, since: Day(iso: "2019-09-01")!, tasks: Array(a.plan.tasks.indices))
    #expect(p.items(.done).map { a.plan.tasks[$0.task].id } == ["23"])
    #expect(p.items(.done).first?.by == "刘洋")
    #expect(Set(p.items(.started).map { a.plan.tasks[$0.task].id }) == ["4", "27", "18", "29"])
    #expect(p.items(.becameOverdue).map { a.plan.tasks[$0.task].id } == ["27", "28"])
    #expect(p.items(.note).map { a.plan.tasks[$0.task].id } == ["2", "23", "28", "22"])
    // A period before anything happened has nothing in it.
    let early = Period(a, since: Day(iso: "2019-09-21")!, tasks: Array(a.plan.tasks.indices))
    #expect(early.items.isEmpty)
  }

  @Test("the summary is written in Chinese from the figures: progress, overdue, the period, staffing")
  func summary() throws {
    let r = try report(since: "2019-09-01")
    let f = r.figures
    #expect((f.tasks, f.done, f.inProgress, f.overdue, f.dueSoon) == (35, 3, 5, 3, 4))
    #expect((f.units, f.shortUnits, f.shortfall) == (11, 3, 4))
    #expect(
      r.summary == [
        "截至2019年9月20日，方案共有任务35项，已完成3项，完成率8%；正在推进5项，尚未开始26项，受阻1项（其中3项待外部条件明确后推进）。逾期未完成3项，14天内到期4项。",
        "本期（2019年9月1日至2019年9月20日）完成1项，开始推进4项，新增逾期2项，记录进展情况4条。",
        "人员配置方面，11个单位共有执法人员192人、法制审核人员11人；3个单位的法制审核人员不足执法人员的5%，共缺4人。",
      ])
    #expect(
      r.tables.map(\.heading) == [
        "一、逾期任务（3项）", "二、14天内到期的任务（4项）", "三、本期完成的任务（1项）", "四、各工作组进展（4个）", "五、法制审核人员不足的单位（3个）",
      ])
    #expect(r.tables[3].rows.last?.cells == ["合计", "35", "3", "5", "3", "8%"])
    #expect(r.tables[4].rows.map { $0.cells[0] } == ["稽查局", "第二税务所", "纳税服务科"])
    let dept = try report(ReportScope(department: "人事教育科"))
    #expect(dept.summary[0].hasPrefix("截至2019年9月20日，人事教育科牵头或配合的任务共"))
    #expect(dept.tables[0].columns.map(\.name).contains("角色"))
    let en = try report(words: EnglishWords())
    #expect(en.summary[0].hasPrefix("As of 2019-09-20, the plan has 35 tasks: 3 done (8%)"))
    #expect(Language.chinese(in: en.summary.joined()).isEmpty)
  }

  func written(_ r: ProgressReport) throws -> String {
    let path = scratchFile("报告.docx")
    try ReportDocument.write(r, to: path)
    return path
  }

  @Test("read back by the project's reader: the title above, a table with its header; fonts and A4 in the parts")
  func readBack() throws {
    let r = try report()
    let path = try written(r)
    // The reader takes the table an importer would (the one naming the most columns); it is one
    // of the report's, cell for cell, under its heading.
    let grid = try SourceFile.read(path: path).tables[0]
    let table = try #require(r.tables.first { t in t.rows.first?.cells[0] == grid.rows[1].cells[0].text })
    #expect(grid.rows[0].cells.map(\.text) == table.columns.map(\.name))
    #expect(grid.rows.dropFirst().map { $0.cells.map(\.text) } == table.rows.map(\.cells))
    #expect(grid.preamble.contains(table.heading))
    let zip = try ZipPackage(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: "报告.docx")
    let styles = String(decoding: try #require(try zip.part("word/styles.xml")), as: UTF8.self)
    #expect(styles.contains("w:eastAsia=\"仿宋\"") && styles.contains("w:eastAsia=\"宋体\""))
    let document = String(decoding: try #require(try zip.part("word/document.xml")), as: UTF8.self)
    #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    #expect(document.contains("<w:tblHeader/>"))
    for p in r.summary { #expect(document.contains(p)) }
  }

  @Test("text that is not XML's is shown, never written raw; tags in data stay text")
  func hostileText() throws {
    let (_, a) = try sample()
    var plan = a.plan
    let text = "<w:p>注入</w:p> & \u{1B}[31m\u{07}"
    for id in ["2", "4", "27", "28", "29", "31", "33"] { _ = try plan.apply(plan.setNote(id, text)!) }
    let agenda = Agenda(plan: plan, today: a.today)
    let r = ProgressReport(
      agenda, scope: ReportScope(), period: Period(agenda, since: a.today, tasks: []), words: ChineseWords())
    let path = try written(r)
    let grid = try SourceFile.read(path: path).tables[0]
    #expect(grid.rows[1].cells.last?.text == "<w:p>注入</w:p> & ␛[31m␇")
  }

  @Test(
    "python-docx sees the title, the headings, the tables' headers, the CJK fonts and A4",
    .enabled(if: hasPythonReaders, "python3 has no python-docx (.ci/run installs it)"))
  func pythonDocx() throws {
    let r = try report(since: "2019-09-01")
    let path = try written(r)
    let want: [String: Any] = [
      "title": r.title, "headings": r.tables.map(\.heading), "paragraphs": r.summary,
      "table_headers": r.tables.filter { !$0.rows.isEmpty }.map { $0.columns.map(\.name) },
      "fonts": ["Normal": "仿宋", "Title": "宋体", "Heading 1": "宋体", "Table Text": "宋体"],
    ]
    #expect(try independentCheck("docx", path, want) == "")
  }
}
