import Model

/// The detail pane: the selected task in full (measure wrapped by display width, both
/// department roles, the deadline's reading, its history), a journal entry, or a unit.
enum DetailPane {
  typealias Line = (text: String, style: Style)

  /// The pane's lines: some made up front, then `tailCount` more made only when on screen
  /// (a unit's list of tasks can run to thousands of lines).
  struct Lines {
    var head: [Line]
    var tailCount = 0
    var tail: (Int) -> Line = { _ in ("", .normal) }

    var count: Int { head.count + tailCount }
    subscript(k: Int) -> Line { k < head.count ? head[k] : tail(k - head.count) }
  }

  static func draw(_ s: AppState, into g: inout Grid, rect: Rect) {
    let focused = s.focus == .detail
    let inner = rect.inner
    let (title, lines) = content(s, width: max(10, inner.width - 1))
    g.box(rect, title: title, style: focused ? .borderFocused : .border, ascii: s.ascii)
    guard !inner.isEmpty else { return }
    let top = min(s.detailScroll, max(0, lines.count - inner.height))
    for k in top..<min(lines.count, top + inner.height) {
      let line = lines[k]
      g.put(" " + line.text, x: inner.x, y: inner.y + k - top, style: line.style, maxWidth: inner.width)
    }
    if lines.count > inner.height {
      let more = top + inner.height < lines.count ? "↓" : "↑"
      g.put(" \(more) ", x: rect.x + rect.width - 4, y: rect.y + rect.height - 1, style: .muted)
    }
  }

  static func content(_ s: AppState, width: Int) -> (String, Lines) {
    switch s.selectedItem {
    case .task(let i, let role):
      let (title, lines) = task(s, i, role: role, width: width)
      return (title, Lines(head: lines))
    case .entry(let e):
      var (title, lines) = entry(s, e, width: width)
      if let i = s.selectedTaskIndex {
        lines.append(("", .normal))
        lines += task(s, i, role: nil, width: width).1
      }
      return (title, Lines(head: lines))
    case .unit(let u): return unit(s, u, width: width)
    case nil: return (s.words.detailTitle, Lines(head: []))
    }
  }

  /// A label and a value wrapped under itself, the label column as wide as the longest label.
  static func field(_ label: String, _ value: String, width: Int, labelW: Int, style: Style = .normal) -> [Line] {
    let lines = value.inert.wrapped(toWidth: max(8, width - labelW - 1))
    return lines.enumerated().map { k, v in
      ((k == 0 ? label : "").padded(toWidth: labelW) + " " + v, k == 0 ? style : style)
    }
  }

  static func task(_ s: AppState, _ i: Int, role: Role?, width: Int) -> (String, [Line]) {
    let w = s.words
    let p = Phrases(w)
    let a = s.agenda
    let t = s.plan.tasks[i]
    let tone = Paint.tone(a, i)
    let labelW = s.lang == .zh ? 8 : 10
    var lines: [Line] = t.measure.inert.wrapped(toWidth: width).map { ($0, .normal) }
    if !t.requirement.isEmpty {
      lines.append(("", .normal))
      lines += t.requirement.inert.wrapped(toWidth: width).map { ($0, .muted) }
    }
    lines.append(("", .normal))
    if !t.theme.isEmpty { lines += field(w.themeLabel, t.theme, width: width, labelW: labelW) }
    lines += field(
      p.role(.lead) + (role == .lead ? " ◆" : ""), p.departments(t.lead), width: width, labelW: labelW,
      style: role == .lead ? .title : .normal)
    lines += field(
      p.role(.support) + (role == .support ? " ◆" : ""), p.departments(t.support), width: width, labelW: labelW,
      style: role == .support ? .title : .normal)
    lines += field(
      w.deadlineLabel, t.deadline.text.trimmingSpaces.isEmpty ? "—" : t.deadline.text.trimmingSpaces,
      width: width, labelW: labelW)
    lines += field("", p.reading(a, i), width: width, labelW: labelW, style: tone)
    var status = p.status(t.status)
    if let c = t.completedOn { status += w.completedAfterStatus(c) }
    lines += field(
      w.statusLabel, Paint.glyph(t).trimmingSpaces + (t.status == .open ? "" : " ") + status, width: width,
      labelW: labelW, style: tone == .overdue ? .overdue : .normal)
    if let e = t.eventOn { lines += field(w.eventLabel, e.description, width: width, labelW: labelW) }
    if !t.note.isEmpty { lines += field(w.noteLabel, t.note, width: width, labelW: labelW, style: .info) }
    for key in t.extras.keys.sorted() { lines += field(key, t.extras[key]!, width: width, labelW: labelW) }
    let history = s.plan.history(of: t.id)
    lines.append(("", .normal))
    lines.append((w.historyTitle(history.count), .title))
    for e in history.reversed() {
      let when = e.minute
      let what = w.entryChanges(p.operation(e.change.op), p.changes(e.change))
      lines += "\(when) \(e.by) \(what)".inert.wrapped(toWidth: width).map { ($0, .muted) }
    }
    let title = w.taskTitle(t.id) + (t.group.isEmpty ? "" : " · " + t.group)
    return (title, lines)
  }

