import ArgumentParser
import Model

/// Shared by the commands that change tasks: resolve ids first (all or nothing), then save
/// every change in one commit and say what happened.
enum Edit {
  static func run(
    _ global: GlobalOptions, _ session: Session, ids: [String], make: (Plan, String, Context) throws -> Change?,
    said: (Context, PlanTask) -> String, unchanged: (Context, PlanTask) -> String
  ) throws {
    try Context.withStore(global, session) { ctx, store in
      for id in ids where store.plan.index(of: id) == nil { throw Reports.noTask(id) }
      var changes: [Change] = []
      var quiet: [String] = []
      for id in ids {
        if let c = try make(store.plan, id, ctx) { changes.append(c) } else { quiet.append(id) }
      }
      let saved = try store.commit(changes, by: ctx.who)
      // A change someone else had already made (the disk holds its new values) was not
      // journaled again: say so, as for one that was never needed.
      let journaled = Set(saved.entries.map(\.change.target))
      for c in changes {
        guard case .task(let id) = c.target, let t = store.plan.task(id) else { continue }
        ctx.console.out(journaled.contains(c.target) ? said(ctx, t) : unchanged(ctx, t))
      }
      for id in quiet { if let t = store.plan.task(id) { ctx.console.out(unchanged(ctx, t)) } }
    }
  }

  static func brief(_ t: PlanTask) -> String { t.measure.inert.truncated(toWidth: 40) }
}

struct Done: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "done", abstract: helpWords.doneAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idsHelp)) var ids: [String]
  @Option(help: ArgumentHelp(helpWords.doneNoteHelp)) var note: String?
  @Option(help: ArgumentHelp(helpWords.doneOnHelp, valueName: "date")) var on: String?

  func validate() throws {
    if ids.isEmpty { throw CommandError.invalid(.noTaskIDs) }
    if let on, Day(iso: on) == nil {
      throw CommandError.invalid(.badDateOption(option: "--on", value: on))
    }
  }

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: ids,
      make: { plan, id, ctx in
        let day = on.flatMap { Day(iso: $0) } ?? ctx.today
        // Not done in the future: check would flag it, and the stand-up would count it done.
        guard day <= ctx.today else {
          throw CommandError(.dateAfterToday(option: "--on", value: day.description, today: ctx.today.description))
        }
        return plan.markDone(id, on: day, note: note)
      },
      said: { ctx, t in ctx.words.doneSaid(t.id, t.completedOn!, Edit.brief(t)) },
      unchanged: { ctx, t in ctx.words.alreadyDone(t.id) })
  }
}

struct Reopen: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "reopen", abstract: helpWords.reopenAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idsHelp)) var ids: [String]

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: ids, make: { plan, id, _ in plan.setStatus(id, .open) },
      said: { ctx, t in ctx.words.reopenedSaid(t.id, Edit.brief(t)) },
      unchanged: { ctx, t in ctx.words.alreadyOpen(t.id) })
  }
}

struct Start: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "start", abstract: helpWords.startAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idsHelp)) var ids: [String]

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: ids, make: { plan, id, _ in plan.setStatus(id, .inProgress) },
      said: { ctx, t in ctx.words.startedSaid(t.id, Edit.brief(t)) },
      unchanged: { ctx, t in ctx.words.alreadyStarted(t.id) })
  }
}

struct Block: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "block", abstract: helpWords.blockAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idsHelp)) var ids: [String]
  @Option(help: ArgumentHelp(helpWords.blockNoteHelp)) var note: String?

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: ids, make: { plan, id, _ in plan.setStatus(id, .blocked, note: note) },
      said: { ctx, t in ctx.words.blockedSaid(t.id, Edit.brief(t)) },
      unchanged: { ctx, t in ctx.words.alreadyBlocked(t.id) })
  }
}

struct Note: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "note", abstract: helpWords.noteAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idHelp)) var id: String
  @Argument(help: ArgumentHelp(helpWords.noteTextHelp)) var text: String

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: [id], make: { plan, id, _ in plan.setNote(id, text) },
      said: { ctx, t in ctx.words.noteSaid(t.id) },
      unchanged: { ctx, t in ctx.words.noteUnchanged(t.id) })
  }
}

