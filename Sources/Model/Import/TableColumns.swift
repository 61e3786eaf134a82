/// Which field each column holds. A header cell may stand over several data columns (a
/// merge in the document, or a text export with fewer header cells than the rows have):
/// where it spans is the place under which the cells look most like their columns, and what
/// each spanned column holds (a number, a category, the text) is told from its cells.
struct TableColumns {
  typealias Role = ColumnRole

  let width: Int
  private(set) var role: [Int: Role] = [:]
  /// TableColumns no field takes, by index, with the names they get in the store.
  private(set) var extraColumns: [(Int, String)] = []
  var guesses: [TableGuess] = []
  /// The store column that keeps a number column's values when measures carry their own.
  let numberColumnName: String
  /// Each column's header name as laid out (a spanned column repeats its header's name).
  private(set) var names: [String] = []

  init(names header: [String?], rows: [Interpreter.Row], options: ImportOptions, file: String) throws(ImportError) {
    var counts: [Int: Int] = [:]
    for r in rows where r.slots.filter({ !$0.isEmpty }).count >= 2 { counts[r.slots.count, default: 0] += 1 }
    var h = header
    while let l = h.last, l == nil || l == "" { h.removeLast() }
    if h.isEmpty { h = header }
    let dataWidth = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? h.count
    width = max(h.count, dataWidth)
    var layout: [String?] = h + Array(repeating: nil, count: max(0, width - h.count))
    if width > h.count {
      let named = h.compactMap { $0 }
      let extra = width - named.count
      var best = (score: Int.min, at: 0)
      for p in named.indices {
        let s = TableColumns.score(TableColumns.spread(named, mergedAt: p, extra: extra), rows)
        if s > best.score { best = (s, p) }
      }
      layout = TableColumns.spread(named, mergedAt: best.at, extra: extra)
      guesses.append(.headerSpans(name: named[best.at], columns: extra + 1))
    }
    for (m, _) in options.map
    where !layout.contains(where: { $0.map(ColumnNames.normalized) == ColumnNames.normalized(m) }) {
      throw ImportError(.mapMatchesNothing(m), file: file)
    }
    let names = layout.indices.map { k in layout[k] ?? TableColumns.previousName(layout, k) ?? "" }
    self.names = names
    // TableColumns under one header cell: the first names it, the others follow.
    var spans: [(start: Int, count: Int)] = []
    for k in 0..<width {
      if layout[k] != nil || spans.isEmpty { spans.append((k, 1)) } else { spans[spans.count - 1].count += 1 }
    }
    var fields: [Int: Role] = [:]
    var spanned: [(String, [Int])] = []
    var extraByMap = Set<Int>()
    var taken: [Role] = []
    for (start, count) in spans {
      let name = layout[start] ?? ""
      var r: Role?
      if let m = options.map.first(where: { ColumnNames.normalized($0.header) == ColumnNames.normalized(name) })?.field
      {
        if m == .extra {
          for k in start..<(start + count) { extraByMap.insert(k) }
          continue
        }
        r = Role(m)
      } else {
        r = ColumnNames.role(of: name)
      }
      guard let r else { continue }
      if count == 1 {
        // Two date columns may be a period's start and end: both kept for `placeDates`.
        if !taken.contains(r) || r == .category || r == .deadline {
          fields[start] = r
          taken.append(r)
        }
        continue
      }
      let roles = TableColumns.spannedRoles(r, columns: Array(start..<(start + count)), rows: rows, taken: taken)
      for (k, role) in roles {
        fields[k] = role
        taken.append(role)
      }
      spanned.append((name, Array(start..<(start + count))))
    }
    // Columns no name places, told by their cells: dates are the deadline (a start and an
    // end: the end), the column of full sentences is the measure, a short name beside it the
    // theme.
    let free = (0..<width).filter { k in
      fields[k] == nil && !extraByMap.contains(k) && !ColumnNames.isPerson(names[k]) && !ColumnNames.isRemark(names[k])
    }
    guesses += TableColumns.placeDates(&fields, free: free, rows: rows, names: names)
    let cats = fields.filter { $0.value == .category || $0.value == .group }.map(\.key).sorted()
    let explicitGroup = cats.first { fields[$0] == .group }
    if !fields.values.contains(.measure) {
      // A requirement or category column, or one no name places, when its cells are sentences
      // (names of tasks, 名称, only when nothing else is).
      let candidates = (0..<width).filter { k in
        fields[k] == .requirement || fields[k] == .category || (free.contains(k) && fields[k] == nil)
      }
      let sentences = candidates.filter { !ColumnNames.normalized(names[$0]).hasSuffix("名称") }
      let pool = sentences.isEmpty ? candidates : sentences
      if let k = pool.max(by: { TableColumns.sentenceScore($0, rows) < TableColumns.sentenceScore($1, rows) }),
        fields[k] != nil || TableColumns.averageLength(k, rows) >= 8
      {
        fields[k] = .measure
        guesses.append(.measureByData(name: names[k]))
      }
    }
    var levels = cats.filter { fields[$0] == .category || fields[$0] == .group }
    if let g = explicitGroup {
      levels.removeAll { $0 == g }
      fields[g] = .group
    } else if levels.count >= 2 {
      fields[levels.removeFirst()] = .group
    }
    if !levels.isEmpty { fields[levels.removeFirst()] = .theme }
    for k in levels { fields[k] = nil }
    // No theme named: a column of short names before the measure is it (重点工作 beside 攻坚目标任务).
    if !fields.values.contains(.theme), let m = fields.first(where: { $0.value == .measure })?.key,
      let k = free.filter({ $0 < m && fields[$0] == nil }).last(where: { TableColumns.isNames($0, rows) })
    {
      fields[k] = .theme
      guesses.append(.columnByData(name: names[k], field: .theme))
    }
    // With a lead column, "responsible" units cooperate where a row names a lead and carry
    // the task where it names none (as 配合/责任单位 says); without one, they lead.
    let hasLead = fields.values.contains(.lead)
    for (k, f) in fields where f == .responsible || f == .supportOrLead { fields[k] = hasLead ? .supportOrLead : .lead }
    guard fields.values.contains(.measure) else { throw ImportError(.noMeasureColumn, file: file) }
    for (name, ks) in spanned { guesses.append(.columnRoles(name: name, roles: ks.map { fields[$0]?.field })) }
    role = fields
    var extras: [(Int, String)] = []
    for k in 0..<width where fields[k] == nil {
      let base =
        layout[k].flatMap { $0.isEmpty ? nil : $0 } ?? TableColumns.previousName(layout, k).map { "\($0)（续）" }
        ?? "第\(k + 1)列"
      // A name the store would read back as one of its own fields is kept under another.
      let unreserved = TableColumns.reserved.contains(base) ? "\(base)（保留）" : base
      var name = unreserved
      var n = 2
      while extras.contains(where: { $0.1 == name }) || TableColumns.reserved.contains(name) {
        name = "\(unreserved)\(n)"
        n += 1
      }
      extras.append((k, name))
    }
    extraColumns = extras
    let themeName = fields.first { $0.value == .theme }.map { layout[$0.key] ?? "" } ?? ""
    numberColumnName = themeName.isEmpty ? "原序号" : "\(themeName)序号"
  }

