import ArgumentParser
import Model

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read an allocation table exported from Word into a store folder, with a report.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The table, as UTF-8 text exported from Word.") var file: String
  @Option(help: ArgumentHelp("The store folder to create.", valueName: "dir")) var into: String
  @Flag(name: .customLong("dry-run"), help: "Show the report without writing anything.") var dryRun = false
  @Option(help: "text or json.") var format: Format = .text
  @Option(help: "The agency the plan belongs to (plan.ini's agency).") var agency: String?

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let result = try TableImport.read(try FileIO.read(file), file: file)
      let name = file.split(separator: "/").last.map(String.init) ?? file
      if format == .json {
        Console.out(ImportReport.json(result).rendered(pretty: true))
      } else {
        for line in ImportReport.text(result, source: name, lang: ctx.lang) { Console.out(line) }
      }
      if dryRun {
        if format == .text { Console.out(ctx.lang.pick("（演练：未写入任何文件）", "(dry run: nothing written)")) }
        return
      }
      let settings = PlanSettings(
        title: result.title, agency: agency ?? "", note: result.note, reviewerPercent: 5, groups: result.groups)
      var tasks = result.tasks
      for k in tasks.indices { tasks[k].status = .open }
      try Store.create(
        into, settings: settings, tasks: tasks, extraColumns: result.extraColumns, extraValues: result.extraValues)
      let store = try Store.open(into)
      try store.appendJournal([
        JournalEntry(
          seq: (store.plan.journal.last?.seq ?? 0) + 1, at: Clock.nowISO(), by: ctx.who,
          change: Change(op: "import", target: .plan, fields: []),
          message: "imported \(result.tasks.count) tasks in \(result.groups.count) groups from \(name)")
      ])
      if format == .text {
        Console.out(ctx.lang.pick("已创建方案：\(into)", "Created the store \(into)"))
      }
    }
  }
}

/// The report an import prints: counts, groups, departments, and what it guessed.
enum ImportReport {
  static func text(_ r: ImportResult, source: String, lang: Lang) -> [String] {
    var out: [String] = []
    out.append(lang.pick("读取 \(source)（\(r.shape.rawValue) 格式）", "Read \(source) as a \(r.shape.rawValue) table"))
    if !r.title.isEmpty { out.append(lang.pick("  标题：", "  title: ") + r.title.inert) }
    out.append(
      lang.pick(
        "  任务：\(r.tasks.count) 项，分 \(r.groups.count) 个工作组", "  tasks: \(r.tasks.count) in \(r.groups.count) groups"))
    for g in r.groups {
      let n = r.tasks.filter { $0.group == g }.count
      out.append("    \(g.inert) (\(n))")
    }
    out.append(
      lang.pick("  部门（\(r.departments.count)）：", "  departments (\(r.departments.count)): ")
        + r.departments.joined(separator: "、").inert)
    if !r.extraColumns.isEmpty {
      out.append(lang.pick("  保留的其他列：", "  other columns kept: ") + r.extraColumns.joined(separator: ", ").inert)
    }
    out.append(
      lang.pick("  无法识别的期限（\(r.unreadDeadlines.count)）", "  deadlines not understood (\(r.unreadDeadlines.count))"))
    for (id, text) in r.unreadDeadlines { out.append("    \(id.inert): \(text.inert)") }
    out.append(lang.pick("  推断（\(r.guesses.count)）", "  guesses (\(r.guesses.count))"))
    for g in r.guesses { out.append("    " + g.inert) }
    return out
  }

  static func json(_ r: ImportResult) -> JSON {
    .object([
      ("shape", .string(r.shape.rawValue)),
      ("title", .string(r.title)),
      ("tasks", .int(r.tasks.count)),
      ("groups", .array(r.groups.map(JSON.string))),
      ("departments", .array(r.departments.map(JSON.string))),
      ("extra_columns", .array(r.extraColumns.map(JSON.string))),
      (
        "unread_deadlines",
        .array(r.unreadDeadlines.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) })
      ),
      ("guesses", .array(r.guesses.map(JSON.string))),
    ])
  }
}