struct Trigger: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "trigger", abstract: helpWords.triggerAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idHelp)) var id: String
  @Option(help: ArgumentHelp(helpWords.triggerOnHelp, valueName: "date")) var on: String

  func validate() throws {
    if Day(iso: on) == nil { throw CommandError.invalid(.badDateOption(option: "--on", value: on)) }
  }

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: [id],
      make: { plan, id, _ in
        guard let t = plan.task(id), t.deadline.kind.awaitsEvent else {
          throw CommandError(.notWaiting(id: id, deadline: plan.task(id)?.deadline.text ?? ""))
        }
        return plan.trigger(id, on: Day(iso: on)!)
      },
      said: { ctx, t in
        let a = Agenda(plan: Plan(settings: PlanSettings(), tasks: [t]), today: ctx.today)
        return ctx.words.triggeredSaid(t.id, on: on, ctx.phrases.reading(a, 0))
      },
      unchanged: { ctx, t in ctx.words.alreadyTriggered(t.id) })
  }
}

struct Undo: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "undo", abstract: helpWords.undoAbstract)
  }
  @OptionGroup var global: GlobalOptions

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      guard let (entry, change) = store.plan.undoCandidate() else {
        ctx.console.out(ctx.words.nothingToUndo)
        return
      }
      try store.commit([change], by: ctx.who)
      let p = ctx.phrases
      ctx.console.out(
        ctx.words.undidSaid(
          seq: entry.seq, operation: p.operation(entry.change.op), by: entry.by, target: p.target(entry.change.target),
          changes: p.changes(change)
        ).inert)
    }
  }
}

struct Staffing: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "staffing", abstract: helpWords.staffingAbstract,
      subcommands: [StaffingSet.self, StaffingRename.self, StaffingRetire.self])
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json", "markdown", "csv"]))) var format: Format = .text

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let plan = store.plan
      switch format {
      case .json: ctx.console.out(Shapes.staffing(plan).rendered(pretty: true))
      case .csv:
        ctx.console.out("\u{FEFF}unit,enforcement,reviewers,required,shortfall,compliant")
        for c in plan.staffingChecks() {
          ctx.console.out(
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

struct StaffingSet: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "set", abstract: helpWords.staffingSetAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.unitHelp)) var unit: String
  @Option(help: ArgumentHelp(helpWords.enforcementHelp)) var enforcement: Int?
  @Option(help: ArgumentHelp(helpWords.reviewersHelp)) var reviewers: Int?
  @Flag(help: ArgumentHelp(helpWords.newUnitHelp)) var new = false

  func validate() throws {
    for (name, v) in [("enforcement", enforcement), ("reviewers", reviewers)] {
      if let v, v < 0 || v > StaffingUnit.maxCount {
        throw CommandError.invalid(.countOutOfRange(option: "--\(name)", max: StaffingUnit.maxCount))
      }
    }
    if enforcement == nil && reviewers == nil { throw CommandError.invalid(.noCounts) }
    if unit.trimmingSpaces.isEmpty || unit.contains(where: { $0.isNewline }) {
      throw CommandError.invalid(.noUnitName)
    }
  }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let name = unit.trimmingSpaces
      if store.plan.unitIndex(name) == nil && !new {
        try PlanEdit.checkNames([name], known: store.plan.staffing.map(\.name), ctx: ctx)
      }
      if store.plan.unitIndex(name) == nil && (enforcement == nil || reviewers == nil) {
        throw CommandError(.newUnitNeedsBoth(name))
      }
      guard let change = store.plan.setStaffing(name, enforcement: enforcement, reviewers: reviewers) else {
        ctx.console.out(ctx.words.staffingUnchanged(name))
        return
      }
      try store.commit([change], by: ctx.who)
      let check = store.plan.staffingChecks().first { $0.unit == name }!
      let w = ctx.words
      let verdict = check.compliant == false ? w.shortByPeople(check.shortfall) : w.compliant
      ctx.console.out(w.staffingSaid(name, check, verdict: verdict).inert)
    }
  }
}
