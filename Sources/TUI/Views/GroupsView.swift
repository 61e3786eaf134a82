import Model

/// 2 Groups: each working group with its progress bar, then the group's tasks.
enum GroupsView: DashboardView {
  static var navRowsPerItem: Int { 2 }

  static func navItems(_ s: inout AppState) -> [NavItem] {
    s.figures.prepareGroups()
    return s.figures.groups.map { .group($0) }
  }

  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem] {
    guard case .group(let g) = nav else { return [] }
    return tasks(s.figures.tasks(inGroup: g))
  }

  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String {
    guard case .group(let g) = nav else { return "" }
    return "\(g) (\(count))"
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .group(let name) = item else { return }
    let p = s.figures.groupProgress?[name] ?? Agenda.Progress()
    g.put((" " + shortName(name, among: s.figures.groups)).truncated(toWidth: width), x: x, y: y)
    let late = p.overdue > 0 ? " " + s.words.groupOverdue(p.overdue) : ""
    let counts = " \(p.done)/\(p.total)"
    let barW = max(3, width - counts.displayWidth - late.displayWidth - 2)
    Paint.bar(&g, x: x + 1, y: y + 1, width: barW, done: p.done, total: p.total)
    let cx = x + 1 + barW + g.put(counts, x: x + 1 + barW, y: y + 1)
    g.put(late, x: cx, y: y + 1, style: .overdue)
  }

  /// Drops the suffix every group shares ("…工作项目组"), so the names fit a narrow pane.
  static func shortName(_ name: String, among all: [String]) -> String {
    guard all.count > 1, let first = all.first else { return name }
    var suffix = first
    for g in all.dropFirst() {
      while !suffix.isEmpty && !g.hasSuffix(suffix) { suffix.removeFirst() }
    }
    guard suffix.count >= 2, all.allSatisfy({ $0.count > suffix.count + 1 }) else { return name }
    return String(name.dropLast(suffix.count))
  }
}
