import Foundation
import Readers
import Synchronization
import TestSupport
import Testing

@testable import Model

private func day(_ s: String) -> Day { Day(iso: s)! }

/// A copy of the sample store at `root`/`name`, named `agency`, with `changes` saved on `at`.
private func agency(
  _ root: URL, _ name: String, agency: String? = nil, at: String = "2019-09-19T10:00:00+08:00",
  _ changes: (Plan) -> [Change] = { _ in [] }
) throws -> String {
  let dir = root.appendingPathComponent(name)
  try FileManager.default.copyItem(at: Fixtures.sampleData, to: dir)
  if let agency {
    let ini = dir.appendingPathComponent("plan.ini")
    try Fixtures.read(ini).replacingOccurrences(of: "agency = 某区税务局", with: "agency = \(agency)").write(
      to: ini, atomically: true, encoding: .utf8)
  }
  let store = try Store.open(dir.path)
  let made = changes(store.plan)
  if !made.isEmpty { try store.commit(made, by: "测试", at: at) }
  return dir.path
}

@Suite("The roll-up model")
struct RollupModelTests {
  @Test("each agency's figures are its own agenda's; totals add them up; worst first")
  func figures() throws {
    let root = Fixtures.scratch("rollup-model")
    let a = try agency(root, "a", agency: "甲区")
    let b = try agency(root, "b", agency: "乙区") { p in
      [p.markDone("2", on: day("2019-09-19")), p.markDone("27", on: day("2019-09-19")), p.setStatus("33", .inProgress)]
        .compactMap { $0 }
    }
    let c = try agency(root, "c", agency: "丙区") { p in
      [p.setStaffing("稽查局", enforcement: nil, reviewers: 3), p.setStatus("28", .blocked)].compactMap { $0 }
    }
    let today = day("2019-09-20")
    let r = Rollup.read([a, b, c], today: today, threads: 3)
    #expect(r.agencies.count == 3)
    var sum = AgencyFigures()
    for s in r.agencies {
      let own = Agenda(plan: try Store.open(s.folder).plan, today: today)
      let f = try #require(s.figures)
      #expect(f.tasks == own.plan.tasks.count)
      #expect(f.done == own.overall.done)
      #expect(f.inProgress == own.plan.tasks.count { $0.status == .inProgress })
      #expect(f.overdue == own.overdue.count)
      #expect(f.dueSoon == own.dueSoon().count)
      #expect(f.waiting == own.waiting.count)
      #expect(f.staffingShortUnits == own.staffingShortfalls.count)
      #expect(s.lastChange == own.plan.journal.last?.at)
      #expect(s.agenda?.plan.tasks.count == own.plan.tasks.count)
      #expect(s.staffing == own.plan.staffingChecks())
      sum.add(f)
    }
    #expect(r.total.figures == sum)
    #expect(r.total.agencies == 3 && r.total.failed == 0)
    for (x, y) in zip(r.agencies, r.agencies.dropFirst()) { #expect(!AgencySummary.isWorse(y, x)) }
    // 乙区 did two of the sample's three overdue tasks: least overdue, so last.
    #expect(r.agencies.last?.name == "乙区")
  }

  @Test("an agency quiet for more than 14 days is not reporting; one that never changed anything is not either")
  func notReporting() throws {
    let root = Fixtures.scratch("rollup-quiet")
    let a = try agency(root, "a")
    let last = try #require(try Store.open(a).plan.journal.last?.day)
    for (offset, quiet) in [(0, false), (Rollup.quietDays, false), (Rollup.quietDays + 1, true)] {
      let s = Rollup.read([a], today: last.adding(days: offset)).agencies[0]
      #expect(s.daysSinceChange == offset)
      #expect(s.notReporting == quiet, "\(offset) days")
    }
    let empty = root.appendingPathComponent("empty").path
    try Store.create(empty, settings: PlanSettings(title: "空", agency: "丁区"), tasks: [PlanTask(id: "1", measure: "x")])
    let s = Rollup.read([empty], today: last).agencies[0]
    #expect(s.lastChange == nil && s.daysSinceChange == nil && s.notReporting)
  }

  @Test("the matrix: a measure is one row where id and text agree, never across different plans")
  func matrix() throws {
    let root = Fixtures.scratch("rollup-matrix")
    let a = try agency(root, "a", agency: "甲区")
    let b = try agency(root, "b", agency: "乙区") { p in [p.markDone("2", on: day("2019-09-19"))].compactMap { $0 } }
    let other = root.appendingPathComponent("d").path
    let imported = try TableImport.read(try FileIO.read(Fixtures.seed("004").path), file: "004")
    try Store.create(other, settings: PlanSettings(title: "铁岭", agency: "丁县"), tasks: imported.tasks)
    let r = Rollup.read([a, b, other], today: day("2019-09-20"))
    let plans = try [a, b, other].map { try Store.open($0).plan }
    #expect(r.sharesMeasures)
    #expect(r.measures.count == plans[0].tasks.count + plans[2].tasks.count)
    for row in r.measures {
      for (column, s) in r.agencies.enumerated() {
        let plan = try #require(s.agenda?.plan)
        let holds = plan.tasks.contains { $0.id == row.id && $0.measure == row.measure }
        let cell = row.cell(column)
        #expect((cell != nil) == holds, "\(row.id) in \(s.name)")
        if let cell {
          #expect(plan.tasks[cell.task].id == row.id)
          #expect(cell.status == MeasureStatus(s.agenda!, cell.task))
        }
      }
      #expect(row.doneIn == row.cells.count { $0.cell.status == .done })
      #expect(row.overdueIn == row.cells.count { $0.cell.status == .overdue })
    }
    let two = try #require(r.measures.first { $0.id == "2" && $0.heldBy == 2 })
    let jia = try #require(r.agencies.firstIndex { $0.name == "甲区" })
    let yi = try #require(r.agencies.firstIndex { $0.name == "乙区" })
    #expect(two.cell(jia)?.status == .overdue)
    #expect(two.cell(yi)?.status == .done)
    // Agencies on unrelated plans alone share nothing.
    #expect(!Rollup.read([a, other], today: day("2019-09-20")).sharesMeasures)
  }

  @Test("a store that does not read keeps its error and its plan.ini name; the rest still read")
  func failures() throws {
    let root = Fixtures.scratch("rollup-bad")
    let good = try agency(root, "good", agency: "甲区")
    let bad = try agency(root, "bad", agency: "乙区")
    try Data("id,measure\n\"1,x\n".utf8).write(to: URL(fileURLWithPath: bad + "/tasks.csv"))
    let r = Rollup.read([good, bad], today: day("2019-09-20"))
    let failed = try #require(r.agencies.first)
    #expect(failed.name == "乙区" && failed.figures == nil && failed.agenda == nil)
    #expect(failed.error?.file == bad + "/tasks.csv")
    #expect(failed.error?.line == 2)
    #expect(failed.error?.column != nil)
    #expect(r.failed.map(\.folder) == [bad])
    #expect(r.total.failed == 1 && r.total.agencies == 2)
    #expect(r.agencies[1].figures != nil)
  }

  @Test("labels: a shared agency name takes its folder's name, then its path")
  func labels() throws {
    let root = Fixtures.scratch("rollup-labels")
    let x = try agency(root, "x")
    let y = try agency(root, "y")
    let z = try agency(root, "z", agency: "丙区")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("deep"), withIntermediateDirectories: true)
    let x2 = try agency(root.appendingPathComponent("deep"), "x")
    let labels = Rollup.read([x, y, z, x2], today: day("2019-09-20")).agencies.map(\.label)
    #expect(
      Set(labels) == ["某区税务局（\(x)）", "某区税务局（y）", "丙区", "某区税务局（\(x2)）"])
  }

  @Test("discovery: a store, or a folder of stores one level down; hidden and plain folders skipped; each store once")
  func discovery() throws {
    let root = Fixtures.scratch("rollup-find")
    let a = try agency(root, "a")
    _ = try agency(root, ".hidden")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("notes"), withIntermediateDirectories: true)
    let settingsOnly = root.appendingPathComponent("half")
    try FileManager.default.createDirectory(at: settingsOnly, withIntermediateDirectories: true)
    try Data("agency = 半\n".utf8).write(to: settingsOnly.appendingPathComponent("plan.ini"))
    let link = Fixtures.scratch("rollup-link").appendingPathComponent("also-a")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: a)
    #expect(try StoreDiscovery.find([root.path]) == [a, settingsOnly.path])
    #expect(try StoreDiscovery.find([a, root.path + "/", link.path]) == [a, settingsOnly.path])
    #expect(throws: RollupError.noStore(root.appendingPathComponent("notes").path)) {
      try StoreDiscovery.find([root.appendingPathComponent("notes").path])
    }
    #expect(throws: RollupError.noSuchFolder("/nonexistent")) { try StoreDiscovery.find(["/nonexistent"]) }
    // The settings-only folder is kept so that its failure is seen.
    let r = Rollup.read(try StoreDiscovery.find([root.path]), today: day("2019-09-20"))
    #expect(r.failed.map(\.name) == ["半"])
  }

  @Test("Parallel.map: every item once, results in order, finished counted one call at a time")
  func parallel() {
    for threads in [1, 2, 5, 64] {
      for count in [0, 1, 7, 1000] {
        let calls = Mutex<[Int]>([])
        let out = Parallel.map(count: count, threads: threads, finished: { n in calls.withLock { $0.append(n) } }) {
          $0 * $0
        }
        #expect(out == (0..<count).map { $0 * $0 }, "\(threads) threads, \(count) items")
        #expect(calls.withLock { $0 } == Array(stride(from: 1, through: count, by: 1)))
      }
    }
  }

  @Test("Spawn: exit status, standard output and error both kept, a missing program reported")
  func spawn() throws {
    let r = try Spawn.run(["sh", "-c", "echo out; echo err >&2; exit 3"]).get()
    #expect(r.status == 3)
    #expect(r.text == "out\nerr\n")
    #expect(try Spawn.run(["sh", "-c", "echo $SX_X"], overrides: ["SX_X": "甲"]).get().text == "甲\n")
    #expect(try Spawn.run(["sh", "-c", "echo ${HOME-none}"], overrides: ["HOME": nil]).get().text == "none\n")
    guard case .failure(let e) = Spawn.run(["sanxiang-no-such-program"]) else {
      Issue.record("a missing program started")
      return
    }
    #expect(e.notFound)
  }

  @Test("git's messages read into reasons")
  func gitReasons() {
    #expect(Git.classify("fatal: Not possible to fast-forward, aborting.\n") == .diverged)
    #expect(
      Git.classify(
        "fatal: unable to access 'https://git.example.org/a.git/': Could not resolve host: git.example.org\n")
        == .unreachable(
          detail: "fatal: unable to access 'https://git.example.org/a.git/': Could not resolve host: git.example.org"))
    #expect(
      Git.classify(
        "ssh: connect to host git.example.org port 22: Network is unreachable\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n"
      ) == .unreachable(detail: "ssh: connect to host git.example.org port 22: Network is unreachable"))
    #expect(
      Git.classify("There is no tracking information for the current branch.\nPlease specify which branch…\n")
        == .noUpstream)
    #expect(
      Git.classify(
        "error: Your local changes to the following files would be overwritten by merge:\n\ttasks.csv\nAborting\n")
        == .localChanges)
    #expect(Git.classify("fatal: not a git repository (or any of the parent directories): .git\n") == .notARepository)
    #expect(
      Git.classify(
        "Your configuration specifies to merge with the ref 'refs/heads/main'\nfrom the remote, but no such ref was fetched.\n"
      ) == .noUpstream)
    #expect(Git.classify("hint: one\nfatal: something new\nhint: two\n") == .other(detail: "fatal: something new"))
    #expect(Git.classify("something else\n") == .other(detail: "something else"))
  }

  @Test("plan.ini's git_commit: on or off, kept when written, anything else named by line and column")
  func gitCommitSetting() throws {
    let on = try SettingsFile.parse(Array("title = x\ngit_commit = on\n".utf8), file: "plan.ini")
    #expect(on.settings.gitCommit && on.unknownKeys.isEmpty)
    #expect(try !SettingsFile.parse(Array("git_commit = off\n".utf8), file: "plan.ini").settings.gitCommit)
    #expect(try !SettingsFile.parse(Array("title = x\n".utf8), file: "plan.ini").settings.gitCommit)
    let again = try SettingsFile.parse(Array(SettingsFile.render(on.settings).utf8), file: "plan.ini")
    #expect(again.settings == on.settings)
    #expect(throws: StoreError(.badData, .badGitCommit, file: "plan.ini", line: 2, column: 14)) {
      try SettingsFile.parse(Array("title = x\ngit_commit = maybe\n".utf8), file: "plan.ini")
    }
  }

  @Test("every roll-up and git sentence is Chinese under zh: no English word of ours")
  func chineseWords() {
    let zh = ChineseWords()
    let failures: [Git.Failure] = [
      .gitMissing, .cannotStart(errno: 13), .notAClone, .notARepository, .unreachable(detail: ""), .diverged,
      .noUpstream, .localChanges,
      .other(detail: ""),
    ]
    var s = AgencySummary(
      folder: "甲", name: "甲区", agenda: nil, error: nil, figures: AgencyFigures(),
      lastChange: "2019-09-19T10:00:00+08:00",
      daysSinceChange: 3, staffing: [])
    var texts = failures.map(zh.gitFailure) + failures.map(zh.commitFailed) + failures.map { zh.pullFailed("甲", $0) }
    texts += [RollupError.noSuchFolder("甲"), .noStore("甲")].map(zh.rollupError)
    texts += MeasureStatus.allCases.map(zh.measureStatus)
    for days in [0, 1, 3] {
      s = AgencySummary(
        folder: "甲", name: "甲区", agenda: nil, error: nil, figures: AgencyFigures(),
        lastChange: "2019-09-19T10:00:00+08:00", daysSinceChange: days, staffing: [])
      texts.append(zh.lastChange(s))
    }
    texts += [
      zh.rollupHeading(agencies: 3, today: day("2019-09-20")), zh.rollupOverview(RollupTotal([s])), zh.rollupAbstract,
      zh.rollupDiscussion, zh.pullHelp, zh.rollupFormatHelp, zh.dirsHelp, zh.noRollupFolders, zh.legend,
      zh.noSharedMeasures, zh.everyStoreFailed,
      zh.measuresHeading(3, agencies: 2), zh.failedHeading(1), zh.pulling(3, atOnce: 3), zh.pullProgress(1, of: 3),
      zh.pullSummary(updated: 1, upToDate: 1, failed: 1, notClones: 1), zh.notReporting, zh.unreadable,
      zh.agencyColumn, zh.storeColumn, zh.tasksColumn, zh.progressColumn, zh.doneColumn, zh.inProgressColumn,
      zh.overdueColumn, zh.dueSoonColumn, zh.waitingColumn, zh.shortColumn, zh.lastChangeColumn, zh.daysSinceColumn,
      zh.notReportingColumn, zh.errorColumn, zh.total, zh.idColumn, zh.columnMeasure, zh.overdueAgenciesColumn,
      zh.overdueIn, zh.none, zh.yes, zh.no,
    ]
    // Names the user types or reads as such: the command, the files, git and its options.
    let allowed = [
      "sanxiang", "rollup", "DIR", "dir", "git", "pull", "ff", "only", "plan", "ini", "agency", "tasks", "csv", "text",
      "json",
      "markdown", "xlsx", "docx",
    ]
    for t in texts {
      let words = t.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }.filter { !allowed.contains($0) }
      #expect(words.isEmpty, "\(t)")
    }
  }
}
