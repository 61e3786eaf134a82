/// The JSON shapes scripts depend on (PRODUCT.md): built here once, used by every command.
public enum Shapes {
  public static func task(_ agenda: Agenda, _ i: Int) -> JSON {
    let t = agenda.plan.tasks[i]
    var deadline: [(String, JSON)] = [
      ("text", .string(t.deadline.text)), ("kind", .string(t.deadline.kind.name)),
      ("due", agenda.due[i].map { .string($0.description) } ?? .null),
    ]
    switch t.deadline.kind {
    case .afterEvent(let e, _), .withinAfterEvent(_, _, let e): deadline.append(("event", .string(e)))
    default: break
    }
    return .object([
      ("id", .string(t.id)),
      ("group", .string(t.group)),
      ("theme", .string(t.theme)),
      ("measure", .string(t.measure)),
      ("lead", .array(t.lead.units.map(JSON.string))),
      ("support", .array(t.support.units.map(JSON.string))),
      ("deadline", .object(deadline)),
      ("status", .string(t.status.rawValue)),
      ("completed_on", t.completedOn.map { .string($0.description) } ?? .null),
      ("overdue", .bool(agenda.isOverdue(i))),
      ("lead_others", .bool(t.lead.others)),
      ("support_others", .bool(t.support.others)),
      ("event_on", t.eventOn.map { .string($0.description) } ?? .null),
      ("note", .string(t.note)),
      ("extras", .object(t.extras.keys.sorted().map { ($0, .string(t.extras[$0]!)) })),
    ])
  }

  public static func entry(_ e: JournalEntry) -> JSON {
    // The journal line itself is the shape: one encoder, one truth.
    (try? JSON.parse(Array(JournalFile.encode(e).utf8))) ?? .null
  }

  public static func unit(_ c: StaffingCheck) -> JSON {
    .object([
      ("unit", .string(c.unit)),
      ("enforcement", .int(c.enforcement)),
      ("reviewers", .int(c.reviewers)),
      ("required", c.required.map(JSON.int) ?? .null),
      ("shortfall", .int(c.shortfall)),
      ("compliant", c.compliant.map(JSON.bool) ?? .null),
    ])
  }

  public static func staffing(_ plan: Plan, totalName: String = "total") -> JSON {
    let checks = plan.staffingChecks()
    return .object([
      ("ratio_percent", plan.settings.reviewerPercent.map(JSON.int) ?? .null),
      ("units", .array(checks.map(unit))),
      ("total", unit(StaffingCheck(total: totalName, of: checks))),
    ])
  }

  public static func list(_ agenda: Agenda, _ indexes: [Int]) -> JSON {
    .object([("today", .string(agenda.today.description)), ("tasks", .array(indexes.map { task(agenda, $0) }))])
  }

  /// `list(agenda, indexes).rendered(pretty: true)`, written task by task.
  public static func writeList(_ agenda: Agenda, _ indexes: [Int], into out: inout [UInt8]) {
    JSON.writeObject(
      [
        ("today", .value(.string(agenda.today.description))),
        ("tasks", .items(count: indexes.count) { task(agenda, indexes[$0]) }),
      ], into: &out, pretty: true, depth: 0)
  }

  /// `standup(agenda, dueWithin:).rendered(pretty: true)`, written task by task.
  public static func writeStandup(_ agenda: Agenda, dueWithin: Int = 14, into out: inout [UInt8]) {
    let overdue = agenda.overdue
    let soon = agenda.dueSoon(within: dueWithin)
    let waiting = agenda.waiting
    let changed = agenda.changedSinceLastWorkday
    let short = agenda.staffingShortfalls
    JSON.writeObject(
      [
        ("today", .value(.string(agenda.today.description))),
        ("overdue", .items(count: overdue.count) { task(agenda, overdue[$0]) }),
        ("due_soon", .items(count: soon.count) { task(agenda, soon[$0]) }),
        ("waiting", .items(count: waiting.count) { task(agenda, waiting[$0]) }),
        ("changed", .items(count: changed.count) { entry(changed[$0]) }),
        ("staffing_shortfalls", .items(count: short.count) { unit(short[$0]) }),
      ], into: &out, pretty: true, depth: 0)
  }

  public static func standup(_ agenda: Agenda, dueWithin: Int = 14) -> JSON {
    .object([
      ("today", .string(agenda.today.description)),
      ("overdue", .array(agenda.overdue.map { task(agenda, $0) })),
      ("due_soon", .array(agenda.dueSoon(within: dueWithin).map { task(agenda, $0) })),
      ("waiting", .array(agenda.waiting.map { task(agenda, $0) })),
      ("changed", .array(agenda.changedSinceLastWorkday.map(entry))),
      ("staffing_shortfalls", .array(agenda.staffingShortfalls.map(unit))),
    ])
  }

  public static func show(_ agenda: Agenda, _ i: Int) -> JSON {
    guard case .object(var pairs) = task(agenda, i) else { return .null }
    pairs.append(("history", .array(agenda.plan.history(of: agenda.plan.tasks[i].id).map(entry))))
    return .object(pairs)
  }
}
