import Model

/// Draws the roll-up into a grid. Pure: the same state gives the same grid. An agency opened
/// with Enter is drawn by its own dashboard's `render`.
public func render(_ s: RollupState) -> Grid {
  if let a = s.agency { return render(a) }
  var g = Grid(width: s.width, height: s.height)
  guard s.width >= Layout.minimum.width, s.height >= Layout.minimum.height else {
    TooSmallPane.draw(s.words, into: &g)
    return g
  }
  RollupHeaderPane.draw(s, into: &g)
  let (list, detail) = s.layout
  let kind = s.view.kind
  g.box(list, title: kind.listTitle(s), style: .borderFocused, ascii: s.ascii)
  kind.drawList(s, into: &g, rect: list.inner)
  RollupDetailPane.draw(s, into: &g, rect: detail)
  let footer = Rect(x: 0, y: s.height - 1, width: s.width, height: 1)
  g.fill(footer)
  if s.messages.isEmpty {
    FooterPane.hints(RollupKeys.bindings, s, s.words, first: [], into: &g, rect: footer)
  } else {
    FooterPane.messages(s.messages, into: &g, rect: footer, bottom: footer.y)
  }
  if s.showHelp {
    let rows = KeyMap.helpRows(RollupKeys.bindings, s.words) + [("", ""), (s.words.legendLabel, s.words.legend)]
    HelpPane.draw(rows, s.words, scroll: s.helpScroll, ascii: s.ascii, into: &g)
  }
  return g
}

extension RollupState: Program {
  public func frame() -> Grid { render(self) }
}
