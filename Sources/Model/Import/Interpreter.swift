/// Reads a grid as a task table, the same way for every format, in the stages of an import:
/// the table (`chooseTable`), the header (`findHeader`, Interpreter+Header.swift: title rows,
/// 附件 and notes above it skipped), the columns (`TableColumns`: each column's role, by its
/// name or its data), the rows (`readRows`, Interpreter+Rows.swift: sections, notes, the
/// merges the file records and the blanks a text layout leaves), the ids, the plan's year and
/// the departments (`assignIDs`, `planYear`, `makeTasks` through the `DepartmentSplitter`,
/// Interpreter+Tasks.swift), and the report (`result`). Every cell it cannot place is kept in
/// an extra column.
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
    "表", "方案", "计划", "要点", "清单", "台账", "意见", "办法", "规划", "安排", "通知", "情况", "任务", "细则", "措施", "分解",
    "分工",
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
