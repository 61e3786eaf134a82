import Foundation
import Model
import TestSupport
import Testing

private func json(_ s: String) throws -> JSON { try JSON.parse(Array(s.utf8)) }

private func items(_ j: JSON?) -> [JSON] {
  if case .array(let a)? = j { return a }
  return []
}

/// git as a fresh machine has it: no identity, no settings but the few a command gives.
@discardableResult
private func git(_ args: [String], in dir: URL, who: String? = nil) -> (status: Int32, output: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  let identity = who.map { ["-c", "user.name=\($0)", "-c", "user.email=\($0)@example.org"] } ?? []
  p.arguments = ["git", "-C", dir.path] + identity + args
  p.environment = [
    "PATH": "/usr/bin:/bin", "HOME": Fixtures.scratch("git-home").path, "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C",
  ]
  let out = Pipe()
  p.standardOutput = out
  p.standardError = out
  p.standardInput = FileHandle.nullDevice
  try! p.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

private func must(_ args: [String], in dir: URL, who: String? = nil) throws {
  let r = git(args, in: dir, who: who)
  try #require(r.status == 0, "git \(args.joined(separator: " ")): \(r.output)")
}

/// An agency's repository: a bare one standing for the server, and the agency's working
/// clone holding the sample store, with `git_commit = on`, pushed.
private func agencyRepository(_ base: URL, _ name: String) throws -> (bare: URL, work: URL) {
  let bare = base.appendingPathComponent("server/\(name).git")
  try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
  try must(["init", "--quiet", "--bare", "--initial-branch=main"], in: bare)
  let work = base.appendingPathComponent("agency/\(name)")
  try FileManager.default.createDirectory(at: work.deletingLastPathComponent(), withIntermediateDirectories: true)
  try must(["clone", "--quiet", bare.path, work.path], in: base)
  for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData.path) {
    try FileManager.default.copyItem(
      at: Fixtures.sampleData.appendingPathComponent(file), to: work.appendingPathComponent(file))
  }
  let ini = work.appendingPathComponent("plan.ini")
  try
    (Fixtures.read(ini).replacingOccurrences(of: "agency = 某区税务局", with: "agency = \(name)税务局")
    + "git_commit = on\n").write(to: ini, atomically: true, encoding: .utf8)
  try must(["checkout", "--quiet", "-b", "main"], in: work)
  try must(["add", "."], in: work)
  try must(["commit", "--quiet", "-m", "方案"], in: work, who: name)
  try must(["push", "--quiet", "origin", "main"], in: work)
  return (bare, work)
}

