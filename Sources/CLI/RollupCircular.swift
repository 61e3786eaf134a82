import ArgumentParser
import Model
import Writers

/// `rollup`'s formats: the reports of Rollup.swift, and the 通报 as a workbook or a document.
enum RollupFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, csv, xlsx, docx

  /// Written to a file (`-o`) by a library, rather than printed.
  var isFile: Bool { self == .xlsx || self == .docx }
}

extension RollupCommand {
  /// Before any store is read: the 通报's file is not there already (or `--force`), and a
  /// workbook is not about to go to a terminal.
  static func checkOutput(format: RollupFormat?, output: String?, force: Bool, ctx: Context) throws {
    guard let format, format.isFile else { return }
    try ReportCommand.writing(ctx) { () throws(ReportProblem) in
      if output == nil && Console.isTerminal { throw .binaryToTerminal(format: format.rawValue) }
      try OutputFile(path: output, force: force).check()
    }
  }

  /// The 通报 of the roll-up, as a workbook (every part a sheet) or a Word document.
  static func circular(_ r: Rollup, format: RollupFormat, output: String?, force: Bool, ctx: Context) throws {
    let c = Circular(r, words: ctx.words)
    try ReportCommand.writing(ctx) { () throws(ReportProblem) in
      try OutputFile(path: output, force: force).write { (path) throws(ReportProblem) in
        if format == .xlsx {
          try CircularWorkbook.write(c, words: ctx.words, to: path)
        } else {
          try ReportDocument.write(c, words: ctx.words, today: r.today, to: path)
        }
      }
    }
    if let output { ctx.console.out(ctx.words.reportWritten(output)) }
  }
}
