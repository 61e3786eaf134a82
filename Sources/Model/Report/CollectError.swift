/// Why a filled-in ledger cannot be read back. Nothing is written when any file of a
/// `collect` has one; the words for it come from the reader's table (`Words.collectProblem`).
public enum CollectProblem: Error, Sendable, Equatable {
  /// The file has no stamp sheet: it was not made by `report --format xlsx`.
  case notALedger
  /// The hidden stamp sheet was changed by hand.
  case stampEdited
  /// Made by a later version of sanxiang.
  case newerLedger(version: Int)
  /// Made from another agency's plan (or another plan) than the store's.
  case otherPlan(agency: String, title: String)
  /// The ledger sheet named in the stamp is gone (renamed or deleted).
  case noLedgerSheet(String)
  /// The header row is not the one written (columns inserted, deleted or renamed).
  case headerChanged(expected: String, found: String)
  /// A row's id (the 序号 seen, or the hidden key) is not the one written.
  case idEdited(found: String, key: String)
  /// A row whose hidden key names no row of the ledger as made.
  case unknownKey(String)
  /// Two rows with the same key (a row copied).
  case rowTwice(String)
  /// A row with something in it but no key: a row added by hand.
  case rowNotInLedger
  /// A task of the ledger that the plan no longer has.
  case taskGone(String)
  /// A status cell in words `collect` does not read.
  case unknownStatus(String)
  /// A date cell that is not a date.
  case badDate(String)
  /// A completion date in a row whose status says it is not done.
  case dateButNotDone(String)
  /// The file could not be read as a workbook (the reader's own problem).
  case unreadable(ImportProblem)
}

/// A `CollectProblem` with the file and, where there is one, the cell.
public struct CollectError: Error, Sendable, Equatable {
  public let problem: CollectProblem
  public let file: String
  public let place: SourcePlace?

  public init(_ problem: CollectProblem, file: String, place: SourcePlace? = nil) {
    self.problem = problem
    self.file = file
    self.place = place
  }

  /// `file: 推进情况台账!J7: message`, the place as `ImportError` gives it.
  public func description(_ words: any Words) -> String {
    file + ": " + (place.map { words.place($0) + ": " } ?? "") + words.collectProblem(problem)
  }

  /// 66 for a file that is not there, 65 for one that cannot be read back.
  public var exitCode: Int32 {
    if case .unreadable(.noSuchFile) = problem { return 66 }
    return 65
  }
}
