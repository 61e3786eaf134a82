/// Text bars shared by the command line and the dashboard: plain ASCII, so they line up in
/// every terminal and keep their meaning without colour.
public enum Bars {
  /// htop's style: `[|||||     ]`.
  public static func progress(_ done: Int, _ total: Int, width: Int) -> String {
    let inner = max(1, width - 2)
    let filled = total <= 0 ? 0 : min(inner, max(0, done) * inner / total)
    return "[" + String(repeating: "|", count: filled) + String(repeating: " ", count: inner - filled) + "]"
  }

  /// Reviewers against the required number: the scale runs to twice the requirement, so the
  /// quota sits in the middle, marked `:` while unmet (`[|||   :    ]`).
  public static func ratio(_ c: StaffingCheck, width: Int) -> String {
    let inner = max(1, width - 2)
    guard let req = c.required, req > 0 else {
      return "[" + String(repeating: c.reviewers > 0 ? "|" : " ", count: inner) + "]"
    }
    let scale = max(req * 2, c.reviewers)
    let filled = min(inner, c.reviewers * inner / scale)
    let mark = req * inner / scale
    var cells = Array(repeating: Character(" "), count: inner)
    for k in 0..<filled { cells[k] = "|" }
    if mark < inner && c.reviewers < req { cells[mark] = ":" }
    return "[" + String(cells) + "]"
  }
}
