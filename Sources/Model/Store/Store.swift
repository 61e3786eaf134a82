/// A plan on disk: a folder with `plan.ini`, `tasks.csv`, `staffing.csv` and `journal.jsonl`.
///
/// Reading keeps each file's bytes, so that a save rewrites only the rows that changed.
/// Every save takes the lock, looks again at the disk, merges what others saved meanwhile
/// (field by field, by task), and refuses with `.busy` where the same field was changed.
public final class Store {
  public static let tasksFile = "tasks.csv"
  public static let staffingFile = "staffing.csv"

  public let folder: String
  public private(set) var plan: Plan
  /// Things worth saying that do not stop the program (a torn journal line set aside).
  public private(set) var notices: [String] = []
  /// Keys in plan.ini this version does not know.
  public private(set) var unknownSettings: [(key: String, line: Int)] = []
  /// Why the last save's git commit (`git_commit = on`) did not happen; the save itself stands.
  public private(set) var gitCommitFailure: Git.Failure?

  private var tasks: TaskTable
  private var staffing: StaffingTable?
  private var stamps: [String: FileIO.Stamp] = [:]
  private var journalValidLength = 0
  private var journalTornTail: [UInt8] = []
  private var journalLines = 0
  /// True when reading applied journal entries the files did not show yet.
  private var rolledForward = false
  /// Set by a long-running program (the dashboard): after a save, the replaced files' old
  /// versions are removed on another core instead of before `commit` returns (freeing a large
  /// file's blocks took as long as writing them). The next save, and `settle`, wait for it.
  public var removesOldVersionsLater = false
  private var removing: Background<Void>?

  /// Waits until the last save's old versions are gone (a program does before it ends).
  public func settle() {
    removing?.wait()
    removing = nil
  }

  deinit { settle() }

  public func path(_ name: String) -> String { folder + "/" + name }

  private init(folder: String, plan: Plan, tasks: TaskTable, staffing: StaffingTable?) {
    self.folder = folder
    self.plan = plan
    self.tasks = tasks
    self.staffing = staffing
  }

  /// Opens a store folder. Errors name the file, line and column; nothing is written.
  /// `readOnly` (a supervisor reading an agency's folder) also leaves a dead writer's temp
  /// files where they are: that folder is the agency's to tidy, not the reader's.
  public static func open(_ folder: String, readOnly: Bool = false) throws(StoreError) -> Store {
    let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    guard FileIO.isDirectory(folder) else {
      throw StoreError(
        .noInput, "no such store folder (create one with `sanxiang import FILE --into DIR`)", file: folder)
    }
    guard FileIO.exists(folder + "/" + tasksFile) else {
      throw StoreError(.noInput, "not a sanxiang store: \(tasksFile) is missing", file: folder)
    }
    let empty = try TaskTable(doc: CSVDocument(header: Columns.taskHeader), file: "")
    let store = Store(folder: folder, plan: Plan(settings: PlanSettings(), tasks: []), tasks: empty, staffing: nil)
    try store.readAll(force: true)
    if !readOnly { store.removeStaleTempFiles() }
    return store
  }

  /// Creates a new store folder (or fills an empty one) with the given files' contents.
  public static func create(
    _ folder: String, settings: PlanSettings, tasks: [PlanTask], staffing: [StaffingUnit] = [],
    extraColumns: [String] = []
  ) throws(StoreError) {
    try FileIO.makeDirectory(folder)
    for name in [tasksFile, SettingsFile.name] where FileIO.exists(folder + "/" + name) {
      throw StoreError(.cannotCreate, "a store is already here (\(name) exists)", file: folder)
    }
    var header = Columns.taskHeader
    if tasks.contains(where: { !$0.requirement.isEmpty }) {
      header.insert("requirement", at: header.firstIndex(of: "measure")! + 1)
    }
    var table = try TaskTable(doc: CSVDocument(header: header + extraColumns), file: "")
    for t in tasks {
      table.append(t)
      for (column, value) in t.extras { table.set(id: t.id, field: column, to: value) }
    }
    var units = CSVDocument(header: Columns.staffingHeader)
    for u in staffing { units.append(fields: [u.name, String(u.enforcement), String(u.reviewers)]) }
    try FileIO.replace(folder, SettingsFile.name, with: Array(SettingsFile.render(settings).utf8))
    try FileIO.replace(folder, staffingFile, with: units.serialized())
    try FileIO.append(folder + "/" + JournalFile.name, [])
    try FileIO.replace(folder, tasksFile, with: table.doc.serialized())
  }

