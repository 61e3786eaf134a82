import Foundation
import Model
import Readers
import TestSupport
import Testing

/// The shapes of issue 21, each in a small made-up table of its own (Tests/Fixtures/shapes,
/// each `table.html` written by hand and turned into the other forms as the real examples
/// were).
private let shapes = Fixtures.root.appendingPathComponent("Tests/Fixtures/shapes")

private func imported(_ shape: String, _ file: String, options: ImportOptions = ImportOptions()) throws
  -> ImportResult
{
  let url = shapes.appendingPathComponent(shape).appendingPathComponent(file)
  return try TableImport.interpret(SourceFile.read(path: url.path), file: file, options: options)
}

private func filled(_ r: ImportResult) -> [ImportField] {
  r.guesses.compactMap { if case .filledDown(let f, _) = $0 { f } else { nil } }
}

@Suite("Tables as offices write them")
struct ImportShapeTests {
  @Test(
    "merges come from the file: a merged cell fills the rows it covers, a blank one stays blank",
    arguments: ["table.docx", "table.xlsx", "table.html"])
  func mergesFromTheFile(_ file: String) throws {
    let r = try imported("merges", file)
    #expect(r.tasks.map(\.id) == ["1", "2", "3", "4", "5"])
    // Task 2's deadline cell is empty and not merged: an empty deadline.
    #expect(r.tasks[1].deadline.text == "")
    // Its 牵头 cell is empty: the 配合/责任 column's units carry it.
    #expect(r.tasks[1].lead.units == ["人事科", "法规科"])
    #expect(r.tasks[1].support.isEmpty)
    #expect(r.guesses.contains { if case .leadFromSupport = $0 { true } else { false } })
    #expect(r.tasks[0].lead.units == ["办公室"])
    #expect(r.tasks[0].support.others)
    // Lead, support and deadline merged over tasks 3 and 4.
    for t in r.tasks[2...3] {
      #expect(t.lead.units == ["法规科"])
      #expect(t.support.units == ["办公室"])
      #expect(t.deadline.text == "2023年6月底前")
      #expect(t.extras["待核对"] == nil)
    }
    #expect(filled(r).isEmpty)
  }

  @Test(
    "a text layout reads a blank as merged only where the rows show it, and says so",
    arguments: ["table.flat.txt"])
  func textFillsOnEvidence(_ file: String) throws {
    let html = try imported("merges", "table.html")
    let r = try imported("merges", file)
    for (a, b) in zip(r.tasks, html.tasks) {
      for f: TaskField in [.id, .measure, .lead, .support, .deadline] {
        #expect(a.value(of: f) == b.value(of: f), "\(a.id) \(f)")
      }
    }
    // A lone blank deadline stays blank; three cells blank together beside a row that has
    // them are that row's merged cells, a guess shown and marked for checking.
    #expect(r.tasks[1].deadline.text == "")
    #expect(Set(filled(r)) == [.lead, .support, .deadline])
    #expect(r.tasks[3].extras["待核对"] == "牵头单位、配合/责任单位、完成时限")
    #expect(r.extraColumns.contains("待核对"))
  }

  @Test(
    "inside a category block a text layout reads a blank lead or deadline as merged; the files that record merges never do"
  )
  func blocks() throws {
    let html = try imported("blocks", "table.html")
    #expect(html.tasks[1].lead.units == ["法规股"])
    #expect(html.tasks[2].deadline.text == "")
    let flat = try imported("blocks", "table.flat.txt")
    #expect(flat.tasks[1].lead.units == ["法规股"])
    #expect(flat.tasks[1].extras["待核对"] == "责任股室")
    // The text cannot tell this blank from a merge: read as one, and marked to check.
    #expect(flat.tasks[2].deadline.text == "2023年8月底前")
    #expect(flat.tasks[2].extras["待核对"] == "完成时限")
    // A new category block starts afresh.
    #expect(flat.tasks[3].lead.units == ["办公室"])
  }
}

