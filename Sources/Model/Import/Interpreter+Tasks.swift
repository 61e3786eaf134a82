/// The last stages: ids from the rows' numbers, the plan's year, and the tasks with their
/// departments read.
extension Interpreter {
  // MARK: ids

  /// Ids from the numbers the rows carry: as they are; restarting in each category made
  /// unique as "category-number"; none at all, the table order; a row without one (or one
  /// used twice) derived from the row before ("4-1").
  func assignIDs(_ drafts: [Draft], guesses: inout [TableGuess]) -> [String] {
    if drafts.allSatisfy({ $0.number == nil }) {
      if !drafts.isEmpty { guesses.append(.tableOrder(count: drafts.count)) }
      return drafts.indices.map { String($0 + 1) }
    }
    var raw = drafts.map(\.number)
    let numbers = raw.compactMap { $0 }
    if Set(numbers).count < numbers.count, let blocks = restartBlocks(drafts) {
      raw = zip(drafts, blocks).map { d, b in d.number.map { "\(b)-\($0)" } }
      if let example = raw.first(where: { $0?.hasPrefix("2-") == true }) ?? raw.first(where: { $0 != nil }) {
        guesses.append(.restartedNumbering(categories: (blocks.max() ?? 1), example: example ?? ""))
      }
    }
    var used = Set<String>()
    var last = ""
    var out: [String] = []
    for (d, number) in zip(drafts, raw) {
      var id = number ?? ""
      if id.isEmpty || used.contains(id) {
        let base = last.isEmpty ? "0" : last
        var k = 1
        while used.contains("\(base)-\(k)") { k += 1 }
        guesses.append(.derivedID(d.place, id: "\(base)-\(k)", duplicate: id.isEmpty ? nil : id))
        id = "\(base)-\(k)"
      }
      used.insert(id)
      last = id
      out.append(id)
    }
    return out
  }

  /// The block each row's number belongs to, when every fall in the numbering comes with a
  /// new category (group or theme); nil when the numbers fall elsewhere too.
  func restartBlocks(_ drafts: [Draft]) -> [Int]? {
    var block = 1
    var out: [Int] = []
    var previous: (n: Int, group: String, theme: String)? = nil
    for d in drafts {
      if let s = d.number, let n = Int(s) {
        if let p = previous, n <= p.n {
          guard p.group != d.group || p.theme != d.theme else { return nil }
          block += 1
        }
        previous = (n, d.group, d.theme)
      }
      out.append(block)
    }
    return block > 1 ? out : nil
  }

  // MARK: the plan's year

  /// The year deadlines that name none (年底前, 二季度) are read in: `--year`; else the title's
  /// (`2021年政务公开工作要点`); else a plan the text above names; else the year most of the
  /// table's own dated deadlines give.
  func planYear(title: String, preamble: [String], drafts: [Draft]) -> (year: Int, from: YearSource)? {
    if let y = options.year { return (y, .option) }
    if let y = Interpreter.yearNamed(in: title) { return (y, .title) }
    for line in preamble {
      if let plan = Interpreter.namedPlan(line), let y = Interpreter.yearNamed(in: plan) { return (y, .text) }
    }
    var counts: [Int: Int] = [:]
    for d in drafts {
      switch Deadline(d.deadline).kind {
      case .by(let day), .byThenOngoing(let day): counts[day.year, default: 0] += 1
      default: break
      }
    }
    guard let common = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else {
      return nil
    }
    return (common.key, .deadlines)
  }

  /// The first "2021年" (or "2021年度") a text names, as a plan's year.
  static func yearNamed(in text: String) -> Int? {
    let chars = Array(text)
    var k = 0
    while k + 4 < chars.count {
      let four = chars[k..<(k + 4)]
      if four.allSatisfy({ $0.isASCII && $0.isNumber }), chars[k + 4] == "年",
        k == 0 || !(chars[k - 1].isASCII && chars[k - 1].isNumber),
        let y = Int(String(four)), (1990...2100).contains(y)
      {
        return y
      }
      k += 1
    }
    return nil
  }

  // MARK: departments and tasks

  /// The drafts as tasks: each department cell read by the table's splitter, a cell whose
  /// reading drops words kept verbatim in `<header>（原文）`, a number the measure carried
  /// beside kept in its own column.
  func makeTasks(
    _ drafts: [Draft], ids: [String], columns: TableColumns, body: [Row], year: Int?, guesses: inout [TableGuess]
  ) -> (tasks: [PlanTask], extraColumns: [String]) {
    let splitter = DepartmentSplitter(
      cells: body.flatMap { row in
        columns.departmentColumns.compactMap { k in
          k < row.slots.count && row.slots[k].cover == .origin ? row.slots[k].text : nil
        }
      })
    var tasks: [PlanTask] = []
    var keptNumbers = false
    var rawColumns: [String] = []
    var checked = false
    var readings: [String: DepartmentSplitter.Reading] = [:]
    for (d, id) in zip(drafts, ids) {
      var extras = d.extras
      var checks = d.checks
      if d.keptNumber, let n = d.numberCell {
        extras[columns.numberColumnName] = n
        keptNumbers = true
      }
      var lead = Departments()
      var support = Departments()
      for (k, text, place, role) in d.departmentCells {
        // A table repeats its department cells: each is read once, its guesses moved to
        // every place it stands.
        let key = (role == .lead ? "l" : "s") + text
        var read: DepartmentSplitter.Reading
        if let known = readings[key] {
          read = known
        } else {
          read = splitter.read(text, role: role, place: .line(0))
          readings[key] = read
        }
        read.guesses = read.guesses.map { $0.moved(to: place) }
        if role == .lead && columns.role[k] == .supportOrLead && !text.trimmingSpaces.isEmpty {
          guesses.append(.leadFromSupport(place, column: columns.names[k]))
        }
        guesses += read.guesses
        lead.units += read.lead.units.filter { !lead.units.contains($0) }
        lead.others = lead.others || read.lead.others
        support.units += read.support.units.filter { !support.units.contains($0) }
        support.others = support.others || read.support.others
        if read.uncertain && !checks.contains(columns.names[k]) { checks.append(columns.names[k]) }
        if read.altered {
          let name = columns.rawName(k)
          extras[name] = text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(
            separator: "\n")
          if !rawColumns.contains(name) { rawColumns.append(name) }
        }
      }
      if !checks.isEmpty {
        extras[ImportColumnNames.toCheck] = checks.joined(separator: "、")
        checked = true
      }
      let deadline = Deadline(d.deadline).inYear(year)
      if let year, deadline.kind != .unparsed, Deadline(d.deadline).kind == .unparsed {
        guesses.append(.deadlineYear(d.deadlinePlace ?? d.place, text: d.deadline, year: year))
      }
      tasks.append(
        PlanTask(
          id: id, group: d.group, theme: d.theme, measure: d.measure, requirement: d.requirement, lead: lead,
          support: support, deadline: deadline, extras: extras))
    }
    let extraColumns =
      (keptNumbers ? [columns.numberColumnName] : []) + columns.extraNames + rawColumns
      + (checked ? [ImportColumnNames.toCheck] : [])
    return (tasks, extraColumns)
  }
}
