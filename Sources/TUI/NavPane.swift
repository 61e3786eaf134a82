import Model

/// The navigation pane: stand-up sections, groups with progress bars, departments with
/// their counts, staffing filters with the totals, or the journal's days.
enum NavPane {
  static func title(_ s: AppState) -> String {
    let l = s.lang
    switch s.view {
    case .departments: return l.pick("部门 · 牵头/配合/逾期", "Dept · lead/sup/late")
    default: return s.view.title(l)
    }
  }

  static func draw(_ s: AppState, into g: inout Grid, rect: Rect) {
    let focused = s.focus == .nav
    g.box(rect, title: title(s), style: focused ? .borderFocused : .border, ascii: s.ascii)
    let inner = rect.inner
    guard !inner.isEmpty else { return }
    let per = s.navRowsPerItem
    let visible = max(1, inner.height / per)
    let top = s.navScrollOffset
    var y = inner.y
    for k in top..<min(s.navItems.count, top + visible) {
      let selected = k == s.navSelection
      drawItem(s, s.navItems[k], into: &g, x: inner.x, y: y, width: inner.width)
      if selected {
        g.restyle(x: inner.x, y: y, width: inner.width, style: focused ? .selectedFocused : .selected)
      }
      y += per
    }
    if s.view == .staffing { drawTotals(s, into: &g, x: inner.x, y: y + 1, rect: inner) }
  }

  /// Writes `left` and a right-aligned `right` in one row of `width` columns.
  static func row(
    _ g: inout Grid, _ left: String, _ right: String, x: Int, y: Int, width: Int, rightStyle: Style = .normal
  ) {
    let rw = min(right.displayWidth, width)
    g.put((" " + left).truncated(toWidth: max(0, width - rw - 2)), x: x, y: y)
    g.put(right, x: x + width - rw - 1, y: y, style: rightStyle, maxWidth: rw)
  }

  static func drawItem(_ s: AppState, _ item: NavItem, into g: inout Grid, x: Int, y: Int, width: Int) {
    let l = s.lang
    let f = s.standup
    switch item {
    case .section(let sec):
      let since = String(s.plan.settings.calendar.previousWorkday(before: s.today).description.dropFirst(5))
      let (name, count, style): (String, Int, Style) =
        switch sec {
        case .overdue: (l.pick("逾期", "Overdue"), f.overdue.count, f.overdue.isEmpty ? .normal : .overdue)
        case .dueSoon: (l.pick("两周内到期", "Due in 14 days"), f.dueSoon.count, .soon)
        case .waiting: (l.pick("待触发", "Waiting on event"), f.waiting.count, .normal)
        case .changed:
          (l.pick("\(since) 以来变更", "Since \(since)"), f.changedCount, .info)
        case .shortfalls:
          (
            l.pick("审核人员不足", "Short of reviewers"), f.shortfalls.count,
            f.shortfalls.isEmpty ? .normal : .short
          )
        }
      row(&g, name, "\(count)", x: x, y: y, width: width, rightStyle: style)
    case .group(let name):
      let p = s.groupProgress[name] ?? Agenda.Progress()
      g.put((" " + shortGroupName(name, among: s.groups)).truncated(toWidth: width), x: x, y: y)
      let late = p.overdue > 0 ? l.pick(" 逾\(p.overdue)", " !\(p.overdue)") : ""
      let counts = " \(p.done)/\(p.total)"
      let barW = max(3, width - counts.displayWidth - late.displayWidth - 2)
      Paint.bar(&g, x: x + 1, y: y + 1, width: barW, done: p.done, total: p.total)
      let cx = x + 1 + barW + g.put(counts, x: x + 1 + barW, y: y + 1)
      g.put(late, x: cx, y: y + 1, style: .overdue)
    case .department(let name):
      let d = s.departmentTable?.summary(of: name)
      let counts = "\(d?.lead ?? 0)/\(d?.support ?? 0)/\(d?.overdue ?? 0)"
      row(&g, name, counts, x: x, y: y, width: width, rightStyle: (d?.overdue ?? 0) > 0 ? .overdue : .normal)
    case .unitFilter(let f):
      let checks = s.plan.staffingChecks()
      let (name, n): (String, Int) =
        switch f {
        case .all: (l.pick("全部单位", "All units"), checks.count)
        case .short: (l.pick("审核人员不足", "Short of reviewers"), checks.filter { $0.compliant == false }.count)
        case .compliant: (l.pick("达标", "Compliant"), checks.filter { $0.compliant != false }.count)
        }
      row(&g, name, "\(n)", x: x, y: y, width: width, rightStyle: f == .short && n > 0 ? .short : .normal)
    case .day(let d):
      let n = s.journalDayCounts[d] ?? 0
      row(&g, d?.description ?? l.pick("全部", "All"), "\(n)", x: x, y: y, width: width)
    }
  }

  /// Drops the suffix every group shares ("…工作项目组"), so the names fit a narrow pane.
  static func shortGroupName(_ name: String, among all: [String]) -> String {
    guard all.count > 1, let first = all.first else { return name }
    var suffix = first
    for g in all.dropFirst() {
      while !suffix.isEmpty && !g.hasSuffix(suffix) { suffix.removeFirst() }
    }
    guard suffix.count >= 2, all.allSatisfy({ $0.count > suffix.count + 1 }) else { return name }
    return String(name.dropLast(suffix.count))
  }

  static func drawTotals(_ s: AppState, into g: inout Grid, x: Int, y: Int, rect: Rect) {
    let l = s.lang
    let checks = s.plan.staffingChecks()
    let t = StaffingCheck(total: "", of: checks)
    var lines: [(String, Style)] = []
    if let p = s.plan.settings.reviewerPercent {
      lines.append((l.pick("规则：审核 ≥ 执法 × \(p)%", "Rule: reviewers ≥ \(p)%"), .muted))
    } else {
      lines.append((l.pick("本方案未设比例", "No percentage set"), .muted))
    }
    lines.append((l.pick("执法人员 \(t.enforcement)", "enforcement \(t.enforcement)"), .normal))
    lines.append((l.pick("审核人员 \(t.reviewers)", "reviewers \(t.reviewers)"), .normal))
    if let r = t.required { lines.append((l.pick("按单位应配 \(r)", "required \(r)"), .normal)) }
    if t.shortfall > 0 { lines.append((l.pick("合计缺 \(t.shortfall) 人", "short by \(t.shortfall)"), .short)) }
    for (k, line) in lines.enumerated() where y + k < rect.y + rect.height {
      g.put(" " + line.0, x: x, y: y + k, style: line.1, maxWidth: rect.width)
    }
  }
}
