/// A field of a task: one of the plan's own, or a column a user added (in a spreadsheet, or
/// kept from an import), by its header's name. The names the store writes for them are in
/// one table, with the Chinese a spreadsheet user may type instead (`Columns`, in the store).
public enum TaskField: Hashable, Sendable {
  case id
  case group
  case theme
  case measure
  /// 具体要求, where a table has that column.
  case requirement
  case lead
  case support
  case deadline
  case status
  case completedOn
  case eventOn
  case note
  /// A column the program does not know, by its header's name.
  case extra(String)

  /// The plan's own fields, in the order a new store's columns have them.
  public static let own: [TaskField] = [
    .id, .group, .theme, .measure, .requirement, .lead, .support, .deadline, .status, .completedOn, .eventOn, .note,
  ]

  /// The fields that say what the task is, which the table it came from defines: an import
  /// owns them (everything else belongs to the people using the store), and editing a task
  /// changes them.
  public static let defining: [TaskField] = [.group, .theme, .measure, .requirement, .lead, .support, .deadline]

  public var isOwn: Bool {
    if case .extra = self { return false }
    return true
  }
}

/// A field of a staffing unit, as a change to `.unit(name)` names it.
public enum UnitField: Hashable, Sendable, CaseIterable {
  /// The unit itself: from no value to its name when it is added, back when that is undone.
  case unit
  /// Its name, when it is renamed.
  case name
  case enforcement
  case reviewers
  /// Merged away: kept in the file, out of the rule's checks.
  case retired
}

/// A field of the plan as a whole, as a change to `.plan` names it.
public enum PlanField: Hashable, Sendable, CaseIterable {
  /// A group: added (from no value), renamed with every task in it, or taken away again.
  case group
  /// The groups' order.
  case groups
  /// A department's name in every task that names it.
  case department
}

/// What one field change is about: a task's field, a unit's or the plan's (as the change's
/// target says).
public enum ChangeField: Hashable, Sendable {
  case task(TaskField)
  case unit(UnitField)
  case plan(PlanField)
}

/// A field's value in a change, as the type it has: a status stays a `TaskStatus` from the
/// edit to the journal line, where it is written as its token. `none` is no value (an empty
/// cell, a date not set).
///
/// Two values are the same when the store would write the same text for them: the store holds
/// text, and a change is checked against what the disk holds. So an empty text is `none`, and
/// a deadline is its phrase (how it reads is worked out from the phrase).
public enum FieldValue: Sendable {
  case none
  /// A text: a measure, a note, a group's or a unit's name, a deadline's phrase, an id.
  case text(String)
  case departments(Departments)
  case status(TaskStatus)
  case day(Day)
  case count(Int)
  /// A unit retired.
  case yes
  /// The groups in order.
  case names([String])

  /// The text the store writes for it ("" for none).
  public var text: String {
    switch self {
    case .none: ""
    case .text(let s): s
    case .departments(let d): d.cell
    case .status(let s): s.rawValue
    case .day(let d): d.description
    case .count(let n): String(n)
    case .yes: "yes"
    case .names(let names): names.joined(separator: "\n")
    }
  }

  public var isEmpty: Bool { text.isEmpty }

  /// `text` read back as the value `field` holds; text that does not read as one (a journal
  /// line edited by hand) is kept as text.
  public init(_ text: String, as field: ChangeField) {
    guard !text.isEmpty else {
      self = .none
      return
    }
    switch field {
    case .task(.lead), .task(.support): self = .departments(Departments(cell: text))
    case .task(.status): self = TaskStatus(rawValue: text).map(FieldValue.status) ?? .text(text)
    case .task(.completedOn), .task(.eventOn): self = Day(iso: text).map(FieldValue.day) ?? .text(text)
    case .unit(.enforcement), .unit(.reviewers): self = Int(text).map(FieldValue.count) ?? .text(text)
    case .unit(.retired): self = .yes
    case .plan(.groups): self = .names(text.split(separator: "\n").map(String.init))
    default: self = .text(text)
    }
  }

  /// A day, or none.
  public init(_ day: Day?) { self = day.map(FieldValue.day) ?? .none }
}

extension FieldValue: Hashable {
  public static func == (a: FieldValue, b: FieldValue) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)): x == y
    case (.status(let x), .status(let y)): x == y
    case (.day(let x), .day(let y)): x == y
    case (.count(let x), .count(let y)): x == y
    default: a.text == b.text
    }
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension PlanTask {
  /// A field's value.
  public func value(of field: TaskField) -> FieldValue {
    switch field {
    case .id: .text(id)
    case .group: .text(group)
    case .theme: .text(theme)
    case .measure: .text(measure)
    case .requirement: .text(requirement)
    case .lead: .departments(lead)
    case .support: .departments(support)
    case .deadline: .text(deadline.text)
    case .status: .status(status)
    case .completedOn: FieldValue(completedOn)
    case .eventOn: FieldValue(eventOn)
    case .note: .text(note)
    case .extra(let name): extras[name].map(FieldValue.text) ?? .none
    }
  }

  /// Sets a field as the store will read it back (values were validated when they entered the
  /// program): departments as their cell reads, a deadline from its phrase.
  public mutating func set(_ field: TaskField, _ value: FieldValue) {
    let text = value.text
    switch field {
    case .id: break
    case .group: group = text
    case .theme: theme = text
    case .measure: measure = text
    case .requirement: requirement = text
    case .lead: lead = Departments(cell: text)
    case .support: support = Departments(cell: text)
    case .deadline: deadline = Deadline(text)
    case .status:
      if case .status(let s) = value { status = s } else { status = TaskStatus(token: text) ?? status }
    case .completedOn: completedOn = Day(iso: text)
    case .eventOn: eventOn = Day(iso: text)
    case .note: note = text
    case .extra(let name): extras[name] = text.isEmpty ? nil : text
    }
  }
}

extension StaffingUnit {
  /// A field's value.
  public func value(of field: UnitField) -> FieldValue {
    switch field {
    case .unit, .name: .text(name)
    case .enforcement: .count(enforcement)
    case .reviewers: .count(reviewers)
    case .retired: retired ? .yes : .none
    }
  }

  mutating func set(_ field: UnitField, _ value: FieldValue) {
    switch (field, value) {
    case (.enforcement, .count(let n)): enforcement = n
    case (.enforcement, _): enforcement = Int(value.text) ?? 0
    case (.reviewers, .count(let n)): reviewers = n
    case (.reviewers, _): reviewers = Int(value.text) ?? 0
    case (.retired, _): retired = !value.isEmpty
    case (.unit, _), (.name, _): break
    }
  }
}
