import Model

/// A line of text being typed, with its cursor: ←/→, Home/End, Backspace, Delete and Ctrl-U
/// edit in place, as in any input box. A prefilled value starts selected, so that typing
/// replaces it and an arrow key keeps it for editing.
public struct LineEdit: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// How many characters are before the cursor.
  public private(set) var cursor: Int
  /// The whole text is selected: the first character typed replaces it.
  public private(set) var selected: Bool

  /// The longest line accepted (a pasted page is cut here rather than slowing every frame).
  static let limit = 2000

  public init(_ text: String = "", selected: Bool = false) {
    characters = Array(text)
    cursor = characters.count
    self.selected = selected && !text.isEmpty
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }

  /// The text before the cursor.
  public var head: String { String(characters[..<cursor]) }

  /// Handles an editing key; false when `k` is not one (the caller's to handle).
  public mutating func handle(_ k: Key) -> Bool {
    switch k {
    case .char(let c):
      if selected { (characters, cursor) = ([], 0) }
      guard characters.count < LineEdit.limit else { break }
      characters.insert(c, at: cursor)
      cursor += 1
    case .backspace, .ctrl("h"):
      if selected {
        (characters, cursor) = ([], 0)
      } else if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete, .ctrl("d"):
      if selected {
        (characters, cursor) = ([], 0)
      } else if cursor < characters.count {
        characters.remove(at: cursor)
      }
    case .ctrl("u"): (characters, cursor) = ([], 0)
    case .left, .ctrl("b"): cursor = max(0, cursor - 1)
    case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = characters.count
    default: return false
    }
    selected = false
    return true
  }

  /// The text with `tail` put in place of what follows the last separator (a completion).
  mutating func complete(with name: String) {
    let cut = characters.lastIndex { "、，,；;".contains($0) }.map { $0 + 1 } ?? 0
    characters = Array(characters[..<cut]) + Array(name)
    cursor = characters.count
    selected = false
  }

  /// What is typed after the last separator: the name being written.
  var lastPart: String {
    let cut = characters.lastIndex { "、，,；;".contains($0) }.map { $0 + 1 } ?? 0
    return String(characters[cut...]).trimmingSpaces
  }
}
