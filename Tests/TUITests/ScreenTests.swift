import Foundation
import Model
import TUI
import TestSupport
import Testing

/// The sample plan as of the stand-up day every screen test uses.
let sampleToday = Day(iso: "2019-09-20")!
let samplePlan: Plan = try! Store.open(Fixtures.sampleData.path).plan

/// A state after a script of keys (pure: no store, nothing saved).
func state(_ keys: String = "", width: Int = 80, height: Int = 24, lang: Lang = .zh) -> AppState {
  var s = AppState(plan: samplePlan, today: sampleToday, lang: lang, width: width, height: height)
  for word in keys.split(separator: " ") {
    _ = s.update(.key(Key(script: String(word))!))
  }
  return s
}

@Suite("Screens")
struct ScreenTests {
  static let views: [(String, String)] = [
    ("standup", ""), ("groups", "2"), ("departments", "3 j j"), ("staffing", "4"), ("journal", "5"),
  ]

  @Test("every view at 80×24 and 120×40, in Chinese", arguments: views)
  func chinese(_ v: (name: String, keys: String)) {
    Snapshot.check(render(state(v.keys, width: 80, height: 24)), "\(v.name)-80x24")
    Snapshot.check(render(state(v.keys, width: 120, height: 40)), "\(v.name)-120x40")
  }

  @Test("every view at 80×24 in English", arguments: views)
  func english(_ v: (name: String, keys: String)) {
    Snapshot.check(render(state(v.keys, width: 80, height: 24, lang: .en)), "\(v.name)-80x24-en")
  }

  @Test("a wide terminal puts the detail beside the list")
  func wide() {
    Snapshot.check(render(state("3 j j enter", width: 180, height: 30)), "departments-180x30")
  }

  @Test("below 80×24 one pane at a time, below 40×10 a message: what is on screen at every size up to 85×26")
  func small() {
    Snapshot.check(render(state("", width: 60, height: 20)), "standup-60x20-single")
    Snapshot.check(render(state("enter", width: 60, height: 20)), "standup-60x20-single-list")
    Snapshot.check(render(state("", width: 30, height: 8)), "too-small-30x8")
    let w = ChineseWords()
    var problems: [String] = []
    for width in 0...85 {
      for height in 0...26 {
        // The Departments view, its list (法制科's tasks) focused.
        let g = render(state("3 enter", width: width, height: height))
        let rows = g.lines
        func wrong(_ what: String) { problems.append("\(width)×\(height): \(what)\n" + rows.joined(separator: "\n")) }
        // No wide character cut in two: each row is the terminal's width, and every right
        // half follows the left half of a wide character.
        if rows.count != height || rows.contains(where: { $0.displayWidth != width }) { wrong("a row's width") }
        for y in 0..<height {
          for x in 0..<width where g[x, y].isContinuation {
            if x == 0 || g[x - 1, y].isContinuation || DisplayWidth.of(g[x - 1, y].char) != 2 {
              wrong("half a character")
            }
          }
        }
        if width < 40 || height < 10 {
          // Only the message, centred, cut with … where it does not fit; no pane, no border.
          if rows.joined().contains(where: { "┌┐└┘│─".contains($0) }) { wrong("a border") }
          let message = [w.terminalTooSmall, "\(width)×\(height) < 40×10", w.enlargeOrQuit]
          let top = max(0, (height - 3) / 2)
          for (y, row) in rows.enumerated() {
            guard width > 0, (top..<top + 3).contains(y) else {
              if !row.allSatisfy({ $0 == " " }) { wrong("row \(y) not blank") }
              continue
            }
            let line = message[y - top]
            let shown = line.displayWidth <= width
            let left = String(repeating: " ", count: max(0, width - line.displayWidth) / 2)
            if shown ? !row.hasPrefix(left + line) : !(row.trimmingSpaces.hasSuffix("…") || width == 1) {
              wrong("row \(y) is not \(line)")
            }
          }
        } else if width < 80 || height < 24 {
          // One pane, the focused one, boxed across the whole width, its title in brackets;
          // the footer says Tab switches panes.
          let bottom = height - 2
          if !rows[2].hasPrefix("┌[法制科 · 29 项]") || !rows[2].hasSuffix("┐") { wrong("the list's top border") }
          if !rows[bottom].hasPrefix("└") || !rows[bottom].hasSuffix("┘") { wrong("the bottom border") }
          for y in 3..<bottom where !rows[y].hasPrefix("│") || !rows[y].hasSuffix("│") { wrong("row \(y)'s borders") }
          if !rows[3].hasPrefix("│>") || !rows[3].contains("建立联络员") { wrong("the cursor on task 2") }
          if !rows[height - 1].hasPrefix(" Tab 切换窗格") { wrong("the footer") }
          if !rows[1].contains(" 3 部门 ") { wrong("the shown view's tab") }
        } else {
          // All three panes: the navigation's box and the list's side by side.
          if g[0, 2].char != "┌" || g[24, 2].char != "┌" || g[width - 1, 2].char != "┐" {
            wrong("the panes' top borders")
          }
          if rows[height - 1].hasPrefix(" Tab") { wrong("the footer") }
        }
      }
    }
    let wrongSizes = problems.count
    #expect(wrongSizes == 0, "the first:\n\(problems.first ?? "")")
  }

  @Test("the help overlay lists every binding with its help text")
  func help() {
    let g = render(state("?", width: 80, height: 40))
    Snapshot.check(g, "help-80x40")
    let text = g.lines.joined(separator: "\n")
    for b in KeyMap.bindings(in: .standup) { #expect(text.contains(b.help(ChineseWords())), "\(b.action)") }
    // A view's own keys are listed in it, and only there.
    let staffing = render(state("4 ?", width: 80, height: 40)).lines.joined(separator: "\n")
    #expect(staffing.contains("审核人员 +1") && !text.contains("审核人员 +1"))
  }

  @Test("CJK never splits and borders never move, at any width")
  func cjkLayout() {
    for w in stride(from: 80, through: 130, by: 7) {
      for keys in ["", "2", "3 j", "4", "5", "3 j enter enter", "?", "5 ?"] {
        let g = render(state(keys, width: w, height: 24))
        for line in g.lines {
          #expect(line.displayWidth == w, "width \(w) keys \(keys): \(line)")
        }
        // The right border of every boxed row is in the last column.
        for line in g.lines.dropFirst(2).dropLast() {
          #expect(line.hasSuffix("│") || line.hasSuffix("┘") || line.hasSuffix("┐"), "\(line)")
        }
      }
    }
  }

  @Test("control characters and bidi overrides in data are drawn inert")
  func hostileText() throws {
    var plan = samplePlan
    try plan.apply(plan.setNote(plan.tasks[1].id, "危险\u{1B}[2J\u{07}文本\u{202E}反转\u{9B}31m\u{7F}")!)
    var s = AppState(plan: plan, today: sampleToday, lang: .zh, width: 100, height: 30)
    _ = s.update(.key(.enter))
    let g = render(s)
    let all = g.lines.joined()
    #expect(
      !all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x07 })
    #expect(all.contains("危险␛[2J␇文本�反转�31m␡"))
  }
}
