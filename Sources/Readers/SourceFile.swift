import Foundation
import Model

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
    return try grid(bytes, ext: ext, file: name, path: path, sheet: sheet)
  }

  /// The grid of bytes read from `file`, by the kind its extension names.
  public static func grid(_ bytes: [UInt8], ext: String, file: String, path: String? = nil, sheet: String? = nil)
    throws(ImportError) -> TableGrid
  {
    switch ext {
    case "docx", "docm", "dotx": return try Docx.grid(bytes, file: file)
    case "xlsx", "xlsm", "xltx": return try Xlsx.grid(bytes, file: file, sheet: sheet)
    case "html", "htm", "xhtml", "mht": return try Html.grid(bytes, file: file)
    case "csv": return try TableImport.textGrid(bytes, file: file, csv: true)
    case "doc", "wps", "odt", "rtf", "wpt", "dot":
      return try Docx.grid(try convert(bytes, ext: ext, to: "docx", file: file, path: path), file: file)
        .adding(.converted(from: ext, to: "docx"))
    case "xls", "et", "ods", "ett", "xlt":
      return try Xlsx.grid(try convert(bytes, ext: ext, to: "xlsx", file: file, path: path), file: file, sheet: sheet)
        .adding(.converted(from: ext, to: "xlsx"))
    case "txt", "tsv", "text", "": return try sniffed(bytes, file: file, sheet: sheet)
    default:
      if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || isHTML(bytes) { return try sniffed(bytes, file: file, sheet: sheet) }
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

  /// LibreOffice's conversion into a temporary folder, removed afterwards.
  static func convert(_ bytes: [UInt8], ext: String, to target: String, file: String, path: String?) throws(ImportError)
    -> [UInt8]
  {
    guard let soffice = findOnPath(["soffice", "libreoffice"]) else {
      throw ImportError(.needsConversion(ext: ext, to: target), file: file)
    }
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("sanxiang-convert-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? fm.removeItem(at: dir) }
    do {
      try fm.createDirectory(at: dir, withIntermediateDirectories: true)
      let input = dir.appendingPathComponent("table.\(ext)")
      try Data(bytes).write(to: input)
      let p = Process()
      p.executableURL = URL(fileURLWithPath: soffice)
      // A profile of its own, so that a LibreOffice the user has open does not take the job.
      p.arguments = [
        "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", target, "--outdir",
        dir.path, input.path,
      ]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      let out = dir.appendingPathComponent("table.\(target)")
      guard p.terminationStatus == 0, let data = fm.contents(atPath: out.path) else {
        throw ImportError(.conversionFailed(ext: ext), file: file)
      }
      return [UInt8](data)
    } catch let e as ImportError {
      throw e
    } catch {
      throw ImportError(.conversionFailed(ext: ext), file: file)
    }
  }

  static func findOnPath(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for n in names {
        let p = "\(dir)/\(n)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
      }
    }
    return nil
  }
}

extension TableGrid {
  func adding(_ note: ImportGuess) -> TableGrid {
    var g = self
    g.notes.insert(note, at: 0)
    return g
  }
}
