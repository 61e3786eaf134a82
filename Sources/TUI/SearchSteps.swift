/// An incremental search as it is typed: the list it looks through and what each query so
/// far found. A query that contains an earlier one only needs to look through that one's hits,
/// and a query typed before (backspace) has its hits already, so that a keystroke in a
/// whole-plan search does not scan every task again.
struct SearchSteps {
  /// Set for a search of the whole plan: what its list depends on besides the query.
  let scope: String?
  /// The list searched, after the filter.
  let base: [ListItem]
  /// The queries typed, each containing the one before, with their hits.
  private(set) var steps: [(query: String, hits: [ListItem])] = []

  init(scope: String?, base: [ListItem]) {
    self.scope = scope
    self.base = base
  }

  /// The items of `base` that `matches` admits for `query` (lowercased), kept for the next.
  mutating func hits(for query: String, filter matches: (ListItem) -> Bool) -> [ListItem] {
    // Back to a query typed before: its hits, and the longer ones after it dropped.
    if let k = steps.lastIndex(where: { $0.query == query }) {
      steps.removeSubrange((k + 1)...)
      return steps[k].hits
    }
    // The longest earlier query this one contains narrows the list; the others go.
    while let last = steps.last, !query.contains(last.query) { steps.removeLast() }
    let hits = (steps.last?.hits ?? base).filter(matches)
    steps.append((query, hits))
    return hits
  }
}
