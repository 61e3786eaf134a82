/// The staffing file read into units.
struct StaffingTable {
  var doc: CSVDocument
  var columns: [UnitField: Int]
  var units: [StaffingUnit]

  init(doc: CSVDocument, file: String) throws(StoreError) {
    self.doc = doc
    columns = Columns.resolve(doc.header.fields, Columns.unit)
    for (required, names) in Columns.unit where required != .retired && columns[required] == nil {
      throw StoreError(.badData, .missingColumn(names[0], alias: names[1]), file: file, line: 1, column: 1)
    }
    var units: [StaffingUnit] = []
    var seen: [String: Int] = [:]
    let c = columns
    for (k, r) in doc.records.enumerated() where !r.isBlank {
      func bad(_ field: UnitField, _ reason: StoreError.Reason) -> StoreError {
        let (line, col) = doc.position(record: k, field: c[field]!)
        return StoreError(.badData, reason, file: file, line: line, column: col)
      }
      let name = r.fields[c[.unit]!].trimmingSpaces
      if name.isEmpty { throw bad(.unit, .emptyUnitName) }
      if let first = seen[name] { throw bad(.unit, .unitTwice(name, firstLine: first)) }
      seen[name] = r.line
      func count(_ field: UnitField) throws(StoreError) -> Int {
        let t = r.fields[c[field]!].trimmingSpaces
        guard let v = Int(t) else { throw bad(field, .countNotNumber(field: field, text: t)) }
        guard v >= 0 else { throw bad(field, .negativeCount(v)) }
        guard v <= StaffingUnit.maxCount else { throw bad(field, .countTooLarge(v)) }
        return v
      }
      let retired = c[.retired].map { !r.fields[$0].trimmingSpaces.isEmpty } ?? false
      units.append(
        StaffingUnit(
          name: name, enforcement: try count(.enforcement), reviewers: try count(.reviewers), retired: retired))
    }
    self.units = units
  }

  func record(of unit: String) -> Int? {
    doc.records.firstIndex { !$0.isBlank && $0.fields[columns[.unit]!].trimmingSpaces == unit }
  }
}

extension StaffingTable {
  static func empty() -> StaffingTable {
    // A header-only document always parses.
    try! StaffingTable(doc: CSVDocument(header: Columns.staffingHeader), file: "")
  }

  /// Mirrors a staffing change into the file: the unit's row added, removed, renamed or
  /// updated (a `retired` column is added when a unit is first retired).
  mutating func apply(_ change: Change, name: String, plan: Plan) {
    let rename = change.fields.first { $0.field == .unit(.name) }
    let now = rename?.after.text ?? name
    let k = record(of: rename?.before.text ?? name) ?? record(of: now)
    guard let unit = plan.staffing.first(where: { $0.name == now }) else {
      if let k { doc.remove(record: k) }
      return
    }
    if unit.retired && columns[.retired] == nil {
      doc.addColumn(UnitField.retired.name)
      columns[.retired] = doc.header.fields.count - 1
    }
    if let k {
      for (field, col) in columns { doc.set(record: k, column: col, to: unit.value(of: field).text) }
    } else {
      var fields = [String](repeating: "", count: doc.header.fields.count)
      for (field, col) in columns { fields[col] = unit.value(of: field).text }
      doc.append(fields: fields)
    }
  }
}
