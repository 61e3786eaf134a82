import Foundation
import TestSupport
import Testing

@testable import Model

private func day(_ s: String) -> Day { Day(iso: s)! }

/// The standard library's answer: where the first ill-formed sequence or NUL starts.
private func utf8Fault(_ b: [UInt8]) -> (offset: Int, isNUL: Bool)? {
  var parser = Unicode.UTF8.ForwardParser()
  var input = b.makeIterator()
  var offset = 0
  while true {
    switch parser.parseScalar(from: &input) {
    case .valid(let s):
      if s.count == 1 && s.first == 0 { return (offset, true) }
      offset += s.count
    case .emptyInput: return nil
    case .error: return (offset, false)
    }
  }
}

/// The reader, the queries and the search take byte-level shortcuts for speed; each must
/// give exactly what the general code gives.
@Suite("Fast paths agree with the general code")
struct FastPathTests {
  @Test("department cells: the byte-level reading equals the Character-level one")
  func departmentCells() {
    let cells = [
      "", "法制科", "法制科、征收管理科", " 法制科 ，征收管理科；稽查局 ", "法制科,法制科、法制科", "其他相关部门",
      "法制科、其他相关部门、有关部门", "\u{3000}法制科\u{3000}、\u{3000}", "第1税务所／第2税务所/第3税务所",
      "法制科\n征收管理科\r纳税服务科", "法制科\r\n征收管理科", "Legal, Tax ; Audit", "、、，,", "ＡＢＣ科、ａｂｃ科",
      "法制科\u{301}、稽查局", "e\u{301}科、é科", "法制科\u{302A}、稽查局", "ｶﾞ科、ガ科", "\u{F900}科、豈科",
      "市、县两级行政执法机关", "各县（市、区）政府，市、县两级行政执法机关", "各县(市)区政府,市司法局", "【市、县】两级机关、稽查局",
      "市、 县两级机关", "市 、县两级机关", "市、", "、市", "A、B、CD", "市、县、乡三级", "（未闭合、括号", "）、多余、括号",
    ]
    for c in cells {
      let general = Departments.general(c)
      #expect(Departments(cell: c) == general, "\(c.debugDescription)")
      if let fast = Departments.simpleCell(c) { #expect(fast == general, "\(c.debugDescription)") }
    }
    // And cells put together at random from the pieces that make splitting hard.
    let pieces = ["市", "县", "法制科", "、", "、", "，", ",", "；", "（", "）", "(", ")", "【", "】", " ", "\u{3000}", "A", "\n"]
    var rng = SystemRandomNumberGenerator()
    var taken = 0
    for _ in 0..<20000 {
      let c = (0..<Int.random(in: 1...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let general = Departments.general(c)
      if let fast = Departments.simpleCell(c) {
        taken += 1
        #expect(fast == general, "\(c.debugDescription)")
      }
    }
    #expect(taken > 4000)
    // The shortcut really is taken for plain cells (else this test would prove little).
    #expect(Departments.simpleCell("法制科、征收管理科") != nil)
    #expect(Departments.simpleCell("法制科\r\n征收管理科") == nil)
  }

  @Test("dated deadlines read from bytes equal the grammar's reading")
  func plainDates() throws {
    var phrases: [String] = []
    for y in ["2019", "2020", "0999", "20190", "19", "1899", "1900", "2200", "2201", "2219", "9999"] {
      for m in ["0", "1", "02", "2", "9", "12", "13", "012", ""] {
        phrases.append("\(y)年\(m)月底前")
        for d in ["0", "1", "05", "28", "29", "30", "31", "32", "015", ""] { phrases.append("\(y)年\(m)月\(d)日前") }
      }
    }
    phrases += [
      "2019年8月底前完成", " 2019年8月底前", "2019年8月底前 ", "2019年8月31日", "２０１９年８月底前", "2019年8月底以前",
      "2019年底前", "2019年8月底前完成，并持续开展", "2019年8月31日前、9月30日前", "2019-08-31", "2019年8月底", "2019年8月15日以前",
    ]
    // And every deadline cell of the seeds, as the tables have them.
    for seed in ["000", "004"] {
      let text = try String(contentsOf: Fixtures.seed(seed), encoding: .utf8)
      phrases += text.split(separator: "\n").flatMap { $0.split(separator: "\t") }.map(String.init).filter {
        $0.contains("前") && $0.count < 40
      }
    }
    var fast = 0
    for p in phrases {
      #expect(DeadlineGrammar.parse(p) == DeadlineGrammar.general(p), "\(p)")
      if DeadlineGrammar.plainDate(p) != nil { fast += 1 }
    }
    #expect(fast > 60)
  }

  @Test("the radix sort of urgency keys equals the standard sort")
  func radixSort() {
    var rng = SplitMix64(state: 11)
    for n in [0, 1, 4096, 4097, 20_000] {
      // Keys shaped as the agenda packs them (few buckets, clustered days), and raw ones.
      let packed = (0..<n).map { i in
        UInt64(rng.below(6)) << 61 | UInt64(700_000 + rng.below(900)) << 39 | UInt64(rng.below(1 << 20)) << 19
          | UInt64(i)
      }
      let raw = (0..<n).map { _ in rng.next() }
      for keys in [packed, raw] {
        var sorted = keys
        Agenda.radixSort(&sorted)
        #expect(sorted == keys.sorted(), "\(n)")
      }
    }
  }

  @Test("department table equals the per-department queries")
  func departmentTable() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    for today in [day("2019-09-20"), day("2019-12-31")] {
      let a = Agenda(plan: store.plan, today: today)
      let table = a.departmentTable()
      #expect(table.summaries == a.departmentSummaries)
      for name in store.plan.departments + ["没有这个部门"] {
        let want = a.tasks(ofDepartment: name)
        let got = table.tasks(of: name)
        #expect(got.map(\.index) == want.map(\.index), "\(name)")
        #expect(got.map(\.role) == want.map(\.role), "\(name)")
      }
    }
  }

  @Test("the packed urgency sort equals the general sort, ties and all")
  func urgencyOrder() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    var tasks = store.plan.tasks
    // Ids that tie as numbers ("7" and "007") are ordered by position, as the general sort does.
    for k in tasks.indices where k % 5 == 0 { tasks[k].id = "00" + tasks[k].id }
    let plan = Plan(settings: store.plan.settings, tasks: tasks)
    let a = Agenda(plan: plan, today: day("2019-09-20"))
    let buckets = plan.tasks.indices.map { Agenda.bucket(.init(plan.tasks[$0]), due: a.due[$0], today: a.today) }
    let days = a.due.map { $0?.ordinal ?? Int.max }
    let packed = try #require(Agenda.packedOrder(plan, buckets, days))
    #expect(packed == Agenda.sortedOrder(plan, buckets, days))
    #expect(a.urgency == packed)
    // Letters in an id take the general sort.
    tasks[3].id = "3a"
    let mixed = Plan(settings: store.plan.settings, tasks: tasks)
    #expect(Agenda.packedOrder(mixed, buckets, days) == nil)
  }

  @Test("search by bytes agrees with String.contains on every field")
  func search() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    var tasks = store.plan.tasks
    tasks[0].note = "Café CRLF\r\nMixed Ｃａｓｅ"
    tasks[1].note = "e\u{301}"
    let text = SearchText(tasks)
    for q in ["制度", "法制科", "2019年", "café", "ｃａｓｅ", "crlf", "é", "e", "\n", "審", "9月底前"] {
      let lower = q.lowercased()
      for i in tasks.indices {
        let want = SearchText.fieldsContain(tasks[i], lower)
        if let b = SearchText.plainQuery(lower), let got = text.matches(i, b) {
          #expect(got == want, "\(q.debugDescription) in task \(tasks[i].id)")
        }
      }
    }
    #expect(SearchText.plainQuery("制度") != nil)
    #expect(text.matches(5, Array("制度".utf8)) != nil)
  }

