import Foundation
import Model
import TestSupport
import Testing

@testable import CLI

private func json(_ s: String) throws -> JSON { try JSON.parse(Array(s.utf8)) }

private func keys(_ j: JSON?) -> [String] {
  if case .object(let pairs)? = j { return pairs.map(\.0) }
  return []
}

@Suite("The command line", .serialized)
struct CommandLineTests {
  let store = Fixtures.sampleData.path

  @Test("list --overdue --format json prints the documented shape")
  func listJSON() throws {
    let r = Fixtures.run(["list", "--store", store, "--today", "2019-09-20", "--overdue", "--format", "json"])
    #expect(r.status == 0)
    let j = try json(r.stdout)
    #expect(keys(j) == ["today", "tasks"])
    #expect(j["today"] == .string("2019-09-20"))
    guard case .array(let tasks)? = j["tasks"] else { Issue.record("no tasks"); return }
    #expect(tasks.map { $0["id"]?.stringValue } == ["2", "27", "28"])
    let t = tasks[0]
    #expect(
      Array(keys(t).prefix(10)) == [
        "id", "group", "theme", "measure", "lead", "support", "deadline", "status", "completed_on", "overdue",
      ])
    #expect(t["group"] == .string("综合工作项目组"))
    #expect(t["lead"] == .array([.string("法制科")]))
    #expect(t["support"] == .array([]))
    #expect(t["support_others"] == .bool(true))
    #expect(
      t["deadline"]
        == .object([("text", .string("2019年8月底前")), ("kind", .string("by")), ("due", .string("2019-08-31"))]))
    #expect(t["status"] == .string("in_progress"))
    #expect(t["completed_on"] == .null)
    #expect(t["overdue"] == .bool(true))
  }

  @Test("staffing --format json prints units and a total, computed exactly")
  func staffingJSON() throws {
    let r = Fixtures.run(["staffing", "--format", "json", "--store", store])
    #expect(r.status == 0)
    let j = try json(r.stdout)
    #expect(keys(j) == ["ratio_percent", "units", "total"])
    #expect(j["ratio_percent"] == .int(5))
    guard case .array(let units)? = j["units"] else { Issue.record("no units"); return }
    #expect(units.count == 11)
    let zheng = units.first { $0["unit"] == .string("征收管理科") }
    #expect(
      zheng
        == .object([
          ("unit", .string("征收管理科")), ("enforcement", .int(18)), ("reviewers", .int(1)), ("required", .int(1)),
          ("shortfall", .int(0)), ("compliant", .bool(true)),
        ]))
    let ji = units.first { $0["unit"] == .string("稽查局") }
    #expect(ji?["required"] == .int(3))
    #expect(ji?["shortfall"] == .int(2))
    #expect(ji?["compliant"] == .bool(false))
    #expect(keys(j["total"]) == ["unit", "enforcement", "reviewers", "required", "shortfall", "compliant"])
    #expect(j["total"]?["shortfall"] == .int(4))
  }

  @Test("standup and show print their documented shapes")
  func standupAndShow() throws {
    let s = try json(Fixtures.run(["standup", "--store", store, "--today", "2019-09-20", "--format", "json"]).stdout)
    #expect(keys(s) == ["today", "overdue", "due_soon", "waiting", "changed", "staffing_shortfalls"])
    if case .array(let changed)? = s["changed"] {
      #expect(changed.count == 5)
      #expect(keys(changed[0]).prefix(5) == ["seq", "at", "by", "op", "task"])
    } else {
      Issue.record("no changed")
    }
    let show = try json(
      Fixtures.run(["show", "2", "--store", store, "--today", "2019-09-20", "--format", "json"]).stdout)
    #expect(keys(show).last == "history")
    if case .array(let h)? = show["history"] {
      #expect(h.map { $0["op"]?.stringValue } == ["start", "note"])
    } else {
      Issue.record("no history")
    }
  }

  @Test("global options work before or after the subcommand")
  func globalOptionsAnywhere() {
    let a = Fixtures.run(["--store", store, "--today", "2019-09-20", "--lang", "en", "list", "--overdue"])
    let b = Fixtures.run(["list", "--overdue", "--store", store, "--today", "2019-09-20", "--lang", "en"])
    let c = Fixtures.run(["--store", store, "list", "--lang", "en", "--today", "2019-09-20", "--overdue"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout == c.stdout)
    #expect(a.stdout.contains("20 days overdue"))
  }

  @Test("exit codes follow sysexits, errors say file:line:column")
  func exitCodes() throws {
    #expect(Fixtures.run(["show", "99", "--store", store]).status == 66)
    #expect(Fixtures.run(["list", "--store", store, "--today", "2019-13-01"]).status == 64)
    #expect(Fixtures.run(["list", "--no-such-flag", "--store", store]).status == 64)
    #expect(Fixtures.run(["list", "--store", "/nonexistent/store"]).status == 66)
    let dir = Fixtures.sampleCopy()
    let file = dir.appendingPathComponent("staffing.csv")
    try Fixtures.read(file).replacingOccurrences(of: "稽查局,45,1", with: "稽查局,-45,1").write(
      to: file, atomically: true, encoding: .utf8)
    let bad = Fixtures.run(["staffing", "--store", dir.path])
    #expect(bad.status == 65)
    #expect(bad.stderr == "sanxiang: \(file.path):12:5: negative staff count -45\n")
  }

  @Test("done, note, undo: saved at once, journaled with who, before and after")
  func editAndUndo() throws {
    let dir = Fixtures.sampleCopy()
    let tasksBefore = try Data(contentsOf: dir.appendingPathComponent("tasks.csv"))
    let env = ["SANXIANG_NOW": "2019-09-20T10:00:00+08:00"]
    let done = Fixtures.run(
      ["done", "33", "29", "--store", dir.path, "--as", "李明", "--lang", "en", "--note", "已报送"], env: env)
    #expect(done.status == 0)
    #expect(done.stdout.contains("✓ 33 done (2019-09-20)"))
    let log = try json(Fixtures.run(["log", "--store", dir.path, "--format", "json", "--limit", "2"]).stdout)
    guard case .array(let entries) = log else { Issue.record("no log"); return }
    #expect(entries.map { $0["by"]?.stringValue } == ["李明", "李明"])
    #expect(entries[0]["before"]?["status"] == .string("open"))
    #expect(entries[0]["after"]?["status"] == .string("done"))
    #expect(entries[0]["at"] == .string("2019-09-20T10:00:00+08:00"))
    #expect(Fixtures.run(["undo", "--store", dir.path], env: env).status == 0)
    #expect(Fixtures.run(["undo", "--store", dir.path], env: env).status == 0)
    #expect(try Data(contentsOf: dir.appendingPathComponent("tasks.csv")) == tasksBefore)
    // Already done: said, not journaled again.
    let again = Fixtures.run(["done", "1", "--store", dir.path, "--lang", "en"])
    #expect(again.stdout.contains("already done"))
    #expect(Fixtures.run(["done", "1", "404", "--store", dir.path]).status == 66)
  }

  @Test("trigger dates a task that waits on an event")
  func trigger() throws {
    let dir = Fixtures.sampleCopy()
    #expect(
      Fixtures.run(["trigger", "15", "--on", "2019-09-18", "--store", dir.path, "--today", "2019-09-20"]).status == 0)
    let s = try json(
      Fixtures.run(["standup", "--store", dir.path, "--today", "2019-09-20", "--format", "json"]).stdout)
    if case .array(let w)? = s["waiting"] { #expect(w.count == 2) }
    #expect(Fixtures.run(["trigger", "1", "--on", "2019-09-18", "--store", dir.path]).status == 65)
  }

  @Test("staffing set adds a unit, or changes one")
  func staffingSet() throws {
    let dir = Fixtures.sampleCopy()
    let r = Fixtures.run([
      "staffing", "set", "第四税务所", "--enforcement", "21", "--reviewers", "1", "--store", dir.path, "--lang", "en",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("short by 1"))
    #expect(Fixtures.run(["staffing", "set", "稽查局", "--reviewers", "3", "--store", dir.path]).status == 0)
    #expect(Fixtures.read(dir.appendingPathComponent("staffing.csv")).contains("稽查局,45,3\n"))
    // A new unit needs both counts: a mistake in the arguments (64).
    #expect(Fixtures.run(["staffing", "set", "新单位", "--reviewers", "3", "--store", dir.path]).status == 64)
    #expect(Fixtures.run(["staffing", "set", "稽查局", "--reviewers", "-3", "--store", dir.path]).status == 64)
  }

  @Test("two processes saving at the same moment lose nothing")
  func racingProcesses() throws {
    let dir = Fixtures.sampleCopy()
    let ids = (1...35).map(String.init).filter { !["1", "3", "23"].contains($0) }
    let halves = [
      ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
      ids.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
    ]
    let procs = halves.map { part -> Process in
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      let script = part.map { "\"$B\" done \($0) --store \"$S\" --as p$$ || exit 1" }.joined(separator: "; ")
      p.arguments = ["-c", script]
      p.environment = ["B": Fixtures.binary.path, "S": dir.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
      p.standardOutput = FileHandle.nullDevice
      try! p.run()
      return p
    }
    for p in procs { p.waitUntilExit() }
    #expect(procs.allSatisfy { $0.terminationStatus == 0 })
    let plan = try Store.open(dir.path).plan
    #expect(plan.tasks.allSatisfy { $0.status == .done })
    let newEntries = plan.journal.dropFirst(17)
    #expect(newEntries.count == ids.count)
    #expect(Set(newEntries.map(\.seq)).count == ids.count)
    #expect(Set(newEntries.compactMap { if case .task(let id) = $0.change.target { id } else { nil } }) == Set(ids))
  }

  @Test("without --store the sample plan is set up in the XDG data folder, once, saying so")
  func firstUse() throws {
    let home = Fixtures.scratch("xdg")
    let env = ["XDG_DATA_HOME": home.path + "/data"]
    let first = Fixtures.run(["list", "--lang", "en"], env: env)
    #expect(first.status == 0)
    #expect(first.stderr.split(separator: "\n").count == 1)
    #expect(first.stderr.contains("created \(home.path)/data/sanxiang from the bundled sample plan"))
    let second = Fixtures.run(["list", "--lang", "en"], env: env)
    #expect(second.stderr.isEmpty)
    #expect(second.stdout == first.stdout)
  }

  @Test("the copy built into the binary is sample-data/, byte for byte")
  func bundledSample() throws {
    #expect(BundledSample.files.count == 4)
    for (name, contents) in BundledSample.files {
      let onDisk = try Data(contentsOf: Fixtures.sampleData.appendingPathComponent(name))
      #expect(Data(contents.utf8) == onDisk, "\(name): run scripts/bundle-sample.py")
    }
  }

  @Test("check reports a healthy sample store")
  func check() {
    let r = Fixtures.run(["check", "--store", store, "--today", "2019-09-20", "--lang", "en"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "store: \(store)\nok: 35 tasks, 4 groups, 7 departments, 11 units, 17 journal entries; 0 warnings"))
  }
}