  /// Store column names that would be read back as known fields.
  static let reserved: Set<String> = Set(ColumnNames.exact.keys).union(Columns.taskNames)

  /// What each column under one header cell holds: a column of numbers is the id; a column
  /// whose cells repeat or are merged down is a category; the first other column takes the
  /// header's own role; the rest are kept as extra columns.
  static func spannedRoles(_ r: Role, columns: [Int], rows: [Interpreter.Row], taken: [Role]) -> [Int: Role] {
    var out: [Int: Role] = [:]
    var rest: [Int] = []
    var hasID = taken.contains(.id)
    for k in columns {
      let cells = rows.compactMap { k < $0.slots.count ? $0.slots[k] : nil }
      let filled = cells.filter { !$0.isEmpty }
      let numbers = filled.filter { ItemNumbers.plainNumber($0.text) != nil }.count
      if !filled.isEmpty, numbers * 10 >= filled.count * 8, !hasID, r != .id || true {
        out[k] = .id
        hasID = true
        continue
      }
      rest.append(k)
    }
    // Under a category header, every text column is a category level for now: the longest
    // becomes the measure when no other column is one.
    if r == .category || r == .group {
      for k in rest { out[k] = .category }
      return out
    }
    if rest.count > 1 {
      // A category column beside the text: its cells repeat (merged down) and are shorter.
      let lengths = rest.map { averageLength($0, rows) }
      for (i, k) in rest.enumerated() {
        let cells = rows.compactMap { k < $0.slots.count ? $0.slots[k] : nil }
        let origins = cells.filter { $0.cover == .origin && !$0.isEmpty }
        let repeats = cells.count - origins.count
        if repeats * 10 >= cells.count * 3, lengths[i] < (lengths.max() ?? 0) {
          out[k] = .category
          rest.remove(at: i)
          break
        }
      }
    }
    if let first = rest.first, !taken.contains(r) || r == .category { out[first] = r }
    return out
  }

