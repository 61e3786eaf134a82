import ArgumentParser
import Model

/// The commands that keep the plan itself in the tool: start a plan, add, edit and retire
/// tasks, and look after groups, departments and units. Every change is locked, merged,
/// journaled and undoable like `done`, and nothing is ever deleted.
enum PlanEdit {
  /// A usage mistake (exit 64) in the user's language.
  static func usage(_ ctx: Context, _ zh: String, _ en: String) -> StoreError {
    StoreError(.usage, ctx.lang.pick(zh, en))
  }

  /// Saves one change and says what happened; `nil` means it would change nothing.
  static func save(_ ctx: Context, _ store: Store, _ change: Change?, said: String, unchanged: String) throws(StoreError) {
    guard let change else {
      Console.out(unchanged)
      return
    }
    let saved = try store.commit([change], by: ctx.who)
    Console.out(saved.entries.isEmpty ? unchanged : said)
  }

  /// Department names from repeated options, each possibly a cell of several ("法制科、办公室"):
  /// a name almost the same as one the plan has needs `--new`.
  static func departments(_ values: [String], in plan: Plan, new: Bool, ctx: Context) throws(StoreError) -> Departments {
    let d = Departments(cell: values.joined(separator: "、"))
    if !new { try checkNames(d.units, known: plan.departments, ctx: ctx) }
    return d
  }

  /// Refuses a name one character off a known one (a typo would make a second department).
  static func checkNames(_ names: [String], known: [String], ctx: Context) throws(StoreError) {
    for name in names where !known.contains(name) {
      let near = Plan.nearNames(name, among: known)
      if !near.isEmpty {
        throw usage(
          ctx, "“\(name)”与已有的“\(near.joined(separator: "”“"))”只差一个字，是否写错了？如确为新名称，请加 --new",
          "\"\(name)\" is one character off \"\(near.joined(separator: "\", \""))\": did you mean that? Add --new if it is a new name")
      }
    }
  }

  /// A group given by name, number or a unique part of its name; a usage error listing the
  /// groups otherwise.
  static func group(_ text: String, in plan: Plan, ctx: Context) throws(StoreError) -> String {
    do {
      return try Reports.resolveGroup(text, in: plan)
    } catch {
      let list = plan.groups.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "，")
      throw usage(ctx, "没有工作组“\(text)”（现有：\(list)）", "no group \"\(text)\" (groups: \(list))")
    }
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Start an empty plan in a new folder (no Word table needed).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The folder to create the store in.") var dir: String
  @Option(help: "The plan's title.") var title: String?
  @Option(help: "Whose plan it is (the agency).") var agency: String?
  @Option(name: .customLong("reviewer-percent"), help: "Reviewers per hundred enforcement staff (default 5).")
  var reviewerPercent: Int = 5
  @Option(name: .customLong("group"), help: "A working group (repeat, in order).") var groups: [String] = []

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      guard (0...100).contains(reviewerPercent) else {
        throw PlanEdit.usage(ctx, "--reviewer-percent 应为 0 到 100 的整数", "--reviewer-percent must be from 0 to 100")
      }
      let title = self.title ?? String(dir.split(separator: "/").last ?? "")
      try Store.create(
        dir, settings: PlanSettings(title: title, agency: agency ?? "", reviewerPercent: reviewerPercent, groups: groups),
        tasks: [])
      Console.out(ctx.lang.pick("已创建空方案：\(dir)", "Created an empty plan in \(dir)"))
    }
  }
}

struct Add: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a task to a group (its id is the group's next free number).")
  @OptionGroup var global: GlobalOptions
  @Option(help: "The working group: its name, its number, or a unique part of its name.") var group: String
  @Option(help: "What is to be done (the measure).") var measure: String
  @Option(help: "The theme (推行任务) it belongs to.") var theme: String?
  @Option(help: "A lead department (repeat for several).") var lead: [String] = []
  @Option(help: "A cooperating department (repeat for several).") var support: [String] = []
  @Option(help: "The deadline as the plan says it, e.g. 2020年6月底前.") var deadline: String?
  @Option(help: "The requirement (具体要求).") var requirement: String?
  @Option(help: "The task's id (default: the group's next free number).") var id: String?
  @Flag(help: "A department name that is almost an existing one is meant as a new one.") var new = false

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let plan = store.plan
      guard !measure.trimmingSpaces.isEmpty else { throw PlanEdit.usage(ctx, "工作措施不能为空", "the measure cannot be empty") }
      let g = try PlanEdit.group(group, in: plan, ctx: ctx)
      let id = self.id?.trimmingSpaces ?? plan.nextID(inGroup: g)
      guard !id.isEmpty else { throw PlanEdit.usage(ctx, "任务编号不能为空", "the id cannot be empty") }
      guard plan.task(id) == nil else {
        throw PlanEdit.usage(ctx, "任务 \(id) 已存在", "task \(id) already exists")
      }
      let t = PlanTask(
        id: id, group: g, theme: theme?.trimmingSpaces ?? "", measure: measure.trimmingSpaces,
        requirement: requirement?.trimmingSpaces ?? "",
        lead: try PlanEdit.departments(lead, in: plan, new: new, ctx: ctx),
        support: try PlanEdit.departments(support, in: plan, new: new, ctx: ctx),
        deadline: Deadline(deadline?.trimmingSpaces ?? ""))
      try PlanEdit.save(
        ctx, store, plan.addTask(t),
        said: ctx.lang.pick("＋ 已添加任务 \(id)（\(g)）：", "+ added task \(id) (\(g)): ") + Edit.brief(t) + "；"
          + ctx.phrases.typedDeadline(t.deadline),
        unchanged: ctx.lang.pick("任务 \(id) 已存在", "task \(id) already exists"))
    }
  }
}

