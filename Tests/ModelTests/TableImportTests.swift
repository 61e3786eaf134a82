import Foundation
import Model
import Readers
import TestSupport
import Testing

private func read(_ text: String) throws -> ImportResult { try TableImport.read(Array(text.utf8), file: "t") }

private let seed004 = Fixtures.read(Fixtures.seed("004"))
private let seed000 = Fixtures.read(Fixtures.seed("000"))

/// Rewrites every tab-separated line of seed 004 (header rows included) through `f`.
private func rewrite004(_ f: ([String]) -> [String]) -> String {
  seed004.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
    let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return cells.count == 6 ? f(cells).joined(separator: "\t") : String(line)
  }.joined(separator: "\n")
}

/// The fields that matter when comparing two imports of the same table.
private func essence(_ r: ImportResult) -> [String] {
  r.tasks.map { t in
    [TaskField.id, .group, .theme, .measure, .requirement, .lead, .support, .deadline].map { t.value(of: $0).text }
      .joined(separator: "|")
  }
}

@Suite("Importing the tables agencies have")
struct TableImportTests {
  @Test("seed 004: 34 numbered measures under three sections, packed rows split in order")
  func seed004Counts() throws {
    let r = try read(seed004)
    #expect(r.format == .tabSeparated)
    #expect(r.title == "铁岭市推行“三项制度”工作任务分解表")
    #expect(r.tasks.map(\.id) == (1...34).map(String.init))
    #expect(r.groups == ["全面推行行政执法公示制度", "全面推行执法全过程记录制度", "全面推行重大行政执法决定法制审核制度"])
    #expect(r.tasks.filter { $0.group == r.groups[0] }.count == 19)
    #expect(r.tasks.filter { $0.group == r.groups[1] }.count == 7)
    #expect(r.tasks.filter { $0.group == r.groups[2] }.count == 8)
    // (6) and (7) share a row: each gets its own fragment of every packed cell.
    let t6 = r.tasks[5]
    let t7 = r.tasks[6]
    #expect(t6.measure == "编制全市行政执法人员清单。")
    #expect(t7.measure == "公开行政执法人员清单。")
    #expect(t6.requirement.hasPrefix("明确执法人员的姓名"))
    #expect(t7.requirement.hasPrefix("在本级政府门户网站"))
    #expect(t6.deadline.kind == .by(Day(iso: "2019-06-30")!))
    #expect(t7.deadline.kind == .ongoing)
    #expect(t6.theme == "强化事前公开")
    #expect(r.tasks[9].measure == "办事大厅、服务窗口等固定办事场所设置岗位信息公示牌。")
    #expect(r.tasks[9].theme == "规范事中公示")
    // Merged theme cells ("same as above") and the theme numbers kept aside.
    #expect(r.tasks[2].theme == "强化事前公开")
    #expect(r.tasks[2].extras["工作任务序号"] == nil)
    #expect(r.tasks[1].extras["工作任务序号"] == "2")
    // "市、县两级政府司法行政部门和行政执法机关" parted at 和: kept as printed.
    #expect(r.extraColumns == ["工作任务序号", "责任单位（原文）"])
    #expect(r.unreadDeadlines.isEmpty)
  }

  @Test("seed 004: the responsible units lead; 市、县 names stay whole; bracket widths unified; 和 parts two units")
  func seed004Departments() throws {
    let r = try read(seed004)
    #expect(r.tasks[0].lead.units == ["市、县两级行政执法机关"])
    #expect(r.tasks[3].lead.units == ["市司法局", "各县（市）区政府"])
    #expect(r.tasks[16].lead.units == ["各县（市）区政府", "市、县两级行政执法机关"])
    #expect(r.tasks.allSatisfy { $0.support.isEmpty })
    let parted = r.tasks.filter { $0.extras["责任单位（原文）"] != nil }
    #expect(!parted.isEmpty && parted.allSatisfy { $0.lead.units == ["市、县两级政府司法行政部门", "行政执法机关"] })
    #expect(parted[0].extras["责任单位（原文）"] == "市、县两级政府司法行政部门和行政执法机关")
    #expect(r.departments.count == 5)
  }

