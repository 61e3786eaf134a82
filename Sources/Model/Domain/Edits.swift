/// The edits people make, as changes to save. Shared by the command line and the dashboard so
/// that "done" means the same everywhere. Each returns nil when there is nothing to change.
extension Plan {
  public func markDone(_ id: String, on day: Day, note: String? = nil) -> Change? {
    guard let t = task(id) else { return nil }
    var fields: [FieldChange] = []
    if t.status != .done { fields.append(FieldChange(.status, .status(t.status), .status(.done))) }
    if t.status != .done || t.completedOn == nil {
      fields.append(FieldChange(.completedOn, FieldValue(t.completedOn), .day(day)))
    }
    if let note, note != t.note { fields.append(FieldChange(.note, .text(t.note), .text(note))) }
    return fields.isEmpty ? nil : Change(op: "done", target: .task(id), fields: fields)
  }

  /// Back to open (or to `status`), clearing the completion date.
  public func setStatus(_ id: String, _ status: TaskStatus, note: String? = nil) -> Change? {
    guard let t = task(id) else { return nil }
    if status == .done { return nil }
    var fields: [FieldChange] = []
    if t.status != status { fields.append(FieldChange(.status, .status(t.status), .status(status))) }
    if t.completedOn != nil { fields.append(FieldChange(.completedOn, FieldValue(t.completedOn), .none)) }
    if let note, note != t.note { fields.append(FieldChange(.note, .text(t.note), .text(note))) }
    guard !fields.isEmpty else { return nil }
    let op =
      switch status {
      case .open: "reopen"
      case .inProgress: "start"
      case .blocked: "block"
      case .done: "done"
      case .retired: "retire"
      }
    return Change(op: op, target: .task(id), fields: fields)
  }

  public func setNote(_ id: String, _ text: String) -> Change? {
    guard let t = task(id), t.note != text else { return nil }
    return Change(op: "note", target: .task(id), fields: [FieldChange(.note, .text(t.note), .text(text))])
  }

  /// Records that the awaited event happened; a blocked task becomes open again.
  public func trigger(_ id: String, on day: Day) -> Change? {
    guard let t = task(id), t.eventOn != day else { return nil }
    var fields = [FieldChange(.eventOn, FieldValue(t.eventOn), .day(day))]
    if t.status == .blocked { fields.append(FieldChange(.status, .status(t.status), .status(.open))) }
    return Change(op: "trigger", target: .task(id), fields: fields)
  }

  /// Sets a unit's counts, adding the unit when it is new.
  public func setStaffing(_ name: String, enforcement: Int?, reviewers: Int?) -> Change? {
    let existing = staffing.first { $0.name == name }
    var fields: [FieldChange] = []
    if existing == nil { fields.append(FieldChange(.unit(.unit), .none, .text(name))) }
    if let e = enforcement, e != existing?.enforcement {
      fields.append(FieldChange(.unit(.enforcement), existing?.value(of: .enforcement) ?? .none, .count(e)))
    }
    if let r = reviewers, r != existing?.reviewers {
      fields.append(FieldChange(.unit(.reviewers), existing?.value(of: .reviewers) ?? .none, .count(r)))
    }
    return fields.isEmpty ? nil : Change(op: "staffing", target: .unit(name), fields: fields)
  }

  // MARK: Keeping the plan itself

  /// A new task: each field it has goes from nothing to its value. Nil when its id is taken.
  public func addTask(_ t: PlanTask) -> Change? {
    guard task(t.id) == nil else { return nil }
    var fields = [FieldChange(.id, .none, .text(t.id))]
    for f in TaskField.own where f != .id && f != .status && !t.value(of: f).isEmpty {
      fields.append(FieldChange(f, .none, t.value(of: f)))
    }
    if t.status != .open { fields.append(FieldChange(.status, .none, .status(t.status))) }
    for (k, v) in t.extras.sorted(by: { $0.key < $1.key }) { fields.append(FieldChange(.extra(k), .none, .text(v))) }
    return Change(op: "add", target: .task(t.id), fields: fields)
  }

  /// The fields of task `edited.id` that `edited` changes (its text, group, departments,
  /// deadline, a user's own column); nil when none does.
  public func editTask(_ edited: PlanTask) -> Change? {
    guard let t = task(edited.id) else { return nil }
    var fields: [FieldChange] = []
    for f in TaskField.defining where t.value(of: f) != edited.value(of: f) {
      fields.append(FieldChange(f, t.value(of: f), edited.value(of: f)))
    }
    for k in Set(t.extras.keys).union(edited.extras.keys).sorted() where t.extras[k] != edited.extras[k] {
      fields.append(FieldChange(.extra(k), t.value(of: .extra(k)), edited.value(of: .extra(k))))
    }
    return fields.isEmpty ? nil : Change(op: "edit", target: .task(t.id), fields: fields)
  }

  /// Takes a task out of the plan's lists and counts; it stays in the file and its history.
  public func retire(_ id: String, note: String? = nil) -> Change? {
    guard let t = task(id), t.status != .retired else { return nil }
    var fields = [FieldChange(.status, .status(t.status), .status(.retired))]
    if let note, note != t.note { fields.append(FieldChange(.note, .text(t.note), .text(note))) }
    return Change(op: "retire", target: .task(id), fields: fields)
  }

