/// What the importer decided on its own, as data: the tables of words phrase each one in the
/// user's language (`Words.guess`), so a report never mixes languages.
public enum TableGuess: Sendable, Hashable {
  /// The file was not UTF-8; it was read in this encoding and converted.
  case encodingConverted(from: String)
  /// A document held several tables; this one (1-based) was taken.
  case tableChosen(index: Int, of: Int, rows: Int)
  /// A workbook's first sheets were empty or had no header; this one was taken.
  case sheetChosen(name: String, skipped: [String])
  /// LibreOffice turned the file into this format first.
  case converted(from: String, to: String)
  /// One cell a line: the rows cut where their numbers stand, one row width apart.
  case rowsByNumbers(columns: Int, rows: Int)
  /// The header takes two rows.
  case twoRowHeader(SourcePlace)
  /// The rows have more cells than the header names: this name spans several columns.
  case headerSpans(name: String, columns: Int)
  /// One header over several columns: what each column holds, told from the data.
  case columnRoles(name: String, roles: [ImportField?])
  /// Blank cells in a column read as the value above (a merged cell flattened).
  case filledDown(field: ImportField, places: [SourcePlace])
  /// "办公室牵头，各科室配合": one cell split into lead and support.
  case roleSplit(SourcePlace, text: String, lead: [String], support: [String])
  /// "各科室": a collective name, kept as the placeholder for other departments.
  case collective(SourcePlace, name: String)
  /// "拘留所、看守所制定": the words after the units, which say what they do, are no unit.
  case wordsDropped(SourcePlace, text: String, dropped: [String])
  /// "市信息办及相关部门", "禁毒和出入境": names parted at 和, 及 or 与; `byShape` when a part
  /// is taken for a name only by its likeness to the names beside it (a guess to check).
  case conjunctionSplit(SourcePlace, text: String, parts: [String], byShape: Bool)
  /// "土管所等": the trailing 等 dropped.
  case droppedDeng(SourcePlace, from: String, to: String)
  /// "各县(市)区政府" written with the full-width brackets.
  case bracketsUnified(SourcePlace, from: String, to: String)
  /// Names run together, split by the table's own names (or by their unit endings).
  case namesSplit(SourcePlace, text: String, parts: [String], byEndings: Bool)
  /// A row without a number, or a number used twice: an id derived from the row before.
  case derivedID(SourcePlace, id: String, duplicate: String?)
  /// Numbering that restarts in each category: ids made unique as "category-number".
  case restartedNumbering(categories: Int, example: String)
  /// No numbers anywhere: ids are the table order.
  case tableOrder(count: Int)
  /// Several measures packed in one row, matched to the other cells' parts in order.
  case packedRow(SourcePlace, measures: Int)
  /// A year-less deadline read in the plan's year.
  case deadlineYear(SourcePlace, text: String, year: Int)
  /// The plan's year, and where it came from.
  case planYear(Int, from: YearSource)
  /// A 注/备注/说明 row: kept in the plan's note.
  case noteRow(SourcePlace)
  /// No table: the plan's numbered paragraphs read as its items.
  case readAsProse(items: Int)
  /// Paragraphs between the items that are none (they name no one responsible).
  case paragraphsNotTasks([SourcePlace])
  /// A row with no measure: not a task; its text kept in the plan's note.
  case notATask(SourcePlace)
  /// The row names no lead: the units of its 配合/责任 column carry the task.
  case leadFromSupport(SourcePlace, column: String)
  /// No column is named as the measure: this one's cells are the sentences.
  case measureByData(name: String)
  /// A column its name does not place, placed by what its cells hold.
  case columnByData(name: String, field: ImportField)
  /// A period's start and end columns: the end is the deadline, the start kept beside.
  case periodEnd(start: String, end: String)
}

extension TableGuess {
  /// The cell or row a guess is about, when it is about one.
  public var place: SourcePlace? {
    switch self {
    case .twoRowHeader(let p), .roleSplit(let p, _, _, _), .wordsDropped(let p, _, _),
      .conjunctionSplit(let p, _, _, _),
      .collective(let p, _), .droppedDeng(let p, _, _),
      .bracketsUnified(let p, _, _), .namesSplit(let p, _, _, _), .derivedID(let p, _, _), .packedRow(let p, _),
      .deadlineYear(let p, _, _), .noteRow(let p), .notATask(let p), .leadFromSupport(let p, _):
      p
    default: nil
    }
  }