  /// Deadlines under names the vocabulary lacks: the free column whose cells read as
  /// deadlines (most of them, two at least); two such columns that are a period's start
  /// and end give the end, the start kept beside.
  static func placeDates(_ fields: inout [Int: Role], free: [Int], rows: [Interpreter.Row], names: [String])
    -> [TableGuess]
  {
    var dates = fields.filter { $0.value == .deadline }.map(\.key).sorted()
    let byData = dates.isEmpty
    if byData { dates = free.filter { TableColumns.readsAsDeadlines($0, rows) } }
    guard !dates.isEmpty else { return [] }
    for k in dates { fields[k] = nil }
    let starts = dates.filter { ColumnNames.periodEnd(names[$0]) == .start }
    let ends = dates.filter { ColumnNames.periodEnd(names[$0]) == .end }
    var out: [TableGuess] = []
    let chosen: Int
    if starts.count == 1, ends.count == 1 {
      chosen = ends[0]
      out.append(.periodEnd(start: names[starts[0]], end: names[ends[0]]))
    } else {
      chosen = dates[0]
    }
    fields[chosen] = .deadline
    if byData { out.insert(.columnByData(name: names[chosen], field: .deadline), at: 0) }
    return out
  }

  /// Most of a column's cells read as deadlines (read in a year of their own when they name
  /// none: a column of "年底前" is a deadline column whatever the plan's year).
  static func readsAsDeadlines(_ k: Int, _ rows: [Interpreter.Row]) -> Bool {
    let cells = rows.compactMap { k < $0.slots.count && !$0.slots[k].isEmpty ? $0.slots[k].text : nil }
    guard cells.count >= 2 || (cells.count == 1 && rows.count == 1) else { return false }
    let read = cells.filter { $0.count <= 40 && Deadline($0, year: 2000).kind != .unparsed }.count
    return read * 10 >= cells.count * 7
  }

  /// How much a column reads as the sentences of measures: its average length, times the
  /// share of its rows that say something of their own (a cell merged down says it once).
  static func sentenceScore(_ k: Int, _ rows: [Interpreter.Row]) -> Double {
    let cells = rows.compactMap { k < $0.slots.count && !$0.slots[k].isEmpty ? $0.slots[k] : nil }
    guard !cells.isEmpty else { return 0 }
    let own = Set(cells.filter { $0.cover == .origin }.map(\.text)).count
    return averageLength(k, rows) * Double(own) / Double(cells.count)
  }

  /// Short names, one per row (a task's name), not numbers or dates.
  static func isNames(_ k: Int, _ rows: [Interpreter.Row]) -> Bool {
    let cells = rows.compactMap { k < $0.slots.count && !$0.slots[k].isEmpty ? $0.slots[k].text : nil }
    guard !cells.isEmpty else { return false }
    let plain = cells.filter { ItemNumbers.plainNumber($0) == nil && Deadline($0, year: 2000).kind == .unparsed }
    return plain.count == cells.count && averageLength(k, rows) <= 25
  }

  static func averageLength(_ k: Int, _ rows: [Interpreter.Row]) -> Double {
    var total = 0
    var n = 0
    for r in rows where k < r.slots.count && !r.slots[k].isEmpty {
      total += r.slots[k].text.count
      n += 1
    }
    return n == 0 ? 0 : Double(total) / Double(n)
  }

