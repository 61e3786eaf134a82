import Foundation
import Model
import TestSupport
import Testing

/// `sanxiang report`, the real binary: the files it writes, where, and what it refuses.
@Suite("sanxiang report")
struct ReportCommandTests {
  static let store = ["--store", Fixtures.sampleData.path, "--today", "2019-09-20"]
  static let zh = ["LANG": "zh_CN.UTF-8"]

  @Test("-o writes the file and says so; a second time it refuses (73) and leaves the file; --force replaces it")
  func output() throws {
    let dir = Fixtures.scratch("report-cli")
    let file = dir.appendingPathComponent("台账.xlsx").path
    let r = Fixtures.run(
      ["report", "--format", "xlsx", "-o", file] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "已写入 \(file)\n")
    let first = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(first.starts(with: [0x50, 0x4B]))
    let again = Fixtures.run(
      ["report", "--format", "docx", "-o", file] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(again.status == 73)
    #expect(again.stderr == "sanxiang: \(file) 已存在：加 --force 覆盖它，或换一个文件名\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == first)
    let forced = Fixtures.run(
      ["report", "--format", "docx", "-o", file, "--force"] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) != first)
    // Nothing but the file is left in the folder: no temporary copy.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["台账.xlsx"])
    let missing = Fixtures.run(
      ["report", "--format", "xlsx", "-o", dir.appendingPathComponent("无/台账.xlsx").path] + ReportCommandTests.store,
      env: ReportCommandTests.zh)
    #expect(missing.status == 73 && missing.stderr.contains("无法写入"))
  }

  @Test("without -o the file goes to standard output (a pipe here), whole")
  func toStandardOutput() throws {
    let p = Process()
    p.executableURL = Fixtures.binary
    p.arguments = ["report", "--format", "xlsx"] + ReportCommandTests.store
    p.environment = ["LANG": "zh_CN.UTF-8", "HOME": Fixtures.scratch("home").path, "PATH": "/usr/bin:/bin"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let bytes = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let file = Fixtures.scratch("stdout").appendingPathComponent("out.xlsx")
    try bytes.write(to: file)
    let r = Fixtures.run(
      ["import", file.path, "--into", Fixtures.scratch("imp").path + "/s", "--dry-run"], env: ReportCommandTests.zh)
    // The ledger is a table the importer reads, as any sheet of the plan's own columns is.
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("35"))
  }

  @Test("text and Markdown carry the report's summary and tables; --department and --group narrow it")
  func textAndMarkdown() {
    let text = Fixtures.run(["report"] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("某区税务局工作进展情况报告\n"))
    #expect(text.stdout.contains("截至2019年9月20日，方案共有任务35项，已完成3项"))
    #expect(text.stdout.contains("五、法制审核人员不足的单位（3个）"))
    let md = Fixtures.run(
      ["report", "--format", "markdown", "--since", "2019-09-01"] + ReportCommandTests.store, env: ReportCommandTests.zh
    )
    #expect(md.stdout.hasPrefix("# 某区税务局工作进展情况报告\n"))
    #expect(md.stdout.contains("## 三、本期完成的任务（1项）"))
    #expect(md.stdout.contains("| 23 | 建立健全执法音像记录管理制度及记录行为用语指引。 |"))
    let dept = Fixtures.run(
      ["report", "--department", "人事", "--format", "markdown"] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(dept.status == 0, "\(dept.stderr)")
    #expect(dept.stdout.hasPrefix("# 某区税务局工作进展情况报告（人事教育科）"))
    let group = Fixtures.run(["report", "--group", "2"] + ReportCommandTests.store, env: ReportCommandTests.zh)
    #expect(group.stdout.contains("行政执法公示制度工作项目组的任务共7项"))
    let en = Fixtures.run(["report"] + ReportCommandTests.store, env: ["LANG": "C.UTF-8"])
    #expect(en.stdout.hasPrefix("Progress report: 某区税务局\n"))
  }

  @Test("mistakes in the options exit 64 and write nothing")
  func usage() {
    let dir = Fixtures.scratch("report-usage")
    let file = dir.appendingPathComponent("x.xlsx").path
    for args in [
      ["--since", "九月"], ["--department", "不存在的科"], ["--group", "99"], ["--format", "pdf"],
    ] {
      let r = Fixtures.run(["report", "-o", file] + args + ReportCommandTests.store, env: ReportCommandTests.zh)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: file))
    }
  }

  @Test("rollup --format xlsx|docx -o FILE writes the 通报; the same refusals as report; -o only for those two")
  func rollupCircular() throws {
    let root = Fixtures.scratch("circular-cli")
    let stores = root.appendingPathComponent("stores")
    try FileManager.default.createDirectory(at: stores, withIntermediateDirectories: true)
    for name in ["甲区", "乙区"] {
      try FileManager.default.copyItem(at: Fixtures.sampleData, to: stores.appendingPathComponent(name))
    }
    let file = root.appendingPathComponent("通报.xlsx").path
    let args = ["rollup", stores.path, "--today", "2019-09-20"]
    let r = Fixtures.run(args + ["--format", "xlsx", "-o", file], env: ReportCommandTests.zh)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "已写入 \(file)\n")
    let again = Fixtures.run(args + ["--format", "xlsx", "-o", file], env: ReportCommandTests.zh)
    #expect(again.status == 73 && again.stderr.contains("已存在"))
    let docx = Fixtures.run(args + ["--format", "docx", "-o", file + ".docx"], env: ReportCommandTests.zh)
    #expect(docx.status == 0, "\(docx.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: file + ".docx")).starts(with: [0x50, 0x4B]))
    let csv = Fixtures.run(
      args + ["--format", "csv", "-o", root.appendingPathComponent("x.csv").path], env: ReportCommandTests.zh)
    #expect(csv.status == 64 && csv.stderr.contains("-o 只用于 xlsx 和 docx"))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("x.csv").path))
  }
}
