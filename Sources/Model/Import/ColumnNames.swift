/// What a column can be before the roles are settled: the header vocabulary's answer.
/// `category` is a level not yet told to be the group or the theme; `responsible` leads
/// unless a 牵头 column is there too; `supportOrLead` (配合/责任单位) supports where the row
/// names a lead and leads where it names none.
public enum ColumnRole: Equatable, Sendable {
  case id, group, category, theme, measure, requirement, lead, responsible, support, supportOrLead, deadline

  var field: ImportField {
    switch self {
    case .id: .id
    case .group: .group
    case .category, .theme: .theme
    case .measure: .measure
    case .requirement: .requirement
    case .lead, .responsible: .lead
    case .support, .supportOrLead: .support
    case .deadline: .deadline
    }
  }

  /// The role `--map` asks for; nil for `extra`, which is no role.
  init?(_ f: ImportField) {
    switch f {
    case .id: self = .id
    case .group: self = .group
    case .theme: self = .theme
    case .measure: self = .measure
    case .requirement: self = .requirement
    case .lead: self = .lead
    case .support: self = .support
    case .deadline: self = .deadline
    case .extra: return nil
    }
  }
}

/// The names allocation tables give their columns, one vocabulary for every reader: the
/// interpreter reads headers with it, and the text readers, which must find a header before
/// they can cut lines into rows, ask it through `role(ofName:)`.
public enum ColumnNames {
  /// Header names read exactly (seed tables' names, kept as they were read).
  static let exact: [String: ColumnRole] = [
    "序号": .id, "编号": .id, "序": .id,
    "工作项目组": .group, "项目组": .group, "工作组": .group, "类别": .group,
    "推行任务": .category, "工作任务": .category, "主要任务": .category, "任务": .category, "目标": .category,
    "工作措施": .measure, "具体措施": .measure, "具体举措": .measure, "推行措施": .measure, "措施": .measure,
    "工作内容": .measure, "细化分工": .measure, "具体内容": .measure, "主要内容": .measure, "任务内容": .measure,
    "具体要求": .requirement, "工作要求": .requirement, "任务要求": .requirement,
    "牵头部门": .lead, "牵头单位": .lead, "牵头科室": .lead, "牵头处室": .lead,
    "责任部门": .responsible, "责任单位": .responsible, "责任科室": .responsible, "责任处室": .responsible,
    "责任股室": .responsible,
    "配合部门": .support, "协办单位": .support, "配合单位": .support, "协办部门": .support,
    "完成时限": .deadline, "完成时间": .deadline, "时限": .deadline, "时限要求": .deadline, "时间节点": .deadline,
    "进度安排": .deadline,
  ]

  /// A header cell's name without spaces, colons, marks or a bracketed note ("责任单位（部门）").
  static func normalized(_ name: String) -> String {
    var out = ""
    var depth = 0
    for ch in name {
      if ch == "（" || ch == "(" {
        depth += 1
        continue
      }
      if ch == "）" || ch == ")" {
        depth = max(0, depth - 1)
        continue
      }
      if depth > 0 || ch.isWhitespace || "：:*※★".contains(ch) { continue }
      out.append(ch)
    }
    return out
  }

  /// The role a header name stands for: the exact names first, then by the words such names
  /// are built from ("责任…" leads, "…时限" is a deadline, "…要求" a requirement).
  static func role(of raw: String) -> ColumnRole? {
    // "牵头单位：市司法局" is a label with its value, not a column's name.
    if let colon = raw.firstIndex(where: { $0 == "：" || $0 == ":" }),
      !raw[raw.index(after: colon)...].trimmingSpaces.isEmpty
    {
      return nil
    }
    let n = normalized(raw)
    guard !n.isEmpty, n.count <= 12 else { return nil }
    if let r = exact[n] { return r }
    if isPerson(n) || isRemark(n) { return nil }
    if ["时限", "期限", "时间", "节点", "进度"].contains(where: { n.contains($0) }) { return .deadline }
    if n.hasSuffix("序号") || n.hasSuffix("编号") { return .id }
    let supports = ["配合", "协办", "协助", "参与"].contains(where: { n.contains($0) })
    // "配合/责任单位": the units that support, or carry the task where no lead is named.
    if supports && (n.contains("责任") || n.contains("承办")) && n.contains("/") { return .supportOrLead }
    if supports { return .support }
    if ["牵头", "主办", "主责"].contains(where: { n.contains($0) }) { return .lead }
    if n.hasPrefix("责任") && n.count >= 3 { return .responsible }
    if n.contains("承办") || ["单位", "部门", "科室", "处室", "股室", "主体"].contains(where: { n.hasSuffix($0) }) {
      return .responsible
    }
    if ["措施", "举措", "内容", "分工", "要点"].contains(where: { n.hasSuffix($0) }) { return .measure }
    if n.hasSuffix("要求") { return .requirement }
    if n.hasSuffix("项目组") { return .group }
    // "抽查任务名称": a task's short name is a category level (the theme beside the measure).
    if ["任务", "目标", "类别", "事项", "领域", "名称"].contains(where: { n.hasSuffix($0) }) { return .category }
    return nil
  }

  /// A person (责任领导, 责任人, 分管领导) is not a department: kept as an extra column.
  static func isPerson(_ name: String) -> Bool {
    let n = normalized(name)
    return n.contains("领导") || n.hasSuffix("人")
  }

  /// 备注, 说明, 完成情况, 进展情况: what people write about a task, never the task itself.
  static func isRemark(_ name: String) -> Bool {
    let n = normalized(name)
    return ["备注", "说明", "情况"].contains(where: { n.hasSuffix($0) })
  }

  /// Which end of a period a date column's name gives: start (开始时间, 起始日期, 实施时段自)
  /// or end (结束时间, 截止日期, …至); nil for a single date or a period (起止时间).
  static func periodEnd(_ name: String) -> PeriodEnd? {
    let n = normalized(name)
    if n.contains("起止") || n.contains("起讫") { return nil }
    if ["结束", "截止", "终止"].contains(where: { n.contains($0) }) || n.hasSuffix("至") || n.hasSuffix("止") {
      return .end
    }
    if ["开始", "起始"].contains(where: { n.contains($0) }) || n.hasSuffix("自") || n.hasSuffix("起") { return .start }
    return nil
  }

  enum PeriodEnd { case start, end }

  /// The role of a cell's text as a column name ("具 体 要 求", "责任单位（部门）"), or nil when
  /// it is no name such tables give a column.
  public static func role(ofName text: String) -> ColumnRole? { role(of: text) }

  /// The same, counting the names `--map` gives as names too (a header the vocabulary
  /// lacks), so that every reader finds the header the user named.
  public static func role(ofName text: String, map: [(header: String, field: ImportField)]) -> ColumnRole? {
    role(of: text, map: map)
  }

  /// The role of a column name, or one `--map` names (a header the vocabulary lacks).
  static func role(of name: String, map: [(header: String, field: ImportField)]) -> ColumnRole? {
    let n = normalized(name)
    // A name mapped to `extra` is a name too: an extra column is still a column.
    if let m = map.first(where: { normalized($0.header) == n }) { return ColumnRole(m.field) ?? .category }
    return role(of: name)
  }
}
