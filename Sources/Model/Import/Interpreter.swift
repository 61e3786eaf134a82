/// Reads a grid as a task table, the same way for every format: finds the header by the
/// names such tables use (title rows, 附件 and notes above it skipped), works out each
/// column's role (a header over several columns is told apart by its data), takes section
/// rows as groups, fills merged and blank cells down, numbers the tasks, splits department
/// cells by role words, and keeps every cell it cannot place in an extra column.
struct Interpreter {
  let file: String
  let grid: TableGrid
  let options: ImportOptions

  /// What a column can be before the roles are settled.
  enum Role: Equatable, Sendable {
    case id, group, category, theme, measure, requirement, lead, responsible, support, deadline

    var field: ImportField {
      switch self {
      case .id: .id
      case .group: .group
      case .category, .theme: .theme
      case .measure: .measure
      case .requirement: .requirement
      case .lead, .responsible: .lead
      case .support: .support
      case .deadline: .deadline
      }
    }

    init(_ f: ImportField) {
      switch f {
      case .id: self = .id
      case .group: self = .group
      case .theme: self = .theme
      case .measure: self = .measure
      case .requirement: self = .requirement
      case .lead: self = .lead
      case .support: self = .support
      case .deadline: self = .deadline
      case .extra: self = .measure  // never asked: extra is handled before
      }
    }
  }

