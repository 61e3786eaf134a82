/// A plan on disk: a folder with `plan.ini`, `tasks.csv`, `staffing.csv` and `journal.jsonl`.
///
/// Reading keeps each file's bytes, so that a save rewrites only the rows that changed.
/// Every save takes the lock, looks again at the disk, merges what others saved meanwhile
/// (field by field, by task), and refuses with `.busy` where the same field was changed.
/// A new version of the plan from the store, and which of its tasks differ from the version
/// the store had before: a front end holding that one brings what it derived from it up to
/// date task by task instead of working everything out again.
public struct Revision: Sendable {
  public let plan: Plan
  /// The tasks changed or added, by index, each once; nil when the tasks were read again from
  /// the file (any of them may differ).
  public let changedTasks: [Int]?
  /// What a save wrote to the journal (empty for a reload).
  public let entries: [JournalEntry]
}

public final class Store {
  public static let tasksFile = "tasks.csv"
  public static let staffingFile = "staffing.csv"

  public let folder: String
  public private(set) var plan: Plan
  /// Things worth saying that do not stop the program (a torn journal line set aside).
  public private(set) var notices: [StoreNotice] = []
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
  /// ... and they changed the plan's settings (plan.ini is then written with the next save).
  private var settingsRolledForward = false
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

  /// The tasks file's header as written (the plan's own column names, where it has them).
  public var tasksHeader: [String] { tasks.doc.header.fields }

  /// The line of tasks.csv on which task `i` of the plan starts.
  public func line(ofTask i: Int) -> Int? {
    guard i < tasks.rowOf.count else { return nil }
    let k = tasks.rowOf[i]
    return k < tasks.doc.records.count ? tasks.doc.records[k].line : nil
  }

  /// True when this process cannot save here (the folder or a file is not writable): the
  /// dashboard says so before the first edit fails.
  public var isReadOnly: Bool {
    !FileIO.isWritable(folder)
      || [Store.tasksFile, Store.staffingFile, JournalFile.name, SettingsFile.name].contains {
        FileIO.exists(path($0)) && !FileIO.isWritable(path($0))
      }
  }

  private init(folder: String, tasks: TaskTable) {
    self.folder = folder
    self.plan = Plan(settings: PlanSettings(), tasks: [])
    self.tasks = tasks
  }

  /// Opens a store folder. Errors name the file, line and column; nothing is written.
  /// `readOnly` (a supervisor reading an agency's folder) also leaves a dead writer's temp
  /// files where they are: that folder is the agency's to tidy, not the reader's.
  public static func open(_ folder: String, readOnly: Bool = false) throws(StoreError) -> Store {
    let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    guard FileIO.isDirectory(folder) else {
      throw StoreError(.noInput, .noStoreFolder, file: folder)
    }
    guard FileIO.exists(folder + "/" + tasksFile) else {
      throw StoreError(.noInput, .notAStore(missing: tasksFile), file: folder)
    }
    let store = Store(folder: folder, tasks: try TaskTable(header: Columns.taskHeader, file: ""))
    _ = try store.readAll(force: true)
    if !readOnly { store.removeStaleTempFiles() }
    return store
  }

