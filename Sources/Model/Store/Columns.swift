/// Every field's name as the store writes it: the tasks and staffing files' headers, with the
/// names a spreadsheet user may type instead (Chinese, mostly), and the journal's keys. The one
/// place these names are spelled; everything else names fields by their type.
enum Columns {
  /// Each task field and the header names that mean it; the first is the field's own name.
  static let task: [(field: TaskField, names: [String])] = [
    (.id, ["id", "序号", "编号"]),
    (.group, ["group", "工作项目组", "项目组", "工作组"]),
    (.theme, ["theme", "推行任务", "工作任务", "主要任务"]),
    (.measure, ["measure", "工作措施", "具体措施", "具体举措", "推行措施"]),
    (.requirement, ["requirement", "具体要求"]),
    (.lead, ["lead", "责任部门", "牵头部门", "责任单位", "牵头单位"]),
    (.support, ["support", "配合部门", "协办单位", "配合单位"]),
    (.deadline, ["deadline", "完成时限", "完成时间"]),
    (.status, ["status", "状态"]),
    (.completedOn, ["completed_on", "完成日期"]),
    (.eventOn, ["event_on", "触发日期", "事件日期"]),
    (.note, ["note", "备注"]),
  ]

  /// Each staffing column and the header names that mean it; the first is the field's own name.
  static let unit: [(field: UnitField, names: [String])] = [
    (.unit, ["unit", "单位", "科室", "部门"]),
    (.enforcement, ["enforcement", "执法人员", "执法人数", "执法人员数"]),
    (.reviewers, ["reviewers", "法制审核人员", "审核人员", "法制审核人数"]),
    (.retired, ["retired", "已撤销", "撤销"]),
  ]

  /// The fields that are never a column, only a journal key: a unit's new name, and the
  /// plan's own.
  static let journalOnly: [(field: ChangeField, name: String)] = [
    (.unit(.name), "name"), (.plan(.group), "group"), (.plan(.groups), "groups"), (.plan(.department), "department"),
  ]

  /// The plan's own task fields by their own names (a journal's every key is read with it).
  static let taskByName = Dictionary(uniqueKeysWithValues: task.map { ($0.names[0], $0.field) })

  /// Every header name that stands for one of the plan's own task fields.
  static let taskNames: [String] = task.flatMap(\.names)

  /// The column standing for each field present in the header.
  static func resolve<F: Hashable>(_ header: [String], _ table: [(field: F, names: [String])]) -> [F: Int] {
    var lookup: [String: F] = [:]
    for (field, names) in table { for n in names { lookup[n.lowercased()] = field } }
    var out: [F: Int] = [:]
    for (i, h) in header.enumerated() {
      if let f = lookup[h.trimmingSpaces.lowercased()], out[f] == nil { out[f] = i }
    }
    return out
  }

  /// A new store's tasks header: the plan's own fields, less the requirement (added when a
  /// task has one).
  static let taskHeader = TaskField.own.filter { $0 != .requirement }.map(\.name)
  static let staffingHeader = [UnitField.unit, .enforcement, .reviewers].map(\.name)
}

extension TaskField {
  /// The field's name in the store's header and the journal ("completed_on"); a user's
  /// column's own.
  public var name: String {
    if case .extra(let name) = self { return name }
    return Columns.task.first { $0.field == self }!.names[0]
  }

  /// The field a header or journal key names exactly (one of the plan's own names, else a
  /// user's column by that name).
  public init(name: String) { self = Columns.taskByName[name] ?? .extra(name) }
}

extension UnitField {
  public var name: String {
    Columns.unit.first { $0.field == self }?.names[0] ?? Columns.journalOnly.first { $0.field == .unit(self) }!.name
  }
}

extension PlanField {
  public var name: String { Columns.journalOnly.first { $0.field == .plan(self) }!.name }
}

extension ChangeField {
  /// The field's key in the journal.
  public var name: String {
    switch self {
    case .task(let f): f.name
    case .unit(let f): f.name
    case .plan(let f): f.name
    }
  }

  /// The field a journal key names in a change to `target`; nil for a key no change to such
  /// a target has.
  public init?(name: String, in target: ChangeTarget) {
    switch target {
    case .task: self = .task(TaskField(name: name))
    case .unit:
      if let f = Columns.unit.first(where: { $0.names[0] == name })?.field {
        self = .unit(f)
      } else if let f = Columns.journalOnly.first(where: { $0.name == name })?.field, case .unit = f {
        self = f
      } else {
        return nil
      }
    case .plan:
      guard let f = Columns.journalOnly.first(where: { $0.name == name })?.field, case .plan = f else { return nil }
      self = f
    }
  }
}

extension ChangeField {
  /// The plan's own field a file's column is named for by its own name (the tasks' or the
  /// staffing's); nil for any other header.
  public init?(column header: String) {
    if let f = Columns.taskByName[header] {
      self = .task(f)
    } else if let f = Columns.unit.first(where: { $0.names[0] == header })?.field {
      self = .unit(f)
    } else {
      return nil
    }
  }
}