  /// Header names read exactly (seed tables' names, kept as they were read).
  static let exact: [String: Role] = [
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
  static func field(ofHeader raw: String) -> Role? {
    let n = normalized(raw)
    guard !n.isEmpty, n.count <= 12 else { return nil }
    if let r = exact[n] { return r }
    // A person (责任领导, 责任人, 分管领导) is not a department: kept as an extra column.
    if n.contains("领导") || n.hasSuffix("人") { return nil }
    if ["时限", "期限", "时间", "节点", "进度"].contains(where: { n.contains($0) }) { return .deadline }
    if n.hasSuffix("序号") || n.hasSuffix("编号") { return .id }
    if ["配合", "协办", "协助", "参与"].contains(where: { n.contains($0) }) { return .support }
    if ["牵头", "主办", "主责"].contains(where: { n.contains($0) }) { return .lead }
    if n.hasPrefix("责任") && n.count >= 3 { return .responsible }
    if n.contains("承办") || ["单位", "部门", "科室", "处室", "股室", "主体"].contains(where: { n.hasSuffix($0) }) {
      return .responsible
    }
    if ["措施", "举措", "内容", "分工", "要点"].contains(where: { n.hasSuffix($0) }) { return .measure }
    if n.hasSuffix("要求") { return .requirement }
    if n.hasSuffix("项目组") { return .group }
    if ["任务", "目标", "类别", "事项", "领域"].contains(where: { n.hasSuffix($0) }) { return .category }
    return nil
  }

  typealias Row = (place: SourcePlace, slots: [Slot])

  func interpret() throws(ImportError) -> ImportResult {
    let rows = grid.slots()
    let h = try headerIndex(rows)
    var names = headerNames(rows[h].slots)
    var headerCount = 1
    var guesses = grid.notes
    if h + 1 < rows.count, let merged = subHeader(names, rows[h + 1].slots) {
      names = merged
      headerCount = 2
      guesses.append(.twoRowHeader(rows[h + 1].place))
    }
    var preamble = grid.preamble
    for r in rows[..<h] {
      let text = Interpreter.rowTexts(r.slots).joined(separator: " ")
      if !text.isEmpty { preamble.append(text) }
    }
    let normalizedNames = names.map { $0.map(Interpreter.normalized) }
    let body = rows[(h + headerCount)...].filter { r in
      !r.slots.allSatisfy(\.isEmpty) && !isRepeatedHeader(r.slots, normalizedNames)
    }
    var columns = try TableColumns(names: names, rows: Array(body), options: options, file: file)
    guesses += columns.guesses
    columns.guesses = []
    let known = standaloneDepartments(body, columns: columns)
    var state = RowState()
    var drafts: [Draft] = []
    var filled: [ImportField: [SourcePlace]] = [:]
    var headings: [(text: String, at: Int)] = []
    for row in body {
      if let heading = heading(row.slots, columns) {
        headings.append((Interpreter.rowTexts(row.slots).joined(separator: " "), drafts.count))
        state.group = heading
        state.theme = ""
        state.lastLead = nil
        state.lastDeadline = nil
        continue
      }
      // A row that only repeats merged cells holds nothing new.
      if row.slots.allSatisfy({ $0.isEmpty || $0.cover != .origin }) { continue }
      let pieces = fragments(row, columns, guesses: &guesses)
      for piece in pieces {
        if let d = draft(piece, row: row, columns: columns, state: &state, filled: &filled) { drafts.append(d) }
      }
    }
    for f in [ImportField.lead, .deadline] where !(filled[f] ?? []).isEmpty {
      guesses.append(.filledDown(field: f, places: filled[f]!))
    }
    let ids = assignIDs(drafts, guesses: &guesses)
    var tasks: [PlanTask] = []
    var keptNumbers = false
    var rawColumns: [String] = []
    for (d, id) in zip(drafts, ids) {
      var extras = d.extras
      if d.keptNumber, let n = d.numberCell {
        extras[columns.numberColumnName] = n
        keptNumbers = true
      }
      var lead = Departments()
      var support = Departments()
      for (k, text, place) in d.departmentCells {
        let role = columns.role[k]!
        let read = readDepartments(text, role: role, place: place, known: known, guesses: &guesses)
        lead.units += read.lead.units.filter { !lead.units.contains($0) }
        lead.others = lead.others || read.lead.others
        support.units += read.support.units.filter { !support.units.contains($0) }
        support.others = support.others || read.support.others
        if read.altered {
          let name = columns.rawName(k)
          extras[name] = text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(
            separator: "\n")
          if !rawColumns.contains(name) { rawColumns.append(name) }
        }
      }
      tasks.append(
        PlanTask(
          id: id, group: d.group, theme: d.theme, measure: d.measure, requirement: d.requirement, lead: lead,
          support: support, deadline: Deadline(d.deadline), extras: extras))
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
    // A merged cell read on every row it covers says the same thing once.
    var said = Set<TableGuess>()
    guesses = guesses.filter { said.insert($0).inserted }
    let title = preamble.first { !Interpreter.isLabel($0) && !$0.hasPrefix("（") && !$0.hasPrefix("(") } ?? ""
    // A row across the table with no task under it (a note under the table, "注：…") is kept
    // in the plan's note, not lost.
    let notes = headings.indices.filter { k in
      (k + 1 < headings.count ? headings[k + 1].at : drafts.count) == headings[k].at
    }
    .map { headings[$0].text }
    let note = (preamble.filter { $0 != title && !Interpreter.isLabel($0) } + notes).joined(separator: " ")
    let extraColumns = (keptNumbers ? [columns.numberColumnName] : []) + columns.extraNames + rawColumns
    // A sheet's header is named by its first cell (Sheet1!A3); a document's by its row.
    var headerPlace = rows[h].place
    if case .cell(.some, _, _, _) = headerPlace,
      let first = rows[h].slots.first(where: { !$0.isEmpty && $0.cover == .origin })
    {
      headerPlace = first.place
    }
    return ImportResult(
      format: grid.format, title: title, note: note, preamble: preamble, headerPlace: headerPlace,
      columns: columns.report, groups: groups, tasks: tasks, extraColumns: extraColumns, guesses: guesses,
      unreadDeadlines: unread, departments: departments)
  }

  // MARK: the header

  /// The header row: `--header-row`, else the first of the first 40 rows that names at least
  /// two different fields.
  func headerIndex(_ rows: [Row]) throws(ImportError) -> Int {
    if let n = options.headerRow {
      if let i = rows.firstIndex(where: { $0.place.rowNumber == n }) { return i }
      throw ImportError(.headerRowMissing(n), file: file)
    }
    for (i, r) in rows.prefix(40).enumerated() {
      var seen: [Role] = []
      for s in r.slots where s.cover == .origin {
        if let f = Interpreter.field(ofHeader: s.text) ?? mapped(s.text).map(Role.init), !seen.contains(f) {
          seen.append(f)
        }
      }
      if seen.count >= 2 { return i }
    }
    throw ImportError(.noHeader, file: file, place: rows.first?.place)
  }

  func mapped(_ name: String) -> ImportField? {
    let n = Interpreter.normalized(name)
    return options.map.first { Interpreter.normalized($0.header) == n }?.field
  }

  /// The header's names by column; nil under a header cell that spans from the left.
  func headerNames(_ slots: [Slot]) -> [String?] {
    slots.map { $0.cover == .left ? nil : TableImport.joinWrapped($0.lines) }
  }

  /// A second header row: under a header cell spanning several columns, names such as
  /// 牵头单位 | 配合单位; every cell of it is a name or covered from above.
  func subHeader(_ names: [String?], _ next: [Slot]) -> [String?]? {
    var any = false
    for s in next where s.cover == .origin && !s.isEmpty {
      let t = Interpreter.normalized(s.text)
      if Interpreter.field(ofHeader: t) == nil && !["牵头", "配合", "主办", "协办"].contains(t) { return nil }
      any = true
    }
    guard any else { return nil }
    var out = names
    // A text layout writes a merged header cell once, so the row under it is wider: the
    // header cell above a run of names spans them all.
    var k = 0
    while k < next.count && out.count < next.count {
      var run = 0
      while k + run < next.count, !next[k + run].isEmpty, next[k + run].cover == .origin { run += 1 }
      if run > 1, k < out.count, out[k] != nil, k + 1 >= out.count || out[k + 1] != nil {
        out.insert(contentsOf: Array(repeating: nil, count: min(run - 1, next.count - out.count)), at: k + 1)
      }
      k += max(run, 1)
    }
    for (k, s) in next.enumerated() where k < out.count && s.cover == .origin && !s.isEmpty {
      let lower = TableImport.joinWrapped(s.lines)
      let upper = out[k] ?? out[..<k].last { $0 != nil }.flatMap { $0 } ?? ""
      out[k] = Interpreter.field(ofHeader: lower) != nil ? lower : upper + lower
    }
    return out
  }

  /// A header row repeated on a later page (Word repeats header rows).
  func isRepeatedHeader(_ slots: [Slot], _ names: [String?]) -> Bool {
    let same = zip(slots, names).filter { s, n in
      guard let n, !n.isEmpty, s.cover == .origin else { return false }
      return Interpreter.normalized(s.text) == n
    }.count
    return same >= 2
  }

  /// "附件", "附件1：": a label above the title, not content.
  static func isLabel(_ line: String) -> Bool { line.hasPrefix("附件") && line.count <= 6 }

  /// A row's distinct cell texts (a merged cell once).
  static func rowTexts(_ slots: [Slot]) -> [String] {
    var out: [String] = []
    for s in slots where s.cover == .origin && !s.isEmpty { out.append(TableImport.joinWrapped(s.lines)) }
    return out
  }

  // MARK: rows

  /// "一、全面推行行政执法公示制度": a row whose only text is one cell (across the row, or
  /// in its first two columns outside the measure) starts a section, which becomes the group.
  func heading(_ slots: [Slot], _ c: TableColumns) -> String? {
    let filled = slots.enumerated().filter { !$0.element.isEmpty }
    guard let first = filled.first, first.element.cover == .origin else { return nil }
    guard filled.allSatisfy({ $0.element.place == first.element.place && $0.element.text == first.element.text })
    else { return nil }
    let text = TableImport.joinWrapped(first.element.lines)
    if text.allSatisfy({ $0.isNumber }) { return nil }
    let spans = filled.count >= 2 && filled.dropFirst().allSatisfy { $0.element.cover == .left }
    if !spans {
      guard filled.count == 1, first.offset <= 1 else { return nil }
      if c.role[first.offset] == .measure { return nil }
    }
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
  func fragments(_ row: Row, _ c: TableColumns, guesses: inout [TableGuess]) -> [[Slot]] {
    let cells: [[Slot]] = (0..<c.width).map { k in
      guard k < row.slots.count else { return [Slot(text: "", cover: .origin, place: row.place)] }
      let s = row.slots[k]
      if s.text.contains("<p>") || s.text.contains("</p>") {
        return Interpreter.paragraphs(s.text).map { Slot(text: $0, cover: s.cover, place: s.place) }
      }
      return [s]
    }
    let n = cells.map(\.count).max() ?? 1
    if n > 1 && cells.contains(where: { $0.count != 1 && $0.count != n }) {
      guesses.append(.packedRow(row.place, measures: n))
    }
    return (0..<n).map { k in
      cells.map { parts in
        parts.count == 1 ? parts[0] : (k < parts.count ? parts[k] : Slot(text: "", cover: .origin, place: row.place))
      }
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
    var lastLead: (k: Int, text: String)? = nil
    var lastDeadline: String? = nil
  }

  /// A task before its id is settled and its departments read.
  struct Draft {
    var place: SourcePlace
    var group: String
    var theme: String
    var measure: String
    var requirement: String
    var deadline: String
    /// The number the row carries (the 序号 cell, or the measure's own number).
    var number: String?
    var numberCell: String?
    /// The 序号 cell is kept aside because the measure carried its own number.
    var keptNumber: Bool
    var departmentCells: [(Int, String, SourcePlace)]
    var extras: [String: String]
  }

  /// One task from one row (or one fragment of it).
  func draft(
    _ slots: [Slot], row: Row, columns c: TableColumns, state: inout RowState,
    filled: inout [ImportField: [SourcePlace]]
  ) -> Draft? {
    func slot(_ r: Role) -> Slot? { c.index(of: r).map { slots[$0] } }
    func text(_ r: Role) -> String { slot(r).map { TableImport.joinWrapped($0.lines) } ?? "" }
    let raw = text(.measure)
    if raw.isEmpty && slots.allSatisfy(\.isEmpty) { return nil }
    let group = text(.group)
    let theme = text(.theme)
    // A lead or deadline merged down may reach past a new category (a text export shows
    // such a merge as blank cells), so blanks take the value above across categories too;
    // only a section row across the table, which no merge crosses, ends it.
    if !group.isEmpty { state.group = group }
    if !theme.isEmpty { state.theme = theme }
    let (number, measure) = Interpreter.measureNumber(raw)
    let numberCell = c.index(of: .id).map { Interpreter.idText(slots[$0].text) }.flatMap { $0.isEmpty ? nil : $0 }
    var d = Draft(
      place: row.place, group: state.group, theme: state.theme, measure: measure, requirement: text(.requirement),
      deadline: "", number: number ?? numberCell, numberCell: numberCell,
      keptNumber: number != nil && numberCell != nil,
      departmentCells: [], extras: [:])
    // Departments keep their lines (one name a line); a deadline keeps its text verbatim.
    var leadSeen = false
    for k in c.departmentColumns.sorted() {
      var t = slots[k].lines.joined(separator: "\n")
      if c.role[k] == .lead {
        if t.trimmingSpaces.isEmpty, !measure.isEmpty, let last = state.lastLead, last.k == k {
          t = last.text
          filled[.lead, default: []].append(slots[k].place)
        } else if !t.trimmingSpaces.isEmpty {
          state.lastLead = (k, t)
        }
        leadSeen = leadSeen || !t.trimmingSpaces.isEmpty
      }
      d.departmentCells.append((k, t, slots[k].place))
    }
    if let k = c.index(of: .deadline) {
      var t = slots[k].lines.filter { !$0.trimmingSpaces.isEmpty }.joined()
      if t.isEmpty, !measure.isEmpty, let last = state.lastDeadline {
        t = last
        filled[.deadline, default: []].append(slots[k].place)
      } else if !t.isEmpty {
        state.lastDeadline = t
      }
      d.deadline = t
    }
    for (k, name) in c.extraColumns where !slots[k].isEmpty && slots[k].cover != .left {
      d.extras[name] = TableImport.joinWrapped(slots[k].lines)
    }
    return d
  }

  /// "1", "1.", "1、", "（1）", "1.0" → the number as a person writes it; other text as it is.
  static func idText(_ text: String) -> String {
    let t = text.trimmingSpaces
    if let n = plainNumber(t) { return n }
    return t
  }

  /// The number in a cell that holds only a number ("3", "3.", "（3）", "3.0"), or nil.
  static func plainNumber(_ text: String) -> String? {
    var s = Substring(text.trimmingSpaces)
    if (s.first == "(" || s.first == "（") && (s.last == ")" || s.last == "）") { s = s.dropFirst().dropLast() }
    while let l = s.last, ".．、,，)）".contains(l) { s = s.dropLast() }
    if s.hasSuffix(".0") { s = s.dropLast(2) }
    let digits = s.map { ch -> Character in
      if let v = ch.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v), ch.unicodeScalars.count == 1 {
        return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
      }
      return ch
    }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return String(digits)
  }

  /// A measure's own number: "(6) 编制…", "（1）…", "1.积极推进…", "2、建立…" → ("6", "编制…").
  /// "1.5万" and "2019年" are not numbers of the measure.
  static func measureNumber(_ text: String) -> (String?, String) {
    let t = text.trimmingSpaces
    guard let first = t.first else { return (nil, text) }
    var rest = Substring(t)
    var digits = ""
    if first == "(" || first == "（" {
      rest = rest.dropFirst()
      digits = String(rest.prefix { $0.isASCII && $0.isNumber })
      rest = rest.dropFirst(digits.count)
      guard !digits.isEmpty, let close = rest.first, close == ")" || close == "）" else { return (nil, text) }
      rest = rest.dropFirst()
    } else {
      digits = String(rest.prefix { $0.isASCII && $0.isNumber })
      guard !digits.isEmpty, digits.count <= 3 else { return (nil, text) }
      rest = rest.dropFirst(digits.count)
      guard let sep = rest.first, ".．、)）".contains(sep) else { return (nil, text) }
      rest = rest.dropFirst()
      if let next = rest.first, next.isNumber { return (nil, text) }
    }
    let body = rest.trimmingSpaces
    return body.isEmpty ? (nil, text) : (digits, body)
  }

  // MARK: ids

  /// Ids from the numbers the rows carry: as they are; restarting in each category made
  /// unique as "category-number"; none at all, the table order; a row without one (or one
  /// used twice) derived from the row before ("4-1").
  func assignIDs(_ drafts: [Draft], guesses: inout [TableGuess]) -> [String] {
    if drafts.allSatisfy({ $0.number == nil }) {
      if !drafts.isEmpty { guesses.append(.tableOrder(count: drafts.count)) }
      return drafts.indices.map { String($0 + 1) }
    }
    var raw = drafts.map(\.number)
    let numbers = raw.compactMap { $0 }
    if Set(numbers).count < numbers.count, let blocks = restartBlocks(drafts) {
      raw = zip(drafts, blocks).map { d, b in d.number.map { "\(b)-\($0)" } }
      if let example = raw.first(where: { $0?.hasPrefix("2-") == true }) ?? raw.first(where: { $0 != nil }) {
        guesses.append(.restartedNumbering(categories: (blocks.max() ?? 1), example: example ?? ""))
      }
    }
    var used = Set<String>()
    var last = ""
    var out: [String] = []
    for (d, number) in zip(drafts, raw) {
      var id = number ?? ""
      if id.isEmpty || used.contains(id) {
        let base = last.isEmpty ? "0" : last
        var k = 1
        while used.contains("\(base)-\(k)") { k += 1 }
        guesses.append(.derivedID(d.place, id: "\(base)-\(k)", duplicate: id.isEmpty ? nil : id))
        id = "\(base)-\(k)"
      }
      used.insert(id)
      last = id
      out.append(id)
    }
    return out
  }

  /// The block each row's number belongs to, when every fall in the numbering comes with a
  /// new category (group or theme); nil when the numbers fall elsewhere too.
  func restartBlocks(_ drafts: [Draft]) -> [Int]? {
    var block = 1
    var out: [Int] = []
    var previous: (n: Int, group: String, theme: String)? = nil
    for d in drafts {
      if let s = d.number, let n = Int(s) {
        if let p = previous, n <= p.n {
          guard p.group != d.group || p.theme != d.theme else { return nil }
          block += 1
        }
        previous = (n, d.group, d.theme)
      }
      out.append(block)
    }
    return block > 1 ? out : nil
  }

  // MARK: departments

  /// Department names that stand alone somewhere in the table: the dictionary used to split
  /// names run together ("征收管理科人事教育科").
  func standaloneDepartments(_ rows: [Row], columns: TableColumns) -> [String] {
    var seen: [String] = []
    for row in rows {
      for k in columns.departmentColumns where k < row.slots.count && row.slots[k].cover == .origin {
        for line in row.slots[k].lines {
          for part in Departments.split(line).map(Interpreter.foldBrackets)
          where !seen.contains(part) && !Departments.placeholders.contains(part) {
            seen.append(part)
          }
        }
      }
    }
    // Names that are two known names run together are not names themselves.
    return seen.filter { name in Interpreter.segment(name, using: seen.filter { $0 != name }) == nil }
  }

  static let leadWords = ["牵头负责", "负责牵头", "牵头", "主办", "主责", "负责"]
  static let supportWords = [
    "按职能分工落实", "按职责分工落实", "按职责落实", "分工落实", "配合落实", "共同落实", "配合", "协办", "协助", "协同", "参与",
    "参加", "落实",
  ]
  /// Role words longest first, so that "牵头负责" is one word, not "牵头" and then text.
  static let roleWords: [(word: [Character], role: Role)] =
    (leadWords.map { (Array($0), Role.lead) } + supportWords.map { (Array($0), Role.support) })
    .sorted { $0.0.count > $1.0.count }

  /// "办公室牵头，各科室配合" → [(lead, "办公室"), (support, "各科室")]: the text before each
  /// role word takes that role; text after the last one supports a lead named before it.
  /// Labels take the text after them instead ("牵头单位：办公室；配合单位：各科室"), and a
  /// role in brackets ends its clause ("办公室（牵头）、财务科"). Nil when the cell names no role.
  static func splitRoles(_ text: String) -> [(Role, String)]? {
    if let labelled = labelledRoles(text) { return labelled }
    var t = text
    for w in leadWords + supportWords {
      for (open, close) in [("（", "）"), ("(", ")")] where t.contains(open + w + close) {
        t = t.replacing(open + w + close, with: w + "，")
      }
    }
    let chars = Array(t)
    var out: [(Role, String)] = []
    var start = 0
    var i = 0
    let separators: Set<Character> = ["，", ",", "；", ";", "、", "。", " ", "\n", "　"]
    func word(at i: Int) -> (Role, Int)? {
      for (wc, role) in roleWords where i + wc.count <= chars.count && chars[i] == wc[0] {
        guard Array(chars[i..<(i + wc.count)]) == wc else { continue }
        let end = i + wc.count
        // A role word ends its clause: at the end, or before a separator.
        guard end == chars.count || separators.contains(chars[end]) else { continue }
        return (role, wc.count)
      }
      return nil
    }
    while i < chars.count {
      if let (role, n) = word(at: i) {
        let units = String(chars[start..<i]).trimmingSpaces
        if !units.isEmpty { out.append((role, units)) }
        i += n
        while i < chars.count, separators.contains(chars[i]) { i += 1 }
        start = i
      } else {
        i += 1
      }
    }
    guard !out.isEmpty else { return nil }
    let tail = String(chars[start...]).trimmingSpaces
    if !tail.isEmpty { out.append((out.contains { $0.0 == .lead } ? .support : .lead, tail)) }
    // "各科室按职责分工落实" with no lead named: they are the ones responsible.
    if !out.contains(where: { $0.0 == .lead }) && out.allSatisfy({ $0.0 == .support }) {
      let helping = ["配合", "协办", "协助", "协同", "参与", "参加"]
      if !helping.contains(where: { t.contains($0) }) { out = out.map { (.lead, $0.1) } }
    }
    return out
  }

  /// "牵头单位：办公室；配合单位：各科室", "牵头：…": each label's role for the text after it.
  static func labelledRoles(_ text: String) -> [(Role, String)]? {
    guard text.contains("：") || text.contains(":") else { return nil }
    var out: [(Role, String)] = []
    for part in text.split(whereSeparator: { "；;\n".contains($0) }) {
      guard let colon = part.firstIndex(where: { $0 == "：" || $0 == ":" }) else {
        guard !out.isEmpty else { return nil }
        out[out.count - 1].1 += "、" + part
        continue
      }
      let label = part[..<colon].filter { !$0.isWhitespace }
      let body = part[part.index(after: colon)...].trimmingSpaces
      guard label.count <= 6, !body.isEmpty else { return nil }
      if leadWords.contains(where: { label.contains($0) }) || label.hasPrefix("责任") {
        out.append((.lead, body))
      } else if supportWords.contains(where: { label.contains($0) }) {
        out.append((.support, body))
      } else {
        return nil
      }
    }
    return out.isEmpty ? nil : out
  }

  /// Generic words for "every section" after 各 or 有关/相关: a placeholder, not a unit.
  static let collectiveEndings = ["科室", "股室", "部门", "单位", "处室", "工作组", "小组", "科所", "站所", "机构", "部门单位"]

  static func isCollective(_ name: String) -> Bool {
    if Departments.placeholders.contains(name) { return true }
    guard name.count <= 10, !name.contains("及"), !name.contains("和") else { return false }
    guard collectiveEndings.contains(where: { name.hasSuffix($0) }) else { return false }
    return name.hasPrefix("各") || name.hasPrefix("其他") || name.hasPrefix("其它") || name.contains("有关")
      || name.contains("相关")
  }

  /// One department cell read into lead and support: role words, names, placeholders.
  /// `altered` when the store's text would lose words of the cell (a role word, 等, a
  /// collective name), so that the cell is kept verbatim beside.
  func readDepartments(
    _ text: String, role: Role, place: SourcePlace, known: [String], guesses: inout [TableGuess]
  ) -> (lead: Departments, support: Departments, altered: Bool) {
    var lead = Departments()
    var support = Departments()
    var altered = false
    let flat = text.split(separator: "\n").map(String.init).joined(separator: "\n")
    var segments: [(Role, String)] = [(role == .support ? .support : .lead, flat)]
    if let split = Interpreter.splitRoles(flat.replacing("\n", with: "、")) {
      segments = split
      altered = true
    }
    for (r, seg) in segments {
      var (d, g, changed) = Interpreter.departments(seg, known: known, place: place)
      guesses += g
      altered = altered || changed
      if r == .lead {
        d.units = d.units.filter { !lead.units.contains($0) }
        lead.units += d.units
        lead.others = lead.others || d.others
      } else {
        d.units = d.units.filter { !support.units.contains($0) }
        support.units += d.units
        support.others = support.others || d.others
      }
    }
    if segments.count > 1 || segments.first?.0 != (role == .support ? .support : .lead) {
      guesses.append(
        .roleSplit(
          place, text: flat, lead: segments.filter { $0.0 == .lead }.map(\.1),
          support: segments.filter { $0.0 == .support }.map(\.1)))
    }
    return (lead, support, altered)
  }

  /// Splits a department cell: one name per line, the separators 、，,；;, names run
  /// together (split by the table's own names first, else after unit endings), a trailing
  /// 等 dropped, collective names as the placeholder.
  static func departments(_ text: String, known: [String], place: SourcePlace) -> (
    Departments, [TableGuess], Bool
  ) {
    var units: [String] = []
    var others = false
    var guesses: [TableGuess] = []
    var changed = false
    for var part in Departments.split(text) {
      if part.count > 2 && part.hasSuffix("等") {
        let cut = String(part.dropLast()).trimmingSpaces
        guesses.append(.droppedDeng(place, from: part, to: cut))
        part = cut
        changed = true
      }
      if isCollective(part) {
        others = true
        if !Departments.placeholders.contains(part) { guesses.append(.collective(place, name: part)) }
        if part != "其他相关部门" { changed = true }
        continue
      }
      var names = [part]
      let folded = foldBrackets(part)
      if folded != part {
        names = [folded]
        guesses.append(.bracketsUnified(place, from: part, to: folded))
      } else if !known.contains(part) {
        if let seg = segment(part, using: known) {
          names = seg
          guesses.append(.namesSplit(place, text: part, parts: seg, byEndings: false))
        } else if let seg = splitBySuffix(part) {
          names = seg
          guesses.append(.namesSplit(place, text: part, parts: seg, byEndings: true))
        }
      }
      for n in names where !units.contains(n) { units.append(n) }
    }
    return (Departments(units, others: others), guesses, changed)
  }

  /// One unit written with half-width brackets in one place and full-width in another is one
  /// unit: Chinese text uses the full-width ones.
  static func foldBrackets(_ s: String) -> String {
    String(s.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
  }

  /// Covers `text` exactly with known names (longest first), if it can.
  static func segment(_ text: String, using known: [String]) -> [String]? {
    let sorted = known.sorted { $0.count > $1.count }
    var budget = 10_000
    func go(_ rest: Substring) -> [String]? {
      if rest.isEmpty { return [] }
      budget -= 1
      if budget < 0 { return nil }
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
