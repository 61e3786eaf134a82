import Foundation
import Model
import TUI
import TestSupport
import Testing

/// Runs the real dashboard loop on a copy of the sample store, through a scripted terminal.
final class Session {
  let dir = Fixtures.sampleCopy()
  let terminal: ScriptedTerminal
  let dashboard: Dashboard
  let store: Store

  init(width: Int = 80, height: Int = 24, lang: Lang = .zh) throws {
    store = try Store.open(dir.path)
    terminal = ScriptedTerminal(width: width, height: height)
    dashboard = Dashboard(store: store, terminal: terminal, today: sampleToday, who: "测试员", lang: lang)
    dashboard.pollMs = 0
  }

  /// Plays steps and returns the screen after the last one.
  @discardableResult
  func play(_ steps: [ScriptedTerminal.Step]) -> String {
    terminal.append(steps)
    dashboard.run()
    return terminal.text
  }

  @discardableResult
  func play(_ words: String) -> String { play(ScriptedTerminal.script(words)) }

  var state: AppState { dashboard.state }
  var screen: Grid { terminal.screen }
  var tasksFile: URL { dir.appendingPathComponent("tasks.csv") }
  var tasksLines: [String] { Fixtures.read(tasksFile).components(separatedBy: "\n") }
  var journal: [JournalEntry] { (try? Store.open(dir.path).plan.journal) ?? [] }
}

@Suite("Keystroke scripts", .serialized)
struct KeystrokeTests {
  @Test("drill-down: Departments → 征收管理科 → a task → its detail, with the role marked")
  func drillDown() throws {
    let s = try Session()
    s.play("3")
    #expect(s.state.view == .departments)
    s.play("j j")
    #expect(s.state.selectedNav == .department("征收管理科"))
    #expect(s.screen.lines[2].contains("征收管理科 · 16 项"))
    s.play("enter")
    #expect(s.state.focus == .list)
    s.play("j enter")
    #expect(s.state.focus == .detail)
    guard case .task(let i, let role)? = s.state.selectedItem else {
      Issue.record("no task selected")
      return
    }
    #expect(role == .support)
    #expect(samplePlan.tasks[i].id == "18")
    Snapshot.check(s.screen, "drill-down-detail-80x24")
    #expect(s.terminal.text.contains("配合 ◆"))
    s.play("esc esc")
    #expect(s.state.focus == .nav)
  }

  @Test("Space marks done and saves at once (one row, one journal entry); u undoes it")
  func markDoneAndUndo() throws {
    let s = try Session()
    let before = s.tasksLines
    let journalBefore = s.journal.count
    s.play("enter space")
    let after = s.tasksLines
    let changed = (0..<before.count).filter { before[$0] != after[$0] }
    #expect(changed.count == 1)
    #expect(after[changed[0]].hasPrefix("2,"))
    #expect(after[changed[0]].contains(",done,2019-09-20,"))
    #expect(s.journal.count == journalBefore + 1)
    #expect(s.journal.last?.by == "测试员")
    #expect(s.terminal.text.contains("✓ 任务 2 已完成（2019-09-20）"))
    // Task 2 left the overdue list; the cursor stayed in place, on the next one.
    #expect(s.state.listItems.count == 2)
    if case .task(let i, _)? = s.state.selectedItem { #expect(samplePlan.tasks[i].id == "27") }
    s.play("u")
    #expect(s.tasksLines == before)
    #expect(s.journal.count == journalBefore + 2)
    #expect(s.journal.last?.change.op == "undo")
    #expect(s.terminal.text.contains("↶ 已撤销"))
    #expect(s.state.listItems.count == 3)
  }

  @Test("incremental search looks through the whole plan from a group, narrows as you type, says where; Esc clears it")
  func search() throws {
    let s = try Session()
    s.play("2 j")
    #expect(s.state.listItems.count == 7)
    func hits(_ q: String) -> Int { samplePlan.tasks.filter { SearchText.fieldsContain($0, q) }.count }
    s.play([.key(.char("/"))] + ScriptedTerminal.typing("事项"))
    #expect(s.state.search == "事项")
    #expect(s.state.listItems.count == hits("事项"))
    // More than the group shown holds, and the title says in which groups they are.
    let inGroup = samplePlan.tasks.filter { $0.group == "行政执法公示制度工作项目组" && SearchText.fieldsContain($0, "事项") }
    #expect(s.state.listItems.count > inGroup.count)
    #expect(s.terminal.text.contains("搜索“事项”：全方案 \(hits("事项")) 项"))
    #expect(s.screen.lines.last!.hasPrefix("/事项"))
    s.play([.key(.backspace)])
    #expect(s.state.listItems.count == hits("事"))
    s.play("enter")
    #expect(s.state.prompt == nil)
    #expect(s.state.focus == .list)
    #expect(s.screen.lines[1].contains("搜索：事"))
    s.play("esc")
    #expect(s.state.search.isEmpty)
    #expect(s.state.listItems.count == 7)
  }

  @Test("a search opens on its first hit: the cursor lands on the first matching task, in the list and the detail")
  func searchOpensOnFirstHit() throws {
    let s = try Session()
    // The cursor on the third overdue task (28), which the search finds too, but not first.
    s.play("enter j j")
    #expect(s.state.selectedTaskIndex.map { s.state.plan.tasks[$0].id } == "28")
    s.play([.key(.char("/"))] + ScriptedTerminal.typing("法制"))
    let first = try #require(s.state.listItems.first)
    #expect(s.state.listItems.count > 1)
    #expect(
      s.state.listItems.contains { if case .task(let i, _) = $0 { s.state.plan.tasks[i].id == "28" } else { false } })
    #expect(s.state.listSelection == 0 && s.state.selectedItem == first)
    guard case .task(let i, _) = first else { return }
    let id = s.state.plan.tasks[i].id
    #expect(id != "28")
    #expect(s.terminal.text.contains("任务 \(id) "))
    // Enter keeps it there, with the list focused.
    s.play("enter")
    #expect(s.state.focus == .list && s.state.listSelection == 0)
    // A narrower query starts again at its own first hit.
    s.play([.key(.char("/"))] + ScriptedTerminal.typing("审核"))
    #expect(s.state.listSelection == 0)
  }

