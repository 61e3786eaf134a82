/// The interface language: Chinese under a Chinese locale, English otherwise.
public enum Lang: String, Sendable, CaseIterable {
  case zh
  case en

  /// From LC_ALL, LC_MESSAGES or LANG, the first one set.
  public static func fromEnvironment() -> Lang {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let v = FileIO.environment(name), !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
    }
    return .en
  }

  /// The language's table of words.
  public var words: any Words {
    switch self {
    case .zh: ChineseWords()
    case .en: EnglishWords()
    }
  }
}

/// Every sentence sanxiang shows a person, as one table per language (lazygit's `pkg/i18n`):
/// `ChineseWords` (Words+zh.swift) and `EnglishWords` (Words+en.swift). A sentence missing in
/// either language does not compile. Code outside the tables hands over data (counts, names,
/// days, an error's `Reason`) and gets words back; it never writes a sentence itself.
///
/// To add sentences (a new command's), add a `// MARK:` section here and the same section to
/// both tables. JSON, CSV headers and the store's own files are data, not words: they stay as
/// they are in every language.
public protocol Words: Sendable {
  // MARK: Domain words

  func status(_ s: TaskStatus) -> String
  func role(_ r: Role) -> String
  /// The placeholder 其他相关部门 in a list of departments.
  var otherDepartments: String { get }
  /// Between names in a list: "、" or ", ".
  var listSeparator: String { get }
  /// Between clauses or changes: "；" or "; ".
  var clauseSeparator: String { get }
  /// "label：text" or "label: text".
  func labelled(_ label: String, _ text: String) -> String
  /// 1 is Monday.
  func weekday(_ n: Int) -> String
  func deadlineKind(_ k: DeadlineKind) -> String
  func span(_ n: Int, _ unit: SpanUnit) -> String
  /// A journal operation ("done", "undo"); an unknown one as it is.
  func operation(_ op: String) -> String
  /// A field's label ("状态", "completed"); a user's own column by its name.
  func field(_ f: ChangeField) -> String
  /// What a journal entry was about: "任务 4", "unit 征收管理科".
  func target(_ t: ChangeTarget) -> String

  // MARK: Deadlines' readings

  func doneOn(_ d: Day) -> String
  func dueOverdue(_ d: Day, days: Int) -> String
  func dueToday(_ d: Day) -> String
  func dueLeft(_ d: Day, days: Int) -> String
  /// A yearly deadline's reading for this year's date.
  func yearly(_ reading: String) -> String
  var ongoing: String { get }
  func triggered(_ d: Day, ongoing: Bool) -> String
  func waiting(for event: String) -> String
  func waiting(for event: String, then n: Int, _ unit: SpanUnit) -> String
  /// A yearly deadline before this year's date is known; `day` nil for the month's end.
  func everyYear(month: Int, day: Int?) -> String
  var asRequired: String { get }
  var noDeadline: String { get }
  var deadlineNotUnderstood: String { get }
  /// The same readings in a few columns, for a list's last column.
  func shortNext(_ d: Day) -> String
  func shortOverdue(_ days: Int) -> String
  var shortDueToday: String { get }
  func shortLeft(_ days: Int) -> String
  var shortOngoing: String { get }
  var shortWaiting: String { get }
  var shortTriggered: String { get }
  var shortYearly: String { get }
  var shortUnread: String { get }

  // MARK: Journal

  func importSummary(_ s: ImportSummary) -> String
  /// One entry's operation and its changes: "完成：状态 …" or "done: status …".
  func entryChanges(_ operation: String, _ changes: String) -> String

  // MARK: Stand-up

  var progress: String { get }
  func overdueCount(_ n: Int) -> String
  func unitsShortOfReviewers(_ n: Int) -> String
  var overdueHeading: String { get }
  func dueWithinHeading(_ days: Int) -> String
  var waitingHeading: String { get }
  func changedSinceHeading(_ d: Day) -> String
  var shortOfReviewersHeading: String { get }
  /// An empty section or list.
  var none: String { get }
  func unitShortfall(_ unit: String, _ c: StaffingCheck) -> String

  // MARK: Dashboard: views and filters

