/// Turns an allocation table exported from Word into tasks. The text comes in more than one
/// shape; each shape is first read into rows of cells (a cell keeps its lines), and one
/// interpretation step then finds the columns by header name and fills merged cells.
public enum TableImport {
  /// A cell as it stood in the source: its lines, and the line it started on.
  struct Cell {
    var lines: [String]
    var line: Int
    var isEmpty: Bool { lines.allSatisfy { $0.trimmingSpaces.isEmpty } }
    var joinedText: String { TableImport.joinWrapped(lines) }
  }

  struct Row {
    var cells: [Cell]
    var line: Int
  }

  /// Which layout a file was read as.
  public enum Shape: String, Sendable {
    /// Seed 000: each cell on its own tab-led line, rows after blank lines.
    case wordFlattened = "word-flattened"
    /// Seed 004: one row per line, cells separated by tabs.
    case tabSeparated = "tab-separated"
  }

  public static func read(_ bytes: [UInt8], file: String) throws(StoreError) -> ImportResult {
    if let bad = firstInvalidUTF8(bytes) {
      let line = 1 + bytes[..<bad.offset].filter { $0 == 0x0A }.count
      throw StoreError(
        .badData, bad.isNUL ? "NUL byte in text" : "invalid UTF-8 (save the file as UTF-8)", file: file, line: line,
        column: 1)
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let (shape, preamble, rows) = try WordFlattened.rows(lines, file: file)
    return try Interpreter(file: file, shape: shape, preamble: preamble).interpret(rows)
  }

  /// Joins the lines Word wrapped a cell into: no space between CJK text, one between words.
  static func joinWrapped(_ lines: [String]) -> String {
    var out = ""
    for l in lines {
      let t = l.trimmingSpaces
      if t.isEmpty { continue }
      if let a = out.unicodeScalars.last, let b = t.unicodeScalars.first,
        a.isASCII && b.isASCII && a.properties.isAlphabetic && b.properties.isAlphabetic
      {
        out += " "
      }
      out += t
    }
    return out
  }
}

/// What an import produced, and the report a person reads before trusting it.
public struct ImportResult: Sendable {
  public var shape: TableImport.Shape
  public var title: String
  /// The other lines above the table (a subtitle such as who leads the work).
  public var note: String
  /// Text above the table (a subtitle or note), kept so that nothing is lost.
  public var preamble: [String]
  public var groups: [String]
  public var tasks: [PlanTask]
  /// Columns the importer does not know, in source order; kept as extra store columns.
  public var extraColumns: [String]
  /// Values of those columns, by task id.
  public var extraValues: [String: [String: String]]
  /// Lines a person should read: guesses made and deadlines not understood.
  public var guesses: [String]
  public var unreadDeadlines: [(id: String, text: String)]
  public var departments: [String]
}

/// Seed 000's layout: a cell starts on a line that begins with a tab; a line without a
/// leading tab continues the cell above; a row starts at a number cell after a blank line.
enum WordFlattened {
  static func rows(_ lines: [String], file: String) throws(StoreError) -> (
    TableImport.Shape, [String], [TableImport.Row]
  ) {
    var preamble: [String] = []
    var cells: [(cell: TableImport.Cell, afterBlank: Bool)] = []
    var sawBlank = true
    for (n, line) in lines.enumerated() {
      if line.hasPrefix("\t") {
        cells.append((TableImport.Cell(lines: [String(line.dropFirst())], line: n + 1), sawBlank))
        sawBlank = false
      } else if line.trimmingSpaces.isEmpty {
        sawBlank = true
      } else if cells.isEmpty {
        preamble.append(line.trimmingSpaces)
      } else {
        cells[cells.count - 1].cell.lines.append(line)
        sawBlank = false
      }
    }
    guard !cells.isEmpty else {
      throw StoreError(
        .badData, "no table found: expected cells on lines that begin with a tab", file: file, line: 1, column: 1)
    }
    // A row begins at a number cell that follows a blank line; the header is what precedes it.
    var rows: [TableImport.Row] = []
    var current: [TableImport.Cell] = []
    for (cell, afterBlank) in cells {
      let isNumber = !cell.joinedText.isEmpty && cell.joinedText.allSatisfy { $0.isASCII && $0.isNumber }
      if afterBlank && isNumber && !current.isEmpty {
        rows.append(TableImport.Row(cells: current, line: current[0].line))
        current = []
      }
      current.append(cell)
    }
    if !current.isEmpty { rows.append(TableImport.Row(cells: current, line: current[0].line)) }
    return (.wordFlattened, preamble, rows)
  }
}

/// Finds the header and its columns, then reads each row into a task.
struct Interpreter {
  let file: String
  let shape: TableImport.Shape
  let preamble: [String]

