#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file layer where it touches raw memory: a file read straight into its array (its pages
/// asked for at once), buffers written whole, the writer that gathers a large file's pieces and
/// sends each MiB to the disk as it goes, and the names the system hands back in its own
/// buffers (a folder's entries, the host's name). The rest of `FileIO` (Store/FileIO.swift)
/// calls these.
extension FileIO {
  /// Reads a whole file, or from `offset` to its end.
  public static func read(_ path: String, from offset: Int = 0) throws(StoreError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let e = errno
      throw StoreError(e == ENOENT ? .noInput : .io, .cannotRead(errno: e), file: path)
    }
    defer { close(fd) }
    var st = stat()
    fstat(fd, &st)
    if offset > 0 { lseek(fd, off_t(offset), SEEK_SET) }
    // Straight into the array, the size the file has now (no second copy of a large file);
    // a file that grows meanwhile (a journal being appended to) is read on to its end.
    let size = max(0, Int(st.st_size) - offset)
    var failed: Int32 = 0
    var out = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      if size >= 1 << 20 { prefault(UnsafeMutableRawBufferPointer(buffer)) }
      while count < buffer.count {
        let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failed = errno }
        if n <= 0 { return }
        count += n
      }
    }
    var chunk = [UInt8](repeating: 0, count: out.count > size ? 1 << 16 : 0)
    while failed == 0 && !chunk.isEmpty {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { failed = errno }
      if n <= 0 { break }
      out += chunk[0..<n]
    }
    if failed != 0 { throw StoreError(.io, .cannotRead(errno: failed), file: path) }
    return out
  }

  /// Asks the kernel for all of a large buffer's pages at once, before a read fills it: one
  /// call instead of a fault for every 4 KiB page the read would touch.
  static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (Int(bitPattern: buffer.baseAddress) + page - 1) / page * page
    let end = (Int(bitPattern: buffer.baseAddress) + buffer.count) / page * page
    guard end > start else { return }
    // MADV_POPULATE_WRITE (Linux 5.14); older kernels say EINVAL and the read faults as before.
    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 23)
  }

  static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
    try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in try writeAll(fd, b, path: path) }
  }

  static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(StoreError) {
    var done = 0
    while done < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw StoreError(.io, .cannotWrite(errno: errno), file: path)
      }
      done += n
    }
  }

  /// Gathers small pieces into one write; large ones go straight to the file. Every MiB
  /// written is sent to the disk at once (`sync_file_range`), so that the disk writes the
  /// start of a large file while the rest is still being copied in, and the fsync that ends
  /// the save waits only for the last part.
  struct Writer {
    let fd: Int32
    let path: String
    private var pending: [UInt8] = []
    private static let size = 1 << 16
    private static let slice = 1 << 20
    /// Bytes written so far, and how many of them were sent to the disk.
    private var written = 0
    private var sent = 0

    init(fd: Int32, path: String) {
      self.fd = fd
      self.path = path
    }

    mutating func write(_ bytes: [UInt8]) throws(StoreError) {
      try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in try write(b) }
    }

    mutating func write(_ piece: UnsafeBufferPointer<UInt8>) throws(StoreError) {
      if pending.count + piece.count <= Writer.size {
        pending.append(contentsOf: piece)
        return
      }
      try flush()
      guard piece.count >= Writer.size else { return pending += piece }
      var at = 0
      while at < piece.count {
        let n = min(Writer.slice, piece.count - at)
        try put(UnsafeBufferPointer(rebasing: piece[at..<(at + n)]))
        at += n
      }
    }

    mutating func flush() throws(StoreError) {
      guard !pending.isEmpty else { return }
      try pending.withUnsafeBufferPointer { (b) throws(StoreError) in try put(b) }
      pending.removeAll(keepingCapacity: true)
    }

    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) throws(StoreError) {
      try FileIO.writeAll(fd, bytes, path: path)
      written += bytes.count
      guard written - sent >= Writer.slice else { return }
      // A failure to start shows in the fsync that ends the save.
      Native.startWriteback(fd, from: sent, count: written - sent)
      sent = written
    }
  }

  public static func listDirectory(_ path: String) -> [String] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var out: [String] = []
    while let e = readdir(d) {
      let name = withUnsafePointer(to: e.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { out.append(name) }
    }
    return out.sorted()
  }

  public static var hostName: String {
    var buf = [UInt8](repeating: 0, count: 256)
    _ = buf.withUnsafeMutableBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 256) { gethostname($0, 255) }
    }
    return String(decoding: buf.prefix { $0 != 0 }, as: UTF8.self)
  }
}
