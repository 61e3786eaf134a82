/// git as the way stores travel, through the `git` command line: every office that keeps its
/// files in git already has it, and its remotes, credentials and proxies are then the
/// office's own settings, not ours. Two uses: a supervising office pulls its clones of the
/// agencies' repositories (`pullAll`), and a store with `git_commit = on` commits each save
/// (`commitSave`), so that the history travels with the files.
public enum Git {
  /// Why git did not do what was asked. Data, phrased by the front end (`RollupWords`).
  public enum Failure: Error, Sendable, Hashable {
    /// The `git` program is not installed (not on PATH).
    case gitMissing
    /// git could not be started for another reason (errno's value).
    case cannotStart(errno: Int32)
    /// The folder is not the top of a git work tree (no `.git` in it): nothing to pull.
    case notAClone
    /// The store is in no git repository at all: nothing to commit to.
    case notARepository
    /// The remote could not be reached: no network, an unknown host, a missing repository,
    /// refused credentials. `detail` is git's own last line.
    case unreachable(detail: String)
    /// The clone and its remote both have commits the other lacks: a fast-forward is impossible.
    case diverged
    /// The branch follows no remote branch, so there is nothing to pull from.
    case noUpstream
    /// Files changed in the clone would be overwritten by the pull.
    case localChanges
    /// Anything else; `detail` is git's own last line.
    case other(detail: String)
  }

  /// What pulling one clone came to.
  public enum PullOutcome: Sendable, Hashable {
    case updated
    case upToDate
    case failed(Failure)
  }

  /// `git pull --ff-only` in each folder, `atOnce` at a time (pulls mostly wait on the
  /// network, so more than the processors). One clone failing stops none of the others.
  /// `progress(n)` is called, one call at a time, as each of them finishes.
  public static func pullAll(
    _ folders: [String], atOnce: Int = 8, progress: (@Sendable (Int) -> Void)? = nil
  ) -> [PullOutcome] {
    Parallel.map(count: folders.count, threads: atOnce, finished: progress) { pull(folders[$0]) }
  }

  /// `git pull --ff-only` in one clone: never a merge, so a pull cannot leave an agency's
  /// files half merged in the supervisor's copy.
  public static func pull(_ folder: String) -> PullOutcome {
    // Only the top of a work tree: a store folder inside some other repository (the city's
    // own, say) must not pull that repository.
    guard FileIO.exists(folder + "/.git") else { return .failed(.notAClone) }
    switch run(["pull", "--ff-only"], in: folder, newSession: true) {
    case .failure(let f): return .failed(f)
    case .success(let out):
      return out.text.contains("Already up to date") || out.text.contains("Already up-to-date") ? .upToDate : .updated
    }
  }

  /// What `Store.commit` calls once a save has succeeded (still holding the store's lock, so
  /// no other save's files slip into this commit): `entries` were journaled, and the tasks
  /// and staffing files were rewritten if `tasks` and `staffing` say so.
  static func commitSave(
    in store: Store, entries: [JournalEntry], tasks: Bool, staffing: Bool, settings: Bool = false
  ) -> Failure? {
    guard store.plan.settings.gitCommit else { return nil }
    let files =
      [JournalFile.name] + (tasks ? [Store.tasksFile] : []) + (staffing ? [Store.staffingFile] : [])
      + (settings ? [SettingsFile.name] : [])
    return commitSave(in: store.folder, settings: store.plan.settings, entries: entries, files: files)
  }

  /// When the plan says `git_commit = on`, commits `files` (names in the store folder) with
  /// the journal entries' summary as the message and their `by` as the author. The save
  /// stands whatever git says; a failure is returned, to be reported.
  public static func commitSave(
    in folder: String, settings: PlanSettings, entries: [JournalEntry], files: [String]
  ) -> Failure? {
    guard settings.gitCommit, let by = entries.first?.by else { return nil }
    let message = Phrases(Lang.fromEnvironment()).commitMessage(entries)
    if case .failure(let f) = run(["add", "--"] + files, in: folder) { return f }
    let commit = ["commit", "--quiet", "-m", message, "--author", "\(by) <>", "--"] + files
    switch run(commit, in: folder) {
    case .success: return nil
    case .failure(.other(let detail)) where detail.contains("identity") || detail.contains("auto-detect"):
      // No identity configured here: the person who saved commits as well as authors.
      if case .failure(let f) = run(
        commit, in: folder, overrides: ["GIT_COMMITTER_NAME": by, "GIT_COMMITTER_EMAIL": ""])
      {
        return f
      }
      return nil
    case .failure(let f): return f
    }
  }

  /// Runs git with messages in English (they are matched below) and never a prompt.
  static func run(
    _ arguments: [String], in folder: String, overrides: [String: String?] = [:], newSession: Bool = false
  ) -> Result<Spawn.Outcome, Failure> {
    var env = overrides
    env["LC_ALL"] = "C"
    env["LANGUAGE"] = nil as String?
    env["GIT_TERMINAL_PROMPT"] = "0"
    switch Spawn.run(["git", "-C", folder] + arguments, overrides: env, newSession: newSession) {
    case .failure(let e):
      return .failure(e.notFound ? .gitMissing : .cannotStart(errno: e.code))
    case .success(let out):
      return out.status == 0 ? .success(out) : .failure(classify(out.text))
    }
  }

  /// Reads git's message (in the C locale) into a reason.
  static func classify(_ text: String) -> Failure {
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingSpaces }.filter {
      !$0.isEmpty
    }
    let last = lines.last ?? ""
    func says(_ s: String) -> Bool { text.contains(s) }
    if says("Not possible to fast-forward") || says("diverging branches") || says("have diverged") {
      return .diverged
    }
    if says("not a git repository") { return .notARepository }
    if says("no tracking information") || says("no such ref was fetched") { return .noUpstream }
    if says("would be overwritten") || says("unstaged changes") || says("uncommitted changes") {
      return .localChanges
    }
    if says("Could not resolve host") || says("Could not read from remote repository") || says("unable to access")
      || says("Connection refused") || says("Connection timed out") || says("Network is unreachable")
      || says("does not appear to be a git repository") || says("Authentication failed")
      || says("Permission denied")
    {
      // The line that names the cause, rather than git's generic closing words.
      let cause = lines.first {
        !$0.contains("Could not read from remote repository") && !$0.hasPrefix("Please make sure")
      }
      return .unreachable(detail: String(cause ?? last))
    }
    // git's own verdict where it gives one, rather than the tail of a longer message.
    return .other(detail: String(lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? last))
  }
}
