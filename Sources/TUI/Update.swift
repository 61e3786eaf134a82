import Model

/// What happened: the start, a key, a new size, or the result of something the runner did.
public enum Msg: Sendable {
  /// The first message, before any key (Bubble Tea's `Init`; `init` is Swift's): what to tell
  /// the user as the dashboard opens. The store's notices (a save rolled forward, a torn
  /// journal line) and `said`, a sentence from whoever opened it (the sample plan just set
  /// up, an agency opened read-only), all shown until the first key.
  case start(notices: [StoreNotice], said: String?)
  case key(Key)
  case resize(width: Int, height: Int)
  /// A save went through: the plan as saved, and the tasks it touched; with `git_commit = on`,
  /// why the commit that follows a save was not made (the save stands).
  case saved(Revision, message: String, gitFailure: Git.Failure? = nil)
  /// A save was refused or failed: why, and what the store holds now (if it could be read).
  case saveFailed(StoreError, plan: Plan?)
  /// Someone else changed the store and it was read again.
  case reloaded(Revision)
  /// Someone else changed the store and it does not parse now.
  case reloadFailed(StoreError)
  /// The real date moved on (the dashboard was left open past midnight).
  case newDay(Day)
  /// No key for a while: the department and group figures are worked out now, so that the
  /// first visit to their views does not wait for them (a large plan's take a tenth of a second).
  case idle
}

/// What the runner should do for the state: the only way anything leaves `update`.
public enum Effect: Equatable, Sendable {
  /// Save these changes through the store; answer with `.saved` or `.saveFailed`.
  case save([Change], message: String)
  case quit
  /// Repaint everything (the screen may have been disturbed).
  case redraw
}

extension AppState {
  /// The one place state changes. Pure: no I/O, no clock; effects go back to the runner.
  public mutating func update(_ msg: Msg) -> [Effect] {
    switch msg {
    case .start(let notices, let said):
      start(notices, said: said)
      return []
    case .key(let k):
      return key(k)
    case .resize(let w, let h):
      width = w
      height = h
      keepVisible()
      return []
    case .saved(let r, let text, let gitFailure):
      // The line or form that asked for the save closes only now that it went through.
      prompt = nil
      form = nil
      saving = nil
      changedUnderCursor = nil
      pinSelection()
      replacePlan(r.plan, changed: r.changedTasks)
      // A task that left the list (done, out of "overdue") leaves the cursor on the row it
      // was on, now the next task's; one still in the list keeps the cursor.
      if let key = here.list.key, index(ofKey: key) == nil, !listItems.isEmpty {
        selectRow(min(here.list.selected, listItems.count - 1))
      }
      keepVisible()
      say(text)
      // Under the confirmation, as the command line prints it after its own.
      if let f = gitFailure { messages.append(FooterMessage(text: words.commitFailed(f), isError: true)) }
      return []
    case .saveFailed(let e, let p):
      if let p {
        pinSelection()
        replacePlan(p, changed: nil)
        keepVisible()
      }
      refused(e)
      return []
    case .reloaded(let r):
      // A moment already running keeps the row as it was first shown.
      let was = aimedAt
      pinSelection()
      replacePlan(r.plan, changed: r.changedTasks)
      keepVisible()
      noteChange(underCursor: was)
      say(words.reloaded)
      return []
    case .reloadFailed(let e):
      say(words.reloadFailed(e.description(words)), error: true)
      return []
    case .newDay(let d):
      pinSelection()
      moveTo(d)
      keepVisible()
      return []
    case .idle:
      quietPoll()
      figures.prepareDepartments()
      figures.prepareGroups()
      return []
    }
  }

  /// A save refused or failed. The line or form that asked for it stays open with what was
  /// typed; a refusal because someone else changed the same field first says what they saved
  /// (and who, and when), and the line or form then compares with that: Enter again saves over
  /// it knowingly, and fields of a form not typed in take the other person's values.
  mutating func refused(_ e: StoreError) {
    let first = changedFirst(e, saving: saving)
    let why = first ?? notSaved(e)
    let was = saving?.shown
    saving = nil
    changedUnderCursor = nil
    if var p = prompt {
      if first != nil { p.shown = p.shown.flatMap(now) }
      prompt = p
      say(why, error: true)
      if first != nil { messages.append(FooterMessage(text: words.yoursKept, isError: false)) }
    } else if var f = form {
      if first != nil { f.rebase(on: was.flatMap(now), nextID: plan.nextID(inGroup: f.value(.group))) }
      f.warning = why
      form = f
    } else {
      say(why, error: true)
    }
  }

