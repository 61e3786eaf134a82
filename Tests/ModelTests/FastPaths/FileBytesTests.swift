import Foundation
import TestSupport
import Testing

@testable import Model

#if canImport(Glibc)
  import Glibc
#endif

/// The file layer's raw-memory parts against Foundation's reading of the same files.
@Suite("Files read and listed through their buffers")
struct FileBytesTests {
  @Test("a large file is read whole, from the start or from any offset; a pipe too")
  func largeRead() throws {
    var rng = SplitMix64(state: 7)
    let bytes = (0..<(5 << 20) + 12345).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let url = Fixtures.scratch("read").appendingPathComponent("big")
    try Data(bytes).write(to: url)
    #expect(try FileIO.read(url.path) == bytes)
    for offset in [1, 4_000_001, bytes.count - 1, bytes.count] {
      #expect(try FileIO.read(url.path, from: offset) == Array(bytes[offset...]), "\(offset)")
    }
    // A pipe has no size and no offsets: it is read on to its end.
    let fifo = Fixtures.scratch("read").appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread { try? Data(bytes).write(to: URL(fileURLWithPath: fifo)) }
    writer.start()
    #expect(try FileIO.read(fifo) == bytes)
  }

  @Test("a folder's entries are what Foundation lists, in order, whatever their names")
  func listing() throws {
    let dir = Fixtures.scratch("list")
    let names = ["tasks.csv", ".tasks.csv.tmp-12-34", "方案 说明.txt", String(repeating: "长", count: 80), "a b", "z"]
    for n in names { try Data("x".utf8).write(to: dir.appendingPathComponent(n)) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("子文件夹"), withIntermediateDirectories: false)
    let listed = FileIO.listDirectory(dir.path)
    #expect(listed == (try FileManager.default.contentsOfDirectory(atPath: dir.path)).sorted())
    #expect(listed.count == names.count + 1)
    #expect(FileIO.listDirectory(dir.path + "/none").isEmpty)
  }

  @Test("the host's name is the kernel's")
  func hostName() throws {
    let kernel = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
    #expect(FileIO.hostName == kernel.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(!FileIO.hostName.isEmpty)
  }
}
