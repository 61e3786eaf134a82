import Foundation
import Model
import TestSupport
import Testing

/// Keeping the plan in the tool: init, add, edit, retire, groups, departments and units,
/// each through the real binary, checked in the files' bytes and the journal.
@Suite("Keeping the plan in the tool", .serialized)
struct PlanCommandTests {
  /// The lines of a file.
  func lines(_ dir: URL, _ name: String) -> [String] {
    Fixtures.read(dir.appendingPathComponent(name)).components(separatedBy: "\n")
  }

  func journal(_ dir: URL) throws -> [JournalEntry] { try Store.open(dir.path).plan.journal }

  @discardableResult
  func run(_ dir: URL, _ args: [String], status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation)
    -> Fixtures.Run
  {
    let r = Fixtures.run(args + ["--store", dir.path, "--today", "2019-09-20", "--as", "王芳"])
    #expect(r.status == status, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
    return r
  }

  @Test("init makes an empty store; a folder that holds one is refused with 73")
  func initStore() throws {
    let dir = Fixtures.scratch("init").appendingPathComponent("plan")
    let r = Fixtures.run(["init", dir.path, "--title", "方案", "--agency", "某局", "--group", "甲组", "--group", "乙组"])
    #expect(r.status == 0, "\(r.stderr)")
    let store = try Store.open(dir.path)
    #expect(store.plan.settings.title == "方案" && store.plan.settings.agency == "某局")
    #expect(store.plan.settings.groups == ["甲组", "乙组"])
    #expect(store.plan.settings.reviewerPercent == 5)
    #expect(store.plan.tasks.isEmpty && store.plan.journal.isEmpty)
    let again = Fixtures.run(["init", dir.path])
    #expect(again.status == 73)
  }

  @Test("add → edit → retire → undo each: one row appended or changed, one journal entry each")
  func taskFlow() throws {
    let dir = Fixtures.sampleCopy()
    let rows = lines(dir, "tasks.csv")
    let entries = try journal(dir).count
    // Add: the group's next free number, a new row at the end, the deadline read back.
    let added = run(
      dir,
      ["add", "--group", "2", "--measure", "公开执法人员名单", "--lead", "法制科", "--lead", "纳税服务科", "--deadline", "2020年6月底前"])
    #expect(added.stdout.contains("2020-06-30"))
    var after = lines(dir, "tasks.csv")
    #expect(Array(after.prefix(rows.count - 1)) == Array(rows.prefix(rows.count - 1)))
    let id = try #require(try Store.open(dir.path).plan.tasks.last?.id)
    #expect(after[rows.count - 1].hasPrefix("\(id),行政执法公示制度工作项目组,,公开执法人员名单,法制科、纳税服务科,"))
    #expect(try journal(dir).count == entries + 1)
    #expect(try journal(dir).last?.change.op == "add")
    // Edit: only that row changes.
    run(dir, ["edit", id, "--measure", "公开执法人员名单和照片"])
    let edited = lines(dir, "tasks.csv")
    #expect(edited.count == after.count)
    #expect(zip(edited, after).filter { $0 != $1 }.map(\.0) == [edited[rows.count - 1]])
    // A column of one's own is added at the right end, empty in the other rows.
    run(dir, ["edit", id, "--set", "责任人=王芳"])
    let task = try #require(try Store.open(dir.path).plan.task(id))
    #expect(task.measure == "公开执法人员名单和照片" && task.extras["责任人"] == "王芳")
    #expect(lines(dir, "tasks.csv")[0].hasSuffix(",责任人"))
    after = lines(dir, "tasks.csv")
    // Retire: out of the lists, still in the file and in list --retired.
    run(dir, ["retire", "28", "--note", "上级取消"])
    let listed = run(dir, ["list", "--format", "json"]).stdout
    #expect(!listed.contains("\"id\": \"28\""))
    #expect(run(dir, ["list", "--retired", "--format", "json"]).stdout.contains("\"id\": \"28\""))
    #expect(lines(dir, "tasks.csv").contains { $0.hasPrefix("28,") && $0.contains(",retired,") })
    #expect(try journal(dir).count == entries + 4)
    // Undo brings it back, as it was.
    run(dir, ["undo"])
    #expect(lines(dir, "tasks.csv") == after)
    #expect(run(dir, ["list", "--format", "json"]).stdout.contains("\"id\": \"28\""))
  }

