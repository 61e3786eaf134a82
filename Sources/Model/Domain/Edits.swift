/// The edits people make, as changes to save. Shared by the command line and the dashboard so
/// that "done" means the same everywhere. Each returns nil when there is nothing to change.
extension Plan {
  public func markDone(_ id: String, on day: Day, note: String? = nil) -> Change? {
    guard let t = task(id) else { return nil }
    var fields: [FieldChange] = []
    if t.status != .done { fields.append(FieldChange("status", t.status.rawValue, TaskStatus.done.rawValue)) }
    if t.status != .done || t.completedOn == nil {
      fields.append(FieldChange("completed_on", t.value(of: "completed_on"), day.description))
    }
    if let note, note != t.note { fields.append(FieldChange("note", t.note, note)) }
    return fields.isEmpty ? nil : Change(op: "done", target: .task(id), fields: fields)
  }

  /// Back to open (or to `status`), clearing the completion date.
  public func setStatus(_ id: String, _ status: TaskStatus, note: String? = nil) -> Change? {
    guard let t = task(id) else { return nil }
    if status == .done { return nil }
    var fields: [FieldChange] = []
    if t.status != status { fields.append(FieldChange("status", t.status.rawValue, status.rawValue)) }
    if t.completedOn != nil { fields.append(FieldChange("completed_on", t.value(of: "completed_on"), "")) }
    if let note, note != t.note { fields.append(FieldChange("note", t.note, note)) }
    guard !fields.isEmpty else { return nil }
    let op =
      switch status {
      case .open: "reopen"
      case .inProgress: "start"
      case .blocked: "block"
      case .done: "done"
      }
    return Change(op: op, target: .task(id), fields: fields)
  }

  public func setNote(_ id: String, _ text: String) -> Change? {
    guard let t = task(id), t.note != text else { return nil }
    return Change(op: "note", target: .task(id), fields: [FieldChange("note", t.note, text)])
  }

  /// Records that the awaited event happened; a blocked task becomes open again.
  public func trigger(_ id: String, on day: Day) -> Change? {
    guard let t = task(id), t.eventOn != day else { return nil }
    var fields = [FieldChange("event_on", t.value(of: "event_on"), day.description)]
    if t.status == .blocked { fields.append(FieldChange("status", t.status.rawValue, TaskStatus.open.rawValue)) }
    return Change(op: "trigger", target: .task(id), fields: fields)
  }

  /// Sets a unit's counts, adding the unit when it is new.
  public func setStaffing(_ name: String, enforcement: Int?, reviewers: Int?) -> Change? {
    let existing = staffing.first { $0.name == name }
    var fields: [FieldChange] = []
    if existing == nil { fields.append(FieldChange(Change.unitExists, "", name)) }
    if let e = enforcement, e != existing?.enforcement {
      fields.append(FieldChange("enforcement", existing.map { String($0.enforcement) } ?? "", String(e)))
    }
    if let r = reviewers, r != existing?.reviewers {
      fields.append(FieldChange("reviewers", existing.map { String($0.reviewers) } ?? "", String(r)))
    }
    return fields.isEmpty ? nil : Change(op: "staffing", target: .unit(name), fields: fields)
  }

  /// The latest journal entry not yet undone (undos and imports are not undone), and the
  /// change that reverts it.
  public func undoCandidate() -> (entry: JournalEntry, change: Change)? {
    let undone = Set(journal.compactMap { $0.change.undoes })
    guard
      let e = journal.last(where: {
        $0.change.op != "undo" && $0.change.op != "import" && !$0.change.fields.isEmpty && !undone.contains($0.seq)
      })
    else { return nil }
    return (e, e.change.inverse(undoing: e.seq))
  }

  /// A task's journal entries, oldest first.
  public func history(of id: String) -> [JournalEntry] { journal.filter { $0.change.target == .task(id) } }
}
