import Model

/// Everything a key can ask for in the roll-up dashboard.
public enum RollupAction: CommonActions {
  case up, down, pageUp, pageDown, top, bottom
  case view(RollupView)
  case scrollLeft, scrollRight
  case open, back
  case help, redraw, quit
}

/// The roll-up's bindings.
public typealias RollupBinding = Binding<RollupState, RollupAction>

/// The roll-up's key map: its views, then the moves every dashboard has (the footer hints
/// them as "j/k"), the matrix's sideways scroll, opening an agency, and help, redraw and quit
/// as everywhere. An agency opened with Enter has its own dashboard's keys.
public enum RollupKeys {
  public static let bindings: [RollupBinding] =
    RollupView.allCases.map { v in
      let b = RollupBinding(keys: [.char(Character("\(v.rawValue)"))], action: .view(v), help: v.title, hint: false)
      return v == .agencies ? b.hinted("1-\(RollupView.allCases.count)", { $0.hintViews }) : b
    }
    + KeyMap.moves().map { $0.action == .down ? $0.hinted("j/k", { $0.hintMove }) : $0 }
    + [
      Binding(
        keys: [.left, .char("h")], action: .scrollLeft, help: { $0.rollupScrollLeft }, hint: "←/→", { $0.hintScroll },
        disabled: matrixOnly),
      Binding(
        keys: [.right, .char("l")], action: .scrollRight, help: { $0.rollupScrollRight }, hint: false,
        disabled: matrixOnly),
      Binding(
        keys: [.enter], action: .open, help: { $0.rollupHelpOpen }, hint: "Enter", { $0.hintOpenAgency },
        disabled: { s in s.selectedAgency == nil ? s.words.enterOpensAgency : nil }),
      // Listed for the help; an open agency's dashboard takes Esc first (`agencyKey`).
      Binding(
        keys: [.escape, .backspace], action: .back, help: { $0.rollupHelpBack }, hint: false,
        disabled: { s in s.words.atRollupAlready }),
    ] + KeyMap.always()

  static func matrixOnly(_ s: RollupState) -> String? { s.view == .measures ? nil : s.words.onlyMatrixScrolls }

}
