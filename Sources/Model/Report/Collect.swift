/// A filled-in ledger read back: what its sender changed, as changes to save, and what it
/// cannot change because the plan changed the same field since the ledger was made. Made
/// from the two sheets the project's .xlsx reader gives (the ledger and its hidden stamp);
/// a cell that cannot be read stops the whole file, naming the sheet and the cell.
public struct CollectedLedger: Sendable {
  public let file: String
  public let stamp: LedgerStamp
  /// One change per task the sender changed, from the plan's value now to the sender's.
  public let changes: [Change]
  public let conflicts: [Conflict]
  /// The ledger's own names of the filled-in columns (状态, 完成日期, 进展情况), for saying
  /// what was changed in the words the sender saw.
  public let columnNames: [TaskField: String]

  /// A field the sender filled in that the plan changed meanwhile: kept as the plan has it.
  public struct Conflict: Sendable, Equatable {
    public let id: String
    /// The field: the status, the completion date or the note.
    public let field: TaskField
    /// The sender's value and the plan's.
    public let ledger: FieldValue
    public let plan: FieldValue
  }

  /// Reads `ledger` (the sheet the stamp names, nil when the workbook has none) against
  /// `plan` on `today`; `stamp` is the hidden sheet (nil: not a ledger at all).
  public init(ledger: TableGrid?, stamp: TableGrid?, file: String, plan: Plan, today: Day) throws(CollectError) {
    func fail(_ p: CollectProblem, _ place: SourcePlace? = nil) -> CollectError {
      CollectError(p, file: file, place: place)
    }
    guard let stamp else { throw fail(.notALedger) }
    let stampCells = stamp.rows.map { $0.cells.map(\.text) }
    let made: LedgerStamp
    do {
      guard let s = try LedgerStamp(cells: stampCells) else { throw fail(.notALedger) }
      made = s
    } catch let e as CollectProblem {
      throw fail(e, .cell(sheet: LedgerStamp.sheetName, table: nil, row: 1, column: 1))
    } catch let e as CollectError {
      throw e
    } catch {
      throw fail(.stampEdited)
    }
    guard made.agency == plan.settings.agency, made.title == plan.settings.title else {
      throw fail(.otherPlan(agency: made.agency, title: made.title))
    }
    guard let ledger else { throw fail(.noLedgerSheet(made.sheet)) }
    self.file = file
    self.stamp = made
    let sheet = made.sheet
    // The sheet's cells by row and column as a person sees them (a merge's text in its first).
    var cells: [Int: [Int: String]] = [:]
    var rowsInOrder: [Int] = []
    for row in ledger.rows {
      guard case .cell(_, _, let r, _) = row.place else { continue }
      rowsInOrder.append(r)
      for c in row.cells {
        if case .cell(_, _, let rr, let cc) = c.place { cells[rr, default: [:]][cc] = c.text }
      }
    }
    func text(_ r: Int, _ c: Int) -> String { cells[r]?[c]?.trimmingSpaces ?? "" }
    func place(_ r: Int, _ c: Int) -> SourcePlace { .cell(sheet: sheet, table: nil, row: r, column: c) }
    // The header as written, where the stamp says (a row inserted above moves it down).
    let names = made.columns
    let n = names.count
    guard n >= 5 else { throw fail(.stampEdited) }
    let isHeader = { (r: Int) in (1...n).allSatisfy { text(r, $0) == names[$0 - 1].trimmingSpaces } }
    guard let header = rowsInOrder.first(where: { $0 >= made.headerRow && isHeader($0) }) else {
      let found = (1...n).map { text(made.headerRow, $0) }.joined(separator: "|")
      throw fail(.headerChanged(expected: names.joined(separator: "|"), found: found), place(made.headerRow, 1))
    }
    // The filled-in columns stand just before the key, which is last (Ledger's layout).
    let (idC, statusC, dateC, noteC, keyC) = (1, n - 3, n - 2, n - 1, n)
    columnNames = [.status: names[statusC - 1], .completedOn: names[dateC - 1], .note: names[noteC - 1]]
    var byKey: [String: LedgerStamp.Row] = [:]
    for r in made.rows { byKey[r.id] = r }
    var seen = Set<String>()
    var changes: [Change] = []
    var conflicts: [Conflict] = []
    for r in rowsInOrder where r > header {
      let key = text(r, keyC)
      let filled = [statusC, dateC, noteC].contains { !text(r, $0).isEmpty }
      guard !key.isEmpty else {
        // A line under the table (填报人、联系电话) is not a task; a filled-in row without its key is.
        if filled { throw fail(.rowNotInLedger, place(r, statusC)) }
        continue
      }
      guard let was = byKey[key] else { throw fail(.unknownKey(key), place(r, keyC)) }
      guard seen.insert(key).inserted else { throw fail(.rowTwice(key), place(r, keyC)) }
      let shown = text(r, idC)
      guard shown == key else { throw fail(.idEdited(found: shown, key: key), place(r, idC)) }
      guard let t = plan.task(key) else { throw fail(.taskGone(key), place(r, idC)) }
      let typed = try CollectedLedger.typed(
        status: text(r, statusC), date: text(r, dateC), note: cells[r]?[noteC] ?? "", was: was, made: made.made,
        today: today, statusPlace: place(r, statusC), datePlace: place(r, dateC), file: file)
      let (change, clashes) = CollectedLedger.change(t, was: was, wants: typed, today: today)
      if let change { changes.append(change) }
      conflicts += clashes
    }
    self.changes = changes
    self.conflicts = conflicts
  }

