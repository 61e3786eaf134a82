import Foundation
import Model
import TestSupport
import Testing

/// A command that goes wrong: the store it runs on (a copy of the sample, broken as `setup`
/// says), its arguments, extra environment, and the exit code it must give.
struct BadCommand: CustomTestStringConvertible, Sendable {
  let name: String
  let args: [String]
  var env: [String: String] = [:]
  var setup: @Sendable (URL) throws -> Void = { _ in }
  let status: Int32
  var testDescription: String { name }

  /// Runs it on a fresh copy of the sample store ($STORE in `args`) under `lang`.
  func run(lang: String) throws -> Fixtures.Run {
    let dir = Fixtures.sampleCopy()
    try setup(dir)
    let args = self.args.map { $0.replacing("$STORE", with: dir.path) }
    return Fixtures.run(args, env: ["LANG": lang, "SANXIANG_LOCK_TIMEOUT_MS": "100"].merging(env) { $1 })
  }
}

/// Replaces text in one of a store's files.
private func edit(_ file: String, _ from: String, _ to: String) -> @Sendable (URL) throws -> Void {
  { dir in
    let url = dir.appendingPathComponent(file)
    let text = Fixtures.read(url)
    precondition(text.contains(from), "\(file) has no \(from)")
    try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
  }
}

/// Writes bytes into one of a store's files (after the first line, or in place of it all).
private func bytes(_ file: String, _ junk: [UInt8], replacing: Bool = false) -> @Sendable (URL) throws -> Void {
  { dir in
    let url = dir.appendingPathComponent(file)
    var b = [UInt8](try Data(contentsOf: url))
    if replacing { b = junk } else { b.insert(contentsOf: junk, at: b.firstIndex(of: 0x0A)! + 3) }
    try Data(b).write(to: url)
  }
}

