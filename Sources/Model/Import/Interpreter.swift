/// Reads rows of cells as a task table: finds the header by the names such tables use,
/// works out the row width from the data (Word merges header cells), skips repeated headers,
/// takes section headings as groups, fills merged cells down, and splits measures packed
/// into one row as `<p>` fragments.
struct Interpreter {
  let file: String
  let shape: TableImport.Shape
  var preamble: [String]

  /// The columns a task table has, and the header names that mean each.
  static let synonyms: [(field: String, names: [String])] = [
    ("id", ["序号", "编号"]),
    ("group", ["工作项目组", "项目组", "工作组"]),
    ("theme", ["推行任务", "工作任务", "主要任务", "任务"]),
    ("measure", ["工作措施", "具体措施", "具体举措", "推行措施", "措施", "工作内容"]),
    ("requirement", ["具体要求", "工作要求"]),
    ("lead", ["牵头部门", "牵头单位"]),
    ("responsible", ["责任部门", "责任单位", "责任科室"]),
    ("support", ["配合部门", "协办单位", "配合单位", "协办部门"]),
    ("deadline", ["完成时限", "完成时间", "时限"]),
  ]

  static func normalized(_ name: String) -> String { name.filter { !$0.isWhitespace } }

  static func field(ofHeader name: String) -> String? {
    let n = normalized(name)
    return synonyms.first { $0.names.contains(n) }?.field
  }

  func interpret(_ rows: [TableImport.Row]) throws(StoreError) -> ImportResult {
    guard
      let h = rows.firstIndex(where: { r in
        r.cells.filter { Interpreter.field(ofHeader: $0.joinedText) != nil }.count >= 2
      })
    else {
      throw StoreError(
        .badData, "no header row found (expected column names such as 序号, 工作措施, 责任部门, 完成时限)", file: file,
        line: rows.first?.line ?? 1, column: 1)
    }
    var preamble = self.preamble
    preamble += rows[..<h].map { $0.cells.map(\.joinedText).filter { !$0.isEmpty }.joined(separator: " ") }
    let header = rows[h]
    let names = header.cells.map { Interpreter.normalized($0.joinedText) }
    let body = rows[(h + 1)...].filter { !$0.isBlank && !isRepeatedHeader($0, names) }
    let columns = TableColumns(names: names, rows: body)
    guard columns.index(of: "measure") != nil else {
      throw StoreError(
        .badData, "no measure column in the header (expected 工作措施, 具体措施 or 具体举措)", file: file,
        line: header.line, column: 1)
    }
    var state = RowState()
    var tasks: [PlanTask] = []
    var guesses = columns.guesses
    let known = Interpreter.standaloneDepartments(body, columns: columns)
    for row in body {
      if let heading = heading(row, columns) {
        state.group = heading
        state.theme = ""
        continue
      }
      for piece in fragments(row, columns, guesses: &guesses) {
        if let t = task(piece, row: row, columns: columns, state: &state, known: known, guesses: &guesses) {
          tasks.append(t)
        }
      }
    }
    var groups: [String] = []
    var departments: [String] = []
    var unread: [(String, String)] = []
    for t in tasks {
      if !t.group.isEmpty && !groups.contains(t.group) { groups.append(t.group) }
      for d in t.lead.units + t.support.units where !departments.contains(d) { departments.append(d) }
      if t.deadline.kind == .unparsed && !t.deadline.text.trimmingSpaces.isEmpty {
        unread.append((t.id, t.deadline.text))
      }
    }
    let title = preamble.first { !Interpreter.isLabel($0) && !$0.hasPrefix("（") && !$0.hasPrefix("(") } ?? ""
    let note = preamble.filter { $0 != title && !Interpreter.isLabel($0) }.joined(separator: " ")
    return ImportResult(
      shape: shape, title: title, note: note, preamble: preamble, groups: groups, tasks: tasks,
      extraColumns: (state.keptNumbers ? [columns.numberColumnName] : []) + columns.extraNames, guesses: guesses,
      unreadDeadlines: unread, departments: departments)
  }

  /// "附件", "附件1：": a label above the title, not content.
  static func isLabel(_ line: String) -> Bool { line.hasPrefix("附件") && line.count <= 6 }

