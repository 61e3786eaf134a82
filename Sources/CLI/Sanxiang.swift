import ArgumentParser
import Model
import TUI

/// What the dashboard needs from the command line; the executable supplies the runner.
public struct DashboardRequest: Sendable {
  public let folder: String
  public let today: Day
  public let who: String
  public let lang: Lang
  /// True when --today pinned the day (the dashboard then does not roll over at midnight).
  public let todayPinned: Bool
  /// Something to say first (the store was just made from the bundled sample).
  public let notice: String?
}

/// The root command: with no subcommand it opens the dashboard.
public struct Sanxiang: SessionCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "sanxiang", abstract: helpWords.sanxiangAbstract, discussion: helpWords.sanxiangDiscussion,
      version: Sanxiang.version,
      subcommands: [
        Tui.self, Standup.self, List.self, Show.self, Done.self, Reopen.self, Start.self, Block.self, Note.self,
        Trigger.self, Undo.self, Staffing.self, Log.self, Check.self, Import.self, Init.self, Add.self, EditTask.self,
        Retire.self, GroupCommand.self, DepartmentCommand.self, RollupCommand.self, ReportCommand.self,
        CollectCommand.self,
      ])
  }

  @OptionGroup var global: GlobalOptions

  /// What `sanxiang --version` prints.
  public static let version = "sanxiang 0.14.0"

  public init() {}

  func run(in session: Session) throws { try Tui.launch(global, session) }
}

/// `sanxiang tui`: the dashboard, by name. `--screen WxH` runs it headless instead, feeding
/// `--keys` and printing the last screen as text (for scripts, docs and debugging).
struct Tui: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "tui", abstract: helpWords.tuiAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: .hidden) var screen: String?
  @Option(help: .hidden) var keys = ""

  func run(in session: Session) throws {
    if let screen {
      try Tui.headless(global, session, size: screen, keys: keys)
    } else {
      try Tui.launch(global, session)
    }
  }

  static func launch(_ options: GlobalOptions, _ session: Session) throws {
    let ctx = try Context(options, session)
    try ctx.guarded {
      guard let open = session.openDashboard else { throw CommandError(.noDashboard) }
      let (folder, notice) = try ctx.storeFolderAndNotice()
      // Said on stderr too, for whoever reads it after the dashboard.
      if let notice { ctx.console.err(notice) }
      // Fail early, with file:line:column, before the terminal changes.
      _ = try Store.open(folder)
      let status = try open(
        DashboardRequest(
          folder: folder, today: ctx.today, who: ctx.who, lang: ctx.lang, todayPinned: options.today != nil,
          notice: notice))
      if status != 0 { throw ExitCode(status) }
    }
  }

  static func headless(_ options: GlobalOptions, _ session: Session, size: String, keys: String) throws {
    let ctx = try Context(options, session)
    let dims = size.split(separator: "x").compactMap { Int($0) }
    guard dims.count == 2 else { throw CommandError.invalid(.badScreenSize, ctx.words) }
    try ctx.guarded {
      let (folder, notice) = try ctx.storeFolderAndNotice()
      if let notice { ctx.console.err(notice) }
      let store = try ctx.openStore(folder)
      let term = ScriptedTerminal(width: dims[0], height: dims[1], script: keys)
      let d = Dashboard(
        store: store, terminal: term, today: ctx.today, who: ctx.who, lang: ctx.lang, notice: notice)
      d.pollMs = 0
      d.run()
      ctx.console.out(term.text)
      ctx.sayCommitFailure(store)
    }
  }
}

// MARK: Reports

struct Standup: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "standup", abstract: helpWords.standupAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json", "markdown"]))) var format: Format = .text
  @Option(help: ArgumentHelp(helpWords.withinHelp, valueName: "days")) var within = 14

  func validate() throws { try Format.require(format, in: [.text, .json, .markdown]) }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let a = Agenda(plan: store.plan, today: ctx.today)
      switch format {
      case .json: ctx.console.outJSON { Shapes.writeStandup(a, dueWithin: within, into: &$0, drain: $1) }
      case .text, .markdown, .csv: Reports.standup(a, ctx: ctx, within: within, markdown: format == .markdown)
      }
    }
  }
}

