import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large tasks file read by both cores. The file is cut into chunks at record boundaries;
/// each core takes the next chunk when it is free (a core slowed by other work takes fewer)
/// and reads it as the whole-file reader would, into one array of tasks, each chunk where no
/// earlier one can reach; the calling thread puts finished chunks in order, moving their
/// tasks down to meet the ones before, and indexes their ids between its own chunks.
///
/// It gives exactly what `TaskTable.read(bytes:file:inParts: false)` gives, or nil when
/// anything in the file is amiss: the whole-file reader then reads it again and says what,
/// and where.
extension TaskTable {
  /// Files at least this big are read in chunks (about 4,000 tasks).
  static let partsThreshold = 1 << 20

  /// How many chunks a large file is cut into.
  static let chunkCount = 32

  static func inParts(_ bytes: [UInt8], file: String) -> (TaskTable, [PlanTask])? {
    guard bytes.count >= partsThreshold else { return nil }
    let hasBOM = bytes.starts(with: CSVDocument.bom)
    var p = CSVParser(bytes: bytes, file: file)
    if hasBOM { p.i = 3 }
    let newline = p.detectNewline()
    guard let header = try? CSVDocument.readHeader(&p, file: file),
      let columns = try? TaskColumns.of(header, file: file)
    else { return nil }
    // The chunks check the text after the header; the header's own bytes are checked here.
    if firstInvalidUTF8(bytes, from: hasBOM ? 3 : 0, end: p.i) != nil { return nil }
    let plan = ChunkPlan(bytes, body: p.i, line: p.line)
    let n = plan.bounds.count - 1
    // One reading of each department cell for the whole file, whichever chunk it is in.
    let cells = DepartmentCellReader.cells(bytes)
    let chunks = Chunks(n)
    /// Each thread's reader, whose caches serve every chunk the thread reads.
    @Sendable func reader() -> TaskRowReader {
      TaskRowReader(columns: columns, header: header.fields, source: bytes, departmentCells: cells)
    }
    var taskOf = StringIndex()
    var rowOf: [Int] = []
    var records: [CSVRecord] = []
    records.reserveCapacity(plan.totalRoom)
    rowOf.reserveCapacity(plan.totalRoom)
    taskOf.reserveCapacity(plan.totalRoom)
    var ok = true
    let tasks = [PlanTask](unsafeUninitializedCapacity: plan.totalRoom) { buffer, count in
      let base = Unchecked(buffer.baseAddress!)
      let read = { @Sendable (k: Int, reader: inout TaskRowReader) -> Chunk in
        Chunk(
          bytes, plan.bounds[k]..<plan.bounds[k + 1], line: plan.lines[k], width: header.fields.count, file: file,
          into: base.value + plan.roomBefore[k], room: plan.roomBefore[k + 1] - plan.roomBefore[k], reader: &reader)
      }
      let helper = Background {
        var mine = reader()
        while case let k = chunks.take(), k < n { chunks.finish(k, read(k, &mine)) }
      }
      // The next chunk in file order: its tasks moved down to follow the ones before, their ids
      // indexed, its records joined on. Once anything is amiss, a chunk's tasks are let go.
      var next = 0
      func join(_ c: Chunk) {
        let at = base.value + plan.roomBefore[next]
        next += 1
        guard ok && c.complete else {
          at.deinitialize(count: c.filled)
          ok = false
          return
        }
        if count < plan.roomBefore[next - 1] { (base.value + count).moveInitialize(from: at, count: c.filled) }
        for k in count..<(count + c.filled) where taskOf.updateValue(k, forKey: base.value[k].id) != nil {
          ok = false
        }
        count += c.filled
        rowOf.append(contentsOf: c.rowOf.lazy.map { $0 + records.count })
        records.append(contentsOf: c.records)
      }
      var mine = reader()
      while case let k = chunks.take(), k < n {
        chunks.finish(k, read(k, &mine))
        while next < n, let c = chunks.poll(next) { join(c) }
      }
      while next < n { join(chunks.wait(next)) }
      helper.wait()
      if !ok {
        base.value.deinitialize(count: count)
        count = 0
      }
    }
    guard ok else { return nil }
    let doc = CSVDocument(original: bytes, hasBOM: hasBOM, newline: newline, header: header, records: records)
    return (TaskTable(doc: doc, columns: columns, taskOf: taskOf, rowOf: rowOf), tasks)
  }

  /// Where a record starts at or after `target`: just past the first line feed outside quotes,
  /// with quotes counted from `start`, which must begin a record. Nil if there is none. In a
  /// file that parses every quote opens, closes or doubles, so the count says where quoted text
  /// is; in one that does not, the chunks' readers meet the error and the caller reads the file
  /// whole instead.
  static func recordBoundary(_ b: UnsafeBufferPointer<UInt8>, from start: Int, near target: Int) -> Int? {
    guard let base = b.baseAddress, start <= target, target < b.count else { return nil }
    var quoted = false
    var p = base + start
    var left = target - start
    while left > 0, let hit = memchr(p, 0x22, left) {
      quoted.toggle()
      let next = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
      left -= p.distance(to: next)
      p = next
    }
    for i in target..<b.count {
      if b[i] == 0x22 {
        quoted.toggle()
      } else if b[i] == 0x0A && !quoted {
        return i + 1 < b.count ? i + 1 : nil
      }
    }
    return nil
  }

