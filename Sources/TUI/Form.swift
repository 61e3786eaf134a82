import Model

/// A form over the panes, for adding or editing a task or a unit: one field a line, Tab and
/// Shift-Tab (or ↑ ↓) between fields, Enter saves, Esc cancels. Department fields complete
/// from the plan's own names (→ at the end takes the suggestion), and the deadline's reading
/// is shown as it is typed.
public struct Form: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case addTask
    case editTask(String)
    case addUnit
    case editUnit(String)
  }

  public enum Field: String, Equatable, Sendable {
    case id, group, theme, measure, requirement, lead, support, deadline
    case unit, enforcement, reviewers

    /// The field's name as the table calls the store's field it fills.
    public func label(_ w: any Words) -> String {
      switch self {
      case .id: w.field(.task(.id))
      case .group: w.field(.task(.group))
      case .theme: w.field(.task(.theme))
      case .measure: w.field(.task(.measure))
      case .requirement: w.field(.task(.requirement))
      case .lead: w.field(.task(.lead))
      case .support: w.field(.task(.support))
      case .deadline: w.field(.task(.deadline))
      case .unit: w.field(.unit(.unit))
      case .enforcement: w.field(.unit(.enforcement))
      case .reviewers: w.field(.unit(.reviewers))
      }
    }

    var isDepartments: Bool { self == .lead || self == .support }
  }

  public let purpose: Purpose
  public let fields: [Field]
  public internal(set) var values: [LineEdit]
  public internal(set) var focus = 0
  /// Why the form cannot be saved yet, or a question ("did you mean …?") that Enter again answers.
  public internal(set) var warning: String?
  /// The warning asked about names almost like known ones, and Enter again saves them as new.
  var namesConfirmed = false
  /// The plan's department names, read once when the form opens: reading them goes through
  /// every task's cells, too much for every frame and key.
  let departments: [String]
  /// The task or unit edited, as it was when the form opened (nil: a new one): its change is
  /// made from this, so that the store refuses it if someone else changed those fields first.
  var shown: Shown?
  /// Each field's text as the form opened with it: a field whose text is still this one has
  /// not been typed in.
  var opened: [String]

  init(_ purpose: Purpose, _ values: [(Field, String)], departments: [String] = [], shown: Shown? = nil) {
    self.purpose = purpose
    self.departments = departments
    self.shown = shown
    fields = values.map(\.0)
    self.values = values.map { LineEdit($0.1) }
    opened = values.map(\.1)
    // A task's form opens on its measure, the field that matters most.
    focus = fields.firstIndex(of: .measure) ?? 0
  }

  /// After a refusal (someone else changed the same thing first): each field not typed in
  /// takes what the plan holds now, `now` (a new task's id the next free one, `nextID`),
  /// each field typed in keeps its text, and the form compares with `now` from here on.
  mutating func rebase(on now: Shown?, nextID: String) {
    let fresh: [(Field, String)]
    switch now {
    case .task(let t)?: fresh = Form.values(of: t)
    case .unit(let u)?: fresh = Form.values(of: u)
    case nil: fresh = purpose == .addTask ? [(.id, nextID)] : []
    }
    for (k, field) in fields.enumerated() where values[k].text == opened[k] {
      guard let v = fresh.first(where: { $0.0 == field })?.1 else { continue }
      values[k] = LineEdit(v)
      opened[k] = v
    }
    if shown != nil { shown = now }
    namesConfirmed = false
  }

  public func value(_ f: Field) -> String { fields.firstIndex(of: f).map { values[$0].text.trimmingSpaces } ?? "" }

  public var focused: Field { fields[focus] }

  /// The plan's department name that completes what is being typed in a department field.
  public var suggestion: String? {
    guard focused.isDepartments, values[focus].cursor == values[focus].characters.count else { return nil }
    let part = values[focus].lastPart
    guard !part.isEmpty else { return nil }
    return departments.first { $0.hasPrefix(part) && $0 != part }
  }

  // MARK: Forms for the things people add and edit

  static func addTask(_ s: AppState) -> Form {
    var group = s.figures.groups.first ?? ""
    var lead = ""
    switch s.selectedNav {
    case .group(let g): group = g
    case .department(let d): lead = d
    default: if let i = s.selectedTaskIndex { group = s.plan.tasks[i].group }
    }
    return Form(
      .addTask,
      [
        (.group, group), (.id, s.plan.nextID(inGroup: group)), (.theme, ""), (.measure, ""), (.requirement, ""),
        (.lead, lead), (.support, ""), (.deadline, ""),
      ], departments: s.plan.departments)
  }

  static func editTask(_ t: PlanTask, departments: [String]) -> Form {
    Form(.editTask(t.id), values(of: t), departments: departments, shown: .task(t))
  }

  /// A task's fields as its form shows them.
  static func values(of t: PlanTask) -> [(Field, String)] {
    [
      (.group, t.group), (.theme, t.theme), (.measure, t.measure), (.requirement, t.requirement),
      (.lead, t.lead.cell), (.support, t.support.cell), (.deadline, t.deadline.text),
    ]
  }

  static func addUnit() -> Form { Form(.addUnit, [(.unit, ""), (.enforcement, ""), (.reviewers, "")]) }

  static func editUnit(_ u: StaffingUnit) -> Form { Form(.editUnit(u.name), values(of: u), shown: .unit(u)) }

  /// A unit's fields as its form shows them.
  static func values(of u: StaffingUnit) -> [(Field, String)] {
    [(.unit, u.name), (.enforcement, String(u.enforcement)), (.reviewers, String(u.reviewers))]
  }
}

