import Foundation
import TestSupport
import Testing

/// The layering rules docs/ARCHITECTURE.md states, read off the source tree: what a reviewer
/// checks by reading, checked on every run so that a change cannot break one quietly.
@Suite("The layers hold in the code")
struct LayeringTests {
  /// A Swift file of Sources/, by its path under Sources/ ("Model/Domain/Plan.swift").
  struct Source {
    let path: String
    let text: String
    /// The text without comments and string literals: what the compiler reads as names.
    let code: String

    func isIn(_ folder: String) -> Bool { path.hasPrefix(folder + "/") }
  }

  static let sources: [Source] = {
    let root = Fixtures.root.appendingPathComponent("Sources")
    let walker = FileManager.default.enumerator(atPath: root.path)!
    var out: [Source] = []
    for case let path as String in walker where path.hasSuffix(".swift") {
      let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
      out.append(Source(path: path, text: text, code: LayeringTests.code(text)))
    }
    return out.sorted { $0.path < $1.path }
  }()

  /// Comments, string literals (single-line and multi-line) and regex literals blanked out.
  static func code(_ text: String) -> String {
    var t = text
    t.replace(#/"""[\s\S]*?"""/#, with: "\"\"")
    t.replace(#/\/\*[\s\S]*?\*\//#, with: " ")
    return t.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var l = String(line)
      l.replace(#/"(?:[^"\\]|\\.)*"/#, with: "\"\"")
      if let c = l.firstRange(of: "//") { l = String(l[..<c.lowerBound]) }
      return l
    }.joined(separator: "\n")
  }

  static func files(in folder: String) -> [Source] { sources.filter { $0.isIn(folder) } }

  /// The types (and file-level functions) a folder's files declare.
  static func declared(in folder: String) -> Set<String> {
    var names = Set<String>()
    let declaration =
      #/(?m)^(?:public |internal |private |fileprivate |final |indirect )*(?:struct|enum|class|protocol|typealias|actor|func) +([A-Za-z_]\w*)/#
    for f in files(in: folder) { for m in f.code.matches(of: declaration) { names.insert(String(m.1)) } }
    return names
  }

  /// Where in `files` any of `names` is used as a name: "file: name" for each.
  static func uses(of names: Set<String>, in files: [Source]) -> [String] {
    var found: [String] = []
    for f in files {
      for m in f.code.matches(of: #/[A-Za-z_]\w*/#) where names.contains(String(m.0)) {
        found.append("\(f.path): \(m.0)")
      }
    }
    return Array(Set(found)).sorted()
  }

  /// Lines of `files` matching `pattern`, as "file:line: text".
  static func lines(_ pattern: some RegexComponent, in files: [Source]) -> [String] {
    var found: [String] = []
    for f in files {
      for (k, line) in f.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where line.contains(pattern) {
        found.append("\(f.path):\(k + 1): \(line.trimmingCharacters(in: .whitespaces))")
      }
    }
    return found
  }

  /// The Core types Domain builds on; the rest of Core (the byte table, the readings behind a
  /// lazy cell) is Core's own.
  static let coreForDomain: Set<String> = [
    "CellText", "LazyCell", "SharedArray", "StringIndex", "DistinctStrings", "UrgencyOrder",
  ]

  @Test("the folders found are the ones the rules name")
  func foldersExist() {
    for folder in ["Model/Core", "Model/Domain", "Model/Store", "Model/Store/Fast", "CLI", "TUI"] {
      #expect(!LayeringTests.files(in: folder).isEmpty, "\(folder)")
    }
    // The reader sees through comments and strings: a name there is not a use.
    #expect(LayeringTests.code("let a = \"Store\" // Store\n/* Store */ b") == "let a = \"\" \n  b")
  }

  @Test("Domain names nothing of the store's (nor of the layers above), and of Core only the containers it stands on")
  func domainStandsOnCore() {
    let domain = LayeringTests.files(in: "Model/Domain")
    let store = LayeringTests.declared(in: "Model/Store")
    #expect(store.isSuperset(of: ["Store", "FileIO", "TaskTable", "CSVDocument", "Native", "Spawn"]))
    #expect(LayeringTests.uses(of: store, in: domain) == [])
    var above = Set<String>()
    for folder in ["Model/Text", "Model/Import", "Model/Rollup"] { above.formUnion(LayeringTests.declared(in: folder)) }
    #expect(LayeringTests.uses(of: above, in: domain) == [])
    let coreOwn = LayeringTests.declared(in: "Model/Core").subtracting(LayeringTests.coreForDomain)
    #expect(coreOwn.isSuperset(of: ["ByteTable", "ByteCache", "CellReadings"]))
    #expect(LayeringTests.uses(of: coreOwn, in: domain) == [])
  }

  @Test("Core knows nothing above it: no domain, store, text, import or roll-up name")
  func coreStandsAlone() {
    let core = LayeringTests.files(in: "Model/Core")
    var above = Set<String>()
    for folder in ["Model/Domain", "Model/Store", "Model/Text", "Model/Import", "Model/Rollup"] {
      above.formUnion(LayeringTests.declared(in: folder))
    }
    #expect(LayeringTests.uses(of: above, in: core) == [])
  }

  @Test("pointers, locks, atomics and unchecked sendability in Model only in Core/ and Store/Fast/")
  func fencedUnsafeCode() {
    let fenced = LayeringTests.files(in: "Model").filter { !$0.isIn("Model/Core") && !$0.isIn("Model/Store/Fast") }
    #expect(fenced.count > 30)
    let unsafe =
      #/[Uu]nsafe|withUTF8|withContiguous|baseAddress|\.pointee|\bMutex\b|\bAtomic\b|@unchecked|import Synchronization/#
    #expect(LayeringTests.lines(unsafe, in: fenced) == [])
  }

  @Test("the command line keeps no global state: no nonisolated(unsafe)")
  func noGlobalsInCLI() {
    #expect(LayeringTests.lines(#/nonisolated\(unsafe\)/#, in: LayeringTests.files(in: "CLI")) == [])
    #expect(LayeringTests.lines(#/nonisolated\(unsafe\)/#, in: LayeringTests.files(in: "Model")) == [])
  }

  @Test("Model imports no front end; one file calls ncurses; one calls the store's C")
  func imports() {
    let model = LayeringTests.files(in: "Model")
    #expect(LayeringTests.lines(#/^import (TUI|CLI|ArgumentParser|CNCurses|Readers)\b/#, in: model) == [])
    let curses = LayeringTests.sources.filter { $0.code.contains(#/(?m)^import CNCurses/#) }.map(\.path)
    #expect(curses == ["sanxiang/Terminal.swift"])
    let c = LayeringTests.sources.filter { $0.code.contains(#/(?m)^import CStore/#) }.map(\.path)
    #expect(c == ["Model/Store/Fast/Native.swift"])
  }

  @Test("other programs are started in one place: posix_spawn only in Spawn.swift")
  func oneSpawn() {
    let others = LayeringTests.sources.filter { $0.path != "Model/Store/Fast/Spawn.swift" }
    let found = LayeringTests.lines(#/posix_spawn/#, in: others)
    #expect(found == [])
  }

  @Test("docs/ARCHITECTURE.md names every file that holds a lock, an atomic or an @unchecked Sendable")
  func documentedCounts() throws {
    let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
    // Each place is one declaration: a stored lock or atomic, a type declared unchecked.
    for (label, pattern) in [
      ("Locks", #/let \w+(?:: Mutex<| = Mutex[<(])/#), ("Atomics", #/let \w+(?:: Atomic<| = Atomic[<(])/#),
      ("`@unchecked Sendable`", #/@unchecked Sendable/#),
    ] as [(String, Regex<Substring>)] {
      let inCode = LayeringTests.sources.filter { $0.code.contains(pattern) }.map {
        ($0.path as NSString).lastPathComponent
      }
      // The list item, with the lines it wraps onto.
      let lines = doc.split(separator: "\n", omittingEmptySubsequences: false)
      let first = try #require(lines.firstIndex { $0.hasPrefix("- \(label)") }, "\(label)")
      let line = lines[first...].prefix { $0 == lines[first] || $0.hasPrefix("  ") }.joined(separator: " ")
      let named = line.matches(of: #/`(\w+\.swift)`/#).map { String($0.1) }
      #expect(Set(named) == Set(inCode), "\(label): \(line)")
      // The count the line gives, "(5)", is the number of places in the code.
      let count = LayeringTests.sources.map { $0.code.matches(of: pattern).count }.reduce(0, +)
      let said = line.firstMatch(of: #/\((\d+)\)/#).flatMap { Int($0.1) }
      #expect(said == count, "\(label): \(count) in the code")
    }
  }
}
