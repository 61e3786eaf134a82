import Model

/// RFC 4180 CSV as a spreadsheet writes it: quoted fields may hold commas, quotes and line
/// breaks. Rows of only commas (a spreadsheet's blank rows) stay blank rows.
enum CSVTable {
  static func grid(_ text: String) -> TableGrid {
    let rows = records(text, separator: ",").map { r in
      GridRow(r.fields.map { GridCell($0, place: .line(r.line)) }, place: .line(r.line))
    }
    return TableGrid(rows: rows, format: .csv)
  }

  /// The records of delimited text, each with the line it starts on. A field is quoted only
  /// when it starts with a quote (as spreadsheets write it); a quote elsewhere is text.
  static func records(_ text: String, separator: Unicode.Scalar) -> [(line: Int, fields: [String])] {
    var out: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var line = 1
    var start = 1
    var pendingQuote = false
    var any = false
    for u in text.unicodeScalars {
      any = true
      if quoted {
        if pendingQuote {
          pendingQuote = false
          if u == "\"" {
            field.append("\"")
            continue
          }
          quoted = false
        } else if u == "\"" {
          pendingQuote = true
          continue
        } else {
          if u == "\n" { line += 1 }
          if u != "\r" { field.append(u) }
          continue
        }
      }
      switch u {
      case "\"" where field.isEmpty: quoted = true
      case separator:
        fields.append(String(field))
        field = String.UnicodeScalarView()
      case "\r": break
      case "\n":
        fields.append(String(field))
        field = String.UnicodeScalarView()
        out.append((start, fields))
        fields = []
        line += 1
        start = line
      default: field.append(u)
      }
    }
    if any && (!field.isEmpty || !fields.isEmpty || quoted) {
      fields.append(String(field))
      out.append((start, fields))
    }
    return out
  }
}
