import Model

/// A Word document (.docx: WordprocessingML in a ZIP package) as a report needs it: a title,
/// headings, paragraphs and tables, on A4 with the margins of a government document, in fonts
/// an office has — 宋体 for the title, headings and tables, 仿宋 for the body, each set as
/// the east-asian font so that Word and WPS use it for the Chinese text. Only the parts Word
/// needs are written, each one whole, so that Word, WPS and LibreOffice open it as it is.
struct WordDocument {
  var title: String
  var author: String
  var created: Day
  var blocks: [Block] = []
  /// Landscape for a document of wide tables.
  var landscape = false

  enum Block {
    case title(String)
    case subtitle(String)
    case heading(String)
    case paragraph(String)
    /// A line in the tables' font (what stands for an empty table).
    case small(String)
    case table(Table)
  }

  struct Table {
    var columns: [ReportColumn]
    var rows: [[String]]
    /// A row's shading (0xRRGGBB), nil for none.
    var shading: [UInt32?]
  }

  /// Fonts: the east-asian one, and the Latin one beside it.
  static let titleFont = "宋体"
  static let bodyFont = "仿宋"
  static let tableFont = "宋体"
  static let latinFont = "Times New Roman"

  /// A4 in twentieths of a point, and GB/T 9704's margins (37, 35, 28, 26 mm).
  static let pageWidth = 11906
  static let pageHeight = 16838
  static let margins = (top: 2098, bottom: 1984, left: 1588, right: 1474)

  var textWidth: Int {
    (landscape ? WordDocument.pageHeight : WordDocument.pageWidth) - WordDocument.margins.left
      - WordDocument.margins.right
  }

  func write(to path: String) throws(ReportProblem) {
    try ZipWriter.write(parts, to: path)
  }

