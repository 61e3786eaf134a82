/// A supervising office's view over many agencies' stores, read on one day: each agency's
/// figures as its own stand-up gives them, the measures the agencies share, and the totals.
/// Built once by `read`; every front end (the reports, the roll-up dashboard) reads this
/// value and nothing else. Stores are only read: no lock is taken and no byte is written.
public struct Rollup: Sendable {
  public let today: Day
  /// Every store found, worst first (see `AgencySummary.isWorse`); a store that failed to
  /// read is here too, with its error, never left out.
  public let agencies: [AgencySummary]
  /// Measures × agencies: one row per measure, in the order the agencies' plans list them.
  public let measures: [MeasureRow]
  public let total: RollupTotal

  /// An agency that has changed nothing for more than this many days is not reporting.
  public static let quietDays = 14

  /// Whether any measure is held by two agencies or more (copies of one plan), which is
  /// when a measures matrix means something.
  public var sharesMeasures: Bool { measures.contains { $0.heldBy > 1 } }

  /// The agencies whose store could not be read.
  public var failed: [AgencySummary] { agencies.filter { $0.error != nil } }

  public init(today: Day, agencies: [AgencySummary], measures: [MeasureRow], total: RollupTotal) {
    self.today = today
    self.agencies = agencies
    self.measures = measures
    self.total = total
  }

  /// Reads every store folder (as `StoreDiscovery.find` lists them) on `threads` threads.
  public static func read(_ folders: [String], today: Day, threads: Int = Parallel.processors) -> Rollup {
    let read = Parallel.map(count: folders.count, threads: threads) { AgencyReading(folders[$0], today: today) }
    var agencies = read.map(\.summary)
    let labels = uniqueLabels(agencies)
    for k in agencies.indices { agencies[k].label = labels[k] }
    let order = agencies.indices.sorted { AgencySummary.isWorse(agencies[$0], agencies[$1]) }
    let measures = MeasureRow.matrix(read.map(\.tasks), columns: order)
    let sorted = order.map { agencies[$0] }
    return Rollup(today: today, agencies: sorted, measures: measures, total: RollupTotal(sorted))
  }

  /// Agency names as given, except where two stores share one: those get their folder's name
  /// in brackets (or the whole folder path, if that is shared too), so every label is a key.
  static func uniqueLabels(_ agencies: [AgencySummary]) -> [String] {
    var count: [String: Int] = [:]
    for a in agencies { count[a.name, default: 0] += 1 }
    var labels = agencies.map { count[$0.name]! > 1 ? "\($0.name)（\(AgencySummary.folderName($0.folder))）" : $0.name }
    var again: [String: Int] = [:]
    for l in labels { again[l, default: 0] += 1 }
    for k in labels.indices where again[labels[k]]! > 1 { labels[k] = "\(agencies[k].name)（\(agencies[k].folder)）" }
    return labels
  }
}

/// One agency as the roll-up sees it: its figures (each as its own `standup` counts it), when
/// it last changed anything, and its plan's agenda for its own stand-up; or why its store
/// could not be read.
public struct AgencySummary: Sendable {
  /// The store folder, as found (a DIR given, or DIR/subfolder).
  public let folder: String
  /// plan.ini's `agency`, else the folder's name.
  public let name: String
  /// `name`, made unique among the roll-up's agencies (see `Rollup.uniqueLabels`).
  public internal(set) var label: String
  /// The agency's plan read on the roll-up's day: its own stand-up is made from this. nil
  /// when the store failed to read.
  public let agenda: Agenda?
  /// Why the store could not be read (file:line:column); nil when it was.
  public let error: StoreError?
  public let figures: AgencyFigures?
  /// The latest journal entry's time as written ("2019-09-19T17:12:00+08:00"); nil when
  /// the journal is empty.
  public let lastChange: String?
  /// Days from the latest journal entry to today (0 for a change dated after today); nil
  /// when the journal is empty or the store failed to read.
  public let daysSinceChange: Int?
  /// Every unit against the reviewer rule, in the plan's order (the staffing view's rows).
  public let staffing: [StaffingCheck]

  /// One agency's summary as `Rollup.read` makes it; public so that a front end's tests can
  /// build a roll-up without stores.
  public init(
    folder: String, name: String, agenda: Agenda?, error: StoreError?, figures: AgencyFigures?, lastChange: String?,
    daysSinceChange: Int?, staffing: [StaffingCheck]
  ) {
    self.folder = folder
    self.name = name
    self.label = name
    self.agenda = agenda
    self.error = error
    self.figures = figures
    self.lastChange = lastChange
    self.daysSinceChange = daysSinceChange
    self.staffing = staffing
  }

  /// Nothing changed in more than `Rollup.quietDays` days, or never: the office should ask.
  /// A store that failed to read is reported by its error instead.
  public var notReporting: Bool {
    guard error == nil else { return false }
    return (daysSinceChange ?? Int.max) > Rollup.quietDays
  }

