import Model

/// Draws the whole state into a grid. Pure: the same state gives the same grid.
public func render(_ s: AppState) -> Grid {
  var g = Grid(width: s.width, height: s.height)
  let layout = Layout(width: s.width, height: s.height, focus: s.focus)
  guard layout.mode != .tooSmall else {
    TooSmallPane.draw(s, into: &g)
    return g
  }
  HeaderPane.draw(s, into: &g, header: layout.header, tabs: layout.tabs)
  if !layout.nav.isEmpty { NavPane.draw(s, into: &g, rect: layout.nav) }
  if !layout.list.isEmpty { ListPane.draw(s, into: &g, rect: layout.list) }
  if !layout.detail.isEmpty { DetailPane.draw(s, into: &g, rect: layout.detail) }
  FooterPane.draw(s, into: &g, rect: layout.footer, single: layout.mode == .single)
  if let f = s.form { FormPane.draw(s, f, into: &g) }
  if s.showHelp { HelpPane.draw(s, into: &g) }
  return g
}

/// Shared pieces of drawing: bars, tones and short readings.
enum Paint {
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
    case .inProgress: ">"
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

enum TooSmallPane {
  static func draw(_ s: AppState, into g: inout Grid) {
    let words = s.words
    let lines = [
      words.terminalTooSmall,
      "\(s.width)×\(s.height) < \(Layout.minimum.width)×\(Layout.minimum.height)",
      words.enlargeOrQuit,
    ]
    let top = max(0, (s.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
      let w = min(line.displayWidth, s.width)
      g.put(line, x: max(0, (s.width - w) / 2), y: top + k, style: k == 0 ? .error : .normal, maxWidth: s.width)
    }
  }
}

enum HeaderPane {
  static func draw(_ s: AppState, into g: inout Grid, header: Rect, tabs: Rect) {
    let words = s.words
    let overall = s.figures.standup.overall
    let overdue = s.figures.standup.overdue.count
    let short = s.figures.standup.shortfalls.count
    // The right side must stay whole: drop the least useful parts until it fits.
    var date = "\(s.today) \(words.weekday(s.today.weekday))  "
    var barW = header.width >= 100 ? 14 : 10
    let counts = " \(overall.done)/\(overall.total)  "
    let late = words.overdueCount(overdue)
    var alert = short > 0 ? "  " + words.headerUnitsShort(short) : ""
    func rightWidth() -> Int { date.displayWidth + barW + counts.displayWidth + late.displayWidth + alert.displayWidth }
    if rightWidth() > header.width - 16, short > 0 { alert = "  " + words.headerShort(short) }
    if rightWidth() > header.width - 16 { date = "\(s.today)  " }
    if rightWidth() > header.width - 16 { barW = 0 }
    var x = max(0, header.width - rightWidth() - 1)
    var title = [s.plan.settings.title, s.plan.settings.agency].filter { !$0.isEmpty }.joined(separator: " · ")
    if s.readOnly { title = words.readOnlyMark + title }
    g.fill(header, style: .normal)
    g.put((" " + title).truncated(toWidth: max(0, x - 1)), x: 0, y: header.y, style: .title)
    x += g.put(date, x: x, y: header.y)
    if barW > 0 {
      Paint.bar(&g, x: x, y: header.y, width: barW, done: overall.done, total: overall.total)
      x += barW
    }
    x += g.put(counts, x: x, y: header.y)
    x += g.put(late, x: x, y: header.y, style: overdue > 0 ? .overdue : .muted)
    g.put(alert, x: x, y: header.y, style: .short)

    var tx = 1
    for v in View.allCases {
      let label = " \(v.rawValue) \(v.title(words)) "
      tx += g.put(label, x: tx, y: tabs.y, style: v == s.view ? .tabActive : .muted)
      tx += 1
    }
    var status: [String] = []
    if s.filter != .all { status.append(words.filterShown(s.filter.title(words))) }
    if !s.search.isEmpty { status.append(words.searchShown(s.search)) }
    let st = status.joined(separator: "  ")
    if !st.isEmpty {
      let w = min(st.displayWidth, max(0, tabs.width - tx - 1))
      g.put(st, x: tabs.width - w - 1, y: tabs.y, style: .info, maxWidth: w)
    }
  }
}

enum FooterPane {
  static func draw(_ s: AppState, into g: inout Grid, rect: Rect, single: Bool) {
    let words = s.words
    g.fill(rect, style: .normal)
    if let p = s.prompt {
      let x = g.put(p.label(words), x: 0, y: rect.y, style: .key)
      let esc = "  " + words.escCancels
      let room = max(4, rect.width - x - esc.displayWidth - 1)
      FormPane.drawEditing(p.line, suggestion: nil, into: &g, x: x, y: rect.y, width: room)
      g.put(esc, x: rect.width - esc.displayWidth - 1, y: rect.y, style: .muted)
      return
    }
    if let m = s.message {
      g.put(" " + m.text, x: 0, y: rect.y, style: m.isError ? .error : .info, maxWidth: rect.width)
      return
    }
    var x = 1
    // What can be done here and now: a key that would only say why not is left out.
    var hints = KeyMap.bindings(in: s.view).filter { $0.hint && $0.disabled(s) == nil }.map {
      ($0.keys[0].name, $0.help(words))
    }
    if single { hints.insert(("Tab", words.paneHint), at: 0) }
    for (key, help) in hints {
      let w = key.displayWidth + help.displayWidth + 3
      if x + w > rect.width { break }
      x += g.put(key, x: x, y: rect.y, style: .key)
      x += g.put(" " + help + "  ", x: x, y: rect.y, style: .muted)
    }
  }
}

enum HelpPane {
  static func draw(_ s: AppState, into g: inout Grid) {
    let words = s.words
    let rows = KeyMap.bindings(in: s.view).map { b in (b.keys.map(\.name).joined(separator: " "), b.help(words)) }
    let keyW = rows.map { $0.0.displayWidth }.max() ?? 8
    let helpW = rows.map { $0.1.displayWidth }.max() ?? 20
    let w = min(s.width - 2, keyW + helpW + 6)
    let h = min(s.height - 2, rows.count + 4)
    let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
    g.fill(r)
    g.box(r, title: words.keysTitle, style: .borderFocused, ascii: s.ascii)
    let inner = r.inner
    let visible = max(1, inner.height - 1)
    let top = min(s.helpScroll, max(0, rows.count - visible))
    for (k, row) in rows.dropFirst(top).prefix(visible).enumerated() {
      let y = inner.y + 1 + k
      g.put(row.0, x: inner.x + 1, y: y, style: .key, maxWidth: keyW)
      g.put(row.1, x: inner.x + keyW + 3, y: y, maxWidth: inner.width - keyW - 3)
    }
  }
}
