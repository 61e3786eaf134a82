import ArgumentParser
import Model

#if canImport(Glibc)
  import Glibc
#endif

/// `sanxiang rollup DIR…`: a supervising office's view over many agencies' stores, read-only.
/// Every sentence comes from the table of words; this file only lays them out.
struct RollupCommand: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "rollup", abstract: helpWords.rollupAbstract, discussion: helpWords.rollupDiscussion)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.rollupFormatHelp)) var format: RollupFormat?
  @Option(
    name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(helpWords.rollupOutputHelp, valueName: "file"))
  var output: String?
  @Flag(help: ArgumentHelp(helpWords.forceHelp)) var force = false
  @Flag(help: ArgumentHelp(helpWords.pullHelp)) var pull = false
  @Argument(help: ArgumentHelp(helpWords.dirsHelp, valueName: "dir")) var dirs: [String] = []

  func validate() throws {
    if dirs.isEmpty { throw CommandError.invalid(.noRollupFolders) }
    if output != nil && format?.isFile != true { throw CommandError.invalid(.outputOnlyForFiles) }
  }

  func run(in session: Session) throws {
    let ctx = try Context(global, session)
    let words = ctx.words
    try RollupCommand.checkOutput(format: format, output: output, force: force, ctx: ctx)
    let folders: [String]
    do {
      folders = try StoreDiscovery.find(dirs)
    } catch {
      ctx.console.err("sanxiang: " + words.rollupError(error))
      throw ExitCode(66)
    }
    if pull { RollupCommand.pullAll(folders, words, ctx.console) }
    let rollup = Rollup.read(folders, today: ctx.today)
    session.keep(rollup)
    if format == nil, Console.isTerminal {
      var opened = false
      try ctx.guarded { opened = try RollupCommand.openDashboard(rollup, ctx: ctx) }
      if opened { return }
    }
    let report = RollupReport(rollup: rollup, ctx: ctx)
    switch format ?? .text {
    case .json: ctx.console.outJSON { rollup.writeJSON(words: ctx.words, into: &$0, drain: $1) }
    case .text: report.text()
    case .markdown: report.markdown()
    case .csv: report.csv()
    case .xlsx, .docx: try RollupCommand.circular(rollup, format: format!, output: output, force: force, ctx: ctx)
    }
    ctx.console.flush()
    if rollup.total.failed == rollup.total.agencies {
      ctx.console.err("sanxiang: " + words.everyStoreFailed)
      throw ExitCode(65)
    }
  }

  /// With a terminal and no --format, `rollup` opens the dashboard in roll-up mode (set by
  /// the executable, which owns the terminal); false when this build has none.
  static func openDashboard(_ rollup: Rollup, ctx: Context) throws -> Bool {
    guard let open = ctx.session.openRollup else { return false }
    let status = try open(rollup, ctx.lang)
    if status != 0 { throw ExitCode(status) }
    return true
  }

  /// `git pull --ff-only` in every store folder that is a clone, several at once, with a
  /// progress line on a terminal; then what happened, failures one a line. A failure stops
  /// nothing: the roll-up reads what is there.
  static func pullAll(_ folders: [String], _ words: any Words, _ console: Console) {
    let atOnce = min(8, folders.count)
    console.err(words.pulling(folders.count, atOnce: atOnce))
    let tty = isatty(2) == 1
    let n = folders.count
    // On a terminal the line under that is redrawn in place: up one line, clear it, write it.
    if tty { console.err(words.pullProgress(0, of: n)) }
    let outcomes = Git.pullAll(folders, atOnce: atOnce) { done in
      if tty { Console.errNow("\u{1B}[1A\u{1B}[2K" + words.pullProgress(done, of: n)) }
    }
    var counts = (updated: 0, upToDate: 0, failed: 0, notClones: 0)
    var failures: [String] = []
    for (folder, o) in zip(folders, outcomes) {
      switch o {
      case .updated: counts.updated += 1
      case .upToDate: counts.upToDate += 1
      case .failed(.notAClone): counts.notClones += 1
      case .failed(let f):
        counts.failed += 1
        failures.append(words.pullFailed(folder, f))
      }
    }
    console.err(
      words.pullSummary(
        updated: counts.updated, upToDate: counts.upToDate, failed: counts.failed, notClones: counts.notClones))
    for line in failures { console.err(line) }
  }
}