@Suite("Lead cells written as text")
struct LeadCellTests {
  @Test(
    "units and what they do, role words before and after, 会同 and 会, 和 及 与 and spaces",
    arguments: ["table.docx", "table.flat.txt", "table.txt"])
  func leads(_ file: String) throws {
    let r = try imported("leads", file)
    func units(_ d: Departments) -> [String] { d.units + (d.others ? ["…"] : []) }
    let want: [(lead: [String], support: [String], check: Bool)] = [
      (["综合科", "法规科", "执法大队"], [], true),  // …对照职责制定: the words after the units dropped
      (["执法一中队", "执法二中队"], [], false),  // 分别牵头落实 on the whole list
      (["政策法规科"], ["办公室", "财务科"], true),  // 牵头起草 … 积极配合
      (["市场监管所"], ["执法大队"], false),  // X会同Y
      (["信息中心"], ["综合科"], true),  // X会Y
      (["综合科", "法规科"], [], false),  // a space
      (["稽查队", "各执法所"], [], false),  // 及 between two names, and 落实 with no lead named
      (["法规科"], ["…"], false),  // 由…负责，各科室参与
      (["住房和城乡建设局"], [], false),  // 和 inside a name stays
      (["各中队"], [], true),  // …根据辖区实际组织实施
      (["财务科", "办公室"], [], false),  // 与, 具体落实
    ]
    #expect(r.tasks.count == want.count)
    for (t, w) in zip(r.tasks, want) {
      #expect(units(t.lead) == w.lead, "\(file) \(t.id) lead")
      #expect(units(t.support) == w.support, "\(file) \(t.id) support")
      // Where the split is not plain the cell is kept as printed and the task marked.
      #expect((t.extras["待核对"] == "责任单位") == w.check, "\(file) \(t.id) check")
      if w.check || t.id == "7" || t.id == "11" { #expect(t.extras["责任单位（原文）"] != nil, "\(file) \(t.id) as printed") }
    }
    #expect(r.tasks[8].extras["责任单位（原文）"] == nil)
    #expect(r.guesses.contains { if case .wordsDropped(_, _, ["根据辖区实际组织实施"]) = $0 { true } else { false } })
  }
}

@Suite("LibreOffice's text export")
struct CellPerLineTests {
  @Test("rows are cut where their numbers stand one row width apart, and read as the .docx reads")
  func numbered() throws {
    for shape in ["merges", "blocks", "leads"] {
      let docx = try imported(shape, "table.docx")
      let r = try imported(shape, "table.txt")
      #expect(
        r.guesses.contains { if case .rowsByNumbers(_, docx.tasks.count) = $0 { true } else { false } }, "\(shape)")
      #expect(r.tasks.map(\.id) == docx.tasks.map(\.id), "\(shape)")
      for (a, b) in zip(r.tasks, docx.tasks) {
        for f: TaskField in [.theme, .measure, .lead, .support] {
          #expect(a.value(of: f) == b.value(of: f), "\(shape) \(a.id) \(f)")
        }
      }
    }
  }

  @Test("a cell of two paragraphs, or rows without numbers: refused, naming the file to import instead")
  func refused() throws {
    #expect(try imported("paragraphs", "table.docx").tasks[1].lead.units == ["农业服务中心", "财政所"])
    #expect(throws: ImportError(.ambiguousTextExport, file: "table.txt", place: .line(2))) {
      try imported("paragraphs", "table.txt")
    }
    #expect(ImportError(.ambiguousTextExport, file: "t.txt").description(ChineseWords()).contains(".docx 或 .xlsx"))
  }
}

@Suite("Headers, columns and rows as offices write them")
struct HeaderAndRowTests {
  static let files = ["table.docx", "table.xlsx", "table.html", "table.flat.txt"]

  @Test(
    "附件 and a title inside the table, a header over a row of its own, broken and spaced names, both header rows repeated",
    arguments: files)
  func headers(_ file: String) throws {
    let r = try imported("headers", file)
    #expect(r.title == "某区应急管理局2023年安全生产重点工作分解表")
    #expect(r.columns.map(\.field) == [.id, .measure, .lead, .deadline, .extra])
    #expect(r.extraColumns == ["推进计划/下半年"])
    // The second header row, and both rows where the table repeats them, are no tasks.
    #expect(r.tasks.map(\.id) == ["1", "2", "3", "4"])
    #expect(r.tasks[2].measure == "更新重大危险源台账。")
    #expect(r.tasks[2].extras["推进计划/下半年"] == "动态更新")
    #expect(r.guesses.contains { if case .twoRowHeader = $0 { true } else { false } })
  }