  var standupView: String { get }
  var groupsView: String { get }
  var departmentsView: String { get }
  var staffingView: String { get }
  var journalView: String { get }
  var filterAll: String { get }
  var filterNotDone: String { get }
  var filterOverdue: String { get }
  var filterDueSoon: String { get }
  var filterDone: String { get }

  // MARK: Dashboard: header and small terminals

  /// The header's staffing alert, and its short form when room is tight.
  func headerUnitsShort(_ n: Int) -> String
  func headerShort(_ n: Int) -> String
  func filterShown(_ filter: String) -> String
  func searchShown(_ text: String) -> String
  /// The list's title during a search of the whole plan: the hits, and in which groups.
  func searchResults(_ query: String, count: Int, groups: [(String, Int)]) -> String
  var terminalTooSmall: String { get }
  var enlargeOrQuit: String { get }

  // MARK: Dashboard: panes

  var departmentsNavTitle: String { get }
  func departmentListTitle(_ name: String, count: Int) -> String
  func journalListTitle(_ day: Day?, count: Int) -> String
  var allEntries: String { get }
  func staffingListTitle(count: Int) -> String
  var allUnits: String { get }
  var shortOfReviewers: String { get }
  var compliantUnits: String { get }
  func ruleShort(_ percent: Int) -> String
  var noPercentShort: String { get }
  func enforcementTotal(_ n: Int) -> String
  func reviewersTotal(_ n: Int) -> String
  func requiredTotal(_ n: Int) -> String
  func shortTotal(_ n: Int) -> String
  /// A group's overdue count after its progress bar.
  func groupOverdue(_ n: Int) -> String
  var overdueList: String { get }
  var dueSoonList: String { get }
  var waitingList: String { get }
  var changedList: String { get }
  var shortfallsList: String { get }
  var waitingNav: String { get }
  /// The stand-up's "changed since" row, `since` as "09-19".
  func changedSinceNav(_ since: String) -> String
  var nothingMatches: String { get }
  /// The one-letter role mark in a department's list of tasks.
  func roleMark(_ r: Role) -> String
  func unitShortBy(_ n: Int) -> String
  var noneNeeded: String { get }
  var unitOK: String { get }
  var detailTitle: String { get }
  var themeLabel: String { get }
  var deadlineLabel: String { get }
  var statusLabel: String { get }
  var eventLabel: String { get }
  var noteLabel: String { get }
  func completedAfterStatus(_ d: Day) -> String
  func historyTitle(_ n: Int) -> String
  func taskTitle(_ id: String) -> String
  var whenLabel: String { get }
  var whoLabel: String { get }
  var whatLabel: String { get }
  var messageLabel: String { get }
  func entryTitle(_ seq: Int) -> String
  var requiredLabel: String { get }
  /// The required number and how it is worked out: "3（45 × 5% 向上取整）".
  func requiredFormula(_ required: Int, enforcement: Int, percent: Int) -> String
  var verdictLabel: String { get }
  func shortByPeople(_ n: Int) -> String
  var compliant: String { get }
  var ratioLabel: String { get }
  var noPercentSet: String { get }
  var unitKeysHint: String { get }
  func unitTasksTitle(_ n: Int) -> String
  func unitTitle(_ name: String) -> String

  // MARK: Dashboard: footer and prompts

  var reloaded: String { get }
  /// A key bound only in another view: says which.
  func keyWorksElsewhere(_ key: String, _ help: String, view: String, number: Int) -> String
  func keyUnbound(_ key: String) -> String
  var nothingToUndoFooter: String { get }
  func undidFooter(_ operation: String, by: String, target: String) -> String
  func notDoneFooter(_ id: String, _ brief: String) -> String
  func doneFooter(_ id: String, _ day: Day, _ brief: String) -> String
  func statusFooter(_ id: String, _ status: String) -> String
  func notWaitingFooter(_ id: String) -> String
  var nothingToChange: String { get }
  func staffingFooter(_ unit: String, enforcement: Int, reviewers: Int, verdict: String) -> String
  func found(_ n: Int) -> String
  func noteSavedFooter(_ id: String) -> String
  func doneOnFooter(_ id: String, _ day: Day) -> String
  func eventFooter(_ id: String, _ day: Day) -> String
  var dateExample: String { get }
  func notSaved(_ why: String) -> String
  /// A save refused because someone else changed the same field first: `target` as
  /// `target(_:)` names it, the field and what it holds now (phrased), and from the journal
  /// who and when (nil: no entry says so, the change was made outside sanxiang).
  func changedFirst(_ target: String, field: String, now: String, by: String?, at: String?) -> String
  /// A save refused because someone else added the task first.
  func addedFirst(_ target: String, by: String?, at: String?) -> String
  /// Under a refusal, while the line being typed is still open: nothing typed is lost.
  var yoursKept: String { get }
  func reloadFailed(_ why: String) -> String
  var unitsNotTasks: String { get }
  var selectTaskFirst: String { get }
  var selectUnitFirst: String { get }
  func notePrompt(_ id: String) -> String
  func doneOnPrompt(_ id: String) -> String
  func triggerPrompt(_ id: String) -> String
  var needsTerminal: String { get }

