import Synchronization

/// Deadline phrases read once per process, shared by every store it reads: a roll-up reads
/// hundreds of copies of one plan with the same undated phrases (待市局明确后…, 每年3月31日),
/// and reading them again per store, a character at a time, was a fifth of its time. Each
/// file's reader still asks its own cache first; this is asked only on that cache's misses.
/// The grammar reads a phrase the same wherever it comes from, so sharing changes nothing.
enum DeadlineMemo {
  private static let readings = Mutex<[String: DeadlineKind]>([:])
  /// Enough for every phrase of many plans; past it, phrases are read and not kept.
  static let limit = 4096

  static func kind(_ text: String, reading: (String) -> DeadlineKind) -> DeadlineKind {
    if let known = readings.withLock({ $0[text] }) { return known }
    let kind = reading(text)
    readings.withLock { if $0.count < limit { $0[text] = kind } }
    return kind
  }
}
