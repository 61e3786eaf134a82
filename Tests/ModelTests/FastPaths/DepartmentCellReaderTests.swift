import Foundation
import TestSupport
import Testing

@testable import Model

/// The byte-level reading of department cells against `Departments(cell:)`, the rule.
@Suite("Department cells read by bytes")
struct DepartmentCellReaderTests {
  @Test("department cells: the byte-level reading equals the Character-level one")
  func departmentCells() {
    let cells = [
      "", "法制科", "法制科、征收管理科", " 法制科 ，征收管理科；稽查局 ", "法制科,法制科、法制科", "其他相关部门",
      "法制科、其他相关部门、有关部门", "\u{3000}法制科\u{3000}、\u{3000}", "第1税务所／第2税务所/第3税务所",
      "法制科\n征收管理科\r纳税服务科", "法制科\r\n征收管理科", "Legal, Tax ; Audit", "、、，,", "ＡＢＣ科、ａｂｃ科",
      "法制科\u{301}、稽查局", "e\u{301}科、é科", "法制科\u{302A}、稽查局", "ｶﾞ科、ガ科", "\u{F900}科、豈科",
      "市、县两级行政执法机关", "各县（市、区）政府，市、县两级行政执法机关", "各县(市)区政府,市司法局", "【市、县】两级机关、稽查局",
      "市、 县两级机关", "市 、县两级机关", "市、", "、市", "A、B、CD", "市、县、乡三级", "（未闭合、括号", "）、多余、括号",
    ]
    for c in cells {
      let general = Departments(cell: c)
      if let fast = DepartmentCellReader.read(c) { #expect(fast == general, "\(c.debugDescription)") }
    }
    // And cells put together at random from the pieces that make splitting hard.
    let pieces = ["市", "县", "法制科", "、", "、", "，", ",", "；", "（", "）", "(", ")", "【", "】", " ", "\u{3000}", "A", "\n"]
    var rng = SystemRandomNumberGenerator()
    var taken = 0
    for _ in 0..<20000 {
      let c = (0..<Int.random(in: 1...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let general = Departments(cell: c)
      if let fast = DepartmentCellReader.read(c) {
        taken += 1
        #expect(fast == general, "\(c.debugDescription)")
      }
    }
    #expect(taken > 4000)
    // The shortcut really is taken for plain cells (else this test would prove little).
    #expect(DepartmentCellReader.read("法制科、征收管理科") != nil)
    #expect(DepartmentCellReader.read("法制科\r\n征收管理科") == nil)
  }
}
