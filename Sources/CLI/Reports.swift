import Model

/// The longer text reports, and the look-ups commands share.
enum Reports {
  static func noTask(_ id: String) -> StoreError {
    StoreError(.noInput, .noTask(id))
  }

  /// A group by exact name, by number in plan order, or by a unique part of its name.
  static func resolveGroup(_ text: String, in plan: Plan) throws -> String {
    let groups = plan.groups
    if groups.contains(text) { return text }
    if let n = Int(text), n >= 1, n <= groups.count { return groups[n - 1] }
    let hits = groups.filter { $0.contains(text) }
    if hits.count == 1 { return hits[0] }
    throw CommandError(hits.isEmpty ? .noGroup(text, groups: groups) : .severalGroups(text, hits))
  }

  static func resolveDepartment(_ text: String, in plan: Plan) throws -> String {
    let all = plan.departments
    if all.contains(text) { return text }
    let hits = all.filter { $0.contains(text) }
    if hits.count == 1 { return hits[0] }
    throw CommandError(hits.isEmpty ? .noDepartment(text, departments: all) : .severalDepartments(text, hits))
  }

  static func standup(_ a: Agenda, ctx: Context, within: Int, markdown: Bool) {
    let out = TextOutput(ctx, color: markdown ? false : Console.useColor)
    let w = ctx.words
    let s = a.plan.settings
    let overall = a.overall
    let shortfalls = a.staffingShortfalls
    let overdue = a.overdue
    let head = [s.title, s.agency].filter { !$0.isEmpty }.joined(separator: " · ")
    ctx.console.out(out.paint((markdown ? "# " : "") + head.inert, .heading))
    ctx.console.out(
      "\(a.today) \(ctx.phrases.weekday(a.today)) · " + w.progress + " "
        + Bars.progress(overall.done, overall.total, width: 22)
        + " \(overall.done)/\(overall.total) \(overall.percent)% · "
        + w.overdueCount(overdue.count) + " · " + w.unitsShortOfReviewers(shortfalls.count))
    let sections: [(String, [Int])] = [
      (w.overdueHeading, overdue),
      (w.dueWithinHeading(within), a.dueSoon(within: within)),
      (w.waitingHeading, a.waiting),
    ]
    for (title, items) in sections {
      ctx.console.out("")
      ctx.console.out(out.paint((markdown ? "## " : "") + "\(title) (\(items.count))", .heading))
      if items.isEmpty {
        ctx.console.out("  " + w.none)
      } else if markdown {
        ctx.console.out("")
        markdownTasks(a, items, ctx: ctx)
      } else {
        for line in out.taskLines(a, items, header: false) { ctx.console.out(line) }
      }
    }
    let since = a.lastWorkday
    let changed = a.changedSinceLastWorkday
    ctx.console.out("")
    ctx.console.out(
      out.paint(
        (markdown ? "## " : "") + w.changedSinceHeading(since) + " (\(changed.count))", .heading))
    if changed.isEmpty { ctx.console.out("  " + w.none) }
    for e in changed { ctx.console.out((markdown ? "- " : "") + out.entryLine(e)) }
    ctx.console.out("")
    ctx.console.out(
      out.paint(
        (markdown ? "## " : "") + w.shortOfReviewersHeading + " (\(shortfalls.count))", .heading))
    if shortfalls.isEmpty { ctx.console.out("  " + w.none) }
    for c in shortfalls { ctx.console.out((markdown ? "- " : "  ") + w.unitShortfall(c.unit.inert, c)) }
  }

  static func show(_ a: Agenda, _ i: Int, ctx: Context) {
    let t = a.plan.tasks[i]
    let p = ctx.phrases
    let w = ctx.words
    let out = TextOutput(ctx)
    let width = min(Console.width, 100)
    ctx.console.out(
      out.paint(
        w.taskTitle(t.id.inert) + " · " + [t.group, t.theme].filter { !$0.isEmpty }.joined(separator: " › ").inert,
        .heading))
    for line in t.measure.inert.wrapped(toWidth: width) { ctx.console.out(line) }
    if !t.requirement.isEmpty {
      ctx.console.out("")
      for line in w.requirement(t.requirement).inert.wrapped(toWidth: width) { ctx.console.out(line) }
    }
    ctx.console.out("")
    let labelW = ctx.lang == .zh ? 6 : 11
    func row(_ label: String, _ value: String) {
      let w = max(labelW, label.displayWidth)
      let lines = value.inert.wrapped(toWidth: max(20, width - w - 2))
      for (k, v) in lines.enumerated() { ctx.console.out((k == 0 ? label.inert : "").padded(toWidth: w) + "  " + v) }
    }
    row(p.role(.lead), p.departments(t.lead))
    row(p.role(.support), p.departments(t.support))
    row(
      w.deadlineLabel, t.deadline.text.trimmingSpaces + " → " + p.reading(a, i) + " (" + p.kind(t.deadline.kind) + ")")
    row(w.statusLabel, p.status(t.status) + (t.completedOn.map(w.completedClause) ?? ""))
    if let e = t.eventOn { row(w.eventLabel, e.description) }
    if !t.note.isEmpty { row(w.noteLabel, t.note) }
    for key in t.extras.keys.sorted() { row(key, t.extras[key]!) }
    let history = a.plan.history(of: t.id)
    ctx.console.out("")
    ctx.console.out(out.paint(w.historyHeading(history.count), .heading))
    for e in history { ctx.console.out(out.entryLine(e)) }
  }

