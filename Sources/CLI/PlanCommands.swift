import ArgumentParser
import Model

/// The commands that keep the plan itself in the tool: start a plan, add, edit and retire
/// tasks, and look after groups, departments and units. Every change is locked, merged,
/// journaled and undoable like `done`, and nothing is ever deleted.
enum PlanEdit {
  /// A usage mistake (exit 64), phrased where it is reported.
  static func usage(_ reason: CommandError.Reason) -> CommandError { CommandError(reason) }

  /// Saves one change and says what happened; `nil` means it would change nothing.
  static func save(_ ctx: Context, _ store: Store, _ change: Change?, said: String, unchanged: String)
    throws
  {
    guard let change else {
      ctx.console.out(unchanged)
      return
    }
    let saved = try store.commit([change], by: ctx.who)
    ctx.console.out(saved.entries.isEmpty ? unchanged : said)
  }

  /// Department names from repeated options, each possibly a cell of several ("法制科、办公室"):
  /// a name almost the same as one the plan has needs `--new`.
  static func departments(_ values: [String], in plan: Plan, new: Bool, ctx: Context) throws -> Departments {
    let d = Departments(cell: values.joined(separator: "、"))
    if !new { try checkNames(d.units, known: plan.departments, ctx: ctx) }
    return d
  }

  /// Refuses a name one character off a known one (a typo would make a second department).
  static func checkNames(_ names: [String], known: [String], ctx: Context) throws {
    for name in names where !known.contains(name) {
      let near = Plan.nearNames(name, among: known)
      if !near.isEmpty { throw usage(.nearName(name, near: near)) }
    }
  }

  /// A group given by name, number or a unique part of its name; a usage error listing the
  /// groups otherwise.
  static func group(_ text: String, in plan: Plan, ctx: Context) throws -> String {
    do {
      return try Reports.resolveGroup(text, in: plan)
    } catch {
      throw usage(.noGroup(text, groups: plan.groups))
    }
  }
}

struct Init: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "init", abstract: helpWords.initAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.initDirHelp)) var dir: String
  @Option(help: ArgumentHelp(helpWords.titleHelp)) var title: String?
  @Option(help: ArgumentHelp(helpWords.planAgencyHelp)) var agency: String?
  @Option(name: .customLong("reviewer-percent"), help: ArgumentHelp(helpWords.reviewerPercentHelp))
  var reviewerPercent: Int = 5
  @Option(name: .customLong("group"), help: ArgumentHelp(helpWords.groupsHelp)) var groups: [String] = []
  @Option(help: ArgumentHelp(helpWords.planYearHelp, valueName: "yyyy")) var year: Int?

  func run(in session: Session) throws {
    let ctx = try Context(global, session)
    try ctx.guarded {
      guard (0...100).contains(reviewerPercent) else {
        throw PlanEdit.usage(.percentOutOfRange)
      }
      if let year, !(1900...2200).contains(year) { throw PlanEdit.usage(.yearOutOfRange(year)) }
      let title = self.title ?? String(dir.split(separator: "/").last ?? "")
      try Store.create(
        dir,
        settings: PlanSettings(
          title: title, agency: agency ?? "", reviewerPercent: reviewerPercent, groups: groups, year: year),
        tasks: [])
      ctx.console.out(ctx.words.planCreated(dir))
    }
  }
}

struct Add: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "add", abstract: helpWords.addAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.addGroupHelp)) var group: String
  @Option(help: ArgumentHelp(helpWords.measureHelp)) var measure: String
  @Option(help: ArgumentHelp(helpWords.themeHelp)) var theme: String?
  @Option(help: ArgumentHelp(helpWords.leadHelp)) var lead: [String] = []
  @Option(help: ArgumentHelp(helpWords.supportHelp)) var support: [String] = []
  @Option(help: ArgumentHelp(helpWords.deadlineHelp)) var deadline: String?
  @Option(help: ArgumentHelp(helpWords.requirementHelp)) var requirement: String?
  @Option(help: ArgumentHelp(helpWords.addIDHelp)) var id: String?
  @Flag(help: ArgumentHelp(helpWords.newDepartmentHelp)) var new = false

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let plan = store.plan
      guard !measure.trimmingSpaces.isEmpty else { throw PlanEdit.usage(.emptyMeasure) }
      let g = try PlanEdit.group(group, in: plan, ctx: ctx)
      let id = self.id?.trimmingSpaces ?? plan.nextID(inGroup: g)
      guard !id.isEmpty else { throw PlanEdit.usage(.emptyTaskID) }
      guard plan.task(id) == nil else { throw PlanEdit.usage(.taskExists(id)) }
      let t = PlanTask(
        id: id, group: g, theme: theme?.trimmingSpaces ?? "", measure: measure.trimmingSpaces,
        requirement: requirement?.trimmingSpaces ?? "",
        lead: try PlanEdit.departments(lead, in: plan, new: new, ctx: ctx),
        support: try PlanEdit.departments(support, in: plan, new: new, ctx: ctx),
        deadline: Deadline(deadline?.trimmingSpaces ?? "").inYear(plan.settings.year))
      try PlanEdit.save(
        ctx, store, plan.addTask(t),
        said: ctx.words.taskAdded(id, group: g, Edit.brief(t), ctx.phrases.typedDeadline(t.deadline)),
        unchanged: ctx.words.taskExists(id))
    }
  }
}