  // MARK: Reading

  /// Re-reads every file whose stamp changed (all of them when `force`). Returns whether
  /// anything changed. On a parse error nothing in memory changes.
  @discardableResult
  private func readAll(force: Bool) throws(StoreError) -> Bool {
    var changed = false
    var settings = plan.settings
    var newTasks = tasks
    var newStaffing = staffing
    var unknown = unknownSettings

    let settingsPath = path(SettingsFile.name)
    let sStamp = FileIO.stamp(settingsPath)
    if force || sStamp != stamps[SettingsFile.name] {
      if sStamp != nil {
        let parsed = try SettingsFile.parse(try FileIO.read(settingsPath), file: settingsPath)
        settings = parsed.settings
        unknown = parsed.unknownKeys
      } else {
        settings = PlanSettings(title: String(folder.split(separator: "/").last ?? ""))
      }
      changed = true
    }
    // The journal is read and parsed on another core while this one reads the tasks.
    let jPath = path(JournalFile.name)
    let jStamp = FileIO.stamp(jPath)
    var journal = plan.journal
    var jValid = journalValidLength
    var jLines = journalLines
    var torn = journalTornTail
    let readJournal = force || jStamp != stamps[JournalFile.name]
    let old = stamps[JournalFile.name]
    let appendOnly = !force && old != nil && jStamp != nil && jStamp!.inode == old!.inode && jStamp!.size >= jValid
    let from = appendOnly ? jValid : 0
    let firstLine = (appendOnly ? jLines : 0) + 1
    let parsing =
      readJournal && jStamp != nil
      ? Background { () -> Result<(parsed: JournalFile.Parsed, lines: Int), StoreError> in
        do throws(StoreError) {
          let bytes = try FileIO.read(jPath, from: from)
          let parsed = try JournalFile.parse(bytes, file: jPath, firstLine: firstLine)
          return .success((parsed, CSVDocument.lineCount(bytes, in: 0..<parsed.validLength) - 1))
        } catch {
          return .failure(error)
        }
      } : nil

    let tStamp = FileIO.stamp(path(Store.tasksFile))
    if force || tStamp != stamps[Store.tasksFile] {
      let p = path(Store.tasksFile)
      newTasks = try TaskTable(bytes: try FileIO.read(p), file: p)
      changed = true
    }
    let uStamp = FileIO.stamp(path(Store.staffingFile))
    if force || uStamp != stamps[Store.staffingFile] {
      let p = path(Store.staffingFile)
      newStaffing =
        uStamp == nil ? nil : try StaffingTable(doc: try CSVDocument(bytes: try FileIO.read(p), file: p), file: p)
      changed = true
    }
    if readJournal {
      if let parsing {
        let (parsed, lines) = try parsing.wait().get()
        journal = (appendOnly ? journal : []) + parsed.entries
        jValid = from + parsed.validLength
        jLines = (appendOnly ? jLines : 0) + lines
        torn = parsed.tornTail
      } else {
        journal = []
        jValid = 0
        jLines = 0
        torn = []
      }
      changed = true
    }
    guard changed else { return false }
    // Everything parsed: only now does the in-memory state change.
    tasks = newTasks
    staffing = newStaffing
    unknownSettings = unknown
    journalValidLength = jValid
    journalLines = jLines
    if !torn.isEmpty && torn != journalTornTail {
      notices.append(
        "\(jPath): the last line is incomplete (an interrupted save?); it is set aside and kept in \(JournalFile.name).torn on the next save"
      )
    }
    journalTornTail = torn
    stamps = [:]
    stamps[SettingsFile.name] = sStamp
    stamps[Store.tasksFile] = tStamp
    stamps[Store.staffingFile] = uStamp
    stamps[JournalFile.name] = jStamp
    plan = Plan(
      settings: settings, tasks: newTasks.tasks, positions: newTasks.taskOf, staffing: newStaffing?.units ?? [],
      journal: journal)
    rollForward()
    return true
  }