  static func staffing(_ plan: Plan, ctx: Context, markdown: Bool) {
    let w = ctx.words
    let checks = plan.staffingChecks()
    let total = StaffingCheck(total: w.total, of: checks)
    if markdown {
      ctx.console.out(
        "| "
          + [
            w.columnUnit, w.columnEnforcement, w.columnReviewers, w.columnRequired, w.columnShortfall,
            w.columnCompliant,
          ].joined(separator: " | ") + " |")
      ctx.console.out("|---|--:|--:|--:|--:|---|")
      for c in checks + [total] {
        ctx.console.out(
          "| \(mdCell(c.unit)) | \(c.enforcement) | \(c.reviewers) | \(c.required.map(String.init) ?? "—") | \(c.shortfall) | \(c.compliant.map { $0 ? "✓" : "✗" } ?? "—") |"
        )
      }
      return
    }
    let out = TextOutput(ctx)
    let p = plan.settings.reviewerPercent
    ctx.console.out(p.map(w.ruleLine) ?? w.noPercentLine)
    for line in out.unitLines(checks + [total], percent: p) { ctx.console.out(line) }
  }

  /// Every stored field and the plan's own columns, for a spreadsheet: with a UTF-8 BOM, so
  /// that Excel on a Chinese Windows opens it with the Chinese intact.
  static func csv(_ a: Agenda, _ indexes: [Int], ctx: Context) {
    var extras = Set<String>()
    for i in indexes { extras.formUnion(a.plan.tasks[i].extras.keys) }
    let own = extras.sorted()
    // The fields' own names, and beside them what the agenda works out (the deadline's kind,
    // the due day, whether it is overdue).
    let header =
      [TaskField.id, .group, .theme, .measure, .requirement, .lead, .support, .deadline].map(\.name) + ["kind", "due"]
      + [TaskField.status, .completedOn, .eventOn].map(\.name) + ["overdue", TaskField.note.name]
    ctx.console.out("\u{FEFF}" + String(decoding: CSVDocument.encode(header + own), as: UTF8.self))
    for i in indexes {
      let t = a.plan.tasks[i]
      let fields = [
        t.id, t.group, t.theme, t.measure, t.requirement, t.lead.cell, t.support.cell, t.deadline.text,
        t.deadline.kind.name, a.due[i]?.description ?? "", t.status.rawValue, t.completedOn?.description ?? "",
        t.eventOn?.description ?? "", a.isOverdue(i) ? "true" : "false", t.note,
      ]
      ctx.console.out(String(decoding: CSVDocument.encode(fields + own.map { t.extras[$0] ?? "" }), as: UTF8.self))
    }
  }

  static func mdCell(_ s: String) -> String {
    s.inert.replacing("|", with: "\\|")
  }

  static func markdownRows(_ a: Agenda, _ indexes: [Int], ctx: Context) {
    let p = ctx.phrases
    for i in indexes {
      let t = a.plan.tasks[i]
      ctx.console.out(
        "| \(mdCell(t.id)) | \(p.status(t.status)) | \(mdCell(t.measure)) | \(mdCell(p.departments(t.lead))) | \(mdCell(p.reading(a, i))) |"
      )
    }
  }

  static func markdownTasks(_ a: Agenda, _ indexes: [Int], ctx: Context) {
    let w = ctx.words
    ctx.console.out(
      "| ID | " + [w.columnStatus, w.columnMeasure, w.role(.lead), w.columnDeadline].joined(separator: " | ") + " |")
    ctx.console.out("|--:|---|---|---|---|")
    markdownRows(a, indexes, ctx: ctx)
  }

  /// What `check` points out: things that parse but deserve a look. `departments` is the
  /// plan's, read once by the caller.
  static func warnings(_ store: Store, departments: [String], today: Day, words w: any Words) -> [String] {
    var out: [String] = []
    let file = store.path(Store.tasksFile)
    // Each task read where it lies (`for t in tasks` would copy every task).
    let tasks = store.plan.tasks
    do {
      for k in tasks.indices {
        // Each warning names the task's line, so that it can be found in the file (made only
        // for a task that has one).
        var tasksPath: String { store.line(ofTask: k).map { "\(file):\($0)" } ?? file }
        if tasks[k].deadline.kind == .unparsed && !tasks[k].deadline.text.trimmingSpaces.isEmpty {
          out.append(w.warnUnreadDeadline(tasksPath, id: tasks[k].id, text: tasks[k].deadline.text))
        }
        if tasks[k].status == .done && tasks[k].completedOn == nil {
          out.append(w.warnDoneWithoutDate(tasksPath, id: tasks[k].id))
        }
        if tasks[k].status != .done && tasks[k].completedOn != nil {
          out.append(w.warnDateNotDone(tasksPath, id: tasks[k].id))
        }
        if let c = tasks[k].completedOn, c > today {
          out.append(w.warnCompletedAfterToday(tasksPath, id: tasks[k].id, c))
        }
        if tasks[k].lead.isEmpty {
          out.append(w.warnNoLead(tasksPath, id: tasks[k].id))
        }
      }
    }
    for (a, b) in store.plan.nearDuplicateNames(departments: departments) {
      out.append(w.warnNearNames(file, a, b))
    }
    for (key, line) in store.unknownSettings {
      out.append(w.warnUnknownSetting(store.path(SettingsFile.name), line: line, key: key))
    }
    out += store.notices.map(w.notice)
    return out
  }
}
