import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one entry the command line uses: a file's grid, whatever its kind. The kind comes
/// from the extension (and, without one, from the first bytes); the formats LibreOffice
/// knows but this module does not are converted by it first, when it is installed.
public enum SourceFile {
  public static func grid(path: String, sheet: String? = nil) throws(ImportError) -> TableGrid {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard FileIO.exists(path) else { throw ImportError(.noSuchFile, file: name) }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw ImportError(.unreadable, file: name)
    }
    let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
    return try grid(bytes, ext: ext, file: name, sheet: sheet)
  }

  /// The grid of bytes read from `file`, by the kind its extension names.
  public static func grid(_ bytes: [UInt8], ext: String, file: String, sheet: String? = nil) throws(ImportError)
    -> TableGrid
  {
    switch ext {
    case "docx", "docm", "dotx": return try Docx.grid(bytes, file: file)
    case "xlsx", "xlsm", "xltx": return try Xlsx.grid(bytes, file: file, sheet: sheet)
    case "html", "htm", "xhtml": return try Html.grid(bytes, file: file)
    case "csv": return try TableImport.textGrid(bytes, file: file, csv: true)
    case "doc", "wps", "odt", "rtf", "wpt", "dot":
      return try Docx.grid(try convert(bytes, ext: ext, to: "docx", file: file), file: file)
        .adding(.converted(from: ext, to: "docx"))
    case "xls", "et", "ods", "ett", "xlt":
      return try Xlsx.grid(try convert(bytes, ext: ext, to: "xlsx", file: file), file: file, sheet: sheet)
        .adding(.converted(from: ext, to: "xlsx"))
    case "txt", "tsv", "text", "": return try sniffed(bytes, file: file, sheet: sheet)
    default:
      if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || isHTML(bytes) {
        return try sniffed(bytes, file: file, sheet: sheet)
      }
      if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw ImportError(.unknownFormat(ext: ext), file: file) }
      return try TableImport.textGrid(bytes, file: file)
    }
  }

  /// A file without a telling extension: a ZIP is a Word or Excel package by its parts; a
  /// page is HTML; the rest is text.
  static func sniffed(_ bytes: [UInt8], file: String, sheet: String?) throws(ImportError) -> TableGrid {
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      let zip = try ZipPackage(bytes, file: file)
      if try zip.part("word/document.xml") != nil { return try Docx.grid(bytes, file: file) }
      if try zip.part("xl/workbook.xml") != nil { return try Xlsx.grid(bytes, file: file, sheet: sheet) }
      throw ImportError(.zipAsText, file: file)
    }
    if isHTML(bytes) { return try Html.grid(bytes, file: file) }
    return try TableImport.textGrid(bytes, file: file)
  }

  static func isHTML(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    return head.contains("<html") || head.contains("<table") || head.contains("<!doctype html")
  }

  /// LibreOffice's conversion (`soffice --headless --convert-to`) in a temporary folder,
  /// removed afterwards, with a profile of its own so that a LibreOffice the user has open
  /// does not take the job.
  static func convert(_ bytes: [UInt8], ext: String, to target: String, file: String) throws(ImportError) -> [UInt8] {
    guard let soffice = findOnPath(["soffice", "libreoffice"]) else {
      throw ImportError(.needsConversion(ext: ext, to: target), file: file)
    }
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(base)/sanxiang-convert-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw ImportError(.conversionFailed(ext: ext), file: file) }
    let dir = String(cString: made)
    defer { removeTree(dir) }
    let input = "\(dir)/table.\(ext)"
    do {
      try FileIO.replace(dir, "table.\(ext)", with: bytes)
    } catch {
      throw ImportError(.conversionFailed(ext: ext), file: file)
    }
    let args = [
      soffice, "-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to", target, "--outdir", dir,
      input,
    ]
    guard run(args) == 0, let out = try? FileIO.read("\(dir)/table.\(target)") else {
      throw ImportError(.conversionFailed(ext: ext), file: file)
    }
    return out
  }

  /// Runs a program with its output thrown away; its exit status, or -1.
  static func run(_ args: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = args.map { strdup($0) }
    argv.append(nil)
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, args[0], &actions, nil, &argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
  }

  static func findOnPath(_ names: [String]) -> String? {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for n in names where access("\(dir)/\(n)", X_OK) == 0 { return "\(dir)/\(n)" }
    }
    return nil
  }

  /// Removes a folder and everything in it (LibreOffice leaves a profile tree behind).
  static func removeTree(_ path: String) {
    if let d = opendir(path) {
      while let e = readdir(d) {
        let name = withUnsafePointer(to: e.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        let child = "\(path)/\(name)"
        var st = stat()
        if lstat(child, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { unlink(child) }
      }
      closedir(d)
    }
    rmdir(path)
  }
}

extension TableGrid {
  func adding(_ note: TableGuess) -> TableGrid {
    var g = self
    g.notes.insert(note, at: 0)
    return g
  }
}
