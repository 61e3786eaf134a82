import Model

/// The dashboard's views, in the order of their number keys.
public enum View: Int, CaseIterable, Hashable, Sendable {
  case standup = 1
  case groups
  case departments
  case staffing
  case journal

  public func title(_ w: any Words) -> String {
    switch self {
    case .standup: w.standupView
    case .groups: w.groupsView
    case .departments: w.departmentsView
    case .staffing: w.staffingView
    case .journal: w.journalView
    }
  }

  /// A search here looks through every task of the plan (in the views of tasks).
  var searchesAllTasks: Bool { self == .standup || self == .groups || self == .departments }

  /// What makes this view what it is.
  var kind: any DashboardView.Type {
    switch self {
    case .standup: StandupView.self
    case .groups: GroupsView.self
    case .departments: DepartmentsView.self
    case .staffing: StaffingView.self
    case .journal: JournalView.self
    }
  }
}

/// One of the dashboard's five views (tig's views, lazygit's contexts): what its navigation
/// pane offers, what the list shows for each choice, how a navigation row is drawn, and the
/// keys only it has. The panes, the cursor and the generic keys are shared.
protocol DashboardView {
  /// The pane that has the focus when the view is first shown.
  static var startFocus: Pane { get }
  /// Rows one navigation item takes.
  static var navRowsPerItem: Int { get }
  /// Keys this view adds to the generic ones (looked up first).
  static var bindings: [PlanBinding] { get }
  static func navTitle(_ s: AppState) -> String
  /// The navigation items; may make the figures the view needs first.
  static func navItems(_ s: inout AppState) -> [NavItem]
  /// The list for one navigation item, before the filter and the search.
  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem]
  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String
  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int)
  /// Drawn under the navigation items, in the rows left (the staffing totals).
  static func drawUnderNav(_ s: AppState, into g: inout Grid, x: Int, y: Int, rect: Rect)
}

extension DashboardView {
  static var startFocus: Pane { .nav }
  static var navRowsPerItem: Int { 1 }
  static var bindings: [PlanBinding] { [] }
  static func navTitle(_ s: AppState) -> String { s.view.title(s.words) }
  static func drawUnderNav(_ s: AppState, into g: inout Grid, x: Int, y: Int, rect: Rect) {}

  /// Writes `left` and a right-aligned `right` in one row of `width` columns.
  static func row(
    _ g: inout Grid, _ left: String, _ right: String, x: Int, y: Int, width: Int, rightStyle: Style = .normal
  ) {
    let rw = min(right.displayWidth, width)
    g.put((" " + left).truncated(toWidth: max(0, width - rw - 2)), x: x, y: y)
    g.put(right, x: x + width - rw - 1, y: y, style: rightStyle, maxWidth: rw)
  }

  /// Tasks as list items.
  static func tasks(_ indexes: [Int]) -> [ListItem] { indexes.map { .task(index: $0, role: nil) } }
}
