import Foundation
import Model
import Readers
import TestSupport
import Testing

private let tables = Fixtures.root.appendingPathComponent("Tests/Fixtures/tables")
private let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures/import")

private func imported(_ url: URL, sheet: String? = nil, options: ImportOptions = ImportOptions()) throws -> ImportResult
{
  try TableImport.interpret(
    SourceFile.read(path: url.path, sheet: sheet), file: url.lastPathComponent, options: options)
}

private func fixture(_ name: String) throws -> ImportResult { try imported(fixtures.appendingPathComponent(name)) }

/// The scorer's comparisons (examples/tables/score_tables.py): white space, a leading
/// number, a trailing 。, bracket widths and a trailing 等 do not count.
private func norm(_ s: String) -> String { s.filter { !$0.isWhitespace } }
private func normMeasure(_ s: String) -> String {
  var t = norm(s)
  if let (_, body) = Optional(numberless(t)) { t = body }
  while t.hasSuffix("。") { t.removeLast() }
  return t
}
private func numberless(_ t: String) -> (String, String) {
  let chars = Array(t)
  var i = 0
  if i < chars.count, chars[i] == "(" || chars[i] == "（" {
    var j = i + 1
    while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
    if j > i + 1, j < chars.count, chars[j] == ")" || chars[j] == "）" { return ("", String(chars[(j + 1)...])) }
    return ("", t)
  }
  while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
  if i > 0, i < chars.count, ".．、".contains(chars[i]) { return ("", String(chars[(i + 1)...])) }
  return ("", t)
}
private func normUnit(_ s: String) -> String {
  var t = norm(s).replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
  if t.count > 1, t.hasSuffix("等") { t.removeLast() }
  return t
}
private func isCollective(_ u: String) -> Bool {
  u.hasPrefix("各") || u.hasPrefix("其他") || u.hasPrefix("其它") || u.contains("相关") || u.contains("有关")
}
/// Equal as sets; a wanted collective name may be the placeholder flag instead.
private func sameUnits(_ got: Departments, _ want: [String]) -> Bool {
  let g = Set(got.units.map(normUnit))
  let w = Set(want.map(normUnit))
  if g == w { return true }
  return got.others && g.isSubset(of: w) && w.subtracting(g).allSatisfy(isCollective)
}

struct Expected: Decodable {
  struct Task: Decodable {
    var number: String?
    var theme: String?
    var measure: String
    var lead: [String]
    var support: [String]
    var deadline: String?
  }
  var tasks: [Task]
}

@Suite("Reading the tables agencies have")
struct ReaderTests {
  static let examples = ["01-chizhou-xfj", "03-jiangmen-tdcb", "06-taishan-wglt", "10-qiaocheng-town"]
  static let kinds = ["table.docx", "table.xlsx", "table.html", "table.flat.txt", "table.txt"]
  /// Examples whose rows carry no number, neither a 序号 nor the measure's own.
  static let unnumbered: Set<String> = ["10-qiaocheng-town"]

