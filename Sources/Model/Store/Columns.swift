/// Reads tasks and staffing out of their CSV documents, finding columns by name (English
/// or the Chinese a spreadsheet user would type), and writes changed fields back.
enum Columns {
  /// Canonical task fields and the header names that mean them.
  static let taskAliases: [String: [String]] = [
    "id": ["id", "序号", "编号"],
    "group": ["group", "工作项目组", "项目组", "工作组"],
    "theme": ["theme", "推行任务", "工作任务", "主要任务"],
    "measure": ["measure", "工作措施", "具体措施", "具体举措", "推行措施"],
    "requirement": ["requirement", "具体要求"],
    "lead": ["lead", "责任部门", "牵头部门", "责任单位", "牵头单位"],
    "support": ["support", "配合部门", "协办单位", "配合单位"],
    "deadline": ["deadline", "完成时限", "完成时间"],
    "status": ["status", "状态"],
    "completed_on": ["completed_on", "完成日期"],
    "event_on": ["event_on", "触发日期", "事件日期"],
    "note": ["note", "备注"],
  ]

  static let staffingAliases: [String: [String]] = [
    "unit": ["unit", "单位", "科室", "部门"],
    "enforcement": ["enforcement", "执法人员", "执法人数", "执法人员数"],
    "reviewers": ["reviewers", "法制审核人员", "审核人员", "法制审核人数"],
    "retired": ["retired", "已撤销", "撤销"],
  ]

  /// The column standing for each canonical field present in the header.
  static func resolve(_ header: [String], _ aliases: [String: [String]]) -> [String: Int] {
    var lookup: [String: String] = [:]
    for (canonical, names) in aliases { for n in names { lookup[n.lowercased()] = canonical } }
    var out: [String: Int] = [:]
    for (i, h) in header.enumerated() {
      if let c = lookup[h.trimmingSpaces.lowercased()], out[c] == nil { out[c] = i }
    }
    return out
  }

  static let taskHeader = [
    "id", "group", "theme", "measure", "lead", "support", "deadline", "status", "completed_on", "event_on", "note",
  ]
  static let staffingHeader = ["unit", "enforcement", "reviewers"]
}