  /// Journal entries at the end that the files do not show yet: a save cut short after its
  /// journal line was written (the journal goes first). The journal says what happened, so
  /// they are applied here, in memory, and written out with the next save.
  private func rollForward() {
    rolledForward = false
    // A save in progress also has its journal line ahead of its files, and may yet undo it:
    // only a dead writer's line is rolled forward (or any, once this process holds the lock).
    if StoreLock.heldByAnother(in: folder) { return }
    var pending: [JournalEntry] = []
    for e in plan.journal.reversed() {
      guard !e.change.fields.isEmpty else { break }
      let now = e.change.fields.map { currentValue(e.change.target, $0.field) }
      if zip(now, e.change.fields).allSatisfy({ $0 == $1.after }) { break }
      guard zip(now, e.change.fields).allSatisfy({ $0 == $1.before }) else { break }
      pending.append(e)
    }
    guard !pending.isEmpty else { return }
    // Applied in place: the table lets go of the task array first, so the plan's is not copied.
    tasks.tasks = []
    var units = staffing ?? StaffingTable.empty()
    for e in pending.reversed() {
      // Every field was just seen holding its "before" value, so this cannot conflict.
      guard (try? plan.apply(e.change)) != nil else { break }
      switch e.change.target {
      case .task(let id):
        if tasks.taskOf[id] == nil, let t = plan.task(id) { tasks.append(t, index: plan.index(of: id)) }
        for f in e.change.fields where f.field != "id" { tasks.set(id: id, field: f.field, to: f.after) }
      case .unit(let name):
        units.apply(e.change, name: name, plan: plan)
      case .plan:
        break
      }
    }
    tasks.tasks = plan.tasks
    staffing = units
    rolledForward = true
    notices.append(
      "\(path(JournalFile.name)): the last \(pending.count == 1 ? "change was" : "\(pending.count) changes were") "
        + "journaled but not yet in the files (an interrupted save); applied, and written with the next save")
  }

  /// A field's value in the store now, as the journal writes it.
  private func currentValue(_ target: ChangeTarget, _ field: String) -> String {
    switch target {
    case .task(let id):
      guard let t = plan.task(id) else { return "" }
      return field == "id" ? id : t.value(of: field)
    case .unit(let name):
      guard let u = plan.staffing.first(where: { $0.name == name }) else { return "" }
      switch field {
      case Change.unitExists: return name
      case "enforcement": return String(u.enforcement)
      case "reviewers": return String(u.reviewers)
      default: return ""
      }
    case .plan:
      return ""
    }
  }

  /// Picks up changes other people saved since this store was read.
  public func reloadIfChanged() throws(StoreError) -> Bool { try readAll(force: false) }

  /// True when a file on disk differs from what this store last read.
  public var changedOnDisk: Bool {
    [SettingsFile.name, Store.tasksFile, Store.staffingFile, JournalFile.name].contains {
      FileIO.stamp(path($0)) != stamps[$0]
    }
  }

  // MARK: Saving