  @Test(
    "a deadline column its name does not give, the measure of sentences beside a 要求 column, a task name as the theme",
    arguments: files + ["table.txt"])
  func datesByData(_ file: String) throws {
    let r = try imported("dates", file)
    #expect(r.columns.map(\.field) == [.id, .theme, .measure, .requirement, .deadline, .lead])
    #expect(r.tasks.map(\.theme) == ["农药经营检查", "种子质量检查", "兽药经营检查"])
    #expect(r.tasks[0].measure == "对农药经营单位的经营许可和进销台账开展抽查")
    #expect(r.tasks[0].requirement == "全覆盖")
    #expect(r.tasks.map(\.deadline.text) == ["三季度末", "2023年10月底前", "年底前"])
    #expect(r.guesses.contains(.columnByData(name: "计划办结", field: .deadline)))
    #expect(r.guesses.contains(.measureByData(name: "检查事项")))
  }

  @Test(
    "a period's start and end columns: the end is the deadline, the start kept; short names before the measure the theme",
    arguments: files)
  func period(_ file: String) throws {
    let r = try imported("period", file)
    #expect(r.tasks.map(\.deadline.text) == ["2024年10月", "2024年9月", "2024年11月"])
    #expect(r.tasks[0].extras["实施期间/自"] == "2024年3月")
    #expect(r.tasks.map(\.theme) == ["老旧小区改造", "便民服务中心", "乡村道路硬化"])
    #expect(r.guesses.contains(.periodEnd(start: "实施期间/自", end: "实施期间/至")))
    #expect(r.guesses.contains(.columnByData(name: "重点项目", field: .theme)))
  }

  @Test(
    "备注 and 注 rows, a row without a measure, a note after the table: the plan's note, never a task or a cell",
    arguments: files)
  func notes(_ file: String) throws {
    let r = try imported("notes", file)
    #expect(r.tasks.map(\.id) == ["1", "2", "3"])
    #expect(r.groups == ["深化主动公开", "规范依申请公开"])
    #expect(r.tasks[2].deadline.text == "持续推进")
    for part in ["以上任务完成后于5个工作日内报送材料。", "注：各科室每季度末报送进展情况。", "说明：本表由区数据局办公室负责解释。", "办公室"] {
      #expect(r.note.contains(part), "\(file): \(part)")
    }
    #expect(r.tasks.allSatisfy { !$0.measure.contains("说明") && !$0.deadline.text.contains("说明") })
    #expect(r.guesses.contains { if case .notATask = $0 { true } else { false } })
  }

  @Test("--map names a header the vocabulary lacks, in any format", arguments: files + ["table.txt"])
  func mapAnyFormat(_ file: String) throws {
    let r = try imported("dates", file, options: ImportOptions(map: [("计划办结", .extra), ("质量要求", .measure)]))
    #expect(r.tasks[0].measure == "全覆盖")
    #expect(r.tasks[0].deadline.text == "")
    #expect(r.tasks[0].extras["计划办结"] == "三季度末")
  }

  @Test("a header only --map names is found by the text readers too")
  func mapFindsHeader() throws {
    let flat = "\t号\n\t要办的事\n\t谁办\n\n\t1\n\t制定计划。\n\t办公室\n\n\t2\n\t开展培训。\n\t人事科\n"
    let map: [(header: String, field: ImportField)] = [("号", .id), ("要办的事", .measure), ("谁办", .lead)]
    #expect(throws: ImportError.self) { try TableImport.read(Array(flat.utf8), file: "t.txt") }
    let r = try TableImport.read(Array(flat.utf8), file: "t.txt", options: ImportOptions(map: map))
    #expect(r.tasks.map(\.measure) == ["制定计划。", "开展培训。"])
    #expect(r.tasks[1].lead.units == ["人事科"])
    let lines = "号\n要办的事\n谁办\n1\n制定计划。\n办公室\n2\n开展培训。\n人事科\n"
    let c = try TableImport.read(Array(lines.utf8), file: "t.txt", options: ImportOptions(map: map))
    #expect(c.tasks.map(\.lead.units) == [["办公室"], ["人事科"]])
  }
}

private let prose = Fixtures.root.appendingPathComponent("Tests/Fixtures/prose")

private func importedProse(_ plan: String, _ file: String, options: ImportOptions = ImportOptions()) throws
  -> ImportResult
{
  let url = prose.appendingPathComponent(plan).appendingPathComponent(file)
  return try TableImport.interpret(SourceFile.read(path: url.path), file: file, options: options)
}

