/// Importing a table again into a store that already has it: texts are updated by task id,
/// new tasks are added, and what people recorded (status, dates, notes, the journal) stays.
/// Tasks that vanished from the table are reported, never deleted.
public struct Reimport: Sendable {
  /// One change per task added or updated, journaled as "import".
  public var changes: [Change] = []
  public var added: [String] = []
  /// Ids whose texts changed, with the fields that did.
  public var updated: [(id: String, fields: [TaskField])] = []
  public var vanished: [String] = []
  public var unchanged = 0

  public init(_ result: ImportResult, onto plan: Plan) {
    let incoming = Set(result.tasks.map(\.id))
    for t in result.tasks {
      // The fields an import owns (`TaskField.defining`), and the table's own columns.
      let owned = TaskField.defining + t.extras.keys.sorted().map(TaskField.extra)
      if let old = plan.task(t.id) {
        var fields = owned.compactMap { f -> FieldChange? in
          let (a, b) = (old.value(of: f), t.value(of: f))
          return a == b ? nil : FieldChange(f, a, b)
        }
        // The mark to check is the people's once they have the task: it comes back only with
        // a change to check.
        if fields.allSatisfy({ $0.field == .task(.extra(ImportColumnNames.toCheck)) }) { fields = [] }
        if fields.isEmpty {
          unchanged += 1
        } else {
          changes.append(Change(op: "import", target: .task(t.id), fields: fields))
          updated.append((t.id, fields.compactMap { if case .task(let f) = $0.field { f } else { nil } }))
        }
      } else {
        let fields =
          [FieldChange(.id, .none, .text(t.id))]
          + owned.compactMap { f in t.value(of: f).isEmpty ? nil : FieldChange(f, .none, t.value(of: f)) }
        changes.append(Change(op: "import", target: .task(t.id), fields: fields))
        added.append(t.id)
      }
    }
    vanished = plan.tasks.map(\.id).filter { !incoming.contains($0) }
  }
}
