#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private folder for work that needs files of its own (LibreOffice converts a file into
/// one), made in TMPDIR and removed with everything in it however `within` is left: the
/// body's return, its error, or an error thrown while the folder is being filled.
public struct TemporaryFolder: Sendable {
  public let path: String

  /// How a program run for a conversion ended.
  public enum Outcome: Sendable, Equatable {
    case exited(Int32)
    /// Not on the PATH.
    case notFound
    /// On the PATH but could not be started (errno's value).
    case cannotStart(Int32)
  }

  /// Runs `body` with a new folder named after `prefix`; `cannotCreate` is thrown when the
  /// folder cannot be made.
  public static func within<R, E: Error>(
    prefix: String, cannotCreate: @autoclosure () -> E, _ body: (TemporaryFolder) throws(E) -> R
  ) throws(E) -> R {
    let base = FileIO.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw cannotCreate() }
    let folder = TemporaryFolder(path: String(cString: made))
    defer { TemporaryFolder.removeTree(folder.path) }
    return try body(folder)
  }

  /// Runs a program found on the PATH (`Spawn`), its output thrown away.
  public func run(_ arguments: [String]) -> Outcome {
    switch Spawn.run(arguments) {
    case .success(let o): .exited(o.status)
    case .failure(let e): e.notFound ? .notFound : .cannotStart(e.code)
    }
  }

  /// Removes a folder and everything in it, not following links out of it.
  static func removeTree(_ path: String) {
    for name in FileIO.listDirectory(path) {
      let child = "\(path)/\(name)"
      var st = stat()
      if lstat(child, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { unlink(child) }
    }
    rmdir(path)
  }
}
