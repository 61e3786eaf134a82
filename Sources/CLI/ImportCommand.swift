import ArgumentParser
import Model

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read an allocation table exported from Word into a store (a new one, or again into an existing one).",
    discussion: "Both layouts are read: cells on tab-led lines (seed 000) and tab-separated rows (seed 004). "
      + "Into an existing store, texts are updated by task id and status, dates, notes and the journal are kept; "
      + "tasks gone from the table are reported, not deleted.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The table, as UTF-8 text exported from Word.") var file: String
  @Option(help: ArgumentHelp("The store folder (created if it does not exist).", valueName: "dir")) var into: String
  @Flag(name: .customLong("dry-run"), help: "Show the report without writing anything.") var dryRun = false
  @Option(help: "text or json.") var format: Format = .text
  @Option(help: "For a new store: the agency the plan belongs to.") var agency: String?

  func run() throws {
    let ctx = try Context(global)
    try guarded {
      let result = try TableImport.read(try FileIO.read(file), file: file)
      let name = file.split(separator: "/").last.map(String.init) ?? file
      let existing = FileIO.exists(into + "/" + Store.tasksFile) ? try Store.open(into) : nil
      let again = existing.map { Reimport(result, onto: $0.plan) }
      if format == .json {
        Console.out(ImportReport.json(result, again: again).rendered(pretty: true))
      } else {
        for line in ImportReport.text(result, source: name, again: again, lang: ctx.lang) { Console.out(line) }
      }
      if dryRun {
        if format == .text { Console.out(ctx.lang.pick("（演练：未写入任何文件）", "(dry run: nothing written)")) }
        return
      }
      let summary: String
      let store: Store
      if let existing, let again {
        store = existing
        try store.commit(again.changes, by: ctx.who)
        summary =
          "imported \(name) again: \(again.added.count) added, \(again.updated.count) updated, "
          + "\(again.vanished.count) no longer in the table"
      } else {
        let settings = PlanSettings(
          title: result.title, agency: agency ?? "", note: result.note, reviewerPercent: 5, groups: result.groups)
        try Store.create(into, settings: settings, tasks: result.tasks, extraColumns: result.extraColumns)
        store = try Store.open(into)
        summary = "imported \(result.tasks.count) tasks in \(result.groups.count) groups from \(name)"
      }
      try store.appendJournal([
        JournalEntry(
          seq: (store.plan.journal.last?.seq ?? 0) + 1, at: Clock.nowISO(), by: ctx.who,
          change: Change(op: "import", target: .plan, fields: []), message: summary)
      ])
      if format == .text {
        Console.out(
          existing == nil
            ? ctx.lang.pick("已创建方案：\(into)", "Created the store \(into)")
            : ctx.lang.pick("已更新方案：\(into)", "Updated the store \(into)"))
      }
    }
  }
}

/// The report an import prints: counts, groups, departments, columns kept, deadlines it could
/// not read, what it guessed, and (into an existing store) what changes.
enum ImportReport {
  static func text(_ r: ImportResult, source: String, again: Reimport?, lang: Lang) -> [String] {
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
        + r.departments.joined(separator: "；").inert)
    if !r.extraColumns.isEmpty {
      out.append(lang.pick("  保留的其他列：", "  other columns kept: ") + r.extraColumns.joined(separator: ", ").inert)
    }
    out.append(
      lang.pick("  无法识别的期限（\(r.unreadDeadlines.count)）", "  deadlines not understood (\(r.unreadDeadlines.count))"))
    for (id, text) in r.unreadDeadlines { out.append("    \(id.inert): \(text.inert)") }
    out.append(lang.pick("  推断（\(r.guesses.count)）", "  guesses (\(r.guesses.count))"))
    for g in r.guesses { out.append("    " + g.inert) }
    if let a = again {
      out.append(lang.pick("再次导入到已有方案：", "Into the existing store:"))
      out.append(lang.pick("  新增 \(a.added.count) 项", "  added: \(a.added.count)") + list(a.added))
      out.append(
        lang.pick("  更新 \(a.updated.count) 项", "  updated: \(a.updated.count)")
          + list(a.updated.map { "\($0.id) (\($0.fields.joined(separator: ", ")))" }))
      out.append(lang.pick("  未变 \(a.unchanged) 项", "  unchanged: \(a.unchanged)"))
      out.append(
        lang.pick(
          "  表中已没有（保留，未删除）\(a.vanished.count) 项", "  no longer in the table (kept, not deleted): \(a.vanished.count)")
          + list(a.vanished))
    }
    return out
  }

  static func list(_ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    let shown = items.prefix(20).joined(separator: ", ")
    return ": " + shown.inert + (items.count > 20 ? ", …" : "")
  }

  static func json(_ r: ImportResult, again: Reimport?) -> JSON {
    var pairs: [(String, JSON)] = [
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
    ]
    if let a = again {
      pairs.append(
        (
          "into_existing",
          .object([
            ("added", .array(a.added.map(JSON.string))),
            ("updated", .array(a.updated.map { JSON.string($0.id) })),
            ("unchanged", .int(a.unchanged)),
            ("vanished", .array(a.vanished.map(JSON.string))),
          ])
        ))
    }
    return .object(pairs)
  }
}