  @Test("search text updated task by task equals search text made afresh")
  func searchUpdate() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    var text = SearchText(store.plan.tasks)
    var tasks = store.plan.tasks
    tasks[2].note = "新的备注 ABC"
    tasks[4].measure = "Café"
    text.update(2, tasks[2])
    text.update(4, tasks[4])
    let fresh = SearchText(tasks)
    for q in ["备注", "abc", "café", "制度", "法制科"] {
      for i in tasks.indices {
        #expect(text.matches(i, Array(q.utf8)) == fresh.matches(i, Array(q.utf8)), "\(q) \(i)")
      }
    }
  }

  @Test("agenda updated for a few changed tasks equals the agenda made afresh")
  func agendaUpdate() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let today = day("2019-09-20")
    let a = Agenda(plan: store.plan, today: today)
    var plan = store.plan
    for id in ["2", "27", "31"] { try plan.apply(plan.markDone(id, on: today)!) }
    try plan.apply(plan.setStatus("1", .open)!)
    let changed = ["2", "27", "31", "1"].map { plan.index(of: $0)! }
    let updated = a.updating(plan: plan, changed: changed)
    let fresh = Agenda(plan: plan, today: today)
    #expect(updated.urgency == fresh.urgency)
    #expect(updated.due == fresh.due)
    #expect(updated.overdue == fresh.overdue)
    let table = a.departmentTable().updating(from: a, to: updated, changed: changed)
    #expect(table.summaries == fresh.departmentSummaries)
    for d in plan.departments { #expect(table.tasks(of: d).map(\.index) == fresh.tasks(ofDepartment: d).map(\.index)) }
  }

  @Test("an agenda updated in place save after save keeps the order and every task's place")
  func agendaUpdatedInPlace() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let today = day("2019-09-20")
    var plan = store.plan
    var agenda = Agenda(plan: plan, today: today)
    var rng = SplitMix64(state: 11)
    let statuses: [TaskStatus] = [.open, .inProgress, .blocked]
    for _ in 0..<200 {
      var changed: [Int] = []
      for _ in 0...rng.below(4) {
        let i = rng.below(plan.tasks.count)
        guard !changed.contains(i) else { continue }
        let id = plan.tasks[i].id
        let change =
          rng.chance(40)
          ? plan.markDone(id, on: today.adding(days: rng.below(60) - 30)) : plan.setStatus(id, rng.pick(statuses))
        guard let change else { continue }
        try plan.apply(change)
        changed.append(i)
      }
      agenda.update(plan: plan, changed: changed)
      let fresh = Agenda(plan: plan, today: today)
      #expect(agenda.urgency == fresh.urgency)
      #expect(agenda.urgency.indices.allSatisfy { agenda.position(of: agenda.urgency[$0]) == $0 })
      #expect(agenda.overdue == fresh.overdue)
    }
  }

  @Test("list and standup JSON written task by task are the documented shapes, byte for byte")
  func streamedJSON() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    let a = Agenda(plan: store.plan, today: day("2019-09-20"))
    var out: [UInt8] = []
    Shapes.writeList(a, a.urgency, into: &out)
    #expect(out == Array(Shapes.list(a, a.urgency).rendered(pretty: true).utf8))
    out = []
    Shapes.writeList(a, [], into: &out)
    #expect(out == Array(Shapes.list(a, []).rendered(pretty: true).utf8))
    out = []
    Shapes.writeStandup(a, dueWithin: 30, into: &out)
    #expect(out == Array(Shapes.standup(a, dueWithin: 30).rendered(pretty: true).utf8))
    // Sent on in pieces as it is written (as the command line does), the same bytes.
    var sent: [UInt8] = []
    out = []
    Shapes.writeList(a, a.urgency, into: &out) { piece in
      sent += piece
      piece.removeAll()
    }
    #expect(sent + out == Array(Shapes.list(a, a.urgency).rendered(pretty: true).utf8))
    #expect(out.count < 1000)
  }

  @Test("the UTF-8 check finds the first bad byte (or NUL) where the standard library's decoder does")
  func utf8Check() {
    let pieces: [[UInt8]] = [
      Array("法制科，稽查局。".utf8), Array("abc,def\n".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{800}\u{FFFF}".utf8),
      Array("\u{D7FF}\u{E000}".utf8), [0xE0, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
      [0xE4, 0xB8], [0xE4], [0xB8], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x00], [0xEF, 0xBB, 0xBF],
    ]
    var rng = SplitMix64(state: 2019)
    for _ in 0..<20000 {
      var b: [UInt8] = []
      for _ in 0..<rng.below(12) {
        // Mostly long valid runs (which take the fast paths), now and then a hard piece.
        b += rng.below(4) == 0 ? pieces[rng.below(pieces.count)] : pieces[rng.below(2)]
      }
      let got = firstInvalidUTF8(b)
      let want = utf8Fault(b)
      #expect(got?.offset == want?.offset && got?.isNUL == want?.isNUL, "\(b)")
    }
  }

  @Test("the vector UTF-8 check agrees with the standard library on every 4-byte pattern, wherever it falls in a block")
  func vectorUTF8Check() {
    // One byte of each class the check tells apart (ASCII, NUL, each continuation range,
    // each lead, the bytes never allowed), every four-byte arrangement of them.
    let kinds: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF,
    ]
    // Padding of whole characters around the pattern, so that the whole is valid when the
    // pattern is; the pattern is put at offsets around the 32-byte blocks' edges.
    let ascii = [UInt8](repeating: 0x61, count: 70)
    let cjk = Array(String(repeating: "法", count: 23).utf8)
    // Each padding with a four-byte hole at each offset; the pattern is written into the hole.
    var holes: [(at: Int, bytes: [UInt8])] = []
    for (pad, offsets) in [(ascii, [0, 28, 29, 30, 31]), (cjk, [30])] {
      for at in offsets { holes.append((at, Array(pad[..<at]) + [0, 0, 0, 0] + Array(pad[at...]))) }
    }
    func clean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let clean = Native.utf8Clean(b, 0, b.count) else {
        Issue.record("no vector check on this processor")
        return false
      }
      return clean
    }
    var faults = 0
    for a in kinds {
      for b in kinds {
        for c in kinds {
          for d in kinds {
            let valid = utf8Fault([a, b, c, d]) == nil
            for k in holes.indices {
              let at = holes[k].at
              holes[k].bytes.withUnsafeMutableBufferPointer { h in
                (h[at], h[at + 1], h[at + 2], h[at + 3]) = (a, b, c, d)
                // The whole text, and the text cut just after the pattern (a sequence left
                // open at the very end).
                for count in [h.count, at + 4] where clean(UnsafeBufferPointer(rebasing: h[..<count])) != valid {
                  faults += 1
                  if faults < 20 { Issue.record("\([a, b, c, d]) at \(at) of \(count) bytes: not \(valid)") }
                }
              }
            }
          }
        }
      }
    }
    #expect(faults == 0)
    // Long random texts with now and then one bad byte, against the standard library.
    var rng = SplitMix64(state: 35)
    let good = Array("法制科征收管理科，稽查局。abc,def\n é😀\u{800}\u{FFFF}\u{D7FF}\u{E000}".utf8)
    for _ in 0..<3000 {
      var bytes = (0..<(32 + rng.below(300))).map { _ in good[rng.below(good.count)] }
      bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
      if rng.below(2) == 0 { bytes[rng.below(bytes.count)] = kinds[rng.below(kinds.count)] }
      #expect(bytes.withUnsafeBufferPointer(clean) == (utf8Fault(bytes) == nil), "\(bytes)")
    }
  }

  @Test("the writer, which sends each MiB to the disk early, writes a large file in pieces of any size whole")
  func largeWrite() throws {
    var rng = SplitMix64(state: 8)
    let bytes = (0..<(13 << 20) + 777).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let dir = Fixtures.scratch("write").path
    var at = 0
    try FileIO.replaceKeepingOld(dir, "big") { (w) throws(StoreError) in
      try bytes.withUnsafeBufferPointer { (b) throws(StoreError) in
        for size in [10, 70_000, 5 << 20, 1, 65_536, 9 << 20] where at < b.count {
          let end = min(b.count, at + size)
          try w.write(UnsafeBufferPointer(rebasing: b[at..<end]))
          at = end
        }
        if at < b.count { try w.write(UnsafeBufferPointer(rebasing: b[at...])) }
      }
    }.discard()
    #expect(try FileIO.read(dir + "/big") == bytes)
  }

  @Test("line counts (32 bytes at a time) agree with a byte-by-byte count, over any range")
  func lineCounts() {
    var rng = SplitMix64(state: 10)
    let bytes = (0..<300).map { _ in [0x0A, 0x0D, 0x61, 0xE6, 0x8A][rng.below(5)] as UInt8 }
    for start in 0..<70 {
      for end in stride(from: start, through: bytes.count, by: 7) {
        let want = 1 + bytes[start..<end].filter { $0 == 0x0A }.count
        #expect(CSVDocument.lineCount(bytes, in: start..<end) == want, "\(start)..<\(end)")
      }
    }
  }

  @Test("the task index finds what a String dictionary finds, plain numbers or not")
  func taskIndex() {
    let pieces = ["1", "0", "00", "01", "9", "10", "12a", "K", "\u{212A}", "é", "e\u{301}", "١", "１", " 1", "-"]
    var rng = SplitMix64(state: 128)
    for round in 0..<200 {
      var index = TaskIndex()
      var reference: [String: Int] = [:]
      if round % 2 == 0 { index.reserveCapacity(rng.below(100)) }
      for step in 0..<(rng.below(400)) {
        let id: String
        switch rng.below(4) {
        case 0: id = String(rng.below(1000))
        case 1: id = String(repeating: "9", count: 17 + rng.below(3)) + String(rng.below(10))
        default: id = (0..<(1 + rng.below(3))).map { _ in pieces[rng.below(pieces.count)] }.joined()
        }
        #expect(index.updateValue(step, forKey: id) == reference.updateValue(step, forKey: id), "\(id)")
        let probe = String(rng.below(1000))
        #expect(index[probe] == reference[probe], "\(probe)")
      }
      for id in reference.keys { #expect(index[id] == reference[id], "\(id)") }
    }
  }

  @Test("JSON's eight-bytes-at-a-time escape test agrees with a byte-by-byte one")
  func escapeTest() {
    var rng = SplitMix64(state: 5)
    let bytes: [UInt8] =
      Array("法制科 abc".utf8) + [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xFF]
    for _ in 0..<20000 {
      let n = rng.below(40)
      // Mostly plain text, so that a single byte needing an escape is often the only one.
      let b = (0..<n).map { _ in rng.below(12) == 0 ? bytes[rng.below(bytes.count)] : bytes[rng.below(12)] }
      let want = b.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
      #expect(b.withUnsafeBufferPointer(JSON.needsEscape) == want, "\(b)")
    }
  }

  @Test("text written to JSON straight from the file's bytes is escaped and reads back as the cell")
  func jsonFromFileBytes() throws {
    let dir = Fixtures.sampleCopy()
    let csv = dir.appendingPathComponent("tasks.csv")
    var text = Fixtures.read(csv)
    let measure = "第一行\n\t第二行\u{7}\\末尾"
    let note = "带\"引号\"的说明"
    text +=
      "900,综合工作项目组,主题,\"\(measure)\",法制科,,2019年8月底前,open,,,\"\(note.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
    try Data(text.utf8).write(to: csv)
    let store = try Store.open(dir.path)
    let a = Agenda(plan: store.plan, today: day("2019-09-20"))
    let i = try #require(store.plan.tasks.firstIndex { $0.id == "900" })
    var out: [UInt8] = []
    Shapes.writeList(a, [i], into: &out)
    let written = String(decoding: out, as: UTF8.self)
    #expect(written.contains(#""measure": "第一行\n\t第二行\u0007\\末尾""#))
    let task = try JSON.parse(out)["tasks"].flatMap { if case .array(let t) = $0 { t.first } else { nil } }
    #expect(task?["measure"]?.stringValue == measure)
    #expect(task?["note"]?.stringValue == note)
    #expect(task?["overdue"] == .bool(true))
  }

  @Test("after a save, the store holds what a fresh read of the folder gives")
  func commitKeepsWhatItWrote() throws {
    let dir = Fixtures.sampleCopy()
    let store = try Store.open(dir.path)
    try store.commit([store.plan.markDone("33", on: day("2019-09-20"), note: "已启动")!], by: "t")
    try store.commit([store.plan.setStaffing("法制科", enforcement: nil, reviewers: 9)!], by: "t")
    try store.commit([store.plan.setNote("4", "“引号”, 逗号\n换行")!], by: "t")
    let fresh = try Store.open(dir.path)
    #expect(store.plan.tasks == fresh.plan.tasks)
    #expect(store.plan.staffing == fresh.plan.staffing)
    #expect(store.plan.journal == fresh.plan.journal)
    #expect(!store.changedOnDisk)
    // A change made elsewhere to one file is picked up without losing this store's own.
    let other = try Store.open(dir.path)
    try other.commit([other.plan.setStaffing("法制科", enforcement: nil, reviewers: 2)!], by: "u")
    #expect(try store.reloadIfChanged())
    #expect(store.plan.task("33")?.status == .done)
    #expect(store.plan.task("4")?.note == "“引号”, 逗号\n换行")
    #expect(store.plan.staffing == (try Store.open(dir.path)).plan.staffing)
    try store.commit([store.plan.setStatus("33", .open)!], by: "t")
    #expect(store.plan.tasks == (try Store.open(dir.path)).plan.tasks)
  }

  @Test("a UTF-8 error (checked on another thread) still comes before any other error in the file")
  func utf8ErrorFirst() throws {
    let bad: [(String, [UInt8], String)] = [
      ("1,\"open quote,open,\n2,x,open,\n", [0xFF], "invalid UTF-8"),
      ("1,x,nonsense,\n2,x,open,\n", [0x00], "NUL byte in text"),
      ("1,x,open,\n1,x,open,\n", [0xE4, 0xB8], "invalid UTF-8"),
    ]
    for (rows, junk, message) in bad {
      let dir = Fixtures.scratch("utf8")
      let bytes =
        Array("id,measure,status,note\n".utf8) + Array(rows.utf8) + Array("3,".utf8) + junk + Array(",open,\n".utf8)
      try Data(bytes).write(to: dir.appendingPathComponent("tasks.csv"))
      do {
        _ = try Store.open(dir.path)
        Issue.record("opened a store with bad text")
      } catch {
        #expect(error.message == message, "\(rows)")
        #expect(error.line == 4, "\(rows)")
        #expect(error.column == 3, "\(rows)")
      }
    }
  }

  @Test("a row is read again from its bytes only when it changes; others keep their bytes")
  func lazyRows() throws {
    let text =
      "\u{FEFF}id,measure,status,note\r\n1,\"甲，\"\"乙\"\"\r\n丙\",open,\r\n\r\n2,丁,open,\"x,y\"\r\n3,戊,done,"
    let bytes = Array(text.utf8)
    let dir = Fixtures.scratch("lazy")
    try Data(bytes).write(to: dir.appendingPathComponent("tasks.csv"))
    let store = try Store.open(dir.path)
    #expect(store.plan.task("1")?.measure == "甲，\"乙\"\r\n丙")
    #expect(store.plan.task("2")?.note == "x,y")
    try store.commit([store.plan.setNote("2", "新")!], by: "t")
    let after = String(decoding: try Data(contentsOf: dir.appendingPathComponent("tasks.csv")), as: UTF8.self)
    #expect(after == text.replacingOccurrences(of: "2,丁,open,\"x,y\"", with: "2,丁,open,新"))
  }

  @Test("texts kept as the file's bytes read, compare and hash as the strings they hold")
  func lazyTexts() throws {
    let text =
      "id,measure,requirement,status,note\n1,\"甲，\"\"乙\"\"\n丙\",,open,\n2,丁,要求,open,\"x,y\"\n3,e\u{301},,done,备注\n"
    let table = try TaskTable(bytes: Array(text.utf8), file: "tasks.csv", inParts: false)
    let made = [
      PlanTask(id: "1", measure: "甲，\"乙\"\n丙"),
      PlanTask(id: "2", measure: "丁", requirement: "要求", note: "x,y"),
      PlanTask(id: "3", measure: "e\u{301}", status: .done, note: "备注"),
    ]
    #expect(table.tasks == made)
    #expect(table.tasks.map(\.hashValue) == made.map(\.hashValue))
    // "é" as one scalar is the same String as "e" and a combining accent, though not the same bytes.
    var precomposed = made[2]
    precomposed.measure = "\u{E9}"
    #expect(table.tasks[2] == precomposed)
    #expect(Set(table.tasks + made).count == 3)
    var edited = table.tasks[1]
    edited.note += "!"
    #expect(edited.note == "x,y!" && edited != table.tasks[1])
    #expect(table.tasks[0].requirement.isEmpty && table.tasks[0].note.isEmpty)
  }

  @Test("department cells read when asked for equal the cells read at once, from any thread")
  func lazyDepartments() throws {
    let text =
      "id,measure,lead,support\n1,甲,法制科、人事科,其他相关部门\n2,乙,\"法制科，人事科\",\n3,丙,法制科、人事科,\"市、县两级\"\"执法\"\"机关\"\n"
    let table = try TaskTable(bytes: Array(text.utf8), file: "tasks.csv", inParts: false)
    let both = Departments(["法制科", "人事科"])
    #expect(table.tasks.map(\.lead) == [both, both, both])
    #expect(table.tasks[0].support == Departments([], others: true))
    #expect(table.tasks[2].support == Departments(["市、县两级\"执法\"机关"]))
    // Different bytes, same departments: the tasks are equal, and hash alike.
    var one = table.tasks[1]
    one.id = "1"
    one.measure = "甲"
    one.support = Departments([], others: true)
    #expect(one == table.tasks[0] && one.hashValue == table.tasks[0].hashValue)
    var edited = table.tasks[0]
    edited.lead.units.append("办公室")
    #expect(edited.lead.units == ["法制科", "人事科", "办公室"] && table.tasks[0].lead == both)

    let big = PartsReadTests.file(size: 1_200_000, seed: 5, crlf: false, bom: false)
    let tasks = try TaskTable(bytes: big, file: "tasks.csv").tasks
    let fresh = try TaskTable(bytes: big, file: "tasks.csv").tasks
    var seen = [Departments](repeating: Departments(), count: tasks.count)
    seen.withUnsafeMutableBufferPointer { out in
      let slots = Unchecked(out)
      DispatchQueue.concurrentPerform(iterations: 4) { part in
        for i in stride(from: part, to: tasks.count, by: 4) { slots.value[i] = tasks[i].lead }
      }
    }
    #expect(seen == fresh.map(\.lead))
  }
}