  static func previousName(_ layout: [String?], _ k: Int) -> String? {
    var j = k - 1
    while j >= 0 {
      if let n = layout[j] { return n }
      j -= 1
    }
    return nil
  }

  /// The header laid over `names.count + extra` columns, with `names[p]` spanning extra ones.
  static func spread(_ names: [String], mergedAt p: Int, extra: Int) -> [String?] {
    Array(names[...p]).map { Optional($0) } + Array(repeating: nil, count: extra)
      + names[(p + 1)...].map { Optional($0) }
  }

  /// How well cells fit the columns they would fall under. A column of numbers fits under
  /// the text it numbers, not under a category.
  static func score(_ layout: [String?], _ rows: [Interpreter.Row]) -> Int {
    var s = 0
    for r in rows.prefix(60) {
      for k in layout.indices where k < r.slots.count {
        let text = TableImport.joinWrapped(r.slots[k].lines)
        let spanned = layout[k] == nil
        let name = layout[k] ?? previousName(layout, k)
        guard !text.isEmpty, let name, let f = ColumnNames.role(of: name) else { continue }
        let number = ItemNumbers.plainNumber(text) != nil
        switch f {
        case .id: s += number ? 2 : -2
        case .deadline: s += Deadline(text).kind != .unparsed ? 3 : -1
        case .lead, .support, .responsible, .supportOrLead: s += text.count <= 40 && !text.contains("。") ? 1 : -2
        case .measure, .requirement: s += number ? (spanned ? 1 : -1) : (text.count >= 8 ? 1 : 0)
        case .category, .group, .theme: s += number ? -1 : 0
        }
      }
    }
    return s
  }

  func index(of r: Role) -> Int? { role.filter { $0.value == r }.map(\.key).min() }

  var departmentColumns: [Int] {
    role.filter { [.lead, .support, .supportOrLead].contains($0.value) }.map(\.key)
  }

  var extraNames: [String] { extraColumns.map(\.1) }

  /// The extra column that keeps a department cell verbatim when its reading drops words.
  func rawName(_ k: Int) -> String { ImportColumnNames.asPrinted(names[k]) }

  /// Each column as the report shows it: its header and the field it went to.
  var report: [ImportColumn] {
    (0..<width).map { k in
      let extra = extraColumns.first { $0.0 == k }?.1
      return ImportColumn(header: names[k], field: role[k]?.field ?? .extra, keptAs: extra)
    }
  }
}

/// One column of the source as the import reads it.
public struct ImportColumn: Sendable, Equatable {
  public var header: String
  public var field: ImportField
  /// For an extra column: the store column's name.
  public var keptAs: String?
}

/// What an import produced, and the report a person reads before trusting it.
public struct ImportResult: Sendable {
  public var format: SourceFormat
  public var title: String
  /// The other lines above the table (a subtitle such as who leads the work).
  public var note: String
  /// Text above the table, kept so that nothing is lost.
  public var preamble: [String]
  /// Where the header row is.
  public var headerPlace: SourcePlace
  public var columns: [ImportColumn]
  public var groups: [String]
  /// Tasks in table order; columns the importer does not know are in each task's `extras`.
  public var tasks: [PlanTask]
  /// Names of the columns it does not know, in source order; kept as extra store columns.
  public var extraColumns: [String]
  /// What it guessed while reading the table.
  public var guesses: [TableGuess]
  public var unreadDeadlines: [(id: String, text: String)]
  public var departments: [String]
  /// Read from a plan written as prose: its header and columns are the reader's own.
  public var prose = false
  /// The plan's year, when the import found one (`planYear` says where).
  public var year: Int? = nil
}

/// The store columns the importer adds of its own. They are data in the plan's language, as
/// the table's own headers are (the store is a Chinese bureau's), so they are not phrased by
/// the words tables: a store reads the same whatever language imported it.
enum ImportColumnNames {
  /// The columns whose reading of this row is a guess a person should check.
  static let toCheck = "待核对"
  /// A department cell kept as printed, beside the units read from it.
  static func asPrinted(_ header: String) -> String { "\(header)（原文）" }
}