  /// Why a save did not happen. A refusal (busy: locked, or changed meanwhile) says why
  /// without the file's path, the store being the one on screen; a failure says where.
  func notSaved(_ e: StoreError) -> String {
    switch e.kind {
    case .busy: words.notSaved(words.reason(e.reason))
    default: words.notSaved(e.description(words))
    }
  }

  var layout: Layout { Layout(width: width, height: height, focus: focus) }

  mutating func key(_ k: Key) -> [Effect] {
    if form != nil { return formKey(k) }
    if prompt != nil { return promptKey(k) }
    if showHelp {
      KeyMap.helpKey(k, shown: &showHelp, scroll: &helpScroll)
      return []
    }
    messages = []
    let unbound = { (s: AppState) in
      guard let (v, b) = KeyMap.elsewhere(k, than: s.view) else { return s.words.keyUnbound(k.name) }
      return s.words.keyWorksElsewhere(k.name, b.help(s.words), view: v.title(s.words), number: v.rawValue)
    }
    guard let a = action(of: KeyMap.binding(for: k, in: view), unbound: unbound) else { return [] }
    return perform(a)
  }

  mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .up: move(by: -1)
    case .down: move(by: 1)
    case .pageUp: move(by: -pageSize)
    case .pageDown: move(by: pageSize)
    case .top: move(by: Int.min / 2)
    case .bottom: move(by: Int.max / 2)
    case .nextPane: here.focus = Pane(rawValue: (focus.rawValue + 1) % 3)!
    case .previousPane: here.focus = Pane(rawValue: (focus.rawValue + 2) % 3)!
    case .drillIn:
      switch focus {
      case .nav: here.focus = .list
      case .list: if selectedItem != nil { here.focus = .detail }
      case .detail: break
      }
      here.detailScroll = 0
    case .back:
      if focus == .detail {
        here.focus = .list
      } else if focus == .list {
        if !search.isEmpty {
          search = ""
          rebuildList()
        } else {
          here.focus = .nav
        }
      } else if !search.isEmpty || filter != .all {
        search = ""
        here.filter = .all
        rebuildList()
      }
    case .view(let v):
      guard v != view else { return [] }
      pinSelection()
      view = v
      here.detailScroll = 0
      rebuildNav()
    case .cycleFilter:
      here.filter = Filter(rawValue: (filter.rawValue + 1) % Filter.allCases.count)!
      rebuildList()
      say(words.filterShown(filter.title(words)))
    case .search:
      prompt = Prompt(.search, search)
    case .help:
      showHelp = true
      helpScroll = 0
    case .redraw:
      return [.redraw]
    case .quit:
      return [.quit]
    case .undo:
      // Your own latest change; someone else's only after asking, by name.
      if let mine = plan.undoCandidate(by: who) { return undo(mine.entry, mine.change) }
      guard let (entry, _) = plan.undoCandidate() else {
        say(words.nothingToUndoFooter)
        return []
      }
      prompt = Prompt(
        .confirmUndo(
          entry.seq,
          words.confirmOthersUndo(entry.by, words.operation(entry.change.op), target: words.target(entry.change.target))
        ))
    case .note:
      // The line shows the note as it is: that is what was shown.
      guard let i = selectedTaskIndex else { return [] }
      return taskAction(action, plan.tasks[i])
    case .toggleDone, .doneOn, .toggleStarted, .toggleBlocked, .trigger:
      guard case .task(let t)? = aimedAt else { return [] }
      changedUnderCursor = nil
      return taskAction(action, t)
    case .addTask:
      form = Form.addTask(self)
    case .editTask:
      guard let i = selectedTaskIndex else { return [] }
      form = Form.editTask(plan.tasks[i], departments: plan.departments)
    case .retireTask:
      guard case .task(let t)? = aimedAt else { return [] }
      changedUnderCursor = nil
      prompt = Prompt(.confirmRetire(t.id), shown: .task(t))
    case .addUnit:
      form = Form.addUnit()
    case .editUnit, .reviewerPlus, .reviewerMinus:
      return staffingAction(action)
    }
    keepVisible()
    return []
  }

  var pageSize: Int {
    switch focus {
    case .nav: max(1, Layout(width: width, height: height, focus: .nav).navRows / navRowsPerItem)
    case .list: Layout(width: width, height: height, focus: .list).listRows
    case .detail: Layout(width: width, height: height, focus: .detail).detailRows
    }
  }

  /// Rows one nav item takes (a group shows its progress bar on a second row).
  var navRowsPerItem: Int { view.kind.navRowsPerItem }

  mutating func move(by delta: Int) {
    switch focus {
    case .nav:
      guard !navItems.isEmpty else { return }
      let next = clamp(navSelection + delta, 0, navItems.count - 1)
      if next != navSelection {
        here.nav.selected = next
        here.list = ListState()
        here.detailScroll = 0
        rebuildList()
      }
    case .list:
      guard !listItems.isEmpty else { return }
      selectRow(clamp(listSelection + delta, 0, listItems.count - 1))
      here.detailScroll = 0
    case .detail:
      here.detailScroll = max(0, detailScroll + delta)
    }
  }

  /// Scrolls the nav and list panes so that their cursors stay on screen.
  mutating func keepVisible() {
    let rows = Layout(width: width, height: height, focus: .list).listRows
    var top = here.list.offset
    let sel = listSelection
    if sel < top { top = sel }
    if sel >= top + rows { top = sel - rows + 1 }
    here.list.offset = clamp(top, 0, max(0, listItems.count - rows))
    if !listItems.isEmpty { here.list.selected = sel }
    let navRows = max(1, Layout(width: width, height: height, focus: .nav).navRows / navRowsPerItem)
    var navTop = here.nav.offset
    if navSelection < navTop { navTop = navSelection }
    if navSelection >= navTop + navRows { navTop = navSelection - navRows + 1 }
    here.nav.offset = clamp(navTop, 0, max(0, navItems.count - navRows))
  }

  // MARK: Changes

  /// A task key on `t`, the task as the user saw it: its change is made from `t`.
  mutating func taskAction(_ action: Action, _ t: PlanTask) -> [Effect] {
    let brief = t.measure.truncated(toWidth: 24)
    let shown = Shown.task(t)
    let p = basis(shown)
    switch action {
    case .toggleDone:
      if t.status == .done {
        return save(p.setStatus(t.id, .open), words.notDoneFooter(t.id, brief), from: shown)
      }
      return save(p.markDone(t.id, on: today), words.doneFooter(t.id, today, brief), from: shown)
    case .doneOn:
      prompt = Prompt(.doneOn(t.id), today.description, selected: true, shown: shown)
    case .toggleStarted:
      let target: TaskStatus = t.status == .inProgress ? .open : .inProgress
      return save(p.setStatus(t.id, target), words.statusFooter(t.id, words.status(target)), from: shown)
    case .toggleBlocked:
      let target: TaskStatus = t.status == .blocked ? .open : .blocked
      return save(p.setStatus(t.id, target), words.statusFooter(t.id, words.status(target)), from: shown)
    case .trigger:
      guard t.deadline.kind.awaitsEvent else {
        say(words.notWaitingFooter(t.id), error: true)
        return []
      }
      prompt = Prompt(.trigger(t.id), today.description, selected: true, shown: shown)
    case .note:
      prompt = Prompt(.note(t.id), t.note, shown: shown)
    default: break
    }
    return []
  }

  /// The change saved (`from`: what it was made from, for a refusal to compare with), or
  /// "nothing to change".
  mutating func save(_ change: Change?, _ text: String, from shown: Shown?) -> [Effect] {
    save(change.map { [$0] } ?? [], text, from: shown)
  }

  mutating func save(_ changes: [Change], _ text: String, from shown: Shown?) -> [Effect] {
    guard !changes.isEmpty else {
      say(words.nothingToChange)
      return []
    }
    saving = Saving(shown: shown, changes: changes)
    return [.save(changes, message: text)]
  }

  var selectedUnit: StaffingUnit? {
    if case .unit(let u)? = selectedItem { return plan.staffing[u] }
    return nil
  }

  mutating func staffingAction(_ action: Action) -> [Effect] {
    switch action {
    case .editUnit:
      guard let u = selectedUnit else { return [] }
      form = Form.editUnit(u)
      return []
    case .reviewerPlus, .reviewerMinus:
      guard case .unit(let u)? = aimedAt else { return [] }
      changedUnderCursor = nil
      let r = max(0, u.reviewers + (action == .reviewerPlus ? 1 : -1))
      let shown = Shown.unit(u)
      return save(
        basis(shown).setStaffing(u.name, enforcement: nil, reviewers: r), staffingSaid(u.name, u.enforcement, r),
        from: shown)
    default:
      return []
    }
  }

  func staffingSaid(_ name: String, _ e: Int, _ r: Int) -> String {
    let c = StaffingCheck(
      unit: StaffingUnit(name: name, enforcement: e, reviewers: r), percent: plan.settings.reviewerPercent)
    let verdict = c.compliant == false ? words.shortByPeople(c.shortfall) : words.compliant
    return words.staffingFooter(name, enforcement: e, reviewers: r, verdict: verdict)
  }

  // MARK: The input line

  /// The change that reverts `entry`, saved; the cursor goes to the task it puts back.
  mutating func undo(_ entry: JournalEntry, _ change: Change) -> [Effect] {
    if case .task(let id) = change.target { here.list.key = "t:" + id }
    let w = words
    return [
      .save(
        [change],
        message: w.undidFooter(w.operation(entry.change.op), by: entry.by, target: w.target(entry.change.target)))
    ]
  }

  mutating func promptKey(_ k: Key) -> [Effect] {
    guard var p = prompt else { return [] }
    if case .confirmUndo(let seq, _) = p.purpose {
      prompt = nil
      guard k == .char("y") || k == .char("Y"), let (entry, change) = plan.undoCandidate(), entry.seq == seq else {
        say(words.nothingUndone)
        return []
      }
      return undo(entry, change)
    }
    if case .confirmRetire(let id) = p.purpose {
      // y confirms; any other key (Enter and Esc too) answers no.
      prompt = nil
      guard k == .char("y") || k == .char("Y") else {
        say(words.notRetiredFooter(id))
        return []
      }
      return save(basis(p.shown).retire(id), words.retiredFooter(id), from: p.shown)
    }
    switch k {
    case .escape:
      if p.purpose == .search {
        search = ""
        rebuildList()
      }
      prompt = nil
      // What was said about the line (a refusal, a bad date) went with it.
      messages = []
      return []
    case .enter:
      // The line stays open until its change is saved (`.saved` closes it), so that a
      // refusal keeps what was typed.
      return submit(p)
    default:
      guard p.line.handle(k) else { return [] }
    }
    prompt = p
    // A cursor move in the search line leaves the query, and so the list, as it was. A new
    // query puts the cursor on its first hit (as less and Vim's incremental search do).
    if p.purpose == .search, p.text != search {
      search = p.text
      rebuildList()
      here.list.offset = 0
      selectRow(0)
      keepVisible()
    }
    return []
  }

  mutating func submit(_ p: Prompt) -> [Effect] {
    let text = p.text.trimmingSpaces
    switch p.purpose {
    case .search:
      prompt = nil
      if search != p.text {
        search = p.text
        rebuildList()
        selectRow(0)
      }
      if !listItems.isEmpty { here.focus = .list }
      say(words.found(listItems.count))
      keepVisible()
      return []
    case .note(let id):
      return closingIfNothing(save(basis(p.shown).setNote(id, text), words.noteSavedFooter(id), from: p.shown))
    case .doneOn(let id):
      guard let d = Day(iso: text) else { return invalid(words.dateExample) }
      return closingIfNothing(save(basis(p.shown).markDone(id, on: d), words.doneOnFooter(id, d), from: p.shown))
    case .trigger(let id):
      guard let d = Day(iso: text) else { return invalid(words.dateExample) }
      return closingIfNothing(save(basis(p.shown).trigger(id, on: d), words.eventFooter(id, d), from: p.shown))
    case .confirmRetire, .confirmUndo:
      prompt = nil
      return []
    }
  }

  /// The line closes at once when there is nothing to save; otherwise when the save is done.
  mutating func closingIfNothing(_ effects: [Effect]) -> [Effect] {
    if effects.isEmpty { prompt = nil }
    return effects
  }

  /// Input the line cannot take: said above it, the line left open with what was typed.
  mutating func invalid(_ text: String) -> [Effect] {
    say(text, error: true)
    return []
  }
}

func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { min(max(v, lo), max(lo, hi)) }