  static func entry(_ s: AppState, _ k: Int, width: Int) -> (String, [Line]) {
    let w = s.words
    let p = Phrases(w)
    let e = s.plan.journal[k]
    let labelW = s.lang == .zh ? 8 : 10
    var lines: [Line] = []
    lines += field(w.whenLabel, e.at.replacing("T", with: " "), width: width, labelW: labelW)
    lines += field(w.whoLabel, e.by, width: width, labelW: labelW)
    lines += field(
      w.whatLabel, p.operation(e.change.op) + " · " + p.target(e.change.target), width: width, labelW: labelW)
    for f in e.change.fields {
      let change = "\(p.value(f.before)) → \(p.value(f.after))"
      lines += field(p.field(f.field), change, width: width, labelW: labelW)
    }
    let summary = p.summary(e)
    if !summary.isEmpty { lines += field(w.messageLabel, summary, width: width, labelW: labelW) }
    return (w.entryTitle(e.seq), lines)
  }

  static func unit(_ s: AppState, _ u: Int, width: Int) -> (String, Lines) {
    let w = s.words
    let c = StaffingCheck(unit: s.plan.staffing[u], percent: s.plan.settings.reviewerPercent)
    let labelW = s.lang == .zh ? 10 : 12
    var lines: [Line] = []
    lines += field(w.field(.unit(.enforcement)), "\(c.enforcement)", width: width, labelW: labelW)
    lines += field(w.field(.unit(.reviewers)), "\(c.reviewers)", width: width, labelW: labelW)
    if let p = s.plan.settings.reviewerPercent, let r = c.required {
      lines += field(
        w.requiredLabel, w.requiredFormula(r, enforcement: c.enforcement, percent: p), width: width, labelW: labelW)
      let verdict = c.compliant == false ? w.shortByPeople(c.shortfall) : w.compliant
      lines += field(
        w.verdictLabel, verdict, width: width, labelW: labelW, style: c.compliant == false ? .short : .done)
      if let pm = c.permilleRatio {
        lines += field(w.ratioLabel, "\(pm / 10).\(pm % 10)%", width: width, labelW: labelW)
      }
    } else {
      lines += field(w.requiredLabel, w.noPercentSet, width: width, labelW: labelW)
    }
    lines.append(("", .normal))
    lines.append((w.unitKeysHint, .muted))
    let tasks = s.tasks(ofDepartment: c.unit)
    var out = Lines(head: lines)
    if !tasks.isEmpty {
      out.head.append(("", .normal))
      out.head.append((w.unitTasksTitle(tasks.count), .title))
      out.tailCount = tasks.count
      out.tail = { k in
        let (i, role) = tasks[k]
        let t = s.plan.tasks[i]
        let line =
          "\(w.role(role)) \(t.id) \(t.measure)".truncated(toWidth: width - 12) + "  "
          + Paint.shortReading(s.agenda, i, w)
        return (line, Paint.tone(s.agenda, i))
      }
    }
    return (w.unitTitle(c.unit), out)
  }
}