  // MARK: Dashboard: help and key bindings

  var keysTitle: String { get }
  /// A column of a file by its header name, in words: "完成日期（“completed_on”列）".
  func column(_ header: String) -> String
  /// The first line of `check`: which store it read.
  func checkedStore(_ folder: String) -> String
  /// What the marks in the lists mean, for the help: (mark, meaning).
  var markers: [(String, String)] { get }
  /// The Tab hint in the single-pane layout.
  var paneHint: String { get }
  var keyUp: String { get }
  var keyDown: String { get }
  var keyPageUp: String { get }
  var keyPageDown: String { get }
  var keyFirst: String { get }
  var keyLast: String { get }
  var keyNextPane: String { get }
  var keyPreviousPane: String { get }
  var keyOpen: String { get }
  var keyBack: String { get }
  var keyToggleDone: String { get }
  var keyDoneOn: String { get }
  var keyToggleStarted: String { get }
  var keyToggleBlocked: String { get }
  var keyTrigger: String { get }
  var keyNote: String { get }
  var keyUndo: String { get }
  var keySearch: String { get }
  var keyFilter: String { get }
  var keyStandup: String { get }
  var keyGroups: String { get }
  var keyDepartments: String { get }
  var keyStaffing: String { get }
  var keyJournal: String { get }
  var keyHelp: String { get }
  var keyRedraw: String { get }
  var keyQuit: String { get }
  var keyEditUnit: String { get }
  var keyAddUnit: String { get }
  var keyReviewerPlus: String { get }
  var keyReviewerMinus: String { get }

  // MARK: Command line: help texts

  var sanxiangAbstract: String { get }
  var sanxiangDiscussion: String { get }
  var storeHelp: String { get }
  var todayHelp: String { get }
  var asHelp: String { get }
  var langHelp: String { get }
  /// "text, json or markdown." for a `--format` option.
  func formatHelp(_ formats: [String]) -> String
  var tuiAbstract: String { get }
  var standupAbstract: String { get }
  var withinHelp: String { get }
  var listAbstract: String { get }
  var groupHelp: String { get }
  var departmentHelp: String { get }
  var roleHelp: String { get }
  var statusHelp: String { get }
  var overdueHelp: String { get }
  var dueWithinHelp: String { get }
  var waitingHelp: String { get }
  var showAbstract: String { get }
  var showIDHelp: String { get }
  var logAbstract: String { get }
  var sinceHelp: String { get }
  var limitHelp: String { get }
  var checkAbstract: String { get }
  var doneAbstract: String { get }
  var idsHelp: String { get }
  var doneNoteHelp: String { get }
  var doneOnHelp: String { get }
  var reopenAbstract: String { get }
  var startAbstract: String { get }
  var blockAbstract: String { get }
  var blockNoteHelp: String { get }
  var noteAbstract: String { get }
  var idHelp: String { get }
  var noteTextHelp: String { get }
  var triggerAbstract: String { get }
  var triggerOnHelp: String { get }
  var undoAbstract: String { get }
  var staffingAbstract: String { get }
  var staffingSetAbstract: String { get }
  var unitHelp: String { get }
  var enforcementHelp: String { get }
  var reviewersHelp: String { get }
  var importAbstract: String { get }
  var importDiscussion: String { get }
  var importFileHelp: String { get }
  var intoHelp: String { get }
  var dryRunHelp: String { get }
  var agencyHelp: String { get }

