import ArgumentParser
import Model
import Readers

struct Import: SessionCommand {
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
  @Option(help: ArgumentHelp(helpWords.importSheetHelp, valueName: "name")) var sheet: String?
  @Option(name: .customLong("map"), help: ArgumentHelp(helpWords.importMapHelp, valueName: "header=field"))
  var maps: [String] = []
  @Option(name: .customLong("header-row"), help: ArgumentHelp(helpWords.importHeaderRowHelp, valueName: "n"))
  var headerRow: Int?
  @Option(help: ArgumentHelp(helpWords.importYearHelp, valueName: "yyyy")) var year: Int?

  func validate() throws { try Format.require(format, in: [.text, .json]) }

  func run(in session: Session) throws {
    let ctx = try Context(global, session)
    let name = file.split(separator: "/").last.map(String.init) ?? file
    let result: ImportResult
    do {
      if let year, !(1900...2200).contains(year) { throw ImportError(.badYear(year), file: name) }
      var options = ImportOptions(headerRow: headerRow, year: year)
      for m in maps {
        guard let eq = m.firstIndex(of: "="), let f = ImportField(word: String(m[m.index(after: eq)...])),
          !m[..<eq].trimmingSpaces.isEmpty
        else { throw ImportError(.badMap(m), file: name) }
        options.map.append((String(m[..<eq]).trimmingSpaces, f))
      }
      let doc = try SourceFile.read(path: file, sheet: sheet, map: options.map)
      result = try TableImport.interpret(doc, file: name, options: options)
    } catch let e as ImportError {
      ctx.console.err("sanxiang: " + e.description(ctx.words))
      throw ExitCode(e.exitCode)
    }
    try ctx.guarded {
      let existing = FileIO.exists(into + "/" + Store.tasksFile) ? try Store.open(into) : nil
      let again = existing.map { Reimport(result, onto: $0.plan) }
      if format == .json {
        ctx.console.out(ImportReport.json(result, again: again, words: ctx.words).rendered(pretty: true))
      } else {
        for line in ImportReport.text(result, source: name, again: again, words: ctx.words) { ctx.console.out(line) }
      }
      if dryRun {
        if format == .text { ctx.console.out(ctx.words.dryRun) }
        return
      }
      if let existing, let again {
        // A table read again with nothing new leaves the store as it was: a journal line
        // saying "imported" would only bury the changes people made.
        if again.changes.isEmpty {
          if format == .text { ctx.console.out(ctx.words.storeUnchanged(into)) }
          return
        }
        // The tasks and the import's journal entry in one save, under one lock.
        try existing.commit(
          again.changes, by: ctx.who,
          imported: .again(
            source: name, added: again.added.count, updated: again.updated.count, vanished: again.vanished.count))
      } else {
        let settings = PlanSettings(
          title: result.title, agency: agency ?? "", note: result.note, reviewerPercent: 5, groups: result.groups,
          year: result.year)
        let entry = JournalEntry(
          seq: 1, at: Clock.nowISO(), by: ctx.who, change: Change(op: "import", target: .plan, fields: []),
          imported: .created(source: name, tasks: result.tasks.count, groups: result.groups.count))
        try Store.create(
          into, settings: settings, tasks: result.tasks, extraColumns: result.extraColumns, journal: [entry])
      }
      if format == .text {
        ctx.console.out(existing == nil ? ctx.words.storeCreated(into) : ctx.words.storeUpdated(into))
      }
    }
  }
}