  /// Saves `changes` as one step: under the lock, onto the latest disk state, journal first.
  /// Throws `.busy` (exit 75) when a field was changed by someone else meanwhile, and
  /// `.badData` when a file on disk no longer parses; in both cases nothing is written.
  @discardableResult
  public func commit(_ changes: [Change], by who: String, at time: String = Clock.nowISO()) throws(StoreError)
    -> [JournalEntry]
  {
    guard !changes.isEmpty else { return [] }
    settle()
    let lock = try StoreLock.acquire(in: folder)
    defer { lock.release() }
    removeStaleTempFiles()
    try readAll(force: false)

    // The changes go onto the store's own array of tasks, not a copy of it (copying 100,000
    // tasks cost more than the rest of a save): the plan and the table let go of it first.
    // If the save fails, the tasks it changed are put back.
    var newPlan = plan
    let before = newPlan.tasks.count
    var undo: [(Int, PlanTask)] = []
    plan.tasks = []
    tasks.tasks = []
    var newTasks = tasks
    // The table's records likewise, when the changes only set fields of rows it has (a new
    // row or column changes more than a few records, and takes a copy): each record is kept
    // as it was before its first change, to be put back.
    let recordsInPlace = changes.allSatisfy { c in
      guard case .task(let id) = c.target, tasks.taskOf[id] != nil else { return false }
      return c.fields.allSatisfy { $0.field == "id" || tasks.hasColumn($0.field) }
    }
    var recordsBefore: [(Int, CSVRecord)] = []
    if recordsInPlace { tasks.doc.records = [] }
    func putBack() {
      var back = newPlan.tasks
      newPlan.tasks = []
      for (i, t) in undo.reversed() { back[i] = t }
      back.removeSubrange(before...)
      plan.tasks = back
      tasks.tasks = back
      if recordsInPlace {
        var records = newTasks.doc.records
        newTasks.doc.records = []
        for (k, r) in recordsBefore.reversed() { records[k] = r }
        tasks.doc.records = records
      }
    }
    var newStaffing = staffing ?? StaffingTable.empty()
    var seq = plan.journal.last?.seq ?? 0
    var entries: [JournalEntry] = []
    var touchedTasks = false
    var touchedStaffing = false
    for c in changes {
      if case .task(let id) = c.target, let i = newPlan.index(of: id) { undo.append((i, newPlan.tasks[i])) }
      do {
        try newPlan.apply(c)
      } catch {
        putBack()
        throw conflictError(error)
      }
      switch c.target {
      case .task(let id):
        if newTasks.taskOf[id] == nil, let t = newPlan.task(id) { newTasks.append(t, index: newPlan.index(of: id)) }
        if recordsInPlace, let k = newTasks.taskOf[id].map({ newTasks.rowOf[$0] }) {
          recordsBefore.append((k, newTasks.doc.records[k]))
        }
        for f in c.fields where f.field != "id" { newTasks.set(id: id, field: f.field, to: f.after) }
        touchedTasks = true
      case .unit(let name):
        newStaffing.apply(c, name: name, plan: newPlan)
        touchedStaffing = true
      case .plan:
        break
      }
      seq += 1
      entries.append(JournalEntry(seq: seq, at: time, by: who, change: c))
    }
    // A change rolled forward from the journal at reading is written out with this save.
    if rolledForward {
      touchedTasks = true
      touchedStaffing = staffing != nil
    }
    // The journal first (it says what the files will say), then each file replaced whole.
    // If any step fails, every step before it is undone, so nothing looks saved that is not.
    let mark: Int
    do {
      mark = try setTornTailAside()
    } catch {
      putBack()
      throw error
    }
    let journalBytes = journalLine(entries)
    var replaced: [FileIO.Replaced] = []
    do {
      try FileIO.append(path(JournalFile.name), journalBytes)
      if touchedTasks {
        replaced.append(
          try FileIO.replaceKeepingOld(folder, Store.tasksFile) { (w) throws(StoreError) in
            try newTasks.doc.write { (piece) throws(StoreError) in try w.write(piece) }
          })
      }
      if touchedStaffing {
        replaced.append(try FileIO.replaceKeepingOld(folder, Store.staffingFile, with: newStaffing.doc.serialized()))
      }
    } catch {
      for r in replaced.reversed() { r.restore() }
      try? FileIO.truncate(path(JournalFile.name), to: mark)
      putBack()
      throw error
    }
    if removesOldVersionsLater {
      let old = replaced
      removing = Background { for r in old { r.discard() } }
    } else {
      for r in replaced { r.discard() }
    }
    rolledForward = false
    // What is now on disk is exactly what is in hand: keep it, with the files' new stamps,
    // rather than reading and parsing every file again (which cost more than the save).
    // The lock is still held, so nobody else has written meanwhile.
    // The table's tasks are what a later partial reload builds the plan from.
    newTasks.tasks = newPlan.tasks
    tasks = newTasks
    if touchedTasks { stamps[Store.tasksFile] = FileIO.stamp(path(Store.tasksFile)) }
    if touchedStaffing {
      staffing = newStaffing
      stamps[Store.staffingFile] = FileIO.stamp(path(Store.staffingFile))
    }
    noteJournalAppended(journalBytes)
    newPlan.journal += entries
    plan = newPlan
    gitCommitFailure = Git.commitSave(in: self, entries: entries, tasks: touchedTasks, staffing: touchedStaffing)
    return entries
  }

