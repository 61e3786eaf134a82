import Model

/// 5 Journal: every change, newest first, by day.
enum JournalView: DashboardView {
  static var startFocus: Pane { .list }

  static func navItems(_ s: inout AppState) -> [NavItem] {
    var days: [Day] = []
    var counts: [Day?: Int] = [nil: s.plan.journal.count]
    for e in s.plan.journal.reversed() {
      let d = e.day
      counts[d, default: 0] += 1
      if let d, counts[d] == 1 { days.append(d) }
    }
    s.journalDayCounts = counts
    return [.day(nil)] + days.map { .day($0) }
  }

  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem] {
    guard case .day(let d) = nav else { return [] }
    return s.plan.journal.indices.reversed().filter { d == nil || s.plan.journal[$0].day == d }.map {
      .entry(index: $0)
    }
  }

  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String {
    guard case .day(let d) = nav else { return "" }
    return s.words.journalListTitle(d, count: count)
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .day(let d) = item else { return }
    let n = s.journalDayCounts[d] ?? 0
    row(&g, d?.description ?? s.words.allEntries, "\(n)", x: x, y: y, width: width)
  }
}
