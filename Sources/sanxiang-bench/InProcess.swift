import Model
import TUI

#if canImport(Glibc)
  import Glibc
#endif

/// Timers for work inside one process: loading a store, and the dashboard's frames.
enum InProcess {
  /// Monotonic nanoseconds.
  static func now() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }

  static func ms(_ ns: UInt64) -> Double { Double(ns) / 1e6 }

  /// The value at quantile `q` (nearest rank) of unsorted samples.
  static func quantile(_ xs: [Double], _ q: Double) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    let rank = Int((q * Double(s.count)).rounded(.up)) - 1
    return s[max(0, min(s.count - 1, rank))]
  }

  static func summary(_ xs: [Double]) -> JSON {
    .object([
      ("count", .int(xs.count)), ("p50_us", .int(Int(quantile(xs, 0.5) * 1000))),
      ("p99_us", .int(Int(quantile(xs, 0.99) * 1000))), ("max_us", .int(Int((xs.max() ?? 0) * 1000))),
    ])
  }

  /// `Store.open` timed `runs` times in this process.
  static func load(store: String, runs: Int) -> JSON {
    var times: [Double] = []
    var tasks = 0
    for _ in 0..<max(1, runs) {
      let t0 = now()
      guard let s = try? Store.open(store) else { return .null }
      times.append(ms(now() - t0))
      tasks = s.plan.tasks.count
    }
    // The first load pays for what later ones find ready (memory from the system, runtime
    // type data, threads): it is what a command pays, so it is reported on its own.
    return .object([
      ("tasks", .int(tasks)), ("first_ms", .string(String(times[0]))),
      ("median_ms", .string(String(quantile(times, 0.5)))), ("min_ms", .string(String(times.min()!))),
      ("max_ms", .string(String(times.max()!))),
    ])
  }

  /// Each derived structure the dashboard builds for a plan, timed on its own.
  static func phases(store folder: String, today: Day) throws(StoreError) -> JSON {
    let store = try Store.open(folder)
    let plan = store.plan
    var out: [(String, JSON)] = []
    func time<T>(_ name: String, _ body: () -> T) -> T {
      let t0 = now()
      let v = body()
      out.append((name, .string(String(ms(now() - t0)))))
      return v
    }
    let a = time("agenda") { Agenda(plan: plan, today: today) }
    _ = time("department_table") { a.departmentTable() }
    _ = time("groups") { plan.groups }
    _ = time("group_progress") { a.progress(ofGroups: plan.groups) }
    _ = time("standup_figures") { StandupFigures(a) }
    _ = time("search_text") { SearchText(plan.tasks) }
    _ = time("app_state") { AppState(plan: plan, today: today, lang: .zh, width: 120, height: 40) }
    if let open = plan.tasks.first(where: { $0.status != .done }), let change = plan.markDone(open.id, on: today) {
      _ = time("commit") { try? store.commit([change], by: "bench") }
      if let undo = store.plan.undoCandidate() {
        _ = time("commit_undo") { try? store.commit([undo.change], by: "bench") }
      }
    }
    return .object(out)
  }

  /// Cells that differ from the last frame: what the ncurses backend would send.
  static func diff(_ a: Grid, _ b: Grid?) -> Int {
    guard let b, b.width == a.width, b.height == a.height else { return a.cells.count }
    var n = 0
    for k in a.cells.indices where a.cells[k] != b.cells[k] { n += 1 }
    return n
  }

  /// What a person does at the morning stand-up, as kinds of key presses, repeated.
  static func script(round r: Int) -> [(kind: String, key: Key)] {
    var out: [(String, Key)] = []
    func add(_ kind: String, _ words: String) {
      for w in words.split(separator: " ") { out.append((kind, Key(script: String(w))!)) }
    }
    add("switch view", "1")
    add("move", "enter j j j j j j j j k k")
    add("page", "pgdn pgdn pgup")
    add("mark done", "space")
    add("move", "j j j")
    add("switch view", "2")
    add("move", "j")
    add("drill in", "enter")
    add("page", "pgdn pgdn pgdn")
    add("move", "j j k")
    add("switch view", "3")
    for _ in 0..<(r % 7) { add("move", "j") }
    add("drill in", "enter")
    add("move", "j j j j")
    add("page", "pgdn")
    add("search", "/")
    for ch in ["制", "度", "审", "核"] { out.append(("search keystroke", .char(Character(ch)))) }
    add("search keystroke", "bksp")
    add("search", "esc")
    add("switch view", "5")
    add("move", "j j")
    add("switch view", "4")
    add("move", "j j")
    return out
  }

  /// Opens the store, draws the first frame, then times each key press to its frame:
  /// `update` (and the save, for mark done), `render`, and the diff against the last frame.
  static func dashboard(store folder: String, today: Day, width: Int, height: Int, presses: Int) throws(StoreError)
    -> JSON
  {
    let t0 = now()
    let store = try Store.open(folder)
    let t1 = now()
    let term = ScriptedTerminal(width: width, height: height)
    let d = Dashboard(store: store, terminal: term, today: today, who: "bench", lang: .zh)
    let t2 = now()
    var last = render(d.state)
    _ = diff(last, nil)
    let t3 = now()
    var byKind: [String: [Double]] = [:]
    var all: [Double] = []
    var kinds: [String] = []
    var cells = 0
    var r = 0
    while all.count < presses {
      for (kind, key) in script(round: r) {
        let a = now()
        d.send(.key(key))
        let g = render(d.state)
        cells += diff(g, last)
        last = g
        let t = ms(now() - a)
        if byKind[kind] == nil { kinds.append(kind) }
        byKind[kind, default: []].append(t)
        all.append(t)
      }
      r += 1
    }
    return .object([
      ("tasks", .int(store.plan.tasks.count)), ("size", .string("\(width)x\(height)")),
      ("open_ms", .string(String(ms(t1 - t0)))), ("state_ms", .string(String(ms(t2 - t1)))),
      ("render_ms", .string(String(ms(t3 - t2)))), ("first_frame_ms", .string(String(ms(t3 - t0)))),
      ("keys", summary(all)),
      ("keys_without_saves", summary(kinds.filter { $0 != "mark done" }.flatMap { byKind[$0]! })),
      ("changed_cells", .int(cells)),
      ("by_kind", .object(kinds.map { ($0, summary(byKind[$0]!)) })),
    ])
  }
}