  /// Worst first: a store that cannot be read, then one not reporting, then by overdue tasks,
  /// units short of reviewers, and the least progress; then by label and folder.
  public static func isWorse(_ a: AgencySummary, _ b: AgencySummary) -> Bool {
    if (a.error != nil) != (b.error != nil) { return a.error != nil }
    if a.notReporting != b.notReporting { return a.notReporting }
    if let x = a.figures, let y = b.figures {
      if x.overdue != y.overdue { return x.overdue > y.overdue }
      if x.staffingShortUnits != y.staffingShortUnits { return x.staffingShortUnits > y.staffingShortUnits }
      // Less done, as a share of the tasks, compared exactly: x.done / x.tasks < y.done / y.tasks.
      let l = x.done * max(y.tasks, 1)
      let r = y.done * max(x.tasks, 1)
      if l != r { return l < r }
    }
    if a.label != b.label { return a.label < b.label }
    return a.folder < b.folder
  }

  /// The last part of a folder path ("stores/甲区" → "甲区").
  static func folderName(_ folder: String) -> String {
    String(folder.split(separator: "/").last ?? Substring(folder))
  }
}

/// One agency's counts, each equal to what its own `sanxiang standup` (and `list`) shows.
public struct AgencyFigures: Hashable, Sendable {
  public var tasks = 0
  public var done = 0
  public var inProgress = 0
  public var overdue = 0
  /// Due in the next `Agenda.soonDays` days.
  public var dueSoon = 0
  /// Waiting on an outside event not yet recorded.
  public var waiting = 0
  /// Units short of legal reviewers under the plan's rule.
  public var staffingShortUnits = 0

  public init() {}

  /// The figures of one agenda, counted the way its stand-up counts them.
  public init(_ a: Agenda) {
    for i in a.plan.tasks.indices where !a.isRetired(i) {
      tasks += 1
      if a.isDone(i) { done += 1 }
      if a.plan.tasks[i].status == .inProgress { inProgress += 1 }
      if a.isOverdue(i) { overdue += 1 }
      if a.isDueWithin(i, days: Agenda.soonDays) { dueSoon += 1 }
      if a.isWaiting(i) { waiting += 1 }
    }
    staffingShortUnits = a.staffingShortfalls.count
  }

  mutating func add(_ f: AgencyFigures) {
    tasks += f.tasks
    done += f.done
    inProgress += f.inProgress
    overdue += f.overdue
    dueSoon += f.dueSoon
    waiting += f.waiting
    staffingShortUnits += f.staffingShortUnits
  }
}

/// Sums over the agencies that were read; how many there are, failed to read, are not reporting.
public struct RollupTotal: Hashable, Sendable {
  /// Every agency listed, read or not.
  public var agencies = 0
  /// Those whose store failed to read (their figures are in no sum).
  public var failed = 0
  public var notReporting = 0
  public var figures = AgencyFigures()

  public init(_ agencies: [AgencySummary]) {
    self.agencies = agencies.count
    for a in agencies {
      if let f = a.figures {
        figures.add(f)
      } else {
        failed += 1
      }
      if a.notReporting { notReporting += 1 }
    }
  }
}

/// One agency's store read on the roll-up's threads: its summary, and its tasks' ids, texts
/// and states for the measures matrix.
struct AgencyReading: Sendable {
  var summary: AgencySummary
  var tasks: [MeasureRow.Seen]

  init(_ folder: String, today: Day) {
    do {
      let store = try Store.open(folder, readOnly: true)
      let a = Agenda(plan: store.plan, today: today)
      let last = a.plan.journal.last
      let days = last?.day.map { max(0, $0.days(until: today)) }
      let settings = a.plan.settings
      summary = AgencySummary(
        folder: folder,
        name: settings.agency.trimmingSpaces.isEmpty ? AgencySummary.folderName(folder) : settings.agency,
        agenda: a, error: nil, figures: AgencyFigures(a), lastChange: last?.at, daysSinceChange: days,
        staffing: a.plan.staffingChecks())
      tasks = a.plan.tasks.indices.filter { !a.isRetired($0) }.map {
        MeasureRow.Seen(id: a.plan.tasks[$0].id, text: a.plan.tasks[$0].measureText, status: MeasureStatus(a, $0))
      }
    } catch {
      summary = AgencySummary(
        folder: folder, name: AgencyReading.agencyName(folder) ?? AgencySummary.folderName(folder), agenda: nil,
        error: error, figures: nil, lastChange: nil, daysSinceChange: nil, staffing: [])
      tasks = []
    }
  }

  /// The agency a store names in its plan.ini, when that much of it reads.
  static func agencyName(_ folder: String) -> String? {
    guard let bytes = try? FileIO.read(folder + "/" + SettingsFile.name),
      let parsed = try? SettingsFile.parse(bytes, file: SettingsFile.name),
      !parsed.settings.agency.trimmingSpaces.isEmpty
    else { return nil }
    return parsed.settings.agency
  }
}