  /// What a row's sender wants, as stored values; nil where the cell is as written.
  struct Wants: Equatable {
    var status: TaskStatus?
    var completedOn: Day??
    var note: String?
  }

  static func typed(
    status: String, date: String, note: String, was: LedgerStamp.Row, made: Day, today: Day, statusPlace: SourcePlace,
    datePlace: SourcePlace, file: String
  ) throws(CollectError) -> Wants {
    var w = Wants()
    // What the status cell says, when the sender wrote in it (even the status it had).
    var said: TaskStatus?
    if !status.isEmpty && status != was.written.status.trimmingSpaces {
      guard let s = CollectedLedger.status(status) else {
        throw CollectError(.unknownStatus(status), file: file, place: statusPlace)
      }
      said = s
      if s != was.status { w.status = s }
    }
    if date != was.written.completedOn.trimmingSpaces {
      if date.isEmpty {
        w.completedOn = .some(nil)
      } else {
        guard let d = CollectedLedger.day(date, year: made.year), d <= today else {
          throw CollectError(.badDate(date), file: file, place: datePlace)
        }
        if d != was.completedOn { w.completedOn = .some(d) }
      }
    }
    let typedNote = note.unneutralised.trimmingSpaces
    if typedNote != was.written.note.unneutralised.trimmingSpaces, typedNote != was.note.trimmingSpaces {
      w.note = typedNote
    }
    // A done task keeps its date: a cleared date cell under 已完成 is not a reopening.
    let becomes = w.status ?? was.status
    if case .some(nil) = w.completedOn, becomes == .done { w.completedOn = nil }
    // A date typed where the status says it is not done: one of the two is a slip.
    if case .some(.some) = w.completedOn, becomes != .done {
      if said == nil {
        // The date alone says it is done.
        w.status = .done
      } else {
        throw CollectError(.dateButNotDone(status.isEmpty ? was.written.status : status), file: file, place: datePlace)
      }
    }
    return w
  }

