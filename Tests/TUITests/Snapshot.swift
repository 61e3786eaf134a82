import Foundation
import TUI
import TestSupport
import Testing

/// Screen snapshots as text: each row between `|…|` so trailing blanks show, then the same
/// rows as style letters (see `Style.letter`). `SANXIANG_RECORD=1 swift test` re-records.
enum Snapshot {
  static let folder = Fixtures.root.appendingPathComponent("Tests/TUITests/Snapshots")

  static func text(_ g: Grid) -> String {
    g.lines.map { "|\($0)|" }.joined(separator: "\n") + "\n\nstyles:\n"
      + g.styleLines.map { "|\($0)|" }.joined(separator: "\n")
      + "\n"
  }

  static func check(_ g: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = text(g)
    if ProcessInfo.processInfo.environment["SANXIANG_RECORD"] == "1" {
      try! actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("no snapshot \(name).txt; record it with SANXIANG_RECORD=1", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      var diff: [String] = []
      for k in 0..<max(e.count, a.count) {
        let ek = k < e.count ? String(e[k]) : ""
        let ak = k < a.count ? String(a[k]) : ""
        if ek == ak { continue }
        diff.append("line \(k + 1):\n  - \(ek)\n  + \(ak)")
        if diff.count >= 6 { break }
      }
      Issue.record(
        Comment(rawValue: "screen differs from \(name).txt:\n" + diff.joined(separator: "\n")),
        sourceLocation: sourceLocation)
    }
  }
}
