/// What a reader of one language would trip over in a text meant for them: English words in a
/// Chinese text, Chinese characters (or full-width punctuation) in an English one.
public enum Language {
  /// Words a user types or reads on the keyboard in any language: the program's and its
  /// subcommands' names, option values, key names, setting keys and technical names.
  public static let typed: Set<String> = [
    "sanxiang", "tui", "standup", "list", "show", "done", "reopen", "start", "block", "note", "trigger", "undo",
    "staffing", "log", "check", "import", "help", "set", "init", "add", "edit", "retire", "group", "department",
    "rollup", "rename", "move", "git", "git_commit", "off", "lead", "support", "open", "in_progress", "blocked", "text",
    "json", "markdown", "csv", "Enter", "Esc", "Space", "PgUp", "PgDn", "Home", "End", "Tab", "Bksp", "Del", "UTF",
    "TERM", "XDG", "YYYY", "Word", "xterm", "reviewer_percent", "holiday", "workday", "seq", "report", "collect",
    "xlsx", "docx", "Excel",
  ]

  /// English words (three letters or more) left once file names, paths, flags, placeholders,
  /// environment variables (`SANXIANG_STORE`), quoted input and names with digits (`xterm-256color`, `UTF-8`) are
  /// taken out, and the `typed` words.
  public static func englishWords(in text: String, allowing more: Set<String> = []) -> [String] {
    var t = text
    for pattern in [
      #/“[^”]*”/#, #/"[^"\n]*"/#, #/'[^'\n]*'/#, #/<[^>\n]*>/#, #/[\w.-]+\.(?:csv|jsonl|ini|txt|lock|torn)\b/#,
      #/\S*\/\S*/#, #/--?[A-Za-z][\w-]*/#, #/\$[A-Z_]+/#, #/[A-Z]+_[A-Z_]+/#, #/[\w-]*\d[\w-]*/#,
    ] {
      t.replace(pattern, with: " ")
    }
    return t.matches(of: #/[A-Za-z][A-Za-z_]{2,}/#).map { String($0.0) }.filter {
      !typed.contains($0) && !more.contains($0)
    }
  }

  /// Chinese characters and full-width punctuation: what an English text must not show.
  public static func chinese(in text: String) -> [Character] {
    text.filter { c in
      c.unicodeScalars.contains { u in
        (0x3000...0x303F).contains(u.value) || (0x3400...0x9FFF).contains(u.value)
          || (0xFF00...0xFFEF).contains(u.value) || u.value == 0x201C || u.value == 0x201D
      }
    }
  }

  /// `text` with each of `names` (the plan's own data, the user's input) taken out.
  public static func without(_ names: [String], in text: String) -> String {
    names.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(text) { $0.replacing($1, with: " ") }
  }
}
