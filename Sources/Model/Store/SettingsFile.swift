/// `plan.ini`: one `key = value` a line; a key given again adds to a list (groups, holidays).
/// Plain enough to edit in Notepad, strict enough to point at a typo.
public enum SettingsFile {
  public static let name = "plan.ini"

  public struct Parsed: Sendable {
    public var settings: PlanSettings
    /// Keys this version does not know; kept in the file, reported by `check`.
    public var unknownKeys: [(key: String, line: Int)]
  }

  public static func parse(_ bytes: [UInt8], file: String) throws(StoreError) -> Parsed {
    if let bad = firstInvalidUTF8(bytes) {
      let line = 1 + bytes[..<bad.offset].filter { $0 == 0x0A }.count
      throw StoreError(.badData, bad.isNUL ? .nulByte : .invalidUTF8, file: file, line: line, column: 1)
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var s = PlanSettings(reviewerPercent: nil)
    var unknown: [(String, Int)] = []
    var holidays = Set<Day>()
    var workdays = Set<Day>()
    for (n, line) in text.lines.enumerated() {
      let lineNo = n + 1
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
      guard let eq = line.firstIndex(of: "=") else {
        let col = line.distance(from: line.startIndex, to: line.firstIndex { !$0.isWhitespace } ?? line.startIndex) + 1
        throw StoreError(.badData, .notKeyValue, file: file, line: lineNo, column: col)
      }
      let key = line[..<eq].trimmingSpaces
      let value = line[line.index(after: eq)...].trimmingSpaces
      let valueStart = line[line.index(after: eq)...].firstIndex { !$0.isWhitespace } ?? line.endIndex
      let col = line.distance(from: line.startIndex, to: valueStart) + 1
      func bad(_ r: StoreError.Reason) -> StoreError { StoreError(.badData, r, file: file, line: lineNo, column: col) }
      switch key {
      case "title": s.title = value
      case "agency": s.agency = value
      case "note": s.note = value
      case "reviewer_percent":
        if value.isEmpty {
          s.reviewerPercent = nil
        } else {
          guard let p = Int(value), (0...100).contains(p) else { throw bad(.badReviewerPercent) }
          s.reviewerPercent = p
        }
      case "group":
        if !value.isEmpty && !s.groups.contains(value) { s.groups.append(value) }
      case "start":
        guard let d = Day(iso: value) else { throw bad(.badStart) }
        s.start = d
      case "year":
        if value.isEmpty {
          s.year = nil
        } else {
          guard let y = Int(value), DeadlineGrammar.years.contains(y) else { throw bad(.badYear) }
          s.year = y
        }
      case "holiday", "workday":
        guard let days = dayList(value) else { throw bad(.badDayList(key: key)) }
        if key == "holiday" { holidays.formUnion(days) } else { workdays.formUnion(days) }
      case "git_commit":
        switch value.lowercased() {
        case "on", "yes", "true", "1": s.gitCommit = true
        case "off", "no", "false", "0", "": s.gitCommit = false
        default: throw bad(.badGitCommit)
        }
      default:
        unknown.append((key, lineNo))
      }
    }
    s.calendar = WorkCalendar(holidays: holidays, extraWorkdays: workdays)
    return Parsed(settings: s, unknownKeys: unknown)
  }

  /// "2019-10-01, 2019-10-03..2019-10-07" → the days listed.
  static func dayList(_ value: String) -> [Day]? {
    var out: [Day] = []
    for part in value.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }) where !part.isEmpty {
      let ends = part.split(separator: "..", omittingEmptySubsequences: false)
      guard let a = Day(iso: ends[0]) else { return nil }
      guard ends.count <= 2 else { return nil }
      let b = ends.count == 2 ? Day(iso: ends[1]) : a
      guard let b, a <= b, a.days(until: b) < 366 else { return nil }
      for o in a.ordinal...b.ordinal { out.append(Day(ordinal: o)) }
    }
    return out
  }

  /// `bytes` (a plan.ini) changed to say `settings`: each line whose key now has another
  /// value rewritten, a key the file lacks added at the end, the group lines replaced as one
  /// block where the first stood; every other line (comments, holidays, keys this version
  /// does not know) kept byte for byte, with the file's BOM and line ending.
  public static func updating(_ bytes: [UInt8], to settings: PlanSettings) -> [UInt8] {
    guard !bytes.isEmpty else { return Array(render(settings).utf8) }
    var text = String(decoding: bytes, as: UTF8.self)
    let bom = text.hasPrefix("\u{FEFF}")
    if bom { text.removeFirst() }
    let newline = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.lines
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    func key(_ line: String) -> String? {
      guard let eq = line.firstIndex(of: "="), !line.trimmingSpaces.hasPrefix("#") else { return nil }
      return line[..<eq].trimmingSpaces
    }
    func value(_ line: String) -> String {
      line.firstIndex(of: "=").map { line[line.index(after: $0)...].trimmingSpaces } ?? ""
    }
    let scalars: [(String, String)] = [
      ("title", settings.title), ("agency", settings.agency), ("note", settings.note),
      ("reviewer_percent", settings.reviewerPercent.map(String.init) ?? ""),
      ("start", settings.start?.description ?? ""),
      ("year", settings.year.map(String.init) ?? ""),
    ]
    for (k, v) in scalars {
      if let at = lines.firstIndex(where: { key($0) == k }) {
        if value(lines[at]) != v { lines[at] = "\(k) = \(v)" }
      } else if !v.isEmpty {
        lines.append("\(k) = \(v)")
      }
    }
    let groupLines = lines.indices.filter { key(lines[$0]) == "group" }
    if groupLines.map({ value(lines[$0]) }).filter({ !$0.isEmpty }) != settings.groups {
      let at = groupLines.first ?? lines.count
      for k in groupLines.reversed() { lines.remove(at: k) }
      lines.insert(contentsOf: settings.groups.map { "group = \($0)" }, at: min(at, lines.count))
    }
    let out = lines.joined(separator: newline) + (endsWithNewline ? newline : "")
    return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(out.utf8)
  }

  /// The text a new store starts with.
  public static func render(_ s: PlanSettings) -> String {
    var lines = [
      "# sanxiang plan settings. One `key = value` a line; repeat a key to list several values.",
      "title = \(s.title)",
      "agency = \(s.agency)",
    ]
    if !s.note.isEmpty { lines.append("note = \(s.note)") }
    lines += [
      "# Legal reviewers must be at least this percent of each unit's enforcement staff;",
      "# leave empty when the plan sets no percentage.",
      "reviewer_percent = \(s.reviewerPercent.map(String.init) ?? "")",
    ]
    if let start = s.start { lines.append("start = \(start)") }
    if let year = s.year {
      lines.append("# The plan's year: deadlines such as 年底前 or 二季度 are read in it.")
      lines.append("year = \(year)")
    }
    if s.gitCommit { lines.append("git_commit = on") }
    lines.append("# Working groups, in the plan's order.")
    lines += s.groups.map { "group = \($0)" }
    lines.append("# Days off and make-up working days for \"N working days\" deadlines, e.g.")
    lines.append("# holiday = 2019-10-01..2019-10-07 and workday = 2019-09-29")
    for d in s.calendar.holidays.sorted() { lines.append("holiday = \(d)") }
    for d in s.calendar.extraWorkdays.sorted() { lines.append("workday = \(d)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
