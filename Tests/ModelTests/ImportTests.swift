import Foundation
import Model
import Readers
import TestSupport
import Testing

@Suite("Importing seed 000")
struct ImportTests {
  func importSeed000() throws -> ImportResult {
    try TableImport.read([UInt8](try Data(contentsOf: Fixtures.seed("000"))), file: "000")
  }

  @Test("35 tasks in the four working groups, in order")
  func counts() throws {
    let r = try importSeed000()
    #expect(r.format == .wordFlattened)
    #expect(r.tasks.count == 35)
    #expect(r.tasks.map(\.id) == (1...35).map(String.init))
    #expect(r.groups == ["综合工作项目组", "行政执法公示制度工作项目组", "执法全过程记录制度工作项目组", "重大执法决定法制审核制度工作项目组"])
    #expect(r.tasks.filter { $0.group == "综合工作项目组" }.count == 11)
    #expect(r.title == "全面推行“三项制度”工作任务分工表")
    #expect(r.unreadDeadlines.isEmpty)
  }

  @Test("merged cells: a blank group or theme means the one above")
  func mergedCells() throws {
    let r = try importSeed000()
    #expect(r.tasks[1].theme == "强化全面推行工作保障")
    #expect(r.tasks[10].group == "综合工作项目组")
    #expect(r.tasks[11].theme == "全面推行行政执法公示制度")
    #expect(r.tasks[17].theme == "全面推行行政执法公示制度")
    #expect(r.tasks[34].theme == "全面推行重大执法决定法制审核制度")
  }

  @Test("departments: one per line, roles kept apart, the placeholder is not a unit, run-together names split")
  func departments() throws {
    let r = try importSeed000()
    #expect(r.tasks[3].lead.units == ["纳税服务科", "征收管理科", "法制科"])
    #expect(r.tasks[1].support == Departments([], others: true))
    #expect(r.tasks[15].support.units == ["办公室", "人事教育科"])
    #expect(r.tasks[17].lead.units == ["纳税服务科"])
    #expect(r.tasks[17].support.units == ["法制科", "征收管理科", "人事教育科"])
    // The names run together, and the plan's year, which the table's dated deadlines give.
    #expect(r.guesses.count == 2)
    #expect(r.guesses.contains(.planYear(2019, from: .deadlines)))
    #expect(r.year == 2019)
    #expect(!r.departments.contains("其他相关部门"))
    #expect(r.departments.count == 7)
  }

  @Test("every measure's text is exactly as in the seed")
  func measuresVerbatim() throws {
    let r = try importSeed000()
    let seedLines = Set(Fixtures.read(Fixtures.seed("000")).split(separator: "\n").map { String($0.dropFirst()) })
    for t in r.tasks { #expect(seedLines.contains(t.measure), "\(t.id)") }
  }

  @Test("importing seed 000 again reproduces every imported field of sample-data's tasks")
  func sampleDataMatchesImport() throws {
    let r = try importSeed000()
    let sample = try Store.open(Fixtures.sampleData.path).plan
    #expect(sample.tasks.count == r.tasks.count)
    for (a, b) in zip(r.tasks, sample.tasks) {
      for f in [TaskField.id, .group, .theme, .measure, .requirement, .lead, .support, .deadline] {
        #expect(a.value(of: f) == b.value(of: f), "task \(a.id) \(f)")
      }
    }
    #expect(sample.settings.groups == r.groups)
    #expect(sample.settings.title == r.title)
  }

  @Test("the sample store's state, as of 2019-09-20, is a stand-up worth having")
  func sampleState() throws {
    let plan = try Store.open(Fixtures.sampleData.path).plan
    let a = Agenda(plan: plan, today: Day(iso: "2019-09-20")!)
    #expect(a.overdue.map { plan.tasks[$0].id } == ["2", "27", "28"])
    #expect(a.dueSoon().count == 4)
    #expect(a.waiting.count == 3)
    #expect(a.changedSinceLastWorkday.count == 5)
    #expect(a.staffingShortfalls.map(\.unit) == ["稽查局", "第二税务所", "纳税服务科"])
    #expect(plan.staffingChecks().contains { $0.unit == "第一税务所" && $0.reviewers * 100 == 5 * $0.enforcement })
    // Every change to a task since the import is in the journal: replaying it from the
    // imported state gives the sample's state.
    var replay = Plan(settings: plan.settings, tasks: try importSeed000().tasks, staffing: plan.staffing)
    for e in plan.journal where e.change.target != .plan {
      if case .unit = e.change.target { continue }
      try replay.apply(e.change)
    }
    #expect(replay.tasks == plan.tasks)
  }
}
