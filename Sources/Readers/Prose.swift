import Model

/// A plan written as prose: numbered paragraphs, each a measure followed by its responsible
/// units in brackets (`1.…。（牵头单位：A、B，责任单位：C；完成时限：2019年底前）`,
/// `〔责任单位：…〕`, `(十七)…。(A牵头,B、C及D配合)`) or on lines of their own after it
/// (`牵头单位：…` / `配合单位：…`), under headings `一、` → `（一）` → `1.`, with paragraphs
/// before and between them that are no tasks. Read into the grid a table would give (one
/// row per item: number, group, theme, measure, responsible units, deadline), so that the
/// interpreter reads it as it reads any table. What the units' words mean is the
/// interpreter's (`DepartmentSplitter`): the cell keeps them as printed.
enum Prose {
  typealias Paragraph = (text: String, place: SourcePlace)

  /// The header the grid carries: names the vocabulary knows.
  static let header = ["序号", "工作组", "工作任务", "工作措施", "责任单位", "完成时限"]

  /// The items as a grid, nil when no numbered paragraph names who is responsible.
  static func grid(_ paragraphs: [Paragraph], format: SourceFormat) -> TableGrid? {
    let ps = paragraphs.map { (text: $0.text.trimmingSpaces, place: $0.place) }.filter { !$0.text.isEmpty }
    let numbers = ps.map { number($0.text) }
    // The items: the level whose numbered paragraphs say who is responsible, in brackets at
    // their end or on lines of their own after them.
    func names(_ k: Int) -> Bool { responsibility(ps[k].text) != nil || hasRoleLineAhead(ps, k + 1, numbers) }
    var responsible: [Int: Int] = [:]
    for k in ps.indices where numbers[k] != nil && names(k) { responsible[numbers[k]!.level, default: 0] += 1 }
    guard let itemLevel = responsible.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
    else { return nil }
    // A numbered paragraph that names no one is an item only in a section whose other items
    // do ("一、总体要求" with its "（一）指导思想" is no part of the tasks).
    var section = 0
    var sectionOf: [Int: Int] = [:]
    var sectionsNaming = Set<Int>()
    for k in ps.indices {
      guard let n = numbers[k] else { continue }
      if n.level < itemLevel { section += 1 }
      if n.level == itemLevel {
        sectionOf[k] = section
        if names(k) { sectionsNaming.insert(section) }
      }
    }
    let headingLevels = Set(numbers.compactMap { $0?.level }.filter { $0 < itemLevel })
    let themeLevel = headingLevels.max()
    let groupLevel = headingLevels.filter { $0 != themeLevel }.max()
    var rows: [GridRow] = []
    var preamble: [String] = []
    var group = ""
    var theme = ""
    var k = 0
    var skipped: [SourcePlace] = []
    while k < ps.count {
      let p = ps[k]
      guard let n = numbers[k] else {
        if rows.isEmpty && group.isEmpty && theme.isEmpty { preamble.append(p.text) } else { skipped.append(p.place) }
        k += 1
        continue
      }
      if n.level < itemLevel {
        if n.level == themeLevel {
          theme = p.text
        } else if n.level == groupLevel {
          group = p.text
          theme = ""
        } else {
          group = ""
          theme = ""
        }
        k += 1
        continue
      }
      guard n.level == itemLevel, names(k) || sectionsNaming.contains(sectionOf[k] ?? -1) else {
        skipped.append(p.place)
        k += 1
        continue
      }
      var measure = String(p.text.dropFirst(n.label))
      var units = ""
      var deadline = ""
      var unitsPlace = p.place
      if let r = responsibility(measure) {
        measure = String(measure[..<r.start])
        (units, deadline) = split(r.content)
      }
      k += 1
      // The measure's own lines go on until its role lines, which say who and when.
      var lines: [String] = []
      if units.isEmpty && hasRoleLineAhead(ps, k, numbers) {
        while k < ps.count, numbers[k] == nil, roleLine(ps[k].text) == nil {
          measure += ps[k].text
          k += 1
        }
      }
      while k < ps.count, numbers[k] == nil, let line = roleLine(ps[k].text) {
        if line.isDeadline {
          deadline = line.value
        } else {
          lines.append(ps[k].text)
          if lines.count == 1 { unitsPlace = ps[k].place }
        }
        k += 1
      }
      if !lines.isEmpty { units = ([units].filter { !$0.isEmpty } + lines).joined(separator: "；") }
      let cells = [String(n.value), group, theme, measure.trimmingSpaces, units, deadline]
      rows.append(
        GridRow(
          cells.enumerated().map { i, t in GridCell(t, place: i == 4 ? unitsPlace : p.place) }, place: p.place))
    }
    guard !rows.isEmpty else { return nil }
    let place = ps.first?.place ?? .line(1)
    let headerRow = GridRow(header.map { GridCell($0, place: place) }, place: place)
    var notes: [TableGuess] = [.readAsProse(items: rows.count)]
    if !skipped.isEmpty { notes.append(.paragraphsNotTasks(skipped)) }
    return TableGrid(
      rows: [headerRow] + rows, preamble: preamble, format: format, notes: notes, mergesRecorded: true, prose: true)
  }

  /// Whether role lines follow before the next numbered paragraph.
  static func hasRoleLineAhead(_ ps: [(text: String, place: SourcePlace)], _ k: Int, _ numbers: [Number?]) -> Bool {
    var j = k
    while j < ps.count, numbers[j] == nil {
      if roleLine(ps[j].text) != nil { return true }
      j += 1
    }
    return false
  }

