import Model

/// Shared pieces of drawing: bars, tones and short readings.
enum Paint {
  /// The cursor's row, highlighted, with ">" in its first column when its pane has the focus:
  /// the mark reads without colour (NO_COLOR, a monochrome terminal, a copied screen).
  static func cursorRow(_ g: inout Grid, x: Int, y: Int, width: Int, focused: Bool = true) {
    if focused { g.put(">", x: x, y: y) }
    g.restyle(x: x, y: y, width: width, style: focused ? .selectedFocused : .selected)
  }

  /// A text bar from `Bars`, its filled part styled so colour terminals show it too.
  static func bar(_ g: inout Grid, x: Int, y: Int, width: Int, done: Int, total: Int) {
    guard width >= 3 else { return }
    styledBar(&g, Bars.progress(done, total, width: width), x: x, y: y)
  }

  static func styledBar(_ g: inout Grid, _ text: String, x: Int, y: Int) {
    for (k, c) in text.enumerated() {
      let style: Style =
        switch c {
        case "|": .barFill
        case ":": .short
        case " ": .barEmpty
        default: .muted
        }
      g.put(String(c), x: x + k, y: y, style: style)
    }
  }

  /// The colour meaning of a task on this day.
  static func tone(_ a: Agenda, _ i: Int) -> Style {
    if a.isOverdue(i) { return .overdue }
    if a.plan.tasks[i].status == .blocked { return .blocked }
    if a.isDueWithin(i, days: Agenda.soonDays) { return .soon }
    if a.isDone(i) { return .done }
    return .normal
  }

  /// A glyph for the status, so the meaning survives without colour.
  static func glyph(_ t: PlanTask) -> String {
    switch t.status {
    case .open: " "
    // Not ">": that marks the cursor's row.
    case .inProgress: "~"
    case .done: "✓"
    case .blocked: "#"
    case .retired: "-"
    }
  }

  /// The deadline in a few columns: "逾期 20 天", "还剩 10 天", "✓ 09-11", "待触发".
  static func shortReading(_ a: Agenda, _ i: Int, _ w: any Words) -> String {
    let t = a.plan.tasks[i]
    if t.status == .done, a.due[i] == nil || !a.isOverdue(i) {
      if case .yearly = t.deadline.kind, let d = a.due[i] { return w.shortNext(d) }
      return "✓ " + (t.completedOn.map { String($0.description.dropFirst(5)) } ?? "")
    }
    if let d = a.due[i] {
      let late = d.days(until: a.today)
      if late > 0 { return w.shortOverdue(late) }
      if late == 0 { return w.shortDueToday }
      return w.shortLeft(-late)
    }
    switch t.deadline.kind {
    case .ongoing, .byThenOngoing: return w.shortOngoing
    case .afterEvent, .withinAfterEvent: return t.eventOn == nil ? w.shortWaiting : w.shortTriggered
    case .asRequired: return w.asRequired
    case .yearly: return w.shortYearly
    case .unparsed: return t.deadline.text.trimmingSpaces.isEmpty ? "—" : w.shortUnread
    case .by: return ""
    }
  }
}
