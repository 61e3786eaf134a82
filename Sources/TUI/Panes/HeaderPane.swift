import Model

/// The two top rows: the plan's title and its figures for the day, then the views' tabs
/// with the filter and search in force.
enum HeaderPane {
  static func draw(_ s: AppState, into g: inout Grid, header: Rect, tabs: Rect) {
    let words = s.words
    let overall = s.figures.standup.overall
    let overdue = s.figures.standup.overdue.count
    let short = s.figures.standup.shortfalls.count
    // The right side must stay whole: drop the least useful parts until it fits.
    var date = "\(s.today) \(words.weekday(s.today.weekday))  "
    var barW = header.width >= 100 ? 14 : 10
    let counts = " \(overall.done)/\(overall.total)  "
    let late = words.overdueCount(overdue)
    var alert = short > 0 ? "  " + words.headerUnitsShort(short) : ""
    func rightWidth() -> Int { date.displayWidth + barW + counts.displayWidth + late.displayWidth + alert.displayWidth }
    if rightWidth() > header.width - 16, short > 0 { alert = "  " + words.headerShort(short) }
    if rightWidth() > header.width - 16 { date = "\(s.today)  " }
    if rightWidth() > header.width - 16 { barW = 0 }
    var x = max(0, header.width - rightWidth() - 1)
    var title = [s.plan.settings.title, s.plan.settings.agency].filter { !$0.isEmpty }.joined(separator: " · ")
    if s.readOnly { title = words.readOnlyMark + title }
    g.fill(header, style: .normal)
    g.put((" " + title).truncated(toWidth: max(0, x - 1)), x: 0, y: header.y, style: .title)
    x += g.put(date, x: x, y: header.y)
    if barW > 0 {
      Paint.bar(&g, x: x, y: header.y, width: barW, done: overall.done, total: overall.total)
      x += barW
    }
    x += g.put(counts, x: x, y: header.y)
    x += g.put(late, x: x, y: header.y, style: overdue > 0 ? .overdue : .muted)
    g.put(alert, x: x, y: header.y, style: .short)

    // Every view's number always shows: when the names do not all fit, only the shown view's.
    let full = View.allCases.reduce(1) { $0 + " \($1.rawValue) \($1.title(words)) ".displayWidth + 1 }
    var tx = 1
    for v in View.allCases {
      let label = full <= tabs.width || v == s.view ? " \(v.rawValue) \(v.title(words)) " : " \(v.rawValue) "
      tx += g.put(label, x: tx, y: tabs.y, style: v == s.view ? .tabActive : .muted)
      tx += 1
    }
    var status: [String] = []
    if s.filter != .all { status.append(words.filterShown(s.filter.title(words))) }
    if !s.search.isEmpty { status.append(words.searchShown(s.search)) }
    let st = status.joined(separator: "  ")
    if !st.isEmpty {
      let w = min(st.displayWidth, max(0, tabs.width - tx - 1))
      g.put(st, x: tabs.width - w - 1, y: tabs.y, style: .info, maxWidth: w)
    }
  }
}