@Suite("Plans written as prose")
struct ProseTests {
  @Test(
    "items with their units in brackets, under headings, intro paragraphs left out",
    arguments: ["plan.txt", "plan.docx", "plan.html"])
  func brackets(_ file: String) throws {
    let r = try importedProse("brackets", file)
    #expect(r.prose)
    #expect(r.title == "某县2021年行政执法三项制度任务分解方案")
    #expect(r.year == 2021)
    #expect(r.tasks.map(\.id) == ["1-1", "1-2", "1-3", "2-1", "2-2"])
    #expect(r.groups == ["一、推行行政执法公示制度", "二、推行执法全过程记录制度"])
    #expect(
      r.tasks.map(\.theme) == ["（一）强化事前公开", "（一）强化事前公开", "（二）规范事后公开", "（一）完善记录方式", "（一）完善记录方式"])
    #expect(r.tasks[0].measure == "编制并公开行政执法事项清单，明确执法主体、依据和程序。")
    // 牵头单位 and 责任单位 together: the 责任单位 support.
    #expect(r.tasks[0].lead.units == ["县司法局", "县政务服务中心"])
    #expect(r.tasks[0].support.units == ["县直各行政执法部门"])
    #expect(r.tasks[0].deadline.kind == .by(Day(iso: "2021-06-30")!))
    // A lone 责任单位 leads.
    #expect(r.tasks[1].lead.units == ["县政务服务中心"])
    #expect(r.tasks[1].support.isEmpty)
    // Square brackets, a deadline inside them read in the plan's year.
    #expect(r.tasks[2].lead.units == ["县司法局"])
    #expect(r.tasks[2].support.units == ["县市场监管局", "县城管局"])
    #expect(r.tasks[2].deadline.text == "年底前")
    #expect(r.tasks[2].deadline.kind == .by(Day(iso: "2021-12-31")!))
    // Role words instead of labels; 及 before the last unit.
    #expect(r.tasks[3].lead.units == ["县财政局"])
    #expect(r.tasks[3].support.units == ["县司法局", "县公安局"])
    #expect(r.tasks[3].support.others)
    // A deadline in the bracket without a label is the deadline, not a unit.
    #expect(r.tasks[4].lead.units == ["县档案馆"])
    #expect(r.tasks[4].deadline.text == "2021年9月底前完成")
    #expect(r.guesses.contains { if case .paragraphsNotTasks(let p) = $0 { p.count == 1 } else { false } })
    #expect(r.guesses.contains(.planYear(2021, from: .text)) || r.guesses.contains(.planYear(2021, from: .title)))
  }

  @Test(
    "role lines after the measure, items numbered （十一）, a measure over two lines",
    arguments: ["plan.txt", "plan.docx", "plan.html"])
  func lines(_ file: String) throws {
    let r = try importedProse("lines", file)
    #expect(r.tasks.map(\.id) == ["11", "12", "13"])
    #expect(r.tasks.allSatisfy { $0.theme == "三、提升政策发布解读质量" })
    #expect(r.tasks[0].lead.units == ["市政府办公室"])
    #expect(r.tasks[0].support.units == ["市发展改革委", "市财政局"])
    #expect(r.tasks[0].deadline.kind == .by(Day(iso: "2023-09-30")!))
    #expect(r.tasks[1].measure == "加强政策咨询服务。依托政务服务热线，及时解答企业和群众的咨询。")
    #expect(r.tasks[1].lead.units == ["市政务服务管理局"])
    #expect(r.tasks[1].deadline.kind == .ongoing)
    // Beside a 牵头, those who 分别负责落实 carry it out under the lead.
    #expect(r.tasks[2].lead.units == ["市政府新闻办"])
    #expect(r.tasks[2].support.units == ["各区人民政府"])
    #expect(r.tasks[2].support.others)
  }

  @Test("numbered paragraphs in a section that names no one are no tasks; in one that does, they are")
  func sections() throws {
    let text = """
      某市2022年执法工作方案
      一、总体要求
      （一）指导思想。坚持依法行政。
      （二）工作目标。到年底全面推行。
      二、主要任务
      （一）推行公示制度。（牵头单位：市司法局）
      （二）推行记录制度。
      （三）推行审核制度。（责任单位：市场监管局、城管局）

      """
    let r = try TableImport.read(Array(text.utf8), file: "plan.txt")
    #expect(r.tasks.map(\.measure) == ["推行公示制度。", "推行记录制度。", "推行审核制度。"])
    #expect(r.tasks[1].lead.isEmpty)
    #expect(r.tasks[2].lead.units == ["市场监管局", "城管局"])
    #expect(r.guesses.contains(.paragraphsNotTasks([.line(3), .line(4)])))
  }

  @Test("--year reads the deadlines in the year given, and says so")
  func yearOption() throws {
    let r = try importedProse("lines", "plan.txt", options: ImportOptions(year: 2024))
    #expect(r.year == 2024)
    #expect(r.tasks[0].deadline.kind == .by(Day(iso: "2024-09-30")!))
    #expect(r.guesses.contains(.planYear(2024, from: .option)))
  }
}