  // MARK: numbers

  /// A paragraph's number: its level (1: 一、 2: （一） 3: 1. 4: （1）), its value and the
  /// length of its label.
  struct Number: Equatable {
    var level: Int
    var value: Int
    var label: Int
  }

  static func number(_ text: String) -> Number? {
    let chars = Array(text)
    guard let first = chars.first else { return nil }
    if first == "（" || first == "(" {
      var j = 1
      while j < chars.count, chars[j] != "）", chars[j] != ")", j < 6 { j += 1 }
      guard j < chars.count, j > 1, chars[j] == "）" || chars[j] == ")" else { return nil }
      let inside = String(chars[1..<j])
      if let v = chineseNumber(inside) { return Number(level: 2, value: v, label: j + 1) }
      if let v = Int(digits(inside)) { return Number(level: 4, value: v, label: j + 1) }
      return nil
    }
    var j = 0
    while j < chars.count, chars[j].isNumber, j < 4 { j += 1 }
    guard j > 0, j < chars.count else { return nil }
    let head = String(chars[..<j])
    if let v = Int(digits(head)), ".．、".contains(chars[j]) {
      // "1.5万" and "2019年" are no numbers of a paragraph.
      if j + 1 < chars.count, chars[j + 1].isNumber { return nil }
      return Number(level: 3, value: v, label: j + 1)
    }
    if let v = chineseNumber(head), chars[j] == "、" { return Number(level: 1, value: v, label: j + 1) }
    return nil
  }

  /// Full-width digits as ASCII.
  static func digits(_ s: String) -> String {
    String(
      s.unicodeScalars.map { u in
        (0xFF10...0xFF19).contains(u.value) ? Character(Unicode.Scalar(u.value - 0xFF10 + 0x30)!) : Character(u)
      })
  }

  /// 一 … 九十九 as a number; nil for anything else.
  static func chineseNumber(_ s: String) -> Int? {
    let values: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    let chars = Array(s)
    guard !chars.isEmpty, chars.count <= 3 else { return nil }
    if let ten = chars.firstIndex(of: "十") {
      let left = ten == 0 ? 1 : (ten == 1 ? values[chars[0]] : nil)
      let right = ten + 1 < chars.count ? (ten + 2 == chars.count ? values[chars[ten + 1]] : nil) : 0
      guard let l = left, let r = right else { return nil }
      return l * 10 + r
    }
    guard chars.count == 1 else { return nil }
    return values[chars[0]]
  }

  // MARK: who and when

  static let opens: Set<Character> = ["（", "(", "〔", "[", "【"]
  static let closes: Set<Character> = ["）", ")", "〕", "]", "】"]

  /// The bracket at the end of a paragraph that says who is responsible: its content and
  /// where it starts. A bracket inside the measure ("机构设置(机构职能、内设机构…)") names no role.
  static func responsibility(_ text: String) -> (content: String, start: String.Index)? {
    var end = text.endIndex
    while end > text.startIndex, "。；;，, ".contains(text[text.index(before: end)]) { end = text.index(before: end) }
    guard end > text.startIndex, closes.contains(text[text.index(before: end)]) else { return nil }
    var depth = 0
    var i = text.index(before: end)
    while true {
      let ch = text[i]
      if closes.contains(ch) { depth += 1 }
      if opens.contains(ch) {
        depth -= 1
        if depth == 0 { break }
      }
      guard i > text.startIndex else { return nil }
      i = text.index(before: i)
    }
    let content = String(text[text.index(after: i)..<text.index(before: end)]).trimmingSpaces
    guard namesRoles(content) else { return nil }
    return (content, i)
  }

  /// Role labels or role words: "牵头单位：", "责任单位:", "A牵头", "B配合".
  static func namesRoles(_ text: String) -> Bool {
    ["牵头", "配合", "负责", "落实", "协办", "主办", "参与", "会同", "各负其责", "责任单位", "责任部门"].contains { text.contains($0) }
  }

  /// The bracket's deadline ("完成时限：2019年底前", or a clause that is one: "2021年底前完成")
  /// apart from its units.
  static func split(_ content: String) -> (units: String, deadline: String) {
    var units: [String] = []
    var deadline = ""
    for part in content.split(whereSeparator: { "；;".contains($0) }) {
      var kept: [String] = []
      for clause in part.split(whereSeparator: { "，,".contains($0) }) {
        let c = String(clause).trimmingSpaces
        if let line = roleLine(c), line.isDeadline {
          deadline = line.value
        } else if roleLine(c) == nil, !namesRoles(c), Deadline(c, year: 2000).kind != .unparsed {
          deadline = c
        } else {
          kept.append(c)
        }
      }
      if !kept.isEmpty { units.append(kept.joined(separator: "，")) }
    }
    return (units.joined(separator: "；"), deadline)
  }

  /// "牵头单位：市司法局", "完成时限：2021年6月底前": a label, a colon and a value.
  static func roleLine(_ text: String) -> (value: String, isDeadline: Bool)? {
    let t = text.trimmingSpaces
    guard let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
    let label = t[..<colon].filter { !$0.isWhitespace }
    let value = t[t.index(after: colon)...].trimmingSpaces
    guard !value.isEmpty, label.count <= 6 else { return nil }
    if ["完成时限", "完成时间", "时限", "时间", "期限", "完成期限", "时间节点"].contains(String(label)) { return (value, true) }
    let roles = ["牵头", "责任", "配合", "协办", "主办", "参与"]
    guard roles.contains(where: { label.hasPrefix($0) }) else { return nil }
    return (value, false)
  }
}
