/// Reads a grid as a task table, the same way for every format, in the stages of an import:
/// the header (`findHeader`: title rows, 附件 and notes above it skipped), the columns
/// (`TableColumns`: each column's role, a header over several columns told apart by its data),
/// the rows (`readRows`: section rows as groups, merged and blank cells filled down, packed
/// rows split), the ids (`assignIDs`), the departments (`makeTasks`, through the
/// `DepartmentSplitter`), and the report (`result`). Every cell it cannot place is kept in an
/// extra column.
struct Interpreter {
  let file: String
  let grid: TableGrid
  let options: ImportOptions

  typealias Row = (place: SourcePlace, slots: [Slot])

  /// Where the header is and what it names.
  struct Header {
    var index: Int
    /// Names by column; nil under a header cell that spans from the left.
    var names: [String?]
    /// 1, or 2 when a second row of names is joined to the first.
    var rows: Int
  }

  /// What reading the body gave.
  struct Body {
    var drafts: [Draft] = []
    /// Section rows, with the number of drafts before each.
    var headings: [(text: String, at: Int)] = []
    /// Blank cells read as the value above, by field.
    var filled: [ImportField: [SourcePlace]] = [:]
    /// 注/备注 rows and rows that are not tasks, for the plan's note.
    var notes: [String] = []
  }

  func interpret() throws(ImportError) -> ImportResult {
    var guesses = grid.notes
    let rows = grid.slots()
    let header = try findHeader(rows, guesses: &guesses)
    let body = bodyRows(rows, header: header)
    var columns = try TableColumns(names: header.names, rows: body, options: options, file: file)
    guesses += columns.guesses
    columns.guesses = []
    let read = readRows(body, columns: columns, guesses: &guesses)
    let ids = assignIDs(read.drafts, guesses: &guesses)
    let above = preamble(rows, header: header)
    let year = planYear(title: Interpreter.titleAndNote(above).title, preamble: above, drafts: read.drafts)
    if let year { guesses.append(.planYear(year.year, from: year.from)) }
    let made = makeTasks(read.drafts, ids: ids, columns: columns, body: body, year: year?.year, guesses: &guesses)
    var r = result(
      rows: rows, header: header, columns: columns, body: read, tasks: made.tasks, extraColumns: made.extraColumns,
      guesses: guesses)
    r.year = year?.year
    return r
  }

  /// The text above the header: the reader's lines before the table, and the rows above it.
  func preamble(_ rows: [Row], header: Header) -> [String] {
    var out = grid.preamble
    for r in rows[..<header.index] {
      let text = Interpreter.rowTexts(r.slots).joined(separator: " ")
      if !text.isEmpty { out.append(text) }
    }
    return out
  }

  // MARK: the plan's year

  /// The year deadlines that name none (年底前, 二季度) are read in: `--year`; else the title's
  /// (`2021年政务公开工作要点`); else a plan the text above names; else the year most of the
  /// table's own dated deadlines give.
  func planYear(title: String, preamble: [String], drafts: [Draft]) -> (year: Int, from: YearSource)? {
    if let y = options.year { return (y, .option) }
    if let y = Interpreter.yearNamed(in: title) { return (y, .title) }
    for line in preamble {
      if let plan = Interpreter.namedPlan(line), let y = Interpreter.yearNamed(in: plan) { return (y, .text) }
    }
    var counts: [Int: Int] = [:]
    for d in drafts {
      switch Deadline(d.deadline).kind {
      case .by(let day), .byThenOngoing(let day): counts[day.year, default: 0] += 1
      default: break
      }
    }
    guard let common = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else {
      return nil
    }
    return (common.key, .deadlines)
  }

  /// The first "2021年" (or "2021年度") a text names, as a plan's year.
  static func yearNamed(in text: String) -> Int? {
    let chars = Array(text)
    var k = 0
    while k + 4 < chars.count {
      let four = chars[k..<(k + 4)]
      if four.allSatisfy({ $0.isASCII && $0.isNumber }), chars[k + 4] == "年",
        k == 0 || !(chars[k - 1].isASCII && chars[k - 1].isNumber),
        let y = Int(String(four)), (1990...2100).contains(y)
      {
        return y
      }
      k += 1
    }
    return nil
  }

  // MARK: the table