@Suite("The store an import makes")
struct ImportedStoreTests {
  /// Every fixture the importer reads in a form of each kind.
  static let files: [URL] = {
    var out: [URL] = []
    for shape in ["merges", "blocks", "leads", "headers", "dates", "period", "notes"] {
      out.append(shapes.appendingPathComponent(shape).appendingPathComponent("table.docx"))
      out.append(shapes.appendingPathComponent(shape).appendingPathComponent("table.flat.txt"))
    }
    for plan in ["brackets", "lines"] {
      out.append(prose.appendingPathComponent(plan).appendingPathComponent("plan.txt"))
    }
    out.append(Fixtures.seed("000"))
    out.append(Fixtures.seed("004"))
    return out
  }()

  @Test("Store.create hands back the store open, its plan the one a reopening reads, and saves through it")
  func createOpen() throws {
    for url in ImportedStoreTests.files {
      let r = try TableImport.interpret(SourceFile.read(path: url.path), file: url.lastPathComponent)
      let dir = Fixtures.scratch("created").appendingPathComponent("s").path
      let entry = JournalEntry(
        seq: 1, at: "2021-03-01T09:00:00+08:00", by: "t", change: Change(op: "import", target: .plan, fields: []),
        imported: .created(source: url.lastPathComponent, tasks: r.tasks.count, groups: r.groups.count))
      let made = try Store.create(
        dir, settings: PlanSettings(title: r.title, note: r.note, groups: r.groups, year: r.year), tasks: r.tasks,
        extraColumns: r.extraColumns, journal: [entry])
      let reopened = try Store.open(dir)
      #expect(made.plan.settings == reopened.plan.settings, "\(url.lastPathComponent)")
      #expect(made.plan.tasks == reopened.plan.tasks, "\(url.lastPathComponent)")
      #expect(made.plan.journal == reopened.plan.journal, "\(url.lastPathComponent)")
      // A save through the store handed back writes what one through a reopened store would.
      let id = r.tasks[0].id
      let note = [Change(op: "note", target: .task(id), fields: [FieldChange(.note, .none, .text("已布置"))])]
      let copy = Fixtures.scratch("created-copy").appendingPathComponent("s").path
      try FileManager.default.copyItem(atPath: dir, toPath: copy)
      try made.commit(note, by: "t", at: "2021-03-02T09:00:00+08:00")
      try Store.open(copy).commit(note, by: "t", at: "2021-03-02T09:00:00+08:00")
      for name in ["tasks.csv", "journal.jsonl", "plan.ini", "staffing.csv"] {
        #expect(
          Fixtures.read(URL(fileURLWithPath: dir + "/" + name))
            == Fixtures.read(URL(fileURLWithPath: copy + "/" + name)),
          "\(url.lastPathComponent) \(name)")
      }
    }
  }

  @Test("a re-import's changes and its journal entry are one save: one run of journal lines, the summary last")
  func reimportOneSave() throws {
    let store = try Store.open(Fixtures.sampleCopy().path)
    let before = store.plan.journal.count
    let edited = Fixtures.read(Fixtures.seed("000")).replacingOccurrences(of: "\n\t35\n", with: "\n\t36\n")
    let again = Reimport(try TableImport.read(Array(edited.utf8), file: "000"), onto: store.plan)
    let revision = try store.commit(
      again.changes, by: "t", imported: .again(source: "000", added: 1, updated: 0, vanished: 1))
    #expect(revision.entries.count == again.changes.count + 1)
    #expect(revision.entries.last?.imported == .again(source: "000", added: 1, updated: 0, vanished: 1))
    let read = try Store.open(store.folder).plan.journal
    #expect(read.count == before + again.changes.count + 1)
    #expect(read.suffix(again.changes.count + 1).map(\.seq) == Array((before + 1)...(before + again.changes.count + 1)))
  }
}
