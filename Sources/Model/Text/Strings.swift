extension JournalEntry {
  /// When, to the minute, as people read it: "2019-09-19 09:05".
  public var minute: String { String(at.prefix(16)).replacing("T", with: " ") }
}
