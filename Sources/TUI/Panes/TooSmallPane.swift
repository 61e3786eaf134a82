import Model

/// Below the smallest size the panes fit in: what is wrong and what to do, centred.
enum TooSmallPane {
  static func draw(_ s: AppState, into g: inout Grid) {
    let words = s.words
    let lines = [
      words.terminalTooSmall,
      "\(s.width)×\(s.height) < \(Layout.minimum.width)×\(Layout.minimum.height)",
      words.enlargeOrQuit,
    ]
    let top = max(0, (s.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
      let w = min(line.displayWidth, s.width)
      g.put(line, x: max(0, (s.width - w) / 2), y: top + k, style: k == 0 ? .error : .normal, maxWidth: s.width)
    }
  }
}
