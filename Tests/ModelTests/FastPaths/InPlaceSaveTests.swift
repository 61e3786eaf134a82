import Foundation
import TestSupport
import Testing

@testable import Model

/// A save changes the store's own table and keeps what it wrote, against a fresh read of the folder.
@Suite("Saving in place")
struct InPlaceSaveTests {
  @Test("after a save, the store holds what a fresh read of the folder gives")
  func commitKeepsWhatItWrote() throws {
    let dir = Fixtures.sampleCopy()
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: isoDay("2019-09-20"), note: "已启动")!], by: "t")
    try store.commit([store.plan.setStaffing("法制科", enforcement: nil, reviewers: 9)!], by: "t")
    try store.commit([store.plan.setNote("4", "“引号”, 逗号\n换行")!], by: "t")
    let fresh = try Store.open(dir.path)
    #expect(store.plan.tasks == fresh.plan.tasks)
    #expect(store.plan.staffing == fresh.plan.staffing)
    #expect(store.plan.journal == fresh.plan.journal)
    #expect(!store.changedOnDisk)
    // A change made elsewhere to one file is picked up without losing this store's own.
    let other = try Store.open(dir.path)
    try other.commit([other.plan.setStaffing("法制科", enforcement: nil, reviewers: 2)!], by: "u")
    #expect(try store.reloadIfChanged() != nil)
    #expect(store.plan.task("33")?.status == .done)
    #expect(store.plan.task("4")?.note == "“引号”, 逗号\n换行")
    #expect(store.plan.staffing == (try Store.open(dir.path)).plan.staffing)
    try store.commit([store.plan.setStatus("33", .open)!], by: "t")
    #expect(store.plan.tasks == (try Store.open(dir.path)).plan.tasks)
  }

  @Test("a UTF-8 error (checked on another thread) still comes before any other error in the file")
  func utf8ErrorFirst() throws {
    let bad: [(String, [UInt8], StoreError.Reason)] = [
      ("1,\"open quote,open,\n2,x,open,\n", [0xFF], .invalidUTF8),
      ("1,x,nonsense,\n2,x,open,\n", [0x00], .nulByte),
      ("1,x,open,\n1,x,open,\n", [0xE4, 0xB8], .invalidUTF8),
    ]
    for (rows, junk, reason) in bad {
      let dir = Fixtures.scratch("utf8")
      let bytes =
        Array("id,measure,status,note\n".utf8) + Array(rows.utf8) + Array("3,".utf8) + junk + Array(",open,\n".utf8)
      try Data(bytes).write(to: dir.appendingPathComponent("tasks.csv"))
      do {
        _ = try Store.open(dir.path)
        Issue.record("opened a store with bad text")
      } catch {
        #expect(error.reason == reason, "\(rows)")
        #expect(error.line == 4, "\(rows)")
        #expect(error.column == 3, "\(rows)")
      }
    }
  }

  @Test("a row is read again from its bytes only when it changes; others keep their bytes")
  func lazyRows() throws {
    let text =
      "\u{FEFF}id,measure,status,note\r\n1,\"甲，\"\"乙\"\"\r\n丙\",open,\r\n\r\n2,丁,open,\"x,y\"\r\n3,戊,done,"
    let bytes = Array(text.utf8)
    let dir = Fixtures.scratch("lazy")
    try Data(bytes).write(to: dir.appendingPathComponent("tasks.csv"))
    let store = try Store.open(dir.path)
    #expect(store.plan.task("1")?.measure == "甲，\"乙\"\r\n丙")
    #expect(store.plan.task("2")?.note == "x,y")
    try store.commit([store.plan.setNote("2", "新")!], by: "t")
    let after = String(decoding: try Data(contentsOf: dir.appendingPathComponent("tasks.csv")), as: UTF8.self)
    #expect(after == text.replacingOccurrences(of: "2,丁,open,\"x,y\"", with: "2,丁,open,新"))
  }
}