  /// Creates a new store folder (or fills an empty one) with the given files' contents and
  /// journal (an import's entry, written with the files it made), and hands it back open:
  /// its plan is the one given, not the files read back.
  @discardableResult
  public static func create(
    _ folder: String, settings: PlanSettings, tasks: [PlanTask], staffing: [StaffingUnit] = [],
    extraColumns: [String] = [], journal: [JournalEntry] = []
  ) throws(StoreError) -> Store {
    try FileIO.makeDirectory(folder)
    for name in [tasksFile, SettingsFile.name] where FileIO.exists(folder + "/" + name) {
      throw StoreError(.cannotCreate, .storeExists(file: name), file: folder)
    }
    var header = Columns.taskHeader
    if tasks.contains(where: { !$0.requirement.isEmpty }) {
      header.insert(TaskField.requirement.name, at: header.firstIndex(of: TaskField.measure.name)! + 1)
    }
    var table = try TaskTable(header: header + extraColumns, file: "")
    for (i, t) in tasks.enumerated() { table.append(t, index: i) }
    var units = CSVDocument(header: Columns.staffingHeader, bom: true)
    for u in staffing { units.append(fields: [u.name, String(u.enforcement), String(u.reviewers)]) }
    let journalBytes = Array(journal.map { JournalFile.encode($0) + "\n" }.joined().utf8)
    try FileIO.replace(folder, SettingsFile.name, with: Array(SettingsFile.render(settings).utf8))
    try FileIO.replace(folder, staffingFile, with: units.serialized())
    try FileIO.append(folder + "/" + JournalFile.name, journalBytes)
    try FileIO.replace(folder, tasksFile, with: table.doc.serialized())
    let store = Store(folder: folder, tasks: table)
    store.staffing = try StaffingTable(doc: units, file: store.path(staffingFile))
    store.plan = Plan(
      settings: settings, tasks: TaskList(tasks), positions: table.taskOf, staffing: staffing, journal: journal)
    store.journalValidLength = journalBytes.count
    store.journalLines = journal.count
    for name in [SettingsFile.name, tasksFile, staffingFile, JournalFile.name] {
      store.stamps[name] = FileIO.stamp(store.path(name))
    }
    return store
  }

  // MARK: Reading