private func file(_ name: String, _ text: String) -> @Sendable (URL) throws -> Void {
  { dir in try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
}

private let seed = Fixtures.seed("004").path

@Suite("Every message in the reader's language", .serialized)
struct LanguageTests {
  static let store = ["--store", "$STORE", "--today", "2019-09-20"]

  /// Every way the store and the command line refuse, through the real binary.
  static let bad: [BadCommand] = [
    BadCommand(
      name: "a quote never closed", args: ["list"] + store,
      setup: edit("tasks.csv", "\n7,综合工作项目组", "\n7,\"综合工作项目组"), status: 65),
    BadCommand(
      name: "text after a closing quote", args: ["list"] + store,
      setup: edit("tasks.csv", "\n3,综合工作项目组", "\n3,\"综合\"工作项目组"), status: 65),
    BadCommand(
      name: "a quote inside an unquoted field", args: ["list"] + store,
      setup: edit("tasks.csv", "\n5,综合工作项目组", "\n5,综合\"工作项目组"), status: 65),
    BadCommand(
      name: "a row with a field too many", args: ["list"] + store,
      setup: edit("tasks.csv", ",2019年8月底前,done,", ",2019年8月底前,done,,"), status: 65),
    BadCommand(
      name: "a bad date", args: ["list"] + store, setup: edit("tasks.csv", ",2019-08-26,", ",2019-08-32,"), status: 65),
    BadCommand(name: "a duplicate id", args: ["list"] + store, setup: edit("tasks.csv", "\n12,", "\n11,"), status: 65),
    BadCommand(name: "an empty id", args: ["list"] + store, setup: edit("tasks.csv", "\n12,", "\n,"), status: 65),
    BadCommand(
      name: "an unknown status", args: ["list"] + store, setup: edit("tasks.csv", ",in_progress,", ",half-done,"),
      status: 65),
    BadCommand(name: "invalid UTF-8", args: ["list"] + store, setup: bytes("tasks.csv", [0xFF]), status: 65),
    BadCommand(name: "a NUL byte", args: ["list"] + store, setup: bytes("tasks.csv", [0x00]), status: 65),
    BadCommand(
      name: "a huge row", args: ["list"] + store,
      setup: edit(
        "tasks.csv", "结合区局实际，集中力量，重点攻关，取得突破，形成工作亮点和典型经验。", String(repeating: "长", count: 400_000)),
      status: 65),
    BadCommand(
      name: "a column named twice", args: ["list"] + store, setup: edit("tasks.csv", "id,group,", "id,id,"),
      status: 65),
    BadCommand(
      name: "no measure column", args: ["list"] + store, setup: edit("tasks.csv", ",measure,", ",measures,"),
      status: 65),
    BadCommand(name: "an empty tasks file", args: ["list"] + store, setup: file("tasks.csv", ""), status: 65),
    BadCommand(
      name: "a negative staff count", args: ["staffing"] + store, setup: edit("staffing.csv", "稽查局,45,1", "稽查局,-45,1"),
      status: 65),
    BadCommand(
      name: "a staff count that is not a number", args: ["staffing"] + store,
      setup: edit("staffing.csv", "稽查局,45,1", "稽查局,45,一"), status: 65),
    BadCommand(
      name: "a staff count too large", args: ["staffing"] + store,
      setup: edit("staffing.csv", "稽查局,45,1", "稽查局,45000000,1"), status: 65),
    BadCommand(
      name: "a unit listed twice", args: ["staffing"] + store, setup: edit("staffing.csv", "办公室,0,0", "稽查局,0,0"),
      status: 65),
    BadCommand(
      name: "a unit without a name", args: ["staffing"] + store, setup: edit("staffing.csv", "办公室,0,0", ",0,0"),
      status: 65),
    BadCommand(
      name: "a staffing file without a unit column", args: ["staffing"] + store,
      setup: edit("staffing.csv", "unit,", "name,"), status: 65),
    BadCommand(
      name: "a reviewer percentage that is not a number", args: ["list"] + store,
      setup: edit("plan.ini", "reviewer_percent = 5", "reviewer_percent = five"), status: 65),
    BadCommand(
      name: "a start that is not a date", args: ["list"] + store,
      setup: edit("plan.ini", "reviewer_percent = 5", "reviewer_percent = 5\nstart = soon"), status: 65),
    BadCommand(
      name: "a holiday that is not a date", args: ["list"] + store,
      setup: edit("plan.ini", "reviewer_percent = 5", "reviewer_percent = 5\nholiday = 国庆"), status: 65),
    BadCommand(
      name: "a settings line without =", args: ["list"] + store,
      setup: edit("plan.ini", "reviewer_percent = 5", "reviewer_percent 5"), status: 65),
    BadCommand(
      name: "a journal line that is not JSON", args: ["log"] + store,
      setup: edit("journal.jsonl", "{\"seq\":3,", "{seq:3,"), status: 65),
    BadCommand(
      name: "a journal entry without op", args: ["log"] + store,
      setup: edit("journal.jsonl", "\"op\":\"done\",\"task\":\"1\"", "\"task\":\"1\""), status: 65),
    BadCommand(
      name: "a store locked from another host", args: ["done", "33"] + store,
      setup: file(".sanxiang.lock", "4194311 pc-01 1\n"), status: 75),
    BadCommand(name: "no such store folder", args: ["list", "--store", "/nonexistent/store"], status: 66),
    BadCommand(
      name: "a folder that is not a store", args: ["list"] + store,
      setup: { try FileManager.default.removeItem(at: $0.appendingPathComponent("tasks.csv")) }, status: 66),
    BadCommand(
      name: "no store at all", args: ["list", "--today", "2019-09-20"], env: ["HOME": "", "XDG_DATA_HOME": ""],
      status: 66),
    BadCommand(
      name: "import into a folder that has settings", args: ["import", seed, "--into", "$STORE"],
      setup: { try FileManager.default.removeItem(at: $0.appendingPathComponent("tasks.csv")) }, status: 73),
    BadCommand(
      name: "import a file that is not there", args: ["import", "/nonexistent/table.txt", "--into", "$STORE/new"],
      status: 66),
    BadCommand(
      name: "import into a folder that cannot be made", args: ["import", seed, "--into", "/dev/null/new"], status: 73),
    BadCommand(
      name: "import a table that is not UTF-8", args: ["import", "$STORE/t.txt", "--into", "$STORE/new"],
      setup: { try Data([0x31, 0xFF, 0x0A]).write(to: $0.appendingPathComponent("t.txt")) }, status: 65),
    BadCommand(
      name: "import a table without a header", args: ["import", "$STORE/t.txt", "--into", "$STORE/new"],
      setup: file("t.txt", "甲\t乙\n1\t2\n"), status: 65),
    BadCommand(
      name: "import a table without a measure column", args: ["import", "$STORE/t.txt", "--into", "$STORE/new"],
      setup: file("t.txt", "序号\t责任部门\t完成时限\n1\t法制科\t2019年8月底前\n"), status: 65),
    BadCommand(name: "no such task", args: ["show", "99"] + store, status: 66),
    BadCommand(name: "no such task among several", args: ["done", "1", "404"] + store, status: 66),
    BadCommand(name: "no such group", args: ["list", "--group", "9"] + store, status: 64),
    BadCommand(name: "several groups", args: ["list", "--group", "制度"] + store, status: 64),
    BadCommand(name: "no such department", args: ["list", "--department", "不存在"] + store, status: 64),
    BadCommand(name: "several departments", args: ["list", "--department", "科"] + store, status: 64),
    BadCommand(name: "a bad role", args: ["list", "--department", "法制科", "--role", "boss"] + store, status: 64),
    BadCommand(name: "a bad status", args: ["list", "--status", "half"] + store, status: 64),
    BadCommand(name: "a bad --since", args: ["log", "--since", "2019-13-01"] + store, status: 64),
    BadCommand(name: "a bad --on", args: ["done", "1", "--on", "soon"] + store, status: 64),
    BadCommand(name: "a bad --today", args: ["list", "--store", "$STORE", "--today", "2019-13-01"], status: 64),
    BadCommand(name: "a bad --lang", args: ["list", "--lang", "fr"] + store, status: 64),
    BadCommand(name: "no task id", args: ["done"] + store, status: 64),
    BadCommand(name: "no note text", args: ["note", "2"] + store, status: 64),
    BadCommand(name: "no --on for trigger", args: ["trigger", "15"] + store, status: 64),
    BadCommand(
      name: "trigger on a task that waits on nothing", args: ["trigger", "1", "--on", "2019-09-18"] + store, status: 65),
    BadCommand(
      name: "a new unit without both counts", args: ["staffing", "set", "新单位", "--reviewers", "3"] + store, status: 64),
    BadCommand(name: "staffing set without counts", args: ["staffing", "set", "稽查局"] + store, status: 64),
    BadCommand(
      name: "a count out of range", args: ["staffing", "set", "稽查局", "--reviewers", "99999999"] + store, status: 64),
    BadCommand(name: "a unit without a name", args: ["staffing", "set", " ", "--reviewers", "1"] + store, status: 64),
    BadCommand(name: "an unknown option", args: ["list", "--no-such-flag"] + store, status: 64),
    BadCommand(name: "an option misspelt", args: ["list", "--within", "3"] + store, status: 64),
    BadCommand(name: "a value not offered", args: ["list", "--format", "xml"] + store, status: 64),
    BadCommand(name: "a number that is not one", args: ["list", "--due-within", "soon"] + store, status: 64),
    BadCommand(name: "an argument too many", args: ["list", "extra"] + store, status: 64),
    BadCommand(name: "a flag given a value", args: ["list", "--overdue=yes"] + store, status: 64),
    BadCommand(name: "a bad screen size", args: ["tui", "--screen", "80"] + store, status: 64),
    BadCommand(name: "the dashboard without a terminal", args: ["tui"] + store, status: 64),
    BadCommand(
      name: "a git_commit that is neither on nor off", args: ["list"] + store,
      setup: edit("plan.ini", "reviewer_percent = 5", "reviewer_percent = 5\ngit_commit = maybe"), status: 65),
    BadCommand(name: "add to no such group", args: ["add", "--group", "9", "--measure", "新措施"] + store, status: 64),
    BadCommand(name: "add an empty measure", args: ["add", "--group", "1", "--measure", " "] + store, status: 64),
    BadCommand(
      name: "add a task that exists", args: ["add", "--group", "1", "--measure", "新措施", "--id", "2"] + store, status: 64
    ),
    BadCommand(
      name: "a department one character off",
      args: ["add", "--group", "1", "--measure", "新措施", "--lead", "法制料"] + store,
      status: 64),
    BadCommand(name: "--set without =", args: ["edit", "2", "--set", "列"] + store, status: 64),
    BadCommand(name: "--set on a column of the plan's", args: ["edit", "2", "--set", "measure=新"] + store, status: 64),
    BadCommand(name: "edit no such task", args: ["edit", "99", "--measure", "新"] + store, status: 66),
    BadCommand(
      name: "init with a percentage over 100", args: ["init", "$STORE/new", "--reviewer-percent", "200"], status: 64),
    BadCommand(name: "init where a store is", args: ["init", "$STORE"], status: 73),
    BadCommand(name: "a group without a name", args: ["group", "add", " "] + store, status: 64),
    BadCommand(name: "a group renamed to nothing", args: ["group", "rename", "1", " "] + store, status: 64),
    BadCommand(
      name: "a group renamed to another's name", args: ["group", "rename", "1", "行政执法公示制度工作项目组"] + store,
      status: 64),
    BadCommand(name: "rename no such department", args: ["department", "rename", "不存在", "新部门"] + store, status: 64),
    BadCommand(name: "rename no such unit", args: ["staffing", "rename", "不存在", "新单位"] + store, status: 66),
    BadCommand(
      name: "rename a unit to another's name", args: ["staffing", "rename", "稽查局", "办公室"] + store, status: 64),
    BadCommand(name: "retire no such unit", args: ["staffing", "retire", "不存在"] + store, status: 66),
    BadCommand(name: "retire no task", args: ["retire"] + store, status: 64),
    BadCommand(name: "a roll-up of nothing", args: ["rollup"], status: 64),
    BadCommand(name: "a roll-up of no such folder", args: ["rollup", "/nonexistent/stores"], status: 66),
  ]

  /// The plan's own names and texts: data, in whatever language the plan is written.
  static let data: [String] = {
    let plan = try! Store.open(Fixtures.sampleData.path).plan
    let tasks = plan.tasks.indices.map { plan.tasks[$0] }
    // With the header names a table or a store may use, which errors quote.
    return plan.groups + plan.departments + plan.staffing.map(\.name) + tasks.map(\.deadline.text)
      + ["序号", "工作措施", "责任部门", "完成时限", "具体措施", "具体举措", "单位"]
  }()

  @Test("under a Chinese locale every refusal reads in Chinese", arguments: bad)
  func chinese(_ c: BadCommand) throws {
    let r = try c.run(lang: "zh_CN.UTF-8")
    #expect(r.status == c.status, "\(r.stderr)")
    #expect(!r.stderr.isEmpty)
    #expect(Language.englishWords(in: r.stderr).isEmpty, "\(r.stderr)")
    #expect(!Language.chinese(in: r.stderr).isEmpty, "\(r.stderr)")
  }

  @Test("under an English locale every refusal reads in English", arguments: bad)
  func english(_ c: BadCommand) throws {
    let r = try c.run(lang: "C.UTF-8")
    #expect(r.status == c.status, "\(r.stderr)")
    #expect(!r.stderr.isEmpty)
    // What the user typed and the plan's own names are data; so is what an error quotes.
    let own = Language.without(LanguageTests.data + c.args, in: r.stderr).replacing(#/"[^"\n]*"/#, with: " ")
    #expect(Language.chinese(in: own).isEmpty, "\(r.stderr)")
  }

  @Test("--lang en under a Chinese locale, and --lang zh under an English one, decide the language")
  func langOption() throws {
    let zh = try BadCommand(name: "", args: ["show", "99", "--lang", "zh"] + LanguageTests.store, status: 66).run(
      lang: "C.UTF-8")
    #expect(zh.stderr.contains("没有任务“99”"))
    let en = try BadCommand(name: "", args: ["show", "99", "--lang", "en"] + LanguageTests.store, status: 66).run(
      lang: "zh_CN.UTF-8")
    #expect(en.stderr.contains("no task \"99\""))
    let help = Fixtures.run(["list", "--help", "--lang", "zh"], env: ["LANG": "C.UTF-8"])
    #expect(help.stdout.hasPrefix("概述：按紧急程度列出任务，可筛选。"))
  }

  /// Every command's path, as typed before --help.
  static let commands: [[String]] = [
    [], ["tui"], ["standup"], ["list"], ["show"], ["done"], ["reopen"], ["start"], ["block"], ["note"], ["trigger"],
    ["undo"], ["staffing"], ["staffing", "set"], ["staffing", "rename"], ["staffing", "retire"], ["log"], ["check"],
    ["import"], ["init"], ["add"], ["edit"], ["retire"], ["group"], ["group", "add"], ["group", "rename"],
    ["group", "move"], ["department"], ["department", "rename"], ["rollup"], ["report"], ["collect"],
  ]

  @Test("--help of every command in Chinese: its overview and every option's text", arguments: commands)
  func help(_ command: [String]) {
    let r = Fixtures.run(command + ["--help"], env: ["LANG": "zh_CN.UTF-8", "COLUMNS": "100"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first?.hasPrefix("概述：") == true && !Language.chinese(in: String(lines[0].dropFirst(3))).isEmpty)
    // Each option's, argument's or subcommand's line has its text in Chinese.
    for line in lines where line.hasPrefix("  ") && !line.hasPrefix("   ") {
      let parts = line.dropFirst(2).split(separator: "  ", maxSplits: 1)
      if parts.count == 2 { #expect(!Language.chinese(in: String(parts[1])).isEmpty, "\(line)") }
    }
    #expect(lines.contains("选项："))
    #expect(Language.englishWords(in: r.stdout, allowing: ["subcommand"]).isEmpty, "\(r.stdout)")
    // In English argument-parser's page is as it writes it.
    let en = Fixtures.run(command + ["--help"], env: ["LANG": "C.UTF-8"])
    #expect(en.stdout.hasPrefix("OVERVIEW: ") && en.stdout.contains("  -h, --help              Show help information."))
    // The Chinese the English help quotes: the tables' own headings, an example deadline.
    let quoted = ["三项制度", "推行任务", "具体要求", "2020年6月底前"]
    #expect(Language.chinese(in: Language.without(quoted, in: en.stdout)).isEmpty, "\(en.stdout)")
  }

  @Test("reports, confirmations and the import report under a Chinese locale have no English word")
  func reports() throws {
    let dir = Fixtures.sampleCopy()
    let s = ["--store", dir.path, "--today", "2019-09-20", "--as", "测试员"]
    let runs: [[String]] = [
      ["standup"], ["standup", "--format", "markdown"], ["list"], ["list", "--department", "征收管理科"],
      ["list", "--format", "markdown"], ["show", "2"], ["log"], ["check"], ["staffing"],
      ["staffing", "--format", "markdown"], ["done", "33", "--note", "已办结"], ["done", "33"], ["reopen", "33"],
      ["start", "2"], ["block", "5"], ["note", "2", "待确认"], ["trigger", "15", "--on", "2019-09-18"], ["undo"],
      ["staffing", "set", "稽查局", "--reviewers", "2"], ["import", seed, "--into", dir.path + "-new", "--dry-run"],
      ["import", Fixtures.seed("000").path, "--into", dir.path, "--dry-run"],
      ["tui", "--screen", "120x40", "--keys", "5 j j j j j j j j j j j j j j j j"],
      ["report"], ["report", "--format", "markdown", "--since", "2019-09-01", "--department", "法制科"],
    ]
    for args in runs {
      let r = Fixtures.run(args + s, env: ["LANG": "zh_CN.UTF-8", "SANXIANG_NOW": "2019-09-20T10:00:00+08:00"])
      #expect(r.status == 0, "\(args): \(r.stderr)")
      #expect(Language.englishWords(in: r.stdout + r.stderr).isEmpty, "\(args): \(r.stdout)")
    }
  }
}
