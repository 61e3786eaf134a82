/// What a change touched: a task by id, a staffing unit by name, or the plan itself.
public enum ChangeTarget: Hashable, Sendable {
  case task(String)
  case unit(String)
  case plan
}

/// One field's value before and after a change.
public struct FieldChange: Hashable, Sendable {
  public var field: ChangeField
  public var before: FieldValue
  public var after: FieldValue

  public init(_ field: ChangeField, _ before: FieldValue, _ after: FieldValue) {
    self.field = field
    self.before = before
    self.after = after
  }

  /// A task's field.
  public init(_ field: TaskField, _ before: FieldValue, _ after: FieldValue) {
    self.init(.task(field), before, after)
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
}

/// One line of the append-only journal: when, who, what, before → after.
public struct JournalEntry: Hashable, Sendable {
  public var seq: Int
  /// The local time as written, ISO 8601 with offset ("2019-09-02T09:30:00+08:00").
  public var at: String
  public var by: String
  public var change: Change
  /// Free text for entries that are not field changes. Only journals written before imports
  /// kept their summary as data have it (in English, which `ImportSummary(legacy:)` reads).
  public var message: String
  /// An import's counts, phrased in the reader's language when shown.
  public var imported: ImportSummary?

  public init(seq: Int, at: String, by: String, change: Change, message: String = "", imported: ImportSummary? = nil) {
    self.seq = seq
    self.at = at
    self.by = by
    self.change = change
    self.message = message
    self.imported = imported
  }

  /// The local calendar day of `at`.
  public var day: Day? { Day(iso: at.prefix(10)) }
}

/// What an import did, kept in its journal entry as counts (`source`, `tasks`, `groups`, or
/// `added`, `updated`, `vanished`) rather than as a sentence in one language.
public enum ImportSummary: Hashable, Sendable {
  /// A new store made from the table.
  case created(source: String, tasks: Int, groups: Int)
  /// The table read again into an existing store.
  case again(source: String, added: Int, updated: Int, vanished: Int)

  /// Reads the English sentence older versions wrote as the entry's message: "imported 35
  /// tasks in 4 groups from X" or "imported X again: 1 added, 2 updated, 0 no longer in the
  /// table". Nil for any other text.
  public init?(legacy message: String) {
    guard message.hasPrefix("imported ") else { return nil }
    let rest = message.dropFirst("imported ".count)
    if let again = rest.firstRange(of: " again: ") {
      let counts = rest[again.upperBound...].split(separator: ", ").map { $0.split(separator: " ", maxSplits: 1) }
      guard counts.count == 3, let a = Int(counts[0][0]), let u = Int(counts[1][0]), let v = Int(counts[2][0]) else {
        return nil
      }
      self = .again(source: String(rest[..<again.lowerBound]), added: a, updated: u, vanished: v)
      return
    }
    let words = rest.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
    guard words.count == 7, let t = Int(words[0]), words[1] == "tasks", words[2] == "in", let g = Int(words[3]),
      words[4] == "groups", words[5] == "from"
    else { return nil }
    self = .created(source: String(words[6]), tasks: t, groups: g)
  }
}
