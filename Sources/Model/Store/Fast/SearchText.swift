/// The tasks' searchable text, lowercased once per plan, so that each keystroke of an
/// incremental search is a byte scan instead of lowercasing and matching every field again.
///
/// A search matches a task when one of its fields, lowercased, contains the lowercased query
/// as `String.contains` decides (by `Character`, up to canonical equivalence). A byte scan
/// decides the same for "plain" text: ASCII (no CR) and the CJK, full-width and general
/// punctuation blocks, where every character is one scalar that no other scalar combines
/// with or is canonically equal to. For anything else `matches` returns nil and the caller
/// compares the strings itself.
public struct SearchText: Sendable {
  private let bytes: [UInt8]
  private let starts: [Int]
  private let plain: [Bool]
  /// Tasks changed since the text was made: their text, kept apart from the rest.
  private var changed: [Int: SearchText] = [:]

  /// The fields a search looks at, in the order the dashboard checks them.
  public static func fields(_ t: PlanTask) -> [String] {
    var out: [String] = []
    withFields(t) { out.append(String(decoding: $0, as: UTF8.self)) }
    return out
  }

  /// Each of `fields`' UTF-8, in order; the free texts straight from the file's bytes.
  static func withFields(_ t: PlanTask, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    func string(_ s: String) {
      var s = s
      s.withUTF8(body)
    }
    string(t.id)
    t.measureText.withUTF8(body)
    string(t.lead.cell)
    string(t.support.cell)
    t.noteText.withUTF8(body)
    string(t.deadline.text)
    t.requirementText.withUTF8(body)
  }

  /// The general rule, by `String`: some field, lowercased, contains `query` (lowercased).
  public static func fieldsContain(_ t: PlanTask, _ query: String) -> Bool {
    fields(t).contains { $0.lowercased().contains(query) }
  }

  public init(_ tasks: [PlanTask]) { self.init(TaskList(tasks)) }

  public init(_ tasks: TaskList) {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    var plain: [Bool] = []
    starts.reserveCapacity(tasks.count + 1)
    plain.reserveCapacity(tasks.count)
    // Each task read where it lies (binding `tasks[i]` to a name would copy it).
    do {
      for i in tasks.indices {
        starts.append(bytes.count)
        var allPlain = true
        SearchText.withFields(tasks[i]) { b in
          // Fields are kept apart by NUL, which no store text or typed query holds.
          bytes.append(0)
          // Plain text without capitals is its own lowercase: copy it (most of a Chinese plan).
          if SearchText.isPlain(b, capitals: false) {
            bytes.append(contentsOf: b)
            return
          }
          let from = bytes.count
          bytes += String(decoding: b, as: UTF8.self).lowercased().utf8
          allPlain =
            allPlain && bytes.withUnsafeBufferPointer { SearchText.isPlain(UnsafeBufferPointer(rebasing: $0[from...])) }
        }
        plain.append(allPlain)
      }
    }
    starts.append(bytes.count)
    self.bytes = bytes
    self.starts = starts
    self.plain = plain
  }

  /// Takes task `i`'s new text (after a save changed it).
  public mutating func update(_ i: Int, _ t: PlanTask) { changed[i] = SearchText([t]) }

  /// Whether task `i` matches `query` (already lowercased); nil when only `String` can tell.
  public func matches(_ i: Int, _ query: [UInt8]) -> Bool? {
    if !changed.isEmpty, let one = changed[i] { return one.matches(0, query) }
    guard plain[i] else { return nil }
    let n = query.count
    if n == 0 { return true }
    // Not a scan for the first byte: in Chinese text the lead byte of "制" (0xE5) starts a
    // third of all characters, so such a scan stops almost everywhere.
    return bytes.withUnsafeBufferPointer { b -> Bool in
      query.withUnsafeBufferPointer { q in Native.contains(b, starts[i], starts[i + 1], q) }
    }
  }

  /// A query the byte scan can answer for: plain, and no NUL, CR or LF.
  public static func plainQuery(_ q: String) -> [UInt8]? {
    let b = Array(q.utf8)
    guard !b.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
    return b.withUnsafeBufferPointer { isPlain($0) } ? b : nil
  }

  /// Whether `b` is plain text (see the type's comment); with `capitals: false`, also without
  /// ASCII or full-width (Ａ–Ｚ) capital letters, so that it is its own lowercase.
  static func isPlain(_ b: UnsafeBufferPointer<UInt8>, capitals: Bool = true) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        if c == 0x0D || (!capitals && c >= 0x41 && c <= 0x5A) { return false }
        i += 1
        continue
      }
      guard c >= 0xE2 && c <= 0xEF, i + 2 < n else { return false }
      let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
      if !capitals && v >= 0xFF21 && v <= 0xFF3A { return false }
      switch v {
      case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF9D,
        0xFFA0...0xFFEF:
        i += 3
      default: return false
      }
    }
    return true
  }
}
