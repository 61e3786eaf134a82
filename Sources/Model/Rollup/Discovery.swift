/// Why a roll-up cannot start. Data; the front end phrases it (`RollupWords`).
public enum RollupError: Error, Sendable, Hashable {
  /// A folder given that does not exist (or is not a folder).
  case noSuchFolder(String)
  /// A folder given that is not a store and has no store one level down.
  case noStore(String)
}

/// Finds the stores a roll-up reads: each folder given is a store, or a folder whose
/// subfolders are stores (one level down, as a city keeps one folder or clone per agency).
public enum StoreDiscovery {
  /// The store folders, in the order given, subfolders by name; a store reached twice is
  /// read once. Throws for the first folder that holds no store: a typo in a supervisor's
  /// list must not pass for an agency with nothing to report.
  public static func find(_ dirs: [String]) throws(RollupError) -> [String] {
    var out: [String] = []
    var seen = Set<FileIO.Stamp.Identity>()
    func add(_ folder: String) {
      guard let id = FileIO.stamp(folder)?.identity, seen.insert(id).inserted else { return }
      out.append(folder)
    }
    for given in dirs {
      let dir = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
      guard FileIO.isDirectory(dir) else { throw .noSuchFolder(given) }
      if isStore(dir) {
        add(dir)
        continue
      }
      // Hidden folders (.git) are never stores.
      let subs = FileIO.listDirectory(dir).filter { !$0.hasPrefix(".") }.map { dir == "/" ? "/" + $0 : dir + "/" + $0 }
        .filter { FileIO.isDirectory($0) && isStore($0) }
      guard !subs.isEmpty else { throw .noStore(given) }
      for s in subs { add(s) }
    }
    return out
  }

  /// A folder that is, or means to be, a store: it has the tasks file or the plan settings.
  /// One that has only the settings is kept, so that its reading fails and is reported.
  public static func isStore(_ folder: String) -> Bool {
    FileIO.exists(folder + "/" + Store.tasksFile) || FileIO.exists(folder + "/" + SettingsFile.name)
  }
}

extension FileIO.Stamp {
  /// Which file this is, whatever its contents: the same folder reached by two paths is one.
  struct Identity: Hashable {
    let device: UInt64
    let inode: UInt64
  }

  var identity: Identity { Identity(device: device, inode: inode) }
}
