import Foundation
import Model
import TestSupport
import Testing

private func json(_ s: String) throws -> JSON { try JSON.parse(Array(s.utf8)) }

private func items(_ j: JSON?) -> [JSON] {
  if case .array(let a)? = j { return a }
  return []
}

private func keys(_ j: JSON?) -> [String] {
  if case .object(let pairs)? = j { return pairs.map(\.0) }
  return []
}

private let today = "2019-09-20"

/// A supervisor's folder of agency stores, each with its own history:
/// - 甲区: the sample plan (seed 000 with a month of progress), as it is;
/// - 乙区: the same plan, further along (two overdue tasks done, one started, a unit staffed);
/// - 丙县: seed 000 imported on 2019-08-01 and never touched since (not reporting);
/// - 丁县: seed 004 imported, then some progress of its own (a different plan, numbered alike).
private func agencies() throws -> URL {
  let root = Fixtures.scratch("rollup").appendingPathComponent("stores")
  try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  let jia = root.appendingPathComponent("甲区")
  try FileManager.default.copyItem(at: Fixtures.sampleData, to: jia)
  let yi = root.appendingPathComponent("乙区")
  try FileManager.default.copyItem(at: Fixtures.sampleData, to: yi)
  try setAgency(yi, "乙区税务局")
  let later = ["SANXIANG_NOW": "2019-09-20T09:30:00+08:00"]
  for args in [
    ["done", "2", "27", "--on", "2019-09-20"], ["start", "28"], ["staffing", "set", "稽查局", "--reviewers", "3"],
  ] {
    try #require(Fixtures.run(args + ["--store", yi.path, "--as", "赵强"], env: later).status == 0)
  }
  let bing = root.appendingPathComponent("丙县")
  try #require(
    Fixtures.run(
      ["import", Fixtures.seed("000").path, "--into", bing.path, "--agency", "丙县税务局"],
      env: ["SANXIANG_NOW": "2019-08-01T09:00:00+08:00"]
    ).status == 0)
  let ding = root.appendingPathComponent("丁县")
  let early = ["SANXIANG_NOW": "2019-09-18T15:00:00+08:00"]
  try #require(
    Fixtures.run(["import", Fixtures.seed("004").path, "--into", ding.path, "--agency", "丁县司法局"], env: early).status
      == 0)
  for args in [["done", "1", "--on", "2019-09-18"], ["start", "2"], ["block", "3"]] {
    try #require(Fixtures.run(args + ["--store", ding.path], env: early).status == 0)
  }
  return root
}

private func setAgency(_ store: URL, _ name: String) throws {
  let ini = store.appendingPathComponent("plan.ini")
  let text = Fixtures.read(ini).split(separator: "\n", omittingEmptySubsequences: false).map {
    $0.hasPrefix("agency =") ? "agency = \(name)" : String($0)
  }
  try text.joined(separator: "\n").write(to: ini, atomically: true, encoding: .utf8)
}

private func rollup(_ args: [String], env: [String: String] = [:]) -> Fixtures.Run {
  Fixtures.run(["rollup"] + args + ["--today", today], env: env)
}

