import Model

/// What a cell means, not how it looks: the backend maps each to colours (or, on a
/// monochrome terminal, to bold / underline / dim / reverse), in one place.
public enum Style: UInt8, Sendable, CaseIterable {
  case normal
  case muted
  case title
  case border
  case borderFocused
  case tabActive
  case selected
  case selectedFocused
  case overdue
  case soon
  case done
  case blocked
  case short
  case barFill
  case barEmpty
  case key
  case info
  case error
  case input

  /// One letter per style for screen snapshots, so a test can see colour meaning.
  public var letter: Character {
    switch self {
    case .normal: " "
    case .muted: "m"
    case .title: "T"
    case .border: "-"
    case .borderFocused: "="
    case .tabActive: "A"
    case .selected: "s"
    case .selectedFocused: "S"
    case .overdue: "O"
    case .soon: "o"
    case .done: "d"
    case .blocked: "b"
    case .short: "x"
    case .barFill: "#"
    case .barEmpty: "."
    case .key: "k"
    case .info: "i"
    case .error: "E"
    case .input: "I"
    }
  }
}

/// One screen cell: a character (a whole grapheme) or the right half of a wide one.
public struct Cell: Equatable, Sendable {
  public var char: Character
  public var style: Style
  /// True for the second column of a two-column character; the backend skips it.
  public var isContinuation: Bool

  public static let blank = Cell(char: " ", style: .normal, isContinuation: false)
}

public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The rectangle inside a one-cell border.
  public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
  public var isEmpty: Bool { width <= 0 || height <= 0 }
}

/// The in-memory screen every pane draws into. Text is laid out by display width, a wide
/// character never straddles an edge, and every string is made inert first.
public struct Grid: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes one cell, blanking the other half of any wide character it cuts through, so that
  /// an overlay never leaves half a character (and a shifted border) behind.
  mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    let old = self[x, y]
    if old.isContinuation && !cell.isContinuation && x > 0 {
      self[x - 1, y] = Cell(char: " ", style: self[x - 1, y].style, isContinuation: false)
    }
    if !old.isContinuation && x + 1 < width && self[x + 1, y].isContinuation {
      self[x + 1, y] = Cell(char: " ", style: self[x + 1, y].style, isContinuation: false)
    }
    self[x, y] = cell
  }

  /// Writes `text` at (x, y), clipped to `maxWidth` columns (and the grid). Returns the
  /// columns used. Text that does not fit ends with "…", so that a cut always shows; a wide
  /// character is never split.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(width, x + (maxWidth ?? width))
    var col = x
    // Where the last two characters written start (nil: none): a cut takes them back for
    // the "…". Two locals, not an array: this runs for every text on every frame.
    var (before, last): (Int?, Int?) = (nil, nil)
    let shown = text.inert
    for k in shown.indices {
      let ch = shown[k]
      let w = DisplayWidth.of(ch)
      // A zero-width character on its own (a stray combining mark) has nowhere to go.
      if w == 0 { continue }
      if col + w > limit {
        // Only spaces left (padding): nothing is lost, no "…".
        let cut = shown[k...].contains { $0 != " " }
        // Otherwise back up until "…" fits, then blank the rest of the room.
        while cut, col + 1 > limit, let s = last {
          col = s
          (before, last) = (nil, before)
        }
        if cut, col < limit {
          if col >= 0 { set(col, y, Cell(char: "…", style: style, isContinuation: false)) }
          col += 1
        }
        while col < limit {
          if col >= 0 { set(col, y, Cell(char: " ", style: style, isContinuation: false)) }
          col += 1
        }
        break
      }
      if col >= 0 { set(col, y, Cell(char: ch, style: style, isContinuation: false)) }
      if w == 2 && col + 1 >= 0 { set(col + 1, y, Cell(char: " ", style: style, isContinuation: true)) }
      (before, last) = (last, col)
      col += w
    }
    return col - x
  }

  /// Fills a rectangle with blanks of one style.
  public mutating func fill(_ r: Rect, style: Style = .normal, char: Character = " ") {
    for y in max(0, r.y)..<min(height, r.y + r.height) {
      for x in max(0, r.x)..<min(width, r.x + r.width) {
        set(x, y, Cell(char: char, style: style, isContinuation: false))
      }
    }
  }

  /// Sets the style of a run of cells without changing their text (selection highlight).
  public mutating func restyle(x: Int, y: Int, width w: Int, style: Style) {
    guard y >= 0, y < height else { return }
    for cx in max(0, x)..<min(width, x + w) { self[cx, y].style = style }
  }

  /// A box with a title in its top border. `ascii` draws `+-|` for terminals that show
  /// box-drawing characters two columns wide.
  public mutating func box(_ r: Rect, title: String = "", style: Style = .border, ascii: Bool = false) {
    guard r.width >= 2, r.height >= 2 else { return }
    let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
      ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
    let right = r.x + r.width - 1
    let bottom = r.y + r.height - 1
    for x in r.x...right {
      put(String(h), x: x, y: r.y, style: style)
      put(String(h), x: x, y: bottom, style: style)
    }
    for y in r.y...bottom {
      put(String(v), x: r.x, y: y, style: style)
      put(String(v), x: right, y: y, style: style)
    }
    put(String(tl), x: r.x, y: r.y, style: style)
    put(String(tr), x: right, y: r.y, style: style)
    put(String(bl), x: r.x, y: bottom, style: style)
    put(String(br), x: right, y: bottom, style: style)
    if !title.isEmpty && r.width > 4 {
      // The focused pane's title in brackets, so that the focus shows without colour.
      let t = style == .borderFocused ? "[" + title + "]" : " " + title + " "
      put(t, x: r.x + 1, y: r.y, style: style == .borderFocused ? .title : style, maxWidth: r.width - 2)
    }
  }

  /// The screen as text, one string per row, wide characters once.
  public var lines: [String] {
    (0..<height).map { y in
      var s = ""
      for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].char) }
      return s
    }
  }

  /// One style letter per column, for snapshots of colour meaning.
  public var styleLines: [String] {
    (0..<height).map { y in String((0..<width).map { self[$0, y].style.letter }) }
  }
}
