extension Rollup {
  /// The documented JSON shape (README, Supervising many agencies), written straight into
  /// the output as `Shapes` writes the single-plan reports. Scripts depend on it: keys and
  /// their order are stable, every figure is a number, absent values are null.
  public func writeJSON(into out: inout [UInt8], drain: (inout [UInt8]) -> Void = { _ in }) {
    let shared = sharesMeasures ? measures : []
    JSON.writeObject(
      [
        ("today", .value(.string(today.description))),
        ("agencies", .items(count: agencies.count) { agencyJSON(agencies[$0]) }),
        ("measures", .items(count: shared.count) { measureJSON(shared[$0]) }),
        ("total", .value(totalJSON)),
      ], into: &out, pretty: true, depth: 0, drain: drain)
  }

  public var json: JSON {
    var out: [UInt8] = []
    writeJSON(into: &out)
    return (try? JSON.parse(out)) ?? .null
  }

  func agencyJSON(_ a: AgencySummary) -> JSON {
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
      ("error", a.error.map { .string($0.description) } ?? .null),
    ])
  }

  func measureJSON(_ r: MeasureRow) -> JSON {
    .object([
      ("id", .string(r.id)),
      ("measure", .string(r.measure)),
      ("done_in", .int(r.doneIn)),
      ("overdue_in", .int(r.overdueIn)),
      ("agencies", .object(r.cells.map { (agencies[$0.agency].label, .string($0.cell.status.rawValue)) })),
    ])
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
