import Model
import TestSupport
import Testing

/// The reports' and collect's sentences read wholly in the reader's language.
@Suite("The reports' words")
struct ReportWordsTests {
  /// What a Chinese sentence names as it is: the commands, options, formats and packages.
  static let names: Set<String> = [
    "sanxiang", "report", "collect", "xlsx", "docx", "markdown", "text", "Debian", "libxlsxwriter", "libzip", "force",
    "dry", "run", "since", "store", "sheet", "add", "Excel", "Markdown", "WPS", "Word", "ZIP", "Office",
  ]

  static func said(_ w: any Words, name: String) throws -> [String] {
    let (_, a) = try sample()
    let f = ReportFigures(
      a, tasks: Array(a.plan.tasks.indices), period: Period(a, since: a.today, tasks: []), scope: ReportScope())
    var out = [
      w.reportAbstract, w.reportDiscussion, w.reportFormatHelp, w.reportSinceHelp, w.reportDepartmentHelp,
      w.reportGroupHelp, w.outputHelp, w.forceHelp, w.ledgerStatus(.inProgress, overdueDays: 3),
      w.ledgerTitle(name), w.ledgerSubtitle([name], today: a.today, tasks: 3), w.ledgerSheet, w.staffingSheet,
      w.staffingSheetTitle(name), w.changesSheet, w.changesSheetTitle(since: a.today, until: a.today),
      w.pageFooter, w.reportTitle(agency: name, department: name, group: name),
      w.reportSubtitle(plan: name, today: a.today),
      w.daysOverdueColumn, w.daysLeftColumn, w.progressNoteColumn, w.completedColumn, w.groupColumn,
      w.percentDoneColumn, w.reportWritten("/tmp/a.xlsx"), w.circularTitle(a.today),
      w.circularSubtitle(agencies: 3, today: a.today), w.rankColumn, w.rankingSheet, w.overdueTasksSheet,
      w.measuresSheet, w.agenciesStaffingSheet, w.rollupOutputHelp, w.outputOnlyForFiles, w.collectAbstract,
      w.collectDiscussion, w.collectFilesHelp, w.collectDryRunHelp,
      w.collectRead("a.xlsx", agency: name, made: a.today, rows: 3, by: name), w.collectChange("3", name),
      w.collectConflict("3", field: name, ledger: name, plan: name), w.collectConflicts(2), w.collectNothing,
      w.collectSaved(3, by: name), w.collectDryRunDone,
    ]
    out += w.reportSummary(f) + w.staffingColumns + w.changesColumns + Period.Kind.allCases.map(w.periodKind)
    out += ProgressReport.Section.allCases.enumerated().map { w.reportHeading($0.offset + 1, $0.element, count: 2) }
    out += Circular.Section.allCases.enumerated().map { w.circularHeading($0.offset, $0.element, count: 2) }
    out += [
      Ledger.Field.id, .group, .theme, .measure, .requirement, .lead, .support, .deadline, .role, .status,
      .completedOn, .note, .key,
    ].map(w.ledgerColumn)
    let problems: [ReportProblem] = [
      .outputExists("/tmp/a.xlsx"), .binaryToTerminal(format: "xlsx"),
      .libraryMissing(library: "libxlsxwriter", package: "libxlsxwriter4"), .cannotWrite("/tmp/a.xlsx", errno: 28),
      .writerFailed("/tmp/a.xlsx", code: 3),
    ]
    out += problems.map(w.reportProblem)
    let collect: [CollectProblem] = [
      .notALedger, .stampEdited, .newerLedger(version: 2), .otherPlan(agency: name, title: name), .noLedgerSheet(name),
      .headerChanged(expected: name, found: name), .idEdited(found: "3", key: "4"), .unknownKey("9"), .rowTwice("3"),
      .rowNotInLedger, .taskGone("3"), .unknownStatus(name), .badDate(name), .dateButNotDone(name),
      .unreadable(.corruptZip),
    ]
    out += collect.map(w.collectProblem)
    return out
  }

  @Test("in Chinese, without an English word of ours")
  func chinese() throws {
    for s in try ReportWordsTests.said(ChineseWords(), name: "法制科") {
      #expect(Language.englishWords(in: s, allowing: ReportWordsTests.names).isEmpty, "\(s)")
      #expect(!Language.chinese(in: s).isEmpty || s == "第 &P 页，共 &N 页", "\(s)")
    }
  }

  @Test("in English, without a Chinese character of ours")
  func english() throws {
    for s in try ReportWordsTests.said(EnglishWords(), name: "Unit A") {
      // The 通报 is the document's own name; the plan's data (the sample's) is as it is.
      let own = Language.without(["通报", "某区税务局", "全面推行“三项制度”工作任务分工表"], in: s)
      #expect(Language.chinese(in: own).isEmpty, "\(s)")
    }
  }
}
