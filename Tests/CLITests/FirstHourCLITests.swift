import Foundation
import Model
import TestSupport
import Testing

/// What went wrong in a new user's first hour with the command line, each kept fixed.
@Suite("A new user's first hour on the command line", .serialized)
struct FirstHourCLITests {
  let zh = ["LANG": "zh_CN.UTF-8"]

  func run(_ dir: URL, _ args: [String], env: [String: String] = [:]) -> Fixtures.Run {
    Fixtures.run(args + ["--store", dir.path, "--today", "2019-09-20"], env: env)
  }

  @Test("the same change made twice at once is journaled once; the second is no change")
  func identicalChanges() throws {
    let dir = Fixtures.sampleCopy()
    let (a, b) = (try Store.open(dir.path), try Store.open(dir.path))
    let entries = a.plan.journal.count
    let first = try a.commit([a.plan.markDone("28", on: Day(iso: "2019-09-20")!)!], by: "甲")
    let second = try b.commit([b.plan.markDone("28", on: Day(iso: "2019-09-20")!)!], by: "乙")
    #expect(first.entries.count == 1 && second.entries.isEmpty)
    #expect(try Store.open(dir.path).plan.journal.count == entries + 1)
    // One undo reopens it, and no second done line is left to undo.
    _ = try Store.open(dir.path).commit([try Store.open(dir.path).plan.undoCandidate()!.change], by: "甲")
    #expect(try Store.open(dir.path).plan.task("28")?.status == .open)
  }

  @Test("a --format a command does not write is refused with 64, naming the ones it does")
  func formats() throws {
    let dir = Fixtures.sampleCopy()
    for args in [
      ["standup", "--format", "csv"], ["show", "2", "--format", "markdown"], ["show", "2", "--format", "csv"],
      ["log", "--format", "csv"], ["log", "--format", "markdown"], ["check", "--format", "csv"],
    ] {
      let r = run(dir, args, env: zh)
      #expect(r.status == 64, "\(args)")
      #expect(r.stderr.contains("text") && r.stderr.contains("json"), "\(args): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(args)")
    }
  }

  @Test("standup --format markdown: each section's table has a header row and a separator")
  func markdownTables() throws {
    let r = run(Fixtures.sampleData, ["standup", "--format", "markdown"], env: zh)
    let lines = r.stdout.components(separatedBy: "\n")
    let rows = lines.indices.filter { lines[$0].hasPrefix("| 2 ") || lines[$0].hasPrefix("| 4 ") }
    #expect(!rows.isEmpty)
    for k in rows {
      // Walk up to the table's start: a header row, then its separator.
      var top = k
      while top > 0 && lines[top - 1].hasPrefix("|") { top -= 1 }
      #expect(lines[top].hasPrefix("| ID |") && lines[top + 1].hasPrefix("|--"), "\(lines[top])")
    }
  }

  @Test("mistakes in arguments exit 64 (65 is for bad files)")
  func usageMistakes() throws {
    let dir = Fixtures.sampleCopy()
    let before = Fixtures.snapshot(dir)
    for args in [
      ["list", "--status", "finished"], ["log", "--since", "yesterday"],
      ["list", "--department", "法制科", "--role", "boss"], ["list", "--role", "lead"],
      ["staffing", "set", "新单位", "--enforcement", "30"], ["trigger", "15"], ["list", "--group", "没有的组"],
      ["done", "5", "--on", "2019-09-21"],
    ] {
      let r = run(dir, args, env: zh)
      #expect(r.status == 64, "\(args): \(r.status) \(r.stderr)")
    }
    #expect(Fixtures.snapshot(dir) == before)
  }

  @Test("the staffing text shows a shortfall as a positive number, as CSV and Markdown do")
  func shortfallSign() throws {
    let r = run(Fixtures.sampleData, ["staffing"], env: zh)
    let line = try #require(r.stdout.components(separatedBy: "\n").first { $0.hasPrefix("稽查局") })
    #expect(!line.contains("-2") && line.contains(" 2 "))
  }

