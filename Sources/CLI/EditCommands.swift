import ArgumentParser
import Model

/// Shared by the commands that change tasks: resolve ids first (all or nothing), then save
/// every change in one commit and say what happened.
enum Edit {
  static func run(
    _ global: GlobalOptions, ids: [String], make: (Plan, String, Context) throws -> Change?,
    said: (Context, PlanTask) -> String, unchanged: (Context, PlanTask) -> String
  ) throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      for id in ids where store.plan.index(of: id) == nil { throw Reports.noTask(id) }
      var changes: [Change] = []
      var quiet: [String] = []
      for id in ids {
        if let c = try make(store.plan, id, ctx) { changes.append(c) } else { quiet.append(id) }
      }
      try store.commit(changes, by: ctx.who)
      for c in changes {
        if case .task(let id) = c.target, let t = store.plan.task(id) { Console.out(said(ctx, t)) }
      }
      for id in quiet { if let t = store.plan.task(id) { Console.out(unchanged(ctx, t)) } }
    }
  }

  static func brief(_ t: PlanTask) -> String { t.measure.inert.truncated(toWidth: 40) }
}

struct Done: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "done", abstract: "Mark tasks done (dated today, or --on).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Task ids.") var ids: [String]
  @Option(help: "A note to keep with the task (replaces its note).") var note: String?
  @Option(help: ArgumentHelp("The day it was completed (default: today).", valueName: "date")) var on: String?

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one task id") }
    if let on, Day(iso: on) == nil { throw ValidationError("--on must be a date like 2019-09-20") }
  }

  func run() throws {
    try Edit.run(
      global, ids: ids,
      make: { plan, id, ctx in plan.markDone(id, on: on.flatMap { Day(iso: $0) } ?? ctx.today, note: note) },
      said: { ctx, t in
        ctx.lang.pick(
          "✓ \(t.id) 已完成（\(t.completedOn!)）：\(Edit.brief(t))", "✓ \(t.id) done (\(t.completedOn!)): \(Edit.brief(t))")
      },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 早已完成，未作改动", "\(t.id) was already done; nothing changed") })
  }
}

struct Reopen: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Mark tasks not done again (open).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Task ids.") var ids: [String]

  func run() throws {
    try Edit.run(
      global, ids: ids, make: { plan, id, _ in plan.setStatus(id, .open) },
      said: { ctx, t in ctx.lang.pick("↺ \(t.id) 已重新打开：\(Edit.brief(t))", "↺ \(t.id) reopened: \(Edit.brief(t))") },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 本来就未完成，未作改动", "\(t.id) was already open; nothing changed") })
  }
}

struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark tasks in progress.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Task ids.") var ids: [String]

  func run() throws {
    try Edit.run(
      global, ids: ids, make: { plan, id, _ in plan.setStatus(id, .inProgress) },
      said: { ctx, t in ctx.lang.pick("▶ \(t.id) 进行中：\(Edit.brief(t))", "▶ \(t.id) in progress: \(Edit.brief(t))") },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 已在进行中", "\(t.id) was already in progress") })
  }
}

struct Block: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "block", abstract: "Mark tasks blocked, with an optional note saying why.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Task ids.") var ids: [String]
  @Option(help: "Why it is blocked (replaces the task's note).") var note: String?

  func run() throws {
    try Edit.run(
      global, ids: ids, make: { plan, id, _ in plan.setStatus(id, .blocked, note: note) },
      said: { ctx, t in ctx.lang.pick("■ \(t.id) 受阻：\(Edit.brief(t))", "■ \(t.id) blocked: \(Edit.brief(t))") },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 已是受阻状态", "\(t.id) was already blocked") })
  }
}

struct Note: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note", abstract: "Set a task's note (an empty text clears it).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The task's id.") var id: String
  @Argument(help: "The note.") var text: String

  func run() throws {
    try Edit.run(
      global, ids: [id], make: { plan, id, _ in plan.setNote(id, text) },
      said: { ctx, t in ctx.lang.pick("✎ \(t.id) 备注已保存", "✎ \(t.id) note saved") },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 备注未变", "\(t.id) note unchanged") })
  }
}

