extension ImportField {
  /// The task field a column of this role fills; nil for a column kept as one of the table's
  /// own (which its header names).
  public var taskField: TaskField? {
    switch self {
    case .id: .id
    case .group: .group
    case .theme: .theme
    case .measure: .measure
    case .requirement: .requirement
    case .lead: .lead
    case .support: .support
    case .deadline: .deadline
    case .extra: nil
    }
  }
}