  /// The columns a task table has, and the header names that mean each.
  static let synonyms: [(field: String, names: [String])] = [
    ("id", ["序号", "编号"]),
    ("group", ["工作项目组", "项目组", "工作组"]),
    ("theme", ["推行任务", "工作任务", "主要任务", "任务"]),
    ("measure", ["工作措施", "具体措施", "具体举措", "推行措施", "措施"]),
    ("requirement", ["具体要求", "工作要求"]),
    ("lead", ["牵头部门", "牵头单位"]),
    ("responsible", ["责任部门", "责任单位", "责任科室"]),
    ("support", ["配合部门", "协办单位", "配合单位", "协办部门"]),
    ("deadline", ["完成时限", "完成时间", "时限"]),
  ]

  static func field(ofHeader name: String) -> String? {
    let n = name.filter { !$0.isWhitespace }
    return synonyms.first { $0.names.contains(n) }?.field
  }

  func interpret(_ allRows: [TableImport.Row]) throws(StoreError) -> ImportResult {
    guard let headerRow = allRows.first else {
      throw StoreError(.badData, "no table found", file: file, line: 1, column: 1)
    }
    let names = headerRow.cells.map { $0.joinedText }
    var fieldOf: [Int: String] = [:]
    for (i, n) in names.enumerated() {
      if let f = Interpreter.field(ofHeader: n), !fieldOf.values.contains(f) { fieldOf[i] = f }
    }
    // With a lead column, "responsible" units cooperate; without one, they lead.
    let hasLead = fieldOf.values.contains("lead")
    for (i, f) in fieldOf where f == "responsible" { fieldOf[i] = hasLead ? "support" : "lead" }
    guard fieldOf.values.contains("measure") else {
      throw StoreError(
        .badData, "no measure column in the header (expected 工作措施, 具体措施 or 具体举措)", file: file,
        line: headerRow.line, column: 1)
    }
    let extraIndexes = names.indices.filter { fieldOf[$0] == nil }
    let extraColumns = extraIndexes.map { names[$0].isEmpty ? "column_\($0 + 1)" : names[$0] }

    var tasks: [PlanTask] = []
    var extraValues: [String: [String: String]] = [:]
    var guesses: [String] = []
    var unread: [(String, String)] = []
    var groups: [String] = []
    var lastGroup = ""
    var lastTheme = ""
    var usedIDs = Set<String>()
    let knownDepartments = Interpreter.singleDepartments(allRows.dropFirst(), fieldOf: fieldOf)
    for row in allRows.dropFirst() {
      func cell(_ f: String) -> TableImport.Cell? {
        guard let i = fieldOf.first(where: { $0.value == f })?.key, i < row.cells.count else { return nil }
        return row.cells[i]
      }
      let group = cell("group")?.joinedText ?? ""
      let theme = cell("theme")?.joinedText ?? ""
      if !group.isEmpty { lastGroup = group }
      if !theme.isEmpty { lastTheme = theme }
      if !lastGroup.isEmpty && !groups.contains(lastGroup) { groups.append(lastGroup) }
      let measure = cell("measure")?.joinedText ?? ""
      var id = cell("id")?.joinedText ?? ""
      if measure.isEmpty && row.cells.allSatisfy({ $0.isEmpty }) { continue }
      if id.isEmpty || usedIDs.contains(id) {
        let base = tasks.last?.id ?? "0"
        var k = 1
        var candidate = "\(base)-\(k)"
        while usedIDs.contains(candidate) {
          k += 1
          candidate = "\(base)-\(k)"
        }
        guesses.append("line \(row.line): row without its own number; given id \(candidate)")
        id = candidate
      }
      usedIDs.insert(id)
      var lead = Departments()
      var support = Departments()
      for (f, target) in [("lead", 0), ("support", 1)] {
        guard let c = cell(f) else { continue }
        let (d, g) = Interpreter.departments(c, known: knownDepartments)
        guesses += g.map { "line \(c.line): \($0)" }
        if target == 0 { lead = d } else { support = d }
      }
      let deadlineText = cell("deadline").map { $0.lines.filter { !$0.trimmingSpaces.isEmpty }.joined() } ?? ""
      let deadline = Deadline(deadlineText)
      if deadline.kind == .unparsed && !deadlineText.trimmingSpaces.isEmpty { unread.append((id, deadlineText)) }
      tasks.append(
        PlanTask(
          id: id, group: lastGroup, theme: lastTheme, measure: measure,
          requirement: cell("requirement")?.joinedText ?? "", lead: lead, support: support, deadline: deadline))
      var extras: [String: String] = [:]
      for (k, i) in extraIndexes.enumerated() where i < row.cells.count && !row.cells[i].isEmpty {
        extras[extraColumns[k]] = row.cells[i].joinedText
      }
      if !extras.isEmpty { extraValues[id] = extras }
    }
    var departments: [String] = []
    for t in tasks { for d in t.lead.units + t.support.units where !departments.contains(d) { departments.append(d) } }
    let title = preamble.first { !$0.hasPrefix("附件") && !$0.hasPrefix("（") && !$0.hasPrefix("(") } ?? ""
    let note = preamble.filter { $0 != title && !Interpreter.isLabel($0) }.joined(separator: " ")
    return ImportResult(
      shape: shape, title: title, note: note, preamble: preamble, groups: groups, tasks: tasks,
      extraColumns: extraColumns,
      extraValues: extraValues, guesses: guesses, unreadDeadlines: unread, departments: departments)
  }

