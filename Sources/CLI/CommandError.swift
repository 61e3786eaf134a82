import ArgumentParser
import Model

/// The command line's own errors: a usage mistake (exit 64), a name or task the user gave
/// that the plan does not have (66), or an edit the task cannot take (65). What went wrong is
/// data; the words tables phrase it (`description`), and `Context.guarded` says it on stderr
/// and exits with its code, as it does for the store's errors (`StoreError`) and the import's
/// (`ImportError`).
public struct CommandError: Error, Equatable {
  public enum Reason: Equatable, Sendable {
    /// This build has no terminal front end.
    case noDashboard
    /// TERM names a terminal curses cannot drive ("" when TERM is unset).
    case terminalUnusable(term: String)
    case noStoreGiven
    case noGroup(String, groups: [String])
    case severalGroups(String, [String])
    case noDepartment(String, departments: [String])
    case severalDepartments(String, [String])
    case badRole(String)
    /// `--status` naming no status.
    case unknownStatus(String)
    /// A date option (`--on`, `--since`, `--today`) that is not YYYY-MM-DD.
    case badDateOption(option: String, value: String)
    case badLang(String)
    case badScreenSize
    case noTaskIDs
    case notWaiting(id: String, deadline: String)
    case newUnitNeedsBoth(String)
    case countOutOfRange(option: String, max: Int)
    case noCounts
    case noUnitName
    /// A name one character off known ones: a typo, unless `--new` says it is meant.
    case nearName(String, near: [String])
    case percentOutOfRange
    /// `--year` outside the years a plan can be for.
    case yearOutOfRange(Int)
    case emptyMeasure
    case emptyTaskID
    case taskExists(String)
    case badSetOption
    /// `--set` naming one of the plan's own columns.
    case ownColumn(String)
    case emptyGroupName
    case emptyNewName
    case groupExists(String)
    case unitExists(String)
    case noUnit(String)
    case noRollupFolders
    /// `-o` with a format that is not a file (the roll-up writes only .xlsx and .docx to one).
    case outputOnlyForFiles
    /// `collect` with no file to read.
    case noLedgerFiles
    case formatNotOffered(String, offered: [String])
    case roleNeedsDepartment
    case dateAfterToday(option: String, value: String, today: String)
  }

  public let reason: Reason

  public init(_ reason: Reason) { self.reason = reason }

  /// The sysexits code: 66 for what the user named and is not there, 65 for an edit the
  /// task cannot take, 64 for the rest (how the command was asked).
  public var exitCode: Int32 {
    switch reason {
    case .noDashboard, .noStoreGiven, .noUnit: 66
    case .notWaiting: 65
    default: 64
    }
  }

  /// The error in the reader's words.
  public func description(_ w: any Words) -> String {
    switch reason {
    case .noDashboard: w.noDashboard
    case .terminalUnusable(let term): w.terminalUnusable(term: term)
    case .noStoreGiven: w.noStoreGiven
    case .noGroup(let text, let groups): w.noGroup(text, groups: groups)
    case .severalGroups(let text, let hits): w.severalGroups(text, hits)
    case .noDepartment(let text, let all): w.noDepartment(text, departments: all)
    case .severalDepartments(let text, let hits): w.severalDepartments(text, hits)
    case .badRole(let r): w.badRole(r)
    // The sentence a status cell that reads as none gets.
    case .unknownStatus(let s): w.reason(.unknownStatus(s))
    case .badDateOption(let option, let value): w.badDateOption(option: option, value: value)
    case .badLang(let l): w.badLang(l)
    case .badScreenSize: w.badScreenSize
    case .noTaskIDs: w.noTaskIDs
    case .notWaiting(let id, let deadline): w.notWaiting(id: id, deadline: deadline)
    case .newUnitNeedsBoth(let name): w.newUnitNeedsBoth(name)
    case .countOutOfRange(let option, let max): w.countOutOfRange(option: option, max: max)
    case .noCounts: w.noCounts
    case .noUnitName: w.noUnitName
    case .nearName(let name, let near): w.nearName(name, near: near)
    case .percentOutOfRange: w.percentOutOfRange
    case .yearOutOfRange(let y): w.yearOutOfRange(y)
    case .emptyMeasure: w.emptyMeasure
    case .emptyTaskID: w.emptyTaskID
    case .taskExists(let id): w.taskExists(id)
    case .badSetOption: w.badSetOption
    case .ownColumn(let column): w.ownColumn(column)
    case .emptyGroupName: w.emptyGroupName
    case .emptyNewName: w.emptyNewName
    case .groupExists(let name): w.groupExists(name)
    case .unitExists(let name): w.unitExists(name)
    case .noUnit(let name): w.noUnit(name)
    case .noRollupFolders: w.noRollupFolders
    case .outputOnlyForFiles: w.outputOnlyForFiles
    case .noLedgerFiles: w.collectNoFiles
    case .formatNotOffered(let f, let offered): w.formatNotOffered(f, offered: offered)
    case .roleNeedsDepartment: w.roleNeedsDepartment
    case .dateAfterToday(let option, let value, let today): w.dateAfterToday(option: option, value: value, today: today)
    }
  }

  /// The same mistake found while argument-parser checks the arguments (`validate`), which
  /// shows the usage under it; phrased in the help language, as argument-parser's own are.
  static func invalid(_ reason: Reason, _ words: any Words = helpWords) -> ValidationError {
    ValidationError(CommandError(reason).description(words))
  }
}