extension AppState {
  /// A key while a form is open.
  mutating func formKey(_ k: Key) -> [Effect] {
    guard var f = form else { return [] }
    switch k {
    case .escape:
      form = nil
      say(words.formCancelled)
      return []
    case .enter:
      return submit(f)
    case .tab, .down:
      f.focus = (f.focus + 1) % f.fields.count
    case .backTab, .up:
      f.focus = (f.focus + f.fields.count - 1) % f.fields.count
    case .right where f.suggestion != nil:
      f.values[f.focus].complete(with: f.suggestion!)
    default:
      guard f.values[f.focus].handle(k) else { return [] }
      // An edited name is asked about again.
      f.namesConfirmed = false
      f.warning = nil
    }
    form = f
    return []
  }

  /// Enter: the form's change saved, or why not (the form stays open).
  mutating func submit(_ f: Form) -> [Effect] {
    var f = f
    func refuse(_ why: String) -> [Effect] {
      f.warning = why
      form = f
      return []
    }
    switch f.purpose {
    case .addTask, .editTask:
      let groups = figures.groups
      let group = f.value(.group)
      guard groups.contains(group) else {
        return refuse(words.formNoGroup(group, groups: groups))
      }
      guard !f.value(.measure).isEmpty else { return refuse(words.formEmptyMeasure) }
      let lead = Departments(cell: f.value(.lead))
      let support = Departments(cell: f.value(.support))
      if !f.namesConfirmed {
        let known = f.departments
        for name in lead.units + support.units where !known.contains(name) {
          let near = Plan.nearNames(name, among: known)
          if !near.isEmpty {
            f.namesConfirmed = true
            return refuse(words.formNearDepartment(name, near[0]))
          }
        }
      }
      var t: PlanTask
      if case .editTask(let id) = f.purpose {
        // Made from the task as the form showed it, not as it may have been read again since.
        guard plan.task(id) != nil, case .task(let old)? = f.shown else { return refuse(words.formTaskGone(id)) }
        t = old
      } else {
        let id = f.value(.id)
        guard !id.isEmpty else { return refuse(words.formEmptyID) }
        guard plan.task(id) == nil else { return refuse(words.formTaskExists(id)) }
        t = PlanTask(id: id, measure: "")
      }
      t.group = group
      t.theme = f.value(.theme)
      t.measure = f.value(.measure)
      t.requirement = f.value(.requirement)
      t.lead = lead
      t.support = support
      t.deadline = Deadline(f.value(.deadline))
      // The form stays open until the save is done (`.saved` closes it), so that a refusal
      // keeps what was typed.
      form = f
      let effects =
        f.purpose == .addTask
        ? save(plan.addTask(t), words.taskAddedFooter(t.id), from: nil)
        : save(basis(f.shown).editTask(t), words.taskChangedFooter(t.id), from: f.shown)
      if effects.isEmpty { form = nil }
      return effects
    case .addUnit, .editUnit:
      let name = f.value(.unit)
      guard !name.isEmpty else { return refuse(words.formEmptyUnit) }
      guard let e = Int(f.value(.enforcement)), let r = Int(f.value(.reviewers)), e >= 0, r >= 0,
        e <= StaffingUnit.maxCount, r <= StaffingUnit.maxCount
      else {
        return refuse(words.formCounts)
      }
      var old: String? = nil
      if case .editUnit(let n) = f.purpose { old = n }
      let names = plan.staffing.map(\.name).filter { $0 != old }
      if names.contains(name) { return refuse(words.formUnitExists(name)) }
      if !f.namesConfirmed, old != name, let near = Plan.nearNames(name, among: names).first {
        f.namesConfirmed = true
        return refuse(words.formNearUnit(name, near))
      }
      var changes: [Change] = []
      // Made from the unit as the form showed it (a new one: from the plan).
      var p = basis(f.shown)
      if let old, old != name, let rename = p.renameUnit(old, to: name) {
        changes.append(rename)
        _ = try? p.apply(rename)
      }
      if let set = p.setStaffing(name, enforcement: e, reviewers: r) { changes.append(set) }
      form = f
      let effects = save(changes, staffingSaid(name, e, r), from: f.shown)
      if effects.isEmpty { form = nil }
      return effects
    }
  }
}
