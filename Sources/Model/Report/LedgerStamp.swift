/// What a ledger remembers of the plan it was made from, in a hidden sheet, so that the
/// filled-in copy can be read back (`collect`): whose plan, on which day, after which journal
/// entry, the columns as written, and for every row the task's id, its status, completion
/// date and note then, and the text each filled-in cell was written with. A cell whose text
/// is still the one written was left alone; one that differs was filled in; a field whose
/// value in the plan is no longer the one then was changed in the plan since.
public struct LedgerStamp: Sendable, Equatable {
  /// The first cell of the hidden sheet.
  public static let marker = "sanxiang-ledger"
  public static let version = 1
  /// The hidden sheet's name, the same in every language: `collect` looks for it.
  public static let sheetName = "sanxiang"
  /// The ledger's header row (1-based): under the title and the subtitle.
  public static let headerRow = 3

  public var agency: String
  public var title: String
  public var made: Day
  /// The plan's last journal entry when the ledger was made (0: none).
  public var journalSeq: Int
  public var department: String?
  public var group: String?
  /// The ledger sheet's name.
  public var sheet: String
  public var headerRow: Int
  /// The header as written, the hidden key column's name last.
  public var columns: [String]
  public var rows: [Row]

  /// A filled-in cell's text as written, as the project's .xlsx reader reads it back.
  public struct Written: Sendable, Equatable {
    public var status: String
    /// ISO, as the reader gives a date cell; empty when none.
    public var completedOn: String
    public var note: String

    public init(status: String, completedOn: String, note: String) {
      (self.status, self.completedOn, self.note) = (status, completedOn, note)
    }
  }

  public struct Row: Sendable, Equatable {
    public var id: String
    public var status: TaskStatus
    public var completedOn: Day?
    public var note: String
    public var written: Written

    public init(id: String, status: TaskStatus, completedOn: Day?, note: String, written: Written) {
      (self.id, self.status, self.completedOn, self.note, self.written) = (id, status, completedOn, note, written)
    }
  }

  public init(
    agency: String, title: String, made: Day, journalSeq: Int, department: String?, group: String?, sheet: String,
    headerRow: Int, columns: [String], rows: [Row]
  ) {
    self.agency = agency
    self.title = title
    self.made = made
    self.journalSeq = journalSeq
    self.department = department
    self.group = group
    self.sheet = sheet
    self.headerRow = headerRow
    self.columns = columns
    self.rows = rows
  }

  /// The hidden sheet's cells. Every text is a JSON string (`"…"`): nothing a spreadsheet
  /// reads as a formula, every character kept. The checksum after the marker covers the rest,
  /// so a stamp edited by hand is told from one as written.
  public var cells: [[String]] {
    let body = bodyCells
    return [[LedgerStamp.marker, String(LedgerStamp.version), LedgerStamp.checksum(body)]] + body
  }

  private var bodyCells: [[String]] {
    func q(_ s: String) -> String { JSON.string(s).rendered() }
    var out: [[String]] = [
      ["agency", q(agency)], ["title", q(title)], ["made", made.description], ["journal_seq", String(journalSeq)],
      ["department", department.map(q) ?? ""], ["group", group.map(q) ?? ""], ["sheet", q(sheet)],
      ["header_row", String(headerRow)], ["columns"] + columns.map(q),
      ["id", "status", "completed_on", "note", "written_status", "written_completed_on", "written_note"],
    ]
    for r in rows {
      out.append([
        q(r.id), r.status.rawValue, r.completedOn?.description ?? "", q(r.note), q(r.written.status),
        r.written.completedOn, q(r.written.note),
      ])
    }
    return out
  }

  /// FNV-1a over every cell, each ended by a unit separator and each row by a record one.
  static func checksum(_ rows: [[String]]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for row in rows {
      // Trailing empty cells are not written, so they do not count.
      var cells = row
      while cells.last == "" { cells.removeLast() }
      for c in cells {
        for b in c.utf8 {
          h ^= UInt64(b)
          h = h &* 0x100_0000_01b3
        }
        h = (h ^ 0x1F) &* 0x100_0000_01b3
      }
      h = (h ^ 0x1E) &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return "h" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Reads the hidden sheet's cells back (rows as the reader lays them out, blanks as "").
  /// nil when they are not a stamp at all; `.stampEdited` when they were changed.
  public init?(cells: [[String]]) throws(CollectProblem) {
    guard let first = cells.first, first.first == LedgerStamp.marker else { return nil }
    guard first.count >= 3, let version = Int(first[1]) else { throw .stampEdited }
    guard version <= LedgerStamp.version else { throw .newerLedger(version: version) }
    let body = Array(cells.dropFirst())
    guard LedgerStamp.checksum(body) == first[2] else { throw .stampEdited }
    func text(_ s: String) throws(CollectProblem) -> String {
      guard case .string(let v)? = try? JSON.parse(Array(s.utf8)) else { throw .stampEdited }
      return v
    }
    func value(_ key: String) throws(CollectProblem) -> [String] {
      guard let row = body.first(where: { $0.first == key }) else { throw .stampEdited }
      return Array(row.dropFirst())
    }
    func one(_ key: String) throws(CollectProblem) -> String { try value(key).first ?? "" }
    func optional(_ key: String) throws(CollectProblem) -> String? {
      let v = try one(key)
      return v.isEmpty ? nil : try text(v)
    }
    guard let made = Day(iso: try one("made")), let seq = Int(try one("journal_seq")),
      let header = Int(try one("header_row"))
    else { throw .stampEdited }
    var columns: [String] = []
    for c in try value("columns") where !c.isEmpty { columns.append(try text(c)) }
    guard let start = body.firstIndex(where: { $0.first == "id" }) else { throw .stampEdited }
    var rows: [Row] = []
    for r in body[(start + 1)...] {
      let c = r + Array(repeating: "", count: max(0, 7 - r.count))
      guard let status = TaskStatus(rawValue: c[1]) else { throw .stampEdited }
      let completed = c[2].isEmpty ? nil : Day(iso: c[2])
      if !c[2].isEmpty && completed == nil { throw .stampEdited }
      rows.append(
        Row(
          id: try text(c[0]), status: status, completedOn: completed, note: try text(c[3]),
          written: Written(status: try text(c[4]), completedOn: c[5], note: try text(c[6]))))
    }
    self.init(
      agency: try text(try one("agency")), title: try text(try one("title")), made: made, journalSeq: seq,
      department: try optional("department"), group: try optional("group"), sheet: try text(try one("sheet")),
      headerRow: header, columns: columns, rows: rows)
  }
}
