import CFormats
import Model

#if canImport(Glibc)
  import Glibc
#endif

/// An .xlsx workbook written with libxlsxwriter (through Sources/CFormats, loaded at the
/// first one): the one Swift file that calls it. Every text a cell receives goes through
/// `spreadsheetCell`, so no cell of any sheet can start a formula, and no control character
/// reaches the XML. Formats are made once per style and shared, as Excel keeps them.
final class XlsxBook {
  private let book: UnsafeMutableRawPointer
  private var formats: [CellStyle: UnsafeMutableRawPointer] = [:]
  private var closed = false
  let path: String

  /// The longest text a cell holds (Excel's limit); longer texts are cut, with "…".
  static let cellLimit = 32_767

  init(path: String) throws(ReportProblem) {
    guard sx_xlsx_available() != 0 else {
      throw .libraryMissing(library: "libxlsxwriter", package: "libxlsxwriter4")
    }
    guard let b = sx_xlsx_new(path) else { throw .cannotWrite(path, errno: 0) }
    book = b
    self.path = path
  }

  deinit {
    // A book never closed (an error on the way) is still freed; its file is the caller's to remove.
    if !closed { _ = sx_xlsx_close(book) }
  }

  func properties(title: String, subject: String, author: String) {
    _ = sx_xlsx_properties(book, title.officeText, subject.officeText, author.officeText, 0)
  }

  func sheet(_ name: String) -> XlsxSheet {
    XlsxSheet(sx_xlsx_sheet(book, XlsxBook.sheetName(name)), book: self)
  }

  func format(_ s: CellStyle) -> UnsafeMutableRawPointer? {
    if let f = formats[s] { return f }
    guard let f = sx_xlsx_format(book) else { return nil }
    if s.song { sx_xlsx_font(f, "宋体", s.size, s.bold ? 1 : 0, s.color, 134) }
    if let fill = s.fill { sx_xlsx_fill(f, fill) }
    sx_xlsx_layout(f, s.align.rawValue, s.top ? 8 : 10, s.wrap ? 1 : 0, s.border ? 1 : 0)
    if s.date { sx_xlsx_number_format(f, "yyyy-mm-dd") }
    formats[s] = f
    return f
  }

  func close() throws(ReportProblem) {
    closed = true
    let e = sx_xlsx_close(book)
    if e != 0 { throw .writerFailed(path, code: e) }
  }

  /// A sheet's name as Excel takes it: at most 31 characters, none of `[]:*?/\`.
  static func sheetName(_ name: String) -> String {
    let clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    return clean.isEmpty ? "Sheet" : clean
  }

  /// A cell's text: neutralised, and cut to Excel's limit.
  static func cellText(_ s: String) -> String {
    let t = s.spreadsheetCell
    // UTF-16 is never longer than UTF-8: counting it is needed only for a long text.
    guard t.utf8.count > cellLimit, t.utf16.count > cellLimit else { return t }
    var out = ""
    var n = 0
    for ch in t {
      n += ch.utf16.count
      if n > cellLimit - 1 { break }
      out.append(ch)
    }
    return out + "…"
  }
}

/// How a cell looks: plain values only, so that finding a cell's format (once per cell) hashes
/// no string. The font is 宋体, which every office has, with the GB2312 character set so that
/// Excel and WPS on a Chinese Windows take it as it is.
struct CellStyle: Hashable {
  enum Align: Int32 {
    case general = 0
    case left = 1
    case center = 2
    case right = 3
  }

  /// 宋体 at `size`; false: the workbook's default font (the hidden stamp's cells).
  var song = true
  var size: Double = 10.5
  var bold = false
  var color: UInt32 = 0
  var fill: UInt32?
  var align = Align.left
  /// Top-aligned (a long row reads from its top); otherwise centred vertically.
  var top = false
  var wrap = true
  var border = true
  /// Shown as a day (yyyy-mm-dd).
  var date = false
}

/// One sheet of an `XlsxBook`. Rows and columns count from 0, as libxlsxwriter's do.
final class XlsxSheet {
  private let sheet: UnsafeMutableRawPointer?
  private unowned let book: XlsxBook

  init(_ sheet: UnsafeMutableRawPointer?, book: XlsxBook) {
    self.sheet = sheet
    self.book = book
  }

  func text(_ row: Int, _ col: Int, _ s: String, _ style: CellStyle) {
    guard let sheet else { return }
    if s.isEmpty {
      _ = sx_xlsx_blank(sheet, UInt32(row), UInt16(col), book.format(style))
    } else {
      _ = sx_xlsx_string(sheet, UInt32(row), UInt16(col), XlsxBook.cellText(s), book.format(style))
    }
  }

  func number(_ row: Int, _ col: Int, _ v: Double, _ style: CellStyle) {
    guard let sheet else { return }
    _ = sx_xlsx_number(sheet, UInt32(row), UInt16(col), v, book.format(style))
  }

  /// A day as Excel's serial number, shown by the style's date format: a real date, which
  /// the sheet sorts and filters as one and the reader reads back as ISO.
  func day(_ row: Int, _ col: Int, _ d: Day?, _ style: CellStyle) {
    guard let d else { return text(row, col, "", style) }
    var s = style
    s.date = true
    number(row, col, Double(XlsxSheet.serial(d)), s)
  }

  /// Excel's day number: days since 1899-12-30 (its 1900-02-29 that never was included).
  static func serial(_ d: Day) -> Int { Day(year: 1899, month: 12, day: 30)!.days(until: d) }

  func merge(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ s: String, _ style: CellStyle) {
    guard let sheet else { return }
    _ = sx_xlsx_merge(sheet, UInt32(r1), UInt16(c1), UInt32(r2), UInt16(c2), XlsxBook.cellText(s), book.format(style))
  }

  func column(_ c: Int, width: Double, hidden: Bool = false) {
    guard let sheet else { return }
    _ = sx_xlsx_column(sheet, UInt16(c), UInt16(c), width, nil, hidden ? 1 : 0)
  }

  func row(_ r: Int, height: Double) {
    guard let sheet else { return }
    _ = sx_xlsx_row(sheet, UInt32(r), height, nil, 0)
  }

  func choices(rows: ClosedRange<Int>, column c: Int, _ items: [String]) {
    guard let sheet, !items.isEmpty else { return }
    let copies = items.prefix(32).map { strdup($0.officeText) }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { UnsafePointer<CChar>($0) }
    _ = sx_xlsx_choices(
      sheet, UInt32(rows.lowerBound), UInt16(c), UInt32(rows.upperBound), UInt16(c), &pointers, Int32(pointers.count))
  }

  /// Frozen above `row` (the header stays when scrolling), that header printed on every page,
  /// A4 fitted to the page's width (unless `fit` is false: a sheet too wide to read on one
  /// page prints across several), and a page number in the footer.
  func page(landscape: Bool, freezeBelow row: Int?, repeat rows: ClosedRange<Int>?, footer: String, fit: Bool = true) {
    guard let sheet else { return }
    if let row { sx_xlsx_freeze(sheet, UInt32(row), 0) }
    if let rows { _ = sx_xlsx_repeat_rows(sheet, UInt32(rows.lowerBound), UInt32(rows.upperBound)) }
    sx_xlsx_page(sheet, landscape ? 1 : 0, 9, fit ? 1 : 0)
    sx_xlsx_margins(sheet, 0.5, 0.5, 0.6, 0.6)
    _ = sx_xlsx_footer(sheet, "&C" + footer)
  }

  func hide() { if let sheet { sx_xlsx_hide(sheet) } }
  func activate() { if let sheet { sx_xlsx_activate(sheet) } }
}
