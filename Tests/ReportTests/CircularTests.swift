import Foundation
import Model
import Readers
import TestSupport
import Testing
import Writers

/// Three agencies on copies of the sample plan: 甲区 as it is, 乙区 further along, 丙县 quiet
/// since 2019-08-01 with nothing done; and a fourth whose tasks file does not read (its
/// plan.ini still names 某区税务局).
private func rollup() throws -> Rollup {
  let root = Fixtures.scratch("circular")
  func copy(_ name: String, _ agency: String) throws -> Store {
    let dir = root.appendingPathComponent(name)
    try FileManager.default.copyItem(at: Fixtures.sampleData, to: dir)
    let ini = dir.appendingPathComponent("plan.ini")
    try Fixtures.read(ini).replacingOccurrences(of: "agency = 某区税务局", with: "agency = \(agency)").write(
      to: ini, atomically: true, encoding: .utf8)
    return try Store.open(dir.path)
  }
  _ = try copy("jia", "甲区税务局")
  let yi = try copy("yi", "乙区税务局")
  let day = Day(iso: "2019-09-20")!
  try yi.commit(
    [yi.plan.markDone("2", on: day), yi.plan.markDone("27", on: day), yi.plan.markDone("28", on: day)].compactMap {
      $0
    },
    by: "赵强", at: "2019-09-20T09:00:00+08:00")
  let bing = try copy("bing", "丙县税务局")
  var reopened: [Change] = []
  for i in bing.plan.tasks.indices where bing.plan.tasks[i].status != .open {
    if let c = bing.plan.setStatus(bing.plan.tasks[i].id, .open) { reopened.append(c) }
  }
  try bing.commit(reopened, by: "李娜", at: "2019-08-01T09:00:00+08:00")
  try FileManager.default.removeItem(at: root.appendingPathComponent("bing/journal.jsonl"))
  try Data(
    "{\"seq\":1,\"at\":\"2019-08-01T09:00:00+08:00\",\"by\":\"李娜\",\"op\":\"import\",\"source\":\"t\",\"tasks\":35,\"groups\":4}\n"
      .utf8
  ).write(to: root.appendingPathComponent("bing/journal.jsonl"))
  let broken = root.appendingPathComponent("ding")
  try FileManager.default.copyItem(at: Fixtures.sampleData, to: broken)
  try Data("id,measure\n1,\"never closed\n".utf8).write(to: broken.appendingPathComponent("tasks.csv"))
  return Rollup.read(try StoreDiscovery.find([root.path]), today: day)
}

@Suite("The roll-up's 通报")
struct CircularTests {
  @Test("agencies ranked as a 通报 ranks them: fewest overdue, most done, fewest short units; unreadable last")
  func ranking() throws {
    let r = try rollup()
    let c = Circular(r, words: ChineseWords())
    #expect(c.ranking.rows.map { $0.cells[0] } == ["1", "2", "3", "—"])
    #expect(c.ranking.rows.map { $0.cells[1] } == ["乙区税务局", "甲区税务局", "丙县税务局", "某区税务局"])
    #expect(c.ranking.rows[0].cells[2...5] == ["35", "6", "17%", "0"])
    #expect(c.ranking.rows[2].cells.last == "是")
    // Every agency but the one with nothing overdue lags, the unreadable one too, worst first.
    #expect(c.lagging.count == 3)
    #expect(c.lagging[0].hasPrefix("某区税务局：方案无法读取（"))
    #expect(c.lagging[1].hasPrefix("丙县税务局（排名第3）：完成0/35项（0%），逾期"))
    #expect(c.lagging[1].hasSuffix("；已50天未报送进展（最近一次2019-08-01）。"))
    #expect(c.lagging[2].hasPrefix("甲区税务局（排名第2）：完成3/35项（8%），逾期3项"))
    #expect(c.summary[1] == "进度滞后的3个机构情况如下，请抓紧推进。")
    // Overdue tasks: each agency's own; the matrix: the 35 measures the three share.
    #expect(c.overdueTasks.rows.filter { $0.cells[0] == "甲区税务局" }.map { $0.cells[1] } == ["2", "27", "28"])
    #expect(c.measures.rows.count == 35 && c.measures.agencies == ["乙区税务局", "甲区税务局", "丙县税务局", "某区税务局"])
    #expect(c.measures.rows[1].cells == [.done, .overdue, .overdue, nil])
    #expect(c.staffing.rows.allSatisfy { $0.mark == .short } && c.staffing.rows.count == 9)
  }

  @Test("the workbook: a sheet each for the ranking, the overdue tasks, the shared measures and staffing")
  func workbook() throws {
    let c = Circular(try rollup(), words: ChineseWords())
    let path = scratchFile("通报.xlsx")
    try CircularWorkbook.write(c, words: ChineseWords(), to: path)
    let (ranking, _) = try sheet(path, "排名")
    #expect(ranking[0] == ["关于全面推行“三项制度”工作进展情况的通报"])
    #expect(ranking[1] == ["排名", "机构", "任务", "已完成", "完成率", "逾期", "14天内到期", "审核缺口", "最近变更", "未报送"])
    #expect(ranking[2].prefix(4) == ["1", "乙区税务局", "35", "6"])
    let (matrix, _) = try sheet(path, "工作措施")
    #expect(matrix[0] == ["共同工作措施完成情况（35项）"])
    #expect(matrix[1] == ["序号", "工作措施", "已完成", "逾期", "乙区税务局", "甲区税务局", "丙县税务局", "某区税务局"])
    // The unreadable store holds none.
    #expect(matrix[3] == ["2", "建立联络员制度、例会制度、工作项目组制度。", "1/3", "2", "已完成", "逾期", "逾期", ""])
    let (late, _) = try sheet(path, "逾期任务")
    #expect(late.count == 2 + c.overdueTasks.rows.count)
    if hasPythonReaders {
      let want: [String: Any] = [
        "sheets": ["排名", "逾期任务", "工作措施", "人员配置"], "title": c.title,
        "checks": [
          [
            "sheet": "排名", "title": c.title, "header_row": 2, "header": c.ranking.columns.map(\.name),
            "merges": ["A1:J1"],
          ],
          ["sheet": "人员配置", "header_row": 2, "header": c.staffing.columns.map(\.name), "orientation": "portrait"],
        ],
      ]
      #expect(try independentCheck("xlsx", path, want) == "")
    }
  }

  @Test("the Word 通报: the ranking table and a paragraph on each agency that lags")
  func document() throws {
    let r = try rollup()
    let c = Circular(r, words: ChineseWords())
    let path = scratchFile("通报.docx")
    try ReportDocument.write(c, words: ChineseWords(), today: r.today, to: path)
    let grid = try SourceFile.read(path: path).tables[0]
    #expect(grid.rows.map { $0.cells.map(\.text) } == [c.ranking.columns.map(\.name)] + c.ranking.rows.map(\.cells))
    #expect(grid.preamble.contains(c.title))
    if hasPythonReaders {
      let want: [String: Any] = [
        "title": c.title, "headings": ["一、各机构进展排名（4个）", "二、进度滞后的机构（3个）"], "paragraphs": c.summary + c.lagging,
        "fonts": ["Normal": "仿宋", "Title": "宋体"],
      ]
      #expect(try independentCheck("docx", path, want) == "")
    }
  }
}
