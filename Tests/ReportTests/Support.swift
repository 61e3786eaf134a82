import Foundation
import Model
import Readers
import TestSupport

/// The sample plan read on its day, 2019-09-20.
func sample() throws -> (Store, Agenda) {
  let store = try Store.open(Fixtures.sampleData.path)
  return (store, Agenda(plan: store.plan, today: Day(iso: "2019-09-20")!))
}

/// A new file's path in a scratch folder.
func scratchFile(_ name: String) -> String { Fixtures.scratch("report").appendingPathComponent(name).path }

/// Runs a program and gives back its exit status and output (stdout and stderr together).
func run(_ program: String, _ args: [String]) -> (status: Int32, output: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = [program] + args
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardError = pipe
  p.standardInput = FileHandle.nullDevice
  do { try p.run() } catch { return (127, "\(error)") }
  let out = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: out, as: UTF8.self))
}

/// python3 with openpyxl and python-docx, the independent readers CI installs.
let hasPythonReaders = run("python3", ["-c", "import openpyxl, docx"]).status == 0

/// LibreOffice's `soffice` on the PATH.
let hasLibreOffice = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
  FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
}

/// scripts/check_office_files.py on a written file: the problems it lists (none: empty).
func independentCheck(_ kind: String, _ path: String, _ want: [String: Any]) throws -> String {
  let json = String(decoding: try JSONSerialization.data(withJSONObject: want), as: UTF8.self)
  let script = Fixtures.root.appendingPathComponent("scripts/check_office_files.py").path
  let r = run("python3", [script, kind, path, json])
  return r.status == 0 ? "" : r.output
}

/// A sheet of a workbook as the project's own reader gives it: rows of texts, and the grid.
func sheet(_ path: String, _ name: String) throws -> (texts: [[String]], grid: TableGrid) {
  let grid = try SourceFile.read(path: path, sheet: name).tables[0]
  return (grid.rows.map { $0.cells.map(\.text) }, grid)
}
