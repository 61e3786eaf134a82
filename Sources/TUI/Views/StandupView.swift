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
    let w = s.words
    let name =
      switch section {
      case .overdue: w.overdueList
      case .dueSoon: w.dueSoonList
      case .waiting: w.waitingList
      case .changed: w.changedList
      case .shortfalls: w.shortfallsList
      }
    return "\(name) (\(count))"
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .section(let section) = item else { return }
    let w = s.words
    let f = s.figures.standup
    let since = String(s.agenda.lastWorkday.description.dropFirst(5))
    let (name, count, style): (String, Int, Style) =
      switch section {
      case .overdue: (w.overdueList, f.overdue.count, f.overdue.isEmpty ? .normal : .overdue)
      case .dueSoon: (w.dueSoonList, f.dueSoon.count, .soon)
      case .waiting: (w.waitingNav, f.waiting.count, .normal)
      case .changed: (w.changedSinceNav(since), f.changedCount, .info)
      case .shortfalls:
        (w.shortOfReviewers, f.shortfalls.count, f.shortfalls.isEmpty ? .normal : .short)
      }
    row(&g, name, "\(count)", x: x, y: y, width: width, rightStyle: style)
  }
}
