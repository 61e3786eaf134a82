#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a task stands. The raw values are the tokens the store and JSON use.
public enum TaskStatus: String, CaseIterable, Sendable, Hashable {
  case open
  case inProgress = "in_progress"
  case done
  case blocked

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
    set { leadCell = DepartmentsCell(newValue) }
  }
  public var support: Departments {
    get { supportCell.value }
    set { supportCell = DepartmentsCell(newValue) }
  }
  /// The department cells as stored: read when first asked for (see `DepartmentsCell`).
  var leadCell: DepartmentsCell
  var supportCell: DepartmentsCell
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
      leadCell: DepartmentsCell(lead), supportCell: DepartmentsCell(support), deadline: deadline, status: status,
      completedOn: completedOn, eventOn: eventOn,
      noteText: CellText(note), extras: extras)
  }

  /// A task with its free texts as read from a file.
  init(
    id: String, group: String, theme: String, measureText: CellText, requirementText: CellText,
    leadCell: DepartmentsCell, supportCell: DepartmentsCell, deadline: Deadline, status: TaskStatus, completedOn: Day?,
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
  public init(cell: String) { self = Departments.simpleCell(cell) ?? Departments.general(cell) }

  /// The reading by `Character`s and `String` comparison, for any text.
  static func general(_ cell: String) -> Departments {
    var units: [String] = []
    var others = false
    for part in Departments.split(cell) {
      if Departments.placeholders.contains(part) {
        others = true
      } else if !units.contains(part) {
        units.append(part)
      }
    }
    return Departments(units, others: others)
  }

  /// The placeholders' UTF-8, for comparing parts of a cell without making strings.
  static let placeholderBytes: [[UInt8]] = placeholders.map { Array($0.utf8) }

  /// `init(cell:)` at the byte level, for the cells a plan really holds: ASCII, CJK ideographs,
  /// CJK punctuation and full-width forms. In those, no character combines with its neighbour
  /// and no two byte sequences are canonically equal, so splitting bytes and comparing bytes
  /// give exactly what splitting `Character`s and comparing `String`s give. Any other cell
  /// (or one with CR LF, a single `Character`) returns nil and takes the general path.
  static func simpleCell(_ cell: String) -> Departments? {
    var cell = cell
    return cell.withUTF8 { simpleCell(bytes: $0) { String(decoding: $0, as: UTF8.self) } }
  }

  /// `simpleCell` on a cell's UTF-8; `name` makes each unit's string (a reader shares them).
  static func simpleCell(
    bytes b: UnsafeBufferPointer<UInt8>, name: (UnsafeBufferPointer<UInt8>) -> String
  ) -> Departments? {
    do {
      var units: [String] = []
      var others = false
      /// One part between separators: trimmed, then a placeholder, a new unit, or a repeat.
      func take(_ part: Range<Int>) {
        var r = part
        // Trim ASCII white space and the ideographic space (E3 80 80), the only spaces here.
        while !r.isEmpty {
          if b[r.lowerBound] == 0x20 || (0x09...0x0D).contains(b[r.lowerBound]) {
            r = (r.lowerBound + 1)..<r.upperBound
          } else if r.count >= 3 && b[r.lowerBound] == 0xE3 && b[r.lowerBound + 1] == 0x80
            && b[r.lowerBound + 2] == 0x80
          {
            r = (r.lowerBound + 3)..<r.upperBound
          } else {
            break
          }
        }
        while !r.isEmpty {
          let last = b[r.upperBound - 1]
          if last == 0x20 || (0x09...0x0D).contains(last) {
            r = r.lowerBound..<(r.upperBound - 1)
          } else if r.count >= 3 && last == 0x80 && b[r.upperBound - 2] == 0x80 && b[r.upperBound - 3] == 0xE3 {
            r = r.lowerBound..<(r.upperBound - 3)
          } else {
            break
          }
        }
        if r.isEmpty { return }
        let p = UnsafeBufferPointer(rebasing: b[r])
        func same(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
          other.count == p.count && memcmp(other.baseAddress!, p.baseAddress!, p.count) == 0
        }
        if placeholderBytes.contains(where: { $0.withUnsafeBufferPointer(same) }) {
          others = true
        } else if !units.contains(where: {
          var u = $0; return u.withUTF8(same)
        }) {
          units.append(name(p))
        }
      }
      var start = 0
      // Where the text after the last 、 begins, split there or not.
      var segment = 0
      var i = 0
      var depth = 0
      let n = b.count
      func isIdeographicSpace(_ k: Int) -> Bool { k + 2 < n && b[k] == 0xE3 && b[k + 1] == 0x80 && b[k + 2] == 0x80 }
      /// True when b[r] is one character that is not a space: "市" in "市、县两级…".
      func lone(_ r: Range<Int>) -> Bool {
        if r.count == 1 { return !(b[r.lowerBound] == 0x20 || (0x09...0x0D).contains(b[r.lowerBound])) }
        return r.count == 3 && b[r.lowerBound] >= 0xE3 && !isIdeographicSpace(r.lowerBound)
      }
      while i < n {
        let c = b[i]
        var len = 1
        var separator = false
        if c < 0x80 {
          switch c {
          case 0x2C, 0x3B, 0x0A: separator = true
          // Not split inside brackets: "各县（市、区）政府" is one unit.
          case 0x28, 0x5B: depth += 1
          case 0x29, 0x5D: depth = max(0, depth - 1)
          case 0x0D:
            if i + 1 < n && b[i + 1] == 0x0A { return nil }
            separator = true
          default: break
          }
        } else if c >= 0xE3 && c <= 0xE9, i + 2 < n {
          len = 3
          let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
          // CJK punctuation (less its combining tone marks), ideographs, full-width forms
          // (less the half-width sound marks, which combine).
          switch v {
          case 0x3010: depth += 1
          case 0x3011: depth = max(0, depth - 1)
          case 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF: break
          default: return nil
          }
          separator = v == 0x3001
          // A lone character before 、 joins the name after it ("市、县两级…"), as `split` does;
          // spaces around it are the general path's to trim.
          if separator && depth == 0 {
            var t = segment..<i
            while !t.isEmpty {
              if b[t.lowerBound] == 0x20 || (0x09...0x0D).contains(b[t.lowerBound]) {
                t = (t.lowerBound + 1)..<t.upperBound
              } else if t.count >= 3 && isIdeographicSpace(t.lowerBound) {
                t = (t.lowerBound + 3)..<t.upperBound
              } else {
                break
              }
            }
            while !t.isEmpty {
              if b[t.upperBound - 1] == 0x20 || (0x09...0x0D).contains(b[t.upperBound - 1]) {
                t = t.lowerBound..<(t.upperBound - 1)
              } else if t.count >= 3 && isIdeographicSpace(t.upperBound - 3) {
                t = t.lowerBound..<(t.upperBound - 3)
              } else {
                break
              }
            }
            if lone(t) {
              if t != segment..<i || (i + 3 < n && (b[i + 3] == 0x20 || isIdeographicSpace(i + 3))) { return nil }
              separator = false
            }
            segment = i + 3
          }
        } else if c == 0xEF, i + 2 < n {
          len = 3
          let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
          switch v {
          case 0xFF08: depth += 1
          case 0xFF09: depth = max(0, depth - 1)
          case 0xFF01...0xFF9D, 0xFFA0...0xFFEF: break
          default: return nil
          }
          separator = v == 0xFF0C || v == 0xFF1B
        } else {
          return nil
        }
        if separator && depth == 0 {
          take(start..<i)
          start = i + len
          segment = start
        }
        i += len
      }
      take(start..<n)
      return Departments(units, others: others)
    }
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

extension StringProtocol {
  /// Trims ASCII and Unicode white space, including the ideographic space.
  public var trimmingSpaces: String {
    // Printable ASCII at both ends (an id, a status, a date): nothing to trim.
    let plain = utf8.withContiguousStorageIfAvailable { b in
      !b.isEmpty && (0x21...0x7E).contains(b[0]) && (0x21...0x7E).contains(b[b.count - 1])
    }
    if plain == true {
      return String(self)
    }
    let scalars = self.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    // Nothing to trim (the usual case): no copy through the scalar view.
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
