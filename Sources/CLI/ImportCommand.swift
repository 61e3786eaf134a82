import ArgumentParser
import Model

struct Import: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "import", abstract: helpWords.importAbstract, discussion: helpWords.importDiscussion)
  }
  @OptionGroup var global: GlobalOptions
  @Argument(help: ArgumentHelp(helpWords.importFileHelp)) var file: String
  @Option(help: ArgumentHelp(helpWords.intoHelp, valueName: "dir")) var into: String
  @Flag(name: .customLong("dry-run"), help: ArgumentHelp(helpWords.dryRunHelp)) var dryRun = false
  @Option(help: ArgumentHelp(helpWords.formatHelp(["text", "json"]))) var format: Format = .text
  @Option(help: ArgumentHelp(helpWords.agencyHelp)) var agency: String?

  func validate() throws { try Format.require(format, in: [.text, .json]) }

  func run() throws {
    let ctx = try Context(global)
    try ctx.guarded {
      let result = try TableImport.read(try FileIO.read(file), file: file)
      let name = file.split(separator: "/").last.map(String.init) ?? file
      let existing = FileIO.exists(into + "/" + Store.tasksFile) ? try Store.open(into) : nil
      let again = existing.map { Reimport(result, onto: $0.plan) }
      if format == .json {
        Console.out(ImportReport.json(result, again: again, words: ctx.words).rendered(pretty: true))
      } else {
        for line in ImportReport.text(result, source: name, again: again, words: ctx.words) { Console.out(line) }
      }
      if dryRun {
        if format == .text { Console.out(ctx.words.dryRun) }
        return
      }
      let summary: ImportSummary
      let store: Store
      if let existing, let again {
        store = existing
        try store.commit(again.changes, by: ctx.who)
        summary = .again(
          source: name, added: again.added.count, updated: again.updated.count, vanished: again.vanished.count)
      } else {
        let settings = PlanSettings(
          title: result.title, agency: agency ?? "", note: result.note, reviewerPercent: 5, groups: result.groups)
        try Store.create(into, settings: settings, tasks: result.tasks, extraColumns: result.extraColumns)
        store = try Store.open(into)
        summary = .created(source: name, tasks: result.tasks.count, groups: result.groups.count)
      }
      try store.appendJournal([
        JournalEntry(
          seq: (store.plan.journal.last?.seq ?? 0) + 1, at: Clock.nowISO(), by: ctx.who,
          change: Change(op: "import", target: .plan, fields: []), imported: summary)
      ])
      if format == .text {
        Console.out(existing == nil ? ctx.words.storeCreated(into) : ctx.words.storeUpdated(into))
      }
    }
  }
}

/// The report an import prints: counts, groups, departments, columns kept, deadlines it could
/// not read, what it guessed, and (into an existing store) what changes.
enum ImportReport {
  static func text(_ r: ImportResult, source: String, again: Reimport?, words w: any Words) -> [String] {
    var out: [String] = []
    out.append(w.readAs(source, r.shape))
    if !r.title.isEmpty { out.append("  " + w.importTitle(r.title.inert)) }
    out.append("  " + w.importTasks(r.tasks.count, groups: r.groups.count))
    for g in r.groups {
      let n = r.tasks.filter { $0.group == g }.count
      out.append("    \(g.inert) (\(n))")
    }
    out.append(
      "  " + w.importDepartments(r.departments.count, r.departments.joined(separator: w.clauseSeparator).inert))
    if !r.extraColumns.isEmpty {
      out.append("  " + w.otherColumnsKept(r.extraColumns.joined(separator: w.listSeparator).inert))
    }
    out.append("  " + w.unreadDeadlines(r.unreadDeadlines.count))
    for (id, text) in r.unreadDeadlines { out.append("    " + w.labelled(id.inert, text.inert)) }
    out.append("  " + w.guesses(r.guesses.count))
    for g in r.guesses { out.append("    " + w.guess(g).inert) }
    if let a = again {
      out.append(w.intoExisting)
      out.append("  " + list(w.added(a.added.count), a.added, w))
      out.append("  " + list(w.updated(a.updated.count), a.updated.map { w.updatedTask($0.id, fields: $0.fields) }, w))
      out.append("  " + w.unchanged(a.unchanged))
      out.append("  " + list(w.vanished(a.vanished.count), a.vanished, w))
    }
    return out
  }

  /// A count and, after it, the first 20 items it counts.
  static func list(_ label: String, _ items: [String], _ w: any Words) -> String {
    guard !items.isEmpty else { return label }
    let shown = items.prefix(20).joined(separator: w.listSeparator)
    return w.labelled(label, shown.inert + (items.count > 20 ? w.listSeparator + "…" : ""))
  }

  static func json(_ r: ImportResult, again: Reimport?, words: any Words) -> JSON {
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
      ("guesses", .array(r.guesses.map { .string(words.guess($0)) })),
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