  // MARK: Command line: argument-parser's frame and its parse errors

  var overviewHeading: String { get }
  var usageHeading: String { get }
  var argumentsHeading: String { get }
  var optionsHeading: String { get }
  var subcommandsHeading: String { get }
  var helpOptionHelp: String { get }
  var versionOptionHelp: String { get }
  func defaultValue(_ value: String) -> String
  func possibleValues(_ values: String) -> String
  func possibleValues(_ values: String, default value: String) -> String
  func seeHelp(_ command: String) -> String
  func seeSubcommandHelp(_ command: String) -> String
  var errorLabel: String { get }
  var usageLabel: String { get }
  var helpLabel: String { get }
  func unknownOption(_ name: String, suggestion: String?) -> String
  func missingValue(_ option: String) -> String
  func unexpectedArguments(_ values: [String]) -> String
  func missingArgument(_ names: [String]) -> String
  func invalidValue(_ value: String, for option: String) -> String
  func takesNoValue(_ option: String, value: String) -> String

  // MARK: Command line: reports

  var noTasksMatch: String { get }
  var journalEmpty: String { get }
  func warning(_ text: String) -> String
  func checkOK(tasks: Int, groups: Int, departments: Int, units: Int, entries: Int, warnings: Int) -> String
  func createdFromSample(_ folder: String) -> String
  func requirement(_ text: String) -> String
  func completedClause(_ d: Day) -> String
  func historyHeading(_ n: Int) -> String
  var total: String { get }
  var columnStatus: String { get }
  var columnRole: String { get }
  var columnMeasure: String { get }
  var columnDeadline: String { get }
  var columnUnit: String { get }
  /// The staffing table's headings: short in a text table, full in Markdown.
  var columnEnforcementShort: String { get }
  var columnReviewersShort: String { get }
  var columnRequiredShort: String { get }
  var columnShortfallShort: String { get }
  var columnRatio: String { get }
  func columnAgainst(_ percent: Int) -> String
  var columnEnforcement: String { get }
  var columnReviewers: String { get }
  var columnRequired: String { get }
  var columnShortfall: String { get }
  var columnCompliant: String { get }
  func ruleLine(_ percent: Int) -> String
  var noPercentLine: String { get }
  func warnUnreadDeadline(_ file: String, id: String, text: String) -> String
  func warnDoneWithoutDate(_ file: String, id: String) -> String
  func warnDateNotDone(_ file: String, id: String) -> String
  func warnCompletedAfterToday(_ file: String, id: String, _ d: Day) -> String
  func warnNoLead(_ file: String, id: String) -> String
  func warnUnknownSetting(_ file: String, line: Int, key: String) -> String
  func notice(_ n: StoreNotice) -> String

  // MARK: Command line: confirmations

  func doneSaid(_ id: String, _ d: Day, _ brief: String) -> String
  func alreadyDone(_ id: String) -> String
  func reopenedSaid(_ id: String, _ brief: String) -> String
  func alreadyOpen(_ id: String) -> String
  func startedSaid(_ id: String, _ brief: String) -> String
  func alreadyStarted(_ id: String) -> String
  func blockedSaid(_ id: String, _ brief: String) -> String
  func alreadyBlocked(_ id: String) -> String
  func noteSaid(_ id: String) -> String
  func noteUnchanged(_ id: String) -> String
  func triggeredSaid(_ id: String, on: String, _ reading: String) -> String
  func alreadyTriggered(_ id: String) -> String
  var nothingToUndo: String { get }
  func undidSaid(seq: Int, operation: String, by: String, target: String, changes: String) -> String
  func staffingUnchanged(_ unit: String) -> String
  func staffingSaid(_ unit: String, _ c: StaffingCheck, verdict: String) -> String
  var dryRun: String { get }
  func storeCreated(_ folder: String) -> String
  func storeUpdated(_ folder: String) -> String
  func storeUnchanged(_ folder: String) -> String

  // MARK: Keeping the plan: command line