struct EditTask: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "edit", abstract: helpWords.editAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idHelp)) var id: String
  @Option(help: ArgumentHelp(helpWords.newMeasureHelp)) var measure: String?
  @Option(help: ArgumentHelp(helpWords.newThemeHelp)) var theme: String?
  @Option(help: ArgumentHelp(helpWords.moveToGroupHelp)) var group: String?
  @Option(help: ArgumentHelp(helpWords.newLeadHelp)) var lead: [String] = []
  @Option(help: ArgumentHelp(helpWords.newSupportHelp)) var support: [String] = []
  @Option(help: ArgumentHelp(helpWords.newDeadlineHelp)) var deadline: String?
  @Option(help: ArgumentHelp(helpWords.newRequirementHelp)) var requirement: String?
  @Option(name: .customLong("set"), help: ArgumentHelp(helpWords.setColumnHelp, valueName: "column=value"))
  var sets: [String] = []
  @Flag(help: ArgumentHelp(helpWords.newDepartmentHelp)) var new = false

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let plan = store.plan
      guard var t = plan.task(id) else { throw Reports.noTask(id) }
      if let measure {
        guard !measure.trimmingSpaces.isEmpty else { throw PlanEdit.usage(.emptyMeasure) }
        t.measure = measure.trimmingSpaces
      }
      if let theme { t.theme = theme.trimmingSpaces }
      if let group { t.group = try PlanEdit.group(group, in: plan, ctx: ctx) }
      if !lead.isEmpty { t.lead = try PlanEdit.departments(lead, in: plan, new: new, ctx: ctx) }
      if !support.isEmpty { t.support = try PlanEdit.departments(support, in: plan, new: new, ctx: ctx) }
      if let deadline { t.deadline = Deadline(deadline.trimmingSpaces).inYear(plan.settings.year) }
      if let requirement { t.requirement = requirement.trimmingSpaces }
      for s in sets {
        guard let eq = s.firstIndex(of: "="), !s[..<eq].trimmingSpaces.isEmpty else {
          throw PlanEdit.usage(.badSetOption)
        }
        let column = s[..<eq].trimmingSpaces
        guard !TaskField(name: column).isOwn else {
          throw PlanEdit.usage(.ownColumn(column))
        }
        let value = s[s.index(after: eq)...].trimmingSpaces
        t.extras[column] = value.isEmpty ? nil : value
      }
      let change = plan.editTask(t)
      var what = change.map { ctx.phrases.changes($0) } ?? ""
      if deadline != nil { what += ctx.words.clauseSeparator + ctx.phrases.typedDeadline(t.deadline) }
      try PlanEdit.save(
        ctx, store, change, said: ctx.words.taskEdited(id, what).inert, unchanged: ctx.words.taskUnchanged(id))
    }
  }
}

struct Retire: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "retire", abstract: helpWords.retireAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.idsHelp)) var ids: [String]
  @Option(help: ArgumentHelp(helpWords.retireNoteHelp)) var note: String?

  func validate() throws {
    if ids.isEmpty { throw CommandError.invalid(.noTaskIDs) }
  }

  func run(in session: Session) throws {
    try Edit.run(
      global, session, ids: ids, make: { plan, id, _ in plan.retire(id, note: note) },
      said: { ctx, t in ctx.words.retiredSaid(t.id, Edit.brief(t)) },
      unchanged: { ctx, t in ctx.words.alreadyRetired(t.id) })
  }
}