/// The roll-up as text (for a terminal or a log), Markdown (for minutes) and CSV (for the
/// spreadsheet sent upward).
struct RollupReport {
  let rollup: Rollup
  let ctx: Context
  var words: any Words { ctx.words }

  /// The figures of a row, in the columns' order; nil figures show as the unreadable mark.
  private func numbers(_ f: AgencyFigures) -> [Int] {
    [f.inProgress, f.overdue, f.dueSoon, f.waiting, f.staffingShortUnits]
  }

  private var numberColumns: [String] {
    [words.inProgressColumn, words.overdueColumn, words.dueSoonColumn, words.waitingColumn, words.shortColumn]
  }

  func text() {
    let out = TextOutput(ctx)
    let w = words
    let r = rollup
    ctx.console.out(out.paint(w.rollupHeading(agencies: r.agencies.count, today: r.today), .heading))
    ctx.console.out(w.rollupOverview(r.total))
    ctx.console.out("")
    let nameW = min(24, max(w.agencyColumn.displayWidth, r.agencies.map { $0.label.inert.displayWidth }.max() ?? 0))
    let barW = 14
    // Wide enough for every row's "done/tasks 100%", the total's included.
    let countW = max(
      5, (r.agencies.compactMap(\.figures) + [r.total.figures]).map { "\($0.done)/\($0.tasks)".count }.max()! + 5)
    let numW = numberColumns.map { max(4, $0.displayWidth) }
    var head = w.agencyColumn.padded(toWidth: nameW) + "  " + w.progressColumn.padded(toWidth: barW + 1 + countW)
    for (k, c) in numberColumns.enumerated() { head += "  " + c.padded(toWidth: numW[k], right: true) }
    head += "  " + w.lastChangeColumn
    ctx.console.out(out.paint(head, .heading))
    func progress(_ f: AgencyFigures) -> String {
      let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
      return Bars.progress(f.done, f.tasks, width: barW) + " " + "\(f.done)/\(f.tasks) \(pct)%".padded(toWidth: countW)
    }
    func row(_ name: String, _ f: AgencyFigures) -> String {
      var line = name.padded(toWidth: nameW) + "  " + progress(f)
      for (k, v) in numbers(f).enumerated() { line += "  " + String(v).padded(toWidth: numW[k], right: true) }
      return line
    }
    for a in r.agencies {
      guard let f = a.figures else {
        ctx.console.out(out.paint(a.label.inert.padded(toWidth: nameW) + "  " + w.unreadable, .short))
        continue
      }
      var line = row(a.label.inert, f) + "  " + w.lastChange(a)
      if a.notReporting { line += "  " + w.notReporting }
      let tone: TextOutput.Tone? = a.notReporting || f.overdue > 0 ? .overdue : f.staffingShortUnits > 0 ? .short : nil
      ctx.console.out(out.paint(line, tone))
    }
    ctx.console.out(out.paint(row(w.total, r.total.figures), .heading).trimmingTrailingSpaces)
    let failed = r.failed
    if !failed.isEmpty {
      ctx.console.out("")
      ctx.console.out(out.paint(w.failedHeading(failed.count), .heading))
      for a in failed { ctx.console.out("  " + w.failure(a).inert) }
    }
    ctx.console.out("")
    measuresText(out)
  }

  /// Each measure with its counts, and the agencies where it is overdue: which agencies are
  /// behind on which measures (the full matrix is the dashboard's and the JSON's).
  private func measuresText(_ out: TextOutput) {
    let w = words
    let r = rollup
    guard r.sharesMeasures else {
      ctx.console.out(w.noSharedMeasures)
      return
    }
    ctx.console.out(out.paint(w.measuresHeading(r.measures.count, agencies: r.agencies.count), .heading))
    let idW = max(2, r.measures.map { $0.id.inert.displayWidth }.max() ?? 2)
    let countsW = r.measures.map { w.measureCounts($0).displayWidth }.max() ?? 0
    // The measure's opening words, and room after them for the agencies where it is late.
    let measureW = max(16, min(40, (out.width - idW - countsW - 4) / 2))
    for m in r.measures {
      var line = m.id.inert.padded(toWidth: idW, right: true) + "  " + w.measureCounts(m).padded(toWidth: countsW)
      line += "  " + m.measure.inert.padded(toWidth: measureW)
      let late = overdueAgencies(m)
      if !late.isEmpty {
        let room = max(10, out.width - line.displayWidth - 2)
        line += "  " + (w.overdueIn + late.joined(separator: w.listSeparator)).inert.truncated(toWidth: room)
      }
      ctx.console.out(out.paint(line.trimmingTrailingSpaces, m.overdueIn > 0 ? .overdue : nil))
    }
  }

