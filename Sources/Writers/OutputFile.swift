import Model

#if canImport(Glibc)
  import Glibc
#endif

/// Where a report goes: a file (`-o FILE`, never overwriting one that is there unless asked)
/// or standard output. The libraries write to a path, so the file is made under a temporary
/// name beside its destination and put in place whole once written: a reader never sees half
/// a workbook, and a failure leaves nothing behind.
public struct OutputFile: Sendable {
  /// nil: standard output.
  public let path: String?
  public let force: Bool

  public init(path: String?, force: Bool) {
    self.path = path
    self.force = force
  }

  /// Refuses early, before any work, a file that is there (without `force`).
  public func check() throws(ReportProblem) {
    if let path, !force, FileIO.exists(path) { throw .outputExists(path) }
  }

  /// Runs `write` on a temporary path, then puts the file in place: linked (which fails when
  /// the destination has appeared meanwhile) or, with `force`, renamed over it. For standard
  /// output the file's bytes are copied there.
  public func write(_ write: (String) throws(ReportProblem) -> Void) throws(ReportProblem) {
    let dir: String
    let name: String
    if let path {
      dir = FileIO.dirname(of: path)
      name = String(path.split(separator: "/").last ?? "report")
    } else {
      dir = FileIO.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
      name = "sanxiang-report"
    }
    let temp = dir + "/" + FileIO.tempName(for: name)
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path ?? temp, errno: errno) }
    close(fd)
    defer { unlink(temp) }
    try write(temp)
    // Not flushed to the disk (an fsync cost more than writing the workbook): a report is
    // made again from the store at any time, and the store is what must survive a crash.
    guard let path else {
      let bytes: [UInt8]
      do { bytes = try FileIO.read(temp) } catch { throw .cannotWrite(temp, errno: EIO) }
      try OutputFile.toStandardOutput(bytes)
      return
    }
    if force {
      guard rename(temp, path) == 0 else { throw .cannotWrite(path, errno: errno) }
    } else {
      if link(temp, path) != 0 {
        let e = errno
        if e == EEXIST { throw .outputExists(path) }
        // A drive without hard links (a FAT USB stick, some shares): looked at, then renamed.
        guard e == EPERM || e == EOPNOTSUPP || e == ENOTSUP || e == EXDEV, !FileIO.exists(path) else {
          throw .cannotWrite(path, errno: e)
        }
        guard rename(temp, path) == 0 else { throw .cannotWrite(path, errno: errno) }
      }
    }
  }

  static func toStandardOutput(_ bytes: [UInt8]) throws(ReportProblem) {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw .cannotWrite("-", errno: errno) }
      done += n
    }
  }
}