  var initAbstract: String { get }
  var initDirHelp: String { get }
  var titleHelp: String { get }
  var planAgencyHelp: String { get }
  var reviewerPercentHelp: String { get }
  var planYearHelp: String { get }
  var groupsHelp: String { get }
  var addAbstract: String { get }
  var addGroupHelp: String { get }
  var measureHelp: String { get }
  var themeHelp: String { get }
  var leadHelp: String { get }
  var supportHelp: String { get }
  var deadlineHelp: String { get }
  var requirementHelp: String { get }
  var addIDHelp: String { get }
  var newDepartmentHelp: String { get }
  var editAbstract: String { get }
  var newMeasureHelp: String { get }
  var newThemeHelp: String { get }
  var moveToGroupHelp: String { get }
  var newLeadHelp: String { get }
  var newSupportHelp: String { get }
  var newDeadlineHelp: String { get }
  var newRequirementHelp: String { get }
  var setColumnHelp: String { get }
  var retireAbstract: String { get }
  var retireNoteHelp: String { get }
  var groupAbstract: String { get }
  var groupAddAbstract: String { get }
  var groupNameHelp: String { get }
  var groupRenameAbstract: String { get }
  var groupRefHelp: String { get }
  var newNameHelp: String { get }
  var groupMoveAbstract: String { get }
  var beforeHelp: String { get }
  var departmentAbstract: String { get }
  var departmentRenameAbstract: String { get }
  var departmentNowHelp: String { get }
  var forceNameHelp: String { get }
  var unitRenameAbstract: String { get }
  var unitNowHelp: String { get }
  var unitRetireAbstract: String { get }
  /// `staffing set --new`.
  var newUnitHelp: String { get }
  /// `list --retired`.
  var retiredHelp: String { get }
  func planCreated(_ folder: String) -> String
  func taskAdded(_ id: String, group: String, _ brief: String, _ reading: String) -> String
  func taskExists(_ id: String) -> String
  func taskEdited(_ id: String, _ changes: String) -> String
  func taskUnchanged(_ id: String) -> String
  func retiredSaid(_ id: String, _ brief: String) -> String
  func alreadyRetired(_ id: String) -> String
  func groupAdded(_ name: String) -> String
  func groupExists(_ name: String) -> String
  func groupRenamed(_ old: String, to new: String, tasks: Int) -> String
  var groupNameUnchanged: String { get }
  func groupsInOrder(_ groups: [String]) -> String
  var orderUnchanged: String { get }
  func departmentRenamed(_ old: String, to new: String, tasks: Int) -> String
  var departmentNameUnchanged: String { get }
  func unitRenamed(_ old: String, to new: String) -> String
  var unitNameUnchanged: String { get }
  func unitRetired(_ unit: String) -> String
  func unitAlreadyRetired(_ unit: String) -> String
  func warnNearNames(_ file: String, _ a: String, _ b: String) -> String
  /// How a deadline typed in was read: "读作：2020-06-30 前".
  func readAsBy(_ d: Day) -> String
  func readAsByThenOngoing(_ d: Day) -> String
  func readAs(_ kind: String) -> String
  var typedNotUnderstood: String { get }

  // MARK: Keeping the plan: dashboard

  var keyAddTask: String { get }
  var keyEditTask: String { get }
  var keyRetireTask: String { get }
  var readOnlyFooter: String { get }
  /// Before the plan's title in the header of a plan that cannot be saved.
  var readOnlyMark: String { get }
  var escCancels: String { get }
  func confirmRetirePrompt(_ id: String) -> String
  func confirmOthersUndo(_ by: String, _ operation: String, target: String) -> String
  var nothingUndone: String { get }
  func notRetiredFooter(_ id: String) -> String
  func retiredFooter(_ id: String) -> String
  var formCancelled: String { get }
  func formNoGroup(_ group: String, groups: [String]) -> String
  var formEmptyMeasure: String { get }
  func formNearDepartment(_ name: String, _ near: String) -> String
  func formTaskGone(_ id: String) -> String
  var formEmptyID: String { get }
  func formTaskExists(_ id: String) -> String
  func taskChangedFooter(_ id: String) -> String
  func taskAddedFooter(_ id: String) -> String
  var formEmptyUnit: String { get }
  var formCounts: String { get }
  func formUnitExists(_ name: String) -> String
  func formNearUnit(_ name: String, _ near: String) -> String
  var formKeys: String { get }
  var addTaskTitle: String { get }
  func editTaskTitle(_ id: String) -> String
  var addUnitTitle: String { get }
  func editUnitTitle(_ name: String) -> String

