import Model
import TUI
import TestSupport

/// Builds a province's worth of agency stores for the roll-up benchmark: every agency runs a
/// copy of one plan made from the seeds (same ids, measures, departments and deadlines, as
/// copies of a city's plan are), each at its own pace, with its own staffing and journal, a
/// few of them quiet for weeks. Also one store holding all of their tasks, renumbered, with
/// all their units and journals: the single-store stand-up the roll-up is measured against.
enum AgencyGenerator {
  static let today = Day(year: 2019, month: 9, day: 20)!
  static let start = Day(year: 2019, month: 8, day: 20)!

  /// Writes `count` stores of `tasks` tasks each into `folder`/NNN, and the combined store
  /// into `single` when given. With `differ`, each agency writes its own plan (as each county
  /// does): the same ids 1…N, measures of its own, so that the measures matrix has a row per
  /// agency's measure rather than one per measure of a shared plan.
  static func generate(
    count: Int, tasks: Int, seed: UInt64, seeds files: [String], into folder: String, single: String?,
    differ: Bool = false
  ) throws(StoreError) {
    // The plan every agency copies: the benchmark's generator, read back.
    let template = folder + "/.template"
    try PlanGenerator.generate(count: tasks, seed: seed, seeds: files, into: template)
    let plan = try Store.open(template).plan
    let material = differ ? try PlanGenerator.material(from: files) : PlanGenerator.Material()
    var rng = SplitMix64(state: seed ^ 0x5A4E_5849_414E_4731)
    var all: (tasks: [PlanTask], units: [StaffingUnit], journal: [JournalEntry]) = ([], [], [])
    for k in 1...count {
      let agency = "某省第\(k)区税务局"
      var own = plan
      if differ {
        // Not seed + k·γ: SplitMix64 steps its state by γ, so those would be one sequence shifted.
        var planRng = SplitMix64(state: seed ^ (UInt64(k) &* 0xD1B5_4A32_D192_ED03))
        let (s, t, u) = PlanGenerator.plan(count: tasks, material: material, &planRng)
        own = Plan(settings: s, tasks: t, staffing: u)
      }
      let made = agencyStore(own, agency: agency, &rng)
      try Store.create(
        folder + "/" + String(format3(k)), settings: settings(own, agency: agency), tasks: made.tasks,
        staffing: made.units)
      try FileIO.replace(folder + "/" + format3(k), JournalFile.name, with: encode(made.journal))
      if single != nil {
        // Ids renumbered past every earlier agency's, so the ids stay plain numbers.
        let offset = (k - 1) * tasks
        for var t in made.tasks {
          t.id = String(offset + Int(t.id)!)
          all.tasks.append(t)
        }
        all.units += made.units.map {
          StaffingUnit(name: "\(agency)·\($0.name)", enforcement: $0.enforcement, reviewers: $0.reviewers)
        }
        all.journal += made.journal.map { e in
          var e = e
          switch e.change.target {
          case .task(let id): e.change.target = .task(String(offset + Int(id)!))
          case .unit(let u): e.change.target = .unit("\(agency)·\(u)")
          case .plan: break
          }
          return e
        }
      }
    }
    // The template stays, hidden: a roll-up skips folders whose names start with a dot.
    guard let single else { return }
    var settings = settings(plan, agency: "某省税务局（\(count) 个区局合并）")
    settings.title += "（\(count * tasks) 项）"
    try Store.create(single, settings: settings, tasks: all.tasks, staffing: all.units)
    // One journal in time order, as one store's would be.
    let journal = all.journal.sorted { $0.at < $1.at }.enumerated().map { k, e in
      JournalEntry(seq: k + 1, at: e.at, by: e.by, change: e.change, message: e.message)
    }
    try FileIO.replace(single, JournalFile.name, with: encode(journal))
  }

  static func format3(_ k: Int) -> String { k < 10 ? "00\(k)" : k < 100 ? "0\(k)" : "\(k)" }

  static func settings(_ plan: Plan, agency: String) -> PlanSettings {
    var s = plan.settings
    s.agency = agency
    return s
  }

  static func encode(_ entries: [JournalEntry]) -> [UInt8] {
    var out: [UInt8] = []
    for e in entries {
      out += Array(JournalFile.encode(e).utf8)
      out.append(0x0A)
    }
    return out
  }

