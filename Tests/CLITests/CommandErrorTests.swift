import Model
import TestSupport
import Testing

@testable import CLI

/// The command line's own errors: each reads wholly in the reader's language and exits with
/// the code its kind of mistake has.
@Suite("The command line's errors")
struct CommandErrorTests {
  /// One of every reason, with data `name` (ASCII, so that any Chinese in the English sentence
  /// is the table's; Chinese, so that any English in the Chinese one is).
  static func reasons(_ name: String) -> [CommandError.Reason] {
    [
      .noDashboard, .terminalUnusable(term: ""), .terminalUnusable(term: "xterm-256color"), .noStoreGiven,
      .noGroup("9", groups: [name, name]), .severalGroups(name, [name, name]), .noDepartment(name, departments: [name]),
      .severalDepartments(name, [name]), .badRole(name), .unknownStatus(name),
      .badDateOption(option: "--on", value: name),
      .badLang("fr"), .badScreenSize, .noTaskIDs, .notWaiting(id: "1", deadline: name), .newUnitNeedsBoth(name),
      .countOutOfRange(option: "--reviewers", max: 9), .noCounts, .noUnitName, .nearName(name, near: [name]),
      .percentOutOfRange, .yearOutOfRange(21), .emptyMeasure, .emptyTaskID, .taskExists("2"), .badSetOption,
      .ownColumn("measure"),
      .emptyGroupName, .emptyNewName, .groupExists(name), .unitExists(name), .noUnit(name), .noRollupFolders,
      .formatNotOffered("csv", offered: ["text", "json"]), .roleNeedsDepartment,
      .dateAfterToday(option: "--on", value: "2019-10-01", today: "2019-09-20"),
    ]
  }

  @Test("every command-line error reads in Chinese without an English word")
  func chinese() {
    for r in CommandErrorTests.reasons("法制科") {
      let s = CommandError(r).description(ChineseWords())
      #expect(Language.englishWords(in: s, allowing: ["measure"]).isEmpty, "\(s)")
      #expect(!Language.chinese(in: s).isEmpty, "\(s)")
    }
  }

  @Test("every command-line error reads in English without a Chinese character")
  func english() {
    for r in CommandErrorTests.reasons("Unit A") {
      let s = CommandError(r).description(EnglishWords())
      #expect(Language.chinese(in: s).isEmpty, "\(s)")
      #expect(!s.isEmpty)
    }
  }

  @Test("a name or task that is not there exits 66, an edit the task cannot take 65, a usage mistake 64")
  func exitCodes() {
    #expect(CommandError(.noStoreGiven).exitCode == 66)
    #expect(CommandError(.noUnit("x")).exitCode == 66)
    #expect(CommandError(.noDashboard).exitCode == 66)
    #expect(CommandError(.notWaiting(id: "1", deadline: "")).exitCode == 65)
    let usage = CommandErrorTests.reasons("x").filter {
      ![CommandError.Reason.noStoreGiven, .noUnit("x"), .noDashboard, .notWaiting(id: "1", deadline: "x")].contains($0)
    }
    #expect(usage.allSatisfy { CommandError($0).exitCode == 64 })
  }
}
