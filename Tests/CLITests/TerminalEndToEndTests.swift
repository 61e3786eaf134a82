import Foundation
import Model
import TestSupport
import Testing

/// Drives the real binary in a real terminal (tmux), to prove the ncurses seam.
final class Tmux {
  let socket = "sx-\(UUID().uuidString.prefix(8))"
  let session = "e2e"

  init(width: Int, height: Int) throws {
    try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is needed (CI installs it)")
    run([
      "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
      "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=screen-256color LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no PS1='$ ' bash --norc --noprofile",
    ])
    run(["set-option", "-t", session, "status", "off"])
  }

  /// Runs one tmux client and waits for it alone (posix_spawn + waitpid: Foundation's Process
  /// can hang on the client that starts the server).
  @discardableResult
  func run(_ args: [String], capture: Bool = false) -> String {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
    defer { unlink(out) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, capture ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = (["tmux", "-L", socket] + args).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    // The test runner blocks signals in its threads; the terminal's programs must not inherit that.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/usr/bin/tmux", &actions, &attr, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return capture ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
  }

  func keys(_ k: String...) { run(["send-keys", "-t", session] + k) }

  func type(_ text: String) { run(["send-keys", "-t", session, "-l", text]) }

  var screen: String { run(["capture-pane", "-p", "-t", session], capture: true) }

  /// Waits until the screen shows `text` (up to 15 s); returns the screen.
  @discardableResult
  func wait(for text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    var s = ""
    for _ in 0..<150 {
      s = screen
      if s.contains(text) { return s }
      usleep(100_000)
    }
    Issue.record("timed out waiting for \"\(text)\"; screen:\n\(s)", sourceLocation: sourceLocation)
    return s
  }

  /// The process whose command line mentions `text` (the store's unique path).
  static func pid(of text: String) -> pid_t? {
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let pid = pid_t(entry), pid != getpid(),
        let cmd = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
      else { continue }
      let args = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      if args.first?.hasSuffix("/sanxiang") == true && args.contains(text) { return pid }
    }
    return nil
  }

  /// Waits until `text` is gone from the screen (the dashboard has given the terminal back).
  func waitGone(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for _ in 0..<150 {
      if !screen.contains(text) { return }
      usleep(100_000)
    }
    Issue.record("\"\(text)\" is still on the screen", sourceLocation: sourceLocation)
  }

  deinit { run(["kill-server"]) }
}

