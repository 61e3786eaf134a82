#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs another program (git) and collects what it says. It lives with the fast paths
/// because starting a process takes C strings and file descriptors, and the rest of Model is
/// kept free of raw pointers; `posix_spawn` rather than Foundation's `Process`, which would
/// link Foundation into every command for this one use.
enum Spawn {
  struct Outcome: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    /// Standard output and standard error, interleaved as written.
    var output: [UInt8]
    var text: String { String(decoding: output, as: UTF8.self) }
  }

  /// Runs `arguments` (the program found on PATH) with standard input from /dev/null, the
  /// environment given `overrides` (nil removes a variable), and, with `newSession`, no
  /// controlling terminal, so that nothing it starts (ssh) can stop to ask for a password.
  /// Fails with errno's value when the program cannot be started.
  static func run(
    _ arguments: [String], overrides: [String: String?] = [:], newSession: Bool = false
  ) -> Result<Outcome, SpawnError> {
    // The output goes to a file the child opens itself: a pipe made here would, until marked
    // close-on-exec, leak into a process another thread starts meanwhile (Swift has no
    // pipe2), and its reader would then wait for that process to end as well.
    let tmp =
      (FileIO.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
      + "/.sanxiang-spawn-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    defer { unlink(tmp) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    // Not O_CLOEXEC: glibc closes fd 1 first, the file then opens as fd 1 itself, and a
    // close-on-exec flag would close the program's standard output as it starts.
    posix_spawn_file_actions_addopen(&actions, 1, tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    #if os(Linux)
      // POSIX_SPAWN_SETSID (glibc 2.26), which Swift's Glibc module does not export.
      if newSession { posix_spawnattr_setflags(&attributes, 0x80) }
    #endif

    var argv = arguments.map { strdup($0) }
    argv.append(nil)
    var env: [UnsafeMutablePointer<CChar>?] = []
    var overridden = Set<String>()
    for (k, v) in overrides {
      overridden.insert(k)
      if let v { env.append(strdup("\(k)=\(v)")) }
    }
    var p = environ
    while let entry = p.pointee {
      let text = String(cString: entry)
      if let eq = text.firstIndex(of: "="), !overridden.contains(String(text[..<eq])) { env.append(strdup(entry)) }
      p += 1
    }
    env.append(nil)
    defer {
      for a in argv { free(a) }
      for e in env { free(e) }
    }

    var pid = pid_t()
    let started = posix_spawnp(&pid, argv[0]!, &actions, &attributes, argv, env)
    guard started == 0 else { return .failure(SpawnError(code: started)) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? FileIO.read(tmp)) ?? []
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
    let signal = status & 0x7F
    let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    return .success(Outcome(status: code, output: output))
  }
}

/// Why a program could not be started: errno's value (ENOENT: not installed).
struct SpawnError: Error, Sendable {
  let code: Int32
  var notFound: Bool { code == ENOENT }
}
