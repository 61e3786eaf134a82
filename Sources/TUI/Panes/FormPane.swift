import Model

/// The form drawn over the panes: a box, one field a line with its label, the focused field's
/// cursor, the deadline's reading under the deadline, a department name's completion in dim
/// text after the cursor, the warning, and the keys.
enum FormPane {
  static func draw(_ s: AppState, _ f: Form, into g: inout Grid) {
    let w = s.words
    let extra = f.fields.contains(.deadline) ? 1 : 0
    let h = min(s.height - 2, f.fields.count + extra + 6)
    let width = min(s.width - 2, 100)
    guard h >= 5, width >= 20 else { return }
    let r = Rect(x: (s.width - width) / 2, y: max(1, (s.height - h) / 2), width: width, height: h)
    g.fill(r)
    g.box(r, title: title(s, f), style: .borderFocused, ascii: s.ascii)
    let inner = r.inner
    let labelW = f.fields.map { $0.label(w).displayWidth }.max()! + 2
    let valueW = max(4, inner.width - labelW - 2)
    var y = inner.y + 1
    for (k, field) in f.fields.enumerated() where y < inner.y + inner.height - 2 {
      let focused = k == f.focus
      g.put((focused ? "▸" : " ") + field.label(w), x: inner.x, y: y, style: focused ? .title : .muted)
      let x = inner.x + labelW
      if focused {
        drawEditing(f.values[k], suggestion: f.suggestion, into: &g, x: x, y: y, width: valueW)
      } else {
        g.put(f.values[k].text, x: x, y: y, maxWidth: valueW)
      }
      y += 1
      if field == .deadline {
        let reading = Phrases(w).typedDeadline(Deadline(f.value(.deadline)).inYear(s.plan.settings.year))
        g.put(reading, x: x, y: y, style: .info, maxWidth: valueW)
        y += 1
      }
    }
    let bottom = inner.y + inner.height - 1
    if let warn = f.warning { g.put(" " + warn, x: inner.x, y: bottom - 1, style: .error, maxWidth: inner.width) }
    g.put(" " + w.formKeys, x: inner.x, y: bottom, style: .muted, maxWidth: inner.width)
  }

  static func title(_ s: AppState, _ f: Form) -> String {
    let w = s.words
    switch f.purpose {
    case .addTask: return w.addTaskTitle
    case .editTask(let id): return w.editTaskTitle(id)
    case .addUnit: return w.addUnitTitle
    case .editUnit(let n): return w.editUnitTitle(n)
    }
  }

  /// A line being typed: scrolled so the cursor shows, the cursor as a reversed cell, the
  /// selected (prefilled) text reversed, and a completion after the cursor.
  static func drawEditing(_ e: LineEdit, suggestion: String?, into g: inout Grid, x: Int, y: Int, width: Int) {
    var head = e.head
    // Keep the end of a long text before the cursor in view.
    while head.displayWidth > width - 2, !head.isEmpty { head.removeFirst() }
    var cx = x + g.put(head, x: x, y: y, style: e.selected ? .selectedFocused : .input)
    let tail = String(e.characters[e.cursor...])
    let cursorChar = tail.first.map(String.init) ?? " "
    cx += g.put(cursorChar, x: cx, y: y, style: .selectedFocused)
    let rest = String(tail.dropFirst())
    cx += g.put(rest, x: cx, y: y, style: .input, maxWidth: max(0, x + width - cx))
    if let suggestion, let part = Optional(e.lastPart), suggestion.hasPrefix(part) {
      g.put(String(suggestion.dropFirst(part.count)), x: cx, y: y, style: .muted, maxWidth: max(0, x + width - cx))
    }
  }
}
