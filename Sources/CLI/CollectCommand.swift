import ArgumentParser
import Model
import Readers

/// `sanxiang collect FILE…`: ledgers that departments (or agencies) filled in and sent back,
/// read through the importer's .xlsx reader and saved as journaled changes by their sender.
/// Every file is read and checked before anything is written; the dry run stops there.
struct CollectCommand: SessionCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "collect", abstract: helpWords.collectAbstract, discussion: helpWords.collectDiscussion)
  }
  @OptionGroup var global: GlobalOptions
  @Flag(name: .customLong("dry-run"), help: ArgumentHelp(helpWords.collectDryRunHelp)) var dryRun = false
  @Argument(help: ArgumentHelp(helpWords.collectFilesHelp, valueName: "file")) var files: [String] = []

  func validate() throws {
    if files.isEmpty { throw CommandError.invalid(.noLedgerFiles) }
  }

  func run(in session: Session) throws {
    try Context.withStore(global, session) { ctx, store in
      let w = ctx.words
      var plan = store.plan
      var read: [(ledger: CollectedLedger, by: String)] = []
      do throws(CollectError) {
        for path in files {
          let ledger = try CollectCommand.read(path, plan: plan, today: ctx.today)
          // The sender: --as, else the department the ledger was made for, else the user.
          read.append((ledger, global.who ?? ledger.stamp.department ?? ctx.who))
          // A later file is read against the plan as the earlier ones leave it.
          for c in ledger.changes { _ = try? plan.apply(c) }
        }
      } catch {
        ctx.console.err("sanxiang: " + error.description(w))
        throw ExitCode(error.exitCode)
      }
      let p = ctx.phrases
      for (ledger, by) in read {
        let names = ledger.columnNames
        func name(_ f: ChangeField) -> String {
          if case .task(let t) = f, let n = names[t] { return n }
          return p.field(f)
        }
        ctx.console.out(
          w.collectRead(
            ledger.file, agency: ledger.stamp.agency, made: ledger.stamp.made, rows: ledger.stamp.rows.count, by: by))
        if ledger.changes.isEmpty { ctx.console.out(w.collectNothing) }
        for c in ledger.changes {
          guard case .task(let id) = c.target else { continue }
          let fields = c.fields.map { f in
            "\(name(f.field)) \(p.value(f.before)) → \(p.value(f.after))"
          }
          ctx.console.out(w.collectChange(id, fields.joined(separator: w.clauseSeparator)).inert)
        }
        if !ledger.conflicts.isEmpty {
          ctx.console.out(w.collectConflicts(ledger.conflicts.count))
          for k in ledger.conflicts {
            ctx.console.out(
              w.collectConflict(
                k.id, field: name(.task(k.field)), ledger: p.value(k.ledger), plan: p.value(k.plan)
              ).inert)
          }
        }
        if !dryRun && !ledger.changes.isEmpty {
          try store.commit(ledger.changes, by: by)
          ctx.console.out(w.collectSaved(ledger.changes.count, by: by))
        }
      }
      if dryRun { ctx.console.out(w.collectDryRunDone) }
    }
  }

  /// One file's two sheets through the importer's reader (the stamp first: it names the
  /// ledger's sheet), read back against `plan`.
  static func read(_ path: String, plan: Plan, today: Day) throws(CollectError) -> CollectedLedger {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    func sheet(_ s: String) throws(CollectError) -> TableGrid? {
      do {
        return try SourceFile.read(path: path, sheet: s).tables.first
      } catch {
        if case .noSuchSheet = error.problem { return nil }
        if case .emptySheet = error.problem { return nil }
        throw CollectError(.unreadable(error.problem), file: name, place: error.place)
      }
    }
    let stamp = try sheet(LedgerStamp.sheetName)
    var ledgerSheet: TableGrid?
    if let stamp, let made = try? LedgerStamp(cells: stamp.rows.map { $0.cells.map(\.text) }) {
      ledgerSheet = try sheet(made.sheet)
    }
    return try CollectedLedger(ledger: ledgerSheet, stamp: stamp, file: name, plan: plan, today: today)
  }
}
