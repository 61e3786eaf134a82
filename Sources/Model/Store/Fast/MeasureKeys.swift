/// The rows of the roll-up's measures matrix, found by (id, text) in one probe. A measure is
/// the same in two agencies when its id and its text are equal as `String`s; agencies that
/// write their own plans number them alike, so a scan of the texts under each id (comparing
/// `String`s) grew as agencies × measures. Texts in the blocks a plan is written in (ASCII,
/// CJK ideographs and punctuation, full-width forms, general punctuation) have no two byte
/// sequences that are canonically equal, so for them equal bytes are equal `String`s and one
/// byte table answers. A text outside them (a combining mark, a compatibility ideograph) is
/// compared as `String`s against every row of its id, as the plain rule does, and a new
/// plain text is checked against those rows too.
struct MeasureKeys {
  /// (id, text) bytes → an entry, whose row is `rowOf[entry]`.
  private var table = ByteTable<Void>()
  private var rowOf: [Int] = []
  private var scratch: [UInt8] = []
  /// Per id, the rows whose text is outside the plain blocks, with their texts.
  private var others: [String: [(row: Int, text: String)]] = [:]
  /// Per id, every row's text as a `String`, made only once some text of the id needs it.
  private var all: [String: [(row: Int, text: String)]] = [:]
  private var texts: [CellText] = []
  private var ids: [String] = []

  /// The row of (`id`, `text`), or a new one (numbered in order from 0) when there is none.
  mutating func row(id: String, text: CellText) -> (row: Int, isNew: Bool) {
    let plain = text.withUTF8(MeasureKeys.isPlain)
    if plain {
      scratch.removeAll(keepingCapacity: true)
      scratch += id.utf8
      scratch.append(0x1F)
      text.withUTF8 { scratch += $0 }
      let next = texts.count
      let entry = scratch.withUnsafeBufferPointer { table.index(of: $0) {} }
      if entry < rowOf.count { return (rowOf[entry], false) }
      // New as bytes; it may still equal, as a `String`, a text of this id that is not plain.
      if let list = others[id] {
        let s = text.string
        if let hit = list.first(where: { $0.text == s }) {
          rowOf.append(hit.row)
          return (hit.row, false)
        }
      }
      rowOf.append(next)
      add(id, text)
      return (next, true)
    }
    let s = text.string
    if let hit = rows(of: id).first(where: { $0.text == s }) { return (hit.row, false) }
    let next = texts.count
    others[id, default: []].append((next, s))
    add(id, text)
    return (next, true)
  }

  private mutating func add(_ id: String, _ text: CellText) {
    let r = texts.count
    texts.append(text)
    ids.append(id)
    if all[id] != nil { all[id]!.append((r, text.string)) }
  }

  /// Every row of `id` with its text as a `String` (made the first time an id needs them).
  private mutating func rows(of id: String) -> [(row: Int, text: String)] {
    if let list = all[id] { return list }
    let list = ids.indices.filter { ids[$0] == id }.map { ($0, texts[$0].string) }
    all[id] = list
    return list
  }

  /// True when every character is in the blocks where bytes and `String`s agree.
  static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      guard c >= 0xE2 && c <= 0xEF, i + 2 < n else { return false }
      let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
      switch v {
      // General punctuation less its spaces (two decompose to others) and format controls;
      // CJK punctuation less its combining tone marks; ideographs; full-width forms less the
      // half-width sound marks, which combine.
      case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xFF01...0xFF9D, 0xFFA0...0xFFEF:
        i += 3
      default: return false
      }
    }
    return true
  }
}