  /// "附件", "附件1：": a label above the title, not content.
  static func isLabel(_ line: String) -> Bool {
    line.hasPrefix("附件") && line.count <= 6
  }

  /// Department names that stand alone on a line somewhere in the table: the dictionary
  /// used to split names run together ("征收管理科人事教育科").
  static func singleDepartments(_ rows: ArraySlice<TableImport.Row>, fieldOf: [Int: String]) -> [String] {
    var seen: [String] = []
    for row in rows {
      for (i, f) in fieldOf where (f == "lead" || f == "support") && i < row.cells.count {
        for line in row.cells[i].lines {
          for part in Departments.split(line) where !seen.contains(part) && !Departments.placeholders.contains(part) {
            seen.append(part)
          }
        }
      }
    }
    // Names that are two known names run together are not names themselves.
    return seen.filter { name in !(segment(name, using: seen.filter { $0 != name }) != nil) }
  }

  /// Splits a department cell: one name per line, separators 、，,；; and run-together names.
  static func departments(_ cell: TableImport.Cell, known: [String]) -> (Departments, [String]) {
    var units: [String] = []
    var others = false
    var guesses: [String] = []
    for line in cell.lines {
      for part in Departments.split(line) {
        if Departments.placeholders.contains(part) {
          others = true
          continue
        }
        var names = [part]
        if !known.contains(part) {
          if let seg = segment(part, using: known) {
            names = seg
            guesses.append("split \"\(part)\" into \(seg.joined(separator: " + "))")
          } else if let seg = splitBySuffix(part) {
            names = seg
            guesses.append("split \"\(part)\" into \(seg.joined(separator: " + ")) by its unit endings")
          }
        }
        for n in names where !units.contains(n) { units.append(n) }
      }
    }
    return (Departments(units, others: others), guesses)
  }

  /// Covers `text` exactly with known names (longest first), if it can.
  static func segment(_ text: String, using known: [String]) -> [String]? {
    let sorted = known.sorted { $0.count > $1.count }
    func go(_ rest: Substring) -> [String]? {
      if rest.isEmpty { return [] }
      for k in sorted where rest.hasPrefix(k) {
        if let tail = go(rest.dropFirst(k.count)) { return [k] + tail }
      }
      return nil
    }
    guard let parts = go(Substring(text)), parts.count > 1 else { return nil }
    return parts
  }

  /// Splits after unit endings (科, 室, 办, 所, 局, 队, 中心) when each piece looks like a unit.
  static func splitBySuffix(_ text: String) -> [String]? {
    let endings: [Character] = ["科", "室", "办", "所", "局", "队", "处"]
    var parts: [String] = []
    var current = ""
    for ch in text {
      current.append(ch)
      if endings.contains(ch) && current.count >= 3 {
        parts.append(current)
        current = ""
      }
    }
    guard current.isEmpty, parts.count > 1 else { return nil }
    return parts
  }
}
