/// `journal.jsonl`: one JSON object a line, appended and never rewritten. A line cut short
/// by a crash at the very end is set aside, not fatal.
public enum JournalFile {
  public static let name = "journal.jsonl"

  public static func encode(_ e: JournalEntry) -> String {
    var pairs: [(String, JSON)] = [
      ("seq", .int(e.seq)), ("at", .string(e.at)), ("by", .string(e.by)), ("op", .string(e.change.op)),
    ]
    switch e.change.target {
    case .task(let id): pairs.append(("task", .string(id)))
    case .unit(let u): pairs.append(("unit", .string(u)))
    case .plan: break
    }
    if let u = e.change.undoes { pairs.append(("undoes", .int(u))) }
    if !e.change.fields.isEmpty {
      pairs.append(("before", .object(e.change.fields.map { ($0.field.name, JSON.text(orNull: $0.before.text)) })))
      pairs.append(("after", .object(e.change.fields.map { ($0.field.name, JSON.text(orNull: $0.after.text)) })))
    }
    if !e.message.isEmpty { pairs.append(("message", .string(e.message))) }
    switch e.imported {
    case .created(let source, let tasks, let groups)?:
      pairs += [("source", .string(source)), ("tasks", .int(tasks)), ("groups", .int(groups))]
    case .again(let source, let added, let updated, let vanished)?:
      pairs += [
        ("source", .string(source)), ("added", .int(added)), ("updated", .int(updated)), ("vanished", .int(vanished)),
      ]
    case nil: break
    }
    return JSON.object(pairs).rendered()
  }

  public static func decode(_ json: JSON) -> JournalEntry? {
    guard let seq = json["seq"]?.intValue, let at = json["at"]?.stringValue, let op = json["op"]?.stringValue else {
      return nil
    }
    let target: ChangeTarget
    if let t = json["task"]?.stringValue {
      target = .task(t)
    } else if let u = json["unit"]?.stringValue {
      target = .unit(u)
    } else {
      target = .plan
    }
    var fields: [FieldChange] = []
    if case .object(let before)? = json["before"], case .object(let after)? = json["after"] {
      fields.reserveCapacity(after.count)
      for (k, v) in after {
        // A key no change to this target has (a line from a later version) is left out.
        guard let field = ChangeField(name: k, in: target) else { continue }
        let b = before.first { $0.0 == k }?.1.stringValue ?? ""
        fields.append(FieldChange(field, FieldValue(b, as: field), FieldValue(v.stringValue ?? "", as: field)))
      }
    }
    var imported: ImportSummary?
    if let source = json["source"]?.stringValue {
      if let t = json["tasks"]?.intValue, let g = json["groups"]?.intValue {
        imported = .created(source: source, tasks: t, groups: g)
      } else if let a = json["added"]?.intValue, let u = json["updated"]?.intValue, let v = json["vanished"]?.intValue {
        imported = .again(source: source, added: a, updated: u, vanished: v)
      }
    }
    return JournalEntry(
      seq: seq, at: at, by: json["by"]?.stringValue ?? "",
      change: Change(op: op, target: target, fields: fields, undoes: json["undoes"]?.intValue),
      message: json["message"]?.stringValue ?? "", imported: imported)
  }

  public struct Parsed: Sendable {
    public var entries: [JournalEntry]
    /// Bytes of whole, valid lines: where the next append goes.
    public var validLength: Int
    /// A torn last line (no newline and not valid JSON), to be set aside.
    public var tornTail: [UInt8]
  }

  /// Parses journal bytes. `firstLine` numbers lines when reading from the middle.
  public static func parse(_ bytes: [UInt8], file: String, firstLine: Int = 1) throws(StoreError) -> Parsed {
    var entries: [JournalEntry] = []
    var start = 0
    var line = firstLine
    let n = bytes.count
    // One check of the whole file; only if it fails is each line checked to name the spot.
    let allValid = firstInvalidUTF8(bytes) == nil
    while start < n {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? n
      let body = bytes[start..<end]
      let complete = end < n
      let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
      if !blank {
        let result: Result<JSON, JSONError>
        if !allValid, let bad = firstInvalidUTF8(Array(body)) {
          result = .failure(JSONError(column: 1 + bad.offset, problem: .invalidUTF8))
        } else {
          result = Result { () throws(JSONError) -> JSON in try JSON.parse(body) }
        }
        switch result {
        case .success(let json):
          guard let e = decode(json) else {
            throw StoreError(.badData, .journalEntryIncomplete, file: file, line: line, column: 1)
          }
          entries.append(e)
        case .failure(let err):
          if !complete {
            return Parsed(entries: entries, validLength: start, tornTail: Array(body))
          }
          throw StoreError(.badData, .json(err.problem), file: file, line: line, column: err.column)
        }
      }
      start = complete ? end + 1 : end
      line += 1
    }
    return Parsed(entries: entries, validLength: n, tornTail: [])
  }
}