  @Test("log lines up the operation column for every entry, the import's too")
  func logColumns() throws {
    let lines = run(Fixtures.sampleData, ["log"], env: zh).stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
    // The column where what changed (or the import's summary) starts: after the operation,
    // at a fixed display width (seq 4, time 16, who 8, target 16, operation 8, and the gaps).
    let column = 4 + 2 + 16 + 2 + 8 + 2 + 16 + 2 + 8 + 2
    for line in lines {
      var w = 0
      var rest = Substring(line)
      while w < column, let c = rest.first {
        w += String(c).displayWidth
        rest = rest.dropFirst()
      }
      #expect(w == column && rest.first != " ", "\(line)")
    }
  }

  @Test("--version; check names the store it read and the line of each warning; a bad cell names its column")
  func checkAndVersion() throws {
    #expect(Fixtures.run(["--version"]).stdout.hasPrefix("sanxiang "))
    let dir = Fixtures.sampleCopy()
    #expect(run(dir, ["edit", "5", "--deadline", "等上级通知"]).status == 0)
    let check = run(dir, ["check"], env: zh)
    #expect(check.stdout.contains(dir.path))
    let line = try #require(try Store.open(dir.path).line(ofTask: Store.open(dir.path).plan.index(of: "5")!))
    #expect(check.stdout.contains("tasks.csv:\(line)"))
    // A bad date names its column, in the reader's words and as the file has it.
    let url = dir.appendingPathComponent("tasks.csv")
    try Data(Fixtures.read(url).replacingOccurrences(of: "2019-08-28", with: "2019-13-28").utf8).write(to: url)
    let bad = run(dir, ["list"], env: zh)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("完成日期（“completed_on”列）"), "\(bad.stderr)")
  }

  @Test("list --format csv opens in Excel with the Chinese intact (a BOM) and has every stored field and own column")
  func csvExport() throws {
    let dir = Fixtures.sampleCopy()
    #expect(run(dir, ["edit", "5", "--requirement", "按季度报送", "--set", "责任人=王芳"]).status == 0)
    let r = run(dir, ["list", "--format", "csv"])
    #expect(r.stdout.hasPrefix("\u{FEFF}id,group,theme,measure,requirement,"))
    let header = r.stdout.dropFirst().prefix { $0 != "\n" }
    for field in ["note", "event_on", "completed_on", "责任人"] { #expect(header.contains(field), "\(field)") }
    #expect(r.stdout.contains("按季度报送") && r.stdout.contains("王芳"))
    #expect(run(dir, ["staffing", "--format", "csv"]).stdout.hasPrefix("\u{FEFF}unit,"))
    let json = run(dir, ["show", "5", "--format", "json"]).stdout
    #expect(json.contains("\"requirement\": \"按季度报送\""))
  }

  @Test("a new store's CSV files start with a BOM")
  func newStoreBOM() throws {
    let dir = Fixtures.scratch("bom").appendingPathComponent("plan")
    #expect(Fixtures.run(["init", dir.path]).status == 0)
    for name in ["tasks.csv", "staffing.csv"] {
      #expect(try Data(contentsOf: dir.appendingPathComponent(name)).starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
    }
  }

  @Test("the first run's message (the sample plan set up) shows in the dashboard too, not only on stderr")
  func firstRunInDashboard() throws {
    let home = Fixtures.scratch("home")
    let r = Fixtures.run(
      ["tui", "--screen", "120x30", "--today", "2019-09-20"], env: ["HOME": home.path, "LANG": "zh_CN.UTF-8"])
    #expect(r.status == 0)
    let footer = try #require(r.stdout.components(separatedBy: "\n").last { !$0.isEmpty })
    #expect(footer.contains("示例"), "\(footer)")
    #expect(r.stderr.contains("示例"))
  }

  @Test(
    "a tasks file saved as GBK/GB18030 by a spreadsheet gets an error saying so and how to save it; nothing written")
  func gbkStore() throws {
    let dir = Fixtures.sampleCopy()
    let url = dir.appendingPathComponent("tasks.csv")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", "UTF-8", "-t", "GB18030", url.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let gbk = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try gbk.write(to: url)
    let before = Fixtures.snapshot(dir)
    let r = run(dir, ["done", "5"], env: zh)
    #expect(r.status == 65)
    #expect(r.stderr.contains("GBK") && r.stderr.contains("CSV UTF-8"), "\(r.stderr)")
    #expect(Fixtures.snapshot(dir) == before)
  }
}