  /// The change that takes task `t` from what the ledger was made from to what the sender
  /// wants, field by field: applied where the plan still holds the ledger's value, nothing
  /// where it already holds the sender's, a conflict where it holds a third.
  static func change(_ t: PlanTask, was: LedgerStamp.Row, wants: Wants, today: Day) -> (Change?, [Conflict]) {
    var fields: [FieldChange] = []
    var conflicts: [Conflict] = []
    var status = t.status
    if let s = wants.status {
      if t.status == was.status {
        fields.append(FieldChange(.status, .status(t.status), .status(s)))
        status = s
      } else if t.status != s {
        conflicts.append(Conflict(id: t.id, field: .status, ledger: .status(s), plan: .status(t.status)))
      }
    }
    // A task the ledger makes done has a date; one it takes out of done has none.
    let statusConflict = conflicts.contains { $0.field == .status }
    if !statusConflict {
      var day: Day?? = wants.completedOn
      if status == .done && wants.status == .done && day == nil && t.completedOn == nil { day = .some(today) }
      if status != .done && t.completedOn != nil && wants.status != nil { day = .some(nil) }
      if let d = day {
        if t.completedOn == was.completedOn || wants.status != nil {
          if d != t.completedOn { fields.append(FieldChange(.completedOn, FieldValue(t.completedOn), FieldValue(d))) }
        } else if t.completedOn != d {
          conflicts.append(
            Conflict(id: t.id, field: .completedOn, ledger: FieldValue(d), plan: FieldValue(t.completedOn)))
        }
      }
    }
    if let note = wants.note {
      if t.note == was.note {
        fields.append(FieldChange(.note, .text(t.note), .text(note)))
      } else if t.note != note {
        conflicts.append(Conflict(id: t.id, field: .note, ledger: .text(note), plan: .text(t.note)))
      }
    }
    guard !fields.isEmpty else { return (nil, conflicts) }
    let op: String
    let newStatus: TaskStatus? = fields.lazy.compactMap { if case .status(let s) = $0.after { s } else { nil } }.first
    switch newStatus {
    case .done?: op = "done"
    case .inProgress?: op = "start"
    case .open?: op = "reopen"
    case .blocked?: op = "block"
    case .retired?: op = "retire"
    case nil: op = fields.contains { $0.field == .task(.completedOn) } ? "done" : "note"
    }
    return (Change(op: op, target: .task(t.id), fields: fields), conflicts)
  }

  /// A status in the words people type into a ledger: the store's own (已完成, 进行中 …),
  /// then the phrases around them (正在推进, 已办结, 尚未开始), the ledger's own overdue mark
  /// (进行中（逾期 20 天）) ignored. Nil for words that say none of them.
  public static func status(_ typed: String) -> TaskStatus? {
    var t = typed.trimmingSpaces
    if let s = TaskStatus(token: t) ?? TaskStatus(token: t.lowercased()) { return s == .retired ? nil : s }
    if let cut = t.firstIndex(where: { $0 == "（" || $0 == "(" }) { t = String(t[..<cut]).trimmingSpaces }
    if let s = TaskStatus(token: t) ?? TaskStatus(token: t.lowercased()), s != .retired { return s }
    let lower = t.lowercased()
    func has(_ words: [String]) -> Bool { words.contains { lower.contains($0) } }
    if has(["未完成", "未开始", "尚未", "没有开始", "未启动", "not started"]) { return .open }
    if has(["受阻", "暂缓", "搁置", "阻塞", "暂停", "blocked"]) { return .blocked }
    if has(["已完成", "完成", "办结", "完毕", "已落实", "done", "complete"]) { return .done }
    if has(["推进", "进行", "正在", "开展", "办理中", "实施中", "落实中", "in progress", "started", "ongoing"]) {
      return .inProgress
    }
    return nil
  }

  /// A day in any spelling the store reads (2019-09-18, 2019/9/18, 2019.9.18) or a person
  /// writes (2019年9月18日; 9月18日 in the ledger's year).
  public static func day(_ typed: String, year: Int) -> Day? {
    let t = typed.trimmingSpaces
    if let d = Day(iso: t) ?? Day(spreadsheet: t) { return d }
    let parts = t.split { $0 == "年" || $0 == "月" || $0 == "日" || $0 == "号" }.map(String.init)
    guard t.contains("月"), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else {
      return nil
    }
    let n = parts.compactMap { Int($0) }
    switch n.count {
    case 3 where t.contains("年"): return Day(year: n[0], month: n[1], day: n[2])
    case 2 where !t.contains("年"): return Day(year: year, month: n[0], day: n[1])
    default: return nil
    }
  }
}
