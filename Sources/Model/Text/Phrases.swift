/// How the domain reads in words, shared by the command line and the dashboard: it composes
/// readings (a deadline's, a change's) out of data, and takes every word from the table.
public struct Phrases: Sendable {
  public let words: any Words

  public init(_ words: any Words) { self.words = words }
  public init(_ lang: Lang) { self.words = lang.words }

  public func status(_ s: TaskStatus) -> String { words.status(s) }
  public func role(_ r: Role) -> String { words.role(r) }

  public func departments(_ d: Departments) -> String {
    let names = d.units + (d.others ? [words.otherDepartments] : [])
    return names.isEmpty ? "—" : names.joined(separator: words.listSeparator)
  }

  /// "due 2019-08-31 · 20 days overdue", "done 2019-08-26", "waiting: 市局明确".
  public func reading(_ agenda: Agenda, _ i: Int) -> String {
    let t = agenda.plan.tasks[i]
    let due = agenda.due[i]
    if t.status == .done, Agenda.isSettled(t, due: due) {
      return t.completedOn.map(words.doneOn) ?? status(.done)
    }
    if let d = due {
      let late = d.days(until: agenda.today)
      let s =
        late > 0 ? words.dueOverdue(d, days: late) : late == 0 ? words.dueToday(d) : words.dueLeft(d, days: -late)
      if case .yearly = t.deadline.kind { return words.yearly(s) }
      return s
    }
    switch t.deadline.kind {
    case .ongoing, .byThenOngoing: return words.ongoing
    case .afterEvent(let event, let ongoing):
      return t.eventOn.map { words.triggered($0, ongoing: ongoing) } ?? words.waiting(for: event)
    case .withinAfterEvent(let n, let unit, let event): return words.waiting(for: event, then: n, unit)
    case .yearly(let m, let d): return words.everyYear(month: m, day: d)
    case .asRequired: return words.asRequired
    case .unparsed:
      return t.deadline.text.trimmingSpaces.isEmpty ? words.noDeadline : words.deadlineNotUnderstood
    case .by: return ""
    }
  }

  public func span(_ n: Int, _ unit: SpanUnit) -> String { words.span(n, unit) }
  public func kind(_ k: DeadlineKind) -> String { words.deadlineKind(k) }
  public func operation(_ op: String) -> String { words.operation(op) }
  public func field(_ f: ChangeField) -> String { words.field(f) }

  /// A field's value in words: "—" for none, a status by name, the rest as the store writes it.
  public func value(_ v: FieldValue) -> String {
    if v.isEmpty { return "—" }
    if case .status(let s) = v { return status(s) }
    return v.text
  }

  /// "status open → done; completed — → 2019-09-20".
  public func changes(_ c: Change) -> String {
    c.fields.map { "\(field($0.field)) \(value($0.before)) → \(value($0.after))" }
      .joined(separator: words.clauseSeparator)
  }

  /// What an entry says besides its changes: an import's counts (read from the English
  /// sentence older journals kept, when that is what there is), else its message as written.
  public func summary(_ e: JournalEntry) -> String {
    if let s = e.imported ?? ImportSummary(legacy: e.message) { return words.importSummary(s) }
    return e.message
  }

  /// One entry in a line: "完成 任务 3：状态 未开始 → 已完成；完成日期 — → 2019-09-20".
  public func entrySummary(_ e: JournalEntry) -> String {
    var s = operation(e.change.op) + " " + target(e.change.target)
    if let u = e.change.undoes { s += " #\(u)" }
    let what = e.change.fields.isEmpty ? summary(e) : changes(e.change)
    return what.isEmpty ? s : words.labelled(s, what)
  }

  /// A save's git commit message: its journal entry's summary (one line each when a save made
  /// several, under a line that counts them).
  public func commitMessage(_ entries: [JournalEntry]) -> String {
    let lines = entries.map(entrySummary)
    guard lines.count > 1 else { return lines.first ?? "" }
    return words.commitChanges(entries.count)
      + entries.map { target($0.change.target) }.joined(separator: words.listSeparator)
      + "\n\n" + lines.joined(separator: "\n")
  }

  /// What a journal entry was about, for lists: "task 4" / "unit 征收管理科".
  public func target(_ t: ChangeTarget) -> String { words.target(t) }

  /// How a deadline phrase was read, said back to whoever typed it: "read as: by 2020-06-30".
  public func typedDeadline(_ deadline: Deadline) -> String {
    switch deadline.kind {
    case .by(let d): return words.readAsBy(d)
    case .byThenOngoing(let d): return words.readAsByThenOngoing(d)
    case .unparsed: return deadline.text.isEmpty ? words.noDeadline : words.typedNotUnderstood
    default: return words.readAs(kind(deadline.kind))
    }
  }

  public func weekday(_ d: Day) -> String { words.weekday(d.weekday) }
}
