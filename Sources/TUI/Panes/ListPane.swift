import Model

/// The list pane: tasks (with the department's role in the Departments view), journal
/// entries, or staffing units. Only the visible rows are drawn.
enum ListPane {
  static func title(_ s: AppState) -> String {
    if !s.search.isEmpty && s.view.searchesAllTasks {
      // Where the hits are: how many in each group (counted when the list was made).
      let groups = s.searchSpread.map { (GroupsView.shortName($0.group, among: s.figures.groups), $0.count) }
      return s.words.searchResults(s.search, count: s.listItems.count, groups: groups)
    }
    return s.selectedNav.map { s.view.kind.listTitle($0, count: s.listItems.count, s) } ?? ""
  }

  static func draw(_ s: AppState, into g: inout Grid, rect: Rect) {
    let focused = s.focus == .list
    g.box(rect, title: title(s), style: focused ? .borderFocused : .border, ascii: s.ascii)
    let inner = rect.inner
    guard !inner.isEmpty else { return }
    if s.listItems.isEmpty {
      let empty =
        s.search.isEmpty && s.filter == .all
        ? s.words.none : s.words.nothingMatches
      g.put(" " + empty, x: inner.x, y: inner.y, style: .muted, maxWidth: inner.width)
      return
    }
    let top = s.listScrollOffset
    let rows = Array(top..<min(s.listItems.count, top + inner.height))
    let idW = rows.reduce(2) { w, k in
      if case .task(let i, _) = s.listItems[k] { return max(w, s.plan.tasks[i].id.displayWidth) }
      return w
    }
    for (n, k) in rows.enumerated() {
      let y = inner.y + n
      let style: Style
      switch s.listItems[k] {
      case .task(let i, let role):
        style = task(s, i, role: role, idW: idW, into: &g, x: inner.x, y: y, width: inner.width)
      case .entry(let e): style = entry(s, e, into: &g, x: inner.x, y: y, width: inner.width)
      case .unit(let u): style = unit(s, u, into: &g, x: inner.x, y: y, width: inner.width)
      }
      _ = style
      if k == s.listSelection { Paint.cursorRow(&g, x: inner.x, y: y, width: inner.width, focused: focused) }
    }
    if s.listItems.count > inner.height {
      let mark = "\(s.listSelection + 1)/\(s.listItems.count)"
      g.put(" \(mark) ", x: rect.x + rect.width - mark.displayWidth - 4, y: rect.y + rect.height - 1, style: .muted)
    }
  }

  @discardableResult
  static func task(_ s: AppState, _ i: Int, role: Role?, idW: Int, into g: inout Grid, x: Int, y: Int, width: Int)
    -> Style
  {
    let w = s.words
    let a = s.agenda
    let t = s.plan.tasks[i]
    let tone = Paint.tone(a, i)
    let reading = Paint.shortReading(a, i, w)
    let readW = s.lang == .zh ? 12 : 13
    let showLead = width >= 64
    let leadW = showLead ? 12 : 0
    var cx = x
    cx += g.put(" " + Paint.glyph(t) + " ", x: cx, y: y, style: tone)
    if let role {
      cx += g.put(
        w.roleMark(role) + " ", x: cx, y: y, style: role == .lead ? .title : .muted)
    }
    cx += g.put(t.id.padded(toWidth: idW, right: true) + " ", x: cx, y: y, style: tone)
    let measureW = max(4, width - (cx - x) - readW - leadW - (showLead ? 2 : 1))
    cx += g.put(t.measure.padded(toWidth: measureW), x: cx, y: y, style: tone == .done ? .done : .normal)
    if showLead {
      cx += g.put(" " + Phrases(w).departments(t.lead).padded(toWidth: leadW), x: cx, y: y, style: .muted)
    }
    g.put(" " + reading.padded(toWidth: readW - 1, right: true), x: cx, y: y, style: tone, maxWidth: x + width - cx)
    return tone
  }

  @discardableResult
  static func entry(_ s: AppState, _ k: Int, into g: inout Grid, x: Int, y: Int, width: Int) -> Style {
    let p = Phrases(s.words)
    let e = s.plan.journal[k]
    let when = String(e.minute.dropFirst(5))
    var cx = x
    cx += g.put(" " + when + " ", x: cx, y: y, style: .muted)
    cx += g.put(e.by.padded(toWidth: 6) + " ", x: cx, y: y)
    let what = p.operation(e.change.op) + (e.change.undoes.map { " #\($0)" } ?? "")
    cx += g.put(
      what.padded(toWidth: s.lang == .zh ? 9 : 10) + " ", x: cx, y: y, style: e.change.op == "undo" ? .soon : .title)
    cx += g.put(p.target(e.change.target) + " ", x: cx, y: y)
    let room = max(0, x + width - cx)
    let summary = p.summary(e)
    g.put(summary.isEmpty ? fitted(e.change, p, room) : summary, x: cx, y: y, style: .muted, maxWidth: room)
    return .normal
  }

  /// A change's fields in `room` columns, no value ever cut: "状态 未开始 → 已完成；…" in
  /// full when it fits, else each field with its new value only ("状态 → 已完成"), else as
  /// many whole fields as fit, then "…".
  static func fitted(_ c: Change, _ p: Phrases, _ room: Int) -> String {
    let sep = p.words.clauseSeparator
    let full = p.changes(c)
    if full.displayWidth <= room { return full }
    let short = c.fields.map { "\(p.field($0.field)) → \(p.value($0.after))" }
    var out = ""
    for (k, part) in short.enumerated() {
      let next = out.isEmpty ? part : out + sep + part
      let more = k < short.count - 1 ? 1 : 0
      guard next.displayWidth + more <= room else {
        // Not even one field: its new value alone.
        return out.isEmpty ? "→ " + p.value(c.fields[0].after) + (more > 0 ? "…" : "") : out + "…"
      }
      out = next
    }
    return out
  }

  @discardableResult
  static func unit(_ s: AppState, _ u: Int, into g: inout Grid, x: Int, y: Int, width: Int) -> Style {
    let w = s.words
    let c = StaffingCheck(unit: s.plan.staffing[u], percent: s.plan.settings.reviewerPercent)
    let tone: Style = c.compliant == false ? .short : .normal
    let nameW = max(10, min(16, width / 4))
    var cx = x
    cx += g.put(" " + c.unit.padded(toWidth: nameW) + " ", x: cx, y: y, style: tone)
    cx += g.put(String(c.enforcement).padded(toWidth: 4, right: true) + "  ", x: cx, y: y)
    let need = "\(c.reviewers)/\(c.required.map(String.init) ?? "—")"
    cx += g.put(need.padded(toWidth: 6, right: true) + "  ", x: cx, y: y, style: tone)
    let verdict =
      c.compliant == false
      ? w.unitShortBy(c.shortfall)
      : (c.required == 0 ? w.noneNeeded : w.unitOK)
    // A fixed verdict column keeps every unit's bar the same length.
    let verdictW = s.lang == .zh ? 6 : 11
    let barW = max(0, min(24, x + width - cx - verdictW - 3))
    if barW >= 5 {
      Paint.styledBar(&g, Bars.ratio(c, width: barW), x: cx, y: y)
      cx += barW + 1
    }
    g.put(" " + verdict, x: cx, y: y, style: tone, maxWidth: max(0, x + width - cx))
    return tone
  }
}
