import Model

/// The three panes a key can act on.
public enum Pane: Int, Sendable, CaseIterable {
  case nav, list, detail
}

/// What `f` cycles through.
public enum Filter: Int, CaseIterable, Sendable {
  case all, notDone, overdue, dueSoon, done

  public func title(_ w: any Words) -> String {
    switch self {
    case .all: w.filterAll
    case .notDone: w.filterNotDone
    case .overdue: w.filterOverdue
    case .dueSoon: w.filterDueSoon
    case .done: w.filterDone
    }
  }

  /// Whether task `i` passes the filter.
  func admits(_ i: Int, _ a: Agenda) -> Bool {
    switch self {
    case .all: true
    case .notDone: !a.isDone(i)
    case .overdue: a.isOverdue(i)
    case .dueSoon: a.isDueWithin(i, days: Agenda.soonDays)
    case .done: a.isDone(i)
    }
  }
}

/// A line of input the footer is asking for.
public struct Prompt: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case search
    case note(String)
    case doneOn(String)
    case trigger(String)
    case confirmRetire(String)
    /// The journal entry to undo, and the question that names whose it is.
    case confirmUndo(Int, String)
  }

  public var purpose: Purpose
  public var line: LineEdit
  public var text: String { line.text }
  /// The task the line edits, as it was shown when the line opened: its change is made
  /// from this (after a refusal, from what the refusal showed).
  var shown: Shown?

  init(_ purpose: Purpose, _ text: String = "", selected: Bool = false, shown: Shown? = nil) {
    self.purpose = purpose
    line = LineEdit(text, selected: selected)
    self.shown = shown
  }

  public func label(_ w: any Words) -> String {
    switch purpose {
    case .search: "/"
    case .note(let id): w.notePrompt(id)
    case .doneOn(let id): w.doneOnPrompt(id)
    case .trigger(let id): w.triggerPrompt(id)
    case .confirmUndo(_, let question): question
    case .confirmRetire(let id): w.confirmRetirePrompt(id)
    }
  }
}

/// An item in the navigation pane.
public enum NavItem: Equatable, Sendable {
  case section(StandupSection)
  case group(String)
  case department(String)
  case unitFilter(UnitFilter)
  case day(Day?)
}

public enum StandupSection: Int, CaseIterable, Sendable {
  case overdue, dueSoon, waiting, changed, shortfalls
}

public enum UnitFilter: Int, CaseIterable, Sendable {
  case all, short, compliant
}

/// An item in the list pane. Identity (`AppState.key(of:)`) survives re-sorting and reloads.
public enum ListItem: Equatable, Sendable {
  case task(index: Int, role: Role?)
  case entry(index: Int)
  case unit(index: Int)
}

/// A line in the footer: a confirmation, or why something did not happen.
public struct FooterMessage: Equatable, Sendable {
  public var text: String
  public var isError: Bool
}

/// What both dashboards' `update` does with the footer's messages and with a key's binding
/// (`AppState`, `RollupState`).
protocol Speaking {
  var messages: [FooterMessage] { get set }
  var words: any Words { get }
}

extension Speaking {
  /// Puts one line in the footer, in place of whatever it said.
  mutating func say(_ text: String, error: Bool = false) {
    messages = [FooterMessage(text: text, isError: error)]
  }

  /// The start message's: each of the store's notices (as errors), then `said`.
  mutating func start(_ notices: [StoreNotice], said: String?) {
    messages = notices.map { FooterMessage(text: words.notice($0), isError: true) }
    if let said { messages.append(FooterMessage(text: said, isError: false)) }
  }

  /// The action of the binding a key has, or nil after saying why there is none: `unbound`
  /// (asked for only then), or why it does nothing now (its disabled reason).
  mutating func action<A>(of binding: Binding<Self, A>?, unbound: (Self) -> String) -> A? {
    guard let binding else {
      say(unbound(self))
      return nil
    }
    if let why = binding.disabled(self) {
      say(why)
      return nil
    }
    return binding.action
  }
}

/// A list's cursor and scroll (ratatui's `ListState`).
public struct ListState: Equatable, Sendable {
  /// The row the cursor was last put on.
  public internal(set) var selected = 0
  /// The first row shown.
  public internal(set) var offset = 0
  /// What the cursor is on, by identity ("t:12", "u:稽查局"), so that it stays on the same
  /// item when the list is made again in another order; nil: row `selected`.
  var key: String?
}

/// What each view keeps while another is shown: its cursors, its focus and its filter.
public struct ViewState: Equatable, Sendable {
  public internal(set) var nav = ListState()
  public internal(set) var list = ListState()
  public internal(set) var focus: Pane
  public internal(set) var filter: Filter = .all
  public internal(set) var detailScroll = 0
}