  /// The allocation table among those a reader found: the one whose first rows name the most
  /// columns (the longer on a tie, then the first), with the tables that directly continue it.
  /// A workbook's sheets are chosen the same way; empty ones are passed over.
  static func chooseTable(_ doc: SourceDocument, file: String) throws(ImportError) -> TableGrid {
    let candidates = doc.tables.indices.filter { !doc.tables[$0].rows.isEmpty && !doc.tables[$0].prose }
    // The plan written as prose, when no table names two columns.
    if let p = doc.tables.firstIndex(where: \.prose), !candidates.contains(where: { headerScore(doc.tables[$0]) >= 2 })
    {
      var grid = doc.tables[p]
      grid.notes = doc.notes + grid.notes
      return grid
    }
    guard !candidates.isEmpty else { throw ImportError(.noTable, file: file) }
    var best = candidates[0]
    var bestScore = (-1, -1)
    for i in candidates {
      let s = (headerScore(doc.tables[i]), doc.tables[i].rows.count)
      if s > bestScore {
        bestScore = s
        best = i
      }
    }
    var grid = doc.tables[best]
    var j = best + 1
    while j < doc.tables.count, doc.tables[j].continues {
      grid.rows += doc.tables[j].rows
      j += 1
    }
    var notes = doc.notes + grid.notes
    if let name = grid.sheet {
      if best > 0 { notes.append(.sheetChosen(name: name, skipped: doc.tables[..<best].compactMap(\.sheet))) }
    } else if doc.tables.count > 1 {
      notes.append(.tableChosen(index: best + 1, of: doc.tables.count, rows: grid.rows.count))
    }
    grid.notes = notes
    return grid
  }

  /// How many different fields the best of a grid's first rows names.
  static func headerScore(_ grid: TableGrid) -> Int {
    var best = 0
    let top = TableGrid(rows: Array(grid.rows.prefix(10)), format: grid.format)
    for r in top.slots(maxSpan: 50) {
      var seen: [ColumnRole] = []
      for s in r.slots where s.cover == .origin {
        if let f = ColumnNames.role(of: s.text), !seen.contains(f) { seen.append(f) }
      }
      best = max(best, seen.count)
    }
    return best
  }

  /// The title and the note from the lines above the header: after the last 附件 label, the
  /// five nearest lines no longer than a title is; the first that is neither a label nor a
  /// bracketed remark is the title, the others the note.
  static func titleAndNote(_ preamble: [String]) -> (title: String, note: [String]) {
    let all = preamble.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    var p = all
    if let label = p.lastIndex(where: isLabel) { p = Array(p[label...]) }
    p = Array(p.suffix(5).filter { $0.count <= 80 })
    let candidates = p.filter { !isLabel($0) && !$0.hasPrefix("（") && !$0.hasPrefix("(") }
    // A line named as plans are (…分工表, …方案, …工作要点), else a plan named in a notice
    // sentence (《…任务分解方案》已经…印发), else the first line.
    let title =
      candidates.lazy.compactMap(namedPlan).first ?? candidates.first(where: isPlanName)
      ?? all.lazy.compactMap(namedPlan).first ?? candidates.first ?? ""
    return (title, p.filter { $0 != title && !isLabel($0) })
  }

  /// The words plans end their names with.
  static let planWords = [
    "表", "方案", "计划", "要点", "清单", "台账", "意见", "办法", "规划", "安排", "通知", "情况", "任务", "细则", "措施",
  ]

  static func isPlanName(_ line: String) -> Bool {
    line.count <= 60 && planWords.contains { line.hasSuffix($0) } && !line.contains("，") && !line.contains("。")
  }

  /// "《某市…任务分解方案》已经市政府同意，现印发给你们", "关于印发某县…方案的通知": the plan
  /// the line names.
  static func namedPlan(_ line: String) -> String? {
    if let open = line.firstIndex(of: "《"), let close = line[open...].firstIndex(of: "》") {
      let name = String(line[line.index(after: open)..<close])
      return isPlanName(name) ? name : nil
    }
    for prefix in ["关于印发", "关于转发"] where line.hasPrefix(prefix) && line.hasSuffix("的通知") {
      let name = String(line.dropFirst(prefix.count).dropLast(3))
      return isPlanName(name) ? name : nil
    }
    return nil
  }

  // MARK: the header

  /// The header row: `--header-row`, else the first of the first 40 rows that names at least
  /// two different fields; a second row of names under it is joined to it.
  func findHeader(_ rows: [Row], guesses: inout [TableGuess]) throws(ImportError) -> Header {
    let h = try headerIndex(rows)
    var header = Header(index: h, names: headerNames(rows[h].slots), rows: 1)
    if h + 1 < rows.count,
      let merged = subHeader(header.names, rows[h + 1].slots)
        ?? spannedSubHeader(header.names, rows[h].slots, rows[h + 1].slots)
    {
      header.names = merged
      header.rows = 2
      guesses.append(.twoRowHeader(rows[h + 1].place))
    }
    return header
  }

