import Model

/// The roll-up dashboard's views, in the order of their number keys.
public enum RollupView: Int, CaseIterable, Sendable {
  case agencies = 1
  case measures
  case staffing

  public func title(_ w: any Words) -> String {
    switch self {
    case .agencies: w.agenciesView
    case .measures: w.measuresView
    case .staffing: w.staffingView
    }
  }
}

/// A row of the roll-up's Staffing view: one unit of one agency, or an agency's total.
public struct RollupUnitRow: Equatable, Sendable {
  public let agency: Int
  public let check: StaffingCheck
  public let isTotal: Bool
}

/// The supervising office's dashboard over many agencies' stores, read-only: the same keys
/// and look as one plan's. Enter on an agency opens that agency's own dashboard, read-only
/// (`agency`); Esc comes back. Only `update` changes it.
public struct RollupState: Sendable {
  public let rollup: Rollup
  public let lang: Lang
  public internal(set) var width: Int
  public internal(set) var height: Int
  public let ascii: Bool
  public internal(set) var view: RollupView = .agencies
  /// Each view's cursor.
  var lists: [RollupView: ListState] = [:]
  /// The first agency column the matrix shows (it scrolls sideways).
  public internal(set) var column = 0
  public internal(set) var showHelp = false
  public internal(set) var message: FooterMessage?
  /// The agency opened with Enter: its own dashboard, read-only.
  public internal(set) var agency: AppState?
  /// The Staffing view's rows: each agency's units, shortfalls first, then its total.
  public let unitRows: [RollupUnitRow]

  public init(rollup: Rollup, lang: Lang, width: Int, height: Int, ascii: Bool = false) {
    self.rollup = rollup
    self.lang = lang
    self.width = width
    self.height = height
    self.ascii = ascii
    var rows: [RollupUnitRow] = []
    for (k, a) in rollup.agencies.enumerated() where a.error == nil {
      let units = a.staffing.sorted { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : false }
      for c in units { rows.append(RollupUnitRow(agency: k, check: c, isTotal: false)) }
      rows.append(
        RollupUnitRow(
          agency: k, check: StaffingCheck(total: lang.words.total, of: a.staffing), isTotal: true))
    }
    unitRows = rows
  }

  /// How many rows the shown view lists.
  public var rowCount: Int {
    switch view {
    case .agencies: rollup.agencies.count
    case .measures: rollup.measures.count
    case .staffing: unitRows.count
    }
  }

  public var selection: Int { min(lists[view]?.selected ?? 0, max(0, rowCount - 1)) }
  public var offset: Int { lists[view]?.offset ?? 0 }

  /// The agency the cursor is on (in the Agencies and Staffing views).
  public var selectedAgency: Int? {
    guard rowCount > 0 else { return nil }
    switch view {
    case .agencies: return selection
    case .staffing: return unitRows[selection].agency
    case .measures: return nil
    }
  }

  /// Where the list and the detail go: as one plan's dashboard, without the navigation pane.
  var layout: (list: Rect, detail: Rect) {
    let body = Rect(x: 0, y: 2, width: width, height: height - 3)
    let listH = body.height * 3 / 5
    return (
      Rect(x: 0, y: body.y, width: width, height: listH),
      Rect(x: 0, y: body.y + listH, width: width, height: body.height - listH)
    )
  }

  var listRows: Int { max(1, layout.list.height - 3) }
}

/// What reaches the roll-up dashboard: a key or a new size.
public enum RollupMsg: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
}

extension RollupState {
  /// The one place its state changes. Pure; the only effects are quitting and redrawing.
  public mutating func update(_ msg: RollupMsg) -> [Effect] {
    switch msg {
    case .resize(let w, let h):
      width = w
      height = h
      _ = agency?.update(.resize(width: w, height: h))
      keepVisible()
      return []
    case .key(let k):
      if agency != nil { return agencyKey(k) }
      return key(k)
    }
  }

  /// A key while an agency's own dashboard is open: Esc where that dashboard has nothing
  /// left to go back from comes back to the roll-up; `q` quits; the rest is its own.
  mutating func agencyKey(_ k: Key) -> [Effect] {
    guard var a = agency else { return [] }
    let atTop =
      a.prompt == nil && a.form == nil && !a.showHelp && a.search.isEmpty && a.filter == .all
      && a.focus == .nav
    if k == .escape && atTop || k == .backspace && atTop {
      agency = nil
      return []
    }
    let effects = a.update(.key(k))
    agency = a
    // A read-only dashboard asks for nothing but quitting and redrawing.
    return effects.filter { $0 == .quit || $0 == .redraw }
  }

  mutating func key(_ k: Key) -> [Effect] {
    if showHelp {
      switch k {
      case .char("q"): return [.quit]
      default: showHelp = false
      }
      return []
    }
    message = nil
    switch k {
    case .char("q"): return [.quit]
    case .ctrl("l"): return [.redraw]
    case .char("?"), .function(1): showHelp = true
    case .char("1"), .char("2"), .char("3"):
      if case .char(let c) = k, let v = RollupView(rawValue: Int(String(c))!) { view = v }
    case .up, .char("k"): move(by: -1)
    case .down, .char("j"): move(by: 1)
    case .pageUp, .ctrl("b"): move(by: -listRows)
    case .pageDown, .ctrl("f"): move(by: listRows)
    case .home, .char("g"): move(by: Int.min / 2)
    case .end, .char("G"): move(by: Int.max / 2)
    case .left, .char("h"):
      if view == .measures { column = max(0, column - 1) }
    case .right, .char("l"):
      if view == .measures { column = min(max(0, rollup.agencies.count - 1), column + 1) }
    case .enter:
      guard let k = selectedAgency else {
        message = FooterMessage(text: lang.words.enterOpensAgency, isError: false)
        return []
      }
      let a = rollup.agencies[k]
      guard let agenda = a.agenda else {
        message = FooterMessage(text: lang.words.failure(a), isError: true)
        return []
      }
      var s = AppState(
        plan: agenda.plan, today: rollup.today, lang: lang, width: width, height: height, ascii: ascii, readOnly: true)
      _ = s.update(.start(notices: [], said: lang.words.readOnlyAgency(a.label)))
      agency = s
    default:
      message = FooterMessage(text: lang.words.keyUnbound(k.name), isError: false)
    }
    keepVisible()
    return []
  }

  mutating func move(by delta: Int) {
    guard rowCount > 0 else { return }
    var l = lists[view] ?? ListState()
    l.selected = clamp(selection + delta, 0, rowCount - 1)
    lists[view] = l
  }

  mutating func keepVisible() {
    var l = lists[view] ?? ListState()
    let rows = listRows
    if selection < l.offset { l.offset = selection }
    if selection >= l.offset + rows { l.offset = selection - rows + 1 }
    l.offset = clamp(l.offset, 0, max(0, rowCount - rows))
    l.selected = selection
    lists[view] = l
  }
}
