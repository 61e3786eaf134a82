import Model
import Testing

@Suite("The 5% reviewer rule")
struct StaffingTests {
  func check(_ e: Int, _ r: Int, percent: Int? = 5) -> StaffingCheck {
    StaffingCheck(unit: StaffingUnit(name: "u", enforcement: e, reviewers: r), percent: percent)
  }

  @Test("boundaries: exactly 5% complies, one person more needs another reviewer")
  func boundaries() {
    #expect(check(0, 0).compliant == true)
    #expect(check(0, 0).required == 0)
    #expect(check(1, 0).required == 1)
    #expect(check(1, 0).compliant == false)
    #expect(check(20, 1).compliant == true)
    #expect(check(21, 1).compliant == false)
    #expect(check(21, 1).required == 2)
    #expect(check(21, 1).shortfall == 1)
    #expect(check(40, 2).compliant == true)
    #expect(check(40, 2).shortfall == 0)
    #expect(check(41, 2).compliant == false)
    #expect(check(18, 1).required == 1)
    #expect(check(45, 1).shortfall == 2)
    #expect(check(10, 5).shortfall == 0)
  }

  @Test("exact integers: required is the least r with r × 100 ≥ p × E, for every E and p")
  func exhaustive() {
    for p in [1, 3, 5, 7, 10, 33] {
      for e in 0...2000 {
        let c = check(e, 0, percent: p)
        let req = c.required!
        #expect(req * 100 >= p * e)
        #expect(req == 0 || (req - 1) * 100 < p * e)
        #expect(check(e, req, percent: p).compliant == true)
        if req > 0 { #expect(check(e, req - 1, percent: p).compliant == false) }
      }
    }
  }

  @Test("huge counts do not overflow")
  func large() {
    let c = check(StaffingUnit.maxCount, 1)
    #expect(c.required == StaffingUnit.maxCount / 20)
  }

  @Test("a plan without a percentage asks for no number")
  func noPercent() {
    let c = check(30, 0, percent: nil)
    #expect(c.required == nil)
    #expect(c.compliant == nil)
    #expect(c.shortfall == 0)
  }

  @Test("the total sums per-unit requirements, not the ratio of sums")
  func total() {
    let checks = [check(21, 1), check(19, 1)]
    let t = StaffingCheck(total: "total", of: checks)
    #expect(t.enforcement == 40)
    #expect(t.reviewers == 2)
    #expect(t.required == 3)
    #expect(t.shortfall == 1)
    #expect(t.compliant == false)
  }
}
