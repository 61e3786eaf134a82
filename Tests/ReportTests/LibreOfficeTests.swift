import Foundation
import Model
import TestSupport
import Testing
import Writers

/// Where LibreOffice is installed, each file converts to a PDF without error: a third program
/// that opens them as they are. CI does without it.
@Suite("Reports through LibreOffice", .enabled(if: hasLibreOffice, "LibreOffice is not installed (CI does without it)"))
struct LibreOfficeTests {
  /// `soffice --convert-to pdf` with a profile of its own; the PDF's bytes.
  func pdf(_ path: String) throws -> (bytes: [UInt8], pages: Int?) {
    let dir = Fixtures.scratch("pdf")
    let r = run(
      "soffice",
      [
        "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path, "--headless", "--convert-to",
        "pdf",
        "--outdir", dir.path, path,
      ])
    #expect(r.status == 0, "\(r.output)")
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".pdf"
    let out = dir.appendingPathComponent(name)
    // pdfinfo (poppler-utils) counts the pages where it is installed.
    let info = run("pdfinfo", [out.path])
    let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
      Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }
    return (Array(try Data(contentsOf: out)), info.status == 0 ? pages : nil)
  }

  @Test("the ledger, the report and the 通报's files convert to PDF")
  func convert() throws {
    let (store, a) = try sample()
    let words = ChineseWords()
    let ledger = scratchFile("台账.xlsx")
    try LedgerWorkbook.write(
      Ledger(
        a, scope: ReportScope(), period: Period(a, since: Day(iso: "2019-09-01")!, tasks: Array(a.plan.tasks.indices)),
        own: OwnColumns(header: store.tasksHeader), words: words), words: words, to: ledger)
    let report = scratchFile("报告.docx")
    try ReportDocument.write(
      ProgressReport(
        a, scope: ReportScope(), period: Period(a, since: Day(iso: "2019-09-14")!, tasks: Array(a.plan.tasks.indices)),
        words: words), to: report)
    for path in [ledger, report] {
      let (bytes, pages) = try pdf(path)
      #expect(bytes.starts(with: Array("%PDF".utf8)))
      if let pages { #expect(pages >= 2, "\(path)") }
    }
  }
}
