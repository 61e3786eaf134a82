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

  static func fsyncOrThrow(_ fd: Int32, path: String) throws(StoreError) {
    while fsync(fd) != 0 {
      if errno == EINTR { continue }
      throw StoreError(.io, .cannotFlush(errno: errno), file: path)
    }
  }

  /// Writes all of `bytes` to an open descriptor (standard output, say); `name` is the place
  /// an error names.
  public static func write(_ bytes: [UInt8], toDescriptor fd: Int32, named name: String) throws(StoreError) {
    try writeAll(fd, bytes, path: name)
  }

  /// Makes a rename or a new file in `dir` durable.
  public static func syncDirectory(_ dir: String) throws(StoreError) {
    let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw StoreError(.io, .cannotOpenFolder(errno: errno), file: dir) }
    defer { close(fd) }
    try fsyncOrThrow(fd, path: dir)
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
    try replaceKeepingOld(dir, name) { (w) throws(StoreError) in try w.write(bytes) }
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

  public static func remove(_ path: String) { unlink(path) }

  public static func dirname(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

  public static var processID: Int32 { getpid() }

  /// True when `pid` names a live process on this host.
  public static func processIsAlive(_ pid: Int32) -> Bool {
    if kill(pid, 0) == 0 { return true }
    return errno == EPERM
  }

  public static func sleep(milliseconds ms: Int) { usleep(useconds_t(ms * 1000)) }

  /// Seconds since the epoch, for lock ages.
  public static var now: Int { Int(time(nil)) }
}
