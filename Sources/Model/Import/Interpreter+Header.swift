/// The header stage: which row names the columns, a second row joined to it, and the rows
/// under it without the header rows a table repeats.
extension Interpreter {
  // MARK: the header

  /// The header row: `--header-row`, else the first of the first 40 rows that names at least
  /// two different fields; a second row of names under it is joined to it.
  func findHeader(_ rows: [Row], guesses: inout [TableGuess]) throws(ImportError) -> Header {
    let h = try headerIndex(rows)
    var header = Header(index: h, names: headerNames(rows[h].slots), rows: 1)
    if h + 1 < rows.count,
      let merged = subHeader(header.names, rows[h + 1].slots)
        ?? spannedSubHeader(header.names, rows[h].slots, rows[h + 1].slots)
    {
      header.names = merged
      header.rows = 2
      guesses.append(.twoRowHeader(rows[h + 1].place))
    }
    return header
  }

  /// A text layout writes a merged header cell once, so the row under it is wider: the
  /// header cell above a run of names spans them all.
  static func widened(_ names: [String?], under next: [Slot]) -> [String?] {
    var out = names
    var k = 0
    while k < next.count && out.count < next.count {
      var run = 0
      while k + run < next.count, !next[k + run].isEmpty, next[k + run].cover == .origin { run += 1 }
      if run > 1, k < out.count, out[k] != nil, k + 1 >= out.count || out[k + 1] != nil {
        out.insert(contentsOf: Array(repeating: nil, count: min(run - 1, next.count - out.count)), at: k + 1)
      }
      k += max(run, 1)
    }
    return out
  }

  /// A second header row under a header whose other cells span both rows (工作任务安排 over
  /// 第二季度): short labels, never a task. In a text layout, which writes no spans, the row
  /// under the header whose number cell is empty and whose few cells are short labels under
  /// columns no name places.
  func spannedSubHeader(_ names: [String?], _ header: [Slot], _ next: [Slot]) -> [String?]? {
    let own = next.enumerated().filter { $0.element.cover == .origin && !$0.element.isEmpty }
    guard !own.isEmpty, own.count * 2 <= next.count else { return nil }
    for (_, s) in own {
      let t = TableImport.joinWrapped(s.lines)
      guard t.count <= 12, !t.contains(where: { "，。；,;".contains($0) }), ItemNumbers.plainNumber(t) == nil else {
        return nil
      }
    }
    let names = grid.mergesRecorded ? names : Interpreter.widened(names, under: next)
    func upper(_ k: Int) -> String {
      (k < names.count ? names[k] : nil) ?? names[..<min(k, names.count)].last { $0 != nil }.flatMap { $0 } ?? ""
    }
    if grid.mergesRecorded {
      let headerPlaces = Set(header.map(\.place))
      guard next.contains(where: { $0.cover == .above && headerPlaces.contains($0.place) }) else { return nil }
    } else {
      guard let id = names.firstIndex(where: { $0.flatMap(ColumnNames.role(of:)) == .id }), id < next.count,
        next[id].isEmpty, own.allSatisfy({ k, _ in ColumnNames.role(of: upper(k)) == nil })
      else { return nil }
    }
    var out = names
    for (k, s) in own where k < out.count {
      let u = upper(k)
      out[k] = u.isEmpty ? TableImport.joinWrapped(s.lines) : u + "/" + TableImport.joinWrapped(s.lines)
    }
    return out
  }

  func headerIndex(_ rows: [Row]) throws(ImportError) -> Int {
    if let n = options.headerRow {
      if let i = rows.firstIndex(where: { $0.place.rowNumber == n }) { return i }
      throw ImportError(.headerRowMissing(n), file: file)
    }
    for (i, r) in rows.prefix(40).enumerated() {
      var seen: [String] = []
      for s in r.slots where s.cover == .origin {
        // A name `--map` gives counts as a name, whatever field it maps to.
        let key = ColumnNames.role(of: s.text).map { "\($0)" } ?? mapped(s.text).map { "map:\($0)" }
        if let key, !seen.contains(key) { seen.append(key) }
      }
      if seen.count >= 2 { return i }
    }
    throw ImportError(.noHeader, file: file, place: rows.first?.place)
  }

  func mapped(_ name: String) -> ImportField? {
    let n = ColumnNames.normalized(name)
    return options.map.first { ColumnNames.normalized($0.header) == n }?.field
  }

  /// The header's names by column; nil under a header cell that spans from the left.
  func headerNames(_ slots: [Slot]) -> [String?] {
    slots.map { $0.cover == .left ? nil : TableImport.joinWrapped($0.lines) }
  }

  /// A second header row: under a header cell spanning several columns, names such as
  /// 牵头单位 | 配合单位; every cell of it is a name or covered from above.
  func subHeader(_ names: [String?], _ next: [Slot]) -> [String?]? {
    var any = false
    for s in next where s.cover == .origin && !s.isEmpty {
      let t = ColumnNames.normalized(s.text)
      if ColumnNames.role(of: t) == nil && !["牵头", "配合", "主办", "协办"].contains(t) { return nil }
      any = true
    }
    guard any else { return nil }
    var out = Interpreter.widened(names, under: next)
    for (k, s) in next.enumerated() where k < out.count && s.cover == .origin && !s.isEmpty {
      let lower = TableImport.joinWrapped(s.lines)
      let upper = out[k] ?? out[..<k].last { $0 != nil }.flatMap { $0 } ?? ""
      out[k] = ColumnNames.role(of: lower) != nil ? lower : upper + lower
    }
    return out
  }

  /// The rows under the header, without blank rows and header rows repeated on later pages.
  func bodyRows(_ rows: [Row], header: Header) -> [Row] {
    let names = header.names.map { $0.map(ColumnNames.normalized) }
    // Header rows repeated down the table (Word repeats them on every page), both rows of
    // a two-row header.
    let headerRows = Set(rows[header.index..<(header.index + header.rows)].map { Interpreter.rowKey($0.slots) })
    return rows[(header.index + header.rows)...].filter { r in
      guard !r.slots.allSatisfy(\.isEmpty) else { return false }
      // Names are short: a row with a sentence in it is no header (and is not read again).
      let short = r.slots.allSatisfy { $0.cover != .origin || $0.text.utf8.count <= 90 }
      return !short || (!isRepeatedHeader(r.slots, names) && !headerRows.contains(Interpreter.rowKey(r.slots)))
    }
  }

  /// A row's own texts, without spaces, as one key.
  static func rowKey(_ slots: [Slot]) -> String {
    slots.filter { $0.cover == .origin && !$0.isEmpty }.map { ColumnNames.normalized($0.text) }.joined(separator: "|")
  }

  /// A header row repeated on a later page (Word repeats header rows).
  func isRepeatedHeader(_ slots: [Slot], _ names: [String?]) -> Bool {
    let same = zip(slots, names).filter { s, n in
      guard let n, !n.isEmpty, s.cover == .origin else { return false }
      return ColumnNames.normalized(s.text) == n
    }.count
    return same >= 2
  }

  /// "附件", "附件1：": a label above the title, not content.
  static func isLabel(_ line: String) -> Bool { line.hasPrefix("附件") && line.count <= 6 }

  /// A row's distinct cell texts (a merged cell once).
  static func rowTexts(_ slots: [Slot]) -> [String] {
    var out: [String] = []
    for s in slots where s.cover == .origin && !s.isEmpty { out.append(TableImport.joinWrapped(s.lines)) }
    return out
  }
}
