/// One unit's staff counts for the reviewer rule.
public struct StaffingUnit: Hashable, Sendable {
  public var name: String
  /// Staff doing penalty, coercion, inspection, collection or licensing work.
  public var enforcement: Int
  /// Staff in legal-review posts.
  public var reviewers: Int
  /// Merged away or dissolved: kept in the file, left out of the rule's checks.
  public var retired: Bool

  public init(name: String, enforcement: Int, reviewers: Int, retired: Bool = false) {
    self.name = name
    self.enforcement = enforcement
    self.reviewers = reviewers
    self.retired = retired
  }
}

/// The reviewer rule worked out for one unit (or a total) in exact integers:
/// compliant iff R × 100 ≥ p × E; required = ⌈E × p / 100⌉; shortfall = max(0, required − R).
public struct StaffingCheck: Hashable, Sendable {
  public let unit: String
  public let enforcement: Int
  public let reviewers: Int
  /// nil when the plan sets no percentage (reviewers "meet the needs of the work").
  public let required: Int?
  public let shortfall: Int
  public let compliant: Bool?

  public init(unit: StaffingUnit, percent: Int?) {
    self.unit = unit.name
    self.enforcement = unit.enforcement
    self.reviewers = unit.reviewers
    guard let p = percent else {
      required = nil
      shortfall = 0
      compliant = nil
      return
    }
    let e = unit.enforcement
    let r = unit.reviewers
    let req = (e * p + 99) / 100
    required = req
    shortfall = max(0, req - r)
    compliant = r * 100 >= p * e
  }

  /// Sums over units: required and shortfall add up per unit, because the rule is per unit.
  public init(total name: String, of checks: [StaffingCheck]) {
    unit = name
    enforcement = checks.reduce(0) { $0 + $1.enforcement }
    reviewers = checks.reduce(0) { $0 + $1.reviewers }
    if checks.contains(where: { $0.required == nil }) && !checks.isEmpty {
      required = nil
      compliant = nil
    } else {
      required = checks.reduce(0) { $0 + ($1.required ?? 0) }
      compliant = checks.allSatisfy { $0.compliant ?? true }
    }
    shortfall = checks.reduce(0) { $0 + $1.shortfall }
  }

  /// Reviewers per hundred enforcement staff, in tenths, for bars and labels (no floats).
  public var permilleRatio: Int? {
    enforcement == 0 ? nil : reviewers * 1000 / enforcement
  }
}

extension StaffingUnit {
  /// Counts are capped so that E × percent can never overflow.
  public static let maxCount = 10_000_000
}