  @Test("typing and deleting in a search gives, at every step, what a fresh search for that text gives")
  func searchSteps() throws {
    let s = try Session()
    s.play("2 j")
    let urgency = s.state.agenda.urgency
    func fresh(_ q: String) -> [Int] { urgency.filter { SearchText.fieldsContain(samplePlan.tasks[$0], q) } }
    func shown() -> [Int] {
      s.state.listItems.compactMap { if case .task(let i, _) = $0 { i } else { nil } }
    }
    // Typing narrows, backspace widens again, and an edit in the middle ("制度" to "度")
    // gives a query that does not contain the one before.
    #expect(fresh("度") != fresh("制度"))
    s.play([.key(.char("/"))])
    let keys: [Key] = [
      .char("公"), .char("示"), .backspace, .backspace, .char("制"), .char("度"), .left, .backspace, .char("年"),
      .backspace, .end, .char("审"), .backspace,
    ]
    for key in keys {
      s.play([.key(key)])
      if !s.state.search.isEmpty { #expect(shown() == fresh(s.state.search), "after \(s.state.search)") }
    }
    #expect(s.state.search == "度")
  }

  @Test("f cycles the filter through the task lists")
  func filter() throws {
    let s = try Session()
    s.play("2")
    #expect(s.state.listItems.count == 11)
    s.play("f")
    #expect(s.state.filter == .notDone)
    #expect(s.state.listItems.count == 9)
    s.play("f")
    #expect(s.state.listItems.count == 1)
    s.play("f f f")
    #expect(s.state.filter == .all)
  }

  @Test("? shows the help overlay; j/k scroll it, any other key closes it")
  func help() throws {
    let s = try Session(width: 80, height: 40)
    s.play("?")
    #expect(s.state.showHelp)
    #expect(s.terminal.text.contains("按键 · j/k 滚动 · q 或其他键关闭"))
    s.play("j")
    #expect(s.state.showHelp)
    s.play("esc")
    #expect(!s.state.showHelp)
  }

  @Test("q in the help closes the help, as in htop, less, man and tig; the dashboard goes on")
  func qClosesHelp() throws {
    let s = try Session(width: 80, height: 40)
    // Had q quit, the j after it would never have moved the cursor.
    s.play("? q j")
    let helpShown = s.state.showHelp
    #expect(!helpShown)
    #expect(s.state.navSelection == 1)
    #expect(!s.terminal.text.contains("按键 · j/k 滚动"))
    s.play("q j")
    #expect(s.state.navSelection == 1)
  }

  @Test("resizing at any moment: full, single pane, too small, and back")
  func resize() throws {
    let s = try Session()
    s.play("3 enter")
    s.play("resize:60x20")
    #expect(s.screen.width == 60)
    #expect(s.terminal.text.contains("征收管理科") == false)
    #expect(s.screen.lines[2].contains("法制科"))
    s.play("resize:30x8")
    #expect(s.terminal.text.contains("终端太小"))
    s.play("resize:120x40 j")
    #expect(s.screen.height == 40)
    #expect(s.state.focus == .list)
    for (w, h) in [(1, 1), (300, 100), (80, 24), (0, 0), (45, 11), (200, 12)] {
      s.play("resize:\(w)x\(h) j k")
      #expect(s.screen.width == w)
    }
  }

  @Test("n adds a note, typed in Chinese, saved at once")
  func note() throws {
    let s = try Session()
    s.play([.key(.enter), .key(.char("n")), .key(.ctrl("u"))] + ScriptedTerminal.typing("名单已确认，待发文") + [.key(.enter)])
    let plan = try Store.open(s.dir.path).plan
    #expect(plan.task("2")?.note == "名单已确认，待发文")
    #expect(s.terminal.text.contains("✎ 任务 2 备注已保存"))
  }

  @Test("git_commit = on and the commit fails: the footer says so under the save's confirmation; the save stands")
  func gitCommitFailure() throws {
    let s = try Session()
    // A sample copy in a temporary folder: in no git repository, so no commit can be made.
    let ini = s.dir.appendingPathComponent("plan.ini")
    try Data((Fixtures.read(ini) + "git_commit = on\n").utf8).write(to: ini)
    s.play("idle enter space")
    #expect(try Store.open(s.dir.path).plan.task("2")?.status == .done)
    let lines = s.screen.lines
    #expect(lines[lines.count - 2].hasPrefix(" ✓ 任务 2 已完成（2019-09-20）"))
    #expect(lines[lines.count - 1].hasPrefix(" 已保存，但未能提交到 git：不在任何 git 仓库里"))
    #expect(s.screen[1, lines.count - 1].style == .error)
    // The next key clears both, as any message.
    s.play("j")
    #expect(!s.terminal.text.contains("未能提交到 git"))
  }

  @Test("staffing: e edits the unit in a form, + adds a reviewer")
  func staffing() throws {
    let s = try Session()
    s.play("4")
    guard case .unit(let u)? = s.state.selectedItem else {
      Issue.record("no unit")
      return
    }
    #expect(s.state.plan.staffing[u].name == "稽查局")
    s.play(
      [.key(.char("e")), .key(.tab), .key(.ctrl("u"))] + ScriptedTerminal.typing("45") + [.key(.tab), .key(.ctrl("u"))]
        + ScriptedTerminal.typing("2") + [.key(.enter)])
    #expect(Fixtures.read(s.dir.appendingPathComponent("staffing.csv")).contains("稽查局,45,2\n"))
    s.play("+")
    #expect(Fixtures.read(s.dir.appendingPathComponent("staffing.csv")).contains("稽查局,45,3\n"))
    #expect(s.terminal.text.contains("稽查局：执法 45，审核 3，达标"))
  }

  @Test("a change saved by another process shows up; a conflicting edit is reported, not overwritten")
  func otherWriters() throws {
    let s = try Session()
    s.play("enter")
    // Someone else marks task 2 done meanwhile.
    let other = try Store.open(s.dir.path)
    try other.commit([other.plan.markDone("2", on: sampleToday, note: "他人完成")!], by: "他人")
    let onDisk = Fixtures.read(s.tasksFile)
    // This dashboard has not looked yet: pressing b (blocked) on task 2 collides on status.
    s.play("b")
    #expect(s.state.message?.isError == true)
    // A refusal says what the other person saved, who and when (from the journal), without
    // the path of the store on screen.
    #expect(s.screen.lines.last!.hasPrefix(" 未保存：他人（"))
    #expect(s.screen.lines.last!.contains("）已把任务 2 的状态改为“已完成”"))
    #expect(s.state.message?.text.contains(s.dir.path) == false)
    #expect(Fixtures.read(s.tasksFile) == onDisk)
    #expect(s.state.plan.task("2")?.status == .done)
    // A change elsewhere that does not collide is picked up while idle.
    try other.commit([other.plan.setNote("28", "外部备注")!], by: "他人")
    s.play("idle")
    #expect(s.state.plan.task("28")?.note == "外部备注")
    #expect(s.terminal.text.contains("已载入其他人保存的改动"))
  }

  @Test("every notice at the start shows, one a line above the footer, until the first key")
  func startNotices() throws {
    let dir = Fixtures.sampleCopy()
    let journal = dir.appendingPathComponent("journal.jsonl")
    // A save cut short after its journal line, then one cut short inside it.
    let h = try FileHandle(forWritingTo: journal)
    h.seekToEndOfFile()
    h.write(
      Data(
        (#"{"seq":18,"at":"2019-09-20T10:00:00+08:00","by":"t","op":"done","task":"33","before":{"status":"open","completed_on":null},"after":{"status":"done","completed_on":"2019-09-20"}}"#
          + "\n" + #"{"seq":19,"at":"2019-09-20T10:"#).utf8))
    try h.close()
    let store = try Store.open(dir.path)
    #expect(store.notices.count == 2)
    let said = "A sample plan was set up in \(dir.path)"
    let term = ScriptedTerminal(width: 120, height: 30)
    let d = Dashboard(store: store, terminal: term, today: sampleToday, who: "测试员", lang: .en, notice: said)
    d.pollMs = 0
    d.run()
    let w = EnglishWords()
    let expected = store.notices.map { (w.notice($0), Style.error) } + [(said, Style.info)]
    let rows = term.screen.lines.suffix(3)
    for ((text, style), (row, y)) in zip(expected, zip(rows, 27..<30)) {
      #expect(row.hasPrefix(" " + text.prefix(60)), "\(row)")
      #expect(term.screen[1, y].style == style)
    }
    // The panes are drawn above them; the first key clears them all.
    #expect(term.screen.lines[26].hasPrefix("│"))
    term.append(ScriptedTerminal.script("j"))
    d.run()
    #expect(!term.text.contains(journal.path) && !term.text.contains(said))
    #expect(term.screen.lines[27].hasPrefix("│") && term.screen.lines[29].hasPrefix(" Enter"))
  }

  @Test("q quits")
  func quit() throws {
    let s = try Session()
    s.play("q j j")
    #expect(s.state.view == .standup)
    #expect(s.state.focus == .nav)
  }
}
