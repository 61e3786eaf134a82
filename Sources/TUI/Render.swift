import Model

/// Draws the whole state into a grid. Pure: the same state gives the same grid.
public func render(_ s: AppState) -> Grid {
  var g = Grid(width: s.width, height: s.height)
  let layout = Layout(width: s.width, height: s.height, focus: s.focus)
  guard layout.mode != .tooSmall else {
    TooSmallPane.draw(s.words, into: &g)
    return g
  }
  HeaderPane.draw(s, into: &g, header: layout.header, tabs: layout.tabs)
  if !layout.nav.isEmpty { NavPane.draw(s, into: &g, rect: layout.nav) }
  if !layout.list.isEmpty { ListPane.draw(s, into: &g, rect: layout.list) }
  if !layout.detail.isEmpty { DetailPane.draw(s, into: &g, rect: layout.detail) }
  FooterPane.draw(s, into: &g, rect: layout.footer, single: layout.mode == .single)
  if let f = s.form { FormPane.draw(s, f, into: &g) }
  if s.showHelp { HelpPane.draw(s, into: &g) }
  return g
}

extension AppState: Program {
  public func frame() -> Grid { render(self) }
}
