import CFormats
import Model

/// An Office file's ZIP container, read with libzip (through Sources/CFormats): the one Swift
/// file that calls it. Parts are looked up by their path in the package ("word/document.xml").
final class ZipPackage {
  private let archive: UnsafeMutableRawPointer
  /// libzip reads the archive in place: the bytes live as long as the package.
  private let buffer: UnsafeMutableRawBufferPointer
  let file: String

  /// Each part is at most this large once inflated: a small ZIP cannot become gigabytes.
  static let maxPart = 256 << 20

  init(_ bytes: [UInt8], file: String) throws(ImportError) {
    self.file = file
    // Office's password protection wraps the package in an OLE compound file.
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw ImportError(ZipPackage.isEncryptedOLE(bytes) ? .encrypted : .corruptZip, file: file)
    }
    guard bytes.starts(with: [0x50, 0x4B]) else { throw ImportError(.corruptZip, file: file) }
    guard sx_zip_available() != 0 else { throw ImportError(.zipLibraryMissing, file: file) }
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
    copy.copyBytes(from: bytes)
    var error: Int32 = 0
    guard let a = sx_zip_open(copy.baseAddress, UInt64(bytes.count), &error) else {
      copy.deallocate()
      throw ImportError(.corruptZip, file: file)
    }
    archive = a
    buffer = copy
  }

  deinit {
    sx_zip_close(archive)
    buffer.deallocate()
  }

  /// A part's bytes, or nil when the package has no such part.
  func part(_ path: String) throws(ImportError) -> [UInt8]? {
    let index = sx_zip_locate(archive, path)
    guard index >= 0 else { return nil }
    var encrypted: Int32 = 0
    let size = sx_zip_size(archive, index, &encrypted)
    if encrypted != 0 { throw ImportError(.encrypted, file: file) }
    guard size >= 0 else { throw ImportError(.corruptZip, file: file) }
    guard size <= ZipPackage.maxPart else { throw ImportError(.tooLarge, file: file) }
    var failed = false
    let out = [UInt8](unsafeUninitializedCapacity: Int(size)) { b, count in
      let n = sx_zip_read(archive, index, b.baseAddress, UInt64(size))
      if n != size {
        failed = true
        count = 0
      } else {
        count = Int(n)
      }
    }
    if failed { throw ImportError(.corruptZip, file: file) }
    return out
  }

  /// An encrypted Office file: the OLE container holds a stream named "EncryptedPackage"
  /// (its directory entry's name is UTF-16).
  static func isEncryptedOLE(_ bytes: [UInt8]) -> Bool {
    let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    guard bytes.count >= name.count else { return false }
    var i = 0
    while i + name.count <= bytes.count {
      if bytes[i] == name[0] && bytes[i..<(i + name.count)].elementsEqual(name) { return true }
      i += 1
    }
    return false
  }
}