  // MARK: Roll-up: the command and its report

  var rollupAbstract: String { get }
  var rollupDiscussion: String { get }
  var rollupFormatHelp: String { get }
  var pullHelp: String { get }
  var dirsHelp: String { get }
  func rollupHeading(agencies n: Int, today: Day) -> String
  /// The one-line overview under the heading.
  func rollupOverview(_ t: RollupTotal) -> String
  var agencyColumn: String { get }
  var storeColumn: String { get }
  var tasksColumn: String { get }
  var progressColumn: String { get }
  var doneColumn: String { get }
  var inProgressColumn: String { get }
  var overdueColumn: String { get }
  var dueSoonColumn: String { get }
  var waitingColumn: String { get }
  var shortColumn: String { get }
  var lastChangeColumn: String { get }
  var daysSinceColumn: String { get }
  var notReportingColumn: String { get }
  var errorColumn: String { get }
  var idColumn: String { get }
  var overdueAgenciesColumn: String { get }
  /// Before the agencies where a measure is overdue, in the text report.
  var overdueIn: String { get }
  var yes: String { get }
  var no: String { get }
  /// "2019-09-19 · 1 天前", "从未".
  func lastChange(_ a: AgencySummary) -> String
  /// The mark of an agency that has changed nothing for more than `Rollup.quietDays` days.
  var notReporting: String { get }
  /// What a row shows in place of figures for a store that could not be read.
  var unreadable: String { get }
  func failedHeading(_ n: Int) -> String
  /// The store's own error after the agency.
  func failure(_ a: AgencySummary) -> String
  func measuresHeading(_ rows: Int, agencies: Int) -> String
  var noSharedMeasures: String { get }
  func measureCounts(_ r: MeasureRow) -> String
  func measureStatus(_ s: MeasureStatus) -> String
  /// What the matrix's glyphs mean.
  var legend: String { get }
  func rollupError(_ e: RollupError) -> String
  var everyStoreFailed: String { get }

  // MARK: Roll-up: the dashboard

  func rollupTitle(_ agencies: Int) -> String
  var agenciesView: String { get }
  var measuresView: String { get }
  func agenciesListTitle(_ n: Int) -> String
  var unitsListTitle: String { get }
  var lateShort: String { get }
  var soonShort: String { get }
  var waitShort: String { get }
  var shortShort: String { get }
  func moreAgencies(from: Int, to: Int, of n: Int) -> String
  func storeLine(_ folder: String) -> String
  func changedLine(_ when: String) -> String
  func agencyFigures(_ f: AgencyFigures) -> String
  func agencyShortUnits(_ n: Int) -> String
  var openStandupHint: String { get }
  func measureTitle(_ id: String) -> String
  var hintViews: String { get }
  var hintMove: String { get }
  var hintScroll: String { get }
  var hintOpenAgency: String { get }
  var rollupScrollLeft: String { get }
  var rollupScrollRight: String { get }
  var rollupHelpOpen: String { get }
  var rollupHelpBack: String { get }
  var legendLabel: String { get }
  var enterOpensAgency: String { get }
  /// Why ←/→ do nothing outside the matrix.
  var onlyMatrixScrolls: String { get }
  /// Why Esc does nothing in the roll-up itself.
  var atRollupAlready: String { get }
  func readOnlyAgency(_ label: String) -> String

  // MARK: Roll-up: git

  func pulling(_ n: Int, atOnce: Int) -> String
  /// The progress line, redrawn in place on a terminal.
  func pullProgress(_ done: Int, of n: Int) -> String
  func pullSummary(updated: Int, upToDate: Int, failed: Int, notClones: Int) -> String
  /// One clone's failure: its folder and why.
  func pullFailed(_ folder: String, _ f: Git.Failure) -> String
  func gitFailure(_ f: Git.Failure) -> String
  /// After a save whose git commit (`git_commit = on`) did not happen.
  func commitFailed(_ f: Git.Failure) -> String
  /// The first line of a commit that saved several changes.
  func commitChanges(_ n: Int) -> String