/// The dashboard's whole state. Only `update` changes it; panes only read it.
public struct AppState: Sendable, Speaking {
  /// The plan and everything worked out from it for the day shown.
  public internal(set) var figures: Figures
  public let lang: Lang
  /// The table of words for `lang`: every text the panes draw comes from it.
  public var words: any Words { lang.words }
  public internal(set) var width: Int
  public internal(set) var height: Int
  public internal(set) var view: View = .standup
  /// Each view's own state; `here` is the shown view's.
  var views: [View: ViewState]
  /// The search applied to task lists (live while typing).
  public internal(set) var search = ""
  public internal(set) var prompt: Prompt?
  /// A form open over the panes (adding or editing a task or a unit).
  public internal(set) var form: Form?
  public internal(set) var showHelp = false
  public internal(set) var helpScroll = 0
  /// What the footer says, oldest first: one line after a key; every notice at the start
  /// (they stack above the footer until the next key).
  public internal(set) var messages: [FooterMessage] = []
  /// Draw borders with ASCII for terminals that show box characters two columns wide.
  public let ascii: Bool
  /// Who the journal records for this session's changes (`u` undoes theirs first).
  public let who: String
  /// Nothing can be saved here (a store this user cannot write, or an agency opened from a
  /// roll-up): the header says so, and the keys that change the plan say why they do nothing.
  public let readOnly: Bool

  /// The shown view's navigation items and list, made when the view, its navigation
  /// choice, the filter, the search or the plan change (never per frame).
  public internal(set) var navItems: [NavItem] = []
  public internal(set) var listItems: [ListItem] = []
  /// Journal entries per day (nil: all), for the Journal view's navigation pane.
  public internal(set) var journalDayCounts: [Day?: Int] = [:]
  /// The search being typed and what each of its queries found.
  var lastSearch: SearchSteps?
  /// How many of a whole-plan search's hits each group holds, in the plan's order.
  public internal(set) var searchSpread: [(group: String, count: Int)] = []
  /// The row under the cursor as it was before a reload changed it, for a moment.
  var changedUnderCursor: ChangedUnderCursor?
  /// The save asked for, until it is saved or refused.
  var saving: Saving?

  public init(
    plan: Plan, today: Day, lang: Lang, width: Int, height: Int, ascii: Bool = false, who: String = "",
    readOnly: Bool = false
  ) {
    self.who = who
    self.readOnly = readOnly
    figures = Figures(plan: plan, today: today)
    self.lang = lang
    self.width = width
    self.height = height
    self.ascii = ascii
    views = Dictionary(uniqueKeysWithValues: View.allCases.map { ($0, ViewState(focus: $0.kind.startFocus)) })
    rebuildNav()
  }

  public var plan: Plan { figures.plan }
  public var agenda: Agenda { figures.agenda }
  public var today: Day { figures.today }

  /// The shown view's state.
  var here: ViewState {
    get { views[view]! }
    set { views[view] = newValue }
  }

  /// The latest message (the one a key just led to).
  public var message: FooterMessage? { messages.last }

  public var focus: Pane { here.focus }
  public var filter: Filter { here.filter }
  public var detailScroll: Int { here.detailScroll }

  // MARK: Cursor

  public var navSelection: Int { min(here.nav.selected, max(0, navItems.count - 1)) }

  public var selectedNav: NavItem? { navItems.isEmpty ? nil : navItems[navSelection] }

  /// The list row the cursor is on, found by identity first.
  public var listSelection: Int {
    guard !listItems.isEmpty else { return 0 }
    let remembered = min(here.list.selected, listItems.count - 1)
    guard let key = here.list.key else { return remembered }
    // Usually the remembered row still holds the item; else look for it.
    if key == self.key(of: listItems[remembered]) { return remembered }
    return index(ofKey: key) ?? remembered
  }

  public var listScrollOffset: Int { here.list.offset }
  public var navScrollOffset: Int { here.nav.offset }

  public var selectedItem: ListItem? { listItems.isEmpty ? nil : listItems[listSelection] }

  /// The task the cursor points at (in the list, or behind a journal entry).
  public var selectedTaskIndex: Int? {
    switch selectedItem {
    case .task(let i, _): return i
    case .entry(let e):
      if case .task(let id) = plan.journal[e].change.target { return plan.index(of: id) }
      return nil
    default: return nil
    }
  }

  /// An item's identity across rebuilds: a task's id, a journal entry's number, a unit's name.
  func key(of item: ListItem) -> String {
    switch item {
    case .task(let i, _): "t:" + plan.tasks[i].id
    case .entry(let e): "e:\(plan.journal[e].seq)"
    case .unit(let u): "u:" + plan.staffing[u].name
    }
  }

  /// The first list row whose identity is `key`.
  func index(ofKey key: String) -> Int? {
    let body = key.dropFirst(2)
    switch key.prefix(2) {
    case "t:":
      guard let t = plan.index(of: String(body)) else { return nil }
      return listItems.firstIndex {
        if case .task(let i, _) = $0 { return i == t }
        return false
      }
    case "e:":
      guard let seq = Int(body) else { return nil }
      return listItems.firstIndex {
        if case .entry(let e) = $0 { return plan.journal[e].seq == seq }
        return false
      }
    case "u:":
      return listItems.firstIndex {
        if case .unit(let u) = $0 { return plan.staffing[u].name == body }
        return false
      }
    default: return nil
    }
  }