  /// A text layout writes a merged header cell once, so the row under it is wider: the
  /// header cell above a run of names spans them all.
  static func widened(_ names: [String?], under next: [Slot]) -> [String?] {
    var out = names
    var k = 0
    while k < next.count && out.count < next.count {
      var run = 0
      while k + run < next.count, !next[k + run].isEmpty, next[k + run].cover == .origin { run += 1 }
      if run > 1, k < out.count, out[k] != nil, k + 1 >= out.count || out[k + 1] != nil {
        out.insert(contentsOf: Array(repeating: nil, count: min(run - 1, next.count - out.count)), at: k + 1)
      }
      k += max(run, 1)
    }
    return out
  }

  /// A second header row under a header whose other cells span both rows (工作任务安排 over
  /// 第二季度): short labels, never a task. In a text layout, which writes no spans, the row
  /// under the header whose number cell is empty and whose few cells are short labels under
  /// columns no name places.
  func spannedSubHeader(_ names: [String?], _ header: [Slot], _ next: [Slot]) -> [String?]? {
    let own = next.enumerated().filter { $0.element.cover == .origin && !$0.element.isEmpty }
    guard !own.isEmpty, own.count * 2 <= next.count else { return nil }
    for (_, s) in own {
      let t = TableImport.joinWrapped(s.lines)
      guard t.count <= 12, !t.contains(where: { "，。；,;".contains($0) }), ItemNumbers.plainNumber(t) == nil else {
        return nil
      }
    }
    let names = grid.mergesRecorded ? names : Interpreter.widened(names, under: next)
    func upper(_ k: Int) -> String {
      (k < names.count ? names[k] : nil) ?? names[..<min(k, names.count)].last { $0 != nil }.flatMap { $0 } ?? ""
    }
    if grid.mergesRecorded {
      let headerPlaces = Set(header.map(\.place))
      guard next.contains(where: { $0.cover == .above && headerPlaces.contains($0.place) }) else { return nil }
    } else {
      guard let id = names.firstIndex(where: { $0.flatMap(ColumnNames.role(of:)) == .id }), id < next.count,
        next[id].isEmpty, own.allSatisfy({ k, _ in ColumnNames.role(of: upper(k)) == nil })
      else { return nil }
    }
    var out = names
    for (k, s) in own where k < out.count {
      let u = upper(k)
      out[k] = u.isEmpty ? TableImport.joinWrapped(s.lines) : u + "/" + TableImport.joinWrapped(s.lines)
    }
    return out
  }

  func headerIndex(_ rows: [Row]) throws(ImportError) -> Int {
    if let n = options.headerRow {
      if let i = rows.firstIndex(where: { $0.place.rowNumber == n }) { return i }
      throw ImportError(.headerRowMissing(n), file: file)
    }
    for (i, r) in rows.prefix(40).enumerated() {
      var seen: [String] = []
      for s in r.slots where s.cover == .origin {
        // A name `--map` gives counts as a name, whatever field it maps to.
        let key = ColumnNames.role(of: s.text).map { "\($0)" } ?? mapped(s.text).map { "map:\($0)" }
        if let key, !seen.contains(key) { seen.append(key) }
      }
      if seen.count >= 2 { return i }
    }
    throw ImportError(.noHeader, file: file, place: rows.first?.place)
  }