  // MARK: The command line's errors (`CommandError`; also `taskExists` and `groupExists`)

  var noDashboard: String { get }
  /// TERM names a terminal curses cannot drive ("" when TERM is unset).
  func terminalUnusable(term: String) -> String
  var noStoreGiven: String { get }
  func noGroup(_ text: String, groups: [String]) -> String
  func severalGroups(_ text: String, _ hits: [String]) -> String
  func noDepartment(_ text: String, departments: [String]) -> String
  func severalDepartments(_ text: String, _ hits: [String]) -> String
  func badRole(_ role: String) -> String
  /// A date option (`--on`, `--since`, `--today`) that is not YYYY-MM-DD.
  func badDateOption(option: String, value: String) -> String
  func badLang(_ lang: String) -> String
  var badScreenSize: String { get }
  var noTaskIDs: String { get }
  func notWaiting(id: String, deadline: String) -> String
  func newUnitNeedsBoth(_ name: String) -> String
  func countOutOfRange(option: String, max: Int) -> String
  var noCounts: String { get }
  var noUnitName: String { get }
  /// A name one character off known ones: a typo, unless `--new` says it is meant.
  func nearName(_ name: String, near: [String]) -> String
  var percentOutOfRange: String { get }
  func yearOutOfRange(_ year: Int) -> String
  var emptyMeasure: String { get }
  var emptyTaskID: String { get }
  var badSetOption: String { get }
  /// `--set` naming one of the plan's own columns.
  func ownColumn(_ column: String) -> String
  var emptyGroupName: String { get }
  var emptyNewName: String { get }
  func unitExists(_ name: String) -> String
  func noUnit(_ name: String) -> String
  var noRollupFolders: String { get }
  func formatNotOffered(_ format: String, offered: [String]) -> String
  var roleNeedsDepartment: String { get }
  func dateAfterToday(option: String, value: String, today: String) -> String

  // MARK: Errors

  func reason(_ r: StoreError.Reason) -> String
  /// What the system said (errno).
  func systemError(_ errno: Int32) -> String
  func jsonProblem(_ p: JSONError.Problem) -> String

  // MARK: Reports: the ledger, the report, the files

  var reportAbstract: String { get }
  var reportDiscussion: String { get }
  var reportFormatHelp: String { get }
  var reportSinceHelp: String { get }
  var reportDepartmentHelp: String { get }
  var reportGroupHelp: String { get }
  var outputHelp: String { get }
  var forceHelp: String { get }
  /// A ledger column's standard name (the plan's own name goes first where it has one).
  func ledgerColumn(_ f: Ledger.Field) -> String
  /// The status cell: the status, and how late when it is overdue.
  func ledgerStatus(_ s: TaskStatus, overdueDays: Int?) -> String
  func ledgerTitle(_ planTitle: String) -> String
  /// Under the title: the agency (and group, department), the day, the count of tasks.
  func ledgerSubtitle(_ parts: [String], today: Day, tasks: Int) -> String
  var ledgerSheet: String { get }
  var staffingSheet: String { get }
  func staffingSheetTitle(_ agency: String) -> String
  var staffingColumns: [String] { get }
  var changesSheet: String { get }
  func changesSheetTitle(since: Day, until: Day) -> String
  var changesColumns: [String] { get }
  func periodKind(_ k: Period.Kind) -> String
  /// The printed page's footer, in Excel's codes (&P the page, &N the pages).
  var pageFooter: String { get }
  func reportTitle(agency: String, department: String?, group: String?) -> String
  func reportSubtitle(plan: String, today: Day) -> String
  /// The summary written from the figures, a paragraph a string.
  func reportSummary(_ f: ReportFigures) -> [String]
  /// A table's heading, numbered as a report numbers its parts ("一、逾期任务（3 项）").
  func reportHeading(_ n: Int, _ s: ProgressReport.Section, count: Int) -> String
  var daysOverdueColumn: String { get }
  var daysLeftColumn: String { get }
  var progressNoteColumn: String { get }
  var completedColumn: String { get }
  var groupColumn: String { get }
  var percentDoneColumn: String { get }
  /// A day as a report writes it ("2019年9月20日").
  func longDay(_ d: Day) -> String
  /// After a file was written.
  func reportWritten(_ file: String) -> String
  func reportProblem(_ p: ReportProblem) -> String

