/// Where each pane goes for a terminal size. Layout only returns rectangles; it draws nothing.
public struct Layout: Equatable, Sendable {
  public enum Mode: Sendable {
    /// 80×24 and up: navigation, list and detail side by side (detail below the list, or
    /// to its right on wide terminals).
    case full
    /// Smaller: one pane at a time (the focused one), Tab to switch.
    case single
    /// Below the minimum: only a message.
    case tooSmall
  }

  public static let minimum = (width: 40, height: 10)
  public static let full = (width: 80, height: 24)

  public let mode: Mode
  public let header: Rect
  public let tabs: Rect
  public let nav: Rect
  public let list: Rect
  public let detail: Rect
  public let footer: Rect

  public init(width w: Int, height h: Int, focus: Pane) {
    let none = Rect(x: 0, y: 0, width: 0, height: 0)
    guard w >= Layout.minimum.width, h >= Layout.minimum.height else {
      mode = .tooSmall
      (header, tabs, nav, list, detail, footer) = (none, none, none, none, none, none)
      return
    }
    header = Rect(x: 0, y: 0, width: w, height: 1)
    tabs = Rect(x: 0, y: 1, width: w, height: 1)
    footer = Rect(x: 0, y: h - 1, width: w, height: 1)
    let body = Rect(x: 0, y: 2, width: w, height: h - 3)
    if w < Layout.full.width || h < Layout.full.height {
      mode = .single
      nav = focus == .nav ? body : none
      list = focus == .list ? body : none
      detail = focus == .detail ? body : none
      return
    }
    mode = .full
    let navW = w >= 120 ? 30 : 24
    nav = Rect(x: 0, y: body.y, width: navW, height: body.height)
    let restX = navW
    let restW = w - navW
    if w >= 160 {
      let detailW = max(50, w * 35 / 100)
      list = Rect(x: restX, y: body.y, width: restW - detailW, height: body.height)
      detail = Rect(x: w - detailW, y: body.y, width: detailW, height: body.height)
    } else {
      let listH = max(6, body.height * 11 / 20)
      list = Rect(x: restX, y: body.y, width: restW, height: listH)
      detail = Rect(x: restX, y: body.y + listH, width: restW, height: body.height - listH)
    }
  }

  /// Rows of list items the list pane shows (inside its border).
  public var listRows: Int { max(1, list.height - 2) }
  public var navRows: Int { max(1, nav.height - 2) }
  public var detailRows: Int { max(1, detail.height - 2) }
}
