import Model

/// What the dashboard showed of a task or a unit when an edit of it began. The edit's change
/// is made from this, not from the plan as read again since: its "before" values are what the
/// user saw, so the store refuses it (as it refuses the command line's, exit 75) when someone
/// else changed one of those fields meanwhile, instead of saving over their change.
public enum Shown: Equatable, Sendable {
  case task(PlanTask)
  case unit(StaffingUnit)

  /// A plan holding only what was shown, for the edits (`Plan.setNote`, `markDone`, …) to
  /// read their "before" values from.
  func plan(_ settings: PlanSettings) -> Plan {
    switch self {
    case .task(let t): Plan(settings: settings, tasks: [t])
    case .unit(let u): Plan(settings: settings, tasks: [], staffing: [u])
    }
  }
}

/// A save asked for and not answered yet: what its changes were made from (nil: something
/// new), and the changes.
struct Saving: Sendable {
  let shown: Shown?
  let changes: [Change]
}

/// The row under the cursor as it was before a reload changed it. A key that acts at once,
/// pressed before the user can have seen the new row, acts on the old one (and the store
/// refuses it if it collides). It lasts until the dashboard has sat one quiet poll (about a
/// second) on the new row, and only while the cursor stays where the reload left it.
struct ChangedUnderCursor: Sendable {
  let shown: Shown
  let view: View
  let row: Int
  /// Quiet polls (`.idle`) since the reload, the poll that read it included.
  var polls = 0
}

extension AppState {
  /// The task or unit under the cursor, as on screen now.
  var underCursor: Shown? {
    if let u = selectedUnit { return .unit(u) }
    if let i = selectedTaskIndex { return .task(plan.tasks[i]) }
    return nil
  }

  /// What a key that acts at once (Space, s, b, D, t, R, +, -) acts on: the row as it was a
  /// moment ago when a reload has just changed it under the cursor, else as it is.
  var aimedAt: Shown? {
    if let m = changedUnderCursor, m.view == view, m.row == listSelection { return m.shown }
    return underCursor
  }

  /// What `shown` is in the plan now (nil: gone).
  func now(_ shown: Shown) -> Shown? {
    switch shown {
    case .task(let t): plan.task(t.id).map(Shown.task)
    case .unit(let u): plan.unitIndex(u.name).map { .unit(plan.staffing[$0]) }
    }
  }

  /// The plan an edit's change is made from: what was shown (nil: the plan, for something new).
  func basis(_ shown: Shown?) -> Plan { shown?.plan(plan.settings) ?? plan }

  /// After a reload: remembers the row under the cursor as it was (`was`) when the reload
  /// changed it.
  mutating func noteChange(underCursor was: Shown?) {
    guard let was, now(was) != was else {
      changedUnderCursor = nil
      return
    }
    changedUnderCursor = ChangedUnderCursor(shown: was, view: view, row: listSelection)
  }

  /// A quiet poll: the row changed under the cursor has now been on screen for one.
  mutating func quietPoll() {
    guard var m = changedUnderCursor else { return }
    m.polls += 1
    changedUnderCursor = m.polls > 1 ? nil : m
  }

  /// A save refused because someone else changed the same field first, in words: what it
  /// holds now and, from the journal, who saved it and when. Nil for any other failure.
  /// `saving` is the refused save.
  func changedFirst(_ e: StoreError, saving: Saving?) -> String? {
    guard e.kind == .busy else { return nil }
    let p = Phrases(words)
    switch e.reason {
    case .taskChangedMeanwhile(let id, let field, let value):
      let target = words.target(.task(id))
      let by = latestEntry(.task(id), setting: .task(field), to: value)
      if by?.change.op == "add" { return words.addedFirst(target, by: by?.by, at: by.map(when)) }
      return words.changedFirst(
        target, field: p.field(.task(field)), now: p.value(value), by: by?.by, at: by.map(when))
    case .unitChangedMeanwhile(let name):
      let target = words.target(.unit(name))
      guard let i = plan.unitIndex(name) else {
        // Renamed (or taken away) by someone else.
        let renamed = plan.journal.last { $0.change.target == .unit(name) && $0.change.op == "unit_rename" }
        let to = renamed?.change.fields.first?.after ?? .none
        return words.changedFirst(
          target, field: p.field(.unit(.name)), now: p.value(to), by: renamed?.by, at: renamed.map(when))
      }
      // The field the store found neither as it was asked from nor as it was asked to be.
      let u = plan.staffing[i]
      let asked = saving?.changes.first { $0.target == .unit(name) }?.fields ?? []
      let field =
        asked.lazy.compactMap { f -> UnitField? in
          guard case .unit(let k) = f.field, k != .unit else { return nil }
          return u.value(of: k) != f.before && u.value(of: k) != f.after ? k : nil
        }.first ?? .reviewers
      let value = u.value(of: field)
      let by = latestEntry(.unit(name), setting: .unit(field), to: value)
      return words.changedFirst(target, field: p.field(.unit(field)), now: p.value(value), by: by?.by, at: by.map(when))
    default:
      return nil
    }
  }

  /// The latest journal entry that gave `field` of `target` the value it holds now; nil when
  /// the latest to change it gave another (a change made outside sanxiang is in no entry).
  func latestEntry(_ target: ChangeTarget, setting field: ChangeField, to value: FieldValue) -> JournalEntry? {
    guard
      let e = plan.journal.last(where: { $0.change.target == target && $0.change.fields.contains { $0.field == field } }
      ),
      e.change.fields.first(where: { $0.field == field })?.after == value
    else { return nil }
    return e
  }

  /// When an entry was saved: the time of day, with the date when it is not the day shown.
  func when(_ e: JournalEntry) -> String {
    let time = String(e.at.dropFirst(11).prefix(5))
    return e.day == today ? time : String(e.at.prefix(10)) + " " + time
  }
}