  /// A header row repeated on a later page (Word repeats header rows).
  func isRepeatedHeader(_ row: TableImport.Row, _ names: [String]) -> Bool {
    let same = zip(row.cells, names).filter { Interpreter.normalized($0.joinedText) == $1 && !$1.isEmpty }.count
    return same >= 2
  }

  /// "一、全面推行行政执法公示制度": a row whose only text is in its first cells and is not a
  /// number starts a section, which becomes the group.
  func heading(_ row: TableImport.Row, _ c: TableColumns) -> String? {
    let filled = row.cells.enumerated().filter { !$0.element.isEmpty }
    guard filled.count == 1, filled[0].offset <= 1 else { return nil }
    let text = filled[0].element.joinedText
    if text.allSatisfy({ $0.isNumber }) { return nil }
    if let m = c.index(of: "measure"), filled[0].offset == m { return nil }
    return Interpreter.stripOrdinal(text)
  }

  /// "一、", "（一）", "1." and "第一部分" prefixes go; the words stay.
  static func stripOrdinal(_ text: String) -> String {
    var s = Substring(text)
    let numerals = Set("一二三四五六七八九十0123456789０１２３４５６７８９")
    if s.first == "（" || s.first == "(" {
      let rest = s.dropFirst()
      if let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }), !rest[..<close].isEmpty,
        rest[..<close].allSatisfy({ numerals.contains($0) })
      {
        s = rest[rest.index(after: close)...]
      }
    } else {
      let digits = s.prefix { numerals.contains($0) }
      if !digits.isEmpty, let sep = s.dropFirst(digits.count).first, "、.．,，".contains(sep) {
        s = s.dropFirst(digits.count + 1)
      }
    }
    return s.trimmingSpaces.isEmpty ? text : s.trimmingSpaces
  }

  /// One row's cells, split into the tasks packed in it: a cell of `<p>` fragments gives
  /// one value per task, in order; a plain cell applies to all of them.
  func fragments(_ row: TableImport.Row, _ c: TableColumns, guesses: inout [String]) -> [[String]] {
    let cells: [[String]] = (0..<c.width).map { k in
      guard k < row.cells.count else { return [""] }
      let cell = row.cells[k]
      let text = cell.lines.joined(separator: "\n")
      if text.contains("<p>") || text.contains("</p>") { return Interpreter.paragraphs(text) }
      // Departments keep their lines (one name a line); a deadline keeps its text verbatim.
      if c.isDepartmentColumn(k) { return [cell.lines.joined(separator: "\n")] }
      if c.fieldOf[k] == "deadline" { return [cell.lines.filter { !$0.trimmingSpaces.isEmpty }.joined()] }
      return [cell.joinedText]
    }
    let n = cells.map(\.count).max() ?? 1
    if n > 1 && cells.contains(where: { $0.count != 1 && $0.count != n }) {
      guesses.append("line \(row.line): \(n) measures in one row, but not every cell has \(n) parts; matched in order")
    }
    return (0..<n).map { k in
      cells.map { parts in parts.count == 1 ? parts[0] : (k < parts.count ? parts[k] : "") }
    }
  }

  /// The texts of `<p>…</p>` fragments, in order, with the usual entities decoded.
  static func paragraphs(_ text: String) -> [String] {
    var out: [String] = []
    for part in text.split(separator: "</p>", omittingEmptySubsequences: false) {
      var t = String(part)
      if let open = t.firstRange(of: "<p>") { t = String(t[open.upperBound...]) }
      t = t.replacing("&nbsp;", with: " ").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
        .replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
      let trimmed = t.trimmingSpaces
      if !trimmed.isEmpty { out.append(trimmed) }
    }
    return out.isEmpty ? [""] : out
  }

  struct RowState {
    var group = ""
    var theme = ""
    var lastID = ""
    var used = Set<String>()
    /// True once a row's number cell was kept aside because its measure carried its own number.
    var keptNumbers = false
  }

  /// One task from one row (or one fragment of it).
  func task(
    _ cells: [String], row: TableImport.Row, columns c: TableColumns, state: inout RowState, known: [String],
    guesses: inout [String]
  ) -> PlanTask? {
    func cell(_ f: String) -> String { c.index(of: f).map { cells[$0] } ?? "" }
    let raw = cell("measure")
    if raw.trimmingSpaces.isEmpty && cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return nil }
    if !cell("group").isEmpty { state.group = cell("group").trimmingSpaces }
    if !cell("theme").isEmpty { state.theme = cell("theme").trimmingSpaces }
    let (number, measure) = Interpreter.measureNumber(raw.trimmingSpaces)
    let numberCell = cell("id").trimmingSpaces
    var extras: [String: String] = [:]
    var id = numberCell
    if let number {
      id = number
      // The number column then counts something else (the themes): keep it, not lose it.
      if !numberCell.isEmpty {
        extras[c.numberColumnName] = numberCell
        state.keptNumbers = true
      }
    }
    if id.isEmpty || state.used.contains(id) {
      let base = state.lastID.isEmpty ? "0" : state.lastID
      var k = 1
      while state.used.contains("\(base)-\(k)") { k += 1 }
      let why = id.isEmpty ? "row without a number" : "number \(id) used twice"
      guesses.append("line \(row.line): \(why); given id \(base)-\(k)")
      id = "\(base)-\(k)"
    }
    state.used.insert(id)
    state.lastID = id
    var lead = Departments()
    var support = Departments()
    for field in ["lead", "support"] {
      let (d, g) = Interpreter.departments(cell(field), known: known)
      guesses += g.map { "line \(row.line): \($0)" }
      if field == "lead" { lead = d } else { support = d }
    }
    for (k, name) in c.extraColumns where !cells[k].trimmingSpaces.isEmpty { extras[name] = cells[k] }
    let deadlineText = cell("deadline").lines.joined()
    return PlanTask(
      id: id, group: state.group, theme: state.theme, measure: measure, requirement: cell("requirement").trimmingSpaces,
      lead: lead, support: support, deadline: Deadline(deadlineText), extras: extras)
  }

  /// "(6) 编制全市行政执法人员清单。" → ("6", "编制全市行政执法人员清单。").
  static func measureNumber(_ text: String) -> (String?, String) {
    guard let first = text.first, first == "(" || first == "（" else { return (nil, text) }
    let rest = text.dropFirst()
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let close = rest.dropFirst(digits.count).first, close == ")" || close == "）" else {
      return (nil, text)
    }
    let body = rest.dropFirst(digits.count + 1).trimmingSpaces
    return body.isEmpty ? (nil, text) : (String(digits), body)
  }

  /// Department names that stand alone somewhere in the table: the dictionary used to split
  /// names run together ("征收管理科人事教育科").
  static func standaloneDepartments(_ rows: [TableImport.Row], columns: TableColumns) -> [String] {
    var seen: [String] = []
    for row in rows {
      for k in columns.departmentColumns where k < row.cells.count {
        for line in row.cells[k].lines {
          for part in Departments.split(line).map(foldBrackets)
          where !seen.contains(part) && !Departments.placeholders.contains(part) {
            seen.append(part)
          }
        }
      }
    }
    // Names that are two known names run together are not names themselves.
    return seen.filter { name in segment(name, using: seen.filter { $0 != name }) == nil }
  }

  /// Splits a department cell: one name per line, the separators 、，,；;, and names run
  /// together (split by the table's own names first, else after unit endings).
  static func departments(_ text: String, known: [String]) -> (Departments, [String]) {
    var units: [String] = []
    var others = false
    var guesses: [String] = []
    for part in Departments.split(text) {
      if Departments.placeholders.contains(part) {
        others = true
        continue
      }
      var names = [part]
      let folded = foldBrackets(part)
      if folded != part {
        names = [folded]
        guesses.append("wrote \"\(part)\" as \"\(folded)\"")
      } else if !known.contains(part) {
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
    return (Departments(units, others: others), guesses)
  }

  /// One unit written with half-width brackets in one place and full-width in another is one
  /// unit: Chinese text uses the full-width ones.
  static func foldBrackets(_ s: String) -> String {
    String(s.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
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

  /// Splits after section endings (科, 室, 办, 所, 队, 处) when every piece looks like a unit.
  static func splitBySuffix(_ text: String) -> [String]? {
    let endings: Set<Character> = ["科", "室", "办", "所", "队", "处"]
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

/// Which field each column holds. When data rows are wider than the header (Word merged two
/// header cells into one), the merged cell is found by trying each place and keeping the one
/// under which the cells look most like their columns.
struct TableColumns {
  let width: Int
  private(set) var fieldOf: [Int: String] = [:]
  /// TableColumns the importer does not know, by index, with the names they get in the store.
  private(set) var extraColumns: [(Int, String)] = []
  private(set) var guesses: [String] = []
  /// The store column that keeps a number column's values when measures carry their own.
  let numberColumnName: String

  init(names: [String], rows: [TableImport.Row]) {
    var counts: [Int: Int] = [:]
    for r in rows where r.cells.filter({ !$0.isEmpty }).count >= 2 { counts[r.cells.count, default: 0] += 1 }
    let dataWidth = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? names.count
    width = max(names.count, dataWidth)
    var layout = names.map { Optional($0) }
    if width > names.count {
      let extra = width - names.count
      var best = (score: Int.min, at: 0)
      for p in names.indices {
        let candidate = TableColumns.spread(names, mergedAt: p, extra: extra)
        let s = TableColumns.score(candidate, rows)
        if s > best.score { best = (s, p) }
      }
      layout = TableColumns.spread(names, mergedAt: best.at, extra: extra)
      guesses.append(
        "the rows have \(width) cells but the header \(names.count) names: took \"\(names[best.at])\" as spanning \(extra + 1) columns"
      )
    }
    var seen = Set<String>()
    var fields: [Int: String] = [:]
    for (k, name) in layout.enumerated() {
      if let name, let f = Interpreter.field(ofHeader: name), !seen.contains(f) {
        fields[k] = f
        seen.insert(f)
      }
    }
    // With a lead column, "responsible" units cooperate; without one, they lead.
    let hasLead = seen.contains("lead")
    for (k, f) in fields where f == "responsible" { fields[k] = hasLead ? "support" : "lead" }
    fieldOf = fields
    var extras: [(Int, String)] = []
    for k in 0..<width where fields[k] == nil {
      let base =
        layout[k].flatMap { $0.isEmpty ? nil : $0 } ?? TableColumns.previousName(layout, k).map { "\($0)（续）" }
        ?? "第\(k + 1)列"
      var name = base
      var n = 2
      while extras.contains(where: { $0.1 == name }) || TableColumns.reserved.contains(name) {
        name = "\(base)\(n)"
        n += 1
      }
      extras.append((k, name))
    }
    extraColumns = extras
    let themeName = fields.first { $0.value == "theme" }.map { layout[$0.key] ?? "" } ?? ""
    numberColumnName = themeName.isEmpty ? "原序号" : "\(themeName)序号"
  }

  /// Store column names that would be read back as known fields.
  static let reserved: Set<String> = Set(Interpreter.synonyms.flatMap(\.names)).union(PlanTask.fieldNames)

  static func previousName(_ layout: [String?], _ k: Int) -> String? {
    var j = k - 1
    while j >= 0 {
      if let n = layout[j] { return n }
      j -= 1
    }
    return nil
  }

  /// The header laid over `names.count + extra` columns, with `names[p]` spanning extra ones.
  static func spread(_ names: [String], mergedAt p: Int, extra: Int) -> [String?] {
    Array(names[...p]).map { Optional($0) } + Array(repeating: nil, count: extra)
      + names[(p + 1)...].map { Optional($0) }
  }

  /// How well cells fit the columns they would fall under.
  static func score(_ layout: [String?], _ rows: [TableImport.Row]) -> Int {
    var s = 0
    for r in rows.prefix(60) {
      for k in layout.indices where k < r.cells.count {
        let text = r.cells[k].joinedText
        // A spanned column holds the same kind of thing as the header cell spanning it.
        let name = layout[k] ?? previousName(layout, k)
        guard !text.isEmpty, let name, let f = Interpreter.field(ofHeader: name) else { continue }
        switch f {
        case "id": s += text.allSatisfy(\.isNumber) ? 2 : -2
        case "deadline": s += Deadline(text).kind != .unparsed ? 3 : -1
        case "lead", "support", "responsible": s += text.count <= 40 && !text.contains("。") ? 1 : -2
        case "measure", "requirement": s += text.count >= 8 ? 1 : 0
        default: break
        }
      }
    }
    return s
  }

  func index(of field: String) -> Int? { fieldOf.first { $0.value == field }?.key }

  var departmentColumns: [Int] { fieldOf.filter { $0.value == "lead" || $0.value == "support" }.map(\.key) }

  func isDepartmentColumn(_ k: Int) -> Bool { fieldOf[k] == "lead" || fieldOf[k] == "support" }

  var extraNames: [String] { extraColumns.map(\.1) }
}