@Suite("The dashboard in a real terminal", .serialized)
struct TerminalEndToEndTests {
  @Test("open the sample store, go to a department, mark a task done, quit: one row, one entry, a normal shell")
  func markDoneInTmux() throws {
    let dir = Fixtures.sampleCopy()
    let tasksBefore = Fixtures.read(dir.appendingPathComponent("tasks.csv")).components(separatedBy: "\n")
    let journalBefore = Fixtures.read(dir.appendingPathComponent("journal.jsonl")).components(separatedBy: "\n").count
    let t = try Tmux(width: 100, height: 30)
    t.type(
      "stty -g > \(dir.path)/stty.before; \(Fixtures.binary.path) --store \(dir.path) --today 2019-09-20 --lang zh --as 终端"
    )
    t.keys("Enter")
    t.wait(for: "1 每日例会")
    t.keys("3")
    t.wait(for: "部门 牵头/配合/逾期")
    t.keys("j", "j", "Enter")
    t.wait(for: "征收管理科 · 16 项")
    t.keys("j", "Space")
    t.wait(for: "✓ 任务 18 已完成（2019-09-20）")
    t.keys("q")
    t.waitGone("1 每日例会")
    t.type("stty -g > \(dir.path)/stty.after; echo SHELL-$((40+2))")
    t.keys("Enter")
    let after = t.wait(for: "SHELL-42")
    #expect(!after.contains("每日例会"), "the dashboard is gone from the screen")
    let tasksAfter = Fixtures.read(dir.appendingPathComponent("tasks.csv")).components(separatedBy: "\n")
    let changed = (0..<tasksBefore.count).filter { tasksBefore[$0] != tasksAfter[$0] }
    #expect(changed.count == 1)
    #expect(tasksAfter[changed.first ?? 0].hasPrefix("18,"))
    #expect(tasksAfter[changed.first ?? 0].contains(",done,2019-09-20,"))
    let journal = Fixtures.read(dir.appendingPathComponent("journal.jsonl")).components(separatedBy: "\n")
    #expect(journal.count == journalBefore + 1)
    #expect(journal[journal.count - 2].contains("\"by\":\"终端\""))
    #expect(
      Fixtures.read(dir.appendingPathComponent("stty.before"))
        == Fixtures.read(dir.appendingPathComponent("stty.after")))
  }

  @Test("a note saved by `sanxiang note` while the dashboard's note is typed is not saved over: refused, the text kept")
  func noteConflictInTmux() throws {
    let dir = Fixtures.sampleCopy()
    let t = try Tmux(width: 100, height: 40)
    t.type("\(Fixtures.binary.path) --store \(dir.path) --today 2019-09-20 --lang zh --as 终端")
    t.keys("Enter")
    t.wait(for: "1 每日例会")
    t.keys("Enter", "n", "C-u")
    t.type("名单已确认")
    t.wait(for: "任务 2 备注：名单已确认")
    // A colleague's note, saved while this one is typed; the dashboard's poll reads it again.
    let r = Fixtures.run(["note", "2", "联络员名单待发文", "--store", dir.path, "--as", "王芳"])
    #expect(r.status == 0)
    t.wait(for: "联络员名单待发文")
    t.keys("Enter")
    let refused = t.wait(for: "未保存：王芳（")
    #expect(refused.contains("已把任务 2 的备注改为“联络员名单待发文”"))
    #expect(refused.contains("任务 2 备注：名单已确认"))
    let store = { () throws -> Plan in try Store.open(dir.path).plan }
    #expect(try store().task("2")?.note == "联络员名单待发文")
    #expect(try !store().journal.contains { $0.by == "终端" })
    // Enter again, now that it was shown: saved over it, with theirs as the journal's "before".
    t.keys("Enter")
    t.wait(for: "✎ 任务 2 备注已保存")
    #expect(try store().task("2")?.note == "名单已确认")
    #expect(try store().journal.last?.change.fields == [FieldChange(.note, .text("联络员名单待发文"), .text("名单已确认"))])
    t.keys("q")
    t.waitGone("1 每日例会")
  }

  @Test("Ctrl-C and SIGTERM give the terminal back as it was found", arguments: ["C-c", "TERM"])
  func signals(_ how: String) throws {
    let dir = Fixtures.sampleCopy()
    let t = try Tmux(width: 90, height: 26)
    t.type(
      "stty -g > \(dir.path)/stty.before; \(Fixtures.binary.path) --store \(dir.path) --today 2019-09-20 --lang en")
    t.keys("Enter")
    t.wait(for: "1 Stand-up")
    if how == "C-c" {
      t.keys("C-c")
    } else {
      let pid = try #require(Tmux.pid(of: dir.path))
      kill(pid, SIGTERM)
    }
    t.waitGone("1 Stand-up")
    t.type("stty -g > \(dir.path)/stty.after; echo BACK-$((1+1))")
    t.keys("Enter")
    let after = t.wait(for: "BACK-2")
    #expect(!after.contains("1 Stand-up"))
    #expect(
      Fixtures.read(dir.appendingPathComponent("stty.before"))
        == Fixtures.read(dir.appendingPathComponent("stty.after")))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".sanxiang.lock").path))
  }

  @Test("without a terminal the dashboard refuses, names the subcommands, and exits 64")
  func notATerminal() {
    let r = Fixtures.run(["--store", Fixtures.sampleData.path, "--lang", "en"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("the dashboard needs a terminal"))
    #expect(r.stderr.contains("standup, list, show, done"))
    #expect(r.stdout.isEmpty)
  }
}
