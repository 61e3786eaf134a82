import Foundation
import Model
import Readers
import TestSupport
import Testing
import Writers

/// A ledger written, read back through the project's reader, its cells changed as a person
/// filling it in would, then read as `collect` reads it.
@Suite("Reading a filled-in ledger back")
struct CollectTests {
  static let today = Day(iso: "2019-09-20")!

  /// The sample's ledger (one department's when given), as the reader gives its two sheets.
  func ledger(department: String? = nil) throws -> (ledger: TableGrid, stamp: TableGrid, plan: Plan) {
    let (store, a) = try sample()
    let l = Ledger(
      a, scope: ReportScope(department: department), period: nil, own: OwnColumns(header: store.tasksHeader),
      words: ChineseWords())
    let path = scratchFile("台账.xlsx")
    try LedgerWorkbook.write(l, words: ChineseWords(), to: path)
    return (
      try SourceFile.read(path: path, sheet: "推进情况台账").tables[0],
      try SourceFile.read(path: path, sheet: "sanxiang").tables[0], a.plan
    )
  }

  /// `grid` with the cell at (row, column) — the sheet's own numbers — now saying `text`;
  /// a cell the reader left out (it was empty) is added.
  func edited(_ grid: TableGrid, _ edits: [(Int, Int, String)]) -> TableGrid {
    var g = grid
    for (r, c, text) in edits {
      guard let k = g.rows.firstIndex(where: { $0.place.rowNumber == r }) else { continue }
      if let j = g.rows[k].cells.firstIndex(where: { if case .cell(_, _, _, c) = $0.place { true } else { false } }) {
        g.rows[k].cells[j].text = text
      } else {
        g.rows[k].cells.append(GridCell(text, place: .cell(sheet: "推进情况台账", table: nil, row: r, column: c)))
      }
    }
    return g
  }

  /// The sheet row of task `id` (the header is row 3).
  func row(_ grid: TableGrid, _ id: String) -> Int {
    grid.rows.first { $0.place.rowNumber > 3 && $0.cells.first?.text == id }!.place.rowNumber
  }

  func read(_ g: TableGrid, _ stamp: TableGrid, _ plan: Plan) throws(CollectError) -> CollectedLedger {
    try CollectedLedger(ledger: g, stamp: stamp, file: "台账.xlsx", plan: plan, today: CollectTests.today)
  }

  // Columns of the whole plan's ledger: H 状态, I 完成日期, J 进展情况, K the key.
  static let (status, date, note, key) = (8, 9, 10, 11)

  @Test("untouched, a ledger reads back as no change at all")
  func untouched() throws {
    let (g, s, plan) = try ledger()
    let c = try read(g, s, plan)
    #expect(c.changes.isEmpty && c.conflicts.isEmpty && c.stamp.rows.count == 35)
    #expect(c.columnNames == [.status: "状态", .completedOn: "完成日期", .note: "进展情况"])
  }

  @Test("the words people type: statuses, dates in any spelling, notes; a date alone marks it done")
  func filledIn() throws {
    let (g, s, plan) = try ledger()
    let f = edited(
      g,
      [
        (row(g, "2"), CollectTests.status, "已完成"), (row(g, "2"), CollectTests.date, "2019/9/18"),
        (row(g, "4"), CollectTests.status, "正在推进"), (row(g, "4"), CollectTests.note, "初稿已完成"),
        (row(g, "5"), CollectTests.status, "进行中"), (row(g, "6"), CollectTests.date, "2019年9月19日"),
        (row(g, "8"), CollectTests.status, "完成"), (row(g, "9"), CollectTests.status, "暂缓"),
        (row(g, "3"), CollectTests.note, ""),
      ])
    let c = try read(f, s, plan)
    let byTask = Dictionary(uniqueKeysWithValues: c.changes.map { (String(describing: $0.target), $0) })
    func fields(_ id: String) -> [String] {
      byTask[String(describing: ChangeTarget.task(id))]?.fields.map {
        guard case .task(let f) = $0.field else { return "" }
        return "\(f.name):\($0.before.text)→\($0.after.text)"
      } ?? []
    }
    #expect(fields("2") == ["status:in_progress→done", "completed_on:→2019-09-18"])
    // 4 was in progress already: only its note changes.
    #expect(fields("4") == ["note:→初稿已完成"])
    #expect(fields("5") == ["status:open→in_progress"])
    #expect(fields("6") == ["status:open→done", "completed_on:→2019-09-19"])
    // Done without a date typed: done today.
    #expect(fields("8") == ["status:open→done", "completed_on:→2019-09-20"])
    #expect(fields("9") == ["status:open→blocked"])
    #expect(fields("3") == ["note:8月26日召开动员暨第一次培训会议，参会86人→"])
    #expect(c.changes.count == 7 && c.conflicts.isEmpty)
    #expect(byTask[String(describing: ChangeTarget.task("2"))]?.op == "done")
    // The changes apply to the plan as they stand.
    var p = plan
    for ch in c.changes { _ = try p.apply(ch) }
    #expect(p.task("2")?.completedOn == Day(iso: "2019-09-18") && p.task("9")?.status == .blocked)
  }