  @Test(
    "every example in every format imports as its expected.json says",
    arguments: examples.flatMap { e in kinds.map { (e, $0) } })
  func example(_ folder: String, _ file: String) throws {
    let dir = tables.appendingPathComponent(folder)
    let want = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: dir.appendingPathComponent("expected.json")))
    if ReaderTests.unnumbered.contains(folder) && file == "table.txt" {
      // Rows without numbers: LibreOffice's text export cannot be cut into them for certain.
      #expect(throws: ImportError(.ambiguousTextExport, file: file, place: .line(1))) {
        try imported(dir.appendingPathComponent(file))
      }
      return
    }
    let r = try imported(dir.appendingPathComponent(file))
    #expect(r.tasks.count == want.tasks.count)
    for (t, w) in zip(r.tasks, want.tasks) {
      #expect(normMeasure(t.measure) == normMeasure(w.measure), "\(file) \(t.id)")
      #expect(sameUnits(t.lead, w.lead), "\(file) \(t.id) lead \(t.lead)")
      #expect(sameUnits(t.support, w.support), "\(file) \(t.id) support \(t.support)")
      #expect(norm(t.deadline.text) == norm(w.deadline ?? ""), "\(file) \(t.id)")
      if let theme = w.theme { #expect(norm(t.theme) == norm(theme), "\(file) \(t.id)") }
      if let n = w.number { #expect(t.id == n, "\(file)") }
    }
  }

  @Test(
    "a made-up table in each shape reads the same from every format",
    arguments: ["sections", "offices", "levels"])
  func sameInEveryFormat(_ folder: String) throws {
    let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/made").appendingPathComponent(folder)
    let html = try imported(dir.appendingPathComponent("table.html"))
    #expect(html.tasks.count >= 4)
    for kind in ReaderTests.kinds.filter({ $0 != "table.html" }) {
      let r = try imported(dir.appendingPathComponent(kind))
      #expect(r.title == html.title, "\(kind)")
      #expect(r.groups == html.groups, "\(kind)")
      #expect(r.tasks.map(\.id) == html.tasks.map(\.id), "\(kind)")
      for (a, b) in zip(r.tasks, html.tasks) {
        for f in [TaskField.group, .theme, .measure, .lead, .support, .deadline] {
          #expect(a.value(of: f) == b.value(of: f), "\(kind) \(a.id) \(f)")
        }
      }
    }
  }

  @Test("the made-up tables' shapes: sections and restarting numbers, 附件 and merged leads, two category levels")
  func madeShapes() throws {
    let made = Fixtures.root.appendingPathComponent("Tests/Fixtures/made")
    let s = try imported(made.appendingPathComponent("sections/table.txt"))
    #expect(s.tasks.map(\.id) == ["1-1", "1-2", "2-1", "2-2"])
    #expect(s.groups == ["健全依法决策机制", "强化执法监督"])
    #expect(s.note.contains("注："))
    let o = try imported(made.appendingPathComponent("offices/table.flat.txt"))
    #expect(o.title == "某县市场监管局2022年政务公开工作要点任务分解表")
    #expect(o.tasks.map(\.lead.units) == [["办公室"], ["法规股"], ["办公室"], ["法规股"], ["法规股"], ["办公室"]])
    #expect(o.tasks[5].support.units == ["信息中心"])
    #expect(o.tasks[3].deadline.kind == .by(Day(iso: "2022-12-30")!))
    let l = try imported(made.appendingPathComponent("levels/table.xlsx"))
    #expect(l.groups == ["制度建设", "能力建设"])
    #expect(l.tasks.map(\.theme) == ["健全制度", "健全制度", "完善清单", "完善清单", "开展培训", "配备装备"])
    #expect(l.tasks[4].lead.units == ["人事科"])
    #expect(l.tasks[4].support.units == ["法制办"])
  }

  @Test("nothing lost: every non-empty cell of each .docx is in a field, an extra column or the title")
  func nothingLost() throws {
    for folder in ReaderTests.examples + [] {
      let url = tables.appendingPathComponent(folder).appendingPathComponent("table.docx")
      let doc = try SourceFile.read(path: url.path)
      let r = try TableImport.interpret(doc, file: "table.docx")
      let stored =
        r.tasks.flatMap { t in
          [t.id, t.group, t.theme, t.measure, t.requirement, t.lead.cell, t.support.cell, t.deadline.text]
            + Array(t.extras.values)
        } + r.columns.map(\.header) + [r.title]
      let flat = norm(stored.joined(separator: "|"))
      for row in doc.tables.flatMap(\.rows) {
        for cell in row.cells where !cell.text.trimmingSpaces.isEmpty {
          #expect(flat.contains(normMeasure(cell.text)), "\(folder): \(cell.text)")
        }
      }
    }
  }

  @Test("re-importing the same table from each other format changes nothing")
  func reimportAcrossFormats() throws {
    for folder in ReaderTests.examples {
      let dir = tables.appendingPathComponent(folder)
      let first = try imported(dir.appendingPathComponent("table.docx"))
      let store = Fixtures.scratch("re").appendingPathComponent("store").path
      try Store.create(
        store, settings: PlanSettings(title: first.title), tasks: first.tasks,
        extraColumns: first.extraColumns)
      let plan = try Store.open(store).plan
      for kind in ReaderTests.kinds.dropFirst() where !(ReaderTests.unnumbered.contains(folder) && kind == "table.txt")
      {
        let again = Reimport(try imported(dir.appendingPathComponent(kind)), onto: plan)
        #expect(again.changes.isEmpty, "\(folder) \(kind): \(again.updated) \(again.added)")
        #expect(again.unchanged == first.tasks.count)
      }
    }
  }

  @Test("docx: the allocation table among two, its title, a header over three columns, a merge restarting mid-table")
  func docxShapes() throws {
    let r = try fixture("restart.docx")
    #expect(r.guesses.contains(.tableChosen(index: 2, of: 2, rows: 6)))
    #expect(r.title == "某局2021年政务公开重点工作任务分工表")
    #expect(r.columns.map(\.field) == [.theme, .id, .measure, .lead, .deadline])
    #expect(r.tasks.map(\.id) == ["1", "2", "3", "4", "5"])
    // The merge Word restarted on the next page, with an empty cell, still means the same theme.
    #expect(r.tasks.map(\.theme) == ["一、规范公开", "一、规范公开", "一、规范公开", "二、强化监督", "二、强化监督"])
    // A line break inside a cell, and tracked changes: insertions kept, deletions dropped.
    #expect(r.tasks[0].measure == "公开权责清单，动态调整。")
    #expect(r.tasks[1].measure == "编制年度报告。")
    #expect(r.tasks[0].lead.units == ["办公室"])
    #expect(r.tasks[0].support == Departments([], others: true))
    #expect(r.tasks[3].lead.units == ["局防控办"])
    #expect(r.tasks[3].support.others)
    // The cell's own words are kept beside, since the store's reading drops some of them.
    #expect(r.tasks[3].extras["责任单位（原文）"] == "局防控办主办、各工作组协办")
    #expect(r.tasks[4].deadline.kind == .yearly(month: 1, day: 31))
  }

  @Test("xlsx: the first sheet with data, a title row merged across, a two-row header, 1.0 and date serials")
  func xlsxShapes() throws {
    let r = try fixture("dates.xlsx")
    #expect(r.guesses.contains(.sheetChosen(name: "分工表", skipped: ["说明"])))
    #expect(r.title == "某局2021年工作任务分工")
    #expect(r.headerPlace == .cell(sheet: "分工表", table: nil, row: 2, column: 1))
    #expect(r.columns.map(\.field) == [.id, .measure, .lead, .support, .deadline])
    #expect(r.tasks.map(\.id) == ["1", "2", "3"])
    #expect(r.tasks[0].deadline.text == "2021-06-30")
    #expect(r.tasks[1].deadline.kind == .by(Day(iso: "2021-12-31")!))
    #expect(r.tasks[0].support.units == ["财务科"])
    #expect(r.tasks[1].measure == "开展培训，每年不少于2次。")
    let named = try imported(fixtures.appendingPathComponent("dates.xlsx"), sheet: "分工表")
    #expect(named.tasks.count == 3)
    #expect(throws: ImportError(.noSuchSheet("表3", available: ["说明", "分工表"]), file: "dates.xlsx")) {
      try imported(fixtures.appendingPathComponent("dates.xlsx"), sheet: "表3")
    }
    #expect(throws: ImportError(.emptySheet("说明"), file: "dates.xlsx")) {
      try imported(fixtures.appendingPathComponent("dates.xlsx"), sheet: "说明")
    }
  }

  @Test("csv: GB18030 converted and said, a quoted cell over two lines, numbering restarting per category")
  func gb18030CSV() throws {
    let r = try fixture("gb18030.csv")
    #expect(r.guesses.first == .encodingConverted(from: "GB18030"))
    #expect(r.title == "某局行政执法公示工作任务表")
    #expect(r.tasks.map(\.id) == ["1-1", "1-2", "2-1", "2-2"])
    #expect(r.guesses.contains(.restartedNumbering(categories: 2, example: "2-1")))
    #expect(r.groups == ["事前公开", "事后公开"])
    #expect(r.tasks[1].measure == "公开执法依据，动态调整。")
    #expect(r.tasks[1].lead.units == ["办公室", "法制科"])
  }

  @Test("html: a GBK page, its table inside a layout table, entities, <br> and <p> in cells, spaced header text")
  func gbkHTML() throws {
    let r = try fixture("gbk.html")
    #expect(r.guesses.contains(.encodingConverted(from: "GBK")))
    #expect(r.title == "某局重点任务分工表")
    #expect(r.columns.map(\.field) == [.id, .measure, .lead, .support, .deadline])
    #expect(r.tasks[0].measure == "公开“双随机”抽查结果&处理情况。")
    #expect(r.tasks[0].support.units == ["办公室", "法制科"])
    #expect(r.tasks[1].measure == "健全制度；加强培训。")
    #expect(r.tasks[1].deadline.kind == .ongoing)
    #expect(r.tasks[0].deadline.kind == .by(Day(iso: "2021-07-31")!))
  }

  @Test("a page's table: title row, two-row header, section rows, numbering restarting per section, a note row")
  func sectionsHTML() throws {
    let r = try imported(Fixtures.root.appendingPathComponent("Tests/Fixtures/made/sections/table.html"))
    #expect(r.title == "某某局2021年法治政府建设重点任务分工表")
    #expect(r.guesses.contains(.twoRowHeader(.cell(sheet: nil, table: 1, row: 3, column: 0))))
    #expect(r.columns.map(\.field) == [.id, .theme, .measure, .lead, .support, .deadline])
    #expect(r.groups == ["健全依法决策机制", "强化执法监督"])
    #expect(r.tasks.map(\.id) == ["1-1", "1-2", "2-1", "2-2"])
    // A lead merged over two rows is the same lead, no guess; "各科室按职责分工落实": they lead.
    #expect(r.tasks[1].lead.units == ["法规科"])
    #expect(!r.guesses.contains { if case .filledDown = $0 { true } else { false } })
    #expect(r.tasks[3].lead == Departments([], others: true))
    #expect(r.tasks[1].deadline.kind == .by(Day(iso: "2021-06-30")!))
    // The note under the table is kept in the plan's note.
    #expect(r.note.contains("注：各单位于每季度末报送进展情况。"))
  }

  @Test("a paste from a spreadsheet: a quoted cell over two lines is one cell")
  func quotedPaste() throws {
    let text = "某表\n序号\t工作措施\t责任单位\t完成时限\n1\t\"制定方案，\n报局审议。\"\t法制科\t2021年6月底前\n2\t开展培训。\t人事科\t持续推进\n"
    let r = try TableImport.read(Array(text.utf8), file: "paste.txt")
    #expect(r.format == .tabSeparated)
    #expect(r.tasks.map(\.measure) == ["制定方案，报局审议。", "开展培训。"])
    #expect(r.tasks[0].lead.units == ["法制科"])
  }

  @Test("Excel's Unicode text (UTF-16 with a byte-order mark) is converted and said")
  func utf16() throws {
    let text = "序号\t工作措施\t责任单位\t完成时限\r\n1\t制定方案。\t法制科\t2021年6月底前\r\n"
    let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let r = try TableImport.read(bytes, file: "table.txt")
    #expect(r.guesses.first == .encodingConverted(from: "UTF-16"))
    #expect(r.tasks.map(\.measure) == ["制定方案。"])
    #expect(r.tasks[0].deadline.kind == .by(Day(iso: "2021-06-30")!))
  }

  @Test("a damaged or encrypted file, a document without a table, a ZIP under a text name: a clear error")
  func badFiles() throws {
    #expect(throws: ImportError(.corruptZip, file: "corrupt.docx")) { try fixture("corrupt.docx") }
    #expect(throws: ImportError(.encrypted, file: "encrypted.xlsx")) { try fixture("encrypted.xlsx") }
    let dir = Fixtures.scratch("bad")
    let docx = try Data(contentsOf: fixtures.appendingPathComponent("restart.docx"))
    let renamed = dir.appendingPathComponent("table.txt")
    try docx.write(to: renamed)
    // A .docx saved under another name is still read by what it is.
    #expect(try imported(renamed).tasks.count == 5)
    #expect(throws: ImportError(.noTableInDocument, file: "notable.docx")) { try fixture("notable.docx") }
  }

  /// LibreOffice's `soffice` on the PATH, as the import looks for it.
  static let hasLibreOffice = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
  }

  @Test(
    "an old .doc and .xls read through LibreOffice as their .docx and .xlsx read",
    .enabled(if: hasLibreOffice, "LibreOffice is not installed (CI does without it)"))
  func throughLibreOffice() throws {
    let doc = try fixture("old.doc")
    #expect(doc.guesses.first == .converted(from: "doc", to: "docx"))
    let docx = try imported(tables.appendingPathComponent("06-taishan-wglt/table.docx"))
    #expect(doc.tasks.map(\.measure) == docx.tasks.map(\.measure))
    #expect(doc.tasks.map(\.lead) == docx.tasks.map(\.lead))
    let xls = try fixture("old.xls")
    let xlsx = try imported(tables.appendingPathComponent("01-chizhou-xfj/table.xlsx"))
    #expect(xls.tasks.map(\.measure) == xlsx.tasks.map(\.measure))
    #expect(xls.tasks.map(\.id) == xlsx.tasks.map(\.id))
  }

  @Test("--map overrides a column's role; --header-row names the header")
  func mapAndHeaderRow() throws {
    let url = tables.appendingPathComponent("01-chizhou-xfj/table.xlsx")
    let r = try imported(url, options: ImportOptions(map: [("工作任务", .extra)]))
    #expect(r.tasks.allSatisfy { $0.theme.isEmpty })
    // Under a name the store does not read as its theme column.
    #expect(r.tasks[0].extras["工作任务（保留）"] == "强化行政规范性文件集中规范公开")
    #expect(throws: ImportError(.mapMatchesNothing("备注"), file: "table.xlsx")) {
      try imported(url, options: ImportOptions(map: [("备注", .extra)]))
    }
    let h = try imported(url, options: ImportOptions(headerRow: 1))
    #expect(h.tasks.count == 8)
    #expect(throws: ImportError(.headerRowMissing(99), file: "table.xlsx")) {
      try imported(url, options: ImportOptions(headerRow: 99))
    }
  }
}

