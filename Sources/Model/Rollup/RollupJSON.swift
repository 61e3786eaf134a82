extension Rollup {
  /// The documented JSON shape (README, Supervising many agencies), written straight into
  /// the output as `Shapes` writes the single-plan reports. Scripts depend on it: keys and
  /// their order are stable, every figure is a number, absent values are null. An unreadable
  /// store's error is phrased in `words`, the reader's.
  public func writeJSON(words: any Words, into out: inout [UInt8], drain: (inout [UInt8]) -> Void = { _ in }) {
    let shared = sharesMeasures ? measures : []
    // Read once: reaching a label through `agencies[k]` copies the whole summary each time.
    let labels = agencies.map(\.label)
    JSON.writeObject(
      [
        ("today", .value(.string(today.description))),
        ("agencies", .items(count: agencies.count) { agencyJSON(agencies[$0], words) }),
        // Rows × agencies can be tens of thousands of cells: written without a tree.
        ("measures", .written(count: shared.count) { writeMeasure(shared[$0], labels, into: &$1, depth: $2) }),
        ("total", .value(totalJSON)),
      ], into: &out, pretty: true, depth: 0, drain: drain)
  }

  public func json(_ words: any Words) -> JSON {
    var out: [UInt8] = []
    writeJSON(words: words, into: &out)
    return (try? JSON.parse(out)) ?? .null
  }

  func agencyJSON(_ a: AgencySummary, _ words: any Words) -> JSON {
    let f = a.figures
    func n(_ v: Int?) -> JSON { v.map(JSON.int) ?? .null }
    return .object([
      ("agency", .string(a.label)),
      ("store", .string(a.folder)),
      ("tasks", n(f?.tasks)),
      ("done", n(f?.done)),
      ("in_progress", n(f?.inProgress)),
      ("overdue", n(f?.overdue)),
      ("due_soon", n(f?.dueSoon)),
      ("waiting", n(f?.waiting)),
      ("staffing_short_units", n(f?.staffingShortUnits)),
      ("last_change", a.lastChange.map(JSON.string) ?? .null),
      ("error", a.error.map { .string($0.description(words)) } ?? .null),
    ])
  }

  /// `{"id", "measure", "done_in", "overdue_in", "agencies": {label: status}}`.
  func writeMeasure(_ r: MeasureRow, _ labels: [String], into out: inout [UInt8], depth: Int) {
    var o = JSONNest(object: &out, pretty: true, depth: depth)
    o.key("id", into: &out)
    JSON.writeString(r.id, into: &out)
    o.key("measure", into: &out)
    JSON.writeString(r.measure, into: &out)
    o.key("done_in", into: &out)
    out += String(r.doneIn).utf8
    o.key("overdue_in", into: &out)
    out += String(r.overdueIn).utf8
    o.key("agencies", into: &out)
    var a = JSONNest(object: &out, pretty: true, depth: depth + 1)
    for c in r.cells {
      a.key(labels[c.agency], into: &out)
      JSON.writeString(c.cell.status.rawValue, into: &out)
    }
    a.close(into: &out)
    o.close(into: &out)
  }

  var totalJSON: JSON {
    let f = total.figures
    return .object([
      ("agencies", .int(total.agencies)),
      ("failed", .int(total.failed)),
      ("not_reporting", .int(total.notReporting)),
      ("tasks", .int(f.tasks)),
      ("done", .int(f.done)),
      ("in_progress", .int(f.inProgress)),
      ("overdue", .int(f.overdue)),
      ("due_soon", .int(f.dueSoon)),
      ("waiting", .int(f.waiting)),
      ("staffing_short_units", .int(f.staffingShortUnits)),
    ])
  }
}
