import Model

/// A key press, as the backend reports it.
public enum Key: Hashable, Sendable {
  case char(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, delete, tab, backTab
  case ctrl(Character)
  case function(Int)

  /// Names used in help and in keystroke scripts ("j", "enter", "pgdn", "space").
  public var name: String {
    switch self {
    case .char(" "): "Space"
    case .char(let c): String(c)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Bksp"
    case .delete: "Del"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .ctrl(let c): "C-\(c)"
    case .function(let n): "F\(n)"
    }
  }

  /// Parses a script word: a single character, or a name such as "enter" or "pgdn".
  public init?(script word: String) {
    switch word.lowercased() {
    case "up": self = .up
    case "down": self = .down
    case "left": self = .left
    case "right": self = .right
    case "pgup", "pageup": self = .pageUp
    case "pgdn", "pagedown": self = .pageDown
    case "home": self = .home
    case "end": self = .end
    case "enter": self = .enter
    case "esc", "escape": self = .escape
    case "bksp", "backspace": self = .backspace
    case "del": self = .delete
    case "tab": self = .tab
    case "btab", "s-tab": self = .backTab
    case "space": self = .char(" ")
    default:
      if word.hasPrefix("C-"), word.count == 3 {
        self = .ctrl(word.last!)
      } else if word.count == 1 {
        self = .char(word.first!)
      } else {
        return nil
      }
    }
  }
}

/// The actions every dashboard has, on the same keys with the same words: moving the cursor,
/// help, redrawing and quitting (`KeyMap.moves`, `KeyMap.always`). One plan's `Action` and
/// the roll-up's `RollupAction` both have them.
public protocol CommonActions: Hashable, Sendable {
  static var up: Self { get }
  static var down: Self { get }
  static var pageUp: Self { get }
  static var pageDown: Self { get }
  static var top: Self { get }
  static var bottom: Self { get }
  static var help: Self { get }
  static var redraw: Self { get }
  static var quit: Self { get }
}

/// Everything a key can ask for in one plan's dashboard: named requests, as tig has, each
/// with its help text.
public enum Action: CommonActions {
  case up, down, pageUp, pageDown, top, bottom
  case nextPane, previousPane, drillIn, back
  case toggleDone, doneOn, toggleStarted, toggleBlocked, trigger, note
  case undo, search, cycleFilter
  case view(View)
  case addTask, editTask, retireTask
  case addUnit, editUnit, reviewerPlus, reviewerMinus
  case help, redraw, quit
}

/// One binding: the keys, the action, where its help text is in the table of words, how the
/// footer hints it, and why it does nothing in the state at hand (lazygit's disabled
/// reasons). Generic over the dashboard: one plan's (`PlanBinding`) or the roll-up's
/// (`RollupBinding`).
public struct Binding<State, Act: Hashable & Sendable>: Sendable {
  public let keys: [Key]
  public let action: Act
  /// Shown in the footer's short list of hints (nil: only in the help).
  let hint: Hint?
  let text: @Sendable (any Words) -> String
  /// Why the action does nothing now, or nil when it can be done.
  let disabled: @Sendable (State) -> String?

  /// How a binding shows in the footer: a label (nil: its first key's name) and words.
  struct Hint: Sendable {
    let label: String?
    let text: (@Sendable (any Words) -> String)?
  }

  /// A binding the footer hints with its first key and its help text when `hint`.
  init(
    keys: [Key], action: Act, help: @escaping @Sendable (any Words) -> String, hint: Bool,
    disabled: @escaping @Sendable (State) -> String? = { _ in nil }
  ) {
    self.keys = keys
    self.action = action
    self.text = help
    self.hint = hint ? Hint(label: nil, text: nil) : nil
    self.disabled = disabled
  }

