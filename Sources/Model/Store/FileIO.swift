#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's only door to the file system: whole-file reads, durable atomic replacement,
/// durable appends, and the identity of a file on disk (to notice edits made by others).
public enum FileIO {
  /// What identifies one version of a file without reading it.
  public struct Stamp: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int
    public let mtimeNanos: Int64
    public let ctimeNanos: Int64
  }

  static func errnoText(_ e: Int32 = errno) -> String { String(cString: strerror(e)) }

  public static func stamp(_ path: String) -> Stamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Stamp(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int(st.st_size),
      mtimeNanos: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
      ctimeNanos: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
  }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

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

  static func fsyncOrThrow(_ fd: Int32, path: String) throws(StoreError) {
    while fsync(fd) != 0 {
      if errno == EINTR { continue }
      throw StoreError(.io, .cannotFlush(errno: errno), file: path)
    }
  }

  /// Makes a rename or a new file in `dir` durable.
  public static func syncDirectory(_ dir: String) throws(StoreError) {
    let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw StoreError(.io, .cannotOpenFolder(errno: errno), file: dir) }
    defer { close(fd) }
    try fsyncOrThrow(fd, path: dir)
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

  /// Temp files are named `.<name>.tmp-<pid>-<n>` so a later writer can find and remove them.
  public static func tempName(for name: String) -> String {
    ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  public static func isTempName(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(".tmp-") }

  /// The pid in a temp file's name, to tell a dead writer's leftovers from a live one's.
  public static func tempOwner(_ name: String) -> Int32? {
    guard let r = name.firstRange(of: ".tmp-") else { return nil }
    return Int32(name[r.upperBound...].prefix { $0.isNumber })
  }

  /// A file just replaced whose old version is still kept (a hard link under a temp name),
  /// so that a save failing at a later step can put it back.
  public struct Replaced: Sendable {
    let path: String
    let backup: String?
    let dir: String

    /// Puts the old version back (best effort: the save is failing anyway).
    public func restore() {
      if let backup {
        rename(backup, path)
      } else {
        unlink(path)
      }
      try? FileIO.syncDirectory(dir)
    }

    /// The new version stays; the old one goes.
    public func discard() { if let backup { unlink(backup) } }
  }

  /// Replaces `dir/name` with `bytes`: temp file, fsync, rename, fsync the folder. A reader
  /// sees the old file or the new one, never a mix, and a crash leaves one of the two. When
  /// the folder cannot be flushed after the rename, the old file is put back.
  public static func replace(_ dir: String, _ name: String, with bytes: [UInt8]) throws(StoreError) {
    try replaceKeepingOld(dir, name, with: bytes).discard()
  }

  /// `replace`, keeping the old version until the caller says whether the whole save worked.
  public static func replaceKeepingOld(_ dir: String, _ name: String, with bytes: [UInt8]) throws(StoreError)
    -> Replaced
  {
    try replaceKeepingOld(dir, name) { (w) throws(StoreError) in
      try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in try w.write(b) }
    }
  }

  /// Writes a file made in pieces (`content` hands them to the writer): a large file is
  /// written from the bytes it was read from, not first copied whole into a new array.
  static func replaceKeepingOld(
    _ dir: String, _ name: String, content: (inout Writer) throws(StoreError) -> Void
  ) throws(StoreError) -> Replaced {
    let path = dir + "/" + name
    let tmp = dir + "/" + tempName(for: name)
    var mode: mode_t = 0o644
    var st = stat()
    if stat(path, &st) == 0 { mode = st.st_mode & 0o777 }
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else {
      throw StoreError(.cannotCreate, .cannotCreateTemporary(errno: errno), file: tmp)
    }
    do {
      var writer = Writer(fd: fd, path: path)
      try content(&writer)
      try writer.flush()
      try fsyncOrThrow(fd, path: path)
    } catch {
      close(fd)
      unlink(tmp)
      throw error
    }
    if close(fd) != 0 {
      let e = errno
      unlink(tmp)
      throw StoreError(.io, .cannotWrite(errno: e), file: path)
    }
    // The old version under a temp name (a hard link: no copy), until the save is whole.
    var backup: String? = dir + "/" + tempName(for: name)
    if link(path, backup!) != 0 { backup = nil }
    guard rename(tmp, path) == 0 else {
      let e = errno
      unlink(tmp)
      if let backup { unlink(backup) }
      throw StoreError(.io, .cannotReplace(errno: e), file: path)
    }
    let replaced = Replaced(path: path, backup: backup, dir: dir)
    do {
      try syncDirectory(dir)
    } catch {
      replaced.restore()
      throw error
    }
    return replaced
  }

  /// Appends `bytes` and flushes them to disk. Used for the journal, which only grows.
  public static func append(_ path: String, _ bytes: [UInt8]) throws(StoreError) {
    let existed = exists(path)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw StoreError(.cannotCreate, .cannotOpenForWriting(errno: errno), file: path) }
    defer { close(fd) }
    try writeAll(fd, bytes, path: path)
    try fsyncOrThrow(fd, path: path)
    if !existed { try syncDirectory(dirname(of: path)) }
  }

  /// Cuts a file back to `length` bytes (a torn last journal line) durably.
  public static func truncate(_ path: String, to length: Int) throws(StoreError) {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw StoreError(.io, .cannotOpen(errno: errno), file: path) }
    defer { close(fd) }
    guard ftruncate(fd, off_t(length)) == 0 else {
      throw StoreError(.io, .cannotTruncate(errno: errno), file: path)
    }
    try fsyncOrThrow(fd, path: path)
  }

  public static func makeDirectory(_ path: String) throws(StoreError) {
    var sofar = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      sofar += "/" + part
      if mkdir(sofar, 0o755) != 0 && errno != EEXIST {
        throw StoreError(.cannotCreate, .cannotCreateFolder(errno: errno), file: sofar)
      }
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

  public static func remove(_ path: String) { unlink(path) }

  public static func dirname(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

  public static var processID: Int32 { getpid() }

  public static var hostName: String {
    var buf = [UInt8](repeating: 0, count: 256)
    _ = buf.withUnsafeMutableBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 256) { gethostname($0, 255) }
    }
    return String(decoding: buf.prefix { $0 != 0 }, as: UTF8.self)
  }

  /// True when `pid` names a live process on this host.
  public static func processIsAlive(_ pid: Int32) -> Bool {
    if kill(pid, 0) == 0 { return true }
    return errno == EPERM
  }

  public static func sleep(milliseconds ms: Int) { usleep(useconds_t(ms * 1000)) }

  /// Seconds since the epoch, for lock ages.
  public static var now: Int { Int(time(nil)) }
}