  // MARK: Reports: the roll-up's 通报

  func circularTitle(_ today: Day) -> String
  func circularSubtitle(agencies: Int, today: Day) -> String
  func circularSummary(_ t: RollupTotal, lagging: Int) -> [String]
  /// A part's heading, numbered as the 通报 numbers it (0: unnumbered, a sheet's title).
  func circularHeading(_ n: Int, _ s: Circular.Section, count: Int) -> String
  var rankColumn: String { get }
  var rankingSheet: String { get }
  var overdueTasksSheet: String { get }
  var measuresSheet: String { get }
  var agenciesStaffingSheet: String { get }
  /// A paragraph on one agency that lags: what is late, what is short, since when it is quiet.
  func laggingAgency(_ a: AgencySummary, rank: Int?) -> String
  var unranked: String { get }
  var rollupOutputHelp: String { get }
  var outputOnlyForFiles: String { get }

  // MARK: Collect: the filled-in ledger read back

  var collectAbstract: String { get }
  var collectDiscussion: String { get }
  var collectFilesHelp: String { get }
  var collectDryRunHelp: String { get }
  func collectProblem(_ p: CollectProblem) -> String
  /// A file read: whose ledger, made when, by whom its changes will be recorded.
  func collectRead(_ file: String, agency: String, made: Day, rows: Int, by: String) -> String
  /// One change it makes (or would): the task and its fields before → after.
  func collectChange(_ id: String, _ changes: String) -> String
  /// A field changed in the plan since the ledger was made: kept, the ledger's value not applied.
  func collectConflict(_ id: String, field: String, ledger: String, plan: String) -> String
  func collectConflicts(_ n: Int) -> String
  var collectNothing: String { get }
  func collectSaved(_ changes: Int, by: String) -> String
  var collectDryRunDone: String { get }
  var collectNoFiles: String { get }

  // MARK: Import

  /// Help for the options the readers brought (the command's other help is with the help texts).
  var importSheetHelp: String { get }
  var importMapHelp: String { get }
  var importHeaderRowHelp: String { get }
  var importYearHelp: String { get }
  /// A place in the file imported: "第 5 行", "Sheet1!B7", "表 2 第 3 行".
  func place(_ p: SourcePlace) -> String
  /// What the file was read as: "Excel 工作簿（.xlsx）".
  func sourceFormat(_ f: SourceFormat) -> String
  /// What a column holds; nil (or extra): kept as a column of its own.
  func importField(_ f: ImportField?) -> String
  /// Something the importer decided on its own, with its place where it has one.
  func guess(_ g: TableGuess) -> String
  /// After the first places of a guess made at more places than are shown: " 等 12 处".
  func morePlaces(_ total: Int, shown: Int) -> String
  /// Why a file could not be imported (`ImportError.description` puts its place first).
  func importProblem(_ p: ImportProblem) -> String
  /// The report's lines, which the command indents.
  func readFile(_ source: String, as f: SourceFormat) -> String
  func importTitle(_ title: String) -> String
  func importNote(_ note: String) -> String
  func importHeader(_ p: SourcePlace) -> String
  var importColumnsHeading: String { get }
  /// A column's header and what it became: "责任部门 → 牵头部门".
  func importColumn(_ c: ImportColumn) -> String
  func importTasks(_ tasks: Int, groups: Int) -> String
  func importDepartments(_ names: [String]) -> String
  func otherColumnsKept(_ names: [String]) -> String
  func unreadDeadlines(_ n: Int) -> String
  func guesses(_ n: Int) -> String
  func firstTasks(_ n: Int) -> String
  /// A field's label in the first tasks: "措施", "measure".
  func firstTaskLabel(_ field: TaskField) -> String
  var intoExisting: String { get }
  func added(_ n: Int) -> String
  func updated(_ n: Int) -> String
  func unchanged(_ n: Int) -> String
  func vanished(_ n: Int) -> String
}