@Suite("The conversion's temporary folder")
struct TemporaryFolderTests {
  struct Stop: Error {}

  @Test("removed with its files and subfolders whether the work returns or throws")
  func removedOnEveryPath() throws {
    var seen: [String] = []
    let kept = try TemporaryFolder.within(prefix: "sanxiang-test", cannotCreate: Stop()) { f throws(Stop) -> String in
      seen.append(f.path)
      try? FileIO.makeDirectory(f.path + "/profile/user")
      try? FileIO.replace(f.path + "/profile/user", "registry.xcu", with: Array("x".utf8))
      try? FileIO.replace(f.path, "table.doc", with: Array("y".utf8))
      return f.path
    }
    #expect(kept == seen[0])
    #expect(!FileIO.exists(seen[0]))
    #expect(throws: Stop.self) {
      try TemporaryFolder.within(prefix: "sanxiang-test", cannotCreate: Stop()) { f throws(Stop) in
        seen.append(f.path)
        try? FileIO.replace(f.path, "half.docx", with: [0x50, 0x4B])
        throw Stop()
      }
    }
    #expect(seen.count == 2 && !FileIO.exists(seen[1]))
  }

  @Test("a program that is not on the PATH is told from one that fails")
  func outcomes() throws {
    try TemporaryFolder.within(prefix: "sanxiang-test", cannotCreate: Stop()) { f throws(Stop) in
      #expect(f.run(["sanxiang-no-such-program-\(UInt32.random(in: 0...UInt32.max))"]) == .notFound)
      #expect(f.run(["false"]) == .exited(1))
      #expect(f.run(["true"]) == .exited(0))
    }
  }
}