  /// Puts the list cursor on row `k` (and remembers what is there).
  mutating func selectRow(_ k: Int) {
    here.list.selected = k
    here.list.key = listItems.indices.contains(k) ? key(of: listItems[k]) : nil
  }

  /// Remembers the selected item by identity before the lists are made again, so the cursor
  /// stays on the same task or unit when the order changes under it.
  mutating func pinSelection() {
    if here.list.key == nil, let item = selectedItem { here.list.key = key(of: item) }
  }

  // MARK: Lists

  /// Takes a new version of the plan (after a save, or a reload) in which the tasks at
  /// `changed` differ (nil: any may).
  mutating func replacePlan(_ p: Plan, changed: [Int]?) {
    figures.mend(to: p, changed: changed)
    lastSearch = nil
    rebuildNav()
  }

  /// Works out everything again for another day.
  mutating func moveTo(_ day: Day) {
    figures.move(to: day)
    lastSearch = nil
    rebuildNav()
  }

  /// The shown view's navigation items, then its list.
  mutating func rebuildNav() {
    navItems = view.kind.navItems(&self)
    rebuildList()
  }

  /// The list for the current navigation choice, after the filter and the search.
  mutating func rebuildList() {
    let q = search.lowercased()
    // A search in a view of tasks looks through the whole plan, not only the list shown (the
    // title then says where the hits are), with the chosen department's role marked.
    let scope = !q.isEmpty && view.searchesAllTasks ? "plan:\(filter.rawValue):" + navScopeKey : nil
    // The same whole-plan search as a moment ago, one character more or less: its list is
    // still the one to search, and need not be made again.
    var items: [ListItem]
    if let scope, let last = lastSearch, last.scope == scope {
      items = last.base
    } else {
      items = listBeforeSearch(wholePlan: scope != nil)
    }
    guard !q.isEmpty else {
      lastSearch = nil
      searchSpread = []
      listItems = items
      return
    }
    figures.prepareSearch()
    let plain = SearchText.plainQuery(q)
    let f = figures
    func matches(_ item: ListItem) -> Bool {
      if case .task(let i, _) = item { return f.matches(i, q, plain: plain) }
      return self.matches(item, q)
    }
    var steps: SearchSteps
    if let last = lastSearch, last.scope == scope, scope != nil || last.base == items {
      steps = last
    } else {
      steps = SearchSteps(scope: scope, base: items)
    }
    items = steps.hits(for: q, filter: matches)
    lastSearch = steps
    searchSpread = scope == nil ? [] : figures.groupCounts(items)
    listItems = items
  }

  /// The list the search looks through: the navigation choice's (or, for a whole-plan search,
  /// every task in urgency order), after the filter.
  mutating func listBeforeSearch(wholePlan: Bool) -> [ListItem] {
    let a = agenda
    var items: [ListItem]
    if wholePlan {
      var role: [Role?] = []
      if case .department(let d) = selectedNav {
        role = Array(repeating: nil, count: plan.tasks.count)
        for (i, r) in tasks(ofDepartment: d) { role[i] = r }
      }
      items = a.urgency.map { .task(index: $0, role: role.isEmpty ? nil : role[$0]) }
    } else {
      items = selectedNav.map { view.kind.items($0, &self) } ?? []
    }
    if filter != .all {
      items = items.filter { item in
        guard case .task(let i, _) = item else { return true }
        return filter.admits(i, a)
      }
    }
    return items
  }

  /// What the list of a whole-plan search depends on besides the query: the department
  /// chosen (its role marks).
  var navScopeKey: String {
    if case .department(let d) = selectedNav { return d }
    return ""
  }

  /// Whether a journal entry or a unit matches a lowercased query.
  func matches(_ item: ListItem, _ q: String) -> Bool {
    switch item {
    case .task(let i, _):
      // Not the group or theme: every task in a group shares them, so they would match all.
      return SearchText.fieldsContain(plan.tasks[i], q)
    case .entry(let e):
      let x = plan.journal[e]
      let p = Phrases(words)
      return [x.by, x.change.op, p.summary(x), p.target(x.change.target)].contains {
        $0.lowercased().contains(q)
      }
    case .unit(let u): return plan.staffing[u].name.lowercased().contains(q)
    }
  }

  /// `figures.tasks(ofDepartment:)`, for the panes.
  public func tasks(ofDepartment name: String) -> [(index: Int, role: Role)] { figures.tasks(ofDepartment: name) }

  /// Units in shortfall order: the largest shortfall first, then as the file lists them.
  func shortfallOrder(_ units: [Int]) -> [Int] {
    let short = Dictionary(uniqueKeysWithValues: units.map { ($0, plan.check(ofUnit: $0).shortfall) })
    return units.sorted { a, b in short[a]! != short[b]! ? short[a]! > short[b]! : a < b }
  }
}
