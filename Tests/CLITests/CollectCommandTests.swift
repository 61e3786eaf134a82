import Foundation
import Model
import TestSupport
import Testing

/// python3 with openpyxl: what fills the ledger in, as a person in Excel would.
private let hasOpenpyxl: Bool = {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = ["python3", "-c", "import openpyxl"]
  p.standardOutput = FileHandle.nullDevice
  p.standardError = FileHandle.nullDevice
  guard (try? p.run()) != nil else { return false }
  p.waitUntilExit()
  return p.terminationStatus == 0
}()

/// Fills cells of a ledger's sheet with openpyxl: each edit is (task id, column name, text).
private func fill(_ file: String, into out: String, _ edits: [(String, String, String)]) throws {
  let script = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    rows = {str(ws.cell(row=r, column=1).value): r for r in range(4, ws.max_row + 1)}
    for task, column, text in json.loads(sys.argv[3]):
        ws.cell(row=rows[task], column=header.index(column) + 1).value = text
    wb.save(sys.argv[2])
    """
  let edits = String(
    decoding: try JSONSerialization.data(withJSONObject: edits.map { [$0.0, $0.1, $0.2] }), as: UTF8.self)
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = ["python3", "-c", script, file, out, edits]
  try p.run()
  p.waitUntilExit()
  try #require(p.terminationStatus == 0)
}

/// `sanxiang collect`: the ledger round trip through the real binary.
@Suite("sanxiang collect", .serialized)
struct CollectCommandTests {
  static let zh = ["LANG": "zh_CN.UTF-8"]

  @Test(
    "report, fill in as a person would, collect --dry-run, collect: exactly those changes journaled by the sender; a conflict kept",
    .enabled(if: hasOpenpyxl, "python3 has no openpyxl (.ci/run installs it)"))
  func roundTrip() throws {
    let store = Fixtures.sampleCopy()
    let dir = Fixtures.scratch("collect")
    let s = ["--store", store.path, "--today", "2019-09-20"]
    let made = dir.appendingPathComponent("法制科.xlsx").path
    let r = Fixtures.run(
      ["report", "--format", "xlsx", "--department", "法制科", "-o", made] + s, env: CollectCommandTests.zh)
    try #require(r.status == 0, "\(r.stderr)")
    let back = dir.appendingPathComponent("法制科（已填）.xlsx").path
    try fill(
      made, into: back,
      [
        ("2", "状态", "已完成"), ("2", "完成日期", "2019/9/18"), ("33", "状态", "正在推进"),
        ("27", "进展情况", "法制审核岗位职责已印发"), ("1", "进展情况", "审议通过，已印发全局"),
      ])
    // Meanwhile the coordinator edits task 1's note in the plan.
    let note = Fixtures.run(
      ["note", "1", "领导小组审议通过（王芳补记）", "--as", "王芳"] + s,
      env: ["SANXIANG_NOW": "2019-09-20T10:00:00+08:00"])
    try #require(note.status == 0)
    let before = Fixtures.snapshot(store)
    let dry = Fixtures.run(["collect", back, "--dry-run"] + s, env: CollectCommandTests.zh)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(
      dry.stdout == """
        读取 法制科（已填）.xlsx：某区税务局 2019-09-20 生成的台账，29 行；修改记在 法制科 名下
          任务 2：状态 进行中 → 已完成；完成日期 — → 2019-09-18
          任务 27：进展情况 — → 法制审核岗位职责已印发
          任务 33：状态 未开始 → 进行中
        冲突（1）：未覆盖
          任务 1 的进展情况：台账填“审议通过，已印发全局”，但台账生成后方案中已改为“领导小组审议通过（王芳补记）”，保留方案中的值
        （演练：未写入任何文件）

        """)
    #expect(Fixtures.snapshot(store) == before)
    let saved = Fixtures.run(
      ["collect", back] + s, env: CollectCommandTests.zh.merging(["SANXIANG_NOW": "2019-09-20T11:00:00+08:00"]) { $1 })
    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(saved.stdout.hasSuffix("已记入 3 项修改（法制科）\n"))
    // The journal holds exactly those changes, by the sender, after the coordinator's note.
    let log = try JSON.parse(Array(Fixtures.run(["log", "--format", "json", "--since", "2019-09-20"] + s).stdout.utf8))
    guard case .array(let entries) = log else { throw CancellationError() }
    let lines = entries.map { e -> String in
      guard case .object(let o) = e else { return "" }
      let d = Dictionary(o, uniquingKeysWith: { a, _ in a })
      return [d["by"], d["op"], d["task"]].map { $0.map { j in if case .string(let x) = j { x } else { "" } } ?? "" }
        .joined(separator: " ")
    }
    #expect(lines == ["王芳 note 1", "法制科 done 2", "法制科 note 27", "法制科 start 33"])
    let show = Fixtures.run(["show", "1", "--format", "json"] + s).stdout
    #expect(show.contains("领导小组审议通过（王芳补记）") && !show.contains("审议通过，已印发全局"))
    let two = Fixtures.run(["show", "2", "--format", "json"] + s).stdout
    #expect(two.contains("\"completed_on\" : \"2019-09-18\"") || two.contains("\"completed_on\": \"2019-09-18\""))
    // Read again, the same ledger has nothing left to record.
    let again = Fixtures.run(["collect", back, "--dry-run"] + s, env: CollectCommandTests.zh)
    #expect(again.stdout.contains("没有需要记入的修改"))
  }

  @Test(
    "--as names the sender; two ledgers at once; a bad cell in one writes nothing of either",
    .enabled(if: hasOpenpyxl, "python3 has no openpyxl (.ci/run installs it)"))
  func severalFiles() throws {
    let store = Fixtures.sampleCopy()
    let dir = Fixtures.scratch("collect-two")
    let s = ["--store", store.path, "--today", "2019-09-20"]
    var filled: [String] = []
    for (dept, task) in [("人事教育科", "5"), ("征收管理科", "4")] {
      let made = dir.appendingPathComponent("\(dept).xlsx").path
      try #require(
        Fixtures.run(["report", "--format", "xlsx", "--department", dept, "-o", made] + s, env: CollectCommandTests.zh)
          .status == 0)
      let back = dir.appendingPathComponent("\(dept)-填.xlsx").path
      try fill(made, into: back, [(task, "进展情况", "\(dept)已落实")])
      filled.append(back)
    }
    let bad = dir.appendingPathComponent("坏.xlsx").path
    try fill(filled[1], into: bad, [("4", "状态", "看情况")])
    let before = Fixtures.snapshot(store)
    let refused = Fixtures.run(["collect", filled[0], bad] + s, env: CollectCommandTests.zh)
    #expect(refused.status == 65)
    #expect(refused.stderr.hasPrefix("sanxiang: 坏.xlsx: 推进情况台账!I4: "))
    #expect(refused.stderr.contains("状态“看情况”无法识别"))
    #expect(Fixtures.snapshot(store) == before)
    let both = Fixtures.run(["collect"] + filled + s, env: CollectCommandTests.zh)
    #expect(both.status == 0, "\(both.stderr)")
    #expect(both.stdout.contains("已记入 1 项修改（人事教育科）") && both.stdout.contains("已记入 1 项修改（征收管理科）"))
    let other = Fixtures.sampleCopy()
    let renamed = Fixtures.run(
      ["collect", filled[0], "--as", "市局代录"] + ["--store", other.path, "--today", "2019-09-20"],
      env: CollectCommandTests.zh)
    #expect(renamed.stdout.contains("修改记在 市局代录 名下") && renamed.stdout.contains("已记入 1 项修改（市局代录）"))
  }

  @Test("a file that is not a ledger, one that is not there, another agency's: clear errors, nothing written")
  func notLedgers() throws {
    let store = Fixtures.sampleCopy()
    let s = ["--store", store.path, "--today", "2019-09-20"]
    let before = Fixtures.snapshot(store)
    let plain = Fixtures.root.appendingPathComponent("Tests/Fixtures/import/dates.xlsx").path
    let r = Fixtures.run(["collect", plain] + s, env: CollectCommandTests.zh)
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("sanxiang: dates.xlsx: 不是 sanxiang 生成的台账"))
    let missing = Fixtures.run(["collect", "/nonexistent/台账.xlsx"] + s, env: CollectCommandTests.zh)
    #expect(missing.status == 66)
    // A ledger of another agency's plan.
    let other = Fixtures.sampleCopy()
    let ini = other.appendingPathComponent("plan.ini")
    try Fixtures.read(ini).replacingOccurrences(of: "agency = 某区税务局", with: "agency = 乙区税务局").write(
      to: ini, atomically: true, encoding: .utf8)
    let file = Fixtures.scratch("other").appendingPathComponent("乙区.xlsx").path
    try #require(
      Fixtures.run(["report", "--format", "xlsx", "-o", file, "--store", other.path, "--today", "2019-09-20"]).status
        == 0)
    let wrong = Fixtures.run(["collect", file] + s, env: CollectCommandTests.zh)
    #expect(wrong.status == 65 && wrong.stderr.contains("这是“乙区税务局”的《全面推行“三项制度”工作任务分工表》台账，不是本方案的"))
    let none = Fixtures.run(["collect"] + s, env: CollectCommandTests.zh)
    #expect(none.status == 64)
    #expect(Fixtures.snapshot(store) == before)
  }
}
