/// A JSON value with ordered object keys, so output keeps the documented field order.
public indirect enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// Text or null for empty text: optional fields read as null in the documented shapes.
  public static func text(orNull s: String) -> JSON { s.isEmpty ? .null : .string(s) }

  public subscript(key: String) -> JSON? {
    if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var intValue: Int? {
    if case .int(let i) = self { return i }
    return nil
  }

  /// Compact (one line) or indented by two spaces.
  public func rendered(pretty: Bool = false) -> String {
    var out: [UInt8] = []
    write(into: &out, pretty: pretty, depth: 0)
    return String(decoding: out, as: UTF8.self)
  }

  public func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
    switch self {
    case .null: out += "null".utf8
    case .bool(let b): out += (b ? "true" : "false").utf8
    case .int(let i): out += String(i).utf8
    case .string(let s): JSON.writeString(s, into: &out)
    case .array(let items):
      var a = JSONNest(array: &out, pretty: pretty, depth: depth)
      for v in items {
        a.item(into: &out)
        v.write(into: &out, pretty: pretty, depth: depth + 1)
      }
      a.close(into: &out)
    case .object(let pairs):
      var o = JSONNest(object: &out, pretty: pretty, depth: depth)
      for (key, v) in pairs {
        o.key(key, into: &out)
        v.write(into: &out, pretty: pretty, depth: depth + 1)
      }
      o.close(into: &out)
    }
  }

  /// A member of an object written by `writeObject`: a value, or an array made one item at a
  /// time (a long list of tasks need not exist as one tree), or written straight as bytes.
  public enum Member {
    case value(JSON)
    case items(count: Int, item: (Int) -> JSON)
    /// Item `n` written into the bytes at the given depth, as its tree would be.
    case written(count: Int, write: (_ n: Int, _ out: inout [UInt8], _ depth: Int) -> Void)
  }

  /// Writes an object exactly as `.object(...).write(into:pretty:depth:)` would, handing the
  /// bytes to `drain` after each item of an array member (to send on what is written so far).
  public static func writeObject(
    _ members: [(String, Member)], into out: inout [UInt8], pretty: Bool, depth: Int,
    drain: (inout [UInt8]) -> Void = { _ in }
  ) {
    var o = JSONNest(object: &out, pretty: pretty, depth: depth)
    for (key, member) in members {
      o.key(key, into: &out)
      let count: Int
      let write: (_ n: Int, _ out: inout [UInt8], _ depth: Int) -> Void
      switch member {
      case .value(let v):
        v.write(into: &out, pretty: pretty, depth: depth + 1)
        continue
      case .items(let c, let item): (count, write) = (c, { item($0).write(into: &$1, pretty: pretty, depth: $2) })
      case .written(let c, let w): (count, write) = (c, w)
      }
      var a = JSONNest(array: &out, pretty: pretty, depth: depth + 1)
      for n in 0..<count {
        a.item(into: &out)
        write(n, &out, depth + 2)
        drain(&out)
      }
      a.close(into: &out)
    }
    o.close(into: &out)
  }

  /// Parses one JSON value that fills `bytes`; errors give a 1-based character column.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSON {
    var p = JSONParser(b: Array(bytes))
    p.space()
    let v = try p.value(depth: 0)
    p.space()
    guard p.i == p.b.count else { throw p.fail(.textAfterValue) }
    return v
  }
}

public struct JSONError: Error, Equatable, Sendable {
  public let column: Int
  public let problem: Problem

  /// What the parser expected and did not find (phrased by `Words.jsonProblem`).
  public enum Problem: Equatable, Sendable {
    case textAfterValue
    /// `true`, `false` or `null` misspelt.
    case expectedLiteral(String)
    case nestedTooDeeply
    case endOfLine
    case expectedKey
    case expectedColon
    case expectedCommaOrBrace
    case expectedCommaOrBracket
    case expectedWholeNumber
    case unexpectedCharacter
    case badUnicodeEscape
    case controlCharacter
    case badEscape
    case stringNeverClosed
    case invalidUTF8
  }

  public init(column: Int, problem: Problem) {
    self.column = column
    self.problem = problem
  }
}

private struct JSONParser {
  let b: [UInt8]
  var i = 0

  func fail(_ m: JSONError.Problem) -> JSONError {
    var col = 1
    for k in 0..<min(i, b.count) where b[k] & 0xC0 != 0x80 { col += 1 }
    return JSONError(column: col, problem: m)
  }