  /// The same guess about another place: guesses equal but for their place say one thing.
  public func moved(to q: SourcePlace) -> TableGuess {
    switch self {
    case .twoRowHeader: .twoRowHeader(q)
    case .roleSplit(_, let t, let l, let s): .roleSplit(q, text: t, lead: l, support: s)
    case .collective(_, let n): .collective(q, name: n)
    case .wordsDropped(_, let t, let d): .wordsDropped(q, text: t, dropped: d)
    case .conjunctionSplit(_, let t, let p, let s): .conjunctionSplit(q, text: t, parts: p, byShape: s)
    case .droppedDeng(_, let a, let b): .droppedDeng(q, from: a, to: b)
    case .bracketsUnified(_, let a, let b): .bracketsUnified(q, from: a, to: b)
    case .namesSplit(_, let t, let p, let e): .namesSplit(q, text: t, parts: p, byEndings: e)
    case .derivedID(_, let id, let d): .derivedID(q, id: id, duplicate: d)
    case .packedRow(_, let n): .packedRow(q, measures: n)
    case .deadlineYear(_, let t, let y): .deadlineYear(q, text: t, year: y)
    case .noteRow: .noteRow(q)
    case .notATask: .notATask(q)
    case .leadFromSupport(_, let c): .leadFromSupport(q, column: c)
    default: self
    }
  }
}

/// Where the plan's year came from.
public enum YearSource: Sendable, Hashable {
  /// `--year`.
  case option
  /// The plan's title ("2021年政务公开工作要点").
  case title
  /// A plan the text above the table names.
  case text
  /// The year most of the table's dated deadlines give.
  case deadlines
}

/// The fields a column can hold; `--map` names them.
public enum ImportField: String, Sendable, CaseIterable, Hashable {
  case id
  case group
  case theme
  case measure
  case requirement
  case lead
  case support
  case deadline
  /// Kept as an extra column under its header's name.
  case extra

  /// `--map` accepts the field's English token or one of these Chinese words.
  public init?(word: String) {
    let w = word.trimmingSpaces
    if let f = ImportField(rawValue: w.lowercased()) {
      self = f
      return
    }
    switch w {
    case "序号", "编号": self = .id
    case "工作组", "分组", "类别": self = .group
    case "主题", "任务": self = .theme
    case "措施", "内容": self = .measure
    case "要求": self = .requirement
    case "牵头", "责任": self = .lead
    case "配合", "协办": self = .support
    case "期限", "时限": self = .deadline
    case "其他", "保留": self = .extra
    default: return nil
    }
  }
}

/// Why a file could not be imported, phrased by `Words.importProblem`; `place` says where.
public enum ImportProblem: Sendable, Equatable {
  case noSuchFile
  case unreadable
  case notUTF8
  case nulByte
  /// A ZIP file where text was expected (a .docx or .xlsx under another name).
  case zipAsText
  case noTable
  case noHeader
  case noMeasureColumn
  case headerRowMissing(Int)
  case badMap(String)
  /// `--year` outside the years a plan can be for.
  case badYear(Int)
  case mapMatchesNothing(String)
  case corruptZip
  case encrypted
  /// A part every such file has is missing ("word/document.xml").
  case missingPart(String)
  case badXML(String)
  case noTableInDocument
  case emptyWorkbook
  case noSuchSheet(String, available: [String])
  case emptySheet(String)
  case unknownEncoding(String)
  /// .doc, .xls, .wps, .et, .odt, .ods without LibreOffice on the PATH.
  case needsConversion(ext: String, to: String)
  case conversionFailed(ext: String)
  case unknownFormat(ext: String)
  /// libxml2 (which reads XML and HTML) could not be loaded.
  case xmlLibraryMissing
  /// libzip (which opens .docx and .xlsx packages) could not be loaded.
  case zipLibraryMissing
  case tooLarge
  /// LibreOffice's text export whose rows cannot be told apart for certain.
  case ambiguousTextExport
}

/// An import error: the file, the place in it, the reason. Nothing is written.
public struct ImportError: Error, Sendable, Equatable {
  public var file: String
  public var place: SourcePlace?
  public var problem: ImportProblem

  public init(_ problem: ImportProblem, file: String, place: SourcePlace? = nil) {
    self.problem = problem
    self.file = file
    self.place = place
  }

  /// sysexits: 64 for a usage mistake, 66 for missing input, 65 for bad data.
  public var exitCode: Int32 {
    switch problem {
    case .badMap, .badYear, .mapMatchesNothing, .headerRowMissing, .noSuchSheet: 64
    case .noSuchFile, .unreadable, .needsConversion, .xmlLibraryMissing, .zipLibraryMissing: 66
    default: 65
    }
  }
}

extension ImportError {
  /// "file:line:1: why" for text, "file: Sheet1!B7: why" for a sheet, in the reader's words (the
  /// file and a line are the same in any).
  public func description(_ words: any Words) -> String {
    let at =
      switch place {
      case .line(let n): "\(file):\(n):1"
      case .some(let p): "\(file): \(words.place(p))"
      case nil: file
      }
    return at + ": " + words.importProblem(problem)
  }
}
