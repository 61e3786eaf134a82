import Foundation
import Model
import TUI
import TestSupport
import Testing

/// The roll-up dashboard over several agencies' stores: copies of the sample plan at
/// different stages, and one that does not parse.
@Suite("The roll-up dashboard", .serialized)
struct RollupScreenTests {
  /// Three agencies running copies of the sample plan (one further along), and a broken one.
  static func stores() throws -> URL {
    // One fixed folder (emptied first), so that paths in errors are the same in every run.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sanxiang-rollup-screens")
    try? FileManager.default.removeItem(at: root)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (folder, agency) in [("甲区", "甲区税务局"), ("乙区", "乙区税务局"), ("丙县", "丙县税务局"), ("丁区", "丁区税务局")] {
      let dir = root.appendingPathComponent(folder)
      try FileManager.default.copyItem(at: Fixtures.sampleData, to: dir)
      let ini = dir.appendingPathComponent("plan.ini")
      try Data(Fixtures.read(ini).replacingOccurrences(of: "agency = 某区税务局", with: "agency = \(agency)").utf8)
        .write(to: ini)
    }
    let b = try Store.open(root.appendingPathComponent("乙区").path)
    try b.commit(
      ["2", "27", "28"].map { b.plan.markDone($0, on: sampleToday)! }, by: "乙区联络员", at: "2019-09-20T09:00:00+08:00")
    let broken = root.appendingPathComponent("丁区/tasks.csv")
    try Data((Fixtures.read(broken) + "99,\"never closed\n").utf8).write(to: broken)
    return root
  }

  func session(_ w: Int, _ h: Int, _ keys: String) throws -> (RollupDashboard, ScriptedTerminal) {
    let root = try RollupScreenTests.stores()
    let rollup = Rollup.read(try StoreDiscovery.find([root.path]), today: sampleToday)
    let term = ScriptedTerminal(width: w, height: h, script: keys)
    let d = RollupDashboard(rollup: rollup, terminal: term, lang: .zh)
    d.run()
    return (d, term)
  }

  @Test("agencies, worst first, and the measures matrix, at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
  func screens(size: (Int, Int)) throws {
    let (w, h) = size
    let (_, agencies) = try session(w, h, "")
    Snapshot.check(agencies.screen, "rollup-agencies-\(w)x\(h)")
    let text = agencies.text
    // The store that does not parse is listed with its error, first; the others still show.
    #expect(text.contains("丁区税务局") && text.contains("tasks.csv:37"))
    #expect(text.contains("甲区税务局") && text.contains("乙区税务局") && text.contains("丙县税务局"))
    let (_, matrix) = try session(w, h, "2")
    Snapshot.check(matrix.screen, "rollup-measures-\(w)x\(h)")
    #expect(matrix.text.contains("完成 3/3 · 逾期 0"))
  }

  @Test("Enter opens an agency's own stand-up, read-only; Esc comes back")
  func drillIn() throws {
    let (d, term) = try session(100, 30, "j enter")
    #expect(d.state.agency != nil)
    #expect(term.text.contains("只读"))
    #expect(term.text.contains("逾期 (3)"))
    // Marking done does nothing but say why.
    let (d2, term2) = try session(100, 30, "j enter l space")
    #expect(term2.text.contains("只读：这里不能保存改动"))
    #expect(d2.state.agency?.plan.task("2")?.status == .inProgress)
    let (d3, _) = try session(100, 30, "j enter esc")
    #expect(d3.state.agency == nil)
  }

  @Test("the roll-up's keys are bindings: the help lists each, a key that does nothing here says why")
  func keys() throws {
    let (d, help) = try session(80, 40, "?")
    #expect(d.state.showHelp)
    for b in RollupKeys.bindings { #expect(help.text.contains(b.help(ChineseWords())), "\(b.action)") }
    #expect(help.text.contains("图例") && help.text.contains("按键 · j/k 滚动 · q 或其他键关闭"))
    // The overlay's keys are one plan's: j scrolls it, any other key closes it, q too (the
    // j after it moves the cursor: the roll-up did not quit).
    let (d2, _) = try session(80, 24, "? j")
    #expect(d2.state.showHelp && d2.state.helpScroll == 1)
    let (d3, _) = try session(80, 24, "? x")
    #expect(!d3.state.showHelp)
    let (d4, _) = try session(80, 24, "? q j")
    let (helpShown, row) = (d4.state.showHelp, d4.state.selection)
    #expect(!helpShown && row == 1)
    // ←/→ scroll the matrix only; elsewhere they say so, as Esc does at the roll-up's top.
    let (_, agencies) = try session(80, 24, "l")
    #expect(agencies.screen.lines.last!.hasPrefix(" 只有措施矩阵（按 2）可以左右滚动"))
    let (matrix, _) = try session(80, 24, "2 l l h")
    #expect(matrix.state.column == 1)
    let (_, top) = try session(80, 24, "esc")
    #expect(top.screen.lines.last!.hasPrefix(" 已在汇总"))
    let (_, unbound) = try session(80, 24, "z")
    #expect(unbound.screen.lines.last!.hasPrefix(" 未绑定的按键 z"))
    // Enter in the matrix opens nothing and says where it does.
    let (open, measures) = try session(80, 24, "2 enter")
    #expect(open.state.agency == nil && measures.text.contains("在机构或人员配置视图中选中一个机构后按 Enter"))
  }

  @Test("the cursor's row is marked with > in every view, so it shows without colour (NO_COLOR)")
  func cursorWithoutColour() throws {
    for (keys, first) in [("", 4), ("2", 4), ("3", 3)] {
      for (moved, row) in [("", first), (" j", first + 1), (" j j", first + 2)] {
        let (_, term) = try session(80, 24, keys + moved)
        let marked = term.screen.lines.indices.filter { term.screen.lines[$0].hasPrefix("│>") }
        #expect(marked == [row], "\(keys + moved): \(term.text)")
      }
    }
  }

  @Test("too small a terminal: the same centred message as one plan's dashboard")
  func tooSmall() throws {
    let (_, term) = try session(30, 8, "")
    let plan = render(state("", width: 30, height: 8))
    #expect(term.screen == plan)
    #expect(term.screen.lines[2].contains("终端太小") && term.screen.lines[3].contains("30×8 < 40×10"))
  }

  @Test("the roll-up's footer and help in one language: no English word in Chinese, no Chinese in English")
  func oneLanguage() throws {
    let root = try RollupScreenTests.stores()
    let rollup = Rollup.read(try StoreDiscovery.find([root.path]), today: sampleToday)
    for lang in [Lang.zh, .en] {
      for keys in ["", "2", "3", "l", "esc", "z", "2 enter", "2 l", "j enter"] {
        let term = ScriptedTerminal(width: 120, height: 40, script: keys)
        RollupDashboard(rollup: rollup, terminal: term, lang: lang).run()
        let footer = term.screen.lines.last!
        if lang == .zh {
          #expect(Language.englishWords(in: footer).isEmpty, "\(keys): \(footer)")
        } else {
          #expect(
            Language.chinese(in: Language.without(rollup.agencies.map(\.label), in: footer)).isEmpty,
            "\(keys): \(footer)")
        }
      }
      for b in RollupKeys.bindings {
        let help = b.help(lang.words)
        #expect(lang == .zh ? Language.englishWords(in: help).isEmpty : Language.chinese(in: help).isEmpty, "\(help)")
      }
    }
  }
}
