/// Importing a table again into a store that already has it: texts are updated by task id,
/// new tasks are added, and what people recorded (status, dates, notes, the journal) stays.
/// Tasks that vanished from the table are reported, never deleted.
public struct Reimport: Sendable {
  /// One change per task added or updated, journaled as "import".
  public var changes: [Change] = []
  public var added: [String] = []
  /// Ids whose texts changed, with the fields that did.
  public var updated: [(id: String, fields: [String])] = []
  public var vanished: [String] = []
  public var unchanged = 0

  /// The fields an import owns; everything else belongs to the people using the store.
  public static let importedFields = ["group", "theme", "measure", "requirement", "lead", "support", "deadline"]

  public init(_ result: ImportResult, onto plan: Plan) {
    let incoming = Set(result.tasks.map(\.id))
    for t in result.tasks {
      let owned = Reimport.importedFields + t.extras.keys.sorted()
      if let old = plan.task(t.id) {
        var fields = owned.compactMap { f -> FieldChange? in
          let (a, b) = (old.value(of: f), t.value(of: f))
          return a == b ? nil : FieldChange(f, a, b)
        }
        // The mark to check is the people's once they have the task: it comes back only with
        // a change to check.
        if fields.allSatisfy({ $0.field == ImportColumnNames.toCheck }) { fields = [] }
        if fields.isEmpty {
          unchanged += 1
        } else {
          changes.append(Change(op: "import", target: .task(t.id), fields: fields))
          updated.append((t.id, fields.map(\.field)))
        }
      } else {
        let fields =
          [FieldChange("id", "", t.id)]
          + owned.compactMap { f in t.value(of: f).isEmpty ? nil : FieldChange(f, "", t.value(of: f)) }
        changes.append(Change(op: "import", target: .task(t.id), fields: fields))
        added.append(t.id)
      }
    }
    vanished = plan.tasks.map(\.id).filter { !incoming.contains($0) }
  }
}
