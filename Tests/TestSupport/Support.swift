import Foundation

/// Paths and helpers shared by the test targets: fixtures, scratch folders, and running
/// the real `sanxiang` binary.
public enum Fixtures {
  /// The package's root folder.
  public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  public static func seed(_ prefix: String) -> URL {
    let dir = root.appendingPathComponent("Tests/Fixtures/seeds")
    let name = try! FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
    return dir.appendingPathComponent(name)
  }

  public static var sampleData: URL { root.appendingPathComponent("sample-data") }

  /// A new empty folder under the system's temp folder.
  public static func scratch(_ label: String = "t") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanxiang-\(label)-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A copy of sample-data/ to change freely.
  public static func sampleCopy() -> URL {
    let dir = scratch("store").appendingPathComponent("store")
    try! FileManager.default.copyItem(at: sampleData, to: dir)
    return dir
  }

  /// Every file's bytes in a folder, to prove that nothing changed.
  public static func snapshot(_ dir: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
      out[name] = try? Data(contentsOf: dir.appendingPathComponent(name))
    }
    return out
  }

  public static func read(_ url: URL) -> String { String(decoding: try! Data(contentsOf: url), as: UTF8.self) }

  /// The `sanxiang` binary built beside the test bundle.
  public static var binary: URL {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var dir = me.deletingLastPathComponent()
    if dir.lastPathComponent == "MacOS" {  // xctest bundles on Darwin
      dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    return dir.appendingPathComponent("sanxiang")
  }

  public struct Run {
    public let status: Int32
    public let stdout: String
    public let stderr: String
  }

  /// Runs the binary with a clean, predictable environment.
  @discardableResult
  public static func run(_ args: [String], env extra: [String: String] = [:], stdin: String? = nil) -> Run {
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch("home").path, "USER": "tester"]
    env["SWIFT_BACKTRACE"] = "enable=no"
    for (k, v) in extra { env[k] = v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdin {
      let inp = Pipe()
      p.standardInput = inp
      inp.fileHandleForWriting.write(Data(stdin.utf8))
      try? inp.fileHandleForWriting.close()
    } else {
      p.standardInput = FileHandle.nullDevice
    }
    try! p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }
}