  /// Where a large file is cut: at record boundaries (quotes counted from the body's start),
  /// with each chunk's first line and room for its tasks.
  private struct ChunkPlan: Sendable {
    var bounds: [Int]
    var lines: [Int] = []
    /// Task slots before each chunk; the last entry is the whole.
    var roomBefore: [Int] = [0]
    var totalRoom: Int { roomBefore.last! }

    init(_ bytes: [UInt8], body: Int, line: Int) {
      bounds = [body]
      bytes.withUnsafeBufferPointer { b in
        for c in 1..<TaskTable.chunkCount {
          let target = body + (b.count - body) * c / TaskTable.chunkCount
          guard target > bounds.last! else { continue }
          guard let cut = TaskTable.recordBoundary(b, from: bounds.last!, near: target) else { break }
          bounds.append(cut)
        }
      }
      bounds.append(bytes.count)
      var line = line
      for k in 0..<(bounds.count - 1) {
        let count = CSVDocument.lineCount(bytes, in: bounds[k]..<bounds[k + 1])
        lines.append(line)
        // Every record but the file's last ends with a line feed, so a chunk has at most as
        // many tasks as line feeds: room that tight leaves a plain file's chunks where they
        // are, with nothing to move down.
        let last = k == bounds.count - 2
        roomBefore.append(roomBefore.last! + (last ? count : count - 1))
        line += count - 1
      }
    }
  }

  /// The chunks of one file being read: which is next to take, and each one's result, handed
  /// over by its semaphore.
  private final class Chunks: Sendable {
    private let next = Atomic<Int>(0)
    private let ready: [DispatchSemaphore]
    private let results: Mutex<[Chunk?]>

    init(_ count: Int) {
      ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
      results = Mutex([Chunk?](repeating: nil, count: count))
    }

    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }

    func finish(_ k: Int, _ c: sending Chunk) {
      results.withLock { $0[k] = c }
      ready[k].signal()
    }

    func wait(_ k: Int) -> Chunk {
      ready[k].wait()
      return results.withLock { $0[k].take()! }
    }

    /// Chunk `k` if it is read, without waiting.
    func poll(_ k: Int) -> Chunk? {
      guard ready[k].wait(timeout: .now()) == .success else { return nil }
      return results.withLock { $0[k].take()! }
    }
  }

  /// One chunk of a file: its records, and its rows read into tasks.
  private struct Chunk: Sendable {
    var records: [CSVRecord] = []
    /// Each task's record, counted from the chunk's first.
    var rowOf: [Int] = []
    /// Every record in the range read, with nothing amiss.
    var complete = false
    /// Tasks put in place.
    var filled = 0

    /// Reads the records in `range` (which starts a record, on line `line`) as the whole-file
    /// reader would, putting the tasks at `slots`; it stops at the first thing amiss.
    init(
      _ bytes: [UInt8], _ range: Range<Int>, line: Int, width: Int, file: String,
      into slots: UnsafeMutablePointer<PlanTask>, room: Int, reader: inout TaskRowReader
    ) {
      if firstInvalidUTF8(bytes, from: range.lowerBound, end: range.upperBound) != nil { return }
      var p = CSVParser(bytes: bytes, file: file)
      (p.i, p.line, p.lineStart) = (range.lowerBound, line, range.lowerBound)
      // Filled as locals and moved in at the end (the closure below cannot capture `self`).
      var rowOf: [Int] = []
      var records: [CSVRecord] = []
      rowOf.reserveCapacity(room)
      records.reserveCapacity(room)
      var filled = 0
      complete = bytes.withUnsafeBufferPointer { all -> Bool in
        // The scanner stops at the chunk's end as at a file's.
        let b = UnsafeBufferPointer(start: all.baseAddress, count: range.upperBound)
        while p.i < range.upperBound {
          let start = p.i
          let startLine = p.line
          do { try p.scan(b) } catch { return false }
          guard p.i - start <= CSVDocument.maxRecordBytes else { return false }
          var r = CSVRecord(fields: [], range: start..<p.i, line: startLine)
          r.isBlank = p.isBlankRecord
          r.isLazy = !r.isBlank
          guard r.isBlank || p.refs.count == width else { return false }
          records.append(r)
          if r.isBlank { continue }
          // A row read without a problem is handed over, into its slot.
          guard filled < room,
            reader.read(records.count - 1, p.refs, all, emit: { (slots + filled).initialize(to: $0) }) == nil
          else { return false }
          filled += 1
          rowOf.append(records.count - 1)
        }
        return true
      }
      self.rowOf = rowOf
      self.records = records
      self.filled = filled
    }
  }
}

/// A value handed from the thread that made it to the one that waits for it (`Background`
/// orders the two), which the compiler cannot see is safe.
struct Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