struct List: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "list", abstract: helpWords.listAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json", "markdown", "csv"]))) var format: Format = .text
  @Option(help: ArgumentHelp(helpWords.groupHelp, valueName: "group")) var group: String?
  @Option(help: ArgumentHelp(helpWords.departmentHelp, valueName: "name")) var department: String?
  @Option(help: ArgumentHelp(helpWords.roleHelp, valueName: "role")) var role: String?
  @Option(help: ArgumentHelp(helpWords.statusHelp, valueName: "status")) var status: String?
  @Flag(help: ArgumentHelp(helpWords.overdueHelp)) var overdue = false
  @Option(name: .customLong("due-within"), help: ArgumentHelp(helpWords.dueWithinHelp, valueName: "days"))
  var dueWithin: Int?
  @Flag(help: ArgumentHelp(helpWords.waitingHelp)) var waiting = false
  @Flag(help: ArgumentHelp(helpWords.retiredHelp)) var retired = false

  func validate() throws {
    try Format.require(format, in: Format.allCases)
    if role != nil && department == nil { throw CommandError.invalid(.roleNeedsDepartment) }
  }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let a = Agenda(plan: store.plan, today: ctx.today)
      var roles: [Int: Role] = [:]
      var pool = retired ? a.retired : a.urgency
      if let g = group {
        let name = try Reports.resolveGroup(g, in: store.plan)
        pool = pool.filter { a.plan.tasks[$0].group == name }
      }
      if let d = department {
        let name = try Reports.resolveDepartment(d, in: store.plan)
        var wanted: Role? = nil
        if let r = role {
          guard let v = Role(token: r) else { throw CommandError(.badRole(r)) }
          wanted = v
        }
        let mine = a.tasks(ofDepartment: name).filter { wanted == nil || $0.role == wanted }
        for m in mine { roles[m.index] = m.role }
        pool = pool.filter { roles[$0] != nil }
      }
      if let s = status {
        var wanted = Set<TaskStatus>()
        for part in s.split(separator: ",") {
          guard let v = TaskStatus(token: String(part)) else {
            throw CommandError(.unknownStatus(String(part)))
          }
          wanted.insert(v)
        }
        pool = pool.filter { wanted.contains(a.plan.tasks[$0].status) }
      }
      if overdue { pool = pool.filter(a.isOverdue) }
      if let n = dueWithin { pool = pool.filter { a.isDueWithin($0, days: n) } }
      if waiting { pool = pool.filter(a.isWaiting) }
      switch format {
      case .json: ctx.console.outJSON { Shapes.writeList(a, pool, into: &$0, drain: $1) }
      case .csv: Reports.csv(a, pool, ctx: ctx)
      case .markdown: Reports.markdownTasks(a, pool, ctx: ctx)
      case .text:
        let out = TextOutput(ctx)
        if pool.isEmpty {
          ctx.console.out(ctx.words.noTasksMatch)
        } else {
          for l in out.taskLines(a, pool, roles: roles) { ctx.console.out(l) }
        }
      }
    }
  }
}

struct Show: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "show", abstract: helpWords.showAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json"]))) var format: Format = .text
  @Argument(help: ArgumentHelp(helpWords.showIDHelp)) var id: String

  func validate() throws { try Format.require(format, in: [.text, .json]) }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let a = Agenda(plan: store.plan, today: ctx.today)
      guard let i = store.plan.index(of: id) else { throw Reports.noTask(id) }
      if format == .json {
        ctx.console.out(Shapes.show(a, i).rendered(pretty: true))
      } else {
        Reports.show(a, i, ctx: ctx)
      }
    }
  }
}

struct Log: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "log", abstract: helpWords.logAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json"]))) var format: Format = .text
  @Option(help: ArgumentHelp(helpWords.sinceHelp, valueName: "date")) var since: String?
  @Option(help: ArgumentHelp(helpWords.limitHelp, valueName: "n")) var limit: Int?

  func validate() throws { try Format.require(format, in: [.text, .json]) }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      var entries = store.plan.journal
      if let s = since {
        guard let d = Day(iso: s) else { throw CommandError(.badDateOption(option: "--since", value: s)) }
        entries = entries.filter { ($0.day ?? d) >= d }
      }
      if let n = limit { entries = Array(entries.suffix(max(0, n))) }
      if format == .json {
        ctx.console.out(JSON.array(entries.map(Shapes.entry)).rendered(pretty: true))
      } else if entries.isEmpty {
        ctx.console.out(ctx.words.journalEmpty)
      } else {
        let out = TextOutput(ctx)
        for e in entries { ctx.console.out(out.entryLine(e)) }
      }
    }
  }
}

struct Check: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "check", abstract: helpWords.checkAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json"]))) var format: Format = .text

  func validate() throws { try Format.require(format, in: [.text, .json]) }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let p = store.plan
      // Read once: departments read every cell.
      let names = p.departments
      let warnings = Reports.warnings(store, departments: names, today: ctx.today, words: ctx.words)
      let (groups, departments) = (p.groups.count, names.count)
      if format == .json {
        ctx.console.out(
          JSON.object([
            ("ok", .bool(true)), ("store", .string(store.folder)), ("tasks", .int(p.tasks.count)),
            ("groups", .int(groups)),
            ("departments", .int(departments)), ("units", .int(p.staffingChecks().count)),
            ("journal_entries", .int(p.journal.count)), ("warnings", .array(warnings.map(JSON.string))),
          ]).rendered(pretty: true))
      } else {
        ctx.console.out(ctx.words.checkedStore(store.folder))
        for w in warnings { ctx.console.out(ctx.words.warning(w)) }
        ctx.console.out(
          ctx.words.checkOK(
            tasks: p.tasks.count, groups: groups, departments: departments, units: p.staffingChecks().count,
            entries: p.journal.count, warnings: warnings.count))
      }
    }
  }
}
