import Model

/// The bottom row: the line being typed, else the messages, else the keys that do something
/// here and now.
enum FooterPane {
  static func draw(_ s: AppState, into g: inout Grid, rect: Rect, single: Bool) {
    let words = s.words
    g.fill(rect, style: .normal)
    if let p = s.prompt {
      let x = g.put(p.label(words), x: 0, y: rect.y, style: .key)
      let esc = "  " + words.escCancels
      let room = max(4, rect.width - x - esc.displayWidth - 1)
      FormPane.drawEditing(p.line, suggestion: nil, into: &g, x: x, y: rect.y, width: room)
      g.put(esc, x: rect.width - esc.displayWidth - 1, y: rect.y, style: .muted)
      return
    }
    if !s.messages.isEmpty {
      messages(s.messages, into: &g, rect: rect)
      return
    }
    // What can be done here and now: a key that would only say why not is left out. Help and
    // quit are the last to go when the footer is narrow.
    let all = KeyMap.bindings(in: s.view).filter { $0.hint && $0.disabled(s) == nil }
    let last = all.filter { $0.action == .help || $0.action == .quit }
    var hints = all.filter { $0.action != .help && $0.action != .quit }.map { ($0.keys[0].name, $0.help(words)) }
    if single { hints.insert(("Tab", words.paneHint), at: 0) }
    let tail = last.map { ($0.keys[0].name, $0.help(words)) }
    func width(_ h: [(String, String)]) -> Int { h.reduce(0) { $0 + $1.0.displayWidth + $1.1.displayWidth + 3 } }
    while !hints.isEmpty && 1 + width(hints) + width(tail) > rect.width { hints.removeLast() }
    var x = 1
    for (key, help) in hints + tail {
      if x + key.displayWidth + help.displayWidth + 1 > rect.width { break }
      x += g.put(key, x: x, y: rect.y, style: .key)
      x += g.put(" " + help + "  ", x: x, y: rect.y, style: .muted)
    }
  }

  /// The messages, the latest on the footer's row and those before it on the rows above
  /// (over the panes, as Vim's message lines), below the header's two rows.
  static func messages(_ ms: [FooterMessage], into g: inout Grid, rect: Rect) {
    let shown = ms.suffix(max(1, rect.y - 1))
    var y = rect.y - shown.count + 1
    for m in shown {
      g.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .normal)
      g.put(" " + m.text, x: rect.x, y: y, style: m.isError ? .error : .info, maxWidth: rect.width)
      y += 1
    }
  }
}