  @Test("nothing lost: every non-empty cell of seeds 000 and 004 is in the result")
  func everyCell() throws {
    let r = try read(seed004)
    let stored = r.tasks.flatMap { t in
      [t.id, "(\(t.id)) \(t.measure)", t.theme, t.requirement, t.lead.cell, t.deadline.text] + t.extras.values
    }
    for line in seed004.split(separator: "\n") {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard cells.count == 6, cells[0] != "序号" else { continue }
      if cells[1...].allSatisfy(\.isEmpty) {
        #expect(r.groups.contains { cells[0].hasSuffix($0) }, "heading \(cells[0])")
        continue
      }
      for (k, cell) in cells.enumerated() where !cell.isEmpty {
        let parts =
          cell.contains("<p>")
          ? cell.components(separatedBy: "</p>").map {
            $0.replacingOccurrences(of: "<p>", with: "").trimmingCharacters(in: .whitespaces)
          }.filter { !$0.isEmpty } : [cell]
        for part in parts {
          if k == 4 {
            // Department names are kept; their separators become the store's 、.
            for unit in Departments(cell: part).units {
              let u = unit.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
              #expect(
                r.tasks.contains { $0.lead.units.contains(u) || $0.extras["责任单位（原文）"] == unit }, "unit \(unit)")
            }
          } else {
            #expect(stored.contains { $0.contains(part) }, "cell \(part) on \(line.prefix(12))")
          }
        }
      }
    }
    let r0 = try read(seed000)
    let stored0 = r0.tasks.flatMap {
      [$0.id, $0.group, $0.theme, $0.measure, $0.lead.cell, $0.support.cell, $0.deadline.text]
    }
    for line in seed000.split(separator: "\n") where line.hasPrefix("\t") {
      let text = line.dropFirst().trimmingCharacters(in: .whitespaces)
      if text.isEmpty || ["序号", "工作", "推行任务", "工作措施", "责任", "配合", "完成时限"].contains(text) { continue }
      #expect(stored0.contains { $0.contains(text) } || text == "其他相关部门" || text == "征收管理科人事教育科", "\(text)")
    }
  }

  @Test("columns found by name: reordered columns read the same")
  func reordered() throws {
    let base = essence(try read(seed004))
    let swapped = rewrite004 { c in [c[5], c[0], c[4], c[1], c[3], c[2]] }
    #expect(essence(try read(swapped)) == base)
  }

  @Test("synonym headers read the same")
  func synonyms() throws {
    let base = essence(try read(seed004))
    let renamed = seed004.replacingOccurrences(of: "具体措施", with: "具体举措").replacingOccurrences(of: "完成时限", with: "完成时间")
      .replacingOccurrences(of: "工作任务\t", with: "主要任务\t")
    #expect(essence(try read(renamed)) == base)
  }

  @Test("CRLF line endings and a BOM read the same")
  func crlfAndBOM() throws {
    #expect(
      essence(try read("\u{FEFF}" + seed004.replacingOccurrences(of: "\n", with: "\r\n"))) == essence(try read(seed004))
    )
    #expect(
      essence(try read("\u{FEFF}" + seed000.replacingOccurrences(of: "\n", with: "\r\n"))) == essence(try read(seed000))
    )
  }

  @Test("title lines Word wrote as tab-led cells above the header are the title, not columns")
  func titleAsCells() throws {
    let lines = seed000.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = lines.firstIndex { $0.hasPrefix("\t") }!
    let title = lines[..<first].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { "\t" + $0 }
    let base = try read(seed000)
    for variant in [title + [""] + lines[first...], title + lines[first...]] {
      let r = try read(variant.joined(separator: "\n"))
      #expect(r.title == base.title)
      #expect(essence(r) == essence(base))
    }
  }

  @Test("three category levels: group, theme, and the third kept as an extra column")
  func threeLevels() throws {
    let table = """
      序号\t领域\t重点任务\t工作事项\t具体措施\t责任单位
      1\t依法决策\t规范程序\t听证\t建立听证目录。\t法规科
      2\t\t\t评估\t开展决策后评估。\t办公室
      3\t执法监督\t案卷评查\t评查\t每年评查一次。\t法规科

      """
    let r = try read(table)
    #expect(r.columns.map(\.field) == [.id, .group, .theme, .extra, .measure, .lead])
    #expect(r.tasks.map(\.group) == ["依法决策", "依法决策", "执法监督"])
    #expect(r.tasks.map(\.theme) == ["规范程序", "规范程序", "案卷评查"])
    #expect(r.tasks[1].extras["工作事项"] == "评估")
  }

  @Test("no column named as the measure: the column of sentences is")
  func unnamedMeasure() throws {
    let table = """
      序号\t重点工作\t责任单位\t完成时限
      1\t建立健全行政执法公示制度，统一公示标准。\t法规科\t2021年6月底前
      2\t全面推行执法全过程记录，配备执法记录仪。\t执法科\t持续推进

      """
    let r = try read(table)
    #expect(r.columns.map(\.field) == [.id, .measure, .lead, .deadline])
    #expect(r.tasks[1].measure == "全面推行执法全过程记录，配备执法记录仪。")
  }

  @Test("lead and support in one cell, by the role words people write")
  func roleWords() throws {
    let table = """
      序号\t工作措施\t责任单位
      1\t制定方案。\t办公室牵头，各科室配合
      2\t开展防控。\t局防控办主办、各工作组协办
      3\t公开信息。\t法规科牵头,执法一科、执法二科按职能分工落实
      4\t清理文件。\t法规科、办公室等按职责分工落实
      5\t做好宣传。\t财政所、便民服务中心、土管所等
      6\t更新数据。\t市直有关部门
      7\t编制清单。\t办公室（牵头）、财务科
      8\t公开预算。\t牵头单位：财务科；配合单位：各科室
      9\t做好培训。\t人事科牵头负责，法规科配合

      """
    let r = try read(table)
    #expect(r.tasks[0].lead.units == ["办公室"])
    #expect(r.tasks[0].support == Departments([], others: true))
    #expect(r.tasks[1].lead.units == ["局防控办"])
    #expect(r.tasks[1].support.others)
    #expect(r.tasks[2].lead.units == ["法规科"])
    #expect(r.tasks[2].support.units == ["执法一科", "执法二科"])
    // Only 落实: the ones named carry it out themselves; the trailing 等 dropped.
    #expect(r.tasks[3].lead.units == ["法规科", "办公室"])
    #expect(r.tasks[3].support.isEmpty)
    #expect(r.tasks[4].lead.units == ["财政所", "便民服务中心", "土管所"])
    #expect(r.tasks[5].lead == Departments([], others: true))
    // The cell's own words stay beside wherever the reading drops some.
    #expect(r.tasks[0].extras["责任单位（原文）"] == "办公室牵头，各科室配合")
    #expect(r.tasks[5].extras["责任单位（原文）"] == "市直有关部门")
    #expect(r.tasks[2].extras["责任单位（原文）"] != nil)
    // A role in brackets, role labels, a longer role word.
    #expect(r.tasks[6].lead.units == ["办公室"])
    #expect(r.tasks[6].support.units == ["财务科"])
    #expect(r.tasks[7].lead.units == ["财务科"])
    #expect(r.tasks[7].support.others)
    #expect(r.tasks[8].lead.units == ["人事科"])
    #expect(r.tasks[8].support.units == ["法规科"])
  }

  @Test("a column it does not know is kept, under its own name")
  func extraColumn() throws {
    let withExtra = rewrite004 { c in c + [c[0] == "序号" ? "督办领导" : (c[2].isEmpty ? "" : "张主任")] }
    let r = try read(withExtra)
    #expect(r.extraColumns.contains("督办领导"))
    #expect(r.tasks[0].extras["督办领导"] == "张主任")
    #expect(essence(r) == essence(try read(seed004)))
    let dir = Fixtures.scratch("extra").appendingPathComponent("store")
    try Store.create(dir.path, settings: PlanSettings(title: r.title), tasks: r.tasks, extraColumns: r.extraColumns)
    let header = Fixtures.read(dir.appendingPathComponent("tasks.csv")).split(separator: "\n")[0]
    #expect(header.hasSuffix(",工作任务序号,督办领导,责任单位（原文）"))
    #expect(try Store.open(dir.path).plan.task("1")?.extras["督办领导"] == "张主任")
  }

  @Test("a row without any number is kept as its own task with a derived id")
  func blankNumberedRow() throws {
    let text = seed004.replacingOccurrences(
      of: "\t\t(5) 编制《随机抽查事项清单》。", with: "\t\t编制《随机抽查事项清单》。")
    let r = try read(text)
    #expect(r.tasks.count == 34)
    #expect(r.tasks[4].id == "4-1")
    #expect(r.tasks[4].measure == "编制《随机抽查事项清单》。")
    #expect(r.guesses.contains { if case .derivedID(_, "4-1", nil) = $0 { true } else { false } })
    // And in the Word-flattened shape: a row whose number cell is empty.
    let flat = seed000.replacingOccurrences(of: "\n\t14\n", with: "\n\t\n")
    let f = try read(flat)
    #expect(f.tasks.count == 35)
    #expect(f.tasks[13].id == "13-1")
    #expect(f.tasks[13].measure.hasPrefix("事后公示"))
  }

  @Test("a lead column and a separate responsible column become lead and cooperating roles")
  func leadAndResponsible() throws {
    let table = """
      序号\t工作措施\t牵头单位\t责任单位\t完成时限
      1\t制定实施方案。\t法制科\t办公室、人事教育科\t2019年8月底前
      2\t开展培训。\t人事教育科\t法制科\t持续开展
      3\t更新台账。\t\t办公室\t每季度

      """
    let r = try read(table)
    #expect(r.tasks[0].lead.units == ["法制科"])
    #expect(r.tasks[0].support.units == ["办公室", "人事教育科"])
    #expect(r.tasks[1].lead.units == ["人事教育科"])
    // No 牵头 named: the responsible units carry it.
    #expect(r.tasks[2].lead.units == ["办公室"])
    #expect(r.tasks[2].support.isEmpty)
  }

  @Test("a header cell merged across two columns: the row width comes from the data")
  func mergedHeader() throws {
    let table = """
      序号\t具体措施\t责任单位\t完成时限
      1\t制定实施方案。\t明确范围、内容和程序，报司法局备案。\t法制科\t2019年8月底前
      2\t开展分级分类培训。\t每年不少于两次。\t人事教育科\t持续开展
      3\t配置法制审核岗。\t审核人员不少于执法人员的5%。\t人事教育科、法制科\t2019年12月底前

      """
    let r = try read(table)
    #expect(r.tasks.count == 3)
    #expect(r.tasks[0].measure == "制定实施方案。")
    #expect(r.tasks[0].lead.units == ["法制科"])
    #expect(r.tasks[2].lead.units == ["人事教育科", "法制科"])
    #expect(r.tasks[1].deadline.kind == .ongoing)
    #expect(r.tasks[0].extras["具体措施（续）"] == "明确范围、内容和程序，报司法局备案。")
    #expect(r.guesses.contains(.headerSpans(name: "具体措施", columns: 2)))
  }

  @Test("a file that is not a table says where and why")
  func notATable() {
    #expect(throws: ImportError(.noHeader, file: "t", place: .line(1))) { try read("just some words\nno table here\n") }
    #expect(throws: ImportError(.notUTF8, file: "t", place: .line(1))) {
      try TableImport.read([0x31, 0xFF, 0x0A], file: "t")
    }
  }

  @Test("importing again updates texts by id, keeps status, notes and journal, reports vanished tasks")
  func reimport() throws {
    let store = try Store.open(Fixtures.sampleCopy().path)
    let same = Reimport(try read(seed000), onto: store.plan)
    #expect(same.changes.isEmpty)
    #expect(same.unchanged == 35)
    let edited = seed000.replacingOccurrences(of: "建立联络员制度、例会制度、工作项目组制度。", with: "建立联络员制度和例会制度。")
      .replacingOccurrences(of: "\n\t35\n", with: "\n\t36\n")
    let again = Reimport(try read(edited), onto: store.plan)
    #expect(again.added == ["36"])
    #expect(again.updated.map(\.id) == ["2"])
    #expect(again.vanished == ["35"])
    let before = store.plan.task("2")!
    try store.commit(again.changes, by: "t")
    let after = store.plan.task("2")!
    #expect(after.measure == "建立联络员制度和例会制度。")
    #expect(after.status == before.status)
    #expect(after.note == before.note)
    #expect(store.plan.task("35") != nil)
    #expect(store.plan.task("36")?.lead.units == ["法制科"])
    #expect(store.plan.journal.count == 19)
  }

  @Test("a row shorter than the others (a paste whose trailing cells were cut) reads without a fault")
  func shortRow() throws {
    let text = "序号\t工作措施\t责任单位\t配合单位\t完成时限\n1\t制定计划。\t办公室\t法规科\t2021年6月底前\n2\t开展培训。\n"
    let r = try read(text)
    #expect(r.tasks.map(\.measure) == ["制定计划。", "开展培训。"])
    // Its department and deadline cells all missing beside a row that has them: read as
    // that row's, and said.
    #expect(r.tasks[1].lead.units == ["办公室"])
    #expect(r.tasks[1].extras["待核对"] != nil)
  }

  @Test("a label with two colons (牵头单位：：…) reads without a fault (found by the prose fuzzer)")
  func doubleColon() throws {
    let text = "序号\t工作措施\t责任单位\n1\t制定计划。\t牵头单位：：办公室；配合单位：法规科\n"
    let r = try read(text)
    #expect(r.tasks[0].support.units == ["法规科"])
  }
}
