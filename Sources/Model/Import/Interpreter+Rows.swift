/// The rows stage: each row under the header as a task, a section, a note or nothing, and
/// the blanks a text layout leaves where a merge was.
extension Interpreter {
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
      if s.text.utf8.contains(UInt8(ascii: "<")), s.text.contains("<p>") || s.text.contains("</p>") {
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
}