  var parts: [(name: String, bytes: [UInt8])] {
    [
      ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelations),
      ("word/_rels/document.xml.rels", documentRelations), ("word/document.xml", document),
      ("word/styles.xml", styles), ("word/settings.xml", settings), ("word/footer1.xml", footer),
      ("docProps/core.xml", core), ("docProps/app.xml", app),
    ].map { ($0.0, Array($0.1.utf8)) }
  }

  static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  var contentTypes: String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    return WordDocument.head
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"\(wml).document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(wml).styles+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"\(wml).settings+xml\"/>"
      + "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(wml).footer+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
      + "</Types>"
  }

  var packageRelations: String {
    WordDocument.head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(WordDocument.r)/officeDocument\" Target=\"word/document.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      + "<Relationship Id=\"rId3\" Type=\"\(WordDocument.r)/extended-properties\" Target=\"docProps/app.xml\"/>"
      + "</Relationships>"
  }

  var documentRelations: String {
    WordDocument.head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(WordDocument.r)/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"\(WordDocument.r)/settings\" Target=\"settings.xml\"/>"
      + "<Relationship Id=\"rId3\" Type=\"\(WordDocument.r)/footer\" Target=\"footer1.xml\"/>"
      + "</Relationships>"
  }

  var core: String {
    let when = "\(created)T00:00:00Z"
    return WordDocument.head
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
      + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
      + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<dc:title>\(WordDocument.escape(title))</dc:title><dc:creator>\(WordDocument.escape(author))</dc:creator>"
      + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:created>"
      + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:modified>"
      + "</cp:coreProperties>"
  }

  var app: String {
    WordDocument.head
      + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      + "<Application>sanxiang</Application></Properties>"
  }

  var settings: String {
    // Lines snap to the document grid as Chinese documents expect; no compatibility mode.
    WordDocument.head + "<w:settings xmlns:w=\"\(WordDocument.w)\"><w:defaultTabStop w:val=\"420\"/>"
      + "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
      + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
      + "</w:settings>"
  }

  var footer: String {
    // "— 1 —" centred: the page number as government documents print it.
    WordDocument.head + "<w:ftr xmlns:w=\"\(WordDocument.w)\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      + WordDocument.run("— ", font: WordDocument.tableFont, size: 28)
      + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
      + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      + WordDocument.run("1", font: WordDocument.tableFont, size: 28)
      + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + WordDocument.run(" —", font: WordDocument.tableFont, size: 28)
      + "</w:p></w:ftr>"
  }

  /// Run properties naming a font as the east-asian one and the Latin one beside it.
  static func fonts(_ eastAsia: String) -> String {
    "<w:rFonts w:ascii=\"\(latinFont)\" w:hAnsi=\"\(latinFont)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(latinFont)\"/>"
  }

  var styles: String {
    func paragraphStyle(
      _ id: String, _ name: String, font: String, size: Int, bold: Bool = false, center: Bool = false,
      indent: Bool = false, line: Int, before: Int = 0, after: Int = 0, grid: Bool = true, keepNext: Bool = false
    ) -> String {
      "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"" + (id == "Normal" ? " w:default=\"1\"" : "")
        + "><w:name w:val=\"\(name)\"/>" + (id == "Normal" ? "" : "<w:basedOn w:val=\"Normal\"/>")
        + "<w:qFormat/><w:pPr>" + (keepNext ? "<w:keepNext/>" : "") + (grid ? "" : "<w:snapToGrid w:val=\"0\"/>")
        + "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"exact\"/>"
        + (indent
          ? "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
          : "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>")
        + (center ? "<w:jc w:val=\"center\"/>" : "<w:jc w:val=\"both\"/>") + "</w:pPr><w:rPr>"
        + WordDocument.fonts(font) + (bold ? "<w:b/><w:bCs/>" : "")
        + "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
    return WordDocument.head + "<w:styles xmlns:w=\"\(WordDocument.w)\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr>" + WordDocument.fonts(WordDocument.bodyFont)
      + "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
      + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      + paragraphStyle("Normal", "Normal", font: WordDocument.bodyFont, size: 32, indent: true, line: 560)
      + paragraphStyle(
        "Title", "Title", font: WordDocument.titleFont, size: 44, bold: true, center: true, line: 700, after: 200)
      + paragraphStyle(
        "Subtitle", "Subtitle", font: WordDocument.bodyFont, size: 32, center: true, line: 560, after: 300)
      + paragraphStyle(
        "Heading1", "heading 1", font: WordDocument.titleFont, size: 32, bold: true, line: 560, before: 200,
        keepNext: true)
      // Table text keeps its own line height: the body's 28-point grid would double-space it.
      + paragraphStyle("TableText", "Table Text", font: WordDocument.tableFont, size: 21, line: 300, grid: false)
      + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
      + "<w:left w:w=\"100\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/>"
      + "</w:tblCellMar></w:tblPr></w:style>"
      + "</w:styles>"
  }

  var document: String {
    var body = ""
    for b in blocks {
      switch b {
      case .title(let t): body += WordDocument.paragraph(t, style: "Title")
      case .subtitle(let t): body += WordDocument.paragraph(t, style: "Subtitle")
      case .heading(let t): body += WordDocument.paragraph(t, style: "Heading1")
      case .paragraph(let t): body += WordDocument.paragraph(t, style: nil)
      case .small(let t): body += WordDocument.paragraph(t, style: "TableText")
      case .table(let t): body += table(t) + WordDocument.paragraph("", style: "TableText")
      }
    }
    let (w, h) =
      landscape ? (WordDocument.pageHeight, WordDocument.pageWidth) : (WordDocument.pageWidth, WordDocument.pageHeight)
    let m = WordDocument.margins
    let section =
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
      + "<w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"" + (landscape ? " w:orient=\"landscape\"" : "") + "/>"
      + "<w:pgMar w:top=\"\(m.top)\" w:right=\"\(m.right)\" w:bottom=\"\(m.bottom)\" w:left=\"\(m.left)\""
      + " w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>"
    return WordDocument.head + "<w:document xmlns:w=\"\(WordDocument.w)\" xmlns:r=\"\(WordDocument.r)\"><w:body>" + body
      + section + "</w:body></w:document>"
  }

  /// Columns as wide as their weights make them, across the text's width; the header row
  /// bold, shaded and repeated at the top of every page; rows not split across pages.
  func table(_ t: Table) -> String {
    let total = max(1, t.columns.reduce(0) { $0 + $1.weight })
    let widths = t.columns.map { textWidth * $0.weight / total }
    let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
      "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    }.joined()
    var s =
      "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
      + "<w:tblBorders>\(border)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
      + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
      + "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    func cell(_ text: String, width: Int, bold: Bool, align: String, shade: UInt32?) -> String {
      "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        + (shade.map { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(WordDocument.hex($0))\"/>" } ?? "")
        + "<w:vAlign w:val=\"center\"/></w:tcPr>"
        + WordDocument.paragraph(text, style: "TableText", bold: bold, align: align) + "</w:tc>"
    }
    s += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    for (k, c) in t.columns.enumerated() {
      s += cell(c.name, width: widths[k], bold: true, align: "center", shade: 0xD9D9D9)
    }
    s += "</w:tr>"
    for (n, row) in t.rows.enumerated() {
      s += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
      for (k, c) in t.columns.enumerated() {
        let text = k < row.count ? row[k] : ""
        s += cell(text, width: widths[k], bold: false, align: c.numeric ? "right" : "left", shade: t.shading[n])
      }
      s += "</w:tr>"
    }
    return s + "</w:tbl>"
  }

  static func hex(_ c: UInt32) -> String {
    let h = String(c, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 6 - h.count)) + h
  }

  /// A paragraph of one text: line breaks become breaks, tabs tabs.
  static func paragraph(_ text: String, style: String?, bold: Bool = false, align: String? = nil) -> String {
    var p = "<w:p>"
    if style != nil || align != nil {
      p +=
        "<w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")
        + (align.map { "<w:jc w:val=\"\($0)\"/>" } ?? "")
        + "</w:pPr>"
    }
    if !text.isEmpty {
      p += "<w:r>" + (bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "")
      var first = true
      for line in text.officeText.split(separator: "\n", omittingEmptySubsequences: false) {
        if !first { p += "<w:br/>" }
        first = false
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        for (k, part) in parts.enumerated() {
          if k > 0 { p += "<w:tab/>" }
          if !part.isEmpty { p += "<w:t xml:space=\"preserve\">" + escape(String(part)) + "</w:t>" }
        }
      }
      p += "</w:r>"
    }
    return p + "</w:p>"
  }

  /// A run of text in a font and size (half-points), for the footer.
  static func run(_ text: String, font: String, size: Int) -> String {
    "<w:r><w:rPr>" + fonts(font) + "<w:sz w:val=\"\(size)\"/></w:rPr><w:t xml:space=\"preserve\">" + escape(text)
      + "</w:t></w:r>"
  }

  /// XML's five escapes; the text has been through `officeText`, so no control character is left.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.officeText {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n", "\t": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