  @Test("a field the plan changed since the ledger was made is a conflict, kept as the plan has it")
  func conflicts() throws {
    let (g, s, plan) = try ledger()
    var now = plan
    _ = try now.apply(now.setNote("2", "联络员名单已确认")!)
    _ = try now.apply(now.markDone("4", on: Day(iso: "2019-09-19")!)!)
    _ = try now.apply(now.markDone("5", on: Day(iso: "2019-09-19")!)!)
    let f = edited(
      g,
      [
        (row(g, "2"), CollectTests.note, "联络员名单已报人事教育科"), (row(g, "2"), CollectTests.status, "已完成"),
        (row(g, "4"), CollectTests.status, "受阻"),
        // What the plan now holds already is no conflict and no change.
        (row(g, "5"), CollectTests.status, "已完成"), (row(g, "5"), CollectTests.date, "2019-09-19"),
      ])
    let c = try read(f, s, now)
    #expect(
      c.conflicts.map { [$0.id, $0.field.name, $0.ledger.text, $0.plan.text] } == [
        ["2", "note", "联络员名单已报人事教育科", "联络员名单已确认"], ["4", "status", "blocked", "done"],
      ])
    // Task 2's status is the sender's still: the plan did not change it.
    #expect(c.changes.map { $0.fields.map(\.field) } == [[.task(.status), .task(.completedOn)]])
  }

  @Test("what cannot be read stops the file, naming the sheet and the cell")
  func refusals() throws {
    let (g, s, plan) = try ledger()
    let r2 = row(g, "2")
    func problem(_ f: TableGrid, _ stamp: TableGrid? = nil, _ p: Plan? = nil) -> CollectError? {
      do {
        _ = try CollectedLedger(
          ledger: f, stamp: stamp ?? s, file: "台账.xlsx", plan: p ?? plan, today: CollectTests.today)
        return nil
      } catch { return error }
    }
    func at(_ r: Int, _ c: Int) -> SourcePlace { .cell(sheet: "推进情况台账", table: nil, row: r, column: c) }
    #expect(problem(edited(g, [(r2, CollectTests.status, "差不多")]))?.problem == .unknownStatus("差不多"))
    #expect(problem(edited(g, [(r2, CollectTests.status, "差不多")]))?.place == at(r2, CollectTests.status))
    #expect(problem(edited(g, [(r2, CollectTests.date, "九月")]))?.problem == .badDate("九月"))
    #expect(problem(edited(g, [(r2, CollectTests.date, "2019-10-01")]))?.problem == .badDate("2019-10-01"))
    #expect(
      problem(edited(g, [(r2, CollectTests.date, "2019-09-18"), (r2, CollectTests.status, "进行中")]))?.problem
        == .dateButNotDone("进行中"))
    #expect(
      problem(edited(g, [(r2, 1, "2a")]))
        == CollectError(.idEdited(found: "2a", key: "2"), file: "台账.xlsx", place: at(r2, 1)))
    #expect(problem(edited(g, [(r2, CollectTests.key, "99")]))?.problem == .unknownKey("99"))
    #expect(problem(edited(g, [(r2, CollectTests.key, "1"), (r2, 1, "1")]))?.problem == .rowTwice("1"))
    #expect(
      problem(edited(g, [(3, CollectTests.note, "备注")]))?.problem
        == .headerChanged(
          expected: "序号|工作项目组|推行任务|工作措施|责任部门|配合部门|完成时限|状态|完成日期|进展情况|任务编号（请勿修改）",
          found: "序号|工作项目组|推行任务|工作措施|责任部门|配合部门|完成时限|状态|完成日期|备注|任务编号（请勿修改）"))
    // A row added by hand with something filled in is refused; a line under the table is not.
    var added = g
    added.rows.append(
      GridRow(
        [GridCell("36", place: at(60, 1)), GridCell("已完成", place: at(60, CollectTests.status))],
        place: at(60, 0)))
    #expect(problem(added) == CollectError(.rowNotInLedger, file: "台账.xlsx", place: at(60, CollectTests.status)))
    var signed = g
    signed.rows.append(GridRow([GridCell("填报人：张三　联系电话：1234", place: at(60, 1))], place: at(60, 0)))
    #expect(problem(signed) == nil)
    // Another plan's ledger, or one whose stamp was edited, or no stamp at all.
    var other = plan
    other.settings.agency = "乙区税务局"
    #expect(problem(g, nil, other)?.problem == .otherPlan(agency: "某区税务局", title: "全面推行“三项制度”工作任务分工表"))
    var stamp = s
    stamp.rows[5].cells[1].text = "\"改过\""
    #expect(problem(g, stamp)?.problem == .stampEdited)
    #expect(throws: CollectError(.notALedger, file: "a.xlsx")) {
      try CollectedLedger(ledger: g, stamp: nil, file: "a.xlsx", plan: plan, today: CollectTests.today)
    }
  }

  @Test("a department's sheet reads back with its role column; the words people write read as statuses")
  func departmentAndWords() throws {
    let (g, s, plan) = try ledger(department: "人事教育科")
    // 人事教育科's sheet has 本部门职责 before 状态: the filled-in columns are one further right.
    let r = row(g, "5")
    let c = try read(edited(g, [(r, 9, "已办结")]), s, plan)
    #expect(c.changes.first?.fields.map(\.after.text) == ["done", "2019-09-20"])
    for (typed, want) in [
      ("已完成", TaskStatus.done), ("完成", .done), ("进行中", .inProgress), ("正在推进", .inProgress),
      ("进行中（逾期 20 天）", .inProgress), ("未开始", .open), ("尚未完成", .open), ("受阻", .blocked), ("done", .done),
      ("in progress", .inProgress),
    ] {
      #expect(CollectedLedger.status(typed) == want, "\(typed)")
    }
    #expect(CollectedLedger.status("看情况") == nil)
    #expect(CollectedLedger.day("9月18日", year: 2019) == Day(iso: "2019-09-18"))
    #expect(CollectedLedger.day("2019.9.18", year: 2000) == Day(iso: "2019-09-18"))
    #expect(CollectedLedger.day("18", year: 2019) == nil)
  }
}