  func mapped(_ name: String) -> ImportField? {
    let n = ColumnNames.normalized(name)
    return options.map.first { ColumnNames.normalized($0.header) == n }?.field
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
      let t = ColumnNames.normalized(s.text)
      if ColumnNames.role(of: t) == nil && !["牵头", "配合", "主办", "协办"].contains(t) { return nil }
      any = true
    }
    guard any else { return nil }
    var out = Interpreter.widened(names, under: next)
    for (k, s) in next.enumerated() where k < out.count && s.cover == .origin && !s.isEmpty {
      let lower = TableImport.joinWrapped(s.lines)
      let upper = out[k] ?? out[..<k].last { $0 != nil }.flatMap { $0 } ?? ""
      out[k] = ColumnNames.role(of: lower) != nil ? lower : upper + lower
    }
    return out
  }

  /// The rows under the header, without blank rows and header rows repeated on later pages.
  func bodyRows(_ rows: [Row], header: Header) -> [Row] {
    let names = header.names.map { $0.map(ColumnNames.normalized) }
    // Header rows repeated down the table (Word repeats them on every page), both rows of
    // a two-row header.
    let headerRows = Set(rows[header.index..<(header.index + header.rows)].map { Interpreter.rowKey($0.slots) })
    return rows[(header.index + header.rows)...].filter { r in
      !r.slots.allSatisfy(\.isEmpty) && !isRepeatedHeader(r.slots, names)
        && !headerRows.contains(Interpreter.rowKey(r.slots))
    }
  }

  /// A row's own texts, without spaces, as one key.
  static func rowKey(_ slots: [Slot]) -> String {
    slots.filter { $0.cover == .origin && !$0.isEmpty }.map { ColumnNames.normalized($0.text) }.joined(separator: "|")
  }

  /// A header row repeated on a later page (Word repeats header rows).
  func isRepeatedHeader(_ slots: [Slot], _ names: [String?]) -> Bool {
    let same = zip(slots, names).filter { s, n in
      guard let n, !n.isEmpty, s.cover == .origin else { return false }
      return ColumnNames.normalized(s.text) == n
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

  /// Every row under the header as tasks: section rows set the group; 注/备注/说明 rows and
  /// rows without a measure go to the plan's note; a row that only repeats merged cells holds
  /// nothing new; a row of packed measures gives one task each. In a text layout a blank cell
  /// is read as the one above only where the rows show a merge (`fillBlanks`).
  func readRows(_ body: [Row], columns: TableColumns, guesses: inout [TableGuess]) -> Body {
    var out = Body()
    var state = RowState()
    for row in body {
      if let note = Interpreter.noteRow(row.slots) {
        out.notes.append(note)
        guesses.append(.noteRow(row.place))
        continue
      }
      if let heading = heading(row.slots, columns) {
        out.headings.append((Interpreter.rowTexts(row.slots).joined(separator: " "), out.drafts.count))
        state.group = heading
        state.theme = ""
        state.previous = nil
        continue
      }
      if row.slots.allSatisfy({ $0.isEmpty || $0.cover != .origin }) { continue }
      var slots = row.slots
      var filled: [Int] = []
      if !grid.mergesRecorded, let previous = state.previous {
        (slots, filled) = fillBlanks(slots, above: previous, columns: columns)
      }
      if let m = columns.index(of: .measure), m >= slots.count || slots[m].isEmpty {
        out.notes.append(Interpreter.rowTexts(row.slots).joined(separator: " "))
        guesses.append(.notATask(row.place))
        continue
      }
      for k in filled {
        out.filled[columns.role[k]?.field ?? .extra, default: []].append(
          k < row.slots.count ? row.slots[k].place : row.place)
      }
      for piece in fragments((row.place, slots), columns, guesses: &guesses) {
        if var d = draft(piece, row: row, columns: columns, state: &state) {
          d.checks = filled.map { columns.names[$0] }
          out.drafts.append(d)
        }
      }
      state.previous = slots
    }
    for f in [ImportField.lead, .support, .deadline, .requirement, .extra] where !(out.filled[f] ?? []).isEmpty {
      guesses.append(.filledDown(field: f, places: out.filled[f]!))
    }
    return out
  }

  /// A text layout writes a merged cell once and leaves the rows it covers blank, as it does
  /// a cell that is blank: a blank is read as the cell above only where the rows show a
  /// merge. Inside a category block (the row's category cells blank too, continuing theirs)
  /// a blank lead or deadline continues the one above; and a row whose department and
  /// deadline cells (two at least) are all blank, beside a row that has them, shares that
  /// row's merged cells (the others it leaves blank too with them). A lone blank stays blank,
  /// and so does a lead where a 配合/责任 column says a row may name none.
  func fillBlanks(_ slots: [Slot], above: [Slot], columns c: TableColumns) -> ([Slot], [Int]) {
    func blank(_ k: Int) -> Bool { k >= slots.count || slots[k].isEmpty }
    func has(_ k: Int) -> Bool { k < above.count && !above[k].isEmpty }
    let categories = (0..<c.width).filter { c.role[$0] == .group || c.role[$0] == .theme }
    var fill: [Int] = []
    if !categories.isEmpty && categories.allSatisfy(blank) {
      let leadMayBeBlank = c.role.values.contains(.supportOrLead)
      fill = (0..<c.width).filter { k in
        (c.role[k] == .deadline || (c.role[k] == .lead && !leadMayBeBlank)) && blank(k) && has(k)
      }
    }
    let shared = (0..<c.width).filter { [.lead, .support, .supportOrLead, .deadline].contains(c.role[$0]) }
    if shared.count >= 2 && shared.allSatisfy({ blank($0) && has($0) }) {
      let own: [ColumnRole?] = [.id, .measure, .group, .theme]
      let together = (0..<c.width).filter { k in !own.contains(c.role[k]) && blank(k) && has(k) }
      fill = Array(Set(fill).union(together)).sorted()
    }
    guard !fill.isEmpty else { return (slots, []) }
    var out = slots
    while out.count < c.width { out.append(Slot(text: "", cover: .origin, place: slots.last?.place ?? above[0].place)) }
    for k in fill { out[k] = Slot(text: above[k].text, cover: .above, place: above[k].place) }
    return (out, fill)
  }

  /// "注：各单位于每季度末报送进展情况。", a 备注 or 说明 row: a note about the table, not a task.
  static func noteRow(_ slots: [Slot]) -> String? {
    let texts = rowTexts(slots)
    guard let first = texts.first, isNoteLabel(first) else { return nil }
    return texts.joined(separator: " ")
  }

  /// "注：", "注1：", "备注：", "说明："; or a cell that is only 备注 or 说明.
  static func isNoteLabel(_ text: String) -> Bool {
    let t = text.trimmingSpaces
    if ["注", "备注", "说明", "附注"].contains(t) { return true }
    for label in ["注", "备注", "说明", "附注"] where t.hasPrefix(label) {
      var rest = t.dropFirst(label.count)
      while let d = rest.first, d.isNumber { rest = rest.dropFirst() }
      if let c = rest.first, c == "：" || c == ":" { return true }
    }
    return false
  }

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
    return ItemNumbers.stripOrdinal(text)
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
    /// The last task row as read (its blanks filled), in a layout that cannot record merges.
    var previous: [Slot]? = nil
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
    /// Each department cell: its column, text, place, and the role its units take unless
    /// the cell says otherwise.
    var departmentCells: [(column: Int, text: String, place: SourcePlace, role: Role)]
    var extras: [String: String]
    /// The columns whose reading here is a guess to check (a blank read as the cell above,
    /// a department cell split by its words).
    var checks: [String] = []
    var deadlinePlace: SourcePlace? = nil
  }

  /// One task from one row (or one fragment of it).
  func draft(_ slots: [Slot], row: Row, columns c: TableColumns, state: inout RowState) -> Draft? {
    func slot(_ r: ColumnRole) -> Slot? { c.index(of: r).map { slots[$0] } }
    func text(_ r: ColumnRole) -> String { slot(r).map { TableImport.joinWrapped($0.lines) } ?? "" }
    let raw = text(.measure)
    if raw.isEmpty { return nil }
    let group = text(.group)
    let theme = text(.theme)
    // A blank category continues the one above (categories are headings, merged or not),
    // up to the next section row.
    if !group.isEmpty { state.group = group }
    if !theme.isEmpty { state.theme = theme }
    let (number, measure) = ItemNumbers.measureNumber(raw)
    let numberCell = c.index(of: .id).map { ItemNumbers.idText(slots[$0].text) }.flatMap { $0.isEmpty ? nil : $0 }
    var d = Draft(
      place: row.place, group: state.group, theme: state.theme, measure: measure, requirement: text(.requirement),
      deadline: "", number: number ?? numberCell, numberCell: numberCell,
      keptNumber: number != nil && numberCell != nil,
      departmentCells: [], extras: [:])
    // Departments keep their lines (one name a line); a deadline keeps its text verbatim.
    let leadNamed = c.departmentColumns.contains { c.role[$0] == .lead && !slots[$0].isEmpty }
    for k in c.departmentColumns.sorted() {
      let role: Role =
        switch c.role[k] {
        case .support: .support
        case .supportOrLead: leadNamed ? .support : .lead
        default: .lead
        }
      d.departmentCells.append((k, slots[k].lines.joined(separator: "\n"), slots[k].place, role))
    }
    if let k = c.index(of: .deadline) {
      d.deadline = slots[k].lines.filter { !$0.trimmingSpaces.isEmpty }.joined()
      d.deadlinePlace = slots[k].place
    }
    for (k, name) in c.extraColumns where !slots[k].isEmpty && slots[k].cover != .left {
      d.extras[name] = TableImport.joinWrapped(slots[k].lines)
    }
    return d
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

  // MARK: departments and tasks

  /// The drafts as tasks: each department cell read by the table's splitter, a cell whose
  /// reading drops words kept verbatim in `<header>（原文）`, a number the measure carried
  /// beside kept in its own column.
  func makeTasks(
    _ drafts: [Draft], ids: [String], columns: TableColumns, body: [Row], year: Int?, guesses: inout [TableGuess]
  ) -> (tasks: [PlanTask], extraColumns: [String]) {
    let splitter = DepartmentSplitter(
      cells: body.flatMap { row in
        columns.departmentColumns.compactMap { k in
          k < row.slots.count && row.slots[k].cover == .origin ? row.slots[k].text : nil
        }
      })
    var tasks: [PlanTask] = []
    var keptNumbers = false
    var rawColumns: [String] = []
    var checked = false
    for (d, id) in zip(drafts, ids) {
      var extras = d.extras
      var checks = d.checks
      if d.keptNumber, let n = d.numberCell {
        extras[columns.numberColumnName] = n
        keptNumbers = true
      }
      var lead = Departments()
      var support = Departments()
      for (k, text, place, role) in d.departmentCells {
        let read = splitter.read(text, role: role, place: place)
        if role == .lead && columns.role[k] == .supportOrLead && !text.trimmingSpaces.isEmpty {
          guesses.append(.leadFromSupport(place, column: columns.names[k]))
        }
        guesses += read.guesses
        lead.units += read.lead.units.filter { !lead.units.contains($0) }
        lead.others = lead.others || read.lead.others
        support.units += read.support.units.filter { !support.units.contains($0) }
        support.others = support.others || read.support.others
        if read.uncertain && !checks.contains(columns.names[k]) { checks.append(columns.names[k]) }
        if read.altered {
          let name = columns.rawName(k)
          extras[name] = text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(
            separator: "\n")
          if !rawColumns.contains(name) { rawColumns.append(name) }
        }
      }
      if !checks.isEmpty {
        extras[ImportColumnNames.toCheck] = checks.joined(separator: "、")
        checked = true
      }
      let deadline = Deadline(d.deadline).inYear(year)
      if let year, deadline.kind != .unparsed, Deadline(d.deadline).kind == .unparsed {
        guesses.append(.deadlineYear(d.deadlinePlace ?? d.place, text: d.deadline, year: year))
      }
      tasks.append(
        PlanTask(
          id: id, group: d.group, theme: d.theme, measure: d.measure, requirement: d.requirement, lead: lead,
          support: support, deadline: deadline, extras: extras))
    }
    let extraColumns =
      (keptNumbers ? [columns.numberColumnName] : []) + columns.extraNames + rawColumns
      + (checked ? [ImportColumnNames.toCheck] : [])
    return (tasks, extraColumns)
  }

  // MARK: the report

  /// The result and its report: title and note from the text above the header, groups and
  /// departments in order, deadlines not understood, each guess said once.
  func result(
    rows: [Row], header: Header, columns: TableColumns, body: Body, tasks: [PlanTask], extraColumns: [String],
    guesses: [TableGuess]
  ) -> ImportResult {
    let h = header.index
    let preamble = preamble(rows, header: header)
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
    let guesses = guesses.filter { said.insert($0).inserted }
    let (title, above) = Interpreter.titleAndNote(preamble)
    // A row across the table with no task under it (a note under the table, "注：…") is kept
    // in the plan's note, not lost.
    let headings = body.headings
    let notes = headings.indices.filter { k in
      (k + 1 < headings.count ? headings[k + 1].at : body.drafts.count) == headings[k].at
    }
    .map { headings[$0].text }
    let trailing = grid.trailing.drop { !Interpreter.isNoteLabel($0) }.prefix(5)
    let note = (above + notes + body.notes + trailing).joined(separator: " ")
    // A sheet's header is named by its first cell (Sheet1!A3); a document's by its row.
    var headerPlace = rows[h].place
    if case .cell(.some, _, _, _) = headerPlace,
      let first = rows[h].slots.first(where: { !$0.isEmpty && $0.cover == .origin })
    {
      headerPlace = first.place
    }
    var result = ImportResult(
      format: grid.format, title: title, note: note, preamble: preamble, headerPlace: headerPlace,
      columns: columns.report, groups: groups, tasks: tasks, extraColumns: extraColumns, guesses: guesses,
      unreadDeadlines: unread, departments: departments)
    result.prose = grid.prose
    return result
  }
}