  /// A binding the footer hints for a group of keys, with a label and words of its own
  /// ("1-3 视图", "←/→ 左右滚动").
  init(
    keys: [Key], action: Act, help: @escaping @Sendable (any Words) -> String, hint label: String,
    _ hintText: @escaping @Sendable (any Words) -> String,
    disabled: @escaping @Sendable (State) -> String? = { _ in nil }
  ) {
    self.keys = keys
    self.action = action
    self.text = help
    self.hint = Hint(label: label, text: hintText)
    self.disabled = disabled
  }

  public func help(_ words: any Words) -> String { text(words) }

  /// The footer's hint: the key's label and its words, or nil when it has none.
  func hintLabel(_ words: any Words) -> (String, String)? {
    guard let hint else { return nil }
    return (hint.label ?? keys[0].name, hint.text?(words) ?? text(words))
  }

  /// The same binding, hinted in the footer with a label and words of its own.
  func hinted(_ label: String, _ hintText: @escaping @Sendable (any Words) -> String) -> Binding {
    Binding(keys: keys, action: action, help: text, hint: label, hintText, disabled: disabled)
  }
}

/// One plan's bindings.
public typealias PlanBinding = Binding<AppState, Action>

/// The key maps: the keys every dashboard shares (`moves`, `always`), the generic map of one
/// plan's dashboard here, and each view's own (`DashboardView.bindings`), looked up first
/// (tig's keys.c); the roll-up's in `RollupKeys`. Bindings are data, so the help overlay and
/// the footer read from here.
public enum KeyMap {
  /// Moving the cursor: the same keys and words in every dashboard.
  static func moves<S, A: CommonActions>() -> [Binding<S, A>] {
    [
      Binding(keys: [.up, .char("k")], action: .up, help: { $0.keyUp }, hint: false),
      Binding(keys: [.down, .char("j")], action: .down, help: { $0.keyDown }, hint: false),
      Binding(keys: [.pageUp, .ctrl("b")], action: .pageUp, help: { $0.keyPageUp }, hint: false),
      Binding(keys: [.pageDown, .ctrl("f")], action: .pageDown, help: { $0.keyPageDown }, hint: false),
      Binding(keys: [.home, .char("g")], action: .top, help: { $0.keyFirst }, hint: false),
      Binding(keys: [.end, .char("G")], action: .bottom, help: { $0.keyLast }, hint: false),
    ]
  }

  /// Help, redraw and quit: the last of every map, the same everywhere.
  static func always<S, A: CommonActions>() -> [Binding<S, A>] {
    [
      Binding(keys: [.char("?"), .function(1)], action: .help, help: { $0.keyHelp }, hint: true),
      Binding(keys: [.ctrl("l")], action: .redraw, help: { $0.keyRedraw }, hint: false),
      Binding(keys: [.char("q")], action: .quit, help: { $0.keyQuit }, hint: true),
    ]
  }

  /// The help overlay's own keys, the same in every dashboard: j/k scroll it, any other key
  /// closes it, q too (as in htop, less, man and tig: q leaves the help, not the program).
  static func helpKey(_ k: Key, shown: inout Bool, scroll: inout Int) {
    switch k {
    case .down, .char("j"): scroll += 1
    case .up, .char("k"): scroll = max(0, scroll - 1)
    default: shown = false
    }
  }

  /// The first binding in `bindings` that `key` is one of the keys of.
  static func first<S, A>(_ key: Key, in bindings: [Binding<S, A>]) -> Binding<S, A>? {
    bindings.first { $0.keys.contains(key) }
  }

  /// The help overlay's rows for a map: each binding's keys and help text.
  static func helpRows<S, A>(_ bindings: [Binding<S, A>], _ words: any Words) -> [(String, String)] {
    bindings.map { b in (b.keys.map(\.name).joined(separator: " "), b.help(words)) }
  }

  /// Why a change does nothing here: the plan is read-only.
  static func readOnly(_ s: AppState) -> String? {
    s.readOnly ? s.words.readOnlyFooter : nil
  }

  /// `readOnly`, then `also`: the reason a key that changes the plan does nothing now.
  static func writes(_ also: @escaping @Sendable (AppState) -> String? = { _ in nil })
    -> @Sendable (AppState) -> String?
  {
    { s in readOnly(s) ?? also(s) }
  }

