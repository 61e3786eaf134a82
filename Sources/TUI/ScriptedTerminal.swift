/// A terminal in memory: keys come from a script, frames are kept as grids. Tests drive the
/// real dashboard loop with it, and the benchmarks time frames with it.
public final class ScriptedTerminal: TerminalIO {
  /// One step of a script: a key, or a resize.
  public enum Step: Sendable {
    case key(Key)
    case resize(Int, Int)
    /// No key this time: the loop looks at the disk, as it does when nobody types.
    case idle
    /// Runs between keys (a test changes the store from outside, say).
    case run(@Sendable () -> Void)
  }

  public private(set) var size: (width: Int, height: Int)
  var steps: [Step]
  var next = 0
  public private(set) var frames = 0
  public private(set) var screen: Grid
  /// Called after each frame is drawn (tests use it to look between keys).
  public var onFrame: ((Grid) -> Void)?

  public init(width: Int, height: Int, steps: [Step] = []) {
    size = (width, height)
    self.steps = steps
    screen = Grid(width: width, height: height)
  }

  /// A script of words: key names ("j", "enter", "pgdn", "space"), "idle", or "resize:WxH".
  public convenience init(width: Int, height: Int, script: String) {
    var steps: [Step] = []
    for word in script.split(separator: " ") {
      if word == "idle" {
        steps.append(.idle)
      } else if word.hasPrefix("resize:") {
        let dims = word.dropFirst(7).split(separator: "x").compactMap { Int($0) }
        if dims.count == 2 { steps.append(.resize(dims[0], dims[1])) }
      } else if let k = Key(script: String(word)) {
        steps.append(.key(k))
      }
    }
    self.init(width: width, height: height, steps: steps)
  }

  public func append(_ more: [Step]) { steps += more }

  /// Steps that type `text` one character at a time.
  public static func typing(_ text: String) -> [Step] { text.map { .key(.char($0)) } }

  /// Steps from a script of words (see `init(width:height:script:)`).
  public static func script(_ words: String) -> [Step] { ScriptedTerminal(width: 1, height: 1, script: words).steps }

  public func draw(_ grid: Grid) {
    screen = grid
    frames += 1
    onFrame?(grid)
  }

  public func invalidate() {}

  public var finished: Bool { next >= steps.count }

  public func readKey(timeoutMs: Int) -> Key? {
    while next < steps.count {
      let s = steps[next]
      next += 1
      switch s {
      case .key(let k): return k
      case .resize(let w, let h):
        size = (w, h)
        return nil
      case .idle:
        return nil
      case .run(let body):
        body()
      }
    }
    return nil
  }

  /// The screen as text.
  public var text: String { screen.lines.joined(separator: "\n") }
}
