import Model

/// 4 Staffing: units with their reviewers against the required number, shortfalls first;
/// the rule and the totals under the filters.
enum StaffingView: DashboardView {
  static var startFocus: Pane { .list }

  static var bindings: [PlanBinding] {
    [
      Binding(keys: [.char("a")], action: .addUnit, help: { $0.keyAddUnit }, hint: true, disabled: KeyMap.writes()),
      Binding(
        keys: [.char("e")], action: .editUnit, help: { $0.keyEditUnit }, hint: true, disabled: KeyMap.writes(needsUnit)),
      Binding(
        keys: [.char("+")], action: .reviewerPlus, help: { $0.keyReviewerPlus }, hint: true,
        disabled: KeyMap.writes(needsUnit)),
      Binding(
        keys: [.char("-")], action: .reviewerMinus, help: { $0.keyReviewerMinus }, hint: true,
        disabled: KeyMap.writes(needsUnit)),
    ]
  }

  static func needsUnit(_ s: AppState) -> String? {
    guard case .unit? = s.selectedItem else { return s.words.selectUnitFirst }
    return nil
  }

  static func navItems(_ s: inout AppState) -> [NavItem] {
    // The detail pane lists a unit's tasks.
    s.figures.prepareDepartments()
    return UnitFilter.allCases.map { .unitFilter($0) }
  }

  static func items(_ nav: NavItem, _ s: inout AppState) -> [ListItem] {
    guard case .unitFilter(let f) = nav else { return [] }
    let units = s.plan.staffing.indices.filter { i in
      guard !s.plan.staffing[i].retired else { return false }
      switch f {
      case .all: return true
      case .short: return s.plan.check(ofUnit: i).compliant == false
      case .compliant: return s.plan.check(ofUnit: i).compliant != false
      }
    }
    return s.shortfallOrder(units).map { .unit(index: $0) }
  }

  static func listTitle(_ nav: NavItem, count: Int, _ s: AppState) -> String {
    s.words.staffingListTitle(count: count)
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .unitFilter(let f) = item else { return }
    let w = s.words
    let checks = s.plan.staffingChecks()
    let (name, n): (String, Int) =
      switch f {
      case .all: (w.allUnits, checks.count)
      case .short: (w.shortOfReviewers, checks.filter { $0.compliant == false }.count)
      case .compliant: (w.compliantUnits, checks.filter { $0.compliant != false }.count)
      }
    row(&g, name, "\(n)", x: x, y: y, width: width, rightStyle: f == .short && n > 0 ? .short : .normal)
  }

  static func drawUnderNav(_ s: AppState, into g: inout Grid, x: Int, y: Int, rect: Rect) {
    let w = s.words
    let t = StaffingCheck(total: "", of: s.plan.staffingChecks())
    var lines: [(String, Style)] = []
    if let p = s.plan.settings.reviewerPercent {
      lines.append((w.ruleShort(p), .muted))
    } else {
      lines.append((w.noPercentShort, .muted))
    }
    lines.append((w.enforcementTotal(t.enforcement), .normal))
    lines.append((w.reviewersTotal(t.reviewers), .normal))
    if let r = t.required { lines.append((w.requiredTotal(r), .normal)) }
    if t.shortfall > 0 { lines.append((w.shortTotal(t.shortfall), .short)) }
    for (k, line) in lines.enumerated() where y + k < rect.y + rect.height {
      g.put(" " + line.0, x: x, y: y + k, style: line.1, maxWidth: rect.width)
    }
  }
}
