import Model

/// 1 Stand-up: overdue, due in 14 days, waiting on an event, changed since the last working
/// day, units short of reviewers.
enum StandupView: DashboardView {
  static func navItems(_ s: inout AppState) -> [NavItem] { StandupSection.allCases.map { .section($0) } }

  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem] {
    guard case .section(let section) = nav else { return [] }
    let f = s.figures.standup
    switch section {
    case .overdue: return tasks(f.overdue)
    case .dueSoon: return tasks(f.dueSoon)
    case .waiting: return tasks(f.waiting)
    case .changed:
      let a = s.agenda
      return s.plan.journal.indices.reversed().filter { a.isNew(s.plan.journal[$0]) }.map { .entry(index: $0) }
    case .shortfalls:
      let short = Set(f.shortfalls.map(\.unit))
      return s.shortfallOrder(s.plan.staffing.indices.filter { short.contains(s.plan.staffing[$0].name) }).map {
        .unit(index: $0)
      }
    }
  }

  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String {
    guard case .section(let section) = nav else { return "" }
    let l = s.lang
    let name =
      switch section {
      case .overdue: l.pick("逾期", "Overdue")
      case .dueSoon: l.pick("两周内到期", "Due in 14 days")
      case .waiting: l.pick("待触发", "Waiting on an event")
      case .changed: l.pick("上个工作日以来的变更", "Changed since the last working day")
      case .shortfalls: l.pick("审核人员不足的单位", "Units short of reviewers")
      }
    return "\(name) (\(count))"
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .section(let section) = item else { return }
    let l = s.lang
    let f = s.figures.standup
    let since = String(s.agenda.lastWorkday.description.dropFirst(5))
    let (name, count, style): (String, Int, Style) =
      switch section {
      case .overdue: (l.pick("逾期", "Overdue"), f.overdue.count, f.overdue.isEmpty ? .normal : .overdue)
      case .dueSoon: (l.pick("两周内到期", "Due in 14 days"), f.dueSoon.count, .soon)
      case .waiting: (l.pick("待触发", "Waiting on event"), f.waiting.count, .normal)
      case .changed: (l.pick("\(since) 以来变更", "Since \(since)"), f.changedCount, .info)
      case .shortfalls:
        (l.pick("审核人员不足", "Short of reviewers"), f.shortfalls.count, f.shortfalls.isEmpty ? .normal : .short)
      }
    row(&g, name, "\(count)", x: x, y: y, width: width, rightStyle: style)
  }
}
