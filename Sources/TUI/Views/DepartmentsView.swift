import Model

/// 3 Departments: each with its lead / support / overdue counts, then its tasks with the
/// role it has in each.
enum DepartmentsView: DashboardView {
  static func navTitle(_ s: AppState) -> String { s.words.departmentsNavTitle }

  static func navItems(_ s: inout AppState) -> [NavItem] {
    s.figures.prepareDepartments()
    return (s.figures.departments?.summaries ?? []).map { .department($0.name) }
  }

  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem] {
    guard case .department(let d) = nav else { return [] }
    return s.tasks(ofDepartment: d).map { .task(index: $0.index, role: $0.role) }
  }

  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String {
    guard case .department(let d) = nav else { return "" }
    return s.words.departmentListTitle(d, count: count)
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .department(let name) = item else { return }
    let d = s.figures.departments?.summary(of: name)
    let counts = "\(d?.lead ?? 0)/\(d?.support ?? 0)/\(d?.overdue ?? 0)"
    row(&g, name, counts, x: x, y: y, width: width, rightStyle: (d?.overdue ?? 0) > 0 ? .overdue : .normal)
  }
}
