import Model
import Readers
import TestSupport

/// Builds large, realistic plans for the benchmarks: measures, themes and departments
/// recombined from the seed tables, every deadline kind, mixed statuses, ~40 staffing units
/// and a journal of a few thousand entries, written through the model's own encoders.
enum PlanGenerator {
  /// Deadline phrases of every kind; dated ones are made per task around the plan's dates.
  static let undated = [
    "持续开展", "长期执行", "待市局明确后，稳步推行", "税务总局出台相关制度后", "作出行政许可决定之日起7个工作日内",
    "文件公开后5个工作日", "每年3月31日", "每年1月31日前", "按相关规定要求", "另行通知", "适时",
  ]

  struct Material {
    var groups: [String] = []
    var themes: [String] = []
    var clauses: [String] = []
    var departments: [String] = []
  }

  /// Reads the seed tables (any file `TableImport` reads) into pieces to recombine.
  static func material(from files: [String]) throws(StoreError) -> Material {
    var m = Material()
    for f in files {
      let bytes = try FileIO.read(f)
      // Seed 004 is a tab-separated shape the importer may not read yet: take its cells directly.
      let r = try? TableImport.read(bytes, file: f)
      for g in r?.groups ?? [] where !m.groups.contains(g) { m.groups.append(g) }
      for t in r?.tasks ?? tabSeparated(bytes) {
        if !t.theme.isEmpty && !m.themes.contains(t.theme) { m.themes.append(t.theme) }
        for d in t.lead.units + t.support.units where !m.departments.contains(d) && d.count <= 10 {
          m.departments.append(d)
        }
        // Clauses end at Chinese commas and semicolons; each keeps its punctuation.
        var clause = ""
        for ch in t.measure {
          clause.append(ch)
          if "，；。".contains(ch) {
            m.clauses.append(clause)
            clause = ""
          }
        }
        if !clause.isEmpty { m.clauses.append(clause) }
      }
    }
    if m.groups.isEmpty { m.groups = ["综合工作项目组"] }
    // Make up to 40 units: the seeds' departments, then numbered tax offices.
    var n = 1
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    while m.departments.count < 40 {
      let name = n <= 10 ? "第\(numerals[n - 1])税务所" : "第\(n)税务分局"
      if !m.departments.contains(name) { m.departments.append(name) }
      n += 1
    }
    m.departments = Array(m.departments.prefix(40))
    return m
  }