  @Test("groups: add, rename (tasks follow, one entry), move; plan.ini changes only its group lines")
  func groups() throws {
    let dir = Fixtures.sampleCopy()
    let ini = lines(dir, "plan.ini")
    let inGroup = try Store.open(dir.path).plan.tasks.filter { $0.group == "综合工作项目组" }.count
    run(dir, ["group", "add", "宣传工作项目组"])
    run(dir, ["group", "rename", "综合工作项目组", "综合组"])
    run(dir, ["group", "move", "宣传工作项目组", "--before", "综合组"])
    let now = lines(dir, "plan.ini")
    #expect(now.filter { !$0.hasPrefix("group =") } == ini.filter { !$0.hasPrefix("group =") })
    #expect(
      now.filter { $0.hasPrefix("group =") } == [
        "group = 宣传工作项目组", "group = 综合组", "group = 行政执法公示制度工作项目组", "group = 执法全过程记录制度工作项目组",
        "group = 重大执法决定法制审核制度工作项目组",
      ])
    let plan = try Store.open(dir.path).plan
    #expect(plan.tasks.filter { $0.group == "综合组" }.count == inGroup && inGroup > 0)
    #expect(!plan.tasks.contains { $0.group == "综合工作项目组" })
    #expect(plan.journal.suffix(3).map(\.change.op) == ["group_add", "group_rename", "group_move"])
    // A group that does not exist: 64, listing the groups; nothing written.
    let before = Fixtures.snapshot(dir)
    let r = run(dir, ["add", "--group", "没有这个组", "--measure", "x"], status: 64)
    #expect(r.stderr.contains("综合组"))
    #expect(Fixtures.snapshot(dir) == before)
  }

  @Test("department rename changes every cell that names it, in one journal entry; undo puts them back")
  func departmentRename() throws {
    let dir = Fixtures.sampleCopy()
    let rows = lines(dir, "tasks.csv")
    let naming = try Store.open(dir.path).plan.tasks.filter {
      $0.lead.units.contains("人事教育科") || $0.support.units.contains("人事教育科")
    }.count
    run(dir, ["department", "rename", "人事教育科", "人事科"])
    let plan = try Store.open(dir.path).plan
    #expect(!plan.departments.contains("人事教育科") && plan.departments.contains("人事科"))
    #expect(plan.journal.last?.change.op == "department_rename")
    let changed = zip(lines(dir, "tasks.csv"), rows).filter { $0 != $1 }
    #expect(changed.count == naming && naming > 1)
    #expect(try journal(dir).filter { $0.change.op == "department_rename" }.count == 1)
    run(dir, ["undo"])
    #expect(lines(dir, "tasks.csv") == rows)
  }

  @Test("units: rename, retire (out of the rule, kept in the file), near-duplicate names need --new")
  func units() throws {
    let dir = Fixtures.sampleCopy()
    run(dir, ["staffing", "rename", "第三税务所", "第三分局"])
    run(dir, ["staffing", "retire", "稽查局"])
    let store = try Store.open(dir.path)
    #expect(store.plan.unitIndex("第三分局") != nil && store.plan.unitIndex("第三税务所") == nil)
    #expect(store.plan.staffing.first { $0.name == "稽查局" }?.retired == true)
    #expect(!store.plan.staffingChecks().contains { $0.unit == "稽查局" })
    #expect(Fixtures.read(dir.appendingPathComponent("staffing.csv")).contains("稽查局"))
    // A typo makes no second unit: one character off needs --new.
    let before = Fixtures.snapshot(dir)
    let typo = run(dir, ["staffing", "set", "纳税服务料", "--enforcement", "3", "--reviewers", "1"], status: 64)
    #expect(typo.stderr.contains("纳税服务科"))
    #expect(Fixtures.snapshot(dir) == before)
    run(dir, ["staffing", "set", "纳税服务料", "--enforcement", "3", "--reviewers", "1", "--new"])
    // But a different number or kind of unit is another unit, not a typo.
    run(dir, ["staffing", "set", "第四税务所", "--enforcement", "3", "--reviewers", "1"])
  }

  @Test("bad input: unknown id 66, empty measure 64, duplicate id 64, a near department 64; nothing written")
  func badInput() throws {
    let dir = Fixtures.sampleCopy()
    let before = Fixtures.snapshot(dir)
    run(dir, ["edit", "999", "--measure", "x"], status: 66)
    run(dir, ["add", "--group", "1", "--measure", "  "], status: 64)
    run(dir, ["add", "--group", "1", "--measure", "x", "--id", "5"], status: 64)
    run(dir, ["add", "--group", "1", "--measure", "x", "--lead", "法制料"], status: 64)
    run(dir, ["add", "--group", "1"], status: 64)
    run(dir, ["edit", "5", "--set", "status=done"], status: 64)
    #expect(Fixtures.snapshot(dir) == before)
  }

  @Test("two people editing different fields of one task at once both land; the same field is refused with 75")
  func concurrentEdits() throws {
    let dir = Fixtures.sampleCopy()
    let (a, b, c) = (try Store.open(dir.path), try Store.open(dir.path), try Store.open(dir.path))
    var t1 = try #require(a.plan.task("5"))
    t1.measure = "甲改的措施"
    var t2 = try #require(b.plan.task("5"))
    t2.theme = "乙改的主题"
    var t3 = try #require(c.plan.task("5"))
    t3.measure = "丙改的措施"
    let (e1, e2, e3) = (a.plan.editTask(t1)!, b.plan.editTask(t2)!, c.plan.editTask(t3)!)
    try a.commit([e1], by: "甲")
    try b.commit([e2], by: "乙")
    let t = try #require(try Store.open(dir.path).plan.task("5"))
    #expect(t.measure == "甲改的措施" && t.theme == "乙改的主题")
    let before = Fixtures.snapshot(dir)
    // Refused, and with 75: a save that went through would fail both.
    let refused = #expect(throws: StoreError.self) { try c.commit([e3], by: "丙") }
    #expect(refused?.exitCode == 75)
    #expect(Fixtures.snapshot(dir) == before)
  }
}
