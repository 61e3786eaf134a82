import Model

/// The roll-up dashboard's views, in the order of their number keys.
public enum RollupView: Int, CaseIterable, Sendable {
  case agencies = 1
  case measures
  case staffing

  public func title(_ w: any Words) -> String {
    switch self {
    case .agencies: w.agenciesView
    case .measures: w.measuresView
    case .staffing: w.staffingView
    }
  }

  /// What makes this view what it is.
  var kind: any RollupDashboardView.Type {
    switch self {
    case .agencies: RollupAgenciesView.self
    case .measures: RollupMeasuresView.self
    case .staffing: RollupStaffingView.self
    }
  }
}

/// One of the roll-up's three views (as `DashboardView` is one of a plan's five): what its
/// list holds and how a row is drawn, and what the detail pane says of the row the cursor is
/// on. The header, the boxes, the cursor, the keys and the footer are shared.
protocol RollupDashboardView {
  static func rowCount(_ s: RollupState) -> Int
  /// The agency behind row `row` (Enter opens it), or nil.
  static func agency(atRow row: Int, _ s: RollupState) -> Int?
  static func listTitle(_ s: RollupState) -> String
  /// The list's rows inside its box, from `s.offset`.
  static func drawList(_ s: RollupState, into g: inout Grid, rect: Rect)
  /// The detail pane's title and lines (with their styles), wrapped to `width`.
  static func detail(_ s: RollupState, width: Int) -> (title: String, lines: [(String, Style)])
}