private func commits(_ dir: URL) -> Int {
  Int(git(["rev-list", "--count", "HEAD"], in: dir).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
}

@Suite("git as the transport", .serialized)
struct RollupGitTests {
  @Test("rollup --pull brings each clone up to date, and says which failed and why without stopping the others")
  func pull() throws {
    let base = Fixtures.scratch("pull")
    let jia = try agencyRepository(base, "甲区")
    let yi = try agencyRepository(base, "乙区")
    let city = base.appendingPathComponent("city")
    try FileManager.default.createDirectory(at: city, withIntermediateDirectories: true)
    for (name, repo) in [("甲区", jia.bare), ("乙区", yi.bare), ("丁县", yi.bare)] {
      try must(["clone", "--quiet", repo.path, city.appendingPathComponent(name).path], in: city)
    }
    // 丙县 sends its files by shared folder, not git; 丁县's server is gone.
    try FileManager.default.copyItem(at: Fixtures.sampleData, to: city.appendingPathComponent("丙县"))
    try must(
      ["remote", "set-url", "origin", base.appendingPathComponent("server/gone.git").path],
      in: city.appendingPathComponent("丁县"))

    // The agencies work and push; the city's clone of 乙区 has a commit of its own meanwhile.
    let env = ["SANXIANG_NOW": "2019-09-20T10:00:00+08:00"]
    #expect(Fixtures.run(["done", "28", "--store", jia.work.path, "--as", "王芳"], env: env).status == 0)
    #expect(Fixtures.run(["done", "2", "--store", yi.work.path, "--as", "李明"], env: env).status == 0)
    for w in [jia.work, yi.work] { try must(["push", "--quiet", "origin", "main"], in: w) }
    let cityYi = city.appendingPathComponent("乙区")
    try "会议纪要\n".write(to: cityYi.appendingPathComponent("纪要.txt"), atomically: true, encoding: .utf8)
    try must(["add", "纪要.txt"], in: cityYi)
    try must(["commit", "--quiet", "-m", "纪要"], in: cityYi, who: "市局")

    let r = Fixtures.run(
      ["rollup", city.path, "--pull", "--today", "2019-09-20", "--format", "json"], env: ["LANG": "zh_CN.UTF-8"])
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "正在拉取 4 个仓库（同时 4 个）…")
    #expect(lines.contains("拉取完毕：更新 1 个，无变化 0 个，失败 2 个，不是 git 仓库 1 个"))
    #expect(lines.contains("  \(cityYi.path)：与远程仓库分叉，无法快进；请在该文件夹里手动合并"))
    #expect(lines.contains { $0.hasPrefix("  \(city.path)/丁县：无法连接远程仓库（") })
    // 甲区's clone now holds what the agency pushed, and the report reads it.
    #expect(
      git(["rev-parse", "HEAD"], in: city.appendingPathComponent("甲区")).output
        == git(["rev-parse", "HEAD"], in: jia.work).output)
    let agencies = items(try json(r.stdout)["agencies"])
    func figure(_ store: URL, _ key: String) -> JSON? { agencies.first { $0["store"] == .string(store.path) }?[key] }
    func own(_ store: URL) throws -> JSON {
      .int(
        items(
          try json(
            Fixtures.run(["list", "--store", store.path, "--status", "done", "--format", "json"]).stdout)["tasks"]
        ).count)
    }
    #expect(figure(city.appendingPathComponent("甲区"), "done") == (try own(jia.work)))
    // 乙区's clone could not move: it still shows what it held, not what the agency pushed.
    #expect(figure(cityYi, "done") == (try own(cityYi)))
    #expect(figure(cityYi, "done") != (try own(yi.work)))
    #expect(agencies.count == 4)

    let english = Fixtures.run(["rollup", city.path, "--pull", "--today", "2019-09-20", "--lang", "en"])
    #expect(english.stderr.contains("\(cityYi.path): diverged from the remote"))
    #expect(english.stderr.contains("pulled: 0 updated, 1 up to date, 2 failed, 1 not git clones"))
  }

  @Test("git_commit = on: every save is one commit, its message the journal's summary, its author the journal's by")
  func commitPerSave() throws {
    let base = Fixtures.scratch("commit")
    let store = try agencyRepository(base, "甲区").work
    let start = commits(store)
    let zh = ["LANG": "zh_CN.UTF-8", "SANXIANG_NOW": "2019-09-20T10:00:00+08:00"]
    #expect(Fixtures.run(["done", "28", "--store", store.path, "--as", "王芳"], env: zh).status == 0)
    #expect(Fixtures.run(["note", "2", "已报送", "--store", store.path, "--as", "李明"], env: zh).status == 0)
    #expect(
      Fixtures.run(["staffing", "set", "稽查局", "--reviewers", "3", "--store", store.path, "--as", "赵强"], env: zh).status
        == 0)
    #expect(Fixtures.run(["undo", "--store", store.path, "--as", "王芳"], env: zh).status == 0)
    #expect(commits(store) == start + 4)
    // Nothing left uncommitted: each save's files went into its commit.
    #expect(git(["status", "--porcelain"], in: store).output == "")
    let log = git(["log", "-4", "--reverse", "--format=%an|%s"], in: store).output.split(separator: "\n")
    let journal = try Store.open(store.path).plan.journal.suffix(4)
    let words = Phrases(.zh)
    #expect(log.map(String.init) == journal.map { "\($0.by)|\(words.entrySummary($0))" })
    #expect(log.first?.hasPrefix("王芳|完成 任务 28：状态 未开始 → 已完成") == true)
    let files = git(["show", "--name-only", "--format=", "HEAD~3"], in: store).output.split(separator: "\n")
    #expect(Set(files) == ["journal.jsonl", "tasks.csv"])
    let unitFiles = git(["show", "--name-only", "--format=", "HEAD~1"], in: store).output.split(separator: "\n")
    #expect(Set(unitFiles) == ["journal.jsonl", "staffing.csv"])
  }

  @Test(
    "without git_commit a save makes no commit; outside a repository the save stands and says why it was not committed")
  func noCommit() throws {
    let base = Fixtures.scratch("nocommit")
    let store = try agencyRepository(base, "甲区").work
    let ini = store.appendingPathComponent("plan.ini")
    try Fixtures.read(ini).replacingOccurrences(of: "git_commit = on", with: "git_commit = off").write(
      to: ini, atomically: true, encoding: .utf8)
    let start = commits(store)
    #expect(Fixtures.run(["done", "28", "--store", store.path]).status == 0)
    #expect(commits(store) == start)

    let loose = Fixtures.sampleCopy()
    try (Fixtures.read(loose.appendingPathComponent("plan.ini")) + "git_commit = on\n").write(
      to: loose.appendingPathComponent("plan.ini"), atomically: true, encoding: .utf8)
    let r = Fixtures.run(["done", "28", "--store", loose.path], env: ["LANG": "zh_CN.UTF-8"])
    #expect(r.status == 0)
    #expect(r.stderr == "sanxiang: 已保存，但未能提交到 git：不在任何 git 仓库里\n")
    #expect(try Store.open(loose.path).plan.task("28")?.status == .done)
    #expect(Fixtures.run(["check", "--store", loose.path, "--lang", "en"]).stdout.contains("0 warnings"))
  }
}
