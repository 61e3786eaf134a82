import Foundation
import Model
import TUI
import TestSupport
import Testing

/// Edits made to the store by other programs while a dashboard is open: a `sed -i` style
/// rename-replace, an in-place rewrite of the same length, and a spreadsheet save with BOM
/// and CRLF. The dashboard saves right after each one, without waiting to notice it first.
/// The long run (500 edits, the real binary in tmux) is scripts/reliability/outside.py.
@Suite("Edits from outside during a dashboard session", .serialized)
struct OutsideEditsTests {
  enum Kind: CaseIterable { case renameReplace, inPlace, spreadsheet }

  /// Rewrites one field of one task the way another program would.
  static func edit(_ dir: URL, task id: String, field: String, to value: String, kind: Kind) throws {
    let url = dir.appendingPathComponent("tasks.csv")
    var bytes = [UInt8](try Data(contentsOf: url))
    let hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    var doc = try CSVDocument(bytes: bytes, file: url.path)
    let col = doc.header.fields.firstIndex(of: field)!
    let row = doc.records.firstIndex { $0.fields.first == id }!
    doc.set(record: row, column: col, to: value)
    bytes = doc.serialized()
    switch kind {
    case .renameReplace:
      let tmp = dir.appendingPathComponent("sed\(UInt32.random(in: 0...UInt32.max))")
      try Data(bytes).write(to: tmp)
      #expect(rename(tmp.path, url.path) == 0)
    case .inPlace:
      let h = try FileHandle(forWritingTo: url)
      try h.truncate(atOffset: 0)
      try h.write(contentsOf: Data(bytes))
      try h.close()
    case .spreadsheet:
      var text = String(decoding: hadBOM ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
      if !text.contains("\r\n") { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
      let tmp = dir.appendingPathComponent("~$tasks.csv")
      try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: tmp)
      #expect(rename(tmp.path, url.path) == 0)
    }
  }

  @Test(
    "30 outside edits, ten of each kind, two of each colliding: each detected at the save after it; merged by task, or reported"
  )
  func outsideEdits() throws {
    let s = try Session(width: 100, height: 30, lang: .en)
    s.play("2 enter")  // Groups → the first group's tasks; the cursor on the first task
    guard case .task(let i, _)? = s.state.selectedItem else {
      Issue.record("no task selected")
      return
    }
    let mine = s.state.plan.tasks[i].id
    var merged = 0
    var reported = 0
    var missed = 0
    for n in 0..<30 {
      let kind = Kind.allCases[n % 3]
      let collide = n % 5 == 4
      let other = String((n % 34) + 1 == Int(mine)! ? 35 : (n % 34) + 1)
      let before = try Store.open(s.dir.path).plan
      let myStatus = before.task(mine)!.status
      if collide {
        // Someone else changes the very field this dashboard is about to change.
        let theirs: TaskStatus = myStatus == .blocked ? .open : .blocked
        try OutsideEditsTests.edit(s.dir, task: mine, field: "status", to: theirs.rawValue, kind: kind)
        s.play("s")
        let after = try Store.open(s.dir.path).plan
        if s.state.message?.isError == true && after.task(mine)!.status == theirs {
          reported += 1
        } else {
          missed += 1
        }
      } else {
        let note = String(format: "o%04d", n)  // same length every time: in-place edits keep the size
        try OutsideEditsTests.edit(s.dir, task: other, field: "note", to: note, kind: kind)
        s.play("s")
        let after = try Store.open(s.dir.path).plan
        let wanted: TaskStatus = myStatus == .inProgress ? .open : .inProgress
        if after.task(other)!.note == note && after.task(mine)!.status == wanted && s.state.message?.isError == false {
          merged += 1
        } else {
          missed += 1
        }
      }
    }
    #expect(missed == 0)
    #expect(merged == 24)
    #expect(reported == 6)
  }

  @Test("an in-place rewrite of the same size right after a save (same mtime tick) is still seen")
  func sameTick() throws {
    let s = try Session(width: 100, height: 30, lang: .en)
    s.play("2 enter")
    var missed = 0
    for n in 0..<60 {
      let note = String(format: "t%04d", n)
      let dir = s.dir
      s.play([
        .key(.char("s")),
        .run { try? OutsideEditsTests.edit(dir, task: "30", field: "note", to: note, kind: .inPlace) },
        .key(.char("s")),
      ])
      if try Store.open(s.dir.path).plan.task("30")?.note != note { missed += 1 }
    }
    #expect(missed == 0)
  }
}