/// The report an import prints: where the header is, what each column became, counts,
/// groups, departments, columns kept, deadlines it could not read, what it guessed, the
/// first tasks as they will be stored, and (into an existing store) what changes.
enum ImportReport {
  static func text(_ r: ImportResult, source: String, again: Reimport?, words w: any Words) -> [String] {
    var out: [String] = []
    out.append(w.readFile(source.inert, as: r.format))
    if !r.title.isEmpty { out.append("  " + w.importTitle(r.title.inert)) }
    if !r.note.isEmpty { out.append("  " + w.importNote(r.note.inert)) }
    // A plan written as prose has no header of its own: its guesses say how it was read.
    if !r.prose {
      out.append("  " + w.importHeader(r.headerPlace))
      out.append("  " + w.importColumnsHeading)
      for c in r.columns { out.append("    " + w.importColumn(c).inert) }
    }
    out.append("  " + w.importTasks(r.tasks.count, groups: r.groups.count))
    for g in r.groups {
      let n = r.tasks.filter { $0.group == g }.count
      out.append("    \(g.inert) (\(n))")
    }
    out.append("  " + w.importDepartments(r.departments).inert)
    if !r.extraColumns.isEmpty { out.append("  " + w.otherColumnsKept(r.extraColumns).inert) }
    out.append("  " + w.unreadDeadlines(r.unreadDeadlines.count))
    for (id, text) in r.unreadDeadlines { out.append("    \(id.inert): \(text.inert)") }
    let grouped = groupedGuesses(r.guesses)
    out.append("  " + w.guesses(grouped.count))
    for (g, places) in grouped { out.append("    " + guess(g, places: places, words: w).inert) }
    let shown = r.tasks.prefix(3)
    if !shown.isEmpty {
      out.append("  " + w.firstTasks(shown.count))
      for t in shown {
        out.append("    \(t.id.inert)")
        for f in TaskField.defining {
          let v = t.value(of: f).text
          if !v.isEmpty { out.append("      " + w.labelled(w.firstTaskLabel(f), v.inert)) }
        }
        for (k, v) in t.extras.sorted(by: { $0.key < $1.key }) { out.append("      " + w.labelled(k.inert, v.inert)) }
      }
    }
    if let a = again {
      out.append(w.intoExisting)
      out.append("  " + w.added(a.added.count) + list(a.added))
      out.append(
        "  " + w.updated(a.updated.count)
          + list(
            a.updated.map { u in
              "\(u.id) (\(u.fields.map { w.field(.task($0)) }.joined(separator: w.listSeparator)))"
            }))
      out.append("  " + w.unchanged(a.unchanged))
      out.append("  " + w.vanished(a.vanished.count) + list(a.vanished))
    }
    return out
  }

  /// One guess made at several places ("办公室牵头，各科室配合" in 12 cells): said once, with
  /// the first places and how many there are.
  static func guess(_ g: TableGuess, places: [SourcePlace], words w: any Words) -> String {
    let text = w.guess(g)
    guard places.count > 1, let first = g.place else { return text }
    let head = w.place(first)
    guard text.hasPrefix(head) else { return text }
    let shown = places.prefix(4).map(w.place).joined(separator: w.listSeparator)
    let more = places.count > 4 ? w.morePlaces(places.count, shown: 4) : ""
    return shown + more + text.dropFirst(head.count)
  }

  /// Guesses in the order first made, those equal but for their place as one.
  static func groupedGuesses(_ guesses: [TableGuess]) -> [(TableGuess, [SourcePlace])] {
    var out: [(TableGuess, [SourcePlace])] = []
    var index: [TableGuess: Int] = [:]
    for g in guesses {
      guard let p = g.place else {
        out.append((g, []))
        continue
      }
      let key = g.moved(to: .line(0))
      if let k = index[key] {
        out[k].1.append(p)
      } else {
        index[key] = out.count
        out.append((g, [p]))
      }
    }
    return out
  }

  static func list(_ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    let shown = items.prefix(20).joined(separator: ", ")
    return ": " + shown.inert + (items.count > 20 ? ", …" : "")
  }

  static func json(_ r: ImportResult, again: Reimport?, words w: any Words) -> JSON {
    var pairs: [(String, JSON)] = [
      ("format", .string(r.format.rawValue)),
      ("title", .string(r.title)),
      ("header", .string(w.place(r.headerPlace))),
      (
        "columns",
        .array(
          r.columns.map {
            .object([
              ("header", .string($0.header)), ("field", .string($0.field.taskField?.name ?? $0.field.rawValue)),
              ("kept_as", $0.keptAs.map(JSON.string) ?? .null),
            ])
          })
      ),
      ("tasks", .int(r.tasks.count)),
      ("groups", .array(r.groups.map(JSON.string))),
      ("departments", .array(r.departments.map(JSON.string))),
      ("extra_columns", .array(r.extraColumns.map(JSON.string))),
      (
        "unread_deadlines",
        .array(r.unreadDeadlines.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) })
      ),
      ("guesses", .array(r.guesses.map { .string(w.guess($0)) })),
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
