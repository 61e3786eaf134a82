import Foundation
import Model
import TestSupport
import Testing

private let tables = Fixtures.root.appendingPathComponent("Tests/Fixtures/tables")
private let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures/import")

/// Words of English in a report: runs of four or more Latin letters, less the names of
/// formats and files a Chinese report names too.
private func englishWords(_ text: String) -> [String] {
  let allowed: Set<String> = [
    "Word", "Excel", "docx", "xlsx", "html", "LibreOffice", "table", "restart", "dates", "corrupt", "Sheet", "plan",
  ]
  var words: [String] = []
  var current = ""
  for ch in text + " " {
    if ch.isASCII && ch.isLetter {
      current.append(ch)
    } else {
      if current.count >= 4 && !allowed.contains(current) { words.append(current) }
      current = ""
    }
  }
  return words
}

@Suite("sanxiang import", .serialized)
struct ImportCommandTests {
  @Test("under a Chinese locale the report is Chinese: header place, columns, guesses, first rows")
  func chineseReport() {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    for file in [
      tables.appendingPathComponent("03-jiangmen-tdcb/table.docx"), fixtures.appendingPathComponent("restart.docx"),
      fixtures.appendingPathComponent("dates.xlsx"), tables.appendingPathComponent("01-chizhou-xfj/table.txt"),
    ] {
      let r = Fixtures.run(["import", file.path, "--into", store, "--dry-run"], env: ["LANG": "zh_CN.UTF-8"])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("表头："))
      #expect(r.stdout.contains("（演练：未写入任何文件）"))
      #expect(englishWords(r.stdout.replacingOccurrences(of: store, with: "")) == [], "\(file.lastPathComponent)")
      #expect(!FileManager.default.fileExists(atPath: store))
    }
    let en = Fixtures.run([
      "import", fixtures.appendingPathComponent("restart.docx").path, "--into", store, "--dry-run",
    ])
    #expect(en.stdout.contains("header: table 2, row 1\n"))
    #expect(en.stdout.contains("the document has 2 tables: took table 2 (6 rows)"))
  }

  @Test("a .docx imports into a new store, and again into it with nothing changed")
  func importAndAgain() throws {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    let docx = tables.appendingPathComponent("06-taishan-wglt/table.docx").path
    let r = Fixtures.run(["import", docx, "--into", store])
    #expect(r.status == 0, "\(r.stderr)")
    let list = Fixtures.run(["--store", store, "list", "--format", "json", "--today", "2021-06-01"])
    let j = try JSON.parse(Array(list.stdout.utf8))
    guard case .array(let tasks)? = j["tasks"] else {
      Issue.record("no tasks")
      return
    }
    #expect(tasks.count == 10)
    let journal = URL(fileURLWithPath: store).appendingPathComponent("journal.jsonl")
    let before = try Data(contentsOf: journal)
    let again = Fixtures.run([
      "import", tables.appendingPathComponent("06-taishan-wglt/table.xlsx").path, "--into", store,
    ])
    #expect(again.status == 0)
    #expect(again.stdout.contains("unchanged: 10"))
    // Nothing new in the table: no "import" line buries what people wrote in the journal.
    #expect(again.stdout.hasSuffix("(nothing to write)\n"))
    #expect(try Data(contentsOf: journal) == before)
  }

  @Test("importing an edited table again names the changed fields in the reader's words and journals once")
  func againChanged() throws {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    let dir = Fixtures.scratch("imp-edit")
    let table = dir.appendingPathComponent("表.csv")
    let rows = ["序号,工作措施,牵头单位,完成时限", "1,建立公示制度,法制科,2019年9月底", "2,完善记录,办公室,2019年10月底"]
    try rows.joined(separator: "\n").write(to: table, atomically: true, encoding: .utf8)
    let zh = ["LANG": "zh_CN.UTF-8"]
    #expect(Fixtures.run(["import", table.path, "--into", store], env: zh).status == 0)
    let journal = URL(fileURLWithPath: store).appendingPathComponent("journal.jsonl")
    let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
    var edited = rows
    edited[2] = "2,完善执法记录,办公室,2019年11月底"
    try edited.joined(separator: "\n").write(to: table, atomically: true, encoding: .utf8)
    let r = Fixtures.run(["import", table.path, "--into", store], env: zh)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("工作措施、完成时限"), "\(r.stdout)")
    #expect(englishWords(r.stdout.replacingOccurrences(of: store, with: "")) == [])
    let after = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
    #expect(after == lines + 2)  // the task's change and the import's summary
  }

  @Test("bad input: the file and place named, exit 65/66/64, nothing written")
  func errors() {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    let zh = ["LANG": "zh_CN.UTF-8"]
    let corrupt = Fixtures.run(
      ["import", fixtures.appendingPathComponent("corrupt.docx").path, "--into", store], env: zh)
    #expect(corrupt.status == 65)
    #expect(corrupt.stderr == "sanxiang: corrupt.docx: 文件已损坏：无法作为 ZIP 压缩包读取\n")
    let missing = Fixtures.run(["import", "/nonexistent/表.xlsx", "--into", store], env: zh)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("表.xlsx: 没有这个文件"))
    let badMap = Fixtures.run(
      ["import", fixtures.appendingPathComponent("dates.xlsx").path, "--into", store, "--map", "序号"], env: zh)
    #expect(badMap.status == 64)
    let noHeader = Fixtures.run(["import", Fixtures.root.appendingPathComponent("README.md").path, "--into", store])
    #expect(noHeader.status == 65)
    #expect(noHeader.stderr.hasPrefix("sanxiang: README.md:"))
    // An old Word file without LibreOffice: how to save it instead.
    let doc = Fixtures.scratch("doc").appendingPathComponent("旧表.doc")
    try? Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: doc)
    let old = Fixtures.run(
      ["import", doc.path, "--into", store], env: ["LANG": "zh_CN.UTF-8", "PATH": Fixtures.scratch("path").path])
    #expect(old.status == 66)
    #expect(old.stderr.contains("另存为” .docx"))
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test("a plan written as prose: a Chinese dry-run that says how it was read and the year, then plan.ini's year")
  func prosePlan() throws {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    let plan = Fixtures.root.appendingPathComponent("Tests/Fixtures/prose/brackets/plan.docx").path
    let dry = Fixtures.run(["import", plan, "--into", store, "--dry-run"], env: ["LANG": "zh_CN.UTF-8"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("没有表格：按编号条文读取 5 项任务"))
    #expect(dry.stdout.contains("方案年度：2021 年"))
    #expect(dry.stdout.contains("“年底前”按方案年度 2021 年理解"))
    #expect(!dry.stdout.contains("表头："))
    #expect(englishWords(dry.stdout.replacingOccurrences(of: store, with: "")) == [])
    let r = Fixtures.run(["import", plan, "--into", store])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Fixtures.read(URL(fileURLWithPath: store + "/plan.ini")).contains("\nyear = 2021\n"))
    let show = Fixtures.run(["--store", store, "show", "1-3", "--format", "json", "--today", "2021-06-01"])
    #expect(show.stdout.contains("2021-12-31"), "\(show.stdout)")
  }

  @Test("--year outside a plan's years is a usage error; a guessed split is marked in the store to check")
  func yearAndCheck() throws {
    let store = Fixtures.scratch("imp").appendingPathComponent("s").path
    let leads = Fixtures.root.appendingPathComponent("Tests/Fixtures/shapes/leads/table.docx").path
    let bad = Fixtures.run(["import", leads, "--into", store, "--year", "21"], env: ["LANG": "zh_CN.UTF-8"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--year 应为年份"))
    #expect(Fixtures.run(["import", leads, "--into", store]).status == 0)
    let csv = Fixtures.read(URL(fileURLWithPath: store + "/tasks.csv"))
    #expect(csv.split(separator: "\n")[0].hasSuffix(",责任单位（原文）,待核对"))
    #expect(csv.contains("综合科、法规科和执法大队对照职责制定"))
  }

  @Test("init --year: the year in plan.ini, the deadlines added read in it; a year out of range is a usage error")
  func initYear() throws {
    let store = Fixtures.scratch("init-year").appendingPathComponent("s").path
    #expect(Fixtures.run(["init", store + "-bad", "--year", "21"]).status == 64)
    let r = Fixtures.run(["init", store, "--year", "2021", "--group", "综合"], env: ["LANG": "zh_CN.UTF-8"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Fixtures.read(URL(fileURLWithPath: store + "/plan.ini")).contains("\nyear = 2021\n"))
    let add = Fixtures.run(
      ["--store", store, "add", "--group", "综合", "--measure", "开展培训。", "--deadline", "年底前"],
      env: ["LANG": "zh_CN.UTF-8"])
    #expect(add.stdout.contains("2021-12-31"), "\(add.stdout)")
  }
}
