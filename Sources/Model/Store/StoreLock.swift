/// The lock file that guards every read-modify-write of a store. It names its holder
/// (`pid host since`), so a lock left by a killed process on this host can be recognised and
/// removed, while one held from another host (a shared drive) is never broken.
public struct StoreLock: Sendable {
  public static let name = ".sanxiang.lock"
  let path: String
  let content: String

  struct Holder: Equatable {
    let pid: Int32
    let host: String
    let since: Int
  }

  static func parse(_ text: String) -> Holder? {
    let parts = text.split(separator: " ")
    guard parts.count >= 3, let pid = Int32(parts[0]), let since = Int(parts[2].prefix { $0.isNumber }) else {
      return nil
    }
    return Holder(pid: pid, host: String(parts[1]), since: since)
  }

  /// Waits up to `timeoutMs` (default `SANXIANG_LOCK_TIMEOUT_MS` or 5 s), then gives up with
  /// a `.busy` error that says who holds the lock.
  public static func acquire(in dir: String, timeoutMs: Int? = nil) throws(StoreError) -> StoreLock {
    let path = dir + "/" + name
    let host = FileIO.hostName
    let content = "\(FileIO.processID) \(host) \(FileIO.now)\n"
    let limit = timeoutMs ?? FileIO.environment("SANXIANG_LOCK_TIMEOUT_MS").flatMap(Int.init) ?? 5000
    var waited = 0
    var pause = 2
    while true {
      switch try tryCreate(path, content) {
      case true:
        return StoreLock(path: path, content: content)
      case false:
        let text = (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if let h = parse(text) {
          if h.host == host && !FileIO.processIsAlive(h.pid) {
            breakStale(path, expected: text)
            continue
          }
        } else if let st = FileIO.stamp(path), FileIO.now - Int(st.mtimeNanos / 1_000_000_000) > 10 {
          // A holder that died between creating the file and writing its name.
          breakStale(path, expected: text)
          continue
        }
        if waited >= limit {
          let holder = parse(text)
          throw StoreError(.busy, holder.map { .locked(pid: $0.pid, host: $0.host) } ?? .lockedByAnother, file: dir)
        }
        let step = min(pause, 50) + Int.random(in: 0...3)
        FileIO.sleep(milliseconds: step)
        waited += step
        pause = pause * 2
      }
    }
  }

  /// Creates the lock with its holder's name already in it: written to a temp file, then
  /// linked into place (which fails if the lock exists). A lock file is never seen empty,
  /// even when its writer is killed half way.
  private static func tryCreate(_ path: String, _ content: String) throws(StoreError) -> Bool {
    #if canImport(Glibc)
      let dir = FileIO.dirname(of: path)
      let name = String(path.split(separator: "/").last ?? "")
      let tmp = dir + "/" + FileIO.tempName(for: name)
      let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw StoreError(.cannotCreate, .cannotCreateLock(errno: errno), file: path)
      }
      defer { unlink(tmp) }
      do {
        try FileIO.writeAll(fd, Array(content.utf8), path: path)
      } catch {
        close(fd)
        throw error
      }
      close(fd)
      if link(tmp, path) == 0 { return true }
      if errno == EEXIST { return false }
      throw StoreError(.cannotCreate, .cannotCreateLock(errno: errno), file: path)
    #else
      return false
    #endif
  }

  /// Removes a dead holder's lock, one breaker at a time, and only if it is still that lock.
  private static func breakStale(_ path: String, expected: String) {
    let guardPath = path + ".break"
    if let st = FileIO.stamp(guardPath), FileIO.now - Int(st.mtimeNanos / 1_000_000_000) > 10 {
      FileIO.remove(guardPath)
    }
    guard (try? tryCreate(guardPath, "\(FileIO.processID)\n")) == true else {
      FileIO.sleep(milliseconds: 2)
      return
    }
    defer { FileIO.remove(guardPath) }
    let now = (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    if now == expected { FileIO.remove(path) }
  }

  /// True when someone else holds the store's lock: a live process here, or one elsewhere.
  public static func heldByAnother(in dir: String) -> Bool {
    guard let bytes = try? FileIO.read(dir + "/" + name), let h = parse(String(decoding: bytes, as: UTF8.self)) else {
      return false
    }
    if h.host != FileIO.hostName { return true }
    return h.pid != FileIO.processID && FileIO.processIsAlive(h.pid)
  }

  public func release() {
    let now = (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) }
    if now == content { FileIO.remove(path) }
  }
}

#if canImport(Glibc)
  import Glibc
#endif
