import Model

/// A row of the roll-up's Staffing view: one unit of one agency, or an agency's total.
public struct RollupUnitRow: Equatable, Sendable {
  public let agency: Int
  public let check: StaffingCheck
  public let isTotal: Bool
}

/// The supervising office's dashboard over many agencies' stores, read-only: the same keys
/// and look as one plan's. Enter on an agency opens that agency's own dashboard, read-only
/// (`agency`); Esc comes back. Only `update` changes it.
public struct RollupState: Sendable, Speaking {
  public let rollup: Rollup
  public let lang: Lang
  public var words: any Words { lang.words }
  public internal(set) var width: Int
  public internal(set) var height: Int
  public let ascii: Bool
  public internal(set) var view: RollupView = .agencies
  /// Each view's cursor.
  var lists: [RollupView: ListState] = [:]
  /// The first agency column the matrix shows (it scrolls sideways).
  public internal(set) var column = 0
  public internal(set) var showHelp = false
  public internal(set) var helpScroll = 0
  /// What the footer says, oldest first (as one plan's dashboard's).
  public internal(set) var messages: [FooterMessage] = []
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

  /// The latest message.
  public var message: FooterMessage? { messages.last }

  /// How many rows the shown view lists.
  public var rowCount: Int { view.kind.rowCount(self) }

  public var selection: Int { min(lists[view]?.selected ?? 0, max(0, rowCount - 1)) }
  public var offset: Int { lists[view]?.offset ?? 0 }

  /// The agency the cursor is on (in the Agencies and Staffing views).
  public var selectedAgency: Int? { rowCount > 0 ? view.kind.agency(atRow: selection, self) : nil }

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
