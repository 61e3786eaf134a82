import Foundation
import Model
import Readers
import TestSupport
import Testing
import Writers

/// The ledger as a person opens it: read back by the project's .xlsx reader (the one
/// `import` and `collect` use) and, where python3 has it, by openpyxl.
@Suite("The ledger workbook")
struct LedgerWorkbookTests {
  static let words = ChineseWords()

  func written(_ scope: ReportScope = ReportScope(), since: String? = nil, words: any Words = ChineseWords()) throws
    -> (Ledger, String)
  {
    let (store, a) = try sample()
    let period = since.map { Period(a, since: Day(iso: $0)!, tasks: scope.tasks(a).map(\.index)) }
    let l = Ledger(a, scope: scope, period: period, own: OwnColumns(header: store.tasksHeader), words: words)
    let path = scratchFile("台账.xlsx")
    try LedgerWorkbook.write(l, words: words, to: path)
    return (l, path)
  }

  @Test("read back by the project's reader: the title across, the plan's header, a row per task, merges as the table's")
  func readBack() throws {
    let (l, path) = try written()
    let (rows, grid) = try sheet(path, "推进情况台账")
    // The title and the subtitle each one cell across every visible column.
    #expect(grid.rows[0].cells[0].text == "《全面推行“三项制度”工作任务分工表》推进情况台账")
    #expect(grid.rows[0].cells[0].colSpan == 10)
    #expect(grid.rows[1].cells[0].text.hasPrefix("填报单位：某区税务局"))
    #expect(
      rows[2] == ["序号", "工作项目组", "推行任务", "工作措施", "责任部门", "配合部门", "完成时限", "状态", "完成日期", "进展情况", "任务编号（请勿修改）"])
    let body = grid.rows.dropFirst(3)
    #expect(body.count == 35)
    // Task 1 opens the first group: its group cell spans the group's 11 tasks, as in seed 000.
    let first = body.first!.cells
    #expect(first[0].text == "1")
    #expect(first[1].text == "综合工作项目组" && first[1].rowSpan == 11)
    #expect(first[2].text == "强化全面推行工作保障" && first[2].rowSpan == 11)
    #expect(first[7].text == "已完成")
    // A date cell reads back as the day.
    #expect(first[8].text == "2019-08-28")
    #expect(first.last!.text == "1")
    // Task 2 is overdue: said in words in its status cell.
    let second = body.dropFirst().first!.cells
    #expect(second[0].text == "2")
    #expect(second.contains { $0.text == "进行中（逾期 20 天）" })
    // Every group starts a merge; 35 rows, in the plan's order.
    #expect(body.compactMap { r in r.cells.first?.text } == l.rows.map { r in r.cells[0] })
    #expect(l.merges.filter { $0.column == 1 }.map { $0.last - $0.first + 1 } == [11, 7, 8, 9])
  }

  @Test("the hidden stamp reads back as written; one edited by hand is told apart")
  func stamp() throws {
    let (l, path) = try written()
    let (rows, _) = try sheet(path, LedgerStamp.sheetName)
    let back = try #require(try LedgerStamp(cells: rows))
    #expect(back == l.stamp)
    #expect(back.rows.count == 35 && back.rows[1].written.status == "进行中（逾期 20 天）")
    #expect(back.journalSeq == 17 && back.agency == "某区税务局")
    var edited = rows
    edited[14][3] = "\"改过的备注\""
    #expect(throws: CollectProblem.stampEdited) { try LedgerStamp(cells: edited) }
    #expect(try LedgerStamp(cells: [["别的表"]]) == nil)
  }

  @Test("the staffing sheet and the period's changes", arguments: [nil, "2019-09-01"])
  func otherSheets(_ since: String?) throws {
    let (_, path) = try written(since: since)
    let (staffing, _) = try sheet(path, "人员配置")
    #expect(staffing[0] == ["某区税务局法制审核人员配置情况"])
    #expect(staffing[1].first == "规则：审核人员不少于执法人员的 5%（每个单位）")
    #expect(staffing[2] == ["单位", "执法人员", "法制审核人员", "应配审核人员", "缺口", "是否达标"])
    #expect(staffing.contains(["稽查局", "45", "1", "3", "2", "否"]))
    #expect(staffing.last?.first == "合计")
    let changes = try? sheet(path, "本期变化")
    if since == nil {
      #expect(changes == nil)
    } else {
      let rows = try #require(changes).texts
      #expect(rows[0].first == "本期变化（2019年9月1日至2019年9月20日）")
      #expect(rows.contains(["本期完成", "23", "建立健全执法音像记录管理制度及记录行为用语指引。", "2019-09-11", "", "刘洋"]))
      #expect(rows.filter { $0.first == "本期逾期" }.map { $0[1] } == ["27", "28"])
    }
  }

  @Test("one department's sheet: only its tasks, its role in each; one group's: only the group's")
  func scopes() throws {
    let (l, path) = try written(ReportScope(department: "人事教育科"))
    let (rows, _) = try sheet(path, "推进情况台账")
    #expect(rows[2].contains("本部门职责"))
    #expect(rows[1].first?.contains("某区税务局 · 人事教育科") == true)
    let role = l.columns.firstIndex { $0.field == .role }!
    #expect(Set(l.rows.map { $0.cells[role] }) == ["牵头", "配合"])
    #expect(l.stamp.department == "人事教育科")
    let (_, a) = try sample()
    #expect(l.rows.count == a.tasks(ofDepartment: "人事教育科").count)
    let (g, _) = try written(ReportScope(group: "行政执法公示制度工作项目组"))
    #expect(g.rows.count == 7 && g.merges.first.map { [$0.column, $0.first, $0.last] } == [1, 0, 6])
  }

  @Test("under English words the ledger's own words are English; the plan's data stays as it is")
  func english() throws {
    let (_, path) = try written(words: EnglishWords())
    let (rows, _) = try sheet(path, "Ledger")
    #expect(rows[0].first == "Progress ledger: 全面推行“三项制度”工作任务分工表")
    #expect(rows[2].prefix(3) == ["no.", "group", "theme"] && rows[2].contains("progress"))
    #expect(rows[4].contains("in progress (20 days overdue)"))
  }

  @Test("a cell that would start a formula gets a leading apostrophe, in every sheet; the stamp keeps the text")
  func formulaInjection() throws {
    let (_, a) = try sample()
    var plan = a.plan
    let hostile = ["=HYPERLINK(\"http://evil\",\"点击\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "=cmd|' /C calc'!A0"]
    for (k, text) in hostile.enumerated() {
      _ = try plan.apply(plan.setNote(String(k + 1), text)!)
    }
    _ = try plan.apply(
      plan.editTask(
        {
          var t = plan.task("7")!; t.measure = "=1+1"; return t
        }())!)
    let agenda = Agenda(plan: plan, today: a.today)
    let l = Ledger(
      agenda, scope: ReportScope(), period: Period(agenda, since: a.today, tasks: []), words: ChineseWords())
    let path = scratchFile("hostile.xlsx")
    try LedgerWorkbook.write(l, words: ChineseWords(), to: path)
    let (rows, _) = try sheet(path, "推进情况台账")
    let all = rows.flatMap { $0 }
    for text in hostile + ["=1+1"] { #expect(all.contains("'" + text), "\(text)") }
    #expect(!all.contains { $0.first.map { "=+-@\t".contains($0) } ?? false })
    let stamp = try #require(try LedgerStamp(cells: try sheet(path, LedgerStamp.sheetName).texts))
    #expect(stamp.rows[0].note == hostile[0] && stamp.rows[0].written.note == "'" + hostile[0])
    #expect("'=x".unneutralised == "=x" && "'x".unneutralised == "'x" && "a=b".spreadsheetCell == "a=b")
    if hasPythonReaders { #expect(try independentCheck("xlsx", path, [:]) == "") }
  }

  @Test(
    "openpyxl sees the title, the plan's header, the merges, the fonts and the page set up for A4",
    .enabled(if: hasPythonReaders, "python3 has no openpyxl (.ci/run installs it)"))
  func openpyxl() throws {
    let (l, path) = try written(since: "2019-09-01")
    let ledger: [String: Any] = [
      "sheet": "推进情况台账", "title": l.title, "header_row": 3, "header": l.columns.map(\.name),
      "merges": ["A1:J1", "A2:J2", "B4:B14", "C4:C14", "B15:B21", "B22:B29", "B30:B38"], "hidden_columns": ["K"],
      "cells": ["A4": "1", "H5": "进行中（逾期 20 天）", "J4": "实施方案经全面依法行政领导小组审议通过"], "wrapped": ["D4", "J5"],
      "choices": "未开始,进行中,已完成,受阻", "footer": "第 &P 页，共 &N 页",
    ]
    let staffing: [String: Any] = [
      "sheet": "人员配置", "title": "某区税务局法制审核人员配置情况", "header_row": 3, "header": ChineseWords().staffingColumns,
      "orientation": "portrait", "merges": ["A1:F1", "A2:F2"],
    ]
    let changes: [String: Any] = ["sheet": "本期变化", "header_row": 2, "header": ChineseWords().changesColumns]
    let want: [String: Any] = [
      "sheets": ["推进情况台账", "人员配置", "本期变化", "sanxiang"], "hidden": ["sanxiang"], "title": l.title,
      "checks": [ledger, staffing, changes],
    ]
    #expect(try independentCheck("xlsx", path, want) == "")
  }
}