/// A large tasks file is read in two parts on two cores; what it gives must be what reading
/// it whole gives, wherever the cut falls, and anything amiss must leave it to the whole read.
@Suite("Reading a large tasks file in parts")
struct PartsReadTests {
  /// A tasks file of about `size` bytes whose cells make cutting it hard: quoted cells with
  /// commas, doubled quotes and line breaks, blank lines, CRLF, a BOM, a user's column.
  static func file(size: Int, seed: UInt64, crlf: Bool, bom: Bool) -> [UInt8] {
    var rng = SplitMix64(state: seed)
    let nl = crlf ? "\r\n" : "\n"
    let measures = [
      "建立行政执法统计年报制度。", "\"做好证书清理核发，归集\"\"执法信息\"\"。\"", "\"第一行\(nl)第二行，续\"",
      "\"\(nl)\"", "Plain, \"\"quoted\"\" text", "细化审核程序",
    ]
    let leads = ["法制科", "\"法制科、稽查局\"", "第1税务所、第2税务所", "\"各县（市、区）政府，市、县两级行政执法机关\"", ""]
    let deadlines = ["2019年6月21日前", "2019年12月底前", "长期坚持", "每年1月31日前", "待市局明确后，稳步推行"]
    let statuses = [("open", ""), ("done", "2019-09-04"), ("in_progress", ""), ("blocked", "")]
    var out =
      (bom ? "\u{FEFF}" : "") + "id,group,theme,measure,lead,support,deadline,status,completed_on,event_on,note,自定义"
      + nl
    var id = 0
    while out.utf8.count < size {
      id += 1
      if rng.below(50) == 0 { out += nl }
      let m = measures[rng.below(measures.count)]
      let measure =
        m.hasPrefix("\"")
        ? m : (m.contains(",") || m.contains("\"") ? "\"" + m.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : m)
      let (status, done) = statuses[rng.below(4)]
      let deadline = deadlines[rng.below(5)]
      out += "\(id),综合工作项目组,主题\(id % 7),\(measure),\(leads[rng.below(5)]),\(leads[rng.below(5)]),"
      out += "\(deadline),\(status),\(done),,\(rng.below(9) == 0 ? "\"备注,有逗号\"" : ""),\(id % 3 == 0 ? "x" : "")" + nl
    }
    return Array(out.utf8)
  }

  static func same(_ a: TaskTable, _ b: TaskTable) {
    /// Where two long lists first differ (a failure then names one row, not thousands).
    func firstDifference<T: Equatable>(_ x: [T], _ y: [T]) -> Int? {
      x.count != y.count ? min(x.count, y.count) : zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    }
    #expect(firstDifference(a.tasks, b.tasks) == nil)
    #expect(a.taskOf == b.taskOf)
    #expect(firstDifference(a.rowOf, b.rowOf) == nil)
    let (x, y) = (a.doc.records, b.doc.records)
    #expect(firstDifference(x.map(\.range), y.map(\.range)) == nil)
    #expect(firstDifference(x.map(\.line), y.map(\.line)) == nil)
    #expect(firstDifference(x.map(\.isBlank), y.map(\.isBlank)) == nil)
    #expect(a.doc.serialized() == b.doc.serialized())
    #expect(a.doc.newline == b.doc.newline && a.doc.hasBOM == b.doc.hasBOM)
  }

  @Test(
    "the parts give what the whole read gives",
    arguments: [
      (1, false, false), (2, true, false), (3, false, true), (4, true, true), (5, false, false), (6, true, false),
    ])
  func agree(seed: UInt64, crlf: Bool, bom: Bool) throws {
    let bytes = PartsReadTests.file(size: TaskTable.partsThreshold + 300_000, seed: seed, crlf: crlf, bom: bom)
    let parts = try #require(TaskTable.inParts(bytes, file: "tasks.csv"))
    let whole = try TaskTable(bytes: bytes, file: "tasks.csv", inParts: false)
    PartsReadTests.same(parts, whole)
    #expect(whole.tasks.count > 4000)
    // And a change written through either gives the same file.
    var (x, y) = (parts, whole)
    let id = whole.tasks[whole.tasks.count * 3 / 4].id
    x.set(id: id, field: "status", to: "done")
    y.set(id: id, field: "status", to: "done")
    #expect(x.doc.serialized() == y.doc.serialized())
  }

  @Test("a record longer than a chunk (a note of many lines) is read whole, in place")
  func recordLongerThanAChunk() throws {
    var text = String(
      decoding: PartsReadTests.file(size: TaskTable.partsThreshold, seed: 11, crlf: false, bom: false), as: UTF8.self)
    let chunk = text.utf8.count / TaskTable.chunkCount
    // Three chunks' worth of quoted lines, with quotes and commas, in one note.
    let note = String(repeating: "第一行，\"\"引号\"\"\n", count: 3 * chunk / 24)
    text += "900001,综合工作项目组,主题,长备注,法制科,,2019年8月底前,open,,,\"\(note)\",\n"
    text += "900002,综合工作项目组,主题,其后,法制科,,2019年8月底前,done,2019-08-30,,,\n"
    let bytes = Array(text.utf8)
    let parts = try #require(TaskTable.inParts(bytes, file: "tasks.csv"))
    let whole = try TaskTable(bytes: bytes, file: "tasks.csv", inParts: false)
    PartsReadTests.same(parts, whole)
    #expect(parts.tasks.last?.id == "900002")
    #expect(parts.tasks[parts.tasks.count - 2].note == note.replacingOccurrences(of: "\"\"", with: "\""))
  }

  @Test("anything amiss in either part is left to the whole read, which names it")
  func amiss() throws {
    let good = PartsReadTests.file(size: TaskTable.partsThreshold + 300_000, seed: 9, crlf: false, bom: false)
    let text = String(decoding: good, as: UTF8.self)
    let lines = text.components(separatedBy: "\n")
    // A line in the second half that is a whole record on its own.
    let late = (lines.count * 3 / 4..<lines.count).first {
      lines[$0].hasPrefix("\(lines[$0].prefix { $0.isNumber }),综合")
    }!
    let early = (1..<lines.count).first { lines[$0].hasPrefix("\(lines[$0].prefix { $0.isNumber }),综合") }!
    let earlyID = String(lines[early].prefix { $0.isNumber })
    let cases: [(String, (inout [String]) -> Void, String)] = [
      (
        "duplicate id across the parts", { $0[late] = earlyID + $0[late].drop { $0.isNumber } },
        "duplicate id \"\(earlyID)\""
      ),
      (
        "bad status",
        { l in
          for s in ["open", "done", "in_progress", "blocked"] {
            l[late] = l[late].replacingOccurrences(of: ",\(s),", with: ",opne,")
          }
        }, "unknown status \"opne\""
      ),
      (
        "quote inside an unquoted field", { $0[late] = $0[late].replacingOccurrences(of: "综合工作项目组", with: "综合\"工作") },
        "quote inside an unquoted field"
      ),
      ("a missing field", { $0[late] = String($0[late].dropLast(2)) }, "fields, but the header has 12"),
      ("a quote never closed", { $0[late] += ",\"open" }, ""),
    ]
    for (name, edit, message) in cases {
      var changed = lines
      edit(&changed)
      let bytes = Array(changed.joined(separator: "\n").utf8)
      #expect(TaskTable.inParts(bytes, file: "tasks.csv") == nil, "\(name)")
      do {
        _ = try TaskTable(bytes: bytes, file: "tasks.csv")
        Issue.record("\(name): read without an error")
      } catch {
        let whole = Result { () throws(StoreError) -> TaskTable in
          try TaskTable(bytes: bytes, file: "tasks.csv", inParts: false)
        }
        guard case .failure(let want) = whole else { continue }
        #expect(error.description == want.description, "\(name)")
        #expect(message.isEmpty || error.description.contains(message), "\(name): \(error.description)")
        if !name.hasPrefix("a quote never") {
          #expect(error.description.contains("tasks.csv:\(late + 1):"), "\(name): \(error.description)")
        }
      }
    }
    // Invalid UTF-8 in the second part, and in the header.
    for at in [good.count - 40, 3] {
      var bytes = good
      bytes[at] = 0xFF
      #expect(TaskTable.inParts(bytes, file: "tasks.csv") == nil, "\(at)")
      #expect(throws: StoreError.self) { try TaskTable(bytes: bytes, file: "tasks.csv") }
    }
  }
}