  /// Rows of a tab-separated table (序号, 工作任务, 具体措施, 具体要求, 责任单位, 完成时限) as tasks.
  static func tabSeparated(_ bytes: [UInt8]) -> [PlanTask] {
    var out: [PlanTask] = []
    var theme = ""
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) }
      guard f.count >= 5, f[2] != "具体措施" else { continue }
      if !f[1].isEmpty { theme = f[1] }
      guard !f[2].isEmpty else { continue }
      out.append(
        PlanTask(
          id: String(out.count + 1), theme: theme, measure: f[2],
          lead: Departments(cell: f[4].replacing("（市）", with: ""))))
    }
    return out
  }

  /// Drops the HTML paragraph marks and "(3) " numbers the export left in cells.
  static func clean(_ s: String) -> String {
    var t = s.replacing("<p>", with: "").replacing("</p>", with: "")
    while let open = t.firstIndex(of: "("), let close = t[open...].firstIndex(of: ")"),
      t.distance(from: open, to: close) <= 4
    {
      t.removeSubrange(open...close)
    }
    return t.trimmingSpaces
  }

  static func measure(_ m: Material, _ rng: inout SplitMix64) -> String {
    var s = ""
    let parts = 1 + rng.below(2)
    for k in 0..<parts {
      var c = rng.pick(m.clauses)
      if k < parts - 1, let last = c.last, "。".contains(last) { c = String(c.dropLast()) + "，" }
      s += c
    }
    while let last = s.last, "，；".contains(last) { s.removeLast() }
    if let last = s.last, last != "。" { s += "。" }
    // The CSV store quotes fields with ASCII commas; keep the generated text in Chinese style.
    return s.replacing(",", with: "，")
  }

  /// Writes a new store at `folder` with `count` tasks.
  static func generate(count: Int, seed: UInt64, seeds files: [String], into folder: String) throws(StoreError) {
    let m = try material(from: files)
    var rng = SplitMix64(state: seed)
    let (settings, tasks, units) = plan(count: count, material: m, &rng)
    try Store.create(folder, settings: settings, tasks: tasks, staffing: units)
    try FileIO.replace(folder, JournalFile.name, with: journal(tasks, units, &rng))
  }

  /// A plan of `count` tasks recombined from `m`: every agency that writes its own plan gets
  /// one of these from its own seed (same ids, other measures).
  static func plan(count: Int, material m: Material, _ rng: inout SplitMix64) -> (
    PlanSettings, [PlanTask], [StaffingUnit]
  ) {
    let start = Day(year: 2019, month: 8, day: 20)!
    var tasks: [PlanTask] = []
    tasks.reserveCapacity(count)
    for k in 1...count {
      let lead = (0..<(1 + rng.below(3))).map { _ in rng.pick(m.departments) }
      var support = (0..<rng.below(4)).map { _ in rng.pick(m.departments) }
      if rng.chance(15) { support.append("其他相关部门") }
      let dl: String
      switch rng.below(10) {
      case 0..<5:
        let d = start.adding(days: rng.below(480) - 60)
        dl = rng.chance(50) ? "\(d.year)年\(d.month)月\(d.day)日前" : "\(d.year)年\(d.month)月底前"
      case 5:
        let d = start.adding(days: rng.below(480))
        dl = "\(d.year)年\(d.month)月底前完成，并持续开展"
      default:
        dl = rng.pick(undated)
      }
      var t = PlanTask(
        id: String(k), group: rng.pick(m.groups), theme: rng.pick(m.themes), measure: measure(m, &rng),
        lead: Departments(cell: lead.joined(separator: "、")),
        support: Departments(cell: support.joined(separator: "、")),
        deadline: Deadline(dl))
      switch rng.below(100) {
      case 0..<30:
        t.status = .done
        t.completedOn = start.adding(days: rng.below(30))
      case 30..<55: t.status = .inProgress
      case 55..<60: t.status = .blocked
      default: t.status = .open
      }
      if t.deadline.kind.awaitsEvent && rng.chance(40) { t.eventOn = start.adding(days: rng.below(30)) }
      if rng.chance(10) { t.note = rng.pick(m.clauses) }
      tasks.append(t)
    }
    var units: [StaffingUnit] = []
    for d in m.departments {
      let e = rng.below(80)
      units.append(
        StaffingUnit(name: d, enforcement: e, reviewers: rng.chance(70) ? (e * 5 + 99) / 100 + rng.below(2) : 0))
    }
    let settings = PlanSettings(
      title: "全面推行“三项制度”工作任务分工表（基准测试 \(count) 项）", agency: "某省税务局", reviewerPercent: 5,
      groups: m.groups, start: start)
    return (settings, tasks, units)
  }

  /// A few thousand entries that agree with the tasks' final state, oldest first.
  static func journal(_ tasks: [PlanTask], _ units: [StaffingUnit], _ rng: inout SplitMix64) -> [UInt8] {
    let people = ["王芳", "陈静", "张伟", "李娜", "刘洋"]
    var changes: [(Int, Change)] = []
    let count = 2000 + min(1000, tasks.count / 100)
    var minute = 0
    for k in 0..<count {
      let t = tasks[rng.below(tasks.count)]
      let target = ChangeTarget.task(t.id)
      let c: Change
      // Every entry's "after" is the task's (or unit's) final state, as a real history's last
      // word on it would be: the store then reads as the journal says.
      switch (k % 5, t.status) {
      case (3, _):
        let u = units[rng.below(units.count)]
        c = Change(
          op: "staffing", target: .unit(u.name),
          fields: [FieldChange(.unit(.reviewers), .count(max(0, u.reviewers - 1)), .count(u.reviewers))])
      case (_, .done):
        c = Change(
          op: "done", target: target,
          fields: [
            FieldChange(.status, .status(.open), .status(.done)),
            FieldChange(.completedOn, .none, FieldValue(t.completedOn)),
          ])
      case (_, .inProgress):
        c = Change(op: "start", target: target, fields: [FieldChange(.status, .status(.open), .status(.inProgress))])
      case (_, .blocked):
        c = Change(op: "block", target: target, fields: [FieldChange(.status, .status(.open), .status(.blocked))])
      case (_, .open) where !t.note.isEmpty:
        c = Change(op: "note", target: target, fields: [FieldChange(.note, .none, .text(t.note))])
      default:
        c = Change(op: "reopen", target: target, fields: [FieldChange(.status, .status(.inProgress), .status(.open))])
      }
      minute += 1 + rng.below(2 * 30 * 24 * 60 / count)
      changes.append((minute, c))
    }
    var out: [UInt8] = []
    let base = Day(year: 2019, month: 8, day: 20)!
    for (seq, (minute, c)) in changes.enumerated() {
      let d = base.adding(days: min(minute / (24 * 60), 30))
      let h = 8 + minute % (24 * 60) / 100 % 10
      let mm = minute % 60
      let at = "\(d)T\(h < 10 ? "0" : "")\(h):\(mm < 10 ? "0" : "")\(mm):00+08:00"
      let e = JournalEntry(seq: seq + 1, at: at, by: people[seq % people.count], change: c)
      out += Array(JournalFile.encode(e).utf8)
      out.append(0x0A)
    }
    return out
  }
}
