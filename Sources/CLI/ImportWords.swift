import Model

/// Every sentence the import prints, in Chinese and English, in one place: reports,
/// guesses and errors arrive here as data and are phrased only here.
struct ImportWords {
  let lang: Lang

  init(_ lang: Lang) { self.lang = lang }

  func pick(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

  // MARK: help for the options the readers brought (the rest is in the Words tables)

  var sheetHelp: String {
    pick("要读取的工作表（默认：第一个有数据的工作表）。", "The workbook's sheet to read (default: the first with data).")
  }
  var mapHelp: String {
    pick(
      "指定某列的字段，覆盖自动判断：“列名=字段”，字段为“id”“group”“theme”“measure”“requirement”“lead”“support”“deadline”“extra”之一（可重复）。",
      "A column's field, overriding the importer: HEADER=FIELD, FIELD one of id, group, theme, measure, "
        + "requirement, lead, support, deadline, extra (repeatable).")
  }
  var headerRowHelp: String {
    pick("表头所在行：文本文件的行号，或工作表、表格的行号。", "The header's row: the line of a text file, or the row of a sheet or table.")
  }
  var fileHelp: String {
    pick(
      "分工表文件：Word 文档、“Excel”工作簿、网页、“CSV”表格或文本；装有“LibreOffice”时也可读旧版文档和表格。",
      "The table: .docx, .xlsx, .html, .csv or text (and .doc, .xls, .wps, .et, .odt, .ods where LibreOffice is installed)."
    )
  }

  // MARK: places

  func place(_ p: SourcePlace) -> String {
    switch p {
    case .line(let n): return pick("第 \(n) 行", "line \(n)")
    case .cell(let sheet, let table, let row, 0):
      if let sheet { return pick("\(sheet) 第 \(row) 行", "\(sheet), row \(row)") }
      if let table { return pick("表 \(table) 第 \(row) 行", "table \(table), row \(row)") }
      return pick("第 \(row) 行", "row \(row)")
    case .cell(let sheet, let table, let row, let column):
      let ref = SourcePlace.columnLetters(column) + String(row)
      if let sheet { return "\(sheet)!\(ref)" }
      if let table { return pick("表 \(table) 第 \(row) 行第 \(column) 列", "table \(table), row \(row), column \(column)") }
      return pick("第 \(row) 行第 \(column) 列", "row \(row), column \(column)")
    }
  }

  /// "file:line:column" for text, "file: Sheet1!B7" for a sheet.
  func located(_ file: String, _ p: SourcePlace?) -> String {
    switch p {
    case .line(let n): return "\(file):\(n):1"
    case .some(let p): return "\(file): \(place(p))"
    case nil: return file
    }
  }

  // MARK: formats and fields

  func format(_ f: SourceFormat) -> String {
    switch f {
    case .docx: pick("Word 文档（.docx）", "a Word document (.docx)")
    case .xlsx: pick("Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)")
    case .html: pick("网页（.html）", "a web page (.html)")
    case .csv: pick("CSV 表格", "a CSV table")
    case .wordFlattened: pick("Word 导出文本（每格一行、以制表符开头）", "Word-flattened text (a tab-led line per cell)")
    case .tabSeparated: pick("制表符分隔文本", "tab-separated text")
    case .cellPerLine: pick("LibreOffice 导出文本（每格一行）", "LibreOffice text (a cell per line)")
    }
  }

  func field(_ f: ImportField?) -> String {
    switch f {
    case .id: pick("序号", "id")
    case .group: pick("工作组", "group")
    case .theme: pick("任务类别", "theme")
    case .measure: pick("工作措施", "measure")
    case .requirement: pick("具体要求", "requirement")
    case .lead: pick("牵头部门", "lead")
    case .support: pick("配合部门", "support")
    case .deadline: pick("完成时限", "deadline")
    case .extra, nil: pick("保留为其他列", "kept as an extra column")
    }
  }

  func list(_ items: [String]) -> String { items.joined(separator: pick("、", ", ")) }

  // MARK: guesses

  func guess(_ g: TableGuess) -> String {
    switch g {
    case .encodingConverted(let from):
      return pick("文件不是 UTF-8，按 \(from) 读取并转换", "the file is not UTF-8: read as \(from) and converted")
    case .tableChosen(let i, let n, let rows):
      return pick("文档中有 \(n) 个表格，取第 \(i) 个（\(rows) 行）", "the document has \(n) tables: took table \(i) (\(rows) rows)")
    case .sheetChosen(let name, let skipped):
      return pick(
        "取工作表“\(name)”（跳过空表：\(list(skipped))）", "took the sheet \"\(name)\" (skipped the empty \(list(skipped)))")
    case .converted(let from, let to):
      return pick("已用 LibreOffice 将 .\(from) 转换为 .\(to)", "converted .\(from) to .\(to) with LibreOffice")
    case .widthFromData(let n):
      return pick("每行 \(n) 格（由数据判断，表头格数较少）", "rows of \(n) cells (told from the data; the header has fewer)")
    case .twoRowHeader(let p):
      return pick("表头占两行（至\(place(p))）", "the header takes two rows (to \(place(p)))")
    case .headerSpans(let name, let n):
      return pick("表头“\(name)”横跨 \(n) 列", "the header \"\(name)\" spans \(n) columns")
    case .columnRoles(let name, let roles):
      return pick(
        "“\(name)”下的 \(roles.count) 列依次为：\(list(roles.map(field)))",
        "the \(roles.count) columns under \"\(name)\" are: \(list(roles.map(field)))")
    case .filledDown(let f, let places):
      let shown = list(places.prefix(6).map(place)) + (places.count > 6 ? "…" : "")
      return pick(
        "\(field(f))：\(places.count) 个空格沿用上一行（\(shown)）",
        "\(field(f)): \(places.count) blank cells take the value above (\(shown))")
    case .roleSplit(let p, let text, let lead, let support):
      return pick(
        "\(place(p))：“\(text)”分为牵头 \(list(lead))，配合 \(support.isEmpty ? "—" : list(support))",
        "\(place(p)): split \"\(text)\" into lead \(list(lead)), support \(support.isEmpty ? "—" : list(support))")
    case .collective(let p, let name):
      return pick(
        "\(place(p))：“\(name)”为统称，记作其他相关部门", "\(place(p)): \"\(name)\" names no one unit: kept as other departments")
    case .droppedDeng(let p, let from, let to):
      return pick("\(place(p))：“\(from)”去掉末尾的“等”，记作“\(to)”", "\(place(p)): dropped the trailing 等 of \"\(from)\"")
    case .bracketsUnified(let p, let from, let to):
      return pick("\(place(p))：“\(from)”写作“\(to)”", "\(place(p)): wrote \"\(from)\" as \"\(to)\"")
    case .namesSplit(let p, let text, let parts, let byEndings):
      return byEndings
        ? pick(
          "\(place(p))：按单位名称结尾将“\(text)”拆为 \(parts.joined(separator: " + "))",
          "\(place(p)): split \"\(text)\" into \(parts.joined(separator: " + ")) by its unit endings")
        : pick(
          "\(place(p))：将“\(text)”拆为 \(parts.joined(separator: " + "))",
          "\(place(p)): split \"\(text)\" into \(parts.joined(separator: " + "))")
    case .derivedID(let p, let id, let dup):
      if let dup {
        return pick("\(place(p))：序号 \(dup) 重复，编为 \(id)", "\(place(p)): number \(dup) used twice; given id \(id)")
      }
      return pick("\(place(p))：该行没有序号，编为 \(id)", "\(place(p)): row without a number; given id \(id)")
    case .restartedNumbering(let n, let example):
      return pick(
        "序号在 \(n) 个类别中各自从头编号：编为“类别-序号”，如 \(example)",
        "numbering restarts in each of \(n) categories: ids made unique as category-number, e.g. \(example)")
    case .tableOrder(let n):
      return pick("表中没有序号：按表中顺序编为 1–\(n)", "no numbers in the table: ids 1–\(n) in table order")
    case .packedRow(let p, let n):
      return pick(
        "\(place(p))：一行中有 \(n) 项措施，但并非每格都有 \(n) 段；按顺序对应",
        "\(place(p)): \(n) measures in one row, but not every cell has \(n) parts; matched in order")
    case .deadlineYear(let p, let text, let year):
      return pick("\(place(p))：“\(text)”按方案年度 \(year) 年理解", "\(place(p)): read \"\(text)\" in the plan's year \(year)")
    }
  }

  /// One guess made at several places ("办公室牵头，各科室配合" in 12 cells): said once, with
  /// the first places and how many there are.
  func guess(_ g: TableGuess, places: [SourcePlace]) -> String {
    let text = guess(g)
    guard places.count > 1, let first = g.place else { return text }
    let head = place(first)
    guard text.hasPrefix(head) else { return text }
    let shown = list(places.prefix(4).map(place))
    let more = places.count > 4 ? pick(" 等 \(places.count) 处", " and \(places.count - 4) more") : ""
    return shown + more + text.dropFirst(head.count)
  }

  // MARK: errors

  func problem(_ p: ImportProblem) -> String {
    switch p {
    case .noSuchFile:
      return pick("没有这个文件", "no such file")
    case .unreadable:
      return pick("无法读取这个文件", "the file cannot be read")
    case .notUTF8:
      return pick("既不是 UTF-8 也不是 GB18030 文本（请另存为 UTF-8）", "neither UTF-8 nor GB18030 text (save the file as UTF-8)")
    case .nulByte:
      return pick("文本中有 NUL 字节：这不是文本文件", "NUL byte in text: this is not a text file")
    case .zipAsText:
      return pick("这是 .docx 或 .xlsx 文件，请使用正确的扩展名", "this is a .docx or .xlsx file: give it that extension")
    case .noTable:
      return pick("没有找到表格", "no table found")
    case .noHeader:
      return pick(
        "前 40 行中没有表头（应有序号、工作措施、责任部门、完成时限等列名）；可用 --header-row N 指定",
        "no header row in the first 40 rows (a row naming columns such as the number, the measure, the lead "
          + "department and the deadline); name it with --header-row N")
    case .noMeasureColumn:
      return pick(
        "表头中没有工作措施列（如工作措施、具体措施、具体内容、具体要求）；可用 --map '列名=measure' 指定",
        "no column of the header holds the measures; name it with --map 'HEADER=measure'")
    case .headerRowMissing(let n):
      return pick("没有第 \(n) 行", "there is no row \(n)")
    case .badMap(let s):
      return pick(
        "--map 应写作“列名=字段”，字段为 id、group、theme、measure、requirement、lead、support、deadline 或 extra：\(s)",
        "--map takes HEADER=FIELD, FIELD one of id, group, theme, measure, requirement, lead, support, deadline, extra: \(s)"
      )
    case .mapMatchesNothing(let s):
      return pick("表头中没有“\(s)”这一列（--map）", "no column headed \"\(s)\" (--map)")
    case .corruptZip:
      return pick("文件已损坏：无法作为 ZIP 压缩包读取", "the file is damaged: it does not read as a ZIP archive")
    case .encrypted:
      return pick(
        "文件已加密：请在 WPS 或 Office 中取消密码后另存",
        "the file is encrypted: remove the password in WPS or Office and save it again")
    case .missingPart(let part):
      return pick("文件不完整：缺少 \(part)", "the file is incomplete: \(part) is missing")
    case .badXML(let part):
      return pick("文件内容损坏：\(part) 无法解析", "the file is damaged: \(part) does not parse")
    case .noTableInDocument:
      return pick("文档中没有表格", "the document has no table")
    case .emptyWorkbook:
      return pick("工作簿中所有工作表都是空的", "every sheet of the workbook is empty")
    case .noSuchSheet(let name, let available):
      return pick(
        "没有名为“\(name)”的工作表（有：\(list(available))）", "no sheet named \"\(name)\" (there are: \(list(available)))")
    case .emptySheet(let name):
      return pick("工作表“\(name)”是空的", "the sheet \"\(name)\" is empty")
    case .unknownEncoding(let e):
      return pick("不认识的字符编码：\(e)", "unknown character encoding: \(e)")
    case .needsConversion(let ext, let to):
      return pick(
        "读取 .\(ext) 文件需要 LibreOffice（soffice），但未安装；请在 WPS 或 Office 中“另存为” .\(to) 后再导入",
        "reading a .\(ext) file needs LibreOffice (soffice), which is not installed; "
          + "open it in WPS or Office, save it as .\(to), and import that")
    case .conversionFailed(let ext):
      return pick("LibreOffice 未能转换这个 .\(ext) 文件", "LibreOffice could not convert this .\(ext) file")
    case .unknownFormat(let ext):
      return pick(
        "不支持 .\(ext) 文件：可导入 .docx、.xlsx、.html、.csv、.txt（以及安装 LibreOffice 后的 .doc、.xls、.wps、.et、.odt、.ods）",
        "cannot read .\(ext) files: import .docx, .xlsx, .html, .csv or .txt "
          + "(and .doc, .xls, .wps, .et, .odt, .ods where LibreOffice is installed)")
    case .xmlLibraryMissing:
      return pick(
        "读取此文件需要 libxml2（Debian 软件包 libxml2），但未找到",
        "reading this file needs libxml2 (Debian package libxml2), which was not found")
    case .zipLibraryMissing:
      return pick(
        "读取此文件需要 libzip（Debian 软件包 libzip4），但未找到",
        "reading this file needs libzip (Debian package libzip4), which was not found")
    case .tooLarge:
      return pick("文件过大", "the file is too large")
    }
  }

  func error(_ e: ImportError) -> String { located(e.file, e.place) + ": " + problem(e.problem) }

  // MARK: the report

  func readAs(_ source: String, _ f: SourceFormat) -> String {
    pick("读取 \(source)（\(format(f))）", "Read \(source) as \(format(f))")
  }
  func title(_ t: String) -> String { pick("  标题：", "  title: ") + t }
  func note(_ t: String) -> String { pick("  说明：", "  note: ") + t }
  func header(_ p: SourcePlace) -> String { pick("  表头：\(place(p))", "  header: \(place(p))") }
  var columnsHeading: String { pick("  各列：", "  columns:") }
  func column(_ c: ImportColumn) -> String {
    let to =
      c.field == .extra && c.keptAs != nil ? pick("保留为“\(c.keptAs!)”列", "kept as \"\(c.keptAs!)\"") : field(c.field)
    return "    \(c.header.isEmpty ? "—" : c.header) → \(to)"
  }
  func tasks(_ n: Int, groups: Int) -> String {
    pick("  任务：\(n) 项，分 \(groups) 个工作组", "  tasks: \(n) in \(groups) groups")
  }
  func departments(_ names: [String]) -> String {
    pick("  部门（\(names.count)）：", "  departments (\(names.count)): ") + names.joined(separator: "；")
  }
  func extraColumns(_ names: [String]) -> String {
    pick("  保留的其他列：", "  other columns kept: ") + names.joined(separator: ", ")
  }
  func unread(_ n: Int) -> String { pick("  无法识别的期限（\(n)）", "  deadlines not understood (\(n))") }
  func guesses(_ n: Int) -> String { pick("  推断（\(n)）", "  guesses (\(n))") }
  func firstRows(_ n: Int) -> String { pick("  前 \(n) 项将存为：", "  the first \(n) tasks as they will be stored:") }
  var colon: String { pick("：", ": ") }
  func rowLabel(_ f: String) -> String {
    switch f {
    case "group": pick("工作组", "group")
    case "theme": pick("类别", "theme")
    case "measure": pick("措施", "measure")
    case "requirement": pick("要求", "requirement")
    case "lead": pick("牵头", "lead")
    case "support": pick("配合", "support")
    case "deadline": pick("期限", "deadline")
    default: f
    }
  }
  var intoExisting: String { pick("再次导入到已有方案：", "Into the existing store:") }
  func added(_ n: Int) -> String { pick("  新增 \(n) 项", "  added: \(n)") }
  func updated(_ n: Int) -> String { pick("  更新 \(n) 项", "  updated: \(n)") }
  func unchanged(_ n: Int) -> String { pick("  未变 \(n) 项", "  unchanged: \(n)") }
  func vanished(_ n: Int) -> String {
    pick("  表中已没有（保留，未删除）\(n) 项", "  no longer in the table (kept, not deleted): \(n)")
  }
  var dryRun: String { pick("（演练：未写入任何文件）", "(dry run: nothing written)") }
  func created(_ dir: String) -> String { pick("已创建方案：\(dir)", "Created the store \(dir)") }
  func updatedStore(_ dir: String) -> String { pick("已更新方案：\(dir)", "Updated the store \(dir)") }
}
