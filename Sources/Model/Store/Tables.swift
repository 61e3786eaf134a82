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

/// The tasks file read into tasks, with the row of each id.
struct TaskTable {
  var doc: CSVDocument
  var columns: [String: Int]
  var rowOf: [String: Int]
  var tasks: [PlanTask]

  init(doc: CSVDocument, file: String) throws(StoreError) {
    self.doc = doc
    columns = Columns.resolve(doc.header.fields, Columns.taskAliases)
    for required in ["id", "measure"] where columns[required] == nil {
      throw StoreError(
        .badData, "the header has no \"\(required)\" column (or \(Columns.taskAliases[required]![1]))", file: file,
        line: doc.header.line, column: 1)
    }
    var rowOf: [String: Int] = [:]
    rowOf.reserveCapacity(doc.records.count)
    var tasks: [PlanTask] = []
    tasks.reserveCapacity(doc.records.count)
    var deadlines: [String: Deadline] = [:]
    let c = columns
    // Column numbers looked up once, not per cell.
    let at = Dictionary(uniqueKeysWithValues: Columns.taskAliases.keys.map { ($0, c[$0] ?? -1) })
    let (idC, groupC, themeC, measureC, requirementC) = (
      at["id"]!, at["group"]!, at["theme"]!, at["measure"]!, at["requirement"]!
    )
    let (leadC, supportC, deadlineC, statusC, noteC) = (
      at["lead"]!, at["support"]!, at["deadline"]!, at["status"]!, at["note"]!
    )
    for (k, r) in doc.records.enumerated() where !r.isBlank {
      let f = r.fields
      func cell(_ column: Int) -> String { column < 0 ? "" : f[column] }
      func cell(_ name: String) -> String { cell(at[name]!) }
      func bad(_ name: String, _ message: String) -> StoreError {
        let (line, col) = doc.position(record: k, field: c[name] ?? 0)
        return StoreError(.badData, message, file: file, line: line, column: col)
      }
      let id = cell(idC).trimmingSpaces
      if id.isEmpty { throw bad("id", "empty id: every task needs its number") }
      if let first = rowOf[id] {
        throw bad("id", "duplicate id \"\(id)\" (first on line \(doc.records[first].line))")
      }
      rowOf[id] = k
      let statusText = cell(statusC)
      guard let status = TaskStatus(token: statusText) else {
        throw bad("status", "unknown status \"\(statusText)\" (use open, in_progress, done or blocked)")
      }
      func day(_ name: String) throws(StoreError) -> Day? {
        let t = cell(name).trimmingSpaces
        if t.isEmpty { return nil }
        guard let d = Day(iso: t) else { throw bad(name, "bad date \"\(t)\" (expected YYYY-MM-DD)") }
        return d
      }
      let dl = cell(deadlineC)
      let deadline: Deadline
      if let known = deadlines[dl] {
        deadline = known
      } else {
        deadline = Deadline(dl)
        deadlines[dl] = deadline
      }
      tasks.append(
        PlanTask(
          id: id, group: cell(groupC), theme: cell(themeC), measure: cell(measureC),
          requirement: cell(requirementC), lead: Departments(cell: cell(leadC)),
          support: Departments(cell: cell(supportC)), deadline: deadline, status: status,
          completedOn: try day("completed_on"), eventOn: try day("event_on"), note: cell(noteC)))
    }
    self.rowOf = rowOf
    self.tasks = tasks
  }

  /// Writes one field of one task into its row (adding the column if the file lacks it).
  mutating func set(id: String, field: String, to value: String) {
    guard let k = rowOf[id] else { return }
    if columns[field] == nil {
      doc.addColumn(field)
      columns[field] = doc.header.fields.count - 1
    }
    doc.set(record: k, column: columns[field]!, to: value)
  }

  mutating func append(_ t: PlanTask) {
    var fields = [String](repeating: "", count: doc.header.fields.count)
    for (name, col) in columns { fields[col] = t.value(of: name) }
    rowOf[t.id] = doc.records.count
    doc.append(fields: fields)
  }
}

/// The staffing file read into units.
struct StaffingTable {
  var doc: CSVDocument
  var columns: [String: Int]
  var units: [StaffingUnit]

  init(doc: CSVDocument, file: String) throws(StoreError) {
    self.doc = doc
    columns = Columns.resolve(doc.header.fields, Columns.staffingAliases)
    for required in ["unit", "enforcement", "reviewers"] where columns[required] == nil {
      throw StoreError(.badData, "the header has no \"\(required)\" column", file: file, line: 1, column: 1)
    }
    var units: [StaffingUnit] = []
    var seen: [String: Int] = [:]
    let c = columns
    for (k, r) in doc.records.enumerated() where !r.isBlank {
      func bad(_ name: String, _ message: String) -> StoreError {
        let (line, col) = doc.position(record: k, field: c[name]!)
        return StoreError(.badData, message, file: file, line: line, column: col)
      }
      let name = r.fields[c["unit"]!].trimmingSpaces
      if name.isEmpty { throw bad("unit", "empty unit name") }
      if let first = seen[name] { throw bad("unit", "unit \"\(name)\" is listed twice (first on line \(first))") }
      seen[name] = r.line
      func count(_ field: String) throws(StoreError) -> Int {
        let t = r.fields[c[field]!].trimmingSpaces
        guard let v = Int(t) else { throw bad(field, "\(field) must be a whole number, not \"\(t)\"") }
        guard v >= 0 else { throw bad(field, "negative staff count \(v)") }
        guard v <= StaffingUnit.maxCount else { throw bad(field, "staff count \(v) is implausibly large") }
        return v
      }
      units.append(StaffingUnit(name: name, enforcement: try count("enforcement"), reviewers: try count("reviewers")))
    }
    self.units = units
  }

  func record(of unit: String) -> Int? {
    doc.records.firstIndex { !$0.isBlank && $0.fields[columns["unit"]!].trimmingSpaces == unit }
  }
}