struct Trigger: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trigger",
    abstract: "Record that the event a task waits on happened; a within-N-days task gets its due date.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The task's id.") var id: String
  @Option(help: ArgumentHelp("The day the event happened.", valueName: "date")) var on: String

  func validate() throws {
    if Day(iso: on) == nil { throw ValidationError("--on must be a date like 2019-09-20") }
  }

  func run() throws {
    try Edit.run(
      global, ids: [id],
      make: { plan, id, _ in
        guard let t = plan.task(id), t.deadline.kind.awaitsEvent else {
          throw StoreError(
            .badData,
            "task \(id) does not wait on an event (its deadline reads \"\(plan.task(id)?.deadline.text ?? "")\")")
        }
        return plan.trigger(id, on: Day(iso: on)!)
      },
      said: { ctx, t in
        let a = Agenda(plan: Plan(settings: PlanSettings(), tasks: [t]), today: ctx.today)
        return ctx.lang.pick("⚑ \(t.id) 已记录触发（\(on)）：", "⚑ \(t.id) triggered on \(on): ") + ctx.phrases.reading(a, 0)
      },
      unchanged: { ctx, t in ctx.lang.pick("\(t.id) 已记录过该触发日期", "\(t.id) already has that event date") })
  }
}

struct Undo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo", abstract: "Revert the latest change in the journal.")
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      guard let (entry, change) = store.plan.undoCandidate() else {
        Console.out(ctx.lang.pick("没有可撤销的改动。", "Nothing to undo."))
        return
      }
      try store.commit([change], by: ctx.who)
      let p = ctx.phrases
      Console.out(
        ctx.lang.pick(
          "↶ 已撤销 #\(entry.seq)（\(entry.by) 的\(p.operation(entry.change.op))，\(p.target(entry.change.target))）：\(p.changes(change))",
          "↶ undid #\(entry.seq) (\(p.operation(entry.change.op)) by \(entry.by), \(p.target(entry.change.target))): \(p.changes(change))"
        ).inert)
    }
  }
}

struct Staffing: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staffing",
    abstract: "Each unit's legal reviewers against the reviewer rule (5% unless the plan says otherwise).",
    subcommands: [StaffingSet.self, StaffingRename.self, StaffingRetire.self])
  @OptionGroup var global: GlobalOptions
  @Option(help: "text, json, markdown or csv.") var format: Format = .text

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let plan = store.plan
      switch format {
      case .json: Console.out(Shapes.staffing(plan).rendered(pretty: true))
      case .csv:
        Console.out("unit,enforcement,reviewers,required,shortfall,compliant")
        for c in plan.staffingChecks() {
          Console.out(
            String(
              decoding: CSVDocument.encode([
                c.unit, String(c.enforcement), String(c.reviewers), c.required.map(String.init) ?? "",
                String(c.shortfall), c.compliant.map { $0 ? "true" : "false" } ?? "",
              ]), as: UTF8.self))
        }
      case .text, .markdown:
        Reports.staffing(plan, ctx: ctx, markdown: format == .markdown)
      }
    }
  }
}

struct StaffingSet: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Set a unit's counts (adds the unit if it is new).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The unit's name.") var unit: String
  @Option(help: "Staff doing enforcement work.") var enforcement: Int?
  @Option(help: "Staff in legal-review posts.") var reviewers: Int?
  @Flag(help: "A name that is almost an existing unit's is meant as a new unit.") var new = false

  func validate() throws {
    for (name, v) in [("enforcement", enforcement), ("reviewers", reviewers)] {
      if let v, v < 0 || v > StaffingUnit.maxCount {
        throw ValidationError("--\(name) must be a whole number from 0 to \(StaffingUnit.maxCount)")
      }
    }
    if enforcement == nil && reviewers == nil { throw ValidationError("give --enforcement, --reviewers or both") }
    if unit.trimmingSpaces.isEmpty || unit.contains(where: { $0.isNewline }) {
      throw ValidationError("give the unit's name")
    }
  }

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let name = unit.trimmingSpaces
      if store.plan.unitIndex(name) == nil && !new {
        try PlanEdit.checkNames([name], known: store.plan.staffing.map(\.name), ctx: ctx)
      }
      if store.plan.unitIndex(name) == nil && (enforcement == nil || reviewers == nil) {
        throw StoreError(.badData, "\(name) is a new unit: give both --enforcement and --reviewers")
      }
      guard let change = store.plan.setStaffing(name, enforcement: enforcement, reviewers: reviewers) else {
        Console.out(ctx.lang.pick("\(name) 人数未变", "\(name) unchanged"))
        return
      }
      try store.commit([change], by: ctx.who)
      let check = store.plan.staffingChecks().first { $0.unit == name }!
      let verdict =
        check.compliant == false
        ? ctx.lang.pick("缺 \(check.shortfall) 人", "short by \(check.shortfall)") : ctx.lang.pick("达标", "compliant")
      Console.out(
        ctx.lang.pick(
          "\(name)：执法 \(check.enforcement) 人，审核 \(check.reviewers) 人，应配 \(check.required.map(String.init) ?? "—") 人，\(verdict)",
          "\(name): \(check.enforcement) enforcement, \(check.reviewers) reviewers, \(check.required.map(String.init) ?? "—") required, \(verdict)"
        ).inert)
    }
  }
}
