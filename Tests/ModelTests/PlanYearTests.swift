import Foundation
import Model
import TestSupport
import Testing

@Suite("The plan's year")
struct PlanYearTests {
  @Test("plan.ini's year reads the deadlines that name none; the others read as they did")
  func storeReadsInYear() throws {
    let dir = Fixtures.scratch("year").appendingPathComponent("store").path
    let tasks = [
      PlanTask(id: "1", measure: "建立制度。", deadline: Deadline("年底前")),
      PlanTask(id: "2", measure: "开展培训。", deadline: Deadline("二季度")),
      PlanTask(id: "3", measure: "动工建设。", deadline: Deadline("5月底前动工")),
      PlanTask(id: "4", measure: "公开信息。", deadline: Deadline("2020年6月底前")),
      PlanTask(id: "5", measure: "持续推进。", deadline: Deadline("持续推进")),
    ]
    try Store.create(dir, settings: PlanSettings(title: "某局2021年工作要点", year: 2021), tasks: tasks)
    #expect(Fixtures.read(URL(fileURLWithPath: dir + "/plan.ini")).contains("\nyear = 2021\n"))
    let plan = try Store.open(dir).plan
    #expect(plan.settings.year == 2021)
    #expect(plan.task("1")?.deadline.kind == .by(Day(iso: "2021-12-31")!))
    #expect(plan.task("2")?.deadline.kind == .by(Day(iso: "2021-06-30")!))
    // A milestone after the date keeps its words and is due at the date.
    #expect(plan.task("3")?.deadline.text == "5月底前动工")
    #expect(plan.task("3")?.deadline.kind == .by(Day(iso: "2021-05-31")!))
    #expect(plan.task("4")?.deadline.kind == .by(Day(iso: "2020-06-30")!))
    #expect(plan.task("5")?.deadline.kind == .ongoing)
    // An edit to a deadline is read in the year too.
    let store = try Store.open(dir)
    try store.commit(
      [Change(op: "edit", target: .task("5"), fields: [FieldChange(.deadline, .text("持续推进"), .text("三季度末"))])], by: "t")
    #expect(store.plan.task("5")?.deadline.kind == .by(Day(iso: "2021-09-30")!))
  }

  @Test("without a year such deadlines stay not understood; a year written in later reads them")
  func yearAddedLater() throws {
    let dir = Fixtures.scratch("year-later").appendingPathComponent("store").path
    try Store.create(
      dir, settings: PlanSettings(title: "t"), tasks: [PlanTask(id: "1", measure: "m", deadline: Deadline("年底前"))])
    let store = try Store.open(dir)
    #expect(store.plan.task("1")?.deadline.kind == .unparsed)
    let ini = dir + "/plan.ini"
    try FileIO.append(ini, Array("year = 2022\n".utf8))
    _ = try store.reloadIfChanged()
    #expect(store.plan.settings.year == 2022)
    #expect(store.plan.task("1")?.deadline.kind == .by(Day(iso: "2022-12-31")!))
  }

  @Test("a year plan.ini cannot mean is an error at its line and column")
  func badYear() throws {
    let bytes = Array("title = t\nyear = 21年\n".utf8)
    #expect(throws: StoreError(.badData, .badYear, file: "plan.ini", line: 2, column: 8)) {
      try SettingsFile.parse(bytes, file: "plan.ini")
    }
    #expect(try SettingsFile.parse(Array("year = \n".utf8), file: "plan.ini").settings.year == nil)
  }
}
