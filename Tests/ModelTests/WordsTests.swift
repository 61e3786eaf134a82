import Foundation
import Model
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The tables of words: every error, notice, guess and summary reads wholly in the reader's
/// language; old journals' English import summaries are read back as data.
@Suite("Words")
struct WordsTests {
  /// One of every reason a store's error can give (the command line's are in CLITests), with
  /// data in ASCII (so that any Chinese in the English sentence is the table's) and in Chinese
  /// (so that any English in the Chinese one is).
  static func reasons(_ name: String, _ file: String) -> [StoreError.Reason] {
    [
      .cannotRead(errno: ENOENT), .cannotWrite(errno: ENOSPC), .cannotFlush(errno: EIO),
      .cannotOpenFolder(errno: EACCES), .cannotCreateTemporary(errno: EROFS), .cannotReplace(errno: EXDEV),
      .cannotOpenForWriting(errno: EISDIR), .cannotOpen(errno: EPERM), .cannotTruncate(errno: EINVAL),
      .cannotCreateFolder(errno: ENOTDIR), .cannotCreateLock(errno: EDQUOT), .cannotRead(errno: 12345),
      .invalidUTF8, .nulByte, .rowTooLarge(kib: 1200, limitKiB: 1024), .emptyFile, .quotedFieldNeverClosed,
      .textAfterClosingQuote, .quoteInUnquotedField, .columnTwice(name), .fieldCount(12, header: 11),
      .missingColumn("measure", alias: "工作措施"), .missingColumn("unit", alias: nil), .emptyID, .unknownStatus(name),
      .badDate(name), .duplicateID("11", firstLine: 12), .emptyUnitName, .unitTwice(name, firstLine: 3),
      .countNotNumber(field: .reviewers, text: name), .negativeCount(-18), .countTooLarge(20_000_000), .notKeyValue,
      .badReviewerPercent, .badStart, .badDayList(key: "holiday"), .journalEntryIncomplete, .noStoreFolder,
      .notAStore(missing: file), .storeExists(file: file), .locked(pid: 42, host: "pc-01"), .lockedByAnother,
      .noTask("99"), .taskChangedMeanwhile(id: "1", field: .status, now: .status(.done)),
      .taskChangedMeanwhile(id: "1", field: .note, now: .none), .unitChangedMeanwhile(name), .planChangedMeanwhile,
      .badGitCommit, .savedAsGB18030,
    ]
      + [
        .textAfterValue, .expectedLiteral("true"), .nestedTooDeeply, .endOfLine, .expectedKey, .expectedColon,
        .expectedCommaOrBrace, .expectedCommaOrBracket, .expectedWholeNumber, .unexpectedCharacter,
        .badUnicodeEscape, .controlCharacter, .badEscape, .stringNeverClosed, .invalidUTF8,
      ].map(StoreError.Reason.json)
  }

  /// One of every guess the importer makes, its data `name` as in `reasons`.
  static func guesses(_ name: String) -> [TableGuess] {
    let cell = SourcePlace.cell(sheet: nil, table: 2, row: 7, column: 3)
    let row = SourcePlace.cell(sheet: nil, table: nil, row: 5, column: 0)
    return [
      .encodingConverted(from: "GB18030"), .tableChosen(index: 2, of: 3, rows: 40),
      .sheetChosen(name: name, skipped: [name, name]), .converted(from: "doc", to: "docx"),
      .rowsByNumbers(columns: 7, rows: 12),
      .twoRowHeader(.line(6)), .headerSpans(name: name, columns: 2),
      .columnRoles(name: name, roles: [.lead, .support, nil]),
      .filledDown(field: .group, places: (3...10).map(SourcePlace.line)),
      .roleSplit(cell, text: name, lead: [name], support: []),
      .roleSplit(row, text: name, lead: [name], support: [name, name]), .collective(.line(4), name: name),
      .droppedDeng(.line(5), from: name, to: name), .bracketsUnified(.line(6), from: name, to: name),
      .namesSplit(.line(7), text: name, parts: [name, name], byEndings: false),
      .namesSplit(.line(8), text: name, parts: [name, name], byEndings: true),
      .derivedID(.line(4), id: "4-1", duplicate: nil), .derivedID(.line(5), id: "4-2", duplicate: "4"),
      .restartedNumbering(categories: 4, example: "2-3"), .tableOrder(count: 35), .packedRow(.line(3), measures: 2),
      .deadlineYear(.cell(sheet: name, table: nil, row: 9, column: 8), text: name, year: 2019),
      .wordsDropped(cell, text: name, dropped: [name]),
      .conjunctionSplit(.line(3), text: name, parts: [name, name], byShape: true),
      .noteRow(.line(9)), .notATask(row), .leadFromSupport(cell, column: name), .measureByData(name: name),
      .columnByData(name: name, field: .deadline), .periodEnd(start: name, end: name),
      .planYear(2021, from: .title), .planYear(2021, from: .option), .planYear(2021, from: .text),
      .planYear(2021, from: .deadlines), .readAsProse(items: 5), .paragraphsNotTasks([.paragraph(3), .line(9)]),
    ]
  }

