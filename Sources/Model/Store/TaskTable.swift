/// Where each field the program knows is in the tasks file: a column index, or -1 when the
/// file has no such column. Looked up once per file, read for every row.
struct TaskColumns: Sendable {
  var id = -1
  var group = -1
  var theme = -1
  var measure = -1
  var requirement = -1
  var lead = -1
  var support = -1
  var deadline = -1
  var status = -1
  var completedOn = -1
  var eventOn = -1
  var note = -1

  /// The columns of a header whose names `Columns.resolve` has read.
  init(_ byField: [TaskField: Int]) {
    for (field, k) in byField { self[field] = k }
  }

  /// A field's column, nil when the file has none (or the field is a user's own column,
  /// which is found by its name).
  subscript(field: TaskField) -> Int? {
    get {
      let k: Int =
        switch field {
        case .id: id
        case .group: group
        case .theme: theme
        case .measure: measure
        case .requirement: requirement
        case .lead: lead
        case .support: support
        case .deadline: deadline
        case .status: status
        case .completedOn: completedOn
        case .eventOn: eventOn
        case .note: note
        case .extra: -1
        }
      return k < 0 ? nil : k
    }
    set {
      let k = newValue ?? -1
      switch field {
      case .id: id = k
      case .group: group = k
      case .theme: theme = k
      case .measure: measure = k
      case .requirement: requirement = k
      case .lead: lead = k
      case .support: support = k
      case .deadline: deadline = k
      case .status: status = k
      case .completedOn: completedOn = k
      case .eventOn: eventOn = k
      case .note: note = k
      case .extra: break
      }
    }
  }

  /// The columns of the tasks file's header; the file must have `id` and `measure`.
  static func of(_ header: CSVRecord, file: String) throws(StoreError) -> TaskColumns {
    let byField = Columns.resolve(header.fields, Columns.task)
    for (required, names) in Columns.task where (required == .id || required == .measure) && byField[required] == nil {
      throw StoreError(.badData, .missingColumn(names[0], alias: names[1]), file: file, line: header.line, column: 1)
    }
    return TaskColumns(byField)
  }
}

/// The tasks file as the store keeps it: the document (to write back byte for byte), where
/// each field's column is, and each task's row. Task `i` of the plan is record `rowOf[i]`.
struct TaskTable {
  var doc: CSVDocument
  var columns: TaskColumns
  /// Each id's task (its index in the plan), and each task's record.
  var taskOf: StringIndex
  var rowOf: [Int]

  /// An empty table with this header (a new store's).
  init(header: [String], file: String) throws(StoreError) {
    // A new store's file starts with a BOM, for Excel on a Chinese Windows.
    doc = CSVDocument(header: header, bom: true)
    columns = try TaskColumns.of(doc.header, file: file)
    taskOf = StringIndex()
    rowOf = []
  }

  init(doc: CSVDocument, columns: TaskColumns, taskOf: StringIndex, rowOf: [Int]) {
    self.doc = doc
    self.columns = columns
    self.taskOf = taskOf
    self.rowOf = rowOf
  }

  /// Reads the tasks file: the table, and its rows as tasks. Each row becomes a task straight
  /// from the file's bytes; cells that repeat down a column are read once. A large file is
  /// read by both cores (`inParts`) unless `inParts` is false.
  static func read(bytes: [UInt8], file: String, inParts: Bool = true) throws(StoreError) -> (
    TaskTable, [PlanTask]
  ) {
    if inParts, let read = TaskTable.inParts(bytes, file: file) { return read }
    var reader: TaskRowReader?
    var taskOf = StringIndex()
    var rowOf: [Int] = []
    var tasks: [PlanTask] = []
    var problem: TaskRowReader.Problem?
    var headerError: StoreError?
    let doc = try CSVDocument(bytes: bytes, file: file) { k, refs, buffer, header in
      if reader == nil {
        do throws(StoreError) {
          reader = TaskRowReader(columns: try TaskColumns.of(header, file: file), header: header.fields, source: bytes)
          // Room for every row up front: growing a large array by doubling would briefly
          // hold it twice, which is what a command's peak memory is made of.
          let rows = CSVDocument.lineCount(bytes)
          tasks.reserveCapacity(rows)
          rowOf.reserveCapacity(rows)
          taskOf.reserveCapacity(rows)
        } catch {
          headerError = error
          return false
        }
      }
      let idColumn = reader!.columns.id
      let bad = reader!.read(k, refs, buffer) { task in
        if let first = taskOf[task.id] {
          let row = rowOf[first]
          let id = task.id
          problem = TaskRowReader.Problem(record: k, column: idColumn) { doc in
            .duplicateID(id, firstLine: doc.records[row].line)
          }
          return
        }
        taskOf.updateValue(tasks.count, forKey: task.id)
        rowOf.append(k)
        tasks.append(task)
      }
      if let bad { problem = bad }
      return problem == nil
    }
    if let headerError { throw headerError }
    if let problem { throw problem.error(doc, file: file) }
    let columns: TaskColumns
    if let reader { columns = reader.columns } else { columns = try TaskColumns.of(doc.header, file: file) }
    return (TaskTable(doc: doc, columns: columns, taskOf: taskOf, rowOf: rowOf), tasks)
  }

  /// True when `set` finds a column for `field` (it adds one otherwise).
  func hasColumn(_ field: TaskField) -> Bool { columns[field] != nil || doc.header.fields.contains(field.name) }

  /// Writes one field of one task into its row, as text (adding the column if the file lacks it).
  mutating func set(id: String, field: TaskField, to value: String) {
    guard let t = taskOf[id] else { return }
    let k = rowOf[t]
    guard let c = columns[field] ?? doc.header.fields.firstIndex(of: field.name) else {
      doc.addColumn(field.name)
      if field.isOwn { columns[field] = doc.header.fields.count - 1 }
      doc.set(record: k, column: doc.header.fields.count - 1, to: value)
      return
    }
    doc.set(record: k, column: c, to: value)
  }

  /// Adds a row for a new task, which is the plan's task number `index` (and a column for
  /// any of its fields the file lacks).
  mutating func append(_ t: PlanTask, index: Int) {
    var fields = [String](repeating: "", count: doc.header.fields.count)
    var missing: [(TaskField, String)] = []
    for field in TaskField.own {
      let v = t.value(of: field).text
      if let col = columns[field] { fields[col] = v } else if !v.isEmpty { missing.append((field, v)) }
    }
    for (column, value) in t.extras.sorted(by: { $0.key < $1.key }) {
      if let col = doc.header.fields.firstIndex(of: column) {
        fields[col] = value
      } else {
        missing.append((.extra(column), value))
      }
    }
    taskOf.updateValue(index, forKey: t.id)
    rowOf.append(doc.records.count)
    doc.append(fields: fields)
    for (field, value) in missing { set(id: t.id, field: field, to: value) }
  }
}
