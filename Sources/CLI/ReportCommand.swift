import ArgumentParser
import Model
import Writers

/// What `report` writes: the ledger for Excel, the report for Word, or the report as
/// Markdown or text.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case xlsx, docx, markdown, text
}

/// `sanxiang report`: the files a bureau sends upward. Every sentence comes from the words
/// tables; the model (Model/Report) makes the content, the writers (Sources/Writers) the files.
struct ReportCommand: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "report", abstract: helpWords.reportAbstract, discussion: helpWords.reportDiscussion)
  }
  @OptionGroup var global: GlobalOptions
  @Option(help: ArgumentHelp(helpWords.reportFormatHelp)) var format: ReportFormat = .text
  @Option(
    name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(helpWords.outputHelp, valueName: "file"))
  var output: String?
  @Flag(help: ArgumentHelp(helpWords.forceHelp)) var force = false
  @Option(help: ArgumentHelp(helpWords.reportSinceHelp, valueName: "date")) var since: String?
  @Option(help: ArgumentHelp(helpWords.reportDepartmentHelp, valueName: "name")) var department: String?
  @Option(help: ArgumentHelp(helpWords.reportGroupHelp, valueName: "group")) var group: String?

  func validate() throws {
    if let since, ReportCommand.day(since) == nil {
      throw CommandError.invalid(.badDateOption(option: "--since", value: since))
    }
  }

  /// A day as `--since` takes it: ISO, or as a spreadsheet writes it (2019/9/13).
  static func day(_ s: String) -> Day? { Day(iso: s) ?? Day(spreadsheet: s) }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let plan = store.plan
      let a = Agenda(plan: plan, today: ctx.today)
      let scope = ReportScope(
        department: try department.map { name in try Reports.resolveDepartment(name, in: plan) },
        group: try group.map { name in try Reports.resolveGroup(name, in: plan) })
      let first = since.flatMap(ReportCommand.day) ?? ctx.today.adding(days: -(Period.defaultDays - 1))
      let period = Period(a, since: first, tasks: scope.tasks(a).map(\.index))
      let out = OutputFile(path: output, force: force)
      try ReportCommand.writing(ctx) { () throws(ReportProblem) in
        if output == nil && Console.isTerminal && (format == .xlsx || format == .docx) {
          throw .binaryToTerminal(format: format.rawValue)
        }
        try out.check()
        switch format {
        case .xlsx:
          let ledger = Ledger(
            a, scope: scope, period: since == nil ? nil : period, own: OwnColumns(header: store.tasksHeader),
            words: ctx.words)
          try out.write { (path) throws(ReportProblem) in try LedgerWorkbook.write(ledger, words: ctx.words, to: path) }
        case .docx:
          let report = ProgressReport(a, scope: scope, period: period, words: ctx.words)
          try out.write { (path) throws(ReportProblem) in try ReportDocument.write(report, to: path) }
        case .markdown, .text:
          let report = ProgressReport(a, scope: scope, period: period, words: ctx.words)
          let lines = format == .markdown ? ReportText.markdown(report) : ReportText.text(report, width: Console.width)
          if output == nil {
            for l in lines { ctx.console.out(Console.isTerminal ? l.inert : l) }
          } else {
            let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
            try out.write { (path) throws(ReportProblem) in try ReportCommand.save(bytes, to: path) }
          }
        }
      }
      if let output { ctx.console.out(ctx.words.reportWritten(output)) }
    }
  }

  /// Runs `body`, saying a report's problem in the reader's words with its exit code.
  static func writing(_ ctx: Context, _ body: () throws(ReportProblem) -> Void) throws {
    do {
      try body()
    } catch {
      ctx.console.err("sanxiang: " + ctx.words.reportProblem(error))
      throw ExitCode(error.exitCode)
    }
  }

  static func save(_ bytes: [UInt8], to path: String) throws(ReportProblem) {
    do { try FileIO.replace(FileIO.dirname(of: path), String(path.split(separator: "/").last!), with: bytes) } catch {
      throw .cannotWrite(path, errno: 0)
    }
  }
}

/// A report's text for a terminal or a log, and its Markdown for minutes: the same title,
/// summary and tables as the Word report.
enum ReportText {
  static func markdown(_ r: ProgressReport) -> [String] {
    var out = ["# " + r.title, "", r.subtitle, ""]
    for p in r.summary { out += [p, ""] }
    for t in r.tables {
      out += ["## " + t.heading, ""]
      if t.rows.isEmpty {
        out += [t.empty, ""]
        continue
      }
      out.append("| " + t.columns.map { Reports.mdCell($0.name) }.joined(separator: " | ") + " |")
      out.append("|" + t.columns.map { $0.numeric ? "--:|" : "---|" }.joined())
      for row in t.rows {
        out.append(
          "| " + row.cells.map { Reports.mdCell($0).replacing("\n", with: "<br>") }.joined(separator: " | ") + " |")
      }
      out.append("")
    }
    while out.last == "" { out.removeLast() }
    return out
  }

  /// Aligned by display width; the widest column is cut to the width left for it.
  static func text(_ r: ProgressReport, width: Int) -> [String] {
    var out = [r.title, r.subtitle, ""]
    for p in r.summary {
      out += p.wrapped(toWidth: max(20, width))
      out.append("")
    }
    for t in r.tables {
      out.append(t.heading)
      if t.rows.isEmpty {
        out += ["  " + t.empty, ""]
        continue
      }
      let cells = [t.columns.map(\.name)] + t.rows.map { $0.cells.map { $0.replacing("\n", with: " ") } }
      var widths = t.columns.indices.map { c in cells.map { c < $0.count ? $0[c].displayWidth : 0 }.max() ?? 0 }
      // Too wide for the line: the widest column gives a column at a time, down to 8.
      while widths.reduce(0, +) + 2 * widths.count + 2 > width,
        let c = widths.indices.max(by: { widths[$0] < widths[$1] }),
        widths[c] > 8
      {
        widths[c] -= 1
      }
      for (k, row) in cells.enumerated() {
        var line = " "
        for (c, col) in t.columns.enumerated() {
          let v = (c < row.count ? row[c] : "").truncated(toWidth: widths[c])
          line += " " + v.padded(toWidth: widths[c], right: col.numeric && k > 0) + " "
        }
        out.append(line.trimmingTrailingSpaces)
      }
      out.append("")
    }
    while out.last == "" { out.removeLast() }
    return out
  }
}