  /// One of every reason a file cannot be imported.
  static func problems(_ name: String) -> [ImportProblem] {
    [
      .noSuchFile, .unreadable, .notUTF8, .nulByte, .zipAsText, .noTable, .noHeader, .noMeasureColumn,
      .headerRowMissing(99), .badMap(name), .badYear(21), .mapMatchesNothing(name), .corruptZip, .encrypted,
      .missingPart("word/document.xml"), .badXML("xl/workbook.xml"), .noTableInDocument, .emptyWorkbook,
      .noSuchSheet(name, available: [name, name]), .emptySheet(name), .unknownEncoding("UTF-16"),
      .needsConversion(ext: "doc", to: "docx"), .conversionFailed(ext: "wps"), .unknownFormat(ext: "pdf"),
      .xmlLibraryMissing, .zipLibraryMissing, .tooLarge, .ambiguousTextExport,
    ]
  }

  /// What a Chinese sentence names as it is: programs, packages, formats (and the data above's
  /// extensions), and the field names `--map` takes.
  static let names: Set<String> = [
    "LibreOffice", "soffice", "WPS", "Office", "Excel", "ZIP", "NUL", "Debian", "libzip", "CSV", "docx", "xlsx",
    "html", "doc", "xls", "wps", "odt", "ods", "txt", "pdf", "theme", "measure", "requirement", "deadline", "extra",
  ]

  static let summaries: [ImportSummary] = [
    .created(source: "table.txt", tasks: 35, groups: 4),
    .again(source: "table.txt", added: 1, updated: 2, vanished: 0),
  ]

  static let notices: [StoreNotice] = [
    .rolledForward(journal: "/s/journal.jsonl", count: 1), .rolledForward(journal: "/s/journal.jsonl", count: 3),
    .tornJournalLine(journal: "/s/journal.jsonl"),
  ]

  @Test("every error, notice, guess and import summary reads in Chinese without an English word")
  func chinese() {
    let w = ChineseWords()
    let said =
      WordsTests.reasons("法制科", "tasks.csv").map(w.reason) + WordsTests.guesses("法制科").map(w.guess)
      + WordsTests.problems("法制科").map(w.importProblem) + WordsTests.summaries.map(w.importSummary)
      + WordsTests.notices.map(w.notice)
    for s in said {
      #expect(Language.englishWords(in: s, allowing: WordsTests.names).isEmpty, "\(s)")
      #expect(!Language.chinese(in: s).isEmpty, "\(s)")
    }
  }

  @Test("every error, notice, guess and import summary reads in English without a Chinese character")
  func english() {
    let w = EnglishWords()
    let said =
      WordsTests.reasons("Unit A", "tasks.csv").map(w.reason) + WordsTests.guesses("Unit A").map(w.guess)
      + WordsTests.problems("Unit A").map(w.importProblem) + WordsTests.summaries.map(w.importSummary)
      + WordsTests.notices.map(w.notice)
    for s in said {
      // The header names the importer looks for are the tables' own (Chinese) words, and 等 is
      // what it drops from a name's end.
      let own = Language.without(["序号", "工作措施", "责任部门", "完成时限", "具体措施", "具体举措", "等"], in: s)
      #expect(Language.chinese(in: own).isEmpty, "\(s)")
    }
  }

  @Test("an error names its place the same way in both languages, then says what is wrong in the reader's")
  func placeThenReason() {
    let e = StoreError(.badData, .quotedFieldNeverClosed, file: "/s/tasks.csv", line: 8, column: 3)
    #expect(e.description(EnglishWords()) == "/s/tasks.csv:8:3: quoted field is never closed")
    #expect(e.description(ChineseWords()) == "/s/tasks.csv:8:3: 加了引号的字段没有结束的引号")
    #expect(StoreError(.noInput, .noStoreFolder).description(ChineseWords()) == ChineseWords().reason(.noStoreFolder))
    let text = ImportError(.headerRowMissing(9), file: "t.txt", place: .line(3))
    #expect(text.description(EnglishWords()) == "t.txt:3:1: there is no row 9")
    #expect(text.description(ChineseWords()) == "t.txt:3:1: 没有第 9 行")
    let sheet = ImportError(.noTable, file: "t.xlsx", place: .cell(sheet: "Sheet1", table: nil, row: 7, column: 2))
    #expect(sheet.description(ChineseWords()) == "t.xlsx: Sheet1!B7: 没有找到表格")
    #expect(ImportError(.tooLarge, file: "t.docx").description(EnglishWords()) == "t.docx: the file is too large")
  }

  @Test("an import's journal entry keeps counts, and old journals' English sentence reads as the same counts")
  func importSummaries() throws {
    for s in WordsTests.summaries {
      let e = JournalEntry(
        seq: 1, at: "2019-08-20T09:00:00+08:00", by: "王芳", change: Change(op: "import", target: .plan, fields: []),
        imported: s)
      let line = JournalFile.encode(e)
      #expect(!line.contains("message"))
      let back = try #require(JournalFile.decode(JSON.parse(Array(line.utf8))))
      #expect(back == e)
      // What an older version wrote for the same import.
      #expect(ImportSummary(legacy: EnglishWords().importSummary(s)) == s)
    }
    let sample = "imported 35 tasks in 4 groups from 000_de8e65a7f89fc84c.txt"
    let old = JournalEntry(
      seq: 1, at: "2019-08-20T09:00:00+08:00", by: "王芳", change: Change(op: "import", target: .plan, fields: []),
      message: sample)
    #expect(Phrases(.zh).summary(old) == "从 000_de8e65a7f89fc84c.txt 导入 35 项任务，分 4 个工作组")
    #expect(Phrases(.en).summary(old) == sample)
    let other = JournalEntry(seq: 2, at: "", by: "", change: Change(op: "x", target: .plan, fields: []), message: "hi")
    #expect(Phrases(.zh).summary(other) == "hi")
    #expect(ImportSummary(legacy: "imported the table") == nil)
  }
}