struct EditTask: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Change a task's measure, theme, group, departments, deadline or own columns.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The task's id.") var id: String
  @Option(help: "The new measure.") var measure: String?
  @Option(help: "The new theme.") var theme: String?
  @Option(help: "Move it to this group.") var group: String?
  @Option(help: "The lead departments (repeat; replaces them all).") var lead: [String] = []
  @Option(help: "The cooperating departments (repeat; replaces them all).") var support: [String] = []
  @Option(help: "The new deadline, as the plan says it.") var deadline: String?
  @Option(help: "The new requirement.") var requirement: String?
  @Option(name: .customLong("set"), help: ArgumentHelp("A column of your own: COLUMN=VALUE.", valueName: "column=value"))
  var sets: [String] = []
  @Flag(help: "A department name that is almost an existing one is meant as a new one.") var new = false

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let plan = store.plan
      guard var t = plan.task(id) else { throw Reports.noTask(id) }
      if let measure {
        guard !measure.trimmingSpaces.isEmpty else { throw PlanEdit.usage(ctx, "工作措施不能为空", "the measure cannot be empty") }
        t.measure = measure.trimmingSpaces
      }
      if let theme { t.theme = theme.trimmingSpaces }
      if let group { t.group = try PlanEdit.group(group, in: plan, ctx: ctx) }
      if !lead.isEmpty { t.lead = try PlanEdit.departments(lead, in: plan, new: new, ctx: ctx) }
      if !support.isEmpty { t.support = try PlanEdit.departments(support, in: plan, new: new, ctx: ctx) }
      if let deadline { t.deadline = Deadline(deadline.trimmingSpaces) }
      if let requirement { t.requirement = requirement.trimmingSpaces }
      for s in sets {
        guard let eq = s.firstIndex(of: "="), !s[..<eq].trimmingSpaces.isEmpty else {
          throw PlanEdit.usage(ctx, "--set 的写法是 列名=值", "--set takes COLUMN=VALUE")
        }
        let column = s[..<eq].trimmingSpaces
        guard !PlanTask.fieldNames.contains(column) else {
          throw PlanEdit.usage(
            ctx, "“\(column)”是方案自带的列，请用对应的选项（如 --measure）",
            "\"\(column)\" is one of the plan's own columns: use its option (--measure, …)")
        }
        let value = s[s.index(after: eq)...].trimmingSpaces
        t.extras[column] = value.isEmpty ? nil : value
      }
      let change = plan.editTask(t)
      var said = ctx.lang.pick("✎ 已修改任务 \(id)：", "✎ task \(id) changed: ")
      said += change.map { ctx.phrases.changes($0) } ?? ""
      if deadline != nil { said += "；" + ctx.phrases.typedDeadline(t.deadline) }
      try PlanEdit.save(
        ctx, store, change, said: said.inert, unchanged: ctx.lang.pick("任务 \(id) 未作改动", "task \(id) unchanged"))
    }
  }
}

struct Retire: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retire",
    abstract: "Take tasks out of the plan: they leave the lists and counts, stay in the file and its history.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Task ids.") var ids: [String]
  @Option(help: "Why (replaces the task's note).") var note: String?

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one task id") }
  }

  func run() throws {
    try Edit.run(
      global, ids: ids, make: { plan, id, _ in plan.retire(id, note: note) },
      said: { ctx, t in
        ctx.lang.pick("－ 任务 \(t.id) 已取消（仍保留在文件和日志中，u 或 undo 可恢复）：", "- task \(t.id) retired (kept in the file; undo brings it back): ")
          + Edit.brief(t)
      },
      unchanged: { ctx, t in ctx.lang.pick("任务 \(t.id) 早已取消", "task \(t.id) was already retired") })
  }
}

struct GroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group", abstract: "Add, rename or move a working group.",
    subcommands: [GroupAdd.self, GroupRename.self, GroupMove.self])
}

struct GroupAdd: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a working group at the end.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The group's name.") var name: String

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let name = self.name.trimmingSpaces
      guard !name.isEmpty else { throw PlanEdit.usage(ctx, "工作组名称不能为空", "the group's name cannot be empty") }
      try PlanEdit.save(
        ctx, store, store.plan.addGroup(name), said: ctx.lang.pick("＋ 已添加工作组：\(name)", "+ added the group \(name)"),
        unchanged: ctx.lang.pick("工作组“\(name)”已存在", "the group \(name) already exists"))
    }
  }
}

