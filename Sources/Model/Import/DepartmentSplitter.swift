/// Reads a department cell as people write it into lead and support units: role words
/// (`办公室牵头，各科室配合`), role labels (`牵头单位：…；配合单位：…`), collective names
/// (`各科室`, `市直有关部门`), a trailing 等, bracket widths, names run together. It knows the
/// names that stand alone elsewhere in the same table, which is how it splits names run
/// together (`征收管理科人事教育科`).
struct DepartmentSplitter {
  /// Department names that stand alone somewhere in the table, as the dictionary for names
  /// run together.
  let known: [String]

  /// What one cell said.
  struct Reading {
    var lead = Departments()
    var support = Departments()
    /// The store's text would lose words of the cell (a role word, 等, a collective name),
    /// so the cell is kept verbatim beside.
    var altered = false
    /// The split is not plain (words that are not units dropped, names parted at 和 or by
    /// their endings): the task is marked for a person to check.
    var uncertain = false
    var guesses: [TableGuess] = []
  }

  /// The dictionary from a table's department cells: every name that stands alone, less the
  /// names that are two others run together.
  init(cells: [String]) {
    var seen: [String] = []
    for cell in cells {
      for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
        for part in Departments.split(String(line)).map(DepartmentSplitter.foldBrackets)
        where !seen.contains(part) && !Departments.placeholders.contains(part) {
          seen.append(part)
        }
      }
    }
    known = seen.filter { name in DepartmentSplitter.segment(name, using: seen.filter { $0 != name }) == nil }
  }

  init(known: [String]) { self.known = known }

  /// One department cell read into lead and support; `role` is the column's (a 配合 column's
  /// units support unless the cell says otherwise).
  func read(_ text: String, role: Role, place: SourcePlace) -> Reading {
    var out = Reading()
    let flat = text.split(separator: "\n").map(String.init).joined(separator: "\n")
    var segments: [(Role, String)] = [(role, flat)]
    if let split = DepartmentSplitter.splitRoles(flat.replacing("\n", with: "、")) {
      segments = split
      out.altered = true
    }
    for (r, seg) in segments {
      var (d, g, changed) = departments(seg, place: place)
      out.guesses += g
      out.altered = out.altered || changed
      if r == .lead {
        d.units = d.units.filter { !out.lead.units.contains($0) }
        out.lead.units += d.units
        out.lead.others = out.lead.others || d.others
      } else {
        d.units = d.units.filter { !out.support.units.contains($0) }
        out.support.units += d.units
        out.support.others = out.support.others || d.others
      }
    }
    if segments.count > 1 || segments.first?.0 != role {
      out.guesses.append(
        .roleSplit(
          place, text: flat, lead: segments.filter { $0.0 == .lead }.map(\.1),
          support: segments.filter { $0.0 == .support }.map(\.1)))
    }
    return out
  }

  // MARK: role words

  static let leadWords = ["牵头负责", "负责牵头", "牵头", "主办", "主责", "负责"]
  static let supportWords = [
    "按职能分工落实", "按职责分工落实", "按职责落实", "分工落实", "配合落实", "共同落实", "配合", "协办", "协助", "协同", "参与",
    "参加", "落实",
  ]
  /// Role words longest first, so that "牵头负责" is one word, not "牵头" and then text.
  static let roleWords: [(word: [Character], role: Role)] =
    (leadWords.map { (Array($0), Role.lead) } + supportWords.map { (Array($0), Role.support) })
    .sorted { $0.0.count > $1.0.count }

  /// "办公室牵头，各科室配合" → [(lead, "办公室"), (support, "各科室")]: the text before each
  /// role word takes that role; text after the last one supports a lead named before it.
  /// Labels take the text after them instead ("牵头单位：办公室；配合单位：各科室"), and a
  /// role in brackets ends its clause ("办公室（牵头）、财务科"). Nil when the cell names no role.
  static func splitRoles(_ text: String) -> [(Role, String)]? {
    if let labelled = labelledRoles(text) { return labelled }
    var t = text
    for w in leadWords + supportWords {
      for (open, close) in [("（", "）"), ("(", ")")] where t.contains(open + w + close) {
        t = t.replacing(open + w + close, with: w + "，")
      }
    }
    let chars = Array(t)
    var out: [(Role, String)] = []
    var start = 0
    var i = 0
    let separators: Set<Character> = ["，", ",", "；", ";", "、", "。", " ", "\n", "　"]
    func word(at i: Int) -> (Role, Int)? {
      for (wc, role) in roleWords where i + wc.count <= chars.count && chars[i] == wc[0] {
        guard Array(chars[i..<(i + wc.count)]) == wc else { continue }
        let end = i + wc.count
        // A role word ends its clause: at the end, or before a separator.
        guard end == chars.count || separators.contains(chars[end]) else { continue }
        return (role, wc.count)
      }
      return nil
    }
    while i < chars.count {
      if let (role, n) = word(at: i) {
        let units = String(chars[start..<i]).trimmingSpaces
        if !units.isEmpty { out.append((role, units)) }
        i += n
        while i < chars.count, separators.contains(chars[i]) { i += 1 }
        start = i
      } else {
        i += 1
      }
    }
    guard !out.isEmpty else { return nil }
    let tail = String(chars[start...]).trimmingSpaces
    if !tail.isEmpty { out.append((out.contains { $0.0 == .lead } ? .support : .lead, tail)) }
    // "各科室按职责分工落实" with no lead named: they are the ones responsible.
    if !out.contains(where: { $0.0 == .lead }) && out.allSatisfy({ $0.0 == .support }) {
      let helping = ["配合", "协办", "协助", "协同", "参与", "参加"]
      if !helping.contains(where: { t.contains($0) }) { out = out.map { (.lead, $0.1) } }
    }
    return out
  }

  /// "牵头单位：办公室；配合单位：各科室", "牵头：…": each label's role for the text after it.
  static func labelledRoles(_ text: String) -> [(Role, String)]? {
    guard text.contains("：") || text.contains(":") else { return nil }
    var out: [(Role, String)] = []
    for part in text.split(whereSeparator: { "；;\n".contains($0) }) {
      guard let colon = part.firstIndex(where: { $0 == "：" || $0 == ":" }) else {
        guard !out.isEmpty else { return nil }
        out[out.count - 1].1 += "、" + part
        continue
      }
      let label = part[..<colon].filter { !$0.isWhitespace }
      let body = part[part.index(after: colon)...].trimmingSpaces
      guard label.count <= 6, !body.isEmpty else { return nil }
      if leadWords.contains(where: { label.contains($0) }) || label.hasPrefix("责任") {
        out.append((.lead, body))
      } else if supportWords.contains(where: { label.contains($0) }) {
        out.append((.support, body))
      } else {
        return nil
      }
    }
    return out.isEmpty ? nil : out
  }

  // MARK: names

  /// Generic words for "every section" after 各 or 有关/相关: a placeholder, not a unit.
  static let collectiveEndings = ["科室", "股室", "部门", "单位", "处室", "工作组", "小组", "科所", "站所", "机构", "部门单位"]

  static func isCollective(_ name: String) -> Bool {
    if Departments.placeholders.contains(name) { return true }
    guard name.count <= 10, !name.contains("及"), !name.contains("和") else { return false }
    guard collectiveEndings.contains(where: { name.hasSuffix($0) }) else { return false }
    return name.hasPrefix("各") || name.hasPrefix("其他") || name.hasPrefix("其它") || name.contains("有关")
      || name.contains("相关")
  }

  /// Splits the units of one role: one name per line, the separators 、，,；;, names run
  /// together (split by the table's own names first, else after unit endings), a trailing
  /// 等 dropped, collective names as the placeholder. Also says whether words were dropped.
  func departments(_ text: String, place: SourcePlace) -> (Departments, [TableGuess], Bool) {
    var units: [String] = []
    var others = false
    var guesses: [TableGuess] = []
    var changed = false
    for var part in Departments.split(text) {
      if part.count > 2 && part.hasSuffix("等") {
        let cut = String(part.dropLast()).trimmingSpaces
        guesses.append(.droppedDeng(place, from: part, to: cut))
        part = cut
        changed = true
      }
      if DepartmentSplitter.isCollective(part) {
        others = true
        if !Departments.placeholders.contains(part) { guesses.append(.collective(place, name: part)) }
        if part != "其他相关部门" { changed = true }
        continue
      }
      var names = [part]
      let folded = DepartmentSplitter.foldBrackets(part)
      if folded != part {
        names = [folded]
        guesses.append(.bracketsUnified(place, from: part, to: folded))
      } else if !known.contains(part) {
        if let seg = DepartmentSplitter.segment(part, using: known) {
          names = seg
          guesses.append(.namesSplit(place, text: part, parts: seg, byEndings: false))
        } else if let seg = DepartmentSplitter.splitBySuffix(part) {
          names = seg
          guesses.append(.namesSplit(place, text: part, parts: seg, byEndings: true))
        }
      }
      for n in names where !units.contains(n) { units.append(n) }
    }
    return (Departments(units, others: others), guesses, changed)
  }

  /// One unit written with half-width brackets in one place and full-width in another is one
  /// unit: Chinese text uses the full-width ones.
  static func foldBrackets(_ s: String) -> String {
    String(s.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
  }

  /// Covers `text` exactly with known names (longest first), if it can.
  static func segment(_ text: String, using known: [String]) -> [String]? {
    let sorted = known.sorted { $0.count > $1.count }
    var budget = 10_000
    func go(_ rest: Substring) -> [String]? {
      if rest.isEmpty { return [] }
      budget -= 1
      if budget < 0 { return nil }
      for k in sorted where rest.hasPrefix(k) {
        if let tail = go(rest.dropFirst(k.count)) { return [k] + tail }
      }
      return nil
    }
    guard let parts = go(Substring(text)), parts.count > 1 else { return nil }
    return parts
  }

  /// Splits after section endings (科, 室, 办, 所, 队, 处) when every piece looks like a unit.
  static func splitBySuffix(_ text: String) -> [String]? {
    let endings: Set<Character> = ["科", "室", "办", "所", "队", "处"]
    var parts: [String] = []
    var current = ""
    for ch in text {
      current.append(ch)
      if endings.contains(ch) && current.count >= 3 {
        parts.append(current)
        current = ""
      }
    }
    guard current.isEmpty, parts.count > 1 else { return nil }
    return parts
  }
}
