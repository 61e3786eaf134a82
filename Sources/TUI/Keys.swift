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

/// Everything a key can ask for: named requests, as tig has, each with its help text.
public enum Action: Hashable, Sendable {
  case up, down, pageUp, pageDown, top, bottom
  case nextPane, previousPane, drillIn, back
  case toggleDone, doneOn, toggleStarted, toggleBlocked, trigger, note
  case undo, search, cycleFilter
  case view(View)
  case addTask, editTask, retireTask
  case addUnit, editUnit, reviewerPlus, reviewerMinus
  case help, redraw, quit
}

/// One binding: the keys, the action, the help text in both languages, and why it does
/// nothing in the state at hand (lazygit's disabled reasons).
public struct Binding: Sendable {
  public let keys: [Key]
  public let action: Action
  public let zh: String
  public let en: String
  /// Shown in the footer's short list of hints.
  public let hint: Bool
  /// Why the action does nothing now, or nil when it can be done.
  let disabled: @Sendable (AppState) -> String?

  init(
    keys: [Key], action: Action, zh: String, en: String, hint: Bool,
    disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }
  ) {
    self.keys = keys
    self.action = action
    self.zh = zh
    self.en = en
    self.hint = hint
    self.disabled = disabled
  }

  public func help(_ l: Lang) -> String { l.pick(zh, en) }
}

/// The key maps: the generic one here, and each view's own (`DashboardView.bindings`), which
/// is looked up first (tig's keys.c). Bindings are data, so the help overlay and the footer
/// read from here.
public enum KeyMap {
  /// Why a change does nothing here: the plan is read-only.
  static func readOnly(_ s: AppState) -> String? {
    s.readOnly ? s.lang.pick("只读：这里不能保存改动", "Read-only: nothing can be saved here") : nil
  }

  /// `readOnly`, then `also`: the reason a key that changes the plan does nothing now.
  static func writes(_ also: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> @Sendable (AppState) -> String?
  {
    { s in readOnly(s) ?? also(s) }
  }

  /// Why a task action does nothing: no task is selected (or the view lists something else).
  static func needsTask(_ s: AppState) -> String? {
    if s.selectedTaskIndex != nil && (s.focus != .nav || s.selectedItem != nil) { return nil }
    if case .unit? = s.selectedItem {
      return s.lang.pick("这里列的是单位；任务在视图 1–3", "This list holds units; tasks are in views 1–3")
    }
    return s.lang.pick("先选中一项任务", "Select a task first")
  }

  public static let generic: [Binding] = [
    Binding(keys: [.up, .char("k")], action: .up, zh: "上移", en: "move up", hint: false),
    Binding(keys: [.down, .char("j")], action: .down, zh: "下移", en: "move down", hint: false),
    Binding(keys: [.pageUp, .ctrl("b")], action: .pageUp, zh: "上一页", en: "page up", hint: false),
    Binding(keys: [.pageDown, .ctrl("f")], action: .pageDown, zh: "下一页", en: "page down", hint: false),
    Binding(keys: [.home, .char("g")], action: .top, zh: "到顶", en: "first", hint: false),
    Binding(keys: [.end, .char("G")], action: .bottom, zh: "到底", en: "last", hint: false),
    Binding(keys: [.tab, .right, .char("l")], action: .nextPane, zh: "下一个窗格", en: "next pane", hint: false),
    Binding(keys: [.backTab, .left, .char("h")], action: .previousPane, zh: "上一个窗格", en: "previous pane", hint: false),
    Binding(keys: [.enter], action: .drillIn, zh: "进入", en: "open", hint: true),
    Binding(keys: [.escape, .backspace], action: .back, zh: "返回", en: "back", hint: true),
    Binding(
      keys: [.char(" "), .char("x")], action: .toggleDone, zh: "完成/未完成", en: "done/not done", hint: true,
      disabled: writes(needsTask)),
    Binding(keys: [.char("D")], action: .doneOn, zh: "按日期完成", en: "done on a date", hint: false, disabled: writes(needsTask)),
    Binding(
      keys: [.char("s")], action: .toggleStarted, zh: "进行中/未开始", en: "in progress/open", hint: false,
      disabled: writes(needsTask)),
    Binding(
      keys: [.char("b")], action: .toggleBlocked, zh: "受阻/解除", en: "blocked/unblocked", hint: false,
      disabled: writes(needsTask)),
    Binding(
      keys: [.char("t")], action: .trigger, zh: "记录触发事件", en: "record the awaited event", hint: false,
      disabled: writes(needsTask)),
    Binding(keys: [.char("n")], action: .note, zh: "备注", en: "note", hint: true, disabled: writes(needsTask)),
    Binding(keys: [.char("a")], action: .addTask, zh: "新增任务", en: "add a task", hint: false, disabled: writes()),
    Binding(keys: [.char("e")], action: .editTask, zh: "修改任务", en: "edit the task", hint: false, disabled: writes(needsTask)),
    Binding(
      keys: [.char("R")], action: .retireTask, zh: "取消任务（先确认）", en: "retire the task (asks first)", hint: false,
      disabled: writes(needsTask)),
    Binding(keys: [.char("u")], action: .undo, zh: "撤销", en: "undo", hint: true, disabled: writes()),
    Binding(keys: [.char("/")], action: .search, zh: "搜索", en: "search", hint: true),
    Binding(keys: [.char("f")], action: .cycleFilter, zh: "切换筛选", en: "cycle filter", hint: true),
    Binding(keys: [.char("1")], action: .view(.standup), zh: "每日例会", en: "stand-up", hint: false),
    Binding(keys: [.char("2")], action: .view(.groups), zh: "工作组", en: "groups", hint: false),
    Binding(keys: [.char("3")], action: .view(.departments), zh: "部门", en: "departments", hint: false),
    Binding(keys: [.char("4")], action: .view(.staffing), zh: "人员配置", en: "staffing", hint: false),
    Binding(keys: [.char("5")], action: .view(.journal), zh: "日志", en: "journal", hint: false),
    Binding(keys: [.char("?"), .function(1)], action: .help, zh: "帮助", en: "help", hint: true),
    Binding(keys: [.ctrl("l")], action: .redraw, zh: "重绘", en: "redraw", hint: false),
    Binding(keys: [.char("q")], action: .quit, zh: "退出", en: "quit", hint: true),
  ]

  /// The bindings in force in `view`: its own, then the generic ones.
  public static func bindings(in view: View) -> [Binding] { view.kind.bindings + generic }

  /// The binding `key` has in `view`, its own map first.
  public static func binding(for key: Key, in view: View) -> Binding? {
    view.kind.bindings.first { $0.keys.contains(key) } ?? generic.first { $0.keys.contains(key) }
  }

  /// A view whose own map binds `key`, when `view` does not: "e edits the counts in the
  /// Staffing view".
  static func elsewhere(_ key: Key, than view: View) -> (View, Binding)? {
    for v in View.allCases where v != view {
      if let b = v.kind.bindings.first(where: { $0.keys.contains(key) }) { return (v, b) }
    }
    return nil
  }
}
