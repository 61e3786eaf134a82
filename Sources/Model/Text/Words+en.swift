/// English: every sentence of the interface, the reports, the errors and the help.
public struct EnglishWords: Words {
  public init() {}

  // MARK: Domain words

  public func status(_ s: TaskStatus) -> String {
    switch s {
    case .open: "open"
    case .inProgress: "in progress"
    case .done: "done"
    case .blocked: "blocked"
    case .retired: "retired"
    }
  }

  public func role(_ r: Role) -> String {
    switch r {
    case .lead: "lead"
    case .support: "support"
    }
  }

  public var otherDepartments: String { "other departments" }
  public var listSeparator: String { ", " }
  public var clauseSeparator: String { "; " }
  public func labelled(_ label: String, _ text: String) -> String { "\(label): \(text)" }
  public func weekday(_ n: Int) -> String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][n - 1] }

  public func deadlineKind(_ k: DeadlineKind) -> String {
    switch k {
    case .by: "by a date"
    case .byThenOngoing: "by a date, then ongoing"
    case .ongoing: "ongoing"
    case .afterEvent: "after an event"
    case .withinAfterEvent: "within a window after an event"
    case .yearly: "yearly"
    case .asRequired: "as required"
    case .unparsed: "not understood"
    }
  }

  public func span(_ n: Int, _ unit: SpanUnit) -> String {
    switch unit {
    case .workingDays: n == 1 ? "1 working day" : "\(n) working days"
    case .days: n == 1 ? "1 day" : "\(n) days"
    case .weeks: n == 1 ? "1 week" : "\(n) weeks"
    case .months: n == 1 ? "1 month" : "\(n) months"
    }
  }

  public func operation(_ op: String) -> String {
    switch op {
    case "done": "done"
    case "reopen": "reopened"
    case "start": "started"
    case "block": "blocked"
    case "note": "note"
    case "trigger": "triggered"
    case "staffing": "staffing"
    case "undo": "undo"
    case "import": "import"
    case "add": "added"
    case "edit": "edited"
    case "retire": "retired"
    case "group_add": "group added"
    case "group_rename": "group renamed"
    case "group_move": "groups reordered"
    case "department_rename": "department renamed"
    case "unit_rename": "unit renamed"
    case "unit_retire": "unit retired"
    default: op
    }
  }

  public func field(_ f: ChangeField) -> String {
    switch f {
    case .task(.id): "id"
    case .task(.group), .plan(.group): "group"
    case .task(.theme): "theme"
    case .task(.measure): "measure"
    case .task(.requirement): "requirement"
    case .task(.lead): "lead"
    case .task(.support): "support"
    case .task(.deadline): "deadline"
    case .task(.status): "status"
    case .task(.completedOn): "completed"
    case .task(.eventOn): "event"
    case .task(.note): "note"
    case .task(.extra(let name)): name
    case .unit(.unit): "unit"
    case .unit(.name): "name"
    case .unit(.enforcement): "enforcement"
    case .unit(.reviewers): "reviewers"
    case .unit(.retired): "retired"
    case .plan(.groups): "groups"
    case .plan(.department): "department"
    }
  }

  public func target(_ t: ChangeTarget) -> String {
    switch t {
    case .task(let id): "task \(id)"
    case .unit(let u): "unit \(u)"
    case .plan: "plan"
    }
  }

  // MARK: Deadlines' readings

  public func doneOn(_ d: Day) -> String { "done \(d)" }
  public func dueOverdue(_ d: Day, days: Int) -> String { "due \(d) · \(span(days, .days)) overdue" }
  public func dueToday(_ d: Day) -> String { "due \(d) · today" }
  public func dueLeft(_ d: Day, days: Int) -> String { "due \(d) · \(span(days, .days)) left" }
  public func yearly(_ reading: String) -> String { "yearly · " + reading }
  public var ongoing: String { "ongoing" }
  public func triggered(_ d: Day, ongoing: Bool) -> String { "triggered \(d)" + (ongoing ? " · ongoing" : "") }
  public func waiting(for event: String) -> String { "waiting: \(event)" }

  public func waiting(for event: String, then n: Int, _ unit: SpanUnit) -> String {
    "waiting: \(event) (then \(span(n, unit)))"
  }

  public func everyYear(month: Int, day: Int?) -> String { "every year by \(month)/\(day.map(String.init) ?? "end")" }
  public var asRequired: String { "as required" }
  public var noDeadline: String { "no deadline" }
  public var deadlineNotUnderstood: String { "deadline not understood" }
  public func shortNext(_ d: Day) -> String { "next \(d)" }
  public func shortOverdue(_ days: Int) -> String { "\(days)d overdue" }
  public var shortDueToday: String { "due today" }
  public func shortLeft(_ days: Int) -> String { "\(days)d left" }
  public var shortOngoing: String { "ongoing" }
  public var shortWaiting: String { "waiting" }
  public var shortTriggered: String { "triggered" }
  public var shortYearly: String { "yearly" }
  public var shortUnread: String { "deadline?" }

  // MARK: Journal

  public func importSummary(_ s: ImportSummary) -> String {
    switch s {
    case .created(let source, let tasks, let groups):
      "imported \(tasks) tasks in \(groups) groups from \(source)"
    case .again(let source, let added, let updated, let vanished):
      "imported \(source) again: \(added) added, \(updated) updated, \(vanished) no longer in the table"
    }
  }

  public func entryChanges(_ operation: String, _ changes: String) -> String { "\(operation): \(changes)" }

  // MARK: Stand-up

  public var progress: String { "progress" }
  public func overdueCount(_ n: Int) -> String { "overdue \(n)" }
  public func unitsShortOfReviewers(_ n: Int) -> String { "\(n) units short of reviewers" }
  public var overdueHeading: String { "Overdue" }
  public func dueWithinHeading(_ days: Int) -> String { "Due in the next \(days) days" }
  public var waitingHeading: String { "Waiting on an event" }
  public func changedSinceHeading(_ d: Day) -> String { "Changed since \(d)" }
  public var shortOfReviewersHeading: String { "Short of legal reviewers" }
  public var none: String { "(none)" }

  public func unitShortfall(_ unit: String, _ c: StaffingCheck) -> String {
    "\(unit): \(c.enforcement) enforcement, \(c.reviewers) reviewers, \(c.required ?? 0) required, short by \(c.shortfall)"
  }

  // MARK: Dashboard: views and filters

  public var standupView: String { "Stand-up" }
  public var groupsView: String { "Groups" }
  public var departmentsView: String { "Departments" }
  public var staffingView: String { "Staffing" }
  public var journalView: String { "Journal" }
  public var filterAll: String { "all" }
  public var filterNotDone: String { "not done" }
  public var filterOverdue: String { "overdue" }
  public var filterDueSoon: String { "due in 14 days" }
  public var filterDone: String { "done" }

  // MARK: Dashboard: header and small terminals

  public func headerUnitsShort(_ n: Int) -> String { "\(n) units short of reviewers" }
  public func headerShort(_ n: Int) -> String { "short \(n)" }
  public func filterShown(_ filter: String) -> String { "filter: \(filter)" }
  public func searchShown(_ text: String) -> String { "search: \(text)" }
  public var terminalTooSmall: String { "Terminal too small" }
  public var enlargeOrQuit: String { "Enlarge it; q quits" }

  // MARK: Dashboard: panes

  public var departmentsNavTitle: String { "Dept lead/sup/late" }
  public func departmentListTitle(_ name: String, count: Int) -> String { "\(name) · \(count) tasks" }

  public func journalListTitle(_ day: Day?, count: Int) -> String {
    "Journal" + (day.map { " · \($0)" } ?? "") + " (\(count))"
  }

  public var allEntries: String { "All" }
  public func staffingListTitle(count: Int) -> String { "Units · enforcement · reviewers/required (\(count))" }
  public var allUnits: String { "All units" }
  public var shortOfReviewers: String { "Short of reviewers" }
  public var compliantUnits: String { "Compliant" }
  public func ruleShort(_ percent: Int) -> String { "Rule: reviewers ≥ \(percent)%" }
  public var noPercentShort: String { "No percentage set" }
  public func enforcementTotal(_ n: Int) -> String { "enforcement \(n)" }
  public func reviewersTotal(_ n: Int) -> String { "reviewers \(n)" }
  public func requiredTotal(_ n: Int) -> String { "required \(n)" }
  public func shortTotal(_ n: Int) -> String { "short by \(n)" }
  public func groupOverdue(_ n: Int) -> String { "!\(n)" }
  public var overdueList: String { "Overdue" }
  public var dueSoonList: String { "Due in 14 days" }
  public var waitingList: String { "Waiting on an event" }
  public var changedList: String { "Changed since the last working day" }
  public var shortfallsList: String { "Units short of reviewers" }
  public var waitingNav: String { "Waiting on event" }
  public func changedSinceNav(_ since: String) -> String { "Since \(since)" }
  public var nothingMatches: String { "(nothing matches the filter or search)" }

  public func roleMark(_ r: Role) -> String {
    switch r {
    case .lead: "L"
    case .support: "S"
    }
  }

  public func unitShortBy(_ n: Int) -> String { "short \(n)" }
  public var noneNeeded: String { "none needed" }
  public var unitOK: String { "ok" }
  public var detailTitle: String { "Detail" }
  public var themeLabel: String { "theme" }
  public var deadlineLabel: String { "deadline" }
  public var statusLabel: String { "status" }
  public var eventLabel: String { "event" }
  public var noteLabel: String { "note" }
  public func completedAfterStatus(_ d: Day) -> String { " (\(d))" }
  public func historyTitle(_ n: Int) -> String { "History (\(n))" }
  public func taskTitle(_ id: String) -> String { "Task \(id)" }
  public var whenLabel: String { "when" }
  public var whoLabel: String { "who" }
  public var whatLabel: String { "what" }
  public var messageLabel: String { "message" }
  public func entryTitle(_ seq: Int) -> String { "Journal #\(seq)" }
  public var requiredLabel: String { "required" }

  public func requiredFormula(_ required: Int, enforcement: Int, percent: Int) -> String {
    "\(required) (⌈\(enforcement) × \(percent)%⌉)"
  }

  public var verdictLabel: String { "verdict" }
  public func shortByPeople(_ n: Int) -> String { "short by \(n)" }
  public var compliant: String { "compliant" }
  public var ratioLabel: String { "ratio" }
  public var noPercentSet: String { "no percentage set" }
  public var unitKeysHint: String { "e edits the unit · + / − change reviewers · a adds one" }
  public func unitTasksTitle(_ n: Int) -> String { "Its tasks (\(n))" }
  public func unitTitle(_ name: String) -> String { "Unit · \(name)" }

  // MARK: Dashboard: footer and prompts

  public var reloaded: String { "Reloaded: the store was changed elsewhere" }

  public func keyWorksElsewhere(_ key: String, _ help: String, view: String, number: Int) -> String {
    "\(key) (\(help)) works in the \(view) view (\(number))"
  }

  public func keyUnbound(_ key: String) -> String { "\(key) does nothing here; ? shows the keys" }
  public var nothingToUndoFooter: String { "Nothing to undo" }

  public func undidFooter(_ operation: String, by: String, target: String) -> String {
    "↶ Undid \(operation) by \(by) (\(target))"
  }

  public func notDoneFooter(_ id: String, _ brief: String) -> String { "↺ \(id) not done: \(brief) · u undoes" }
  public func doneFooter(_ id: String, _ day: Day, _ brief: String) -> String {
    "✓ \(id) done (\(day)): \(brief) · u undoes"
  }
  public func statusFooter(_ id: String, _ status: String) -> String { "\(id): \(status)" }
  public func notWaitingFooter(_ id: String) -> String { "\(id) does not wait on an event" }
  public var nothingToChange: String { "Nothing to change" }

  public func staffingFooter(_ unit: String, enforcement: Int, reviewers: Int, verdict: String) -> String {
    "\(unit): \(enforcement) enforcement, \(reviewers) reviewers, \(verdict)"
  }

  public func found(_ n: Int) -> String { "\(n) found · Esc clears the search" }
  public func noteSavedFooter(_ id: String) -> String { "✎ \(id) note saved" }
  public func doneOnFooter(_ id: String, _ day: Day) -> String { "✓ \(id) done (\(day)) · u undoes" }
  public func eventFooter(_ id: String, _ day: Day) -> String { "⚑ \(id): event recorded (\(day))" }
  public var dateExample: String { "A date looks like 2019-09-20" }
  public func notSaved(_ why: String) -> String { "Not saved: \(why)" }
  public func changedFirst(_ target: String, field: String, now: String, by: String?, at: String?) -> String {
    guard let by, let at else {
      return "Not saved: \(target)'s \(field) was changed elsewhere to \"\(now)\" (not in the journal)"
    }
    return "Not saved: \(by) changed \(target)'s \(field) to \"\(now)\" at \(at)"
  }
  public func addedFirst(_ target: String, by: String?, at: String?) -> String {
    guard let by, let at else { return "Not saved: \(target) was added elsewhere" }
    return "Not saved: \(by) added \(target) at \(at)"
  }
  public var yoursKept: String { "What you typed is still here: Enter saves it over theirs, Esc drops it" }
  public func reloadFailed(_ why: String) -> String { "The store changed and does not parse: \(why)" }
  public var unitsNotTasks: String { "This list holds units; tasks are in views 1–3" }
  public var selectTaskFirst: String { "Select a task first" }
  public var selectUnitFirst: String { "Select a unit first" }
  public func notePrompt(_ id: String) -> String { "note for \(id): " }
  public func doneOnPrompt(_ id: String) -> String { "\(id) done on (YYYY-MM-DD): " }
  public func triggerPrompt(_ id: String) -> String { "\(id) event happened on (YYYY-MM-DD): " }

  public var needsTerminal: String {
    "sanxiang: the dashboard needs a terminal (stdin and stdout). For scripts use a subcommand: standup, list, show, "
      + "done, staffing, log, … (sanxiang --help)"
  }

  // MARK: Dashboard: help and key bindings

  public var keysTitle: String { "Keys · j/k scroll · q or any other key closes" }
  public func searchResults(_ query: String, count: Int, groups: [(String, Int)]) -> String {
    "\"\(query)\": \(count) in the whole plan"
      + (groups.isEmpty ? "" : " · " + groups.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
  }
  public func checkedStore(_ folder: String) -> String { "store: \(folder)" }
  public func column(_ header: String) -> String {
    let said = ChangeField(column: header).map(field) ?? header
    return said == header ? "column \"\(header)\"" : "\(said) (column \"\(header)\")"
  }
  public var markers: [(String, String)] {
    [
      (">", "the cursor's row"), ("~", "in progress"), ("✓", "done"), ("#", "blocked"), ("-", "retired"),
      ("L / S", "Departments view: it leads / supports"), ("◆", "detail: the chosen department's role"),
      ("[ ]", "the pane with a bracketed title has the focus"),
    ]
  }
  public var paneHint: String { "pane" }
  public var keyUp: String { "move up" }
  public var keyDown: String { "move down" }
  public var keyPageUp: String { "page up" }
  public var keyPageDown: String { "page down" }
  public var keyFirst: String { "first" }
  public var keyLast: String { "last" }
  public var keyNextPane: String { "next pane" }
  public var keyPreviousPane: String { "previous pane" }
  public var keyOpen: String { "open" }
  public var keyBack: String { "back" }
  public var keyToggleDone: String { "done/not done" }
  public var keyDoneOn: String { "done on a date" }
  public var keyToggleStarted: String { "in progress/open" }
  public var keyToggleBlocked: String { "blocked/unblocked" }
  public var keyTrigger: String { "record the awaited event" }
  public var keyNote: String { "note" }
  public var keyUndo: String { "undo" }
  public var keySearch: String { "search" }
  public var keyFilter: String { "cycle filter" }
  public var keyStandup: String { "stand-up" }
  public var keyGroups: String { "groups" }
  public var keyDepartments: String { "departments" }
  public var keyStaffing: String { "staffing" }
  public var keyJournal: String { "journal" }
  public var keyHelp: String { "help" }
  public var keyRedraw: String { "redraw" }
  public var keyQuit: String { "quit" }
  public var keyEditUnit: String { "edit the unit" }
  public var keyAddUnit: String { "add a unit" }
  public var keyReviewerPlus: String { "reviewers +1" }
  public var keyReviewerMinus: String { "reviewers −1" }

  // MARK: Command line: help texts

  public var sanxiangAbstract: String {
    "Run the rollout of the three systems (三项制度): a terminal dashboard and a command line over one plan."
  }

  public var sanxiangDiscussion: String {
    "With no subcommand, opens the dashboard (needs a terminal). Global options may come before or after "
      + "the subcommand. Exit codes: 0 ok, 64 usage, 65 bad data, 66 no such store or task, 73 cannot create, "
      + "74 I/O error, 75 busy or conflicting change (try again)."
  }

  public var storeHelp: String { "The store folder (default: $SANXIANG_STORE, else the XDG data folder)." }
  public var todayHelp: String { "Read the plan as of this day, YYYY-MM-DD (default: the real date)." }
  public var asHelp: String { "Who the journal records (default: $USER)." }
  public var langHelp: String { "Interface language, zh or en (default: from the locale)." }

  public func formatHelp(_ formats: [String]) -> String {
    formats.count < 2
      ? formats.joined() + "." : formats.dropLast().joined(separator: ", ") + " or " + formats.last! + "."
  }

  public var tuiAbstract: String { "Open the dashboard (the default)." }

  public var standupAbstract: String {
    "The morning review: overdue, due soon, waiting, changed since the last working day, staffing."
  }

  public var withinHelp: String { "How far ahead \"due soon\" looks." }
  public var listAbstract: String { "List tasks in urgency order, with filters." }
  public var groupHelp: String { "A working group: its name, part of it, or its number (1–4)." }
  public var departmentHelp: String { "Tasks this department leads or supports." }
  public var roleHelp: String { "With --department: only this role, lead or support." }
  public var statusHelp: String { "open, in_progress, done or blocked (comma-separated for several)." }
  public var overdueHelp: String { "Only tasks past their due date." }
  public var dueWithinHelp: String { "Only tasks due in the next N days." }
  public var waitingHelp: String { "Only tasks waiting on an outside event." }
  public var showAbstract: String { "One task in full, with its history." }
  public var showIDHelp: String { "The task's id (its number in the table)." }
  public var logAbstract: String { "The journal of changes, oldest first." }
  public var sinceHelp: String { "Only entries on or after this day." }
  public var limitHelp: String { "Only the last N entries." }

  public var checkAbstract: String {
    "Check the store: every file parses, and what deserves a look (unread deadlines, odd dates)."
  }

  public var doneAbstract: String { "Mark tasks done (dated today, or --on)." }
  public var idsHelp: String { "Task ids." }
  public var doneNoteHelp: String { "A note to keep with the task (replaces its note)." }
  public var doneOnHelp: String { "The day it was completed (default: today)." }
  public var reopenAbstract: String { "Mark tasks not done again (open)." }
  public var startAbstract: String { "Mark tasks in progress." }
  public var blockAbstract: String { "Mark tasks blocked, with an optional note saying why." }
  public var blockNoteHelp: String { "Why it is blocked (replaces the task's note)." }
  public var noteAbstract: String { "Set a task's note (an empty text clears it)." }
  public var idHelp: String { "The task's id." }
  public var noteTextHelp: String { "The note." }

  public var triggerAbstract: String {
    "Record that the event a task waits on happened; a within-N-days task gets its due date."
  }

  public var triggerOnHelp: String { "The day the event happened." }
  public var undoAbstract: String { "Revert the latest change in the journal." }

  public var staffingAbstract: String {
    "Each unit's legal reviewers against the reviewer rule (5% unless the plan says otherwise)."
  }

  public var staffingSetAbstract: String { "Set a unit's counts (adds the unit if it is new)." }
  public var unitHelp: String { "The unit's name." }
  public var enforcementHelp: String { "Staff doing enforcement work." }
  public var reviewersHelp: String { "Staff in legal-review posts." }

  public var importAbstract: String {
    "Read a task-allocation table into a store (a new one, or again into an existing one)."
  }

  public var importDiscussion: String {
    "Reads Word documents (.docx), Excel workbooks (.xlsx), web pages (.html), CSV (UTF-8 or GB18030) and text: "
      + "tab-separated, or Word-flattened (a cell per tab-led line). Where LibreOffice is installed, "
      + ".doc, .wps, .xls, .et, .odt and .ods files are converted with it first. A plan written as prose (numbered "
      + "items, each with its units in brackets or on lines after it) is read too.\n\n"
      + "Try --dry-run first: the report shows where the header is, what each column became, every guess and the "
      + "first tasks as they will be stored, and nothing is written. To correct the reading: --map HEADER=FIELD "
      + "gives a column's field, --header-row N the header's row, --sheet NAME the workbook's sheet, --year the plan's "
      + "year. A task whose reading is a guess is marked in a column of its own to check, the cell as printed kept beside.\n\n"
      + "Into an existing store, texts are updated by task id and status, dates, notes and the journal are kept; "
      + "tasks gone from the table are reported, not deleted."
  }

  public var importFileHelp: String {
    "The table: .docx, .xlsx, .html, .csv or text (and .doc, .xls, .wps, .et, .odt, .ods where LibreOffice is installed)."
  }
  public var intoHelp: String { "The store folder (created if it does not exist)." }
  public var dryRunHelp: String { "Show the report without writing anything." }
  public var agencyHelp: String { "For a new store: the agency the plan belongs to." }

  // MARK: Command line: argument-parser's frame and its parse errors

  public var overviewHeading: String { "OVERVIEW:" }
  public var usageHeading: String { "USAGE:" }
  public var argumentsHeading: String { "ARGUMENTS:" }
  public var optionsHeading: String { "OPTIONS:" }
  public var subcommandsHeading: String { "SUBCOMMANDS:" }
  public var helpOptionHelp: String { "Show help information." }
  public var versionOptionHelp: String { "Show the version." }
  public func defaultValue(_ value: String) -> String { "(default: \(value))" }
  public func possibleValues(_ values: String) -> String { "(values: \(values))" }
  public func possibleValues(_ values: String, default value: String) -> String {
    "(values: \(values); default: \(value))"
  }
  public func seeHelp(_ command: String) -> String { "See '\(command)' for more information." }
  public func seeSubcommandHelp(_ command: String) -> String { "See '\(command)' for detailed help." }
  public var errorLabel: String { "Error: " }
  public var usageLabel: String { "Usage: " }
  public var helpLabel: String { "Help: " }

  public func unknownOption(_ name: String, suggestion: String?) -> String {
    "Unknown option '\(name)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
  }

  public func missingValue(_ option: String) -> String { "Missing value for '\(option)'" }

  public func unexpectedArguments(_ values: [String]) -> String {
    values.count == 1
      ? "Unexpected argument '\(values[0])'"
      : "\(values.count) unexpected arguments: '\(values.joined(separator: "', '"))'"
  }

  public func missingArgument(_ names: [String]) -> String {
    names.count == 1
      ? "Missing expected argument '\(names[0])'" : "Missing one of: '\(names.joined(separator: "', '"))'"
  }

  public func invalidValue(_ value: String, for option: String) -> String {
    "The value '\(value)' is invalid for '\(option)'"
  }

  public func takesNoValue(_ option: String, value: String) -> String {
    "The option '\(option)' does not take any value, but '\(value)' was specified."
  }

  // MARK: Command line: reports

  public var noTasksMatch: String { "No tasks match." }
  public var journalEmpty: String { "The journal is empty." }
  public func warning(_ text: String) -> String { "warning: \(text)" }

  public func checkOK(tasks: Int, groups: Int, departments: Int, units: Int, entries: Int, warnings: Int) -> String {
    "ok: \(tasks) tasks, \(groups) groups, \(departments) departments, \(units) units, \(entries) journal entries; "
      + "\(warnings) warnings"
  }

  public func createdFromSample(_ folder: String) -> String {
    "sanxiang: created \(folder) from the bundled sample plan (use --store DIR or $SANXIANG_STORE for your own)"
  }

  public func requirement(_ text: String) -> String { "Requirement: \(text)" }
  public func completedClause(_ d: Day) -> String { ", completed \(d)" }
  public func historyHeading(_ n: Int) -> String { "History (\(n))" }
  public var total: String { "total" }
  public var columnStatus: String { "status" }
  public var columnRole: String { "role" }
  public var columnMeasure: String { "measure" }
  public var columnDeadline: String { "deadline" }
  public var columnUnit: String { "unit" }
  public var columnEnforcementShort: String { "enforce" }
  public var columnReviewersShort: String { "review" }
  public var columnRequiredShort: String { "need" }
  public var columnShortfallShort: String { "short" }
  public var columnRatio: String { "ratio" }
  public func columnAgainst(_ percent: Int) -> String { "against \(percent)%" }
  public var columnEnforcement: String { "enforcement" }
  public var columnReviewers: String { "reviewers" }
  public var columnRequired: String { "required" }
  public var columnShortfall: String { "shortfall" }
  public var columnCompliant: String { "compliant" }
  public func ruleLine(_ percent: Int) -> String {
    "Rule: legal reviewers ≥ \(percent)% of enforcement staff, per unit"
  }
  public var noPercentLine: String { "This plan sets no percentage: reviewers as the work needs" }

  public func warnUnreadDeadline(_ file: String, id: String, text: String) -> String {
    "\(file): task \(id): deadline \"\(text)\" is not understood; kept as written"
  }

  public func warnDoneWithoutDate(_ file: String, id: String) -> String {
    "\(file): task \(id) is done but has no completion date"
  }

  public func warnDateNotDone(_ file: String, id: String) -> String {
    "\(file): task \(id) has a completion date but is not done"
  }

  public func warnCompletedAfterToday(_ file: String, id: String, _ d: Day) -> String {
    "\(file): task \(id) was completed on \(d), after today"
  }

  public func warnNoLead(_ file: String, id: String) -> String { "\(file): task \(id) has no lead department" }

  public func warnUnknownSetting(_ file: String, line: Int, key: String) -> String {
    "\(file):\(line): unknown setting \"\(key)\" (kept as is)"
  }

  public func notice(_ n: StoreNotice) -> String {
    switch n {
    case .rolledForward(let journal, let count):
      "\(journal): the last \(count == 1 ? "change was" : "\(count) changes were") journaled but not yet in the "
        + "files (an interrupted save); applied, and written with the next save"
    case .tornJournalLine(let journal):
      "\(journal): the last line is incomplete (an interrupted save?); it is set aside and kept in "
        + "\(JournalFile.name).torn on the next save"
    }
  }

  // MARK: Command line: confirmations

  public func doneSaid(_ id: String, _ d: Day, _ brief: String) -> String { "✓ \(id) done (\(d)): \(brief)" }
  public func alreadyDone(_ id: String) -> String { "\(id) was already done; nothing changed" }
  public func reopenedSaid(_ id: String, _ brief: String) -> String { "↺ \(id) reopened: \(brief)" }
  public func alreadyOpen(_ id: String) -> String { "\(id) was already open; nothing changed" }
  public func startedSaid(_ id: String, _ brief: String) -> String { "▶ \(id) in progress: \(brief)" }
  public func alreadyStarted(_ id: String) -> String { "\(id) was already in progress" }
  public func blockedSaid(_ id: String, _ brief: String) -> String { "■ \(id) blocked: \(brief)" }
  public func alreadyBlocked(_ id: String) -> String { "\(id) was already blocked" }
  public func noteSaid(_ id: String) -> String { "✎ \(id) note saved" }
  public func noteUnchanged(_ id: String) -> String { "\(id) note unchanged" }
  public func triggeredSaid(_ id: String, on: String, _ reading: String) -> String {
    "⚑ \(id) triggered on \(on): \(reading)"
  }
  public func alreadyTriggered(_ id: String) -> String { "\(id) already has that event date" }
  public var nothingToUndo: String { "Nothing to undo." }

  public func undidSaid(seq: Int, operation: String, by: String, target: String, changes: String) -> String {
    "↶ undid #\(seq) (\(operation) by \(by), \(target)): \(changes)"
  }

  public func staffingUnchanged(_ unit: String) -> String { "\(unit) unchanged" }

  public func staffingSaid(_ unit: String, _ c: StaffingCheck, verdict: String) -> String {
    "\(unit): \(c.enforcement) enforcement, \(c.reviewers) reviewers, \(c.required.map(String.init) ?? "—") required, "
      + verdict
  }

  public var dryRun: String { "(dry run: nothing written)" }
  public func storeCreated(_ folder: String) -> String { "Created the store \(folder)" }
  public func storeUpdated(_ folder: String) -> String { "Updated the store \(folder)" }
  public func storeUnchanged(_ folder: String) -> String {
    "The store \(folder) is unchanged (nothing to write)"
  }

  // MARK: Keeping the plan: command line

  public var initAbstract: String { "Start an empty plan in a new folder (no Word table needed)." }
  public var initDirHelp: String { "The folder to create the store in." }
  public var titleHelp: String { "The plan's title." }
  public var planAgencyHelp: String { "Whose plan it is (the agency)." }
  public var reviewerPercentHelp: String { "Reviewers per hundred enforcement staff (default 5)." }
  public var planYearHelp: String {
    "The plan's year, in which deadlines that name none (the year's end, a quarter) are read."
  }
  public var groupsHelp: String { "A working group (repeat, in order)." }
  public var addAbstract: String { "Add a task to a group (its id is the group's next free number)." }
  public var addGroupHelp: String { "The working group: its name, its number, or a unique part of its name." }
  public var measureHelp: String { "What is to be done (the measure)." }
  public var themeHelp: String { "The theme (推行任务) it belongs to." }
  public var leadHelp: String { "A lead department (repeat for several)." }
  public var supportHelp: String { "A cooperating department (repeat for several)." }
  public var deadlineHelp: String { "The deadline as the plan says it, e.g. 2020年6月底前." }
  public var requirementHelp: String { "The requirement (具体要求)." }
  public var addIDHelp: String { "The task's id (default: the group's next free number)." }
  public var newDepartmentHelp: String { "A department name that is almost an existing one is meant as a new one." }
  public var editAbstract: String { "Change a task's measure, theme, group, departments, deadline or own columns." }
  public var newMeasureHelp: String { "The new measure." }
  public var newThemeHelp: String { "The new theme." }
  public var moveToGroupHelp: String { "Move it to this group." }
  public var newLeadHelp: String { "The lead departments (repeat; replaces them all)." }
  public var newSupportHelp: String { "The cooperating departments (repeat; replaces them all)." }
  public var newDeadlineHelp: String { "The new deadline, as the plan says it." }
  public var newRequirementHelp: String { "The new requirement." }
  public var setColumnHelp: String { "A column of your own: COLUMN=VALUE." }

  public var retireAbstract: String {
    "Take tasks out of the plan: they leave the lists and counts, stay in the file and its history."
  }

  public var retireNoteHelp: String { "Why (replaces the task's note)." }
  public var groupAbstract: String { "Add, rename or move a working group." }
  public var groupAddAbstract: String { "Add a working group at the end." }
  public var groupNameHelp: String { "The group's name." }
  public var groupRenameAbstract: String { "Rename a working group; its tasks follow." }
  public var groupRefHelp: String { "The group (name, number or a unique part)." }
  public var newNameHelp: String { "Its new name." }
  public var groupMoveAbstract: String { "Move a working group before another (or to the end)." }
  public var beforeHelp: String { "The group it goes before (default: to the end)." }
  public var departmentAbstract: String { "Rename a department everywhere it is named." }
  public var departmentRenameAbstract: String {
    "Rename a department in every lead and support cell (one journal entry)."
  }
  public var departmentNowHelp: String { "The department's name now." }
  public var forceNameHelp: String { "A new name that is almost another department's is meant as it is." }
  public var unitRenameAbstract: String { "Rename a unit." }
  public var unitNowHelp: String { "The unit's name now." }
  public var unitRetireAbstract: String { "Take a unit out of the reviewer rule (merged away); it stays in the file." }
  public var newUnitHelp: String { "A name that is almost an existing unit's is meant as a new unit." }
  public var retiredHelp: String { "The tasks taken out of the plan (retire), instead of the others." }
  public func planCreated(_ folder: String) -> String { "Created an empty plan in \(folder)" }

  public func taskAdded(_ id: String, group: String, _ brief: String, _ reading: String) -> String {
    "+ added task \(id) (\(group)): \(brief); \(reading)"
  }

  public func taskExists(_ id: String) -> String { "task \(id) already exists" }
  public func taskEdited(_ id: String, _ changes: String) -> String { "✎ task \(id) changed: \(changes)" }
  public func taskUnchanged(_ id: String) -> String { "task \(id) unchanged" }

  public func retiredSaid(_ id: String, _ brief: String) -> String {
    "- task \(id) retired (kept in the file; undo brings it back): \(brief)"
  }

  public func alreadyRetired(_ id: String) -> String { "task \(id) was already retired" }
  public func groupAdded(_ name: String) -> String { "+ added the group \(name)" }
  public func groupExists(_ name: String) -> String { "the group \(name) already exists" }

  public func groupRenamed(_ old: String, to new: String, tasks: Int) -> String {
    "✎ group \(old) is now \(new) (\(tasks) tasks follow)"
  }

  public var groupNameUnchanged: String { "the group's name is unchanged" }
  public func groupsInOrder(_ groups: [String]) -> String { "↕ groups in order: " + groups.joined(separator: ", ") }
  public var orderUnchanged: String { "the order is unchanged" }

  public func departmentRenamed(_ old: String, to new: String, tasks: Int) -> String {
    "✎ \(old) is now \(new) (in \(tasks) tasks)"
  }

  public var departmentNameUnchanged: String { "the name is unchanged" }
  public func unitRenamed(_ old: String, to new: String) -> String { "✎ the unit \(old) is now \(new)" }
  public var unitNameUnchanged: String { "the name is unchanged" }
  public func unitRetired(_ unit: String) -> String {
    "- the unit \(unit) is retired (kept in the file; undo brings it back)"
  }
  public func unitAlreadyRetired(_ unit: String) -> String { "the unit \(unit) was already retired" }

  public func warnNearNames(_ file: String, _ a: String, _ b: String) -> String {
    "\(file): \"\(a)\" and \"\(b)\" are almost the same name: one department or unit? (department rename unifies them)"
  }

  public func readAsBy(_ d: Day) -> String { "read as: by \(d)" }
  public func readAsByThenOngoing(_ d: Day) -> String { "read as: by \(d), then ongoing" }
  public func readAs(_ kind: String) -> String { "read as: \(kind)" }
  public var typedNotUnderstood: String { "not understood; kept as written (check flags it)" }

  // MARK: Keeping the plan: dashboard

  public var keyAddTask: String { "add a task" }
  public var keyEditTask: String { "edit the task" }
  public var keyRetireTask: String { "retire the task (asks first)" }
  public var readOnlyFooter: String { "Read-only: nothing can be saved here" }
  public var readOnlyMark: String { "[read-only] " }
  public var escCancels: String { "Esc cancels" }

  public func confirmRetirePrompt(_ id: String) -> String {
    "Retire task \(id) (out of the lists, kept in the file)? y confirms "
  }

  public func confirmOthersUndo(_ by: String, _ operation: String, target: String) -> String {
    "Nothing of yours to undo. Undo \(by)'s \(operation) (\(target))? y confirms "
  }

  public var nothingUndone: String { "Nothing undone" }
  public func notRetiredFooter(_ id: String) -> String { "Task \(id) not retired" }
  public func retiredFooter(_ id: String) -> String { "- Task \(id) retired (kept in the file) · u undoes" }
  public var formCancelled: String { "Cancelled; nothing saved" }

  public func formNoGroup(_ group: String, groups: [String]) -> String {
    "No group \"\(group)\" (groups: \(groups.joined(separator: ", ")))"
  }

  public var formEmptyMeasure: String { "The measure cannot be empty" }

  public func formNearDepartment(_ name: String, _ near: String) -> String {
    "\"\(name)\" is one character off \"\(near)\": a typo? Enter again keeps it as a new department"
  }

  public func formTaskGone(_ id: String) -> String { "Task \(id) is gone" }
  public var formEmptyID: String { "The id cannot be empty" }
  public func formTaskExists(_ id: String) -> String { "Task \(id) already exists" }
  public func taskChangedFooter(_ id: String) -> String { "✎ Task \(id) changed · u undoes" }
  public func taskAddedFooter(_ id: String) -> String { "+ Added task \(id) · u undoes" }
  public var formEmptyUnit: String { "The unit needs a name" }
  public var formCounts: String { "Enforcement and reviewers are whole numbers" }
  public func formUnitExists(_ name: String) -> String { "The unit \(name) already exists" }

  public func formNearUnit(_ name: String, _ near: String) -> String {
    "\"\(name)\" is one character off \"\(near)\": a typo? Enter again keeps it as a new unit"
  }

  public var formKeys: String { "Tab/S-Tab next/previous  → completes  Enter saves  Esc cancels" }
  public var addTaskTitle: String { "Add a task" }
  public func editTaskTitle(_ id: String) -> String { "Edit task \(id)" }
  public var addUnitTitle: String { "Add a unit" }
  public func editUnitTitle(_ name: String) -> String { "Edit unit · \(name)" }

  // MARK: Roll-up: the command and its report

  public var rollupAbstract: String {
    "Roll up many agencies' stores, read-only: progress, overdue, staffing, and who is not reporting."
  }

  public var rollupDiscussion: String {
    "Each DIR is a store, or a folder whose subfolders (one level down) are stores. Agencies are named by plan.ini's "
      + "agency, else by their folder. Exit codes: 66 a DIR holds no store; 65 no store could be read; 64 usage."
  }

  public var rollupFormatHelp: String {
    "text, json, markdown, csv, or the circular as xlsx or docx (to the file -o names; without it: the roll-up dashboard on a terminal, else text)."
  }

  public var pullHelp: String { "First run `git pull --ff-only` in every store that is a git clone (several at once)." }
  public var dirsHelp: String { "Store folders, or folders whose subfolders are stores." }

  public func rollupHeading(agencies n: Int, today: Day) -> String {
    "Roll-up · \(n) \(n == 1 ? "agency" : "agencies") · \(today) " + weekday(today.weekday)
  }

  public func rollupOverview(_ t: RollupTotal) -> String {
    let f = t.figures
    var parts = [
      "progress \(f.done)/\(f.tasks)", "overdue \(f.overdue)", "due in 14 days \(f.dueSoon)",
      "\(f.staffingShortUnits) units short of reviewers", "\(t.notReporting) not reporting",
    ]
    if t.failed > 0 { parts.append("\(t.failed) unreadable") }
    return parts.joined(separator: " · ")
  }

  public var agencyColumn: String { "agency" }
  public var storeColumn: String { "store" }
  public var tasksColumn: String { "tasks" }
  public var progressColumn: String { "progress" }
  public var doneColumn: String { "done" }
  public var inProgressColumn: String { "in progress" }
  public var overdueColumn: String { "overdue" }
  public var dueSoonColumn: String { "due ≤14d" }
  public var waitingColumn: String { "waiting" }
  public var shortColumn: String { "short units" }
  public var lastChangeColumn: String { "last change" }
  public var daysSinceColumn: String { "days since" }
  public var notReportingColumn: String { "not reporting" }
  public var errorColumn: String { "error" }
  public var idColumn: String { "ID" }
  public var overdueAgenciesColumn: String { "overdue in" }
  public var overdueIn: String { "overdue in: " }
  public var yes: String { "yes" }
  public var no: String { "no" }

  public func lastChange(_ a: AgencySummary) -> String {
    guard let at = a.lastChange, let days = a.daysSinceChange else { return "never" }
    let day = String(at.prefix(10))
    switch days {
    case 0: return day + " · today"
    case 1: return day + " · 1 day ago"
    default: return day + " · \(days) days ago"
    }
  }

  public var notReporting: String { "not reporting" }
  public var unreadable: String { "cannot read" }
  public func failedHeading(_ n: Int) -> String { "Could not read (\(n))" }
  public func failure(_ a: AgencySummary) -> String { a.label + ": " + (a.error?.description(self) ?? "") }
  public func measuresHeading(_ rows: Int, agencies: Int) -> String { "Measures (\(rows) × \(agencies) agencies)" }
  public var noSharedMeasures: String { "The agencies' plans share no measure (same id and text): no measures matrix." }

  public func measureCounts(_ r: MeasureRow) -> String {
    "done in \(r.doneIn) of \(r.heldBy) · overdue in \(r.overdueIn)"
  }

  public func measureStatus(_ s: MeasureStatus) -> String {
    switch s {
    case .overdue: "overdue"
    case .done: "done"
    case .waiting: "waiting"
    case .blocked: "blocked"
    case .inProgress: "in progress"
    case .open: "not started"
    }
  }

  public var legend: String {
    [MeasureStatus.done, .inProgress, .overdue, .waiting, .blocked, .open].map { $0.glyph + " " + measureStatus($0) }
      .joined(separator: "  ")
  }

  public func rollupError(_ e: RollupError) -> String {
    switch e {
    case .noSuchFolder(let f): "no such folder: \(f)"
    case .noStore(let f): "\(f) holds no store: it is not one, and no folder in it is (a store has tasks.csv)"
    }
  }

  public var everyStoreFailed: String { "no store could be read" }

  // MARK: Roll-up: the dashboard

  public func rollupTitle(_ agencies: Int) -> String { "Roll-up · \(agencies) agencies" }
  public var agenciesView: String { "Agencies" }
  public var measuresView: String { "Measures" }
  public func agenciesListTitle(_ n: Int) -> String { "Agencies, worst first (\(n))" }
  public var unitsListTitle: String { "Units · enforcement · reviewers/required · short" }
  public var lateShort: String { "late" }
  public var soonShort: String { "≤14d" }
  public var waitShort: String { "wait" }
  public var shortShort: String { "short" }
  public func moreAgencies(from: Int, to: Int, of n: Int) -> String { "← → more agencies (\(from)–\(to) of \(n))" }
  public func storeLine(_ folder: String) -> String { "store     \(folder)" }
  public func changedLine(_ when: String) -> String { "changed   \(when)" }

  public func agencyFigures(_ f: AgencyFigures) -> String {
    "\(f.tasks) tasks · \(f.done) done · \(f.inProgress) in progress · \(f.overdue) overdue · \(f.dueSoon) due soon · "
      + "\(f.waiting) waiting"
  }

  public func agencyShortUnits(_ n: Int) -> String { "\(n) units short of reviewers" }
  public var openStandupHint: String { "Enter opens its stand-up (read-only)" }
  public func measureTitle(_ id: String) -> String { "Measure \(id)" }
  public var hintViews: String { "views" }
  public var hintMove: String { "move" }
  public var hintScroll: String { "scroll" }
  public var hintOpenAgency: String { "open agency (read-only)" }
  public var rollupScrollLeft: String { "scroll the matrix left" }
  public var rollupScrollRight: String { "scroll the matrix right" }
  public var rollupHelpOpen: String { "open the agency's plan (read-only)" }
  public var rollupHelpBack: String { "back from an agency" }
  public var legendLabel: String { "legend" }
  public var enterOpensAgency: String { "Enter opens an agency from the Agencies or Staffing view" }
  public var onlyMatrixScrolls: String { "Only the measures matrix (2) scrolls sideways" }
  public var atRollupAlready: String { "At the roll-up already; Esc in an agency's plan comes back here" }
  public func readOnlyAgency(_ label: String) -> String { "Read-only: \(label)'s plan · Esc goes back to the roll-up" }

  // MARK: Roll-up: git

  public func pulling(_ n: Int, atOnce: Int) -> String {
    "pulling \(n) \(n == 1 ? "clone" : "clones") (\(atOnce) at a time)…"
  }

  public func pullProgress(_ done: Int, of n: Int) -> String { "git pull: \(done)/\(n)" }

  public func pullSummary(updated: Int, upToDate: Int, failed: Int, notClones: Int) -> String {
    "pulled: \(updated) updated, \(upToDate) up to date, \(failed) failed, \(notClones) not git clones"
  }

  public func pullFailed(_ folder: String, _ f: Git.Failure) -> String { "  " + folder + ": " + gitFailure(f) }

  public func gitFailure(_ f: Git.Failure) -> String {
    switch f {
    case .gitMissing: "git is not installed"
    case .cannotStart(let e): "cannot start git (errno \(e))"
    case .notAClone: "not a git clone (no .git in the folder)"
    case .notARepository: "not inside a git repository"
    case .unreachable(let d): "cannot reach the remote (\(d))"
    case .diverged: "diverged from the remote, cannot fast-forward; merge in that folder by hand"
    case .noUpstream: "the branch tracks no remote branch"
    case .localChanges: "local changes would be overwritten by the pull"
    case .other(let d): "git failed: \(d)"
    }
  }

  public func commitFailed(_ f: Git.Failure) -> String { "saved, but not committed to git: " + gitFailure(f) }
  public func commitChanges(_ n: Int) -> String { "\(n) changes: " }

  // MARK: The command line's errors (`CommandError`)

  public var noDashboard: String { "this build has no dashboard" }
  public func terminalUnusable(term: String) -> String {
    "this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot draw the dashboard; set TERM (e.g. xterm-256color), "
      + "or use the subcommands: standup, list, show, done, staffing, log (sanxiang --help)"
  }
  public var noStoreGiven: String { "no store given: use --store DIR or set SANXIANG_STORE" }
  public func noGroup(_ text: String, groups: [String]) -> String {
    "no group \"\(text)\" (groups: \(groups.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")))"
  }
  public func severalGroups(_ text: String, _ hits: [String]) -> String {
    "\"\(text)\" matches several groups: \(hits.joined(separator: ", "))"
  }
  public func noDepartment(_ text: String, departments all: [String]) -> String {
    "no department \"\(text)\" (departments: \(all.joined(separator: ", ")))"
  }
  public func severalDepartments(_ text: String, _ hits: [String]) -> String {
    "\"\(text)\" matches several departments: \(hits.joined(separator: ", "))"
  }
  public func badRole(_ role: String) -> String { "--role must be lead or support" }
  public func badDateOption(option: String, value v: String) -> String {
    "\(option) must be a date like 2019-09-20, not \"\(v)\""
  }
  public func badLang(_ l: String) -> String { "--lang must be zh or en, not \"\(l)\"" }
  public var badScreenSize: String { "--screen takes WIDTHxHEIGHT, like 80x24" }
  public var noTaskIDs: String { "give at least one task id" }
  public func notWaiting(id: String, deadline: String) -> String {
    "task \(id) does not wait on an event (its deadline reads \"\(deadline)\")"
  }
  public func newUnitNeedsBoth(_ name: String) -> String {
    "\(name) is a new unit: give both --enforcement and --reviewers"
  }
  public func countOutOfRange(option: String, max: Int) -> String {
    "\(option) must be a whole number from 0 to \(max)"
  }
  public var noCounts: String { "give --enforcement, --reviewers or both" }
  public var noUnitName: String { "give the unit's name" }
  public func nearName(_ name: String, near: [String]) -> String {
    "\"\(name)\" is one character off \"\(near.joined(separator: "\", \""))\": did you mean that? "
      + "Add --new if it is a new name"
  }
  public var percentOutOfRange: String { "--reviewer-percent must be from 0 to 100" }
  public func yearOutOfRange(_ year: Int) -> String { "--year must be a year such as 2021: \(year)" }
  public var emptyMeasure: String { "the measure cannot be empty" }
  public var emptyTaskID: String { "the id cannot be empty" }
  public var badSetOption: String { "--set takes COLUMN=VALUE" }
  public func ownColumn(_ column: String) -> String {
    "\"\(column)\" is one of the plan's own columns: use its option (--measure, …)"
  }
  public var emptyGroupName: String { "the group's name cannot be empty" }
  public var emptyNewName: String { "the new name cannot be empty" }
  public func unitExists(_ name: String) -> String { "the unit \(name) already exists" }
  public func noUnit(_ name: String) -> String { "no unit \"\(name)\"" }
  public var noRollupFolders: String { "give at least one folder: sanxiang rollup DIR…" }
  public func formatNotOffered(_ f: String, offered: [String]) -> String {
    "this command has no \"\(f)\" format (it writes \(offered.joined(separator: ", ")))"
  }
  public var roleNeedsDepartment: String { "--role goes with --department" }
  public func dateAfterToday(option: String, value v: String, today: String) -> String {
    "\(option) \(v) is after today (\(today))"
  }

  // MARK: Errors

  public func reason(_ r: StoreError.Reason) -> String {
    switch r {
    case .cannotRead(let e): "cannot read: \(systemError(e))"
    case .cannotWrite(let e): "cannot write: \(systemError(e))"
    case .cannotFlush(let e): "cannot flush to disk: \(systemError(e))"
    case .cannotOpenFolder(let e): "cannot open folder: \(systemError(e))"
    case .cannotCreateTemporary(let e): "cannot create a temporary file: \(systemError(e))"
    case .cannotReplace(let e): "cannot replace the file: \(systemError(e))"
    case .cannotOpenForWriting(let e): "cannot open for writing: \(systemError(e))"
    case .cannotOpen(let e): "cannot open: \(systemError(e))"
    case .cannotTruncate(let e): "cannot truncate: \(systemError(e))"
    case .cannotCreateFolder(let e): "cannot create folder: \(systemError(e))"
    case .cannotCreateLock(let e): "cannot create the lock file: \(systemError(e))"
    case .invalidUTF8: "invalid UTF-8"
    case .nulByte: "NUL byte in text"
    case .rowTooLarge(let kib, let limit): "a row of \(kib) KiB: no row may exceed \(limit) KiB"
    case .emptyFile: "empty file: expected a header row"
    case .quotedFieldNeverClosed: "quoted field is never closed"
    case .textAfterClosingQuote: "unexpected text after a closing quote (a quote inside a field must be doubled)"
    case .quoteInUnquotedField: "quote inside an unquoted field (quote the whole field and double the quote)"
    case .columnTwice(let name): "column \"\(name)\" appears twice in the header"
    case .fieldCount(let n, let header): "\(n) fields, but the header has \(header)"
    case .missingColumn(let name, let alias?): "the header has no \"\(name)\" column (or \(alias))"
    case .missingColumn(let name, nil): "the header has no \"\(name)\" column"
    case .emptyID: "empty id: every task needs its number"
    case .unknownStatus(let s): "unknown status \"\(s)\" (use open, in_progress, done or blocked)"
    case .badDate(let s): "bad date \"\(s)\" (expected YYYY-MM-DD)"
    case .duplicateID(let id, let line): "duplicate id \"\(id)\" (first on line \(line))"
    case .emptyUnitName: "empty unit name"
    case .unitTwice(let name, let line): "unit \"\(name)\" is listed twice (first on line \(line))"
    case .countNotNumber(let field, let text): "\(field.name) must be a whole number, not \"\(text)\""
    case .negativeCount(let v): "negative staff count \(v)"
    case .countTooLarge(let v): "staff count \(v) is implausibly large"
    case .notKeyValue: "expected `key = value`"
    case .badReviewerPercent: "reviewer_percent must be a whole number from 0 to 100, or empty for none"
    case .badStart: "start must be a date like 2019-08-01"
    case .badYear: "year must be a year like 2021"
    case .badDayList(let key): "\(key) must be dates like 2019-10-01, or ranges like 2019-10-01..2019-10-07"
    case .journalEntryIncomplete: "journal entry lacks seq, at or op"
    case .json(let p): jsonProblem(p)
    case .noStoreFolder: "no such store folder (create one with `sanxiang import FILE --into DIR`)"
    case .notAStore(let missing): "not a sanxiang store: \(missing) is missing"
    case .storeExists(let file): "a store is already here (\(file) exists)"
    case .locked(let pid, let host):
      "the store is locked by process \(pid) on \(host); try again, or remove \(StoreLock.name) if that process is gone"
    case .lockedByAnother:
      "the store is locked by another process; try again, or remove \(StoreLock.name) if that process is gone"
    case .noTask(let id): "no task \"\(id)\" (see `sanxiang list` for the ids)"
    case .taskChangedMeanwhile(let id, let field, let now):
      "task \(id) was changed meanwhile (its \(field.name) is now \(now.isEmpty ? "empty" : "\"\(now.text)\"")); "
        + "nothing was saved, look again and retry"
    case .unitChangedMeanwhile(let u): "unit \(u) was changed meanwhile; nothing was saved, look again and retry"
    case .planChangedMeanwhile: "the plan was changed meanwhile"
    case .badGitCommit: "git_commit must be on or off"
    case .savedAsGB18030:
      "the file is in GBK/GB18030 (a spreadsheet's \"CSV\" on a Chinese Windows): save it as \"CSV UTF-8 (comma delimited)\" in WPS or Excel"
    }
  }

  public func systemError(_ errno: Int32) -> String { FileIO.errnoText(errno) }

  public func jsonProblem(_ p: JSONError.Problem) -> String {
    switch p {
    case .textAfterValue: "unexpected text after the value"
    case .expectedLiteral(let word): "expected \(word)"
    case .nestedTooDeeply: "nested too deeply"
    case .endOfLine: "unexpected end of line"
    case .expectedKey: "expected a key in quotes"
    case .expectedColon: "expected ':'"
    case .expectedCommaOrBrace: "expected ',' or '}'"
    case .expectedCommaOrBracket: "expected ',' or ']'"
    case .expectedWholeNumber: "expected a whole number"
    case .unexpectedCharacter: "unexpected character"
    case .badUnicodeEscape: "bad \\u escape"
    case .controlCharacter: "control character in a string"
    case .badEscape: "bad escape"
    case .stringNeverClosed: "string is never closed"
    case .invalidUTF8: "invalid UTF-8"
    }
  }

  // MARK: Import

  public var importSheetHelp: String { "The name of the workbook's sheet to read (default: the first with data)." }

  public var importMapHelp: String {
    "A column's field, overriding the importer: HEADER=FIELD, FIELD one of id, group, theme, measure, "
      + "requirement, lead, support, deadline, extra (kept as a column of its own), or its Chinese name (repeatable)."
  }

  public var importYearHelp: String {
    "The plan's year, in which deadlines that name none (the year's end, a quarter) are read (default: from the "
      + "title or the text)."
  }

  public var importHeaderRowHelp: String {
    "The header's row, where the importer picks the wrong one: the line of a text file, or the row of a sheet or of "
      + "a document's table."
  }

  public func place(_ p: SourcePlace) -> String {
    switch p {
    case .line(let n): return "line \(n)"
    case .paragraph(let n): return "paragraph \(n)"
    case .cell(let sheet, let table, let row, 0):
      if let sheet { return "\(sheet), row \(row)" }
      if let table { return "table \(table), row \(row)" }
      return "row \(row)"
    case .cell(let sheet, let table, let row, let column):
      if let sheet { return "\(sheet)!" + SourcePlace.columnLetters(column) + String(row) }
      if let table { return "table \(table), row \(row), column \(column)" }
      return "row \(row), column \(column)"
    }
  }

  public func sourceFormat(_ f: SourceFormat) -> String {
    switch f {
    case .docx: "a Word document (.docx)"
    case .xlsx: "an Excel workbook (.xlsx)"
    case .html: "a web page (.html)"
    case .csv: "a CSV table"
    case .wordFlattened: "Word-flattened text (a tab-led line per cell)"
    case .tabSeparated: "tab-separated text"
    case .cellPerLine: "LibreOffice text (a cell per line)"
    case .plainText: "text"
    }
  }

  public func importField(_ f: ImportField?) -> String {
    switch f {
    case .id: "id"
    case .group: "group"
    case .theme: "theme"
    case .measure: "measure"
    case .requirement: "requirement"
    case .lead: "lead"
    case .support: "support"
    case .deadline: "deadline"
    case .extra, nil: "kept as an extra column"
    }
  }

  private func list(_ items: [String]) -> String { items.joined(separator: listSeparator) }

  public func guess(_ g: TableGuess) -> String {
    switch g {
    case .encodingConverted(let from):
      return "the file is not UTF-8: read as \(from) and converted"
    case .tableChosen(let i, let n, let rows):
      return "the document has \(n) tables: took table \(i) (\(rows) rows)"
    case .sheetChosen(let name, let skipped):
      return "took the sheet \"\(name)\", whose header names the most columns (passed over: \(list(skipped)))"
    case .converted(let from, let to):
      return "converted .\(from) to .\(to) with LibreOffice"
    case .rowsByNumbers(let n, let rows):
      return "one cell a line: cut into \(rows) rows of \(n) cells where the rows' numbers stand"
    case .twoRowHeader(let p):
      return "the header takes two rows (to \(place(p)))"
    case .headerSpans(let name, let n):
      return "the header \"\(name)\" spans \(n) columns"
    case .columnRoles(let name, let roles):
      return "the \(roles.count) columns under \"\(name)\" are: \(list(roles.map(importField)))"
    case .filledDown(let f, let places):
      let shown = list(places.prefix(6).map(place)) + (places.count > 6 ? "…" : "")
      return
        "\(importField(f)): \(places.count) blank cells read as merged with the cell above (text records no merges; check \(shown))"
    case .roleSplit(let p, let text, let lead, let support):
      return "\(place(p)): split \"\(text)\" into lead \(list(lead)), support \(support.isEmpty ? "—" : list(support))"
    case .collective(let p, let name):
      return "\(place(p)): \"\(name)\" names no one unit: kept as other departments"
    case .droppedDeng(let p, let from, _):
      return "\(place(p)): dropped the trailing 等 of \"\(from)\""
    case .bracketsUnified(let p, let from, let to):
      return "\(place(p)): wrote \"\(from)\" as \"\(to)\""
    case .namesSplit(let p, let text, let parts, let byEndings):
      return "\(place(p)): split \"\(text)\" into \(parts.joined(separator: " + "))"
        + (byEndings ? " by its unit endings" : "")
    case .derivedID(let p, let id, let dup):
      if let dup { return "\(place(p)): number \(dup) used twice; given id \(id)" }
      return "\(place(p)): row without a number; given id \(id)"
    case .restartedNumbering(let n, let example):
      return "numbering restarts in each of \(n) categories: ids made unique as category-number, e.g. \(example)"
    case .tableOrder(let n):
      return "no numbers in the table: ids 1–\(n) in table order"
    case .packedRow(let p, let n):
      return "\(place(p)): \(n) measures in one row, but not every cell has \(n) parts; matched in order"
    case .deadlineYear(let p, let text, let year):
      return "\(place(p)): read \"\(text)\" in the plan's year \(year)"
    case .wordsDropped(let p, let text, let dropped):
      return
        "\(place(p)): in \"\(text)\", \"\(list(dropped))\" names no unit; only the units before it are kept (check)"
    case .conjunctionSplit(let p, let text, let parts, let byShape):
      return "\(place(p)): split \"\(text)\" into \(parts.joined(separator: " + "))"
        + (byShape ? " (told by the names beside it; check)" : "")
    case .planYear(let year, let from):
      let source =
        switch from {
        case .option: "given with --year"
        case .title: "from the title"
        case .text: "from the plan the text names"
        case .deadlines: "the year most of the table's deadlines give"
        }
      return
        "the plan's year: \(year) (\(source)); deadlines that name no year (the year's end, a quarter) are read in it"
    case .readAsProse(let n):
      return
        "no table: read \(n) numbered items, each with the units and deadline in the brackets after it or on the lines below"
    case .paragraphsNotTasks(let places):
      let shown = list(places.prefix(4).map(place)) + (places.count > 4 ? "…" : "")
      return "\(places.count) paragraphs name no one responsible and are no tasks (\(shown))"
    case .noteRow(let p):
      return "\(place(p)): a note row, kept in the plan's note"
    case .notATask(let p):
      return "\(place(p)): no measure in this row, so no task; its text kept in the plan's note"
    case .leadFromSupport(let p, let column):
      return "\(place(p)): no lead given, so the units under \"\(column)\" lead"
    case .measureByData(let name):
      return "no column is named as the measure: took \"\(name)\", whose cells are sentences"
    case .columnByData(let name, let f):
      return "\"\(name)\" read as \(importField(f)) by what its cells hold"
    case .periodEnd(let start, let end):
      return "\"\(start)\" and \"\(end)\" are a period: \"\(end)\" is the deadline, \"\(start)\" kept as a column"
    }
  }

  public func morePlaces(_ total: Int, shown: Int) -> String { " and \(total - shown) more" }

  public func importProblem(_ p: ImportProblem) -> String {
    switch p {
    case .noSuchFile: "no such file"
    case .unreadable: "the file cannot be read"
    case .notUTF8: "neither UTF-8 nor GB18030 text (save the file as UTF-8)"
    case .nulByte: "NUL byte in text: this is not a text file"
    case .zipAsText: "this is a .docx or .xlsx file: give it that extension"
    case .noTable: "no table found"
    case .noHeader:
      "no header row in the first 40 rows (a row naming columns such as the number, the measure, the lead "
        + "department and the deadline); name it with --header-row N"
    case .noMeasureColumn: "no column of the header holds the measures; name it with --map 'HEADER=measure'"
    case .headerRowMissing(let n): "there is no row \(n)"
    case .badMap(let s):
      "--map takes HEADER=FIELD, FIELD one of id, group, theme, measure, requirement, lead, support, deadline, extra: \(s)"
    case .mapMatchesNothing(let s): "no column headed \"\(s)\" (--map)"
    case .badYear(let y): "--year must be a year such as 2021: \(y)"
    case .corruptZip: "the file is damaged: it does not read as a ZIP archive"
    case .encrypted: "the file is encrypted: remove the password in WPS or Office and save it again"
    case .missingPart(let part): "the file is incomplete: \(part) is missing"
    case .badXML(let part): "the file is damaged: \(part) does not parse"
    case .noTableInDocument: "the document has no table"
    case .emptyWorkbook: "every sheet of the workbook is empty"
    case .noSuchSheet(let name, let available): "no sheet named \"\(name)\" (there are: \(list(available)))"
    case .emptySheet(let name): "the sheet \"\(name)\" is empty"
    case .unknownEncoding(let e): "unknown character encoding: \(e)"
    case .needsConversion(let ext, let to):
      "reading a .\(ext) file needs LibreOffice (soffice), which is not installed; "
        + "open it in WPS or Office, save it as .\(to), and import that"
    case .conversionFailed(let ext): "LibreOffice could not convert this .\(ext) file"
    case .unknownFormat(let ext):
      "cannot read .\(ext) files: import .docx, .xlsx, .html, .csv or .txt "
        + "(and .doc, .xls, .wps, .et, .odt, .ods where LibreOffice is installed)"
    case .xmlLibraryMissing: "reading this file needs libxml2 (Debian package libxml2), which was not found"
    case .zipLibraryMissing: "reading this file needs libzip (Debian package libzip4), which was not found"
    case .ambiguousTextExport:
      "a text export with one cell a line whose rows cannot be told apart for certain (a cell of several lines, or rows without numbers); import the .docx or .xlsx it came from"
    case .tooLarge: "the file is too large"
    }
  }

  public func readFile(_ source: String, as f: SourceFormat) -> String { "Read \(source) as \(sourceFormat(f))" }
  public func importTitle(_ title: String) -> String { "title: \(title)" }
  public func importNote(_ note: String) -> String { "note: \(note)" }
  public func importHeader(_ p: SourcePlace) -> String { "header: \(place(p))" }
  public var importColumnsHeading: String { "columns:" }

  public func importColumn(_ c: ImportColumn) -> String {
    var to = importField(c.field)
    if c.field == .extra, let kept = c.keptAs { to = "kept as \"\(kept)\"" }
    return "\(c.header.isEmpty ? "—" : c.header) → \(to)"
  }

  public func importTasks(_ tasks: Int, groups: Int) -> String { "tasks: \(tasks) in \(groups) groups" }
  public func importDepartments(_ names: [String]) -> String {
    "departments (\(names.count)): \(names.joined(separator: "; "))"
  }
  public func otherColumnsKept(_ names: [String]) -> String { "other columns kept: \(names.joined(separator: ", "))" }
  public func unreadDeadlines(_ n: Int) -> String { "deadlines not understood (\(n))" }
  public func guesses(_ n: Int) -> String { "guesses (\(n))" }
  public func firstTasks(_ n: Int) -> String { "the first \(n) tasks as they will be stored:" }

  /// The fields' own names.
  public func firstTaskLabel(_ field: TaskField) -> String { self.field(.task(field)) }

  public var intoExisting: String { "Into the existing store:" }
  public func added(_ n: Int) -> String { "added: \(n)" }
  public func updated(_ n: Int) -> String { "updated: \(n)" }
  public func unchanged(_ n: Int) -> String { "unchanged: \(n)" }
  public func vanished(_ n: Int) -> String { "no longer in the table (kept, not deleted): \(n)" }

  // MARK: Reports: the ledger, the report, the files

  public var reportAbstract: String {
    "Files to send upward: the progress ledger for Excel (xlsx), the progress report for Word (docx), or the report as Markdown or text."
  }

  public var reportDiscussion: String {
    "xlsx: the plan's own columns (under the plan's own names) and status, completed on and progress, one row per task in the plan's order, "
      + "the group and theme cells merged as in the original table; the header frozen and repeated on every printed page, "
      + "A4 landscape fitted to the page's width; a second sheet with the staffing, a third with the period's changes when --since is given. "
      + "Read a filled-in ledger back with sanxiang collect. "
      + "docx: A4, CJK fonts, a summary written from the figures, then overdue tasks, tasks due in 14 days, done in the period, "
      + "progress by group and units short of reviewers. "
      + "-o does not overwrite a file that exists unless --force is given; without -o the file goes to standard output "
      + "(never an xlsx or docx to a terminal). "
      + "Exit codes: 73 the file exists or cannot be written; 66 the library that writes the format is missing; 64 usage."
  }

  public var reportFormatHelp: String { "xlsx (the ledger), docx (the report), markdown or text (the default)." }
  public var reportSinceHelp: String {
    "The period's first day (YYYY-MM-DD; a weekly or monthly report): tasks done, started and become overdue in it, and notes written; by default the last 7 days."
  }
  public var reportDepartmentHelp: String {
    "Only the tasks this department leads or supports, its role marked (the sheet to chase it with)."
  }
  public var reportGroupHelp: String { "Only this group's tasks (its name, number, or a unique part of its name)." }
  public var outputHelp: String { "Write to this file." }
  public var forceHelp: String { "Overwrite the file when it exists." }

  public func ledgerColumn(_ f: Ledger.Field) -> String {
    switch f {
    case .id: "no."
    case .group: "group"
    case .theme: "theme"
    case .measure: "measure"
    case .requirement: "requirement"
    case .lead: "lead"
    case .support: "support"
    case .deadline: "deadline"
    case .extra(let name): name
    case .role: "role"
    case .status: "status"
    case .completedOn: "completed on"
    case .note: "progress"
    case .key: "task key (do not edit)"
    }
  }

  public func ledgerStatus(_ s: TaskStatus, overdueDays: Int?) -> String {
    guard let n = overdueDays else { return status(s) }
    return status(s) + " (\(span(n, .days)) overdue)"
  }

  public func ledgerTitle(_ planTitle: String) -> String {
    planTitle.isEmpty ? "Progress ledger" : "Progress ledger: \(planTitle)"
  }

  public func ledgerSubtitle(_ parts: [String], today: Day, tasks: Int) -> String {
    (parts.isEmpty ? "" : parts.joined(separator: " · ") + " · ") + "as of \(longDay(today)) · \(tasks) tasks"
  }

  public var ledgerSheet: String { "Ledger" }
  public var staffingSheet: String { "Staffing" }
  public func staffingSheetTitle(_ agency: String) -> String {
    "Legal reviewers against the rule" + (agency.isEmpty ? "" : ": " + agency)
  }
  public var staffingColumns: [String] {
    ["unit", "enforcement staff", "legal reviewers", "required", "shortfall", "compliant"]
  }
  public var changesSheet: String { "Changes" }
  public func changesSheetTitle(since: Day, until: Day) -> String {
    "Changes from \(longDay(since)) to \(longDay(until))"
  }
  public var changesColumns: [String] { ["what", "no.", "measure", "day", "note", "recorded by"] }

  public func periodKind(_ k: Period.Kind) -> String {
    switch k {
    case .done: "done"
    case .started: "started"
    case .becameOverdue: "became overdue"
    case .note: "note"
    }
  }

  public var pageFooter: String { "Page &P of &N" }

  public func reportTitle(agency: String, department: String?, group: String?) -> String {
    "Progress report" + (agency.isEmpty ? "" : ": " + agency) + (group.map { " · \($0)" } ?? "")
      + (department.map { " (\($0))" } ?? "")
  }

  public func reportSubtitle(plan: String, today: Day) -> String {
    (plan.isEmpty ? "" : "On \"\(plan)\", ") + "as of \(longDay(today))"
  }

  public func reportSummary(_ f: ReportFigures) -> [String] {
    func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) " + (k == 1 ? one : many) }
    let subject =
      f.department.map { "\($0) leads or supports" } ?? f.group.map { "\($0) has" } ?? "the plan has"
    var first = "As of \(longDay(f.today)), \(subject) \(n(f.tasks, "task", "tasks")): \(f.done) done (\(f.percent)%)"
    if f.inProgress > 0 { first += ", \(f.inProgress) in progress" }
    if f.notStarted > 0 { first += ", \(f.notStarted) not started" }
    if f.blocked > 0 { first += ", \(f.blocked) blocked" }
    if f.waiting > 0 { first += " (\(f.waiting) waiting on an outside event)" }
    first += ". "
    first += f.overdue > 0 ? "\(f.overdue) overdue" : "None is overdue"
    first += f.dueSoon > 0 ? ", \(f.dueSoon) due within 14 days." : "."
    let span = "From \(longDay(f.since)) to \(longDay(f.today))"
    var period: [String] = []
    if f.doneInPeriod > 0 { period.append("\(f.doneInPeriod) done") }
    if f.startedInPeriod > 0 { period.append("\(f.startedInPeriod) started") }
    if f.becameOverdueInPeriod > 0 { period.append("\(f.becameOverdueInPeriod) became overdue") }
    if f.notesInPeriod > 0 { period.append(n(f.notesInPeriod, "note", "notes") + " written") }
    let second =
      period.isEmpty
      ? span + " no task was done, started or became overdue." : span + ": " + period.joined(separator: ", ") + "."
    var third: String
    if f.units == 0 {
      third = "No unit's staffing is recorded yet."
    } else {
      third =
        "Staffing: \(n(f.units, "unit", "units")) with \(f.enforcement) enforcement staff and \(f.reviewers) legal reviewers"
      if let p = f.reviewerPercent {
        third +=
          f.shortUnits > 0
          ? "; \(n(f.shortUnits, "unit falls", "units fall")) short of \(p)% (\(f.shortfall) reviewers missing)."
          : "; every unit meets the \(p)% rule."
      } else {
        third += "; the plan sets no percentage."
      }
    }
    return [first, second, third]
  }

  public func reportHeading(_ n: Int, _ s: ProgressReport.Section, count: Int) -> String {
    let what =
      switch s {
      case .overdue: "Overdue"
      case .dueSoon: "Due within 14 days"
      case .doneInPeriod: "Done in the period"
      case .groups: "Progress by group"
      case .shortOfReviewers: "Units short of legal reviewers"
      }
    return "\(n). \(what) (\(count))"
  }

  public var daysOverdueColumn: String { "days overdue" }
  public var daysLeftColumn: String { "days left" }
  public var progressNoteColumn: String { "progress" }
  public var completedColumn: String { "completed on" }
  public var groupColumn: String { "group" }
  public var percentDoneColumn: String { "done %" }
  public func longDay(_ d: Day) -> String { d.description }
  public func reportWritten(_ file: String) -> String { "wrote \(file)" }

  public func reportProblem(_ p: ReportProblem) -> String {
    switch p {
    case .outputExists(let f): "\(f) exists: add --force to overwrite it, or choose another name"
    case .binaryToTerminal(let format): "a \(format) file cannot go to a terminal: say where with -o FILE"
    case .libraryMissing(let lib, let pkg):
      "writing this file needs \(lib) (Debian package \(pkg)), which was not found: install \(pkg)"
    case .cannotWrite(let f, let e): "cannot write \(f): " + systemError(e)
    case .writerFailed(let f, let code): "\(f) could not be written (the writer's error \(code))"
    }
  }

  // MARK: Reports: the roll-up's 通报

  public func circularTitle(_ today: Day) -> String { "Progress of the agencies: circular" }
  public func circularSubtitle(agencies: Int, today: Day) -> String {
    "(as of \(longDay(today)), \(agencies) agencies)"
  }

  public func circularSummary(_ t: RollupTotal, lagging: Int) -> [String] {
    let f = t.figures
    let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
    var first = "The \(t.agencies - t.failed) agencies read have \(f.tasks) tasks: \(f.done) done (\(pct)%), "
    first += "\(f.overdue) overdue, \(f.dueSoon) due within 14 days; "
    first += "\(f.staffingShortUnits) units are short of legal reviewers."
    if t.notReporting > 0 {
      first += " \(t.notReporting) agencies have reported nothing for more than \(Rollup.quietDays) days."
    }
    if t.failed > 0 { first += " \(t.failed) agencies' plans could not be read." }
    let second = lagging > 0 ? "The \(lagging) agencies that lag are below." : "No agency lags."
    return [first, second]
  }

  public func circularHeading(_ n: Int, _ s: Circular.Section, count: Int) -> String {
    let what =
      switch s {
      case .ranking: "Agencies ranked"
      case .lagging: "Agencies that lag"
      case .overdueTasks: "Overdue tasks"
      case .measures: "Shared measures"
      case .staffing: "Units short of legal reviewers"
      }
    return (n == 0 ? "" : "\(n). ") + "\(what) (\(count))"
  }

  public var rankColumn: String { "rank" }
  public var rankingSheet: String { "Ranking" }
  public var overdueTasksSheet: String { "Overdue" }
  public var measuresSheet: String { "Measures" }
  public var agenciesStaffingSheet: String { "Staffing" }

  public func laggingAgency(_ a: AgencySummary, rank: Int?) -> String {
    let name = a.label + (rank.map { " (ranked \($0))" } ?? "")
    guard let f = a.figures else {
      return name + ": the plan could not be read (" + (a.error?.description(self) ?? "") + ")."
    }
    let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
    var parts = ["\(f.done)/\(f.tasks) done (\(pct)%)"]
    if f.overdue > 0 { parts.append("\(f.overdue) overdue") }
    if f.dueSoon > 0 { parts.append("\(f.dueSoon) due within 14 days") }
    if f.staffingShortUnits > 0 { parts.append("\(f.staffingShortUnits) units short of reviewers") }
    var s = name + ": " + parts.joined(separator: ", ")
    if a.notReporting {
      if let days = a.daysSinceChange, let at = a.lastChange {
        s += "; nothing reported for \(days) days (last \(at.prefix(10)))"
      } else {
        s += "; has never reported"
      }
    }
    return s + "."
  }

  public var unranked: String { "—" }
  public var rollupOutputHelp: String {
    "Write the xlsx or docx circular to this file (redirect the other formats with >)."
  }
  public var outputOnlyForFiles: String { "-o is for xlsx and docx; redirect the other formats to a file with >" }

  // MARK: Collect: the filled-in ledger read back

  public var collectAbstract: String {
    "Read back ledgers departments filled in (made by report --format xlsx): their status, completion dates and progress go into the plan."
  }

  public var collectDiscussion: String {
    "Run it with --dry-run first to see every change it would make. A field changed in the plan since the ledger was made is listed "
      + "as a conflict and keeps the plan's value. Changes are journaled as made by the ledger's department (else --as, or the user; "
      + "--as changes it). When any file has a problem nothing is written, and the sheet and cell are named. "
      + "It also works into an agency's store the city keeps: point --store at it. "
      + "Exit codes: 65 not a ledger, or a cell that cannot be read; 66 no such file; 75 the store is busy or the same field changed meanwhile."
  }

  public var collectFilesHelp: String { "Filled-in ledgers (.xlsx)." }
  public var collectDryRunHelp: String { "Only list the changes and conflicts; write nothing." }

  public func collectProblem(_ p: CollectProblem) -> String {
    switch p {
    case .notALedger:
      "not a ledger made by sanxiang (it has no sanxiang sheet): only ledgers made by report --format xlsx read back"
    case .stampEdited: "the ledger's hidden sanxiang sheet was changed: what the ledger was made from cannot be known"
    case .newerLedger(let v): "made by a later sanxiang (format \(v)): upgrade to read it back"
    case .otherPlan(let agency, let title): "this is the ledger of \"\(title)\" of \(agency), not of this plan"
    case .noLedgerSheet(let name): "there is no sheet \"\(name)\" (renamed or deleted)"
    case .headerChanged(let expected, let found):
      "the header says \"\(found)\" where it said \"\(expected)\": do not insert, delete or rename columns"
    case .idEdited(let found, let key):
      "the number says \"\(found)\" where it said \"\(key)\": do not change the numbers"
    case .unknownKey(let k):
      "task key \"\(k)\" is not one the ledger was made with: do not change the hidden key column"
    case .rowTwice(let k): "task \(k) is there twice: do not copy rows"
    case .rowNotInLedger: "this row was not in the ledger as made (a row added): add new tasks with sanxiang add"
    case .taskGone(let id): "the plan no longer has task \(id)"
    case .unknownStatus(let t): "status \"\(t)\" is not understood: write open, in progress, done or blocked"
    case .badDate(let t): "completion date \"\(t)\" is not a date: write 2019-09-18 or 2019/9/18"
    case .dateButNotDone(let s): "a completion date is given but the status says \"\(s)\": mark it done"
    case .unreadable(let problem): importProblem(problem)
    }
  }

  public func collectRead(_ file: String, agency: String, made: Day, rows: Int, by: String) -> String {
    "read \(file): the ledger of \(agency) made \(made), \(rows) rows; changes recorded as \(by)"
  }

  public func collectChange(_ id: String, _ changes: String) -> String { "  task \(id): \(changes)" }

  public func collectConflict(_ id: String, field: String, ledger: String, plan: String) -> String {
    "  task \(id) \(field): the ledger says \"\(ledger)\", but the plan changed it to \"\(plan)\" since; the plan's value is kept"
  }

  public func collectConflicts(_ n: Int) -> String { "conflicts (\(n)): not overwritten" }
  public var collectNothing: String { "  nothing to record" }
  public func collectSaved(_ changes: Int, by: String) -> String { "recorded \(changes) changes (\(by))" }
  public var collectDryRunDone: String { dryRun }
  public var collectNoFiles: String { "name the ledgers to read back" }
}
