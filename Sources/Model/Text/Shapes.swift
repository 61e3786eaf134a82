/// The JSON shapes scripts depend on (PRODUCT.md): built here once, used by every command.
public enum Shapes {
  /// A task as the documented `list` item. The shape is written once, in `writeTask`; the
  /// tree is read back from it for the few places that add to it.
  public static func task(_ agenda: Agenda, _ i: Int) -> JSON {
    var out: [UInt8] = []
    writeTask(agenda, i, into: &out, pretty: false, depth: 0)
    return (try? JSON.parse(out)) ?? .null
  }

  /// A task written straight into bytes: a long report's thousands of tasks need no tree, and
  /// free text goes from the file's bytes to the output without becoming a `String`.
  public static func writeTask(_ agenda: Agenda, _ i: Int, into out: inout [UInt8], pretty: Bool, depth: Int) {
    let t = agenda.plan.tasks[i]
    // Each helper writes one member of `n`: its key, then its value.
    func string(_ n: inout JSONNest, _ key: String, _ s: String) {
      n.key(key, into: &out)
      JSON.writeString(s, into: &out)
    }
    func text(_ n: inout JSONNest, _ key: String, _ c: CellText) {
      n.key(key, into: &out)
      JSON.writeString(c, into: &out)
    }
    func day(_ n: inout JSONNest, _ key: String, _ d: Day?) {
      n.key(key, into: &out)
      guard let d else { return out += "null".utf8 }
      out.append(0x22)
      d.appendISO(to: &out)
      out.append(0x22)
    }
    func bool(_ n: inout JSONNest, _ key: String, _ b: Bool) {
      n.key(key, into: &out)
      out += (b ? "true" : "false").utf8
    }
    func strings(_ n: inout JSONNest, _ key: String, _ items: [String]) {
      n.key(key, into: &out)
      var a = JSONNest(array: &out, pretty: pretty, depth: depth + 1)
      for s in items {
        a.item(into: &out)
        JSON.writeString(s, into: &out)
      }
      a.close(into: &out)
    }
    let lead = t.lead
    let support = t.support
    var o = JSONNest(object: &out, pretty: pretty, depth: depth)
    string(&o, "id", t.id)
    string(&o, "group", t.group)
    string(&o, "theme", t.theme)
    text(&o, "measure", t.measureText)
    strings(&o, "lead", lead.units)
    strings(&o, "support", support.units)
    o.key("deadline", into: &out)
    var d = JSONNest(object: &out, pretty: pretty, depth: depth + 1)
    string(&d, "text", t.deadline.text)
    string(&d, "kind", t.deadline.kind.name)
    day(&d, "due", agenda.due[i])
    switch t.deadline.kind {
    case .afterEvent(let e, _), .withinAfterEvent(_, _, let e): string(&d, "event", e)
    default: break
    }
    d.close(into: &out)
    string(&o, "status", t.status.rawValue)
    day(&o, "completed_on", t.completedOn)
    bool(&o, "overdue", agenda.isOverdue(i))
    bool(&o, "lead_others", lead.others)
    bool(&o, "support_others", support.others)
    day(&o, "event_on", t.eventOn)
    text(&o, "note", t.noteText)
    // After the fields PRODUCT.md lists, so that their order stays as scripts know it.
    text(&o, "requirement", t.requirementText)
    o.key("extras", into: &out)
    var x = JSONNest(object: &out, pretty: pretty, depth: depth + 1)
    for k in t.extras.keys.sorted() { string(&x, k, t.extras[k]!) }
    x.close(into: &out)
    o.close(into: &out)
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
  public static func writeList(
    _ agenda: Agenda, _ indexes: [Int], into out: inout [UInt8], drain: (inout [UInt8]) -> Void = { _ in }
  ) {
    JSON.writeObject(
      [
        ("today", .value(.string(agenda.today.description))),
        (
          "tasks", .written(count: indexes.count) { writeTask(agenda, indexes[$0], into: &$1, pretty: true, depth: $2) }
        ),
      ], into: &out, pretty: true, depth: 0, drain: drain)
  }

  /// `standup(agenda, dueWithin:).rendered(pretty: true)`, written task by task.
  public static func writeStandup(
    _ agenda: Agenda, dueWithin: Int = 14, into out: inout [UInt8], drain: (inout [UInt8]) -> Void = { _ in }
  ) {
    let overdue = agenda.overdue
    let soon = agenda.dueSoon(within: dueWithin)
    let waiting = agenda.waiting
    let changed = agenda.changedSinceLastWorkday
    let short = agenda.staffingShortfalls
    JSON.writeObject(
      [
        ("today", .value(.string(agenda.today.description))),
        (
          "overdue",
          .written(count: overdue.count) { writeTask(agenda, overdue[$0], into: &$1, pretty: true, depth: $2) }
        ),
        ("due_soon", .written(count: soon.count) { writeTask(agenda, soon[$0], into: &$1, pretty: true, depth: $2) }),
        (
          "waiting",
          .written(count: waiting.count) { writeTask(agenda, waiting[$0], into: &$1, pretty: true, depth: $2) }
        ),
        ("changed", .items(count: changed.count) { entry(changed[$0]) }),
        ("staffing_shortfalls", .items(count: short.count) { unit(short[$0]) }),
      ], into: &out, pretty: true, depth: 0, drain: drain)
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