  /// Why a task action does nothing: no task is selected (or the view lists something else).
  static func needsTask(_ s: AppState) -> String? {
    if s.selectedTaskIndex != nil && (s.focus != .nav || s.selectedItem != nil) { return nil }
    if case .unit? = s.selectedItem { return s.words.unitsNotTasks }
    return s.words.selectTaskFirst
  }

  /// One plan's keys in every view: the moves, then the panes, the task actions, the views,
  /// and last help, redraw and quit.
  public static let generic: [PlanBinding] =
    moves() + [
      Binding(keys: [.tab, .right, .char("l")], action: .nextPane, help: { $0.keyNextPane }, hint: false),
      Binding(keys: [.backTab, .left, .char("h")], action: .previousPane, help: { $0.keyPreviousPane }, hint: false),
      Binding(keys: [.enter], action: .drillIn, help: { $0.keyOpen }, hint: true),
      Binding(keys: [.escape, .backspace], action: .back, help: { $0.keyBack }, hint: true),
      Binding(
        keys: [.char(" "), .char("x")], action: .toggleDone, help: { $0.keyToggleDone }, hint: true,
        disabled: writes(needsTask)),
      Binding(keys: [.char("D")], action: .doneOn, help: { $0.keyDoneOn }, hint: false, disabled: writes(needsTask)),
      Binding(
        keys: [.char("s")], action: .toggleStarted, help: { $0.keyToggleStarted }, hint: false,
        disabled: writes(needsTask)),
      Binding(
        keys: [.char("b")], action: .toggleBlocked, help: { $0.keyToggleBlocked }, hint: false,
        disabled: writes(needsTask)),
      Binding(
        keys: [.char("t")], action: .trigger, help: { $0.keyTrigger }, hint: false,
        disabled: writes(needsTask)),
      Binding(keys: [.char("n")], action: .note, help: { $0.keyNote }, hint: true, disabled: writes(needsTask)),
      Binding(keys: [.char("a")], action: .addTask, help: { $0.keyAddTask }, hint: false, disabled: writes()),
      Binding(
        keys: [.char("e")], action: .editTask, help: { $0.keyEditTask }, hint: false, disabled: writes(needsTask)),
      Binding(
        keys: [.char("R")], action: .retireTask, help: { $0.keyRetireTask }, hint: false,
        disabled: writes(needsTask)),
      Binding(keys: [.char("u")], action: .undo, help: { $0.keyUndo }, hint: true, disabled: writes()),
      Binding(keys: [.char("/")], action: .search, help: { $0.keySearch }, hint: true),
      Binding(keys: [.char("f")], action: .cycleFilter, help: { $0.keyFilter }, hint: true),
      Binding(keys: [.char("1")], action: .view(.standup), help: { $0.keyStandup }, hint: false),
      Binding(keys: [.char("2")], action: .view(.groups), help: { $0.keyGroups }, hint: false),
      Binding(keys: [.char("3")], action: .view(.departments), help: { $0.keyDepartments }, hint: false),
      Binding(keys: [.char("4")], action: .view(.staffing), help: { $0.keyStaffing }, hint: false),
      Binding(keys: [.char("5")], action: .view(.journal), help: { $0.keyJournal }, hint: false),
    ] + always()

  /// The bindings in force in `view`: its own, then the generic ones.
  public static func bindings(in view: View) -> [PlanBinding] { view.kind.bindings + generic }

  /// The binding `key` has in `view`, its own map first.
  public static func binding(for key: Key, in view: View) -> PlanBinding? {
    first(key, in: view.kind.bindings) ?? first(key, in: generic)
  }

  /// A view whose own map binds `key`, when `view` does not: "e edits the counts in the
  /// Staffing view".
  static func elsewhere(_ key: Key, than view: View) -> (View, PlanBinding)? {
    for v in View.allCases where v != view {
      if let b = first(key, in: v.kind.bindings) { return (v, b) }
    }
    return nil
  }
}
