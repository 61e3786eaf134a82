import Foundation
import TestSupport
import Testing

@testable import Model

/// The writer that sends each MiB to the disk early against the bytes it was given.
@Suite("Writing large files")
struct FileWriterTests {
  @Test("the writer, which sends each MiB to the disk early, writes a large file in pieces of any size whole")
  func largeWrite() throws {
    var rng = SplitMix64(state: 8)
    let bytes = (0..<(13 << 20) + 777).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let dir = Fixtures.scratch("write").path
    var at = 0
    try FileIO.replaceKeepingOld(dir, "big") { (w) throws(StoreError) in
      try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in
        for size in [10, 70_000, 5 << 20, 1, 65_536, 9 << 20] where at < b.count {
          let end = min(b.count, at + size)
          try w.write(UnsafeBufferPointer(rebasing: b[at..<end]))
          at = end
        }
        if at < b.count { try w.write(UnsafeBufferPointer(rebasing: b[at...])) }
      }
    }.discard()
    #expect(try FileIO.read(dir + "/big") == bytes)
  }
}
