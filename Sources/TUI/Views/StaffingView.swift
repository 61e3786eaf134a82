import Model

/// 4 Staffing: units with their reviewers against the required number, shortfalls first;
/// the rule and the totals under the filters.
enum StaffingView: DashboardView {
  static var startFocus: Pane { .list }

  static var bindings: [Binding] {
    [
      Binding(keys: [.char("a")], action: .addUnit, zh: "新增单位", en: "add a unit", hint: true, disabled: KeyMap.writes()),
      Binding(keys: [.char("e")], action: .editUnit, zh: "修改单位", en: "edit the unit", hint: true, disabled: KeyMap.writes(needsUnit)),
      Binding(keys: [.char("+")], action: .reviewerPlus, zh: "审核人员 +1", en: "reviewers +1", hint: true, disabled: KeyMap.writes(needsUnit)),
      Binding(keys: [.char("-")], action: .reviewerMinus, zh: "审核人员 −1", en: "reviewers −1", hint: true, disabled: KeyMap.writes(needsUnit)),
    ]
  }

  static func needsUnit(_ s: AppState) -> String? {
    guard case .unit? = s.selectedItem else { return s.lang.pick("先选中一个单位", "Select a unit first") }
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
    s.lang.pick("单位 · 执法人员 · 审核/应配 (\(count))", "Units · enforcement · reviewers/required (\(count))")
  }

  static func drawNav(_ item: NavItem, _ s: AppState, into g: inout Grid, x: Int, y: Int, width: Int) {
    guard case .unitFilter(let f) = item else { return }
    let l = s.lang
    let checks = s.plan.staffingChecks()
    let (name, n): (String, Int) =
      switch f {
      case .all: (l.pick("全部单位", "All units"), checks.count)
      case .short: (l.pick("审核人员不足", "Short of reviewers"), checks.filter { $0.compliant == false }.count)
      case .compliant: (l.pick("达标", "Compliant"), checks.filter { $0.compliant != false }.count)
      }
    row(&g, name, "\(n)", x: x, y: y, width: width, rightStyle: f == .short && n > 0 ? .short : .normal)
  }

  static func drawUnderNav(_ s: AppState, into g: inout Grid, x: Int, y: Int, rect: Rect) {
    let l = s.lang
    let t = StaffingCheck(total: "", of: s.plan.staffingChecks())
    var lines: [(String, Style)] = []
    if let p = s.plan.settings.reviewerPercent {
      lines.append((l.pick("规则：审核≥执法×\(p)%", "Rule: reviewers ≥ \(p)%"), .muted))
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
