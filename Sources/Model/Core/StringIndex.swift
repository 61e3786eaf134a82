/// Strings to positions, equal keys as `String`s are equal (a plan's task ids). Most keys are
/// plain numbers ("1", "128"): those are held by their value in a table of integers, because
/// hashing 100,000 id strings was the largest single cost of reading a large plan. No string
/// other than the same digits is canonically equivalent to a string of ASCII digits (no
/// character decomposes to a digit), so the two tables never disagree with `String` equality.
/// Keys with a leading zero, letters or anything else go to a `Dictionary`.
struct StringIndex: Sendable {
  /// Open addressing: `keys[k]` is a key's value plus one (0 for an empty slot).
  private var keys: [UInt64] = []
  private var values: [Int] = []
  private var numbered = 0
  private var others: [String: Int] = [:]

  init() {}

  mutating func reserveCapacity(_ n: Int) {
    if n * 2 > keys.count { resize(to: n) }
  }

  subscript(id: String) -> Int? {
    guard let v = StringIndex.number(id) else { return others[id] }
    guard !keys.isEmpty else { return nil }
    let k = slot(v)
    return keys[k] == v &+ 1 ? values[k] : nil
  }

  /// Sets `id`'s position, returning the one it had. (Keys are never taken out.)
  @discardableResult mutating func updateValue(_ position: Int, forKey id: String) -> Int? {
    guard let v = StringIndex.number(id) else { return others.updateValue(position, forKey: id) }
    if (numbered + 1) * 2 > keys.count { resize(to: numbered + 1) }
    let k = slot(v)
    if keys[k] == v &+ 1 {
      defer { values[k] = position }
      return values[k]
    }
    keys[k] = v &+ 1
    values[k] = position
    numbered += 1
    return nil
  }

  /// The slot holding `v`, or the empty one where it would go. Numbers are placed by runs
  /// of 64 (the run hashed, the number's place in it kept): keys numbered 1, 2, 3… then
  /// fill slots in order, where scattering each key cost a cache miss apiece.
  @inline(__always) private func slot(_ v: UInt64) -> Int {
    let mask = keys.count - 1
    let run = ((v >> 6) &* 0x9E37_79B9_7F4A_7C15) >> 24
    var k = Int(truncatingIfNeeded: run << 6 | v & 63) & mask
    while keys[k] != 0 && keys[k] != v &+ 1 { k = (k + 1) & mask }
    return k
  }

  private mutating func insertFresh(_ key: UInt64, _ value: Int) {
    let k = slot(key &- 1)
    keys[k] = key
    values[k] = value
    numbered += 1
  }

  private mutating func resize(to n: Int) {
    var size = 64
    while size < n * 2 { size *= 2 }
    let (oldKeys, oldValues) = (keys, values)
    keys = [UInt64](repeating: 0, count: size)
    values = [Int](repeating: 0, count: size)
    numbered = 0
    for j in oldKeys.indices where oldKeys[j] != 0 { insertFresh(oldKeys[j], oldValues[j]) }
  }

  /// The key's value when it is a plain number: ASCII digits, no leading zero, at most 18.
  @inline(__always) static func number(_ id: String) -> UInt64? {
    var id = id
    return id.withUTF8 { b -> UInt64? in
      guard b.count > 0 && b.count <= 18 && (b[0] != 0x30 || b.count == 1) else { return nil }
      var v: UInt64 = 0
      for c in b {
        guard c >= 0x30 && c <= 0x39 else { return nil }
        v = v * 10 + UInt64(c - 0x30)
      }
      return v
    }
  }
}

extension StringIndex: Equatable {
  /// The same keys at the same positions, however the tables are laid out.
  static func == (a: StringIndex, b: StringIndex) -> Bool {
    guard a.numbered == b.numbered, a.others == b.others else { return false }
    for k in a.keys.indices where a.keys[k] != 0 {
      guard !b.keys.isEmpty, case let j = b.slot(a.keys[k] &- 1), b.keys[j] == a.keys[k], b.values[j] == a.values[k]
      else { return false }
    }
    return true
  }
}
