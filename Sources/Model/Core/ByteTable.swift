#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Values keyed by byte strings, found again by the same bytes without making a `String`.
/// The one hash table of the fast paths: the reader's caches of repeated cells (`ByteCache`)
/// and the search for distinct names (`DistinctStrings`) are both made of it.
///
/// Open addressing: a slot holds an entry's index plus one (0: empty); the keys' bytes sit
/// one after another in one buffer. Entries are never removed.
struct ByteTable<Value> {
  private var slots = [Int32](repeating: 0, count: 64)
  private var keyBytes: [UInt8] = []
  private var entries: [(hash: UInt64, start: Int, count: Int)] = []
  /// Each entry's value, in the order the entries were added.
  private(set) var values: [Value] = []

  init() {}

  var count: Int { values.count }

  /// The entry for `key`, or the empty slot where it would go.
  private func find(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (entry: Int?, slot: Int) {
    let mask = slots.count - 1
    var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    while slots[k] != 0 {
      let j = Int(slots[k]) - 1
      // The entry's fields read in place: copying it out costs more than the comparison.
      if entries[j].hash == h && entries[j].count == key.count {
        let start = entries[j].start
        if key.count == 0
          || keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 })
        {
          return (j, k)
        }
      }
      k = (k + 1) & mask
    }
    return (nil, k)
  }

  /// The index of `key`'s entry, if it has one.
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? { find(key, ByteTable.hash(key)).entry }

  /// The index of `key`'s entry, adding one with `make()` when there is none.
  mutating func index(of key: UnsafeBufferPointer<UInt8>, orAdd make: () -> Value) -> Int {
    let h = ByteTable.hash(key)
    let (found, slot) = find(key, h)
    if let found { return found }
    let j = values.count
    slots[slot] = Int32(j + 1)
    entries.append((h, keyBytes.count, key.count))
    keyBytes.append(contentsOf: key)
    values.append(make())
    if values.count * 2 > slots.count { grow() }
    return j
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (j, e) in entries.enumerated() {
      var k = Int(truncatingIfNeeded: e.hash ^ (e.hash >> 29)) & mask
      while slots[k] != 0 { k = (k + 1) & mask }
      slots[k] = Int32(j + 1)
    }
  }

  /// Eight bytes per step: a cell is mostly CJK, three bytes a character, and a byte-at-a-time
  /// hash would cost more than the rest of reading it. Keys that collide are told apart by
  /// their bytes.
  @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return h }
    let n = bytes.count
    var i = 0
    while i + 8 <= n {
      h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 32
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 29)
  }
}

/// Values made from byte strings, kept so that the same bytes give the same value without
/// making it again: a file's repeated cells (a department list, a deadline phrase, a group)
/// are read once. A column whose cells rarely repeat stops being cached after a while (its
/// keys would cost memory and time for nothing).
struct ByteCache<Value> {
  private var table = ByteTable<Value>()
  private var lookups = 0
  private var hits = 0
  private var bypass = false

  init() {}

  /// The value remembered for `bytes`, made with `make()` the first time. One probe of the
  /// table whether it is there or not: most of a generated plan's department cells are new.
  mutating func value(for bytes: UnsafeBufferPointer<UInt8>, make: () -> Value) -> Value {
    if bypass { return make() }
    lookups += 1
    if lookups == 4096 && hits < lookups / 4 {
      bypass = true
      table = ByteTable()
      return make()
    }
    let known = table.count
    let j = table.index(of: bytes, orAdd: make)
    if table.count == known { hits += 1 }
    return table.values[j]
  }
}

/// Strings with distinct bytes, in order of first appearance, each with its position. A plan
/// names a few dozen departments a hundred thousand times: telling them apart by bytes leaves
/// `String`'s Unicode-aware hashing (costly for Chinese text) to those few dozen. Strings
/// that differ in bytes but are canonically equal are both kept here; a caller that needs
/// `String` equality merges them (`DistinctStrings.inOrder` does).
struct DistinctStrings {
  private var table = ByteTable<String>()

  init() {}

  var strings: [String] { table.values }

  /// The position of `s` in `strings`, adding it if new.
  mutating func index(of s: String) -> Int {
    var copy = s
    return copy.withUTF8 { b in table.index(of: b) { s } }
  }

  /// The strings as `String` equality tells them apart, in order of first appearance: what
  /// a `Set`-filtered loop over everything added gives, hashing only the distinct bytes.
  var merged: [String] {
    var seen = Set<String>()
    return strings.filter { seen.insert($0).inserted }
  }
}

extension ByteTable: Sendable where Value: Sendable {}
extension ByteCache: Sendable where Value: Sendable {}