  mutating func space() {
    while i < b.count {
      switch b[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  mutating func literal(_ word: String, _ v: JSON) throws(JSONError) -> JSON {
    let w = Array(word.utf8)
    guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { throw fail(.expectedLiteral(word)) }
    i += w.count
    return v
  }

  mutating func value(depth: Int) throws(JSONError) -> JSON {
    guard depth < 64 else { throw fail(.nestedTooDeeply) }
    guard i < b.count else { throw fail(.endOfLine) }
    switch b[i] {
    case 0x7B:
      i += 1
      var pairs: [(String, JSON)] = []
      space()
      if i < b.count && b[i] == 0x7D {
        i += 1
        return .object(pairs)
      }
      while true {
        space()
        guard i < b.count, b[i] == 0x22 else { throw fail(.expectedKey) }
        let k = try string()
        space()
        guard i < b.count, b[i] == 0x3A else { throw fail(.expectedColon) }
        i += 1
        space()
        pairs.append((k, try value(depth: depth + 1)))
        space()
        guard i < b.count else { throw fail(.endOfLine) }
        if b[i] == 0x2C {
          i += 1
          continue
        }
        guard b[i] == 0x7D else { throw fail(.expectedCommaOrBrace) }
        i += 1
        return .object(pairs)
      }
    case 0x5B:
      i += 1
      var items: [JSON] = []
      space()
      if i < b.count && b[i] == 0x5D {
        i += 1
        return .array(items)
      }
      while true {
        space()
        items.append(try value(depth: depth + 1))
        space()
        guard i < b.count else { throw fail(.endOfLine) }
        if b[i] == 0x2C {
          i += 1
          continue
        }
        guard b[i] == 0x5D else { throw fail(.expectedCommaOrBracket) }
        i += 1
        return .array(items)
      }
    case 0x22: return .string(try string())
    case 0x74: return try literal("true", .bool(true))
    case 0x66: return try literal("false", .bool(false))
    case 0x6E: return try literal("null", .null)
    case 0x2D, 0x30...0x39:
      let s = i
      if b[i] == 0x2D { i += 1 }
      while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
      guard let v = Int(String(decoding: b[s..<i], as: UTF8.self)) else {
        i = s
        throw fail(.expectedWholeNumber)
      }
      return .int(v)
    default:
      throw fail(.unexpectedCharacter)
    }
  }

  mutating func hex4() throws(JSONError) -> UInt32 {
    guard i + 4 <= b.count else { throw fail(.badUnicodeEscape) }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = b[i]
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x61...0x66: d = UInt32(c - 0x61 + 10)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      default: throw fail(.badUnicodeEscape)
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }

  mutating func string() throws(JSONError) -> String {
    i += 1
    // Most strings have no escapes: made straight from their bytes.
    var k = i
    while k < b.count, b[k] != 0x22, b[k] != 0x5C, b[k] >= 0x20 { k += 1 }
    if k < b.count, b[k] == 0x22 {
      let s = JSON.string(utf8: b, i..<k)
      i = k + 1
      return s
    }
    var out: [UInt8] = []
    while i < b.count {
      let c = b[i]
      if c == 0x22 {
        i += 1
        return String(decoding: out, as: UTF8.self)
      }
      if c < 0x20 { throw fail(.controlCharacter) }
      if c != 0x5C {
        out.append(c)
        i += 1
        continue
      }
      i += 1
      guard i < b.count else { break }
      let e = b[i]
      i += 1
      switch e {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x2F: out.append(0x2F)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code), i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
          i += 2
          let low = try hex4()
          code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out += String(Character(scalar)).utf8
      default:
        i -= 1
        throw fail(.badEscape)
      }
    }
    throw fail(.stringNeverClosed)
  }
}

/// One object or array being written straight into bytes, laid out as `JSON.write` lays out
/// the same tree (two-space indent when pretty), so a report can skip building the tree.
public struct JSONNest {
  private let pretty: Bool
  private let depth: Int
  private let closer: UInt8
  private var count = 0

  public init(object out: inout [UInt8], pretty: Bool, depth: Int) {
    self.init(0x7B, 0x7D, &out, pretty, depth)
  }

  public init(array out: inout [UInt8], pretty: Bool, depth: Int) {
    self.init(0x5B, 0x5D, &out, pretty, depth)
  }

  private init(_ opener: UInt8, _ closer: UInt8, _ out: inout [UInt8], _ pretty: Bool, _ depth: Int) {
    self.pretty = pretty
    self.depth = depth
    self.closer = closer
    out.append(opener)
  }

  /// Before each item of an array; the item is then written at `depth + 1`.
  public mutating func item(into out: inout [UInt8]) {
    if count > 0 { out.append(0x2C) }
    count += 1
    newline(depth + 1, &out)
  }

  /// Before each member's value in an object; the value is then written at `depth + 1`.
  public mutating func key(_ name: String, into out: inout [UInt8]) {
    item(into: &out)
    JSON.writeString(name, into: &out)
    out.append(0x3A)
    if pretty { out.append(0x20) }
  }

  public func close(into out: inout [UInt8]) {
    if count > 0 { newline(depth, &out) }
    out.append(closer)
  }

  private func newline(_ d: Int, _ out: inout [UInt8]) {
    guard pretty else { return }
    out.append(0x0A)
    var n = d * 2
    while n > 0 {
      let k = min(n, JSONNest.spaces.count)
      out.append(contentsOf: JSONNest.spaces[..<k])
      n -= k
    }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 16)
}
