/// What a change touched: a task by id, a staffing unit by name, or the plan itself.
public enum ChangeTarget: Hashable, Sendable {
  case task(String)
  case unit(String)
  case plan
}

/// One field's value before and after a change. Empty text stands for "no value".
public struct FieldChange: Hashable, Sendable {
  public var field: String
  public var before: String
  public var after: String

  public init(_ field: String, _ before: String, _ after: String) {
    self.field = field
    self.before = before
    self.after = after
  }
}

/// A change the program is about to make: the unit of saving, merging and undo.
public struct Change: Hashable, Sendable {
  public var op: String
  public var target: ChangeTarget
  public var fields: [FieldChange]
  /// For an undo: the journal sequence number it reverts.
  public var undoes: Int?

  public init(op: String, target: ChangeTarget, fields: [FieldChange], undoes: Int? = nil) {
    self.op = op
    self.target = target
    self.fields = fields
    self.undoes = undoes
  }

  public var isTask: Bool {
    if case .task = target { return true }
    return false
  }

  /// The change that puts every field back.
  public func inverse(undoing seq: Int) -> Change {
    Change(
      op: "undo", target: target, fields: fields.map { FieldChange($0.field, $0.after, $0.before) },
      undoes: seq)
  }

  /// Field names for a unit's existence: before "" / after the name means it was added.
  public static let unitExists = "unit"
}

/// One line of the append-only journal: when, who, what, before → after.
public struct JournalEntry: Hashable, Sendable {
  public var seq: Int
  /// The local time as written, ISO 8601 with offset ("2019-09-02T09:30:00+08:00").
  public var at: String
  public var by: String
  public var change: Change
  /// Free text for entries that are not field changes (an import's summary).
  public var message: String

  public init(seq: Int, at: String, by: String, change: Change, message: String = "") {
    self.seq = seq
    self.at = at
    self.by = by
    self.change = change
    self.message = message
  }

  /// The local calendar day of `at`.
  public var day: Day? { Day(iso: at.prefix(10)) }
}
