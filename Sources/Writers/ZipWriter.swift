import CFormats
import Model

/// A ZIP package written with libzip (through Sources/CFormats, loaded at first use): the one
/// Swift file that calls its writing side. libzip reads each part's bytes when the archive is
/// closed, so the writer keeps them until then.
enum ZipWriter {
  /// Writes `parts` (name, bytes), in order, compressed, as the archive at `path`.
  static func write(_ parts: [(name: String, bytes: [UInt8])], to path: String) throws(ReportProblem) {
    guard sx_zipw_available() != 0 else { throw .libraryMissing(library: "libzip", package: "libzip4") }
    guard let archive = sx_zipw_open(path) else { throw .cannotWrite(path, errno: 0) }
    var kept: [UnsafeMutableRawBufferPointer] = []
    defer { kept.forEach { $0.deallocate() } }
    for p in parts {
      let b = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, p.bytes.count), alignment: 1)
      b.copyBytes(from: p.bytes)
      kept.append(b)
      guard sx_zipw_add(archive, p.name, b.baseAddress, UInt64(p.bytes.count)) == 0 else {
        sx_zipw_discard(archive)
        throw .writerFailed(path, code: -1)
      }
    }
    guard sx_zipw_close(archive) == 0 else {
      sx_zipw_discard(archive)
      throw .writerFailed(path, code: -2)
    }
  }
}