@Suite("Rolling up many agencies", .serialized)
struct RollupTests {
  @Test("every agency's figures are what its own standup and list say")
  func figuresMatchEachStandup() throws {
    let root = try agencies()
    let r = rollup([root.path, "--format", "json"])
    #expect(r.status == 0)
    let j = try json(r.stdout)
    #expect(keys(j) == ["today", "agencies", "measures", "total"])
    #expect(j["today"] == .string(today))
    let list = items(j["agencies"])
    #expect(list.count == 4)
    var sums = [String: Int]()
    for a in list {
      #expect(
        keys(a) == [
          "agency", "store", "tasks", "done", "in_progress", "overdue", "due_soon", "waiting", "staffing_short_units",
          "last_change", "error",
        ])
      let store = try #require(a["store"]?.stringValue)
      let standup = try json(
        Fixtures.run(["standup", "--store", store, "--today", today, "--format", "json"]).stdout)
      let tasks = items(
        try json(Fixtures.run(["list", "--store", store, "--today", today, "--format", "json"]).stdout)["tasks"])
      let log = items(try json(Fixtures.run(["log", "--store", store, "--format", "json"]).stdout))
      let plan = Fixtures.read(URL(fileURLWithPath: store).appendingPathComponent("plan.ini"))
      let agency = plan.split(separator: "\n").first { $0.hasPrefix("agency =") }.map {
        $0.dropFirst("agency =".count).trimmingCharacters(in: .whitespaces)
      }
      #expect(a["agency"]?.stringValue == agency, "\(store)")
      let expected: [(String, Int)] = [
        ("tasks", tasks.count),
        ("done", tasks.count { $0["status"] == .string("done") }),
        ("in_progress", tasks.count { $0["status"] == .string("in_progress") }),
        ("overdue", items(standup["overdue"]).count),
        ("due_soon", items(standup["due_soon"]).count),
        ("waiting", items(standup["waiting"]).count),
        ("staffing_short_units", items(standup["staffing_shortfalls"]).count),
      ]
      for (key, value) in expected {
        #expect(a[key] == .int(value), "\(store): \(key)")
        sums[key, default: 0] += value
      }
      #expect(a["last_change"] == log.last?["at"], "\(store)")
      #expect(a["error"] == .null)
    }
    for (key, value) in sums { #expect(j["total"]?[key] == .int(value), "total \(key)") }
    #expect(j["total"]?["agencies"] == .int(4))
    #expect(j["total"]?["failed"] == .int(0))
    // 丙县 last changed on 2019-08-01, 50 days before: the only one not reporting.
    #expect(j["total"]?["not_reporting"] == .int(1))
    // Worst first: the agency not reporting leads; then by overdue tasks.
    #expect(list.first?["agency"] == .string("丙县税务局"))
    let overdue = list.dropFirst().map { $0["overdue"]?.intValue ?? -1 }
    #expect(overdue == overdue.sorted(by: >))
  }

