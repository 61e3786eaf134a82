import Model

/// Text reports for people: aligned by display width, cut to the terminal, coloured only on
/// a terminal. Every cell goes through `inert`, so data can never move the cursor.
struct TextOutput {
  let ctx: Context
  let width: Int
  let color: Bool
  var p: Phrases { ctx.phrases }
  var w: any Words { ctx.words }

  init(_ ctx: Context, width: Int = Console.width, color: Bool = Console.useColor) {
    self.ctx = ctx
    self.width = width
    self.color = color
  }

  enum Tone { case overdue, soon, done, muted, heading, short }

  func paint(_ s: String, _ tone: Tone?) -> String {
    guard color, let tone else { return s }
    let code =
      switch tone {
      case .overdue, .short: "31"
      case .soon: "33"
      case .done: "32"
      case .muted: "2"
      case .heading: "1"
      }
    return "\u{1B}[\(code)m" + s + "\u{1B}[0m"
  }

  func tone(_ a: Agenda, _ i: Int) -> Tone? {
    if a.isOverdue(i) { return .overdue }
    if a.isDueWithin(i, days: Agenda.soonDays) { return .soon }
    if a.isDone(i) { return .done }
    return nil
  }

  /// One line a task: id, status, measure, lead, and the deadline's reading.
  func taskLines(_ a: Agenda, _ indexes: [Int], roles: [Int: Role] = [:], header: Bool = true) -> [String] {
    let p = self.p
    let idW = max(2, indexes.map { a.plan.tasks[$0].id.displayWidth }.max() ?? 2)
    let statusW = ctx.lang == .zh ? 6 : 11
    let leadW = ctx.lang == .zh ? 14 : 18
    let readW = ctx.lang == .zh ? 30 : 34
    let roleW = roles.isEmpty ? 0 : (ctx.lang == .zh ? 4 : 7)
    let measureW = max(10, width - idW - statusW - leadW - readW - roleW - (roleW > 0 ? 10 : 8))
    var out: [String] = []
    if header {
      var h = "ID".padded(toWidth: idW, right: true) + "  " + w.columnStatus.padded(toWidth: statusW)
      if roleW > 0 { h += "  " + w.columnRole.padded(toWidth: roleW) }
      h += "  " + w.columnMeasure.padded(toWidth: measureW)
      h += "  " + w.role(.lead).padded(toWidth: leadW) + "  " + w.columnDeadline
      out.append(paint(h.trimmingTrailingSpaces, .heading))
    }
    for i in indexes {
      let t = a.plan.tasks[i]
      var line = t.id.inert.padded(toWidth: idW, right: true) + "  " + p.status(t.status).padded(toWidth: statusW)
      if roleW > 0 { line += "  " + (roles[i].map(p.role) ?? "").padded(toWidth: roleW) }
      line += "  " + t.measure.inert.padded(toWidth: measureW)
      line += "  " + p.departments(t.lead).inert.padded(toWidth: leadW)
      line += "  " + p.reading(a, i).inert.truncated(toWidth: readW)
      out.append(paint(line.trimmingTrailingSpaces, tone(a, i)))
    }
    return out
  }

  func entryLine(_ e: JournalEntry) -> String {
    let when = e.minute
    var what = p.operation(e.change.op)
    if let u = e.change.undoes { what += " #\(u)" }
    let change = p.changes(e.change)
    let summary = p.summary(e)
    let msg = summary.isEmpty ? "" : "  " + summary
    return "\(String(e.seq).padded(toWidth: 4, right: true))  \(when)  \(e.by.inert.padded(toWidth: 8))  "
      + "\(p.target(e.change.target).inert.padded(toWidth: 16))  \(what.padded(toWidth: ctx.lang == .zh ? 8 : 10))  "
      + (change + msg).inert
  }

  func unitLines(_ checks: [StaffingCheck], percent: Int?) -> [String] {
    let nameW = max(8, checks.map { $0.unit.displayWidth }.max() ?? 8)
    var out = [
      paint(
        (w.columnUnit.padded(toWidth: nameW) + "  " + w.columnEnforcementShort.padded(toWidth: 7, right: true)
          + "  " + w.columnReviewersShort.padded(toWidth: 6, right: true) + "  "
          + w.columnRequiredShort.padded(toWidth: 5, right: true) + "  "
          + w.columnShortfallShort.padded(toWidth: 5, right: true)
          + "  " + w.columnRatio.padded(toWidth: 6, right: true) + "  " + w.columnAgainst(percent ?? 0))
          .trimmingTrailingSpaces, .heading)
    ]
    for c in checks {
      let ratio = c.permilleRatio.map { "\($0 / 10).\($0 % 10)%" } ?? "—"
      var line = c.unit.inert.padded(toWidth: nameW) + "  " + String(c.enforcement).padded(toWidth: 7, right: true)
      line += "  " + String(c.reviewers).padded(toWidth: 6, right: true)
      line += "  " + (c.required.map(String.init) ?? "—").padded(toWidth: 5, right: true)
      line += "  " + (c.shortfall > 0 ? "-\(c.shortfall)" : "0").padded(toWidth: 5, right: true)
      line += "  " + ratio.padded(toWidth: 6, right: true)
      line += "  " + Bars.ratio(c, width: 22)
      out.append(paint(line.trimmingTrailingSpaces, c.compliant == false ? .short : nil))
    }
    return out
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }

}
