/// Where a task stands. The raw values are the tokens the store and JSON use.
public enum TaskStatus: String, CaseIterable, Sendable, Hashable {
  case open
  case inProgress = "in_progress"
  case done
  case blocked
  /// Taken out of the plan (the superior office dropped the measure): out of the lists and
  /// counts, but kept in the file and in the history. Nothing is ever deleted.
  case retired

  /// Accepts the tokens and the Chinese words a person may type into the spreadsheet.
  public init?(token: String) {
    let t = token.trimmingSpaces
    if let s = TaskStatus(rawValue: t) {
      self = s
      return
    }
    switch t {
    case "", "未开始", "待办", "未完成", "开放", "todo", "pending": self = .open
    case "进行中", "推进中", "在办", "in progress", "started": self = .inProgress
    case "已完成", "完成", "办结", "completed", "closed": self = .done
    case "受阻", "暂缓", "阻塞", "搁置": self = .blocked
    case "已取消", "取消", "不再执行", "cancelled", "canceled": self = .retired
    default: return nil
    }
  }
}

/// One measure of the plan (the table's row). Named so as not to shadow Swift's `Task`.
public struct PlanTask: Hashable, Sendable {
  /// The table's number, kept as the stable id ("1", "6" or a derived "12a").
  public var id: String
  public var group: String
  public var theme: String
  public var measure: String {
    get { measureText.string }
    set { measureText = CellText(newValue) }
  }
  /// 具体要求, where a table has that column.
  public var requirement: String {
    get { requirementText.string }
    set { requirementText = CellText(newValue) }
  }
  /// The free texts as stored: kept as the file's bytes until read (see `CellText`).
  var measureText: CellText
  var requirementText: CellText
  var noteText: CellText
  public var lead: Departments {
    get { leadCell.value }
    set { leadCell = LazyCell(newValue) }
  }
  public var support: Departments {
    get { supportCell.value }
    set { supportCell = LazyCell(newValue) }
  }
  /// The department cells as stored: read when first asked for (see `LazyCell`).
  var leadCell: LazyCell<Departments>
  var supportCell: LazyCell<Departments>
  public var deadline: Deadline
  public var status: TaskStatus
  public var completedOn: Day?
  /// The day the awaited event happened (see `trigger`).
  public var eventOn: Day?
  public var note: String {
    get { noteText.string }
    set { noteText = CellText(newValue) }
  }
  /// Columns the program does not know (added in a spreadsheet, or kept from an import),
  /// by column name; only non-empty values.
  public var extras: [String: String]

  public init(
    id: String, group: String = "", theme: String = "", measure: String, requirement: String = "",
    lead: Departments = Departments(), support: Departments = Departments(),
    deadline: Deadline = Deadline(""), status: TaskStatus = .open, completedOn: Day? = nil,
    eventOn: Day? = nil, note: String = "", extras: [String: String] = [:]
  ) {
    self.init(
      id: id, group: group, theme: theme, measureText: CellText(measure), requirementText: CellText(requirement),
      leadCell: LazyCell(lead), supportCell: LazyCell(support), deadline: deadline, status: status,
      completedOn: completedOn, eventOn: eventOn,
      noteText: CellText(note), extras: extras)
  }

  /// A task with its free texts as read from a file.
  init(
    id: String, group: String, theme: String, measureText: CellText, requirementText: CellText,
    leadCell: LazyCell<Departments>, supportCell: LazyCell<Departments>, deadline: Deadline, status: TaskStatus,
    completedOn: Day?,
    eventOn: Day?, noteText: CellText, extras: [String: String]
  ) {
    self.id = id
    self.group = group
    self.theme = theme
    self.measureText = measureText
    self.requirementText = requirementText
    self.leadCell = leadCell
    self.supportCell = supportCell
    self.deadline = deadline
    self.status = status
    self.completedOn = completedOn
    self.eventOn = eventOn
    self.noteText = noteText
    self.extras = extras
  }
}

/// The departments of one role. "其他相关部门" and its kin are a placeholder, kept as a flag
/// rather than counted as a unit.
public struct Departments: Hashable, Sendable {
  public var units: [String]
  /// The cell also said "其他相关部门" (or a similar placeholder).
  public var others: Bool

  public init(_ units: [String] = [], others: Bool = false) {
    self.units = units
    self.others = others
  }

  public static let placeholders: Set<String> = [
    "其他相关部门", "其它相关部门", "相关部门", "各相关部门", "其他有关部门", "有关部门", "其他相关科室",
    "相关科室", "各相关科室", "其他部门", "各部门", "各科室",
  ]

  /// Reads a store cell: names separated by 、，,；; or line breaks.
  public init(cell: String) {
    var units: [String] = []
    var others = false
    for part in Departments.split(cell) {
      if Departments.placeholders.contains(part) {
        others = true
      } else if !units.contains(part) {
        units.append(part)
      }
    }
    self.init(units, others: others)
  }

  /// Splits on 、，,；; and line breaks, but not inside brackets, and not after a lone
  /// character: "市、县两级行政执法机关" is one unit, not "市" and "县两级…".
  static func split(_ cell: String) -> [String] {
    var parts: [(text: String, sep: Character?)] = []
    var current = ""
    var depth = 0
    for ch in cell {
      if "（(【[".contains(ch) { depth += 1 }
      if "）)】]".contains(ch) { depth = max(0, depth - 1) }
      if depth == 0 && ("、，,；;\n\r".contains(ch) || ch == "\r\n") {
        parts.append((current, ch))
        current = ""
      } else {
        current.append(ch)
      }
    }
    parts.append((current, nil))
    var out: [String] = []
    var carry = ""
    for (text, sep) in parts {
      let t = text.trimmingSpaces
      if t.count == 1 && sep == "、" {
        carry += t + "、"
        continue
      }
      let whole = (carry + t).trimmingSpaces
      carry = ""
      if !whole.isEmpty { out.append(whole) }
    }
    if !carry.isEmpty { out.append(String(carry.dropLast())) }
    return out
  }

  /// The store's cell text: names joined by 、, the placeholder last.
  public var cell: String {
    (units + (others ? ["其他相关部门"] : [])).joined(separator: "、")
  }

  public var isEmpty: Bool { units.isEmpty && !others }
}
