import Model

/// The bottom row: the line being typed (with what was said about it above), else the
/// messages, else the keys that do something here and now. The roll-up's footer is drawn by
/// the same `messages` and `hints`.
enum FooterPane {
  static func draw(_ s: AppState, into g: inout Grid, rect: Rect, single: Bool) {
    let words = s.words
    g.fill(rect, style: .normal)
    if let p = s.prompt {
      if !s.messages.isEmpty { messages(s.messages, into: &g, rect: rect, bottom: rect.y - 1) }
      let x = g.put(p.label(words), x: 0, y: rect.y, style: .key)
      let esc = "  " + words.escCancels
      let room = max(4, rect.width - x - esc.displayWidth - 1)
      FormPane.drawEditing(p.line, suggestion: nil, into: &g, x: x, y: rect.y, width: room)
      g.put(esc, x: rect.width - esc.displayWidth - 1, y: rect.y, style: .muted)
      return
    }
    if !s.messages.isEmpty {
      messages(s.messages, into: &g, rect: rect, bottom: rect.y)
      return
    }
    hints(KeyMap.bindings(in: s.view), s, words, first: single ? [("Tab", words.paneHint)] : [], into: &g, rect: rect)
  }

  /// The messages, the latest on row `bottom` (the footer's, or the one above the line being
  /// typed) and those before it on the rows above (over the panes, as Vim's message lines),
  /// below the header's two rows.
  static func messages(_ ms: [FooterMessage], into g: inout Grid, rect: Rect, bottom: Int) {
    let shown = ms.suffix(max(1, bottom - 1))
    var y = bottom - shown.count + 1
    for m in shown {
      g.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .normal)
      g.put(" " + m.text, x: rect.x, y: y, style: m.isError ? .error : .info, maxWidth: rect.width)
      y += 1
    }
  }

  /// What can be done here and now, after `first`: a key that would only say why not is
  /// left out. Help and quit are the last to go when the footer is narrow.
  static func hints<S, A: CommonActions>(
    _ bindings: [Binding<S, A>], _ s: S, _ words: any Words, first: [(String, String)], into g: inout Grid,
    rect: Rect
  ) {
    let all = bindings.filter { $0.hint != nil && $0.disabled(s) == nil }
    func labels(_ bs: [Binding<S, A>]) -> [(String, String)] { bs.compactMap { $0.hintLabel(words) } }
    var hints = first + labels(all.filter { $0.action != .help && $0.action != .quit })
    let tail = labels(all.filter { $0.action == .help || $0.action == .quit })
    func width(_ h: [(String, String)]) -> Int { h.reduce(0) { $0 + $1.0.displayWidth + $1.1.displayWidth + 3 } }
    while !hints.isEmpty && 1 + width(hints) + width(tail) > rect.width { hints.removeLast() }
    var x = 1
    for (key, help) in hints + tail {
      if x + key.displayWidth + help.displayWidth + 1 > rect.width { break }
      x += g.put(key, x: x, y: rect.y, style: .key)
      x += g.put(" " + help + "  ", x: x, y: rect.y, style: .muted)
    }
  }
}
