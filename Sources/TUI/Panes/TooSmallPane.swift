import Model

/// Below the smallest size the panes fit in (either dashboard): what is wrong and what to
/// do, centred.
enum TooSmallPane {
  static func draw(_ words: any Words, into g: inout Grid) {
    let lines = [
      words.terminalTooSmall,
      "\(g.width)×\(g.height) < \(Layout.minimum.width)×\(Layout.minimum.height)",
      words.enlargeOrQuit,
    ]
    let top = max(0, (g.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
      let w = min(line.displayWidth, g.width)
      g.put(line, x: max(0, (g.width - w) / 2), y: top + k, style: k == 0 ? .error : .normal, maxWidth: g.width)
    }
  }
}
