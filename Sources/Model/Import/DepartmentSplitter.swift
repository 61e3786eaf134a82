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
    if let split = clauses(flat.replacing("\n", with: "、"), role: role) {
      segments = split.segments
      out.altered = true
      out.uncertain = split.unsure
      if !split.dropped.isEmpty {
        out.uncertain = true
        out.guesses.append(.wordsDropped(place, text: flat, dropped: split.dropped))
      }
    }
    for (r, seg) in segments {
      var (d, g, changed) = departments(seg, place: place)
      out.guesses += g
      out.altered = out.altered || changed
      out.uncertain = out.uncertain || g.contains(where: DepartmentSplitter.isUncertain)
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

  /// Splits that are not plain: a person should check them.
  static func isUncertain(_ g: TableGuess) -> Bool {
    switch g {
    case .conjunctionSplit(_, _, _, true), .namesSplit(_, _, _, true): true
    default: false
    }
  }

  // MARK: role words

  /// What a role word says about the units before it. `either`: they support a lead named
  /// beside them, and lead where none is (负责, 落实, 按职责分工落实, 各负其责).
  enum Says { case lead, support, either }

  /// Role words longest first, so that "牵头负责" is one word, not "牵头" and then text.
  static let roleWords: [(word: [Character], says: Says)] = {
    let lead = ["分别牵头落实", "牵头负责", "负责牵头", "分别牵头", "共同牵头", "牵头", "主办", "主责"]
    let support = ["积极配合", "密切配合", "共同配合", "协助配合", "配合落实", "配合", "协办", "协助", "协同", "参与", "参加"]
    // 负责 and 落实 beside a 牵头: they carry it out under the lead; alone, they lead.
    let either = [
      "按职能分工落实", "按职责分工落实", "按职责落实", "分别负责落实", "负责落实", "具体落实", "分工落实", "共同落实", "共同负责",
      "分别负责", "具体负责", "各负其责", "负责", "落实",
    ]
    let all =
      lead.map { (Array($0), Says.lead) } + support.map { (Array($0), Says.support) }
      + either.map { (Array($0), Says.either) }
    return all.sorted { $0.0.count > $1.0.count }
  }()

  /// The characters role words start with: most characters of a cell start none.
  static let roleStarts = Set(roleWords.map { $0.word[0] })

  /// Words that start what units do after their names ("…根据各自执法实际制定",
  /// "…对本单位职责任务进行规范"): the units are before them, the rest is no unit.
  static let actionWords = [
    "对", "根据", "按照", "依据", "依照", "结合", "参照", "分头", "分别", "各自", "制定", "做好", "抓好", "开展", "进行", "实施",
    "推进", "完成", "建立", "积极", "共同", "具体", "统筹", "组织", "加强", "指导", "督促", "研究", "起草", "编制",
  ]

  static let separators: Set<Character> = ["，", ",", "；", ";", "、", "。", " ", "\n", "　"]
  /// Separators that end a clause (a 、 only parts names).
  static let clauseEnds: Set<Character> = ["，", ",", "；", ";", "。", "\n"]

  /// A cell read as clauses of units and what they do: "办公室牵头，各科室配合" →
  /// [(lead, "办公室"), (support, "各科室")]. The text before each role word takes its role
  /// (a role word followed by what the units do: "牵头制定"); "X会同Y" and "X会Y": X leads, Y
  /// supports; text after the last role word supports a lead named before it, or leads;
  /// labels take the text after them ("牵头单位：办公室；配合单位：各科室"); a role in
  /// brackets ends its clause ("办公室（牵头）、财务科"); words after the units that are no
  /// unit ("…根据各自执法实际制定") are dropped, and said. Nil when the cell names no role
  /// and drops no word: a plain list.
  func clauses(_ text: String, role: Role) -> (segments: [(Role, String)], dropped: [String], unsure: Bool)? {
    typealias S = DepartmentSplitter
    if let labelled = S.labelledRoles(text) { return (labelled, [], false) }
    var t = text
    if t.contains(where: { $0 == "（" || $0 == "(" }) {
      for (w, _) in S.roleWords {
        let word = String(w)
        for (open, close) in [("（", "）"), ("(", ")")] where t.contains(open + word + close) {
          t = t.replacing(open + word + close, with: word + "，")
        }
      }
    }
    let chars = Array(t)
    var found: [(Says, String)] = []
    var dropped: [String] = []
    /// A short 会 read as 会同: a guess.
    var unsure = false
    /// After 会同: the units until the next role word support.
    var together = false
    var start = 0
    var i = 0
    /// The role word at `i`, when text before it names units, with the length of the words
    /// after it that say what they do.
    func word(at i: Int) -> (Says, Int, tail: Int)? {
      guard i > start, S.roleStarts.contains(chars[i]) else { return nil }
      for (wc, says) in S.roleWords where i + wc.count <= chars.count && chars[i] == wc[0] {
        guard Array(chars[i..<(i + wc.count)]) == wc else { continue }
        let end = i + wc.count
        if end == chars.count || S.separators.contains(chars[end]) { return (says, wc.count, 0) }
        // "牵头制定": what the units do, up to the clause's end, is no unit.
        var e = end
        while e < chars.count, !S.clauseEnds.contains(chars[e]) { e += 1 }
        let after = String(chars[end..<e])
        if !S.isUnitLike(after) && !after.contains("、") && after.count <= 20 { return (says, wc.count, e - end) }
      }
      return nil
    }
    func take(_ units: String, _ says: Says) {
      var u = units.trimmingSpaces
      if u.hasPrefix("由") { u = String(u.dropFirst()).trimmingSpaces }
      if !u.isEmpty { found.append((together ? .support : says, u)) }
    }
    while i < chars.count {
      // "X会同Y", "X会Y": X leads, Y supports.
      if i > start, chars[i] == "会" {
        let before = String(chars[start..<i]).trimmingSpaces
        let n = i + 1 < chars.count && chars[i + 1] == "同" ? 2 : 1
        var e = i + n
        while e < chars.count, !S.separators.contains(chars[e]) { e += 1 }
        let after = String(chars[(i + n)..<e])
        // The short 会 only between two whole names (not in 区社会事业局, 市总工会).
        let strong = ["局", "办", "委", "部", "厅", "科", "室", "中心", "院", "所", "队", "处", "站", "政府"]
        if n == 2
          || (before.count >= 3 && strong.contains(where: { before.hasSuffix($0) }) && after.count >= 3
            && S.isUnitLike(S.stripAction(after).units))
        {
          take(before, .lead)
          together = true
          unsure = unsure || n == 1
          i += n
          start = i
          continue
        }
      }
      if let (says, n, tail) = word(at: i) {
        take(String(chars[start..<i]), says)
        if tail > 0 { dropped.append(String(chars[(i + n)..<(i + n + tail)])) }
        together = false
        i += n + tail
        while i < chars.count, S.separators.contains(chars[i]) { i += 1 }
        start = i
      } else {
        i += 1
      }
    }
    let rest = start < chars.count ? String(chars[start...]).trimmingSpaces : ""
    let anyRole = !found.isEmpty
    if !rest.isEmpty {
      // After the last role word: they support a lead named before, and lead otherwise; a
      // cell with no role word keeps its column's role.
      // After 负责 or 落实 with no 牵头 named, the rest is named the same way.
      let says: Says =
        together
        ? .support
        : !anyRole
          ? (role == .support ? .support : .lead)
          : found.contains { $0.0 == .lead } ? .support : found.last?.0 == .either ? .either : .lead
      found.append((says, rest))
    }
    // What the units do, after their names, is no unit.
    let named = found.contains { $0.0 == .lead }
    var segments: [(Role, String)] = []
    for (says, units) in found {
      var parts: [String] = []
      for clause in units.split(whereSeparator: { S.clauseEnds.contains($0) }) {
        let (u, cut) = S.stripAction(String(clause))
        if let cut { dropped.append(cut) }
        if !u.isEmpty { parts.append(u) }
      }
      guard !parts.isEmpty else { continue }
      let r: Role =
        switch says {
        case .lead: .lead
        case .support: .support
        case .either: named ? .support : .lead
        }
      segments.append((r, parts.joined(separator: "、")))
    }
    guard anyRole || !dropped.isEmpty else { return nil }
    return (segments, dropped, unsure)
  }

  /// "交警大队根据各自执法实际制定" → ("交警大队", "根据各自执法实际制定"): the units before the
  /// words that say what they do, in the last of the names; nil when nothing is cut.
  static func stripAction(_ text: String) -> (units: String, cut: String?) {
    let t = text.trimmingSpaces
    let lastSep = t.lastIndex { "、 　".contains($0) }
    let head = lastSep.map { String(t[...$0]) } ?? ""
    let last = lastSep.map { String(t[t.index(after: $0)...]) } ?? t
    let chars = Array(last)
    var k = 1
    while k < chars.count {
      if actionStarts.contains(chars[k]) {
        for wc in actionChars where wc[0] == chars[k] && k + wc.count <= chars.count {
          guard chars[k..<(k + wc.count)].elementsEqual(wc) else { continue }
          let tail = String(chars[k...])
          if !isUnitLike(tail) { return ((head + String(chars[..<k])).trimmingSpaces, tail) }
          break
        }
      }
      k += 1
    }
    return (t, nil)
  }

  static let actionChars = actionWords.map { Array($0) }
  static let actionStarts = Set(actionChars.map { $0[0] })

  /// "牵头单位：办公室；配合单位：各科室", "（牵头单位:A、B,责任单位:C）": each label's role for
  /// the text after it, up to the next label. A lone 责任单位 leads; beside a 牵头单位 it
  /// supports.
  static func labelledRoles(_ text: String) -> [(Role, String)]? {
    guard text.contains("：") || text.contains(":") else { return nil }
    let chars = Array(text)
    var labels: [(start: Int, bodyStart: Int, says: Says?)] = []
    for (k, ch) in chars.enumerated() where ch == "：" || ch == ":" {
      // The label: the run of letters before the colon, back to a separator or the start.
      var b = k
      while b > 0, !separators.contains(chars[b - 1]), !"（(：:".contains(chars[b - 1]) { b -= 1 }
      let label = String(chars[b..<k]).filter { !$0.isWhitespace }
      // A colon doubled ("牵头单位：：") is one.
      if label.isEmpty && k > 0 && "：:".contains(chars[k - 1]) { continue }
      guard !label.isEmpty, label.count <= 6 else { return nil }
      let says: Says?
      if label.hasPrefix("责任") {
        says = nil
      } else if ["牵头", "主办", "主责", "负责"].contains(where: { label.contains($0) }) {
        says = .lead
      } else if ["配合", "协办", "协助", "参与"].contains(where: { label.contains($0) }) {
        says = .support
      } else {
        return nil
      }
      labels.append((b, k + 1, says))
    }
    guard let first = labels.first,
      String(chars[..<first.start]).allSatisfy({ separators.contains($0) || $0.isWhitespace })
    else { return nil }
    let hasLead = labels.contains { $0.says == .lead }
    var out: [(Role, String)] = []
    for (n, l) in labels.enumerated() {
      let end = max(l.bodyStart, n + 1 < labels.count ? labels[n + 1].start : chars.count)
      var body = String(chars[l.bodyStart..<end]).trimmingSpaces
      while let last = body.last, separators.contains(last) { body.removeLast() }
      while let first = body.first, "：:".contains(first) { body.removeFirst() }
      guard !body.isEmpty else { continue }
      let says = l.says ?? (hasLead ? .support : .lead)
      out.append((says == .support ? .support : .lead, body))
    }
    return out.isEmpty ? nil : out
  }

  /// Endings of unit names (局, 办, 科, 中心, 政府, 机关 …): a piece that ends so is a unit,
  /// not the words of what one does.
  static let unitEndings = [
    "局", "办", "科", "室", "所", "队", "委", "部", "中心", "院", "站", "处", "厅", "组", "馆", "会", "团", "社", "司", "府", "园",
    "区", "县", "镇", "乡", "街道", "机关", "单位", "部门", "企业", "股", "公司", "集团", "学校", "机构", "基地", "银行", "村",
  ]

  static func isUnitLike(_ name: String) -> Bool {
    let n = name.trimmingSpaces
    return n.count >= 2 && unitEndings.contains { n.hasSuffix($0) }
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
    let parts = partsOf(text, place: place, guesses: &guesses)
    // Names parted at 和 or 及: the store's 、 loses the word, so the cell is kept as printed.
    var changed = guesses.contains { if case .conjunctionSplit = $0 { true } else { false } }
    for var part in parts {
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

  /// The names of a list: parted at 、，,；; and line breaks (`Departments.split`), at a space
  /// between names, and at 和, 及 or 与 where each side stands as a unit of its own (a name
  /// ending as units do, one the table names alone, or one shaped as its neighbours are):
  /// "禁毒和出入境" parts, "市住房和城乡建设局" does not.
  func partsOf(_ text: String, place: SourcePlace, guesses: inout [TableGuess]) -> [String] {
    var parts: [String] = []
    for p in Departments.split(text) {
      parts += p.split(whereSeparator: { $0 == " " || $0 == "　" }).map(String.init)
    }
    let plain = parts.filter { p in !["和", "及", "与"].contains(where: { p.contains($0) }) }
    let longest = plain.map(\.count).max() ?? 0
    let shaped = plain.count >= 2 && !plain.contains(where: DepartmentSplitter.isUnitLike)
    func named(_ s: String) -> Bool {
      DepartmentSplitter.isUnitLike(s) || known.contains(s) || DepartmentSplitter.isCollective(s)
    }
    func stands(_ s: String) -> Bool { named(s) || (shaped && s.count >= 2 && s.count <= longest + 1) }
    func split(_ s: String) -> [String]? {
      let chars = Array(s)
      var depth = 0
      for (k, ch) in chars.enumerated() {
        if "（(".contains(ch) { depth += 1 }
        if "）)".contains(ch) { depth = max(0, depth - 1) }
        guard depth == 0, "和及与".contains(ch), k > 0, k + 1 < chars.count, chars[k + 1] != "其" else { continue }
        let left = String(chars[..<k])
        let right = String(chars[(k + 1)...])
        // A collective phrase goes on past 及 ("其他股室及属下单位" is one placeholder).
        guard stands(left), !DepartmentSplitter.isCollective(left) else { continue }
        if stands(right) { return [left, right] }
        if let more = split(right) { return [left] + more }
      }
      return nil
    }
    var out: [String] = []
    for p in parts {
      if let pieces = split(p) {
        guesses.append(.conjunctionSplit(place, text: p, parts: pieces, byShape: !pieces.allSatisfy(named)))
        out += pieces
      } else {
        out.append(p)
      }
    }
    return out
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
