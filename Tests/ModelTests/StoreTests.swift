import Foundation
import Model
import TestSupport
import Testing

private func day(_ s: String) -> Day { Day(iso: s)! }

/// Lines of a file, split on LF only (so CRLF shows as a trailing CR).
private func lines(_ url: URL) -> [String] {
  String(decoding: try! Data(contentsOf: url), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    .map(String.init)
}

private func differingLines(_ a: [String], _ b: [String]) -> [Int] {
  (0..<max(a.count, b.count)).filter { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }
}

@Suite("The plain-file store")
struct StoreTests {
  @Test("every sample file parses and writes back byte for byte")
  func roundTrip() throws {
    for name in ["tasks.csv", "staffing.csv"] {
      let url = Fixtures.sampleData.appendingPathComponent(name)
      let bytes = [UInt8](try Data(contentsOf: url))
      let doc = try CSVDocument(bytes: bytes, file: name)
      #expect(doc.serialized() == bytes, "\(name)")
    }
    let store = try Store.open(Fixtures.sampleData.path)
    #expect(store.plan.tasks.count == 35)
    #expect(store.plan.groups.count == 4)
  }

  @Test("a change and its undo leave tasks.csv exactly as it was")
  func undoRestoresBytes() throws {
    let dir = Fixtures.sampleCopy()
    let before = try Data(contentsOf: dir.appendingPathComponent("tasks.csv"))
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"), note: "已启动")!], by: "t")
    #expect(try Data(contentsOf: dir.appendingPathComponent("tasks.csv")) != before)
    let (entry, change) = store.plan.undoCandidate()!
    #expect(entry.change.target == .task("33"))
    try store.commit([change], by: "t")
    #expect(try Data(contentsOf: dir.appendingPathComponent("tasks.csv")) == before)
    #expect(store.plan.journal.last?.change.undoes == entry.seq)
  }

  @Test("changing one task rewrites exactly that task's line")
  func oneLine() throws {
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent("tasks.csv")
    let old = lines(file)
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    let new = lines(file)
    let diff = differingLines(old, new)
    #expect(diff.count == 1)
    #expect(new[diff[0]].hasPrefix("33,"))
    #expect(new[diff[0]].contains(",done,2019-09-20,"))
  }

  @Test("a column a user added in a spreadsheet survives a save, values and all")
  func userColumn() throws {
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent("tasks.csv")
    var ls = lines(file)
    for k in ls.indices where !ls[k].isEmpty { ls[k] += k == 0 ? ",督办人" : ",\"王, 主任\"" }
    try ls.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("4", on: day("2019-09-20"))!], by: "t")
    let after = lines(file)
    #expect(after[0].hasSuffix(",督办人"))
    #expect(after.filter { !$0.isEmpty }.allSatisfy { $0.hasSuffix(",督办人") || $0.hasSuffix(",\"王, 主任\"") })
    #expect(differingLines(ls, after) == [4])
  }

  @Test("a BOM and CRLF line endings are accepted and kept")
  func bomAndCRLF() throws {
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent("tasks.csv")
    // (The sample's own file has a BOM already; written once here whichever it has.)
    var text = Fixtures.read(file).replacingOccurrences(of: "\n", with: "\r\n")
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: file)
    let old = lines(file)
    let store = try Store.open(dir.path)
    #expect(store.plan.task("1")?.status == .done)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    let bytes = try Data(contentsOf: file)
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let new = lines(file)
    #expect(new.dropLast().allSatisfy { $0.hasSuffix("\r") })
    #expect(differingLines(old, new).count == 1)
  }

  @Test("plan.ini saved by Notepad (BOM, CRLF) reads the same")
  func settingsCRLF() throws {
    let url = Fixtures.sampleData.appendingPathComponent("plan.ini")
    let plain = try SettingsFile.parse([UInt8](try Data(contentsOf: url)), file: "plan.ini").settings
    let windows = "\u{FEFF}" + Fixtures.read(url).replacingOccurrences(of: "\n", with: "\r\n")
    let parsed = try SettingsFile.parse(Array(windows.utf8), file: "plan.ini").settings
    #expect(parsed == plain)
    #expect(parsed.reviewerPercent == 5)
    #expect(parsed.groups.count == 4)
    #expect(parsed.calendar.holidays.count == 8)
  }

  struct Malformed: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let edit: @Sendable (String) -> String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { name }
  }

  static let malformed: [Malformed] = [
    Malformed(
      name: "bad quoting: text after a closing quote", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: "\n3,综合工作项目组", with: "\n3,\"综合\"工作项目组") }, line: 4, column: 7,
      message: "closing quote"),
    Malformed(
      name: "bad quoting: a quote inside an unquoted field", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: "\n5,综合工作项目组", with: "\n5,综合\"工作项目组") }, line: 6, column: 5,
      message: "quote inside an unquoted field"),
    Malformed(
      name: "bad quoting: a quote never closed", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: "\n7,综合工作项目组", with: "\n7,\"综合工作项目组") }, line: 8, column: 3,
      message: "never closed"),
    Malformed(
      name: "wrong column count", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: ",2019年8月底前,done,", with: ",2019年8月底前,done,,") },
      line: 2, column: 91, message: "12 fields, but the header has 11"),
    Malformed(
      name: "bad date", file: "tasks.csv", edit: { $0.replacingOccurrences(of: ",2019-08-26,", with: ",2019-08-32,") },
      line: 4,
      column: 70, message: "bad date \"2019-08-32\""),
    Malformed(
      name: "duplicate id", file: "tasks.csv", edit: { $0.replacingOccurrences(of: "\n12,", with: "\n11,") }, line: 13,
      column: 1,
      message: "duplicate id \"11\" (first on line 12)"),
    Malformed(
      name: "unknown status", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: ",in_progress,", with: ",half-done,") },
      line: 3, column: 65, message: "unknown status"),
    Malformed(
      name: "unknown status in quotes (the column is the opening quote's)", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: ",in_progress,", with: ",\"half,done\",") },
      line: 3, column: 65, message: "unknown status \"half,done\""),
    Malformed(
      name: "negative staff count", file: "staffing.csv",
      edit: { $0.replacingOccurrences(of: "征收管理科,18,1", with: "征收管理科,-18,1") },
      line: 3, column: 7, message: "negative staff count -18"),
    Malformed(
      name: "staff count that is not a number", file: "staffing.csv",
      edit: { $0.replacingOccurrences(of: "稽查局,45,1", with: "稽查局,45,一") },
      line: 12, column: 8, message: "reviewers must be a whole number"),
    Malformed(
      name: "invalid UTF-8", file: "tasks.csv", edit: { $0 }, line: 2, column: 3, message: "invalid UTF-8"),
    Malformed(
      name: "a NUL byte", file: "tasks.csv", edit: { $0.replacingOccurrences(of: "\n4,综合", with: "\n4,综\u{0}合") },
      line: 5, column: 4, message: "NUL byte"),
    Malformed(
      name: "a huge field", file: "tasks.csv",
      edit: {
        $0.replacingOccurrences(
          of: "结合区局实际，集中力量，重点攻关，取得突破，形成工作亮点和典型经验。", with: String(repeating: "长", count: 400_000))
      },
      line: 10, column: 1, message: "no row may exceed"),
    Malformed(
      name: "a date like 2019年13月底前", file: "tasks.csv",
      edit: { $0.replacingOccurrences(of: ",2019-08-28,", with: ",2019年13月底前,") }, line: 2, column: 79,
      message: "bad date \"2019年13月底前\""),
    Malformed(
      name: "a staffing row with too few fields", file: "staffing.csv",
      edit: { $0.replacingOccurrences(of: "办公室,0,0", with: "办公室,0") }, line: 6, column: 6,
      message: "2 fields, but the header has 3"),
    Malformed(
      name: "bad setting", file: "plan.ini",
      edit: { $0.replacingOccurrences(of: "reviewer_percent = 5", with: "reviewer_percent = five") },
      line: 7, column: 20, message: "reviewer_percent must be a whole number"),
    Malformed(
      name: "journal line that is not JSON", file: "journal.jsonl",
      edit: { $0.replacingOccurrences(of: "{\"seq\":3,", with: "{seq:3,") },
      line: 3, column: 2, message: "expected a key in quotes"),
  ]

  @Test("malformed files give file:line:column and leave every file untouched", arguments: malformed)
  func malformedFiles(_ m: Malformed) throws {
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent(m.file)
    if m.name == "invalid UTF-8" {
      var bytes = [UInt8](try Data(contentsOf: file))
      let firstLF = bytes.firstIndex(of: 0x0A)!
      bytes.insert(0xFF, at: firstLF + 3)
      try Data(bytes).write(to: file)
    } else {
      let edited = m.edit(Fixtures.read(file))
      #expect(edited != Fixtures.read(file), "the edit applies")
      try edited.write(to: file, atomically: true, encoding: .utf8)
    }
    let before = Fixtures.snapshot(dir)
    var caught: StoreError?
    do {
      _ = try Store.open(dir.path)
    } catch {
      caught = error
    }
    let e = try #require(caught)
    #expect(e.kind == .badData)
    #expect(e.exitCode == 65)
    #expect(e.file == file.path)
    #expect(e.line == m.line)
    if m.column > 0 { #expect(e.column == m.column, "\(e)") }
    #expect(e.column != nil)
    #expect(EnglishWords().reason(e.reason).contains(m.message), "\(e)")
    #expect(e.description(EnglishWords()).hasPrefix("\(file.path):\(m.line):"))
    #expect(Fixtures.snapshot(dir) == before)
  }

  @Test("a file broken on disk after opening is never written over")
  func brokenBeforeSave() throws {
    let dir = Fixtures.sampleCopy()
    let store = try Store.open(dir.path)
    let file = dir.appendingPathComponent("tasks.csv")
    try (Fixtures.read(file) + "99,\"unclosed\n").write(to: file, atomically: true, encoding: .utf8)
    let before = Fixtures.snapshot(dir)
    #expect(throws: StoreError.self) { try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t") }
    #expect(Fixtures.snapshot(dir) == before)
  }

  @Test("edits saved by someone else meanwhile are merged by task")
  func merge() throws {
    let dir = Fixtures.sampleCopy()
    let a = try Store.open(dir.path)
    let b = try Store.open(dir.path)
    try a.commit([a.plan.markDone("33", on: day("2019-09-20"))!], by: "a")
    try b.commit([b.plan.setNote("4", "初稿已完成")!], by: "b")
    let c = try Store.open(dir.path)
    #expect(c.plan.task("33")?.status == .done)
    #expect(c.plan.task("4")?.note == "初稿已完成")
    #expect(c.plan.journal.suffix(2).map(\.by) == ["a", "b"])
    // Different fields of one task merge too.
    try a.commit([a.plan.setStatus("29", .blocked)!], by: "a")
    try b.commit([b.plan.setNote("29", "等市局清单")!], by: "b")
    let d = try Store.open(dir.path)
    #expect(d.plan.task("29")?.status == .blocked)
    #expect(d.plan.task("29")?.note == "等市局清单")
  }

  @Test("the same field changed by two people is refused (75), never overwritten")
  func conflict() throws {
    let dir = Fixtures.sampleCopy()
    let a = try Store.open(dir.path)
    let b = try Store.open(dir.path)
    try a.commit([a.plan.setStatus("1", .open)!], by: "a")
    let before = Fixtures.snapshot(dir)
    var caught: StoreError?
    do { try b.commit([b.plan.setStatus("1", .inProgress)!], by: "b") } catch { caught = error }
    #expect(caught?.exitCode == 75)
    #expect(caught?.reason == .taskChangedMeanwhile(id: "1", field: .status, now: .status(.open)))
    #expect(Fixtures.snapshot(dir) == before)
    // After the refusal the store shows what is on disk, so a retry works.
    #expect(b.plan.task("1")?.status == .open)
    try b.commit([b.plan.setStatus("1", .inProgress)!], by: "b")
  }

  @Test("a save refused part-way leaves the store's tasks as they were, and the next save works")
  func refusedBatchPutsBack() throws {
    let dir = Fixtures.sampleCopy()
    let a = try Store.open(dir.path)
    let b = try Store.open(dir.path)
    try a.commit([a.plan.setStatus("1", .blocked)!], by: "a")
    let before = b.plan.tasks
    // The first change is fine, the second collides with a's: the whole save is refused.
    let batch = [b.plan.markDone("2", on: day("2019-09-20"))!, b.plan.setStatus("1", .inProgress)!]
    #expect(throws: StoreError.self) { try b.commit(batch, by: "b") }
    #expect(b.plan.task("2") == before[b.plan.index(of: "2")!])
    #expect(b.plan.tasks.count == before.count)
    #expect(b.plan.tasks == (try Store.open(dir.path)).plan.tasks)
    // The rows the refused batch had set are put back too: the next save writes only its own.
    try b.commit([b.plan.setNote("3", "下周汇报")!], by: "b")
    #expect(try Store.open(dir.path).plan.task("2") == before[b.plan.index(of: "2")!])
    #expect(try Store.open(dir.path).plan.task("3")?.note == "下周汇报")
    try b.commit([b.plan.markDone("2", on: day("2019-09-20"))!], by: "b")
    #expect(try Store.open(dir.path).plan.task("2")?.status == .done)
    #expect(b.plan.task("2")?.status == .done)
  }

  @Test("a large tasks file is written in pieces: only the changed records differ")
  func largeFileInPieces() throws {
    let dir = Fixtures.scratch("large")
    let file = dir.appendingPathComponent("tasks.csv")
    let bytes = ChunkedReaderTests.file(size: 1_500_000, seed: 3, crlf: true, bom: true)
    try Data(bytes).write(to: file)
    let store = try Store.open(dir.path)
    let ids = [store.plan.tasks.first!, store.plan.tasks[store.plan.tasks.count / 2], store.plan.tasks.last!]
      .filter { $0.status != .done }.map(\.id)
    #expect(!ids.isEmpty)
    try store.commit(ids.map { store.plan.markDone($0, on: day("2019-09-20"))! }, by: "t")
    let old = try CSVDocument(bytes: bytes, file: "old")
    let written = [UInt8](try Data(contentsOf: file))
    let new = try CSVDocument(bytes: written, file: "new")
    #expect(new.records.count == old.records.count)
    let changed = new.records.indices.filter {
      written[new.records[$0].range] != bytes[old.records[$0].range]
    }
    #expect(changed.count == ids.count)
    #expect(changed.allSatisfy { new.records[$0].fields[0] == ids[changed.firstIndex(of: $0)!] })
    #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(try Store.open(dir.path).plan.tasks == store.plan.tasks)
  }

  @Test("an edit made outside (a rename, as sed -i does) is picked up before saving")
  func outsideEdit() throws {
    let dir = Fixtures.sampleCopy()
    let store = try Store.open(dir.path)
    let file = dir.appendingPathComponent("tasks.csv")
    let edited = Fixtures.read(file).replacingOccurrences(of: "例会制度已建立；联络员名单待人事教育科确认", with: "联络员名单已确认")
    let tmp = dir.appendingPathComponent("sedXYZ")
    try edited.write(to: tmp, atomically: false, encoding: .utf8)
    #expect(rename(tmp.path, file.path) == 0)
    #expect(store.changedOnDisk)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    #expect(store.plan.task("2")?.note == "联络员名单已确认")
    #expect(Fixtures.read(file).contains("联络员名单已确认"))
  }

  @Test("a torn last journal line is set aside, not fatal")
  func tornJournal() throws {
    let dir = Fixtures.sampleCopy()
    let journal = dir.appendingPathComponent("journal.jsonl")
    let h = try FileHandle(forWritingTo: journal)
    h.seekToEndOfFile()
    h.write(Data("{\"seq\":18,\"at\":\"2019-09-20T0".utf8))
    try h.close()
    let store = try Store.open(dir.path)
    #expect(store.plan.journal.count == 17)
    #expect(store.notices.count == 1)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    let again = try Store.open(dir.path)
    #expect(again.plan.journal.count == 18)
    #expect(again.plan.journal.last?.seq == 18)
    #expect(Fixtures.read(dir.appendingPathComponent("journal.jsonl.torn")).hasPrefix("{\"seq\":18"))
  }

  @Test("a lock left by a dead process on this host is recovered; another host's is not broken")
  func staleLock() throws {
    let dir = Fixtures.sampleCopy()
    let lock = dir.appendingPathComponent(".sanxiang.lock")
    let host = ProcessInfo.processInfo.hostName
    // pid 2^22+7 is above Linux's default pid_max, so no process has it.
    try "4194311 \(host) 1\n".write(to: lock, atomically: true, encoding: .utf8)
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    #expect(!FileManager.default.fileExists(atPath: lock.path))
    try "4194311 some-other-host 1\n".write(to: lock, atomically: true, encoding: .utf8)
    setenv("SANXIANG_LOCK_TIMEOUT_MS", "200", 1)
    defer { unsetenv("SANXIANG_LOCK_TIMEOUT_MS") }
    var caught: StoreError?
    do { try store.commit([store.plan.setNote("33", "x")!], by: "t") } catch { caught = error }
    #expect(caught?.exitCode == 75)
    #expect(caught?.reason == .locked(pid: 4_194_311, host: "some-other-host"))
    #expect(FileManager.default.fileExists(atPath: lock.path))
  }

  @Test("a temp file left by a killed writer does not survive the next save")
  func tempFiles() throws {
    let dir = Fixtures.sampleCopy()
    let tmp = dir.appendingPathComponent(".tasks.csv.tmp-99999-1")
    try "half".write(to: tmp, atomically: false, encoding: .utf8)
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"))!], by: "t")
    #expect(!FileManager.default.fileExists(atPath: tmp.path))
  }

  @Test("staffing: a new unit is added, changed, and removed again by undo")
  func staffing() throws {
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent("staffing.csv")
    let original = try Data(contentsOf: file)
    let store = try Store.open(dir.path)
    try store.commit([store.plan.setStaffing("第四税务所", enforcement: 30, reviewers: 1)!], by: "t")
    #expect(Fixtures.read(file).hasSuffix("第四税务所,30,1\n"))
    #expect(store.plan.staffingChecks().last?.shortfall == 1)
    try store.commit([store.plan.undoCandidate()!.change], by: "t")
    #expect(try Data(contentsOf: file) == original)
  }

  @Test("a change journaled but not yet in tasks.csv (a save cut short) is rolled forward")
  func rollForward() throws {
    let dir = Fixtures.sampleCopy()
    let journal = dir.appendingPathComponent("journal.jsonl")
    let before = try Data(contentsOf: dir.appendingPathComponent("tasks.csv"))
    let line =
      #"{"seq":18,"at":"2019-09-20T10:00:00+08:00","by":"t","op":"done","task":"33","before":{"status":"open","completed_on":null},"after":{"status":"done","completed_on":"2019-09-20"}}"#
    let h = try FileHandle(forWritingTo: journal)
    h.seekToEndOfFile()
    h.write(Data((line + "\n").utf8))
    try h.close()
    let store = try Store.open(dir.path)
    #expect(store.plan.task("33")?.status == .done)
    #expect(store.notices == [.rolledForward(journal: journal.path, count: 1)])
    // Reading writes nothing; the next save writes the rolled-forward change with its own.
    #expect(try Data(contentsOf: dir.appendingPathComponent("tasks.csv")) == before)
    try store.commit([store.plan.setNote("4", "x")!], by: "t")
    let again = try Store.open(dir.path)
    #expect(again.plan.task("33")?.status == .done)
    #expect(again.plan.task("4")?.note == "x")
    #expect(again.notices.isEmpty)
  }

  @Test("opening removes a dead writer's temp files and leaves a live one's")
  func tempFilesAtOpen() throws {
    let dir = Fixtures.sampleCopy()
    let dead = dir.appendingPathComponent(".tasks.csv.tmp-4194311-7")
    let live = dir.appendingPathComponent(".tasks.csv.tmp-\(getpid())-7")
    try "x".write(to: dead, atomically: false, encoding: .utf8)
    try "x".write(to: live, atomically: false, encoding: .utf8)
    _ = try Store.open(dir.path)
    #expect(!FileManager.default.fileExists(atPath: dead.path))
    #expect(FileManager.default.fileExists(atPath: live.path))
  }

  @Test("a task an interrupted import added is rolled forward too, and can be edited")
  func rollForwardCreation() throws {
    let dir = Fixtures.sampleCopy()
    let line =
      #"{"seq":18,"at":"2019-09-20T10:00:00+08:00","by":"t","op":"import","task":"36","before":{"id":null,"measure":null,"lead":null},"after":{"id":"36","measure":"新增措施。","lead":"法制科"}}"#
    let h = try FileHandle(forWritingTo: dir.appendingPathComponent("journal.jsonl"))
    h.seekToEndOfFile()
    h.write(Data((line + "\n").utf8))
    try h.close()
    let store = try Store.open(dir.path)
    #expect(store.plan.task("36")?.measure == "新增措施。")
    try store.commit([store.plan.markDone("36", on: day("2019-09-20"))!], by: "t")
    let again = try Store.open(dir.path)
    #expect(again.plan.tasks.count == 36)
    #expect(again.plan.task("36")?.status == .done)
    #expect(again.plan.task("36")?.lead.units == ["法制科"])
    #expect(again.plan.task("35")?.status == store.plan.task("35")?.status)
  }
}

@Suite("What spreadsheets do to the files")
struct SpreadsheetTests {
  @Test("dates a spreadsheet rewrote (2019/8/28, 2019/08/28) are read, and their bytes kept")
  func rewrittenDates() throws {
    let dir = Fixtures.sampleCopy()
    let url = dir.appendingPathComponent("tasks.csv")
    var text = Fixtures.read(url)
    for (iso, sheet) in [("2019-08-28", "2019/8/28"), ("2019-08-26", "2019/08/26")] {
      text = text.replacingOccurrences(of: iso, with: sheet)
    }
    try Data(text.utf8).write(to: url)
    let store = try Store.open(dir.path)
    #expect(store.plan.task("1")?.completedOn == Day(iso: "2019-08-28"))
    #expect(store.plan.task("3")?.completedOn == Day(iso: "2019-08-26"))
    try store.commit([store.plan.setNote("5", "改一行")!], by: "t")
    let after = Fixtures.read(url)
    #expect(after.contains("2019/8/28") && after.contains("2019/08/26"))
    #expect(Day(spreadsheet: "2019/13/1") == nil && Day(spreadsheet: "19/8/28") == nil)
  }
}