struct GroupCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "group", abstract: helpWords.groupAbstract,
      subcommands: [GroupAdd.self, GroupRename.self, GroupMove.self])
  }
}

struct GroupAdd: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "add", abstract: helpWords.groupAddAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.groupNameHelp)) var name: String

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let name = self.name.trimmingSpaces
      guard !name.isEmpty else { throw PlanEdit.usage(.emptyGroupName) }
      try PlanEdit.save(
        ctx, store, store.plan.addGroup(name), said: ctx.words.groupAdded(name), unchanged: ctx.words.groupExists(name))
    }
  }
}

struct GroupRename: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "rename", abstract: helpWords.groupRenameAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.groupRefHelp)) var old: String
  @Argument(help: ArgumentHelp(helpWords.newNameHelp)) var new: String

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let old = try PlanEdit.group(self.old, in: store.plan, ctx: ctx)
      let new = self.new.trimmingSpaces
      guard !new.isEmpty else { throw PlanEdit.usage(.emptyNewName) }
      if new != old && store.plan.groups.contains(new) { throw PlanEdit.usage(.groupExists(new)) }
      let n = store.plan.tasks.filter { $0.group == old }.count
      try PlanEdit.save(
        ctx, store, store.plan.renameGroup(old, to: new),
        said: ctx.words.groupRenamed(old, to: new, tasks: n), unchanged: ctx.words.groupNameUnchanged)
    }
  }
}

struct GroupMove: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "move", abstract: helpWords.groupMoveAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.groupRefHelp)) var name: String
  @Option(help: ArgumentHelp(helpWords.beforeHelp)) var before: String?

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let name = try PlanEdit.group(self.name, in: store.plan, ctx: ctx)
      let other = try before.map { (b) throws in try PlanEdit.group(b, in: store.plan, ctx: ctx) }
      let change = store.plan.moveGroup(name, before: other)
      // The groups in their new order, as the change says.
      let order: [String] = if case .names(let o)? = change?.fields.first?.after { o } else { [] }
      try PlanEdit.save(
        ctx, store, change, said: ctx.words.groupsInOrder(order), unchanged: ctx.words.orderUnchanged)
    }
  }
}

struct DepartmentCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "department", abstract: helpWords.departmentAbstract, subcommands: [DepartmentRename.self])
  }
}

struct DepartmentRename: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "rename", abstract: helpWords.departmentRenameAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.departmentNowHelp)) var old: String
  @Argument(help: ArgumentHelp(helpWords.newNameHelp)) var new: String
  @Flag(help: ArgumentHelp(helpWords.forceNameHelp)) var force = false

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let plan = store.plan
      let old = try Reports.resolveDepartment(self.old, in: plan)
      let new = self.new.trimmingSpaces
      guard !new.isEmpty else { throw PlanEdit.usage(.emptyNewName) }
      if !force { try PlanEdit.checkNames([new], known: plan.departments.filter { $0 != old }, ctx: ctx) }
      let n = plan.tasks.filter { $0.lead.units.contains(old) || $0.support.units.contains(old) }.count
      try PlanEdit.save(
        ctx, store, plan.renameDepartment(old, to: new),
        said: ctx.words.departmentRenamed(old, to: new, tasks: n), unchanged: ctx.words.departmentNameUnchanged)
    }
  }
}

struct StaffingRename: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "rename", abstract: helpWords.unitRenameAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.unitNowHelp)) var old: String
  @Argument(help: ArgumentHelp(helpWords.newNameHelp)) var new: String

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let new = self.new.trimmingSpaces
      guard store.plan.unitIndex(old) != nil else { throw CommandError(.noUnit(old)) }
      guard !new.isEmpty else { throw PlanEdit.usage(.emptyNewName) }
      if store.plan.unitIndex(new) != nil, new != old { throw PlanEdit.usage(.unitExists(new)) }
      try PlanEdit.save(
        ctx, store, store.plan.renameUnit(old, to: new),
        said: ctx.words.unitRenamed(old, to: new), unchanged: ctx.words.unitNameUnchanged)
    }
  }
}

struct StaffingRetire: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "retire", abstract: helpWords.unitRetireAbstract)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.unitHelp)) var unit: String

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      guard store.plan.unitIndex(unit) != nil else { throw CommandError(.noUnit(unit)) }
      try PlanEdit.save(
        ctx, store, store.plan.retireUnit(unit),
        said: ctx.words.unitRetired(unit), unchanged: ctx.words.unitAlreadyRetired(unit))
    }
  }
}