  @Test("the measures matrix: one row per shared measure, each agency's state as its own list shows it")
  func measuresMatrix() throws {
    let root = try agencies()
    let j = try json(rollup([root.path, "--format", "json"]).stdout)
    let rows = items(j["measures"])
    var byStore: [String: (label: String, state: [String: [String: String]])] = [:]
    for a in items(j["agencies"]) {
      let store = a["store"]!.stringValue!
      let standup = try json(Fixtures.run(["standup", "--store", store, "--today", today, "--format", "json"]).stdout)
      let waiting = Set(items(standup["waiting"]).compactMap { $0["id"]?.stringValue })
      var state: [String: [String: String]] = [:]
      for t in items(
        try json(Fixtures.run(["list", "--store", store, "--today", today, "--format", "json"]).stdout)["tasks"])
      {
        let id = t["id"]!.stringValue!
        let status = t["status"]!.stringValue!
        let s =
          t["overdue"] == .bool(true)
          ? "overdue" : status == "done" ? "done" : waiting.contains(id) ? "waiting" : status
        state[t["measure"]!.stringValue!, default: [:]][id] = s
      }
      byStore[store] = (a["agency"]!.stringValue!, state)
    }
    // Seed 000's 35 measures held by its three copies, seed 004's 34 by one agency: never
    // mixed up though both number theirs from 1.
    #expect(rows.count == 35 + 34)
    var cells = 0
    for row in rows {
      #expect(keys(row) == ["id", "measure", "done_in", "overdue_in", "agencies"])
      let id = row["id"]!.stringValue!
      let measure = row["measure"]!.stringValue!
      var expected: [(String, String)] = []
      for (_, s) in byStore.sorted(by: { $0.key < $1.key }) {
        if let st = s.state[measure]?[id] { expected.append((s.label, st)) }
      }
      guard case .object(let got)? = row["agencies"] else {
        Issue.record("no agencies in row \(id)")
        continue
      }
      #expect(
        Dictionary(uniqueKeysWithValues: got.map { ($0.0, $0.1.stringValue!) })
          == Dictionary(uniqueKeysWithValues: expected), "measure \(id)")
      #expect(row["done_in"] == .int(expected.count { $0.1 == "done" }))
      #expect(row["overdue_in"] == .int(expected.count { $0.1 == "overdue" }))
      cells += got.count
    }
    #expect(cells == 35 * 3 + 34)
    // Seed 000's measure 2 is overdue in 甲区 (as the sample's stand-up says) and done in 乙区.
    let two = rows.first { $0["id"] == .string("2") && $0["measure"]?.stringValue?.hasPrefix("建立联络员制度") == true }
    #expect(two?["agencies"]?["某区税务局"] == .string("overdue"))
    #expect(two?["agencies"]?["乙区税务局"] == .string("done"))
  }

  @Test("a broken store is listed with its error, the rest still show; exit 65 only when all fail")
  func brokenStore() throws {
    let root = try agencies()
    let bad = root.appendingPathComponent("戊区")
    try FileManager.default.copyItem(at: Fixtures.sampleData, to: bad)
    try setAgency(bad, "戊区税务局")
    let tasks = bad.appendingPathComponent("tasks.csv")
    var text = Fixtures.read(tasks).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    text[3] = "\"" + text[3]
    try text.joined(separator: "\n").write(to: tasks, atomically: true, encoding: .utf8)
    let own = Fixtures.run(["list", "--store", bad.path])
    #expect(own.status == 65)
    let r = rollup([root.path, "--format", "json"])
    #expect(r.status == 0)
    let list = items(try json(r.stdout)["agencies"])
    #expect(list.count == 5)
    let broken = try #require(list.first)
    #expect(broken["agency"] == .string("戊区税务局"))
    #expect(broken["tasks"] == .null)
    // The same file:line:column the store's own commands give.
    let place = own.stderr.dropFirst("sanxiang: ".count).trimmingCharacters(in: .newlines)
    #expect(broken["error"] == .string(place))
    #expect(place.hasPrefix(tasks.path + ":"))
    #expect(list.dropFirst().allSatisfy { $0["error"] == .null && $0["tasks"]?.intValue != nil })

    // Under Chinese the same place, and the same reason in Chinese.
    let ownZh = Fixtures.run(["list", "--store", bad.path], env: ["LANG": "zh_CN.UTF-8"])
    let placeZh = ownZh.stderr.dropFirst("sanxiang: ".count).trimmingCharacters(in: .newlines)
    let zh = rollup([root.path], env: ["LANG": "zh_CN.UTF-8"])
    #expect(zh.status == 0)
    #expect(zh.stdout.contains("无法读取 (1)"))
    #expect(zh.stdout.contains("戊区税务局：" + placeZh))
    #expect(placeZh.hasSuffix("加了引号的字段没有结束的引号"))

    let alone = rollup([bad.path, "--format", "json"])
    #expect(alone.status == 65)
    #expect(items(try json(alone.stdout)["agencies"]).count == 1)
  }

  @Test("bad input: no store in a DIR is 66, no DIR is 64")
  func badInput() throws {
    let empty = Fixtures.scratch("empty")
    try FileManager.default.createDirectory(
      at: empty.appendingPathComponent("not-a-store"), withIntermediateDirectories: true)
    let none = rollup([Fixtures.sampleData.path, empty.path], env: ["LANG": "zh_CN.UTF-8"])
    #expect(none.status == 66)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr == "sanxiang: \(empty.path) 里没有方案：它不是方案文件夹，下一层也没有方案文件夹（应有 tasks.csv）\n")
    #expect(rollup(["/nonexistent/agencies"]).status == 66)
    #expect(rollup([]).status == 64)
    #expect(rollup([Fixtures.sampleData.path, "--format", "xml"]).status == 64)
  }

  @Test("the text's total row is as wide as it needs: its count and percentage are not cut")
  func totalNotCut() throws {
    // Four agencies at 9/35 (25%): their counts are eight wide, the total's 36/140 25% ten.
    let root = Fixtures.scratch("rollup-total")
    for name in ["甲区", "乙区", "丙县", "丁县"] {
      let dir = root.appendingPathComponent(name)
      try FileManager.default.copyItem(at: Fixtures.sampleData, to: dir)
      let store = try Store.open(dir.path)
      try store.commit(
        ["4", "6", "7", "8", "9", "10"].map { store.plan.markDone($0, on: Day(iso: today)!)! }, by: "联络员")
    }
    let r = rollup([root.path, "--format", "text", "--lang", "zh"])
    #expect(r.status == 0)
    let lines = r.stdout.components(separatedBy: "\n")
    #expect(lines.filter { $0.contains("] 9/35 25% ") }.count == 4, "\(r.stdout)")
    let total = try #require(lines.first { $0.hasPrefix("合计") })
    #expect(total.contains("] 36/140 25% "), "\(total)")
    #expect(!total.contains("…"))
  }

  @Test("two stores naming the same agency are both shown, told apart by folder")
  func sameName() throws {
    let root = try agencies()
    let j = try json(rollup([root.path, "--format", "json"]).stdout)
    let names = items(j["agencies"]).compactMap { $0["agency"]?.stringValue }
    // 甲区 keeps the sample's agency; a copy of it under another folder takes the same name.
    #expect(names.contains("某区税务局"))
    let twin = root.appendingPathComponent("己区")
    try FileManager.default.copyItem(at: Fixtures.sampleData, to: twin)
    let again = items(try json(rollup([root.path, "--format", "json"]).stdout)["agencies"])
    let labels = again.compactMap { $0["agency"]?.stringValue }
    #expect(labels.contains("某区税务局（甲区）"))
    #expect(labels.contains("某区税务局（己区）"))
    #expect(Set(labels).count == labels.count)
  }

  @Test("a roll-up writes nothing: no lock, no temp file removed, no roll-forward saved")
  func readOnly() throws {
    let root = try agencies()
    let store = root.appendingPathComponent("甲区")
    // A dead writer's temp file, and a journaled change its files do not show yet.
    try Data("x".utf8).write(to: store.appendingPathComponent(".tasks.csv.tmp-999999-1"))
    let journal = store.appendingPathComponent("journal.jsonl")
    let entry =
      #"{"seq":18,"at":"2019-09-20T08:00:00+08:00","by":"王芳","op":"start","task":"33","before":{"status":"open"},"after":{"status":"in_progress"}}"#
    let handle = try FileHandle(forWritingTo: journal)
    handle.seekToEndOfFile()
    handle.write(Data((entry + "\n").utf8))
    try handle.close()
    let before = Fixtures.snapshot(store)
    let r = rollup([root.path, "--format", "json"])
    #expect(r.status == 0)
    #expect(Fixtures.snapshot(store) == before)
    // The change is seen in memory all the same, as the store's own commands see it.
    let a = items(try json(r.stdout)["agencies"]).first { $0["store"] == .string(store.path) }
    let started = Fixtures.run(["list", "--store", store.path, "--status", "in_progress", "--format", "json"])
    #expect(items(try json(started.stdout)["tasks"]).contains { $0["id"] == .string("33") })
    #expect(a?["in_progress"] == .int(items(try json(started.stdout)["tasks"]).count))
    #expect(a?["last_change"] == .string("2019-09-20T08:00:00+08:00"))
  }

  @Test("text, markdown and CSV under a Chinese locale: no English word from the program")
  func chineseReports() throws {
    let root = try agencies()
    let zh = ["LANG": "zh_CN.UTF-8"]
    let text = rollup([root.path], env: zh)
    let markdown = rollup([root.path, "--format", "markdown"], env: zh)
    let csv = rollup([root.path, "--format", "csv"], env: zh)
    for r in [text, markdown, csv] {
      #expect(r.status == 0)
      // Paths are data; every other Latin letter would be a word of ours.
      let words = r.stdout.replacingOccurrences(of: root.path, with: "").matches(of: /[A-Za-z]{2,}/).map {
        String($0.output)
      }
      #expect(words.isEmpty, "\(words)")
    }
    #expect(text.stdout.hasPrefix("汇总 · 4 个机构 · 2019-09-20 星期五\n"))
    #expect(text.stdout.contains("丙县税务局"))
    #expect(text.stdout.contains("未报送"))
    #expect(markdown.stdout.hasPrefix("# 汇总 · 4 个机构"))
    // CSV for a spreadsheet: a BOM, a header row, one row per agency and a total.
    #expect(csv.stdout.hasPrefix("\u{FEFF}机构,方案目录,任务,已完成,进行中,逾期,"))
    #expect(csv.stdout.split(separator: "\n").count == 1 + 4 + 1)
    let english = rollup([root.path, "--lang", "en"], env: zh)
    #expect(english.stdout.hasPrefix("Roll-up · 4 agencies · 2019-09-20 Fri\n"))
  }
}
