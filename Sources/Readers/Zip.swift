import Foundation
import Model
import ZIPFoundation

/// An Office file's ZIP container, read with ZIPFoundation. Parts are looked up by their
/// path inside the package ("word/document.xml").
struct ZipPackage {
  private let archive: Archive
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
    if ZipPackage.hasEncryptedEntry(bytes) { throw ImportError(.encrypted, file: file) }
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw ImportError(.corruptZip, file: file)
    }
  }

  /// A part's bytes, or nil when the package has no such part.
  func part(_ path: String) throws(ImportError) -> [UInt8]? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= UInt64(ZipPackage.maxPart) else { throw ImportError(.tooLarge, file: file) }
    var out: [UInt8] = []
    out.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        out += chunk
        if out.count > ZipPackage.maxPart { throw ImportError(.tooLarge, file: file) }
      }
    } catch let e as ImportError {
      throw e
    } catch {
      throw ImportError(.corruptZip, file: file)
    }
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

  /// True when a central directory entry has the "encrypted" flag (bit 0), which
  /// ZIPFoundation would otherwise report as damaged data. Walks the central directory from
  /// the end-of-directory record, as every ZIP reader does; anything out of bounds is left
  /// for ZIPFoundation to call damaged.
  static func hasEncryptedEntry(_ b: [UInt8]) -> Bool {
    func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard b.count >= 22 else { return false }
    var e = b.count - 22
    let lowest = max(0, b.count - 22 - 65_535)
    while e >= lowest, !(b[e] == 0x50 && b[e + 1] == 0x4B && b[e + 2] == 0x05 && b[e + 3] == 0x06) { e -= 1 }
    guard e >= lowest else { return false }
    var i = u32(e + 16)
    for _ in 0..<u16(e + 10) {
      guard i >= 0, i + 46 <= b.count, b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x01, b[i + 3] == 0x02 else {
        return false
      }
      if b[i + 8] & 1 != 0 { return true }
      i += 46 + u16(i + 28) + u16(i + 30) + u16(i + 32)
    }
    return false
  }
}