  private func overdueAgencies(_ m: MeasureRow) -> [String] {
    m.cells.filter { $0.cell.status == .overdue }.map { rollup.agencies[$0.agency].label }
  }

  func markdown() {
    let w = words
    let r = rollup
    ctx.console.out("# " + w.rollupHeading(agencies: r.agencies.count, today: r.today))
    ctx.console.out("")
    ctx.console.out(w.rollupOverview(r.total))
    ctx.console.out("")
    let head =
      [w.agencyColumn, w.storeColumn, w.tasksColumn, w.doneColumn] + numberColumns + [
        w.lastChangeColumn, w.notReportingColumn,
      ]
    ctx.console.out("| " + head.joined(separator: " | ") + " |")
    ctx.console.out("|---|---|" + String(repeating: "--:|", count: 2 + numberColumns.count) + "---|---|")
    func cells(_ f: AgencyFigures) -> [String] { ([f.tasks, f.done] + numbers(f)).map(String.init) }
    for a in r.agencies {
      let figures = a.figures.map(cells) ?? Array(repeating: "—", count: 2 + numberColumns.count)
      let last = a.figures == nil ? w.unreadable : w.lastChange(a)
      let row = [Reports.mdCell(a.label), Reports.mdCell(a.folder)] + figures + [last, a.notReporting ? w.yes : ""]
      ctx.console.out("| " + row.joined(separator: " | ") + " |")
    }
    ctx.console.out(
      "| **\(w.total)** | | " + cells(r.total.figures).joined(separator: " | ") + " | | \(r.total.notReporting) |")
    if !r.failed.isEmpty {
      ctx.console.out("")
      ctx.console.out("## " + w.failedHeading(r.failed.count))
      ctx.console.out("")
      for a in r.failed { ctx.console.out("- " + Reports.mdCell(w.failure(a))) }
    }
    ctx.console.out("")
    guard r.sharesMeasures else {
      ctx.console.out(w.noSharedMeasures)
      return
    }
    ctx.console.out("## " + w.measuresHeading(r.measures.count, agencies: r.agencies.count))
    ctx.console.out("")
    ctx.console.out(
      "| "
        + [w.idColumn, w.columnMeasure, w.doneColumn, w.overdueColumn, w.overdueAgenciesColumn].joined(separator: " | ")
        + " |")
    ctx.console.out("|--:|---|--:|--:|---|")
    for m in r.measures {
      let late = overdueAgencies(m).joined(separator: w.listSeparator)
      ctx.console.out(
        "| \(Reports.mdCell(m.id)) | \(Reports.mdCell(m.measure)) | \(m.doneIn)/\(m.heldBy) | \(m.overdueIn) | \(Reports.mdCell(late)) |"
      )
    }
  }

  /// One row per agency and a total row, with a BOM so that Excel on a Chinese Windows opens
  /// it with the Chinese intact. Headers in the reader's language: it is sent to people.
  func csv() {
    let w = words
    func line(_ fields: [String]) { ctx.console.out(String(decoding: CSVDocument.encode(fields), as: UTF8.self)) }
    let head =
      [w.agencyColumn, w.storeColumn, w.tasksColumn, w.doneColumn] + numberColumns + [
        w.lastChangeColumn, w.daysSinceColumn, w.notReportingColumn, w.errorColumn,
      ]
    ctx.console.out("\u{FEFF}" + String(decoding: CSVDocument.encode(head), as: UTF8.self))
    func figures(_ f: AgencyFigures?) -> [String] {
      guard let f else { return Array(repeating: "", count: 2 + numberColumns.count) }
      return ([f.tasks, f.done] + numbers(f)).map(String.init)
    }
    for a in rollup.agencies {
      line(
        [a.label, a.folder] + figures(a.figures) + [
          a.lastChange ?? "", a.daysSinceChange.map(String.init) ?? "",
          a.error == nil ? (a.notReporting ? w.yes : w.no) : "", a.error?.description(w) ?? "",
        ])
    }
    line([w.total, ""] + figures(rollup.total.figures) + ["", "", String(rollup.total.notReporting), ""])
  }
}
