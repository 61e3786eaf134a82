/// Where one measure stands in one agency: the glyph a matrix cell shows. Overdue comes first
/// (a yearly measure done last year can be overdue again), then done, waiting on an event,
/// blocked, in progress, not started.
public enum MeasureStatus: String, Sendable, Hashable, CaseIterable {
  case overdue
  case done
  case waiting
  case blocked
  case inProgress = "in_progress"
  case open

  /// A matrix cell's glyph; each also differs in shape, so it reads without colour.
  public var glyph: String {
    switch self {
    case .done: "✓"
    case .inProgress: "~"
    case .overdue: "!"
    case .waiting: "…"
    case .blocked: "#"
    case .open: "·"
    }
  }

  /// Task `i` of the agenda's plan, read the way its stand-up reads it.
  public init(_ a: Agenda, _ i: Int) {
    if a.isOverdue(i) {
      self = .overdue
    } else if a.isDone(i) {
      self = .done
    } else if a.isWaiting(i) {
      self = .waiting
    } else {
      switch a.plan.tasks[i].status {
      case .blocked: self = .blocked
      case .inProgress: self = .inProgress
      case .open, .done, .retired: self = .open
      }
    }
  }
}

/// One measure across the agencies that hold it. Agencies running copies of one plan share
/// its ids; a measure is the same in two agencies when both its id and its text are, so that
/// two different plans numbered alike (seeds 000 and 004 both start at 1) are not mixed up.
public struct MeasureRow: Sendable {
  public let id: String
  public let measure: String
  /// The agencies holding it, by their place in `Rollup.agencies`, in that order, each with
  /// its state there and the task's index in that agency's plan. Kept sparse: agencies
  /// running different plans would otherwise make a matrix of mostly empty cells.
  public let cells: [(agency: Int, cell: MeasureCell)]
  /// In how many agencies it is done, and overdue.
  public let doneIn: Int
  public let overdueIn: Int

  /// How many agencies hold it.
  public var heldBy: Int { cells.count }

  /// A row as `Rollup.read` makes it (cells in agency order); public for front ends' tests.
  public init(id: String, measure: String, cells: [(agency: Int, cell: MeasureCell)], doneIn: Int, overdueIn: Int) {
    self.id = id
    self.measure = measure
    self.cells = cells
    self.doneIn = doneIn
    self.overdueIn = overdueIn
  }

  /// The cell of the agency at `agency` in `Rollup.agencies`; nil when its plan lacks it.
  public func cell(_ agency: Int) -> MeasureCell? {
    var lo = 0
    var hi = cells.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if cells[mid].agency < agency { lo = mid + 1 } else { hi = mid }
    }
    return lo < cells.count && cells[lo].agency == agency ? cells[lo].cell : nil
  }

  /// One task of one agency, as the threads that read the stores hand it over.
  struct Seen: Sendable {
    let id: String
    let text: CellText
    let status: MeasureStatus
  }

  /// The rows for every agency's tasks (`seen`, in the order the stores were found), placed
  /// in the columns `order` gives (`order[c]` is the agency shown in column c). Rows come in
  /// the order of first appearance: the first agency's plan, then what others add.
  static func matrix(_ seen: [[Seen]], columns order: [Int]) -> [MeasureRow] {
    var column = [Int](repeating: 0, count: seen.count)
    for (c, k) in order.enumerated() { column[k] = c }
    // Rows by (id, text) in one probe each: the cost grows with the tasks, not with the
    // agencies times the measures of each id (Store/Fast/MeasureKeys.swift).
    var keys = MeasureKeys()
    var ids: [String] = []
    var texts: [CellText] = []
    var cells: [[(agency: Int, cell: MeasureCell)]] = []
    for k in seen.indices {
      for (i, s) in seen[k].enumerated() {
        let (r, isNew) = keys.row(id: s.id, text: s.text)
        if isNew {
          ids.append(s.id)
          texts.append(s.text)
          cells.append([])
        }
        // A plan that lists one id twice with the same text: its first task speaks for it.
        // (An agency's cells are all added before the next agency's, so a second one of
        // its own would be the row's last.)
        if cells[r].last?.agency == column[k] { continue }
        cells[r].append((column[k], MeasureCell(status: s.status, task: i)))
      }
    }
    return cells.indices.map { r in
      let sorted = cells[r].sorted { $0.agency < $1.agency }
      return MeasureRow(
        id: ids[r], measure: texts[r].string, cells: sorted,
        doneIn: sorted.count(where: { $0.cell.status == .done }),
        overdueIn: sorted.count(where: { $0.cell.status == .overdue }))
    }
  }
}

/// A measure in one agency: its state, and which task of that agency's plan it is.
public struct MeasureCell: Sendable, Hashable {
  public let status: MeasureStatus
  /// The task's index in the agency's `agenda.plan.tasks`.
  public let task: Int

  public init(status: MeasureStatus, task: Int) {
    self.status = status
    self.task = task
  }
}
