import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads tasks and staffing out of their CSV documents, finding columns by name (English
/// or the Chinese a spreadsheet user would type), and writes changed fields back.
enum Columns {
  /// Canonical task fields and the header names that mean them.
  static let taskAliases: [String: [String]] = [
    "id": ["id", "序号", "编号"],
    "group": ["group", "工作项目组", "项目组", "工作组"],
    "theme": ["theme", "推行任务", "工作任务", "主要任务"],
    "measure": ["measure", "工作措施", "具体措施", "具体举措", "推行措施"],
    "requirement": ["requirement", "具体要求"],
    "lead": ["lead", "责任部门", "牵头部门", "责任单位", "牵头单位"],
    "support": ["support", "配合部门", "协办单位", "配合单位"],
    "deadline": ["deadline", "完成时限", "完成时间"],
    "status": ["status", "状态"],
    "completed_on": ["completed_on", "完成日期"],
    "event_on": ["event_on", "触发日期", "事件日期"],
    "note": ["note", "备注"],
  ]

  static let staffingAliases: [String: [String]] = [
    "unit": ["unit", "单位", "科室", "部门"],
    "enforcement": ["enforcement", "执法人员", "执法人数", "执法人员数"],
    "reviewers": ["reviewers", "法制审核人员", "审核人员", "法制审核人数"],
  ]

  /// The column standing for each canonical field present in the header.
  static func resolve(_ header: [String], _ aliases: [String: [String]]) -> [String: Int] {
    var lookup: [String: String] = [:]
    for (canonical, names) in aliases { for n in names { lookup[n.lowercased()] = canonical } }
    var out: [String: Int] = [:]
    for (i, h) in header.enumerated() {
      if let c = lookup[h.trimmingSpaces.lowercased()], out[c] == nil { out[c] = i }
    }
    return out
  }

  static let taskHeader = [
    "id", "group", "theme", "measure", "lead", "support", "deadline", "status", "completed_on", "event_on", "note",
  ]
  static let staffingHeader = ["unit", "enforcement", "reviewers"]
}

/// The tasks file read into tasks, with the row of each id.
struct TaskTable {
  var doc: CSVDocument
  var columns: [String: Int]
  /// Each id's task (its index in `tasks`, which is also the plan's), and each task's row.
  var taskOf: TaskIndex
  var rowOf: [Int]
  var tasks: [PlanTask]

  /// A table from a document whose records carry their fields (a new store's).
  init(doc: CSVDocument, file: String) throws(StoreError) {
    self.init(columns: try TaskTable.columns(doc.header, file: file), header: doc.header.fields)
    for (k, r) in doc.records.enumerated() where !r.isBlank {
      var refs: [CSVField] = []
      var flat: [UInt8] = []
      for f in r.fields {
        refs.append(CSVField(start: flat.count, end: flat.count + f.utf8.count, quoted: false, escaped: false))
        flat += f.utf8
      }
      var task: PlanTask?
      if let problem = flat.withUnsafeBufferPointer({ readRow(k, refs, $0, source: flat) { task = $0 } }) {
        throw problem.error(doc, file: file)
      }
      tasks.append(task!)
    }
    self.doc = doc
  }

  /// Reads the tasks file. Each row becomes a task straight from the file's bytes; cells that
  /// repeat down a column (groups, themes, departments, deadlines, statuses) are read once.
  init(bytes: [UInt8], file: String, inParts: Bool = true) throws(StoreError) {
    if inParts, let t = TaskTable.inParts(bytes, file: file) {
      self = t
      return
    }
    var table: TaskTable?
    var tasks: [PlanTask] = []
    var problem: Problem?
    var headerError: StoreError?
    let doc = try CSVDocument(bytes: bytes, file: file) { k, refs, buffer, header in
      if table == nil {
        do throws(StoreError) {
          table = TaskTable(columns: try TaskTable.columns(header, file: file), header: header.fields)
          // Room for every row up front: growing a large array by doubling would briefly
          // hold it twice, which is what a command's peak memory is made of.
          let rows = CSVDocument.lineCount(bytes)
          tasks.reserveCapacity(rows)
          table!.rowOf.reserveCapacity(rows)
          table!.taskOf.reserveCapacity(rows)
        } catch {
          headerError = error
          return false
        }
      }
      problem = table!.readRow(k, refs, buffer, source: bytes) { tasks.append($0) }
      return problem == nil
    }
    if let headerError { throw headerError }
    if let problem { throw problem.error(doc, file: file) }
    var t: TaskTable
    if let table {
      t = table
    } else {
      t = TaskTable(columns: try TaskTable.columns(doc.header, file: file), header: doc.header.fields)
    }
    t.doc = doc
    t.tasks = tasks
    self = t
  }

  /// Files at least this big are read in chunks by both cores (about 4,000 tasks).
  static let partsThreshold = 1 << 20

  /// How many chunks a large file is cut into. Each core takes the next chunk when it is free,
  /// so a core slowed by other work (the journal, another program) takes fewer; and the
  /// calling thread puts chunks in order and indexes their ids between its own.
  static let chunkCount = 32

  /// A large tasks file read in chunks at once, on both cores, into one array of tasks (each
  /// chunk writes where no earlier one can reach, and is moved down to meet them), then joined
  /// into what the whole-file reader makes. Nil when the file is small or anything in it is
  /// amiss: the whole-file reader then reads it again and says what, and where.
  static func inParts(_ bytes: [UInt8], file: String) -> TaskTable? {
    guard bytes.count >= partsThreshold else { return nil }
    let hasBOM = bytes.starts(with: CSVDocument.bom)
    var p = CSVParser(bytes: bytes, file: file)
    if hasBOM { p.i = 3 }
    let newline = p.detectNewline()
    guard let header = try? CSVDocument.readHeader(&p, file: file),
      let columns = try? TaskTable.columns(header, file: file)
    else { return nil }
    // The chunks check the text after the header; the header's own bytes are checked here.
    if firstInvalidUTF8(bytes, from: hasBOM ? 3 : 0, end: p.i) != nil { return nil }
    let plan = ChunkPlan(bytes, body: p.i, line: p.line)
    let n = plan.bounds.count - 1
    // One reading of each department cell for the whole file, whichever chunk it is in.
    let cells = DepartmentCells(bytes)
    let chunks = Chunks(n)
    /// A table to read into: the result, and each thread's reader (whose caches serve its chunks).
    @Sendable func table() -> TaskTable {
      var t = TaskTable(columns: columns, header: header.fields)
      t.departmentCells = cells
      return t
    }
    var whole = table()
    var records: [CSVRecord] = []
    records.reserveCapacity(plan.totalRoom)
    whole.rowOf.reserveCapacity(plan.totalRoom)
    whole.taskOf.reserveCapacity(plan.totalRoom)
    var ok = true
    let tasks = [PlanTask](unsafeUninitializedCapacity: plan.totalRoom) { buffer, count in
      let base = Unchecked(buffer.baseAddress!)
      let read = { @Sendable (k: Int, reader: inout TaskTable) -> Chunk in
        Chunk(
          bytes, plan.bounds[k]..<plan.bounds[k + 1], line: plan.lines[k], width: header.fields.count, file: file,
          into: base.value + plan.roomBefore[k], room: plan.roomBefore[k + 1] - plan.roomBefore[k], reader: &reader)
      }
      let helper = Background {
        var mine = table()
        while case let k = chunks.take(), k < n { chunks.finish(k, read(k, &mine)) }
      }
      // The next chunk in file order: its tasks moved down to follow the ones before, their ids
      // indexed, its records joined on. Once anything is amiss, a chunk's tasks are let go.
      var next = 0
      func join(_ c: Chunk) {
        let at = base.value + plan.roomBefore[next]
        next += 1
        guard ok && c.complete else {
          at.deinitialize(count: c.filled)
          ok = false
          return
        }
        if count < plan.roomBefore[next - 1] { (base.value + count).moveInitialize(from: at, count: c.filled) }
        for k in count..<(count + c.filled) where whole.taskOf.updateValue(k, forKey: base.value[k].id) != nil {
          ok = false
        }
        count += c.filled
        whole.rowOf.append(contentsOf: c.rowOf.lazy.map { $0 + records.count })
        records.append(contentsOf: c.records)
      }
      var mine = table()
      while case let k = chunks.take(), k < n {
        chunks.finish(k, read(k, &mine))
        while next < n, let c = chunks.poll(next) { join(c) }
      }
      while next < n { join(chunks.wait(next)) }
      helper.wait()
      if !ok {
        base.value.deinitialize(count: count)
        count = 0
      }
    }
    guard ok else { return nil }
    whole.tasks = tasks
    whole.doc = CSVDocument(original: bytes, hasBOM: hasBOM, newline: newline, header: header, records: records)
    return whole
  }

  /// Where a large file is cut: at record boundaries (quotes counted from the body's start),
  /// with each chunk's first line and room for its tasks.
  private struct ChunkPlan: Sendable {
    var bounds: [Int]
    var lines: [Int] = []
    /// Task slots before each chunk; the last entry is the whole.
    var roomBefore: [Int] = [0]
    var totalRoom: Int { roomBefore.last! }

    init(_ bytes: [UInt8], body: Int, line: Int) {
      bounds = [body]
      bytes.withUnsafeBufferPointer { b in
        for c in 1..<TaskTable.chunkCount {
          let target = body + (b.count - body) * c / TaskTable.chunkCount
          guard target > bounds.last! else { continue }
          guard let cut = CSVDocument.recordBoundary(b, from: bounds.last!, near: target) else { break }
          bounds.append(cut)
        }
      }
      bounds.append(bytes.count)
      var line = line
      for k in 0..<(bounds.count - 1) {
        let count = CSVDocument.lineCount(bytes, in: bounds[k]..<bounds[k + 1])
        lines.append(line)
        // Every record but the file's last ends with a line feed, so a chunk has at most as
        // many tasks as line feeds: room that tight leaves a plain file's chunks where they
        // are, with nothing to move down.
        let last = k == bounds.count - 2
        roomBefore.append(roomBefore.last! + (last ? count : count - 1))
        line += count - 1
      }
    }
  }

  /// The chunks of one file being read: which is next to take, and each one's result, handed
  /// over by its semaphore.
  private final class Chunks: @unchecked Sendable {
    private let next = Atomic<Int>(0)
    private let ready: [DispatchSemaphore]
    private let results: UnsafeMutablePointer<Chunk?>
    private let count: Int

    init(_ count: Int) {
      self.count = count
      ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
      results = .allocate(capacity: count)
      results.initialize(repeating: nil, count: count)
    }

    deinit { results.deinitialize(count: count).deallocate() }

    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }

    func finish(_ k: Int, _ c: Chunk) {
      results[k] = c
      ready[k].signal()
    }

    func wait(_ k: Int) -> Chunk {
      ready[k].wait()
      return results[k].take()!
    }

    /// Chunk `k` if it is read, without waiting.
    func poll(_ k: Int) -> Chunk? {
      ready[k].wait(timeout: .now()) == .success ? results[k].take()! : nil
    }
  }

  /// One chunk of a file read by `inParts`: its records, and its rows read into tasks.
  private struct Chunk {
    var records: [CSVRecord] = []
    /// Each task's record, counted from the chunk's first.
    var rowOf: [Int] = []
    /// Every record in the range read, with nothing amiss.
    var complete = false
    /// Tasks put in place (a row found amiss may have been counted in `rowOf`).
    var filled = 0

    /// Reads the records in `range` (which starts a record, on line `line`) as the whole-file
    /// reader would, putting the tasks at `into`; it stops at the first thing amiss. `reader`
    /// is the thread's table, whose caches serve every chunk the thread reads.
    init(
      _ bytes: [UInt8], _ range: Range<Int>, line: Int, width: Int, file: String,
      into slots: UnsafeMutablePointer<PlanTask>, room: Int, reader: inout TaskTable
    ) {
      if firstInvalidUTF8(bytes, from: range.lowerBound, end: range.upperBound) != nil { return }
      reader.rowOf = []
      reader.rowOf.reserveCapacity(room)
      records.reserveCapacity(room)
      var p = CSVParser(bytes: bytes, file: file)
      (p.i, p.line, p.lineStart) = (range.lowerBound, line, range.lowerBound)
      complete = bytes.withUnsafeBufferPointer { all -> Bool in
        // The scanner stops at the chunk's end as at a file's.
        let b = UnsafeBufferPointer(start: all.baseAddress, count: range.upperBound)
        while p.i < range.upperBound {
          let start = p.i
          let startLine = p.line
          do { try p.scan(b) } catch { return false }
          guard p.i - start <= CSVDocument.maxRecordBytes else { return false }
          var r = CSVRecord(fields: [], range: start..<p.i, line: startLine)
          r.isBlank = p.isBlankRecord
          r.isLazy = !r.isBlank
          guard r.isBlank || p.refs.count == width else { return false }
          records.append(r)
          if r.isBlank { continue }
          guard filled < room else { return false }
          let problem = reader.readRow(records.count - 1, p.refs, all, source: bytes, indexing: false) {
            (slots + filled).initialize(to: $0)
            filled += 1
          }
          guard problem == nil else { return false }
        }
        return true
      }
      swap(&rowOf, &reader.rowOf)
    }
  }

  private init(columns: [String: Int], header: [String]) {
    self.columns = columns
    let known = Set(columns.values)
    extraColumns = header.indices.filter { !known.contains($0) && !header[$0].isEmpty }.map { ($0, header[$0]) }
    at = Dictionary(uniqueKeysWithValues: Columns.taskAliases.keys.map { ($0, columns[$0] ?? -1) })
    doc = CSVDocument(header: [])
    taskOf = TaskIndex()
    rowOf = []
    tasks = []
  }

  /// The column of each canonical field; the file must have `id` and `measure`.
  static func columns(_ header: CSVRecord, file: String) throws(StoreError) -> [String: Int] {
    let columns = Columns.resolve(header.fields, Columns.taskAliases)
    for required in ["id", "measure"] where columns[required] == nil {
      throw StoreError(
        .badData, "the header has no \"\(required)\" column (or \(Columns.taskAliases[required]![1]))", file: file,
        line: header.line, column: 1)
    }
    return columns
  }

  /// A bad cell, turned into `file:line:column: message` once the whole file has parsed.
  struct Problem {
    let record: Int
    let column: Int
    let message: (CSVDocument) -> String

    func error(_ doc: CSVDocument, file: String) -> StoreError {
      let (line, col) = doc.position(record: record, field: column)
      return StoreError(.badData, message(doc), file: file, line: line, column: col)
    }
  }

  /// Columns the program does not know (a user's own), by index, with their names.
  private var extraColumns: [(Int, String)] = []

  /// Each canonical field's column, -1 when the file has none; looked up once per file.
  private var at: [String: Int] = [:]
  private var idC: Int?
  private var (statusC, completedC, eventC, groupC, themeC, measureC) = (-1, -1, -1, -1, -1, -1)
  private var (requirementC, leadC, supportC, deadlineC, noteC) = (-1, -1, -1, -1, -1)

  /// Values already made from the same bytes in the same kind of column.
  private var strings = ByteCache<String>()
  /// The file's department cells, read when asked for (made with the first row, or shared by
  /// the chunks of a large file).
  private var departmentCells: DepartmentCells?
  private var deadlines = ByteCache<Deadline>()
  private var statuses = ByteCache<TaskStatus?>()

  /// Reads record `k` into a task, or says what is wrong with it. `b` points into `source`,
  /// which the task's texts and department cells keep (they are read from it later).
  /// Without `indexing`, ids are not put in `taskOf` (nor checked for repeats): the caller
  /// does it once the row's place is known.
  private mutating func readRow(
    _ k: Int, _ f: [CSVField], _ b: UnsafeBufferPointer<UInt8>, source: [UInt8], indexing: Bool = true,
    emit: (consuming PlanTask) -> Void
  ) -> Problem? {
    let c = columns
    func column(_ name: String) -> Int { at[name] ?? -1 }
    func bad(_ name: String, _ message: @escaping (CSVDocument) -> String) -> Problem {
      Problem(record: k, column: c[name] ?? 0, message: message)
    }
    if idC == nil {
      idC = column("id")
      statusC = column("status")
      completedC = column("completed_on")
      eventC = column("event_on")
      groupC = column("group")
      themeC = column("theme")
      measureC = column("measure")
      requirementC = column("requirement")
      leadC = column("lead")
      supportC = column("support")
      deadlineC = column("deadline")
      noteC = column("note")
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
    func departmentCell(_ col: Int) -> DepartmentsCell {
      guard col >= 0 else { return DepartmentsCell() }
      guard !f[col].escaped else { return DepartmentsCell(Departments(cell: string(col))) }
      if departmentCells == nil { departmentCells = DepartmentCells(source) }
      return DepartmentsCell(departmentCells!, f[col].start, f[col].end)
    }
    let id = string(idC!).trimmingSpaces
    if id.isEmpty { return bad("id") { _ in "empty id: every task needs its number" } }
    if indexing {
      if let first = taskOf[id] {
        let row = rowOf[first]
        return bad("id") { doc in "duplicate id \"\(id)\" (first on line \(doc.records[row].line))" }
      }
      taskOf.updateValue(rowOf.count, forKey: id)
    }
    rowOf.append(k)
    guard let status = cached(statusC, &statuses, { TaskStatus(token: $0) }) else {
      let text = string(statusC)
      return bad("status") { _ in "unknown status \"\(text)\" (use open, in_progress, done or blocked)" }
    }
    var problem: Problem?
    func day(_ name: String, _ col: Int) -> Day? {
      if col < 0 || f[col].isEmpty { return nil }
      // The usual cell is exactly YYYY-MM-DD; anything else goes through the text.
      if let raw = bytes(col), raw.count == 10, let d = Day(isoBytes: raw) { return d }
      let t = string(col).trimmingSpaces
      if t.isEmpty { return nil }
      guard let d = Day(iso: t) else {
        problem = bad(name) { _ in "bad date \"\(t)\" (expected YYYY-MM-DD)" }
        return nil
      }
      return d
    }
    let completedOn = day("completed_on", completedC)
    if let problem { return problem }
    let eventOn = day("event_on", eventC)
    if let problem { return problem }
    emit(
      PlanTask(
        id: id, group: cached(groupC, &strings) { $0 }, theme: cached(themeC, &strings) { $0 },
        measureText: text(measureC), requirementText: text(requirementC),
        leadCell: departmentCell(leadC), supportCell: departmentCell(supportC),
        deadline: cached(deadlineC, &deadlines) { Deadline($0) }, status: status,
        completedOn: completedOn, eventOn: eventOn, noteText: text(noteC),
        extras: extraColumns.isEmpty ? [:] : extras(f, b)))
    return nil
  }

  /// The non-empty values of the columns the program does not know, by column name.
  private func extras(_ f: [CSVField], _ b: UnsafeBufferPointer<UInt8>) -> [String: String] {
    var out: [String: String] = [:]
    for (k, name) in extraColumns where k < f.count && !f[k].isEmpty { out[name] = f[k].string(b) }
    return out
  }

  /// True when `set` finds a column for `field` (it adds one otherwise).
  func hasColumn(_ field: String) -> Bool { columns[field] != nil || doc.header.fields.contains(field) }

  /// Writes one field of one task into its row (adding the column if the file lacks it).
  mutating func set(id: String, field: String, to value: String) {
    guard let t = taskOf[id] else { return }
    let k = rowOf[t]
    guard let c = columns[field] ?? doc.header.fields.firstIndex(of: field) else {
      doc.addColumn(field)
      if PlanTask.fieldNames.contains(field) { columns[field] = doc.header.fields.count - 1 }
      doc.set(record: k, column: doc.header.fields.count - 1, to: value)
      return
    }
    doc.set(record: k, column: c, to: value)
  }

  /// Adds a row for a new task, which is the plan's task number `index` (by default the next).
  mutating func append(_ t: PlanTask, index: Int? = nil) {
    var fields = [String](repeating: "", count: doc.header.fields.count)
    for (name, col) in columns { fields[col] = t.value(of: name) }
    let k = index ?? tasks.count
    taskOf.updateValue(k, forKey: t.id)
    rowOf.append(doc.records.count)
    if tasks.count == k { tasks.append(t) }
    doc.append(fields: fields)
  }
}

/// A value handed from the thread that made it to the one that waits for it (`Background`
/// orders the two), which the compiler cannot see is safe.
struct Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The staffing file read into units.
struct StaffingTable {
  var doc: CSVDocument
  var columns: [String: Int]
  var units: [StaffingUnit]

  init(doc: CSVDocument, file: String) throws(StoreError) {
    self.doc = doc
    columns = Columns.resolve(doc.header.fields, Columns.staffingAliases)
    for required in ["unit", "enforcement", "reviewers"] where columns[required] == nil {
      throw StoreError(.badData, "the header has no \"\(required)\" column", file: file, line: 1, column: 1)
    }
    var units: [StaffingUnit] = []
    var seen: [String: Int] = [:]
    let c = columns
    for (k, r) in doc.records.enumerated() where !r.isBlank {
      func bad(_ name: String, _ message: String) -> StoreError {
        let (line, col) = doc.position(record: k, field: c[name]!)
        return StoreError(.badData, message, file: file, line: line, column: col)
      }
      let name = r.fields[c["unit"]!].trimmingSpaces
      if name.isEmpty { throw bad("unit", "empty unit name") }
      if let first = seen[name] { throw bad("unit", "unit \"\(name)\" is listed twice (first on line \(first))") }
      seen[name] = r.line
      func count(_ field: String) throws(StoreError) -> Int {
        let t = r.fields[c[field]!].trimmingSpaces
        guard let v = Int(t) else { throw bad(field, "\(field) must be a whole number, not \"\(t)\"") }
        guard v >= 0 else { throw bad(field, "negative staff count \(v)") }
        guard v <= StaffingUnit.maxCount else { throw bad(field, "staff count \(v) is implausibly large") }
        return v
      }
      units.append(StaffingUnit(name: name, enforcement: try count("enforcement"), reviewers: try count("reviewers")))
    }
    self.units = units
  }

  func record(of unit: String) -> Int? {
    doc.records.firstIndex { !$0.isBlank && $0.fields[columns["unit"]!].trimmingSpaces == unit }
  }
}

/// Values made from byte strings, found again by the same bytes without making a `String`:
/// the file's repeated cells (a department list, a deadline phrase) are read once.
struct ByteCache<Value> {
  /// Open addressing: each slot holds an entry's index plus one, 0 when empty.
  private var slots = [Int32](repeating: 0, count: 256)
  private var keys: [UInt8] = []
  private var entries: [(hash: UInt64, start: Int, count: Int, value: Value)] = []

  /// Lookups and hits so far: a column whose cells rarely repeat stops being cached (the
  /// keys would cost memory and time for nothing).
  private var lookups = 0
  private var hits = 0
  private var bypass = false

  mutating func value(for bytes: UnsafeBufferPointer<UInt8>, make: () -> Value) -> Value {
    if bypass { return make() }
    lookups += 1
    if lookups == 4096 && hits < lookups / 4 {
      bypass = true
      (slots, keys, entries) = ([], [], [])
      return make()
    }
    let h = ByteCache.hash(bytes)
    let mask = slots.count - 1
    var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    while slots[k] != 0 {
      // Fields looked at in place: copying the entry would retain its value on every probe.
      let j = Int(slots[k]) - 1
      if entries[j].hash == h && entries[j].count == bytes.count {
        let start = entries[j].start
        if bytes.count == 0
          || keys.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 })
        {
          hits += 1
          return entries[j].value
        }
      }
      k = (k + 1) & mask
    }
    let v = make()
    slots[k] = Int32(entries.count + 1)
    entries.append((h, keys.count, bytes.count, v))
    keys.append(contentsOf: bytes)
    if entries.count * 2 > slots.count {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      let mask = slots.count - 1
      for (j, e) in entries.enumerated() {
        var k = Int(truncatingIfNeeded: e.hash ^ (e.hash >> 29)) & mask
        while slots[k] != 0 { k = (k + 1) & mask }
        slots[k] = Int32(j + 1)
      }
    }
    return v
  }

  /// Eight bytes per step (a cell is mostly CJK, three bytes a character, so byte-at-a-time
  /// FNV spent more on hashing than on the rest of the row); a colliding key is told apart by
  /// its bytes.
  @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return h }
    let n = bytes.count
    var i = 0
    while i + 8 <= n {
      h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 32
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 29)
  }
}