  /// Records an append made under the lock: where the next one goes, and the new stamp.
  private func noteJournalAppended(_ bytes: [UInt8]) {
    journalValidLength += bytes.count
    journalLines += CSVDocument.lineCount(bytes) - 1
    stamps[JournalFile.name] = FileIO.stamp(path(JournalFile.name))
  }

  /// Appends entries to the journal, first setting aside a torn last line.
  public func appendJournal(_ entries: [JournalEntry]) throws(StoreError) {
    let lock = try StoreLock.acquire(in: folder)
    defer { lock.release() }
    try readAll(force: false)
    let mark = try setTornTailAside()
    let bytes = journalLine(entries)
    do {
      try FileIO.append(path(JournalFile.name), bytes)
    } catch {
      try? FileIO.truncate(path(JournalFile.name), to: mark)
      throw error
    }
    noteJournalAppended(bytes)
    plan.journal += entries
  }

  /// Moves a torn last line (a writer killed mid-append) to journal.jsonl.torn, so appends go
  /// after whole lines. Returns the journal's length: where a failed save cuts it back to.
  private func setTornTailAside() throws(StoreError) -> Int {
    let jPath = path(JournalFile.name)
    if !journalTornTail.isEmpty {
      try FileIO.append(jPath + ".torn", journalTornTail + [0x0A])
      try FileIO.truncate(jPath, to: journalValidLength)
      journalTornTail = []
    }
    return journalValidLength
  }

  /// The entries as journal lines, after a line break if the last line lacks one.
  private func journalLine(_ entries: [JournalEntry]) -> [UInt8] {
    var bytes: [UInt8] = []
    let jPath = path(JournalFile.name)
    if journalValidLength > 0, let last = try? FileIO.read(jPath, from: journalValidLength - 1), last.first != 0x0A {
      bytes.append(0x0A)
    }
    for e in entries { bytes += Array((JournalFile.encode(e) + "\n").utf8) }
    return bytes
  }

  private func conflictError(_ c: ChangeConflict) -> StoreError {
    switch c.target {
    case .task(let id):
      if c.field == "id" { return StoreError(.noInput, "no task \(id) in this store", file: path(Store.tasksFile)) }
      let now = c.found.isEmpty ? "empty" : "\"\(c.found)\""
      return StoreError(
        .busy,
        "task \(id) was changed meanwhile (its \(c.field) is now \(now)); nothing was saved, look again and retry",
        file: path(Store.tasksFile))
    case .unit(let u):
      return StoreError(
        .busy, "unit \(u) was changed meanwhile; nothing was saved, look again and retry",
        file: path(Store.staffingFile))
    case .plan:
      return StoreError(.busy, "the plan was changed meanwhile", file: folder)
    }
  }

  /// Temp files left by a writer that died mid-save: only those whose writer is gone (a
  /// live one may be writing its lock file, or another store's save, this very moment).
  private func removeStaleTempFiles() {
    for name in FileIO.listDirectory(folder) where FileIO.isTempName(name) {
      if let owner = FileIO.tempOwner(name), owner != FileIO.processID, !FileIO.processIsAlive(owner) {
        FileIO.remove(path(name))
      }
    }
  }
}

extension StaffingTable {
  static func empty() -> StaffingTable {
    // A header-only document always parses.
    try! StaffingTable(doc: CSVDocument(header: Columns.staffingHeader), file: "")
  }

  /// Mirrors a staffing change into the file: add, remove or update the unit's row.
  mutating func apply(_ change: Change, name: String, plan: Plan) {
    let k = record(of: name)
    guard let unit = plan.staffing.first(where: { $0.name == name }) else {
      if let k { doc.remove(record: k) }
      return
    }
    let values = ["unit": unit.name, "enforcement": String(unit.enforcement), "reviewers": String(unit.reviewers)]
    if let k {
      for (field, col) in columns { doc.set(record: k, column: col, to: values[field]!) }
    } else {
      var fields = [String](repeating: "", count: doc.header.fields.count)
      for (field, col) in columns { fields[col] = values[field]! }
      doc.append(fields: fields)
    }
  }
}
