import Foundation
import Model
import TUI
import TestSupport
import Testing

/// What went wrong in a new user's first hour with the dashboard, each kept fixed.
@Suite("A new user's first hour in the dashboard", .serialized)
struct FirstHourTests {
  func selectedID(_ s: Session) -> String? {
    s.state.selectedTaskIndex.map { s.state.plan.tasks[$0].id }
  }

  @Test("a refused save leaves the selection, the lists and the counts as they were")
  func refusedSaveKeepsTheCursor() throws {
    let s = try Session()
    s.play("enter")
    #expect(selectedID(s) == "2")
    let items = s.state.listItems
    // Someone breaks tasks.csv: an unclosed quote.
    let good = Fixtures.read(s.tasksFile)
    var lines = good.components(separatedBy: "\n")
    lines[5] += ",\"broken"
    try Data(lines.joined(separator: "\n").utf8).write(to: s.tasksFile)
    s.play("space")
    #expect(s.state.message?.isError == true)
    // A failure says where.
    #expect(s.state.message?.text.hasPrefix("未保存：" + s.tasksFile.path + ":6:") == true)
    #expect(s.screen.lines.last!.hasPrefix(" 未保存：/"))
    #expect(selectedID(s) == "2")
    #expect(s.state.listItems == items)
    #expect(s.state.figures.standup.overdue.count == 3)
    // Mended, the next Space marks task 2, not another.
    try Data(good.utf8).write(to: s.tasksFile)
    s.play("space")
    #expect(try Store.open(s.dir.path).plan.task("2")?.status == .done)
  }

  @Test("after Space then u the cursor is on the task changed back, so the next key acts on it")
  func undoKeepsTheTask() throws {
    let s = try Session()
    s.play("2 enter")
    let first = try #require(selectedID(s))
    s.play("space")
    s.play("u")
    #expect(selectedID(s) == first)
  }

  @Test("u undoes your own latest change; someone else's only after asking, by name")
  func undoOwnFirst() throws {
    let s = try Session()
    // The latest change not undone is 王芳's; this session (测试员) has made none.
    s.play("u")
    #expect(s.terminal.text.contains("王芳"))
    let entries = s.journal.count
    s.play("n")
    #expect(s.journal.count == entries)
    // After a change of one's own, u undoes that one at once.
    s.play("enter s u")
    #expect(s.journal.count == entries + 2)
    #expect(s.journal.last?.change.op == "undo" && s.journal.last?.by == "测试员")
    // And someone else's with y.
    s.play("u y")
    #expect(s.journal.count == entries + 3)
  }

  @Test("at 80×24 a cut shows …, and a value or a rule is never cut mid-way")
  func cutsShow() throws {
    let s = try Session()
    s.play("5")
    let journal = s.terminal.text
    #expect(journal.contains("第三税务所 → 2"))
    #expect(journal.contains("状态 → 已完成…"))
    s.play("4")
    #expect(s.terminal.text.contains("审核≥执法×5%"))
    // A title too long for its pane ends with …, not in the middle of a character.
    var g = Grid(width: 10, height: 1)
    g.put("工作措施工作措施", x: 0, y: 0, maxWidth: 9)
    #expect(g.lines[0] == "工作措施… ")
    g.put("abc   ", x: 0, y: 0, maxWidth: 4)
    #expect(g.lines[0].hasPrefix("abc "))
  }
}