  /// The id a new task in group `g` gets: the next number after the group's highest that no
  /// task has, else that number with a suffix ("12-1"); with no numbered task in the group,
  /// the next after the plan's highest.
  public func nextID(inGroup g: String) -> String {
    func number(_ id: String) -> Int? { Int(id).flatMap { $0 > 0 ? $0 : nil } }
    let mine = tasks.filter { $0.group == g }.compactMap { number($0.id) }
    let all = tasks.compactMap { number($0.id) }
    let top = mine.max() ?? all.max() ?? 0
    if task(String(top + 1)) == nil { return String(top + 1) }
    var k = 1
    while task("\(top)-\(k)") != nil { k += 1 }
    return "\(top)-\(k)"
  }

  /// A new working group, after the others.
  public func addGroup(_ name: String) -> Change? {
    guard !groups.contains(name) else { return nil }
    return Change(op: "group_add", target: .plan, fields: [FieldChange(.plan(.group), .none, .text(name))])
  }

  /// A group's new name; its tasks follow.
  public func renameGroup(_ old: String, to new: String) -> Change? {
    guard groups.contains(old), old != new, !groups.contains(new) else { return nil }
    return Change(op: "group_rename", target: .plan, fields: [FieldChange(.plan(.group), .text(old), .text(new))])
  }

  /// A group moved before `other` (to the end when nil).
  public func moveGroup(_ name: String, before other: String?) -> Change? {
    var order = groups
    guard let k = order.firstIndex(of: name), name != other else { return nil }
    order.remove(at: k)
    let at = other.flatMap { order.firstIndex(of: $0) } ?? order.count
    order.insert(name, at: at)
    guard order != groups else { return nil }
    return Change(
      op: "group_move", target: .plan,
      fields: [FieldChange(.plan(.groups), .names(groups), .names(order))])
  }

  /// A department's new name, in every lead and support cell that names it: one change.
  public func renameDepartment(_ old: String, to new: String) -> Change? {
    guard old != new, departments.contains(old) else { return nil }
    return Change(
      op: "department_rename", target: .plan, fields: [FieldChange(.plan(.department), .text(old), .text(new))])
  }

  /// A unit's new name.
  public func renameUnit(_ old: String, to new: String) -> Change? {
    guard old != new, unitIndex(old) != nil, unitIndex(new) == nil else { return nil }
    return Change(op: "unit_rename", target: .unit(old), fields: [FieldChange(.unit(.name), .text(old), .text(new))])
  }

  /// A unit merged away: left out of the rule's checks, kept in the file.
  public func retireUnit(_ name: String) -> Change? {
    guard let i = unitIndex(name), !staffing[i].retired else { return nil }
    return Change(op: "unit_retire", target: .unit(name), fields: [FieldChange(.unit(.retired), .none, .yes)])
  }

  /// Names in `names` that are almost `name`: the same after folding bracket and
  /// punctuation widths, or one character different (one changed, added or dropped):
  /// "稽査局" for "稽查局". A different number ("第一税务所", "第二税务所") or a different kind
  /// of unit at the end ("征收管理科", "征收管理股") names another unit, not a typo. `name`
  /// itself is not among them.
  public static func nearNames(_ name: String, among names: [String]) -> [String] {
    let numerals = Set("0123456789零〇一二三四五六七八九十百两")
    let kinds = Set("科股局所室处队组部办司厅委会站院中心")
    let a = Array(Plan.folded(name))
    return names.filter { other in
      guard other != name else { return false }
      let b = Array(Plan.folded(other))
      if a == b { return true }
      if a.count == b.count && a.count > 1 {
        let diff = a.indices.filter { a[$0] != b[$0] }
        guard diff.count == 1, let k = diff.first else { return false }
        if numerals.contains(a[k]) || numerals.contains(b[k]) { return false }
        return !(k == a.count - 1 && kinds.contains(a[k]) && kinds.contains(b[k]))
      }
      guard abs(a.count - b.count) == 1, min(a.count, b.count) > 1 else { return false }
      let (long, short) = a.count > b.count ? (a, b) : (b, a)
      var i = 0
      while i < short.count && long[i] == short[i] { i += 1 }
      return !numerals.contains(long[i]) && long[(i + 1)...].elementsEqual(short[i...])
    }
  }

  /// A name with full-width brackets and punctuation folded to half-width, spaces dropped.
  static func folded(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.compactMap { u in
          if u.properties.isWhitespace { return nil }
          if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0) }
          return u
        }))
  }

  /// Pairs of department or unit names in the plan that are almost the same (`check`).
  /// `departments` is the plan's `departments`, passed in because reading it reads every cell.
  public func nearDuplicateNames(departments: [String]) -> [(String, String)] {
    var out: [(String, String)] = []
    for list in [departments, staffing.map(\.name)] {
      for (k, a) in list.enumerated() {
        for b in Plan.nearNames(a, among: Array(list[(k + 1)...])) { out.append((a, b)) }
      }
    }
    return out
  }

  /// The latest journal entry not yet undone (undos and imports are not undone), and the
  /// change that reverts it.
  /// With `who`, their latest such entry.
  public func undoCandidate(by who: String? = nil) -> (entry: JournalEntry, change: Change)? {
    let undone = Set(journal.compactMap { $0.change.undoes })
    guard
      let e = journal.last(where: {
        $0.change.op != "undo" && $0.change.op != "import" && !$0.change.fields.isEmpty && !undone.contains($0.seq)
          && (who == nil || $0.by == who)
      })
    else { return nil }
    return (e, e.change.inverse(undoing: e.seq))
  }

  /// A task's journal entries, oldest first.
  public func history(of id: String) -> [JournalEntry] { journal.filter { $0.change.target == .task(id) } }
}