  /// Re-reads every file whose stamp changed (all of them when `force`). Returns the new
  /// version of the plan, or nil when nothing changed. On a parse error nothing in memory
  /// changes.
  private func readAll(force: Bool) throws(StoreError) -> Revision? {
    var changed = false
    var settings = plan.settings
    var newTasks: (table: TaskTable, tasks: [PlanTask])?
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
    // The plan's year reads the deadlines that name none, so a new year reads them again.
    if force || tStamp != stamps[Store.tasksFile] || settings.year != plan.settings.year {
      let p = path(Store.tasksFile)
      newTasks = try TaskTable.read(bytes: try FileIO.read(p), file: p)
      if settings.year != nil {
        for i in newTasks!.tasks.indices where newTasks!.tasks[i].deadline.kind == .unparsed {
          newTasks!.tasks[i].deadline = newTasks!.tasks[i].deadline.inYear(settings.year)
        }
      }
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
    guard changed else { return nil }
    // Everything parsed: only now does the in-memory state change.
    if let newTasks {
      tasks = newTasks.table
      plan = Plan(
        settings: settings, tasks: TaskList(newTasks.tasks), positions: newTasks.table.taskOf,
        staffing: newStaffing?.units ?? [], journal: journal)
    } else {
      plan.settings = settings
      plan.staffing = newStaffing?.units ?? []
      plan.journal = journal
    }
    staffing = newStaffing
    unknownSettings = unknown
    journalValidLength = jValid
    journalLines = jLines
    if !torn.isEmpty && torn != journalTornTail {
      notices.append(.tornJournalLine(journal: jPath))
    }
    journalTornTail = torn
    stamps = [:]
    stamps[SettingsFile.name] = sStamp
    stamps[Store.tasksFile] = tStamp
    stamps[Store.staffingFile] = uStamp
    stamps[JournalFile.name] = jStamp
    let rolled = rollForward()
    return Revision(plan: plan, changedTasks: newTasks == nil ? rolled : nil, entries: [])
  }

  /// Journal entries at the end that the files do not show yet: a save cut short after its
  /// journal line was written (the journal goes first). The journal says what happened, so
  /// they are applied here, in memory, and written out with the next save. Returns the tasks
  /// they changed.
  private func rollForward() -> [Int] {
    rolledForward = false
    // A save in progress also has its journal line ahead of its files, and may yet undo it:
    // only a dead writer's line is rolled forward (or any, once this process holds the lock).
    if StoreLock.heldByAnother(in: folder) { return [] }
    var pending: [JournalEntry] = []
    for e in plan.journal.reversed() {
      guard !e.change.fields.isEmpty else { break }
      let now = e.change.fields.map { currentValue(e.change.target, $0.field) }
      if zip(now, e.change.fields).allSatisfy({ $0 == $1.after }) { break }
      guard zip(now, e.change.fields).allSatisfy({ $0 == $1.before }) else { break }
      pending.append(e)
    }
    guard !pending.isEmpty else { return [] }
    var touched: [Int] = []
    var units = staffing ?? StaffingTable.empty()
    let before = plan
    for e in pending.reversed() {
      // Every field was just seen holding its "before" value, so this cannot conflict.
      do {
        for i in try plan.apply(e.change) where !touched.contains(i) { touched.append(i) }
      } catch {
        break
      }
      if case .unit(let name) = e.change.target { units.apply(e.change, name: name, plan: plan) }
    }
    for edit in TaskEdit.between(before, plan, touched) { edit.write(into: &tasks) }
    staffing = units
    settingsRolledForward = plan.settings != before.settings
    rolledForward = true
    notices.append(.rolledForward(journal: path(JournalFile.name), count: pending.count))
    return touched
  }

  /// A field's value in the store now (or in `plan`).
  private func currentValue(_ target: ChangeTarget, _ field: ChangeField, in plan: Plan? = nil) -> FieldValue {
    let plan = plan ?? self.plan
    switch (target, field) {
    case (.task(let id), .task(let f)):
      return plan.task(id)?.value(of: f) ?? .none
    case (.unit(let name), .unit(let f)):
      guard let u = plan.staffing.first(where: { $0.name == name }) else { return .none }
      switch f {
      case .unit, .enforcement, .reviewers: return u.value(of: f)
      // Never taken as made already: `Plan.apply` checks a rename or a retirement itself.
      case .name, .retired: return .none
      }
    case (.plan, .plan(.groups)):
      return .names(plan.settings.groups)
    default:
      // A plan-wide rename holds when its new name is there and its old one gone: see `Plan.apply`.
      return .none
    }
  }

  /// Picks up changes other people saved since this store was read: the new version, or nil
  /// when nothing changed.
  public func reloadIfChanged() throws(StoreError) -> Revision? { try readAll(force: false) }

  /// True when a file on disk differs from what this store last read.
  public var changedOnDisk: Bool {
    [SettingsFile.name, Store.tasksFile, Store.staffingFile, JournalFile.name].contains {
      FileIO.stamp(path($0)) != stamps[$0]
    }
  }

  // MARK: Saving

  /// Saves `changes` as one step: under the lock, onto the latest disk state, journal first.
  /// Each field is checked against what is on disk now: one that already holds its new value
  /// is no change (not journaled; a change left with no field is dropped), one that holds
  /// neither its old nor its new value was changed by someone else, and the save is refused
  /// with `.busy` (exit 75). A file on disk that no longer parses refuses it with `.badData`.
  /// Refused or failed, nothing is written. Returns the plan as saved and the tasks touched.
  /// `imported`: an import's summary, journaled after its changes in the same write.
  @discardableResult
  public func commit(
    _ changes: [Change], by who: String, at time: String = Clock.nowISO(), imported: ImportSummary? = nil
  ) throws(StoreError) -> Revision {
    settle()
    let lock = try StoreLock.acquire(in: folder)
    defer { lock.release() }
    removeStaleTempFiles()
    _ = try readAll(force: false)
    var draft = try prepare(changes, by: who, at: time)
    if let imported, !draft.entries.isEmpty {
      draft.entries.append(
        JournalEntry(
          seq: (draft.entries.last?.seq ?? 0) + 1, at: time, by: who,
          change: Change(op: "import", target: .plan, fields: []), imported: imported))
    }
    // A change rolled forward from the journal at reading is written out with any save.
    guard !draft.entries.isEmpty || rolledForward else { return Revision(plan: plan, changedTasks: [], entries: []) }
    let undo = apply(draft)
    do {
      try write(draft)
    } catch {
      undo.putBack(into: &tasks)
      throw error
    }
    return publish(draft)
  }

  /// A save worked out before anything is touched: the plan with the changes applied, the
  /// changes as they will be journaled, and what they touch.
  private struct Draft {
    var plan: Plan
    var changes: [Change] = []
    var entries: [JournalEntry] = []
    var touchedTasks: [Int] = []
    /// What to write into the tasks table's rows.
    var taskEdits: [TaskEdit] = []
    var tasksFile = false
    var staffingFile = false
    var settingsFile = false
  }

  /// Step 1: each change checked against the plan as it is on disk now and applied to a copy
  /// of it (a cheap one: see `TaskList`), fields that already hold their new value dropped.
  private func prepare(_ changes: [Change], by who: String, at time: String) throws(StoreError) -> Draft {
    var d = Draft(plan: plan)
    var seq = plan.journal.last?.seq ?? 0
    for var c in changes {
      let before = d.plan
      switch c.target {
      case .task where c.fields.contains(where: { $0.field == .task(.id) && $0.before.isEmpty }):
        break  // A new task: every field is new.
      case .task, .unit:
        c.fields.removeAll { currentValue(c.target, $0.field, in: d.plan) == $0.after }
        if c.fields.isEmpty { continue }
      case .plan:
        break
      }
      let touched: [Int]
      do {
        touched = try d.plan.apply(c)
      } catch {
        throw conflictError(error)
      }
      // A plan-wide change that found everything already as it asks (made twice) is no change.
      if case .plan = c.target, touched.isEmpty, d.plan.settings == before.settings { continue }
      for i in touched where !d.touchedTasks.contains(i) { d.touchedTasks.append(i) }
      if case .unit = c.target { d.staffingFile = true }
      seq += 1
      d.changes.append(c)
      d.entries.append(JournalEntry(seq: seq, at: time, by: who, change: c))
    }
    d.taskEdits = TaskEdit.between(plan, d.plan, d.touchedTasks)
    d.tasksFile = !d.taskEdits.isEmpty
    d.settingsFile = d.plan.settings != plan.settings
    if rolledForward {
      d.tasksFile = true
      d.staffingFile = d.staffingFile || staffing != nil
      d.settingsFile = d.settingsFile || settingsRolledForward
    }
    return d
  }

  /// What step 2 changed in the tasks table, to put back if writing fails.
  private struct TableUndo {
    /// Records as they were before their first change, when only fields of existing rows changed.
    var records: [(Int, CSVRecord)] = []
    /// The whole table as it was, when rows or columns were added (rare: an import, a new task).
    var whole: TaskTable?

    func putBack(into table: inout TaskTable) {
      if let whole {
        table = whole
        return
      }
      for (k, r) in records.reversed() { table.doc.records[k] = r }
    }
  }

  /// Step 2: the changes written into the tasks table's records, in place (a copy of a large
  /// file's records would cost more than the rest of the save), keeping what is needed to put
  /// them back. The staffing table and plan.ini are small and are changed on copies in `write`.
  private func apply(_ d: Draft) -> TableUndo {
    var undo = TableUndo()
    let onlyFields = d.taskEdits.allSatisfy { e in
      !e.isNew && e.fields.allSatisfy { tasks.hasColumn($0.field) }
    }
    if !onlyFields { undo.whole = tasks }
    for e in d.taskEdits {
      if onlyFields, let i = tasks.taskOf[e.task.id] {
        let k = tasks.rowOf[i]
        undo.records.append((k, tasks.doc.records[k]))
      }
      e.write(into: &tasks)
    }
    return undo
  }

  /// Step 3: the journal first (it says what the files will say), then each file replaced
  /// whole. If any step fails, every step before it is undone, so nothing looks saved that is not.
  private func write(_ d: Draft) throws(StoreError) {
    var units = staffing ?? StaffingTable.empty()
    for c in d.changes { if case .unit(let name) = c.target { units.apply(c, name: name, plan: d.plan) } }
    var settingsBytes: [UInt8] = []
    if d.settingsFile {
      let old = (try? FileIO.read(path(SettingsFile.name))) ?? []
      settingsBytes = SettingsFile.updating(old, to: d.plan.settings)
    }
    let mark = try setTornTailAside()
    let journalBytes = journalLine(d.entries)
    var replaced: [FileIO.Replaced] = []
    do {
      if !journalBytes.isEmpty { try FileIO.append(path(JournalFile.name), journalBytes) }
      if d.tasksFile {
        let doc = tasks.doc
        replaced.append(
          try FileIO.replaceKeepingOld(folder, Store.tasksFile) { (w) throws(StoreError) in
            try doc.write { (piece) throws(StoreError) in try w.write(piece) }
          })
      }
      if d.staffingFile {
        replaced.append(try FileIO.replaceKeepingOld(folder, Store.staffingFile, with: units.doc.serialized()))
      }
      if d.settingsFile {
        replaced.append(try FileIO.replaceKeepingOld(folder, SettingsFile.name, with: settingsBytes))
      }
    } catch {
      for r in replaced.reversed() { r.restore() }
      try? FileIO.truncate(path(JournalFile.name), to: mark)
      throw error
    }
    if removesOldVersionsLater {
      let old = replaced
      removing = Background { for r in old { r.discard() } }
    } else {
      for r in replaced { r.discard() }
    }
    if d.staffingFile { staffing = units }
    noteJournalAppended(journalBytes)
    // What is now on disk is exactly what is in hand: keep it, with the files' new stamps,
    // rather than reading and parsing every file again. The lock is still held, so nobody
    // else has written meanwhile.
    if d.tasksFile { stamps[Store.tasksFile] = FileIO.stamp(path(Store.tasksFile)) }
    if d.staffingFile { stamps[Store.staffingFile] = FileIO.stamp(path(Store.staffingFile)) }
    if d.settingsFile { stamps[SettingsFile.name] = FileIO.stamp(path(SettingsFile.name)) }
  }

  /// Step 4: the saved plan becomes the store's, and goes to the caller with what it touched.
  private func publish(_ d: Draft) -> Revision {
    rolledForward = false
    var p = d.plan
    p.journal += d.entries
    plan = p
    gitCommitFailure = Git.commitSave(
      in: self, entries: d.entries, tasks: d.tasksFile, staffing: d.staffingFile, settings: d.settingsFile)
    return Revision(plan: p, changedTasks: d.touchedTasks, entries: d.entries)
  }

  /// Records an append made under the lock: where the next one goes, and the new stamp.
  private func noteJournalAppended(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    journalValidLength += bytes.count
    journalLines += CSVDocument.lineCount(bytes) - 1
    stamps[JournalFile.name] = FileIO.stamp(path(JournalFile.name))
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
    guard !entries.isEmpty else { return [] }
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
      guard case .task(let f) = c.field, f != .id else {
        return StoreError(.noInput, .noTask(id), file: path(Store.tasksFile))
      }
      return StoreError(.busy, .taskChangedMeanwhile(id: id, field: f, now: c.found), file: path(Store.tasksFile))
    case .unit(let u):
      return StoreError(.busy, .unitChangedMeanwhile(u), file: path(Store.staffingFile))
    case .plan:
      return StoreError(.busy, .planChangedMeanwhile, file: folder)
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

/// What a save writes into one row of the tasks file: the fields of a task that differ from
/// the version before, or a whole new row.
struct TaskEdit {
  let task: PlanTask
  let index: Int
  let isNew: Bool
  /// Each changed field and the text its cell gets.
  let fields: [(field: TaskField, value: String)]

  /// The edits that take the tasks file from `old`'s tasks to `new`'s, for the tasks at `touched`.
  static func between(_ old: Plan, _ new: Plan, _ touched: [Int]) -> [TaskEdit] {
    touched.map { i in
      let t = new.tasks[i]
      guard i < old.tasks.count, old.tasks[i].id == t.id else {
        return TaskEdit(task: t, index: i, isNew: true, fields: [])
      }
      let was = old.tasks[i]
      var fields: [(TaskField, String)] = []
      for f in TaskField.own where f != .id && was.value(of: f) != t.value(of: f) {
        fields.append((f, t.value(of: f).text))
      }
      for k in Set(was.extras.keys).union(t.extras.keys).sorted() where was.extras[k] != t.extras[k] {
        fields.append((.extra(k), t.extras[k] ?? ""))
      }
      return TaskEdit(task: t, index: i, isNew: false, fields: fields)
    }.filter { $0.isNew || !$0.fields.isEmpty }
  }

  func write(into table: inout TaskTable) {
    if isNew || table.taskOf[task.id] == nil {
      table.append(task, index: index)
      return
    }
    for (f, v) in fields { table.set(id: task.id, field: f, to: v) }
  }
}