  /// One agency's copy: its pace sets how much is done and started; its staffing is its own;
  /// its journal records each task's way to its state, ending on its last working day
  /// (weeks ago for one agency in ten: not reporting).
  static func agencyStore(_ plan: Plan, agency: String, _ rng: inout SplitMix64) -> (
    tasks: [PlanTask], units: [StaffingUnit], journal: [JournalEntry]
  ) {
    let pace = 10 + rng.below(70)
    let quiet = rng.chance(10)
    let lastDay = quiet ? today.adding(days: -(15 + rng.below(30))) : today.adding(days: -rng.below(3))
    let span = max(1, start.days(until: lastDay))
    let names = ["王芳", "陈静", "张伟", "李娜", "刘洋", "赵强", "孙丽"]
    let first = rng.below(names.count)
    let people = names[first...] + names[..<first]
    var tasks: [PlanTask] = []
    var journal: [(Int, Change)] = []
    for var t in plan.tasks {
      t.status = .open
      t.completedOn = nil
      let roll = rng.below(100)
      let day = start.adding(days: rng.below(span + 1))
      if roll < pace {
        t.status = .done
        t.completedOn = day
        journal.append(
          (
            day.ordinal,
            Change(
              op: "done", target: .task(t.id),
              fields: [
                FieldChange(.status, .status(.open), .status(.done)), FieldChange(.completedOn, .none, .day(day)),
              ])
          ))
      } else if roll < pace + (100 - pace) * 2 / 5 {
        t.status = .inProgress
        journal.append(
          (
            day.ordinal,
            Change(
              op: "start", target: .task(t.id), fields: [FieldChange(.status, .status(.open), .status(.inProgress))])
          ))
      } else if roll < pace + (100 - pace) * 2 / 5 + 3 {
        t.status = .blocked
        journal.append(
          (
            day.ordinal,
            Change(op: "block", target: .task(t.id), fields: [FieldChange(.status, .status(.open), .status(.blocked))])
          ))
      }
      tasks.append(t)
    }
    var units: [StaffingUnit] = []
    for u in plan.staffing {
      let e = max(0, u.enforcement + rng.below(21) - 10)
      let needed = (e * 5 + 99) / 100
      let r = rng.chance(75) ? needed + rng.below(2) : max(0, needed - 1 - rng.below(2))
      units.append(StaffingUnit(name: u.name, enforcement: e, reviewers: r))
      if r != u.reviewers && rng.chance(30) {
        let day = start.adding(days: rng.below(span + 1))
        journal.append(
          (
            day.ordinal,
            Change(
              op: "staffing", target: .unit(u.name),
              fields: [FieldChange(.unit(.reviewers), .count(u.reviewers), .count(r))])
          ))
      }
    }
    // The last working day always has an entry: that is when the agency last reported.
    if !journal.isEmpty { journal[rng.below(journal.count)].0 = lastDay.ordinal }
    journal.sort { $0.0 < $1.0 }
    let entries = journal.enumerated().map { k, item in
      let minute = 9 * 60 + (k * 7) % (8 * 60)
      let at = "\(Day(ordinal: item.0))T\(two(minute / 60)):\(two(minute % 60)):00+08:00"
      return JournalEntry(seq: k + 1, at: at, by: people[people.startIndex + k % people.count], change: item.1)
    }
    return (tasks, units, entries)
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension InProcess {
  /// A roll-up's phases timed in one process: finding the stores, reading them (on
  /// `threads` threads), and writing the JSON report.
  static func rollup(_ dirs: [String], threads: Int) throws(RollupError) -> JSON {
    let t0 = now()
    let folders = try StoreDiscovery.find(dirs)
    let t1 = now()
    let r = Rollup.read(folders, today: AgencyGenerator.today, threads: threads)
    let t2 = now()
    var out: [UInt8] = []
    r.writeJSON(words: EnglishWords(), into: &out)
    let t3 = now()
    // The roll-up dashboard's first frame: its state (agencies ranked, the measures matrix,
    // the staffing rows) and drawing it, after the same read.
    let frame = render(RollupState(rollup: r, lang: .zh, width: 120, height: 40))
    let t4 = now()
    return .object([
      ("stores", .int(folders.count)), ("threads", .int(threads)), ("find_ms", .string(String(ms(t1 - t0)))),
      ("read_ms", .string(String(ms(t2 - t1)))), ("json_ms", .string(String(ms(t3 - t2)))),
      ("json_bytes", .int(out.count)), ("dashboard_frame_ms", .string(String(ms(t4 - t3)))),
      ("first_frame_ms", .string(String(ms(t4 - t0 - (t3 - t2))))), ("frame_cells", .int(frame.cells.count)),
    ])
  }
}
