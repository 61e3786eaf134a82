/// Reads one row of the tasks file into a task. A reader keeps the values it has made from
/// each distinct cell (groups, themes, deadlines, statuses), so that a file's repeated cells
/// are read once; each thread reading a large file has its own.
struct TaskRowReader {
  let columns: TaskColumns
  /// Columns the program does not know (a user's own), by index, with their names.
  let extraColumns: [(Int, String)]
  /// The file's bytes, which the tasks' texts and department cells keep and read later.
  let source: [UInt8]
  /// The file's department cells, shared by every reader of the file.
  let departmentCells: CellReadings<Departments>
  private var strings = ByteCache<String>()
  private var deadlines = ByteCache<Deadline>()
  private var statuses = ByteCache<TaskStatus?>()

  init(columns: TaskColumns, header: [String], source: [UInt8], departmentCells: CellReadings<Departments>? = nil) {
    self.columns = columns
    let known = Set(TaskField.own.compactMap { columns[$0] })
    extraColumns = header.indices.filter { !known.contains($0) && !header[$0].isEmpty }.map { ($0, header[$0]) }
    self.source = source
    self.departmentCells = departmentCells ?? DepartmentCellReader.cells(source)
  }

  /// A bad cell, turned into an error at `file:line:column` once the whole file has parsed.
  struct Problem {
    let record: Int
    let column: Int
    let reason: (CSVDocument) -> StoreError.Reason

    func error(_ doc: CSVDocument, file: String) -> StoreError {
      let (line, col) = doc.position(record: record, field: column)
      var e = StoreError(.badData, reason(doc), file: file, line: line, column: col)
      if column < doc.header.fields.count { e.columnName = doc.header.fields[column] }
      return e
    }
  }

  /// Reads record `k`, whose fields are `f` in `b` (which points into `source`), into a task
  /// handed to `emit`, or says what is wrong with it. Ids are not checked for repeats here: the
  /// caller does it once the row's place in the file is known. The task is handed over, not
  /// returned: taking it out of a returned enum copied every field (a retain each).
  mutating func read(
    _ k: Int, _ f: [CSVField], _ b: UnsafeBufferPointer<UInt8>, emit: (consuming PlanTask) -> Void
  ) -> Problem? {
    let c = columns
    func bad(_ col: Int, _ reason: @escaping (CSVDocument) -> StoreError.Reason) -> Problem {
      Problem(record: k, column: max(0, col), reason: reason)
    }
    func string(_ col: Int) -> String { col < 0 ? "" : f[col].string(b) }
    /// A free-text cell, left as the file's bytes (unless its quotes must be undoubled).
    func text(_ col: Int) -> CellText {
      col < 0 ? CellText() : f[col].escaped ? CellText(f[col].string(b)) : CellText(source, f[col].start, f[col].end)
    }
    func bytes(_ col: Int) -> UnsafeBufferPointer<UInt8>? {
      col < 0 || f[col].escaped ? nil : UnsafeBufferPointer(rebasing: b[f[col].start..<f[col].end])
    }
    /// A cell's value through a cache keyed by its bytes (cells with doubled quotes skip it).
    func cached<V>(_ col: Int, _ cache: inout ByteCache<V>, _ make: (String) -> V) -> V {
      guard let raw = bytes(col) else { return make(string(col)) }
      return cache.value(for: raw) { make(String(decoding: raw, as: UTF8.self)) }
    }
    /// A department cell, left as the file's bytes (unless its quotes must be undoubled).
    func departmentCell(_ col: Int) -> LazyCell<Departments> {
      guard col >= 0, !f[col].isEmpty else { return LazyCell(Departments()) }
      guard !f[col].escaped else { return LazyCell(Departments(cell: string(col))) }
      return LazyCell(departmentCells, f[col].start, f[col].end)
    }
    let id = string(c.id).trimmingSpaces
    if id.isEmpty { return bad(c.id) { _ in .emptyID } }
    guard let status = cached(c.status, &statuses, { TaskStatus(token: $0) }) else {
      let text = string(c.status)
      return bad(c.status) { _ in .unknownStatus(text) }
    }
    var problem: Problem?
    func day(_ col: Int) -> Day? {
      if col < 0 || f[col].isEmpty { return nil }
      // The usual cell is exactly YYYY-MM-DD; anything else goes through the text.
      if let raw = bytes(col), raw.count == 10, let d = Day(isoUTF8: raw) { return d }
      let t = string(col).trimmingSpaces
      if t.isEmpty { return nil }
      guard let d = Day(iso: t) ?? Day(spreadsheet: t) else {
        problem = Problem(record: k, column: col) { _ in .badDate(t) }
        return nil
      }
      return d
    }
    let completedOn = day(c.completedOn)
    if let problem { return problem }
    let eventOn = day(c.eventOn)
    if let problem { return problem }
    emit(
      PlanTask(
        id: id, group: cached(c.group, &strings) { $0 }, theme: cached(c.theme, &strings) { $0 },
        measureText: text(c.measure), requirementText: text(c.requirement),
        leadCell: departmentCell(c.lead), supportCell: departmentCell(c.support),
        deadline: cached(c.deadline, &deadlines) { DatedDeadline.deadline($0) }, status: status,
        completedOn: completedOn, eventOn: eventOn, noteText: text(c.note),
        extras: extraColumns.isEmpty ? [:] : extras(f, b)))
    return nil
  }

  /// The non-empty values of the columns the program does not know, by column name.
  private func extras(_ f: [CSVField], _ b: UnsafeBufferPointer<UInt8>) -> [String: String] {
    var out: [String: String] = [:]
    for (k, name) in extraColumns where k < f.count && !f[k].isEmpty { out[name] = f[k].string(b) }
    return out
  }
}
