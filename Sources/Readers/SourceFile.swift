import Model

/// The one entry the command line uses: every table of a file, whatever its kind. The kind
/// comes from the extension (and, without one, from the first bytes); the formats
/// LibreOffice knows but this module does not are converted by it first, when it is
/// installed.
public enum SourceFile {
  /// `map`: the header names `--map` gives, which the text readers must know to find a header.
  public static func read(path: String, sheet: String? = nil, map: [(header: String, field: ImportField)] = [])
    throws(ImportError) -> SourceDocument
  {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard FileIO.exists(path) else { throw ImportError(.noSuchFile, file: name) }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw ImportError(.unreadable, file: name)
    }
    let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
    return try read(bytes, ext: ext, file: name, sheet: sheet, map: map)
  }

  /// What the bytes read from `file` hold, by the kind its extension names.
  public static func read(
    _ bytes: [UInt8], ext: String, file: String, sheet: String? = nil, map: [(header: String, field: ImportField)] = []
  ) throws(ImportError) -> SourceDocument {
    switch ext {
    case "docx", "docm", "dotx": return try Docx.read(bytes, file: file)
    case "xlsx", "xlsm", "xltx": return try Xlsx.read(bytes, file: file, sheet: sheet)
    case "html", "htm", "xhtml": return try Html.read(bytes, file: file)
    case "csv": return SourceDocument(try TextTable.grid(bytes, file: file, csv: true, map: map))
    case "doc", "wps", "odt", "rtf", "wpt", "dot":
      return try Docx.read(try convert(bytes, ext: ext, to: "docx", file: file), file: file)
        .adding(.converted(from: ext, to: "docx"))
    case "xls", "et", "ods", "ett", "xlt":
      return try Xlsx.read(try convert(bytes, ext: ext, to: "xlsx", file: file), file: file, sheet: sheet)
        .adding(.converted(from: ext, to: "xlsx"))
    case "txt", "tsv", "text", "": return try sniffed(bytes, file: file, sheet: sheet, map: map)
    default:
      if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || isHTML(bytes) {
        return try sniffed(bytes, file: file, sheet: sheet, map: map)
      }
      if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw ImportError(.unknownFormat(ext: ext), file: file) }
      return SourceDocument(try TextTable.grid(bytes, file: file, map: map))
    }
  }

  /// A file without a telling extension: a ZIP is a Word or Excel package by its parts; a
  /// page is HTML; the rest is text.
  static func sniffed(_ bytes: [UInt8], file: String, sheet: String?, map: [(header: String, field: ImportField)])
    throws(ImportError) -> SourceDocument
  {
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      let zip = try ZipPackage(bytes, file: file)
      if try zip.part("word/document.xml") != nil { return try Docx.read(bytes, file: file) }
      if try zip.part("xl/workbook.xml") != nil { return try Xlsx.read(bytes, file: file, sheet: sheet) }
      throw ImportError(.zipAsText, file: file)
    }
    if isHTML(bytes) { return try Html.read(bytes, file: file) }
    return SourceDocument(try TextTable.grid(bytes, file: file, map: map))
  }

  static func isHTML(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    return head.contains("<html") || head.contains("<table") || head.contains("<!doctype html")
  }

  /// LibreOffice's conversion (`soffice --headless --convert-to`) in a temporary folder,
  /// removed afterwards whatever happens, with a profile of its own so that a LibreOffice the
  /// user has open does not take the job.
  static func convert(_ bytes: [UInt8], ext: String, to target: String, file: String) throws(ImportError) -> [UInt8] {
    let failed = ImportError(.conversionFailed(ext: ext), file: file)
    return try TemporaryFolder.within(prefix: "sanxiang-convert", cannotCreate: failed) {
      folder throws(ImportError) -> [UInt8] in
      let dir = folder.path
      do {
        try FileIO.replace(dir, "table.\(ext)", with: bytes)
      } catch {
        throw failed
      }
      for soffice in ["soffice", "libreoffice"] {
        let args = [
          soffice, "-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to", target, "--outdir", dir,
          "\(dir)/table.\(ext)",
        ]
        switch folder.run(args) {
        case .notFound: continue
        case .exited(0):
          guard let out = try? FileIO.read("\(dir)/table.\(target)") else { throw failed }
          return out
        case .exited, .cannotStart: throw failed
        }
      }
      throw ImportError(.needsConversion(ext: ext, to: target), file: file)
    }
  }
}

extension SourceDocument {
  func adding(_ note: TableGuess) -> SourceDocument {
    var d = self
    d.notes.insert(note, at: 0)
    return d
  }
}

extension TableImport {
  /// Reads a text table (seed 000's layout, tab-separated, one cell a line, or CSV when
  /// `csv`) and interprets it.
  public static func read(
    _ bytes: [UInt8], file: String, csv: Bool = false, options: ImportOptions = ImportOptions()
  ) throws(ImportError) -> ImportResult {
    try interpret(
      SourceDocument(try TextTable.grid(bytes, file: file, csv: csv, map: options.map)), file: file, options: options)
  }
}