struct GroupRename: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename", abstract: "Rename a working group; its tasks follow.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The group (name, number or a unique part).") var old: String
  @Argument(help: "Its new name.") var new: String

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let old = try PlanEdit.group(self.old, in: store.plan, ctx: ctx)
      let new = self.new.trimmingSpaces
      guard !new.isEmpty else { throw PlanEdit.usage(ctx, "新名称不能为空", "the new name cannot be empty") }
      if new != old && store.plan.groups.contains(new) {
        throw PlanEdit.usage(ctx, "工作组“\(new)”已存在", "the group \(new) already exists")
      }
      let n = store.plan.tasks.filter { $0.group == old }.count
      try PlanEdit.save(
        ctx, store, store.plan.renameGroup(old, to: new),
        said: ctx.lang.pick("✎ 工作组“\(old)”改名为“\(new)”（\(n) 项任务随之更新）", "✎ group \(old) is now \(new) (\(n) tasks follow)"),
        unchanged: ctx.lang.pick("工作组名称未变", "the group's name is unchanged"))
    }
  }
}

struct GroupMove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "move", abstract: "Move a working group before another (or to the end).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The group (name, number or a unique part).") var name: String
  @Option(help: "The group it goes before (default: to the end).") var before: String?

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let name = try PlanEdit.group(self.name, in: store.plan, ctx: ctx)
      let other = try before.map { (b) throws(StoreError) in try PlanEdit.group(b, in: store.plan, ctx: ctx) }
      try PlanEdit.save(
        ctx, store, store.plan.moveGroup(name, before: other),
        said: ctx.lang.pick("↕ 工作组顺序：", "↕ groups in order: ")
          + (store.plan.moveGroup(name, before: other).map { $0.fields[0].after.replacing("\n", with: "、") } ?? ""),
        unchanged: ctx.lang.pick("工作组顺序未变", "the order is unchanged"))
    }
  }
}

struct DepartmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "department", abstract: "Rename a department everywhere it is named.",
    subcommands: [DepartmentRename.self])
}

struct DepartmentRename: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename", abstract: "Rename a department in every lead and support cell (one journal entry).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The department's name now.") var old: String
  @Argument(help: "Its new name.") var new: String
  @Flag(help: "A new name that is almost another department's is meant as it is.") var force = false

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let plan = store.plan
      let old = try Reports.resolveDepartment(self.old, in: plan)
      let new = self.new.trimmingSpaces
      guard !new.isEmpty else { throw PlanEdit.usage(ctx, "新名称不能为空", "the new name cannot be empty") }
      if !force { try PlanEdit.checkNames([new], known: plan.departments.filter { $0 != old }, ctx: ctx) }
      let n = plan.tasks.filter { $0.lead.units.contains(old) || $0.support.units.contains(old) }.count
      try PlanEdit.save(
        ctx, store, plan.renameDepartment(old, to: new),
        said: ctx.lang.pick("✎ 部门“\(old)”改名为“\(new)”（\(n) 项任务随之更新）", "✎ \(old) is now \(new) (in \(n) tasks)"),
        unchanged: ctx.lang.pick("部门名称未变", "the name is unchanged"))
    }
  }
}

struct StaffingRename: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a unit.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The unit's name now.") var old: String
  @Argument(help: "Its new name.") var new: String

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      let new = self.new.trimmingSpaces
      guard store.plan.unitIndex(old) != nil else {
        throw StoreError(.noInput, ctx.lang.pick("没有单位“\(old)”", "no unit \"\(old)\""))
      }
      guard !new.isEmpty else { throw PlanEdit.usage(ctx, "新名称不能为空", "the new name cannot be empty") }
      if store.plan.unitIndex(new) != nil, new != old {
        throw PlanEdit.usage(ctx, "单位“\(new)”已存在", "the unit \(new) already exists")
      }
      try PlanEdit.save(
        ctx, store, store.plan.renameUnit(old, to: new),
        said: ctx.lang.pick("✎ 单位“\(old)”改名为“\(new)”", "✎ the unit \(old) is now \(new)"),
        unchanged: ctx.lang.pick("单位名称未变", "the name is unchanged"))
    }
  }
}

struct StaffingRetire: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retire", abstract: "Take a unit out of the reviewer rule (merged away); it stays in the file.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The unit's name.") var unit: String

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let store = try ctx.openStore()
      guard store.plan.unitIndex(unit) != nil else {
        throw StoreError(.noInput, ctx.lang.pick("没有单位“\(unit)”", "no unit \"\(unit)\""))
      }
      try PlanEdit.save(
        ctx, store, store.plan.retireUnit(unit),
        said: ctx.lang.pick("－ 单位“\(unit)”已撤销（保留在文件中，undo 可恢复）", "- the unit \(unit) is retired (kept in the file; undo brings it back)"),
        unchanged: ctx.lang.pick("单位“\(unit)”早已撤销", "the unit \(unit) was already retired"))
    }
  }
}
