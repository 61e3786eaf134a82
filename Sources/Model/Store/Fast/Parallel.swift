import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Independent pieces of work spread over threads: a roll-up's hundreds of stores read on
/// every core, git pulls run several at once. The threads are our own rather than
/// Dispatch's: the work they run (`Store.open`) hands its journal to Dispatch's pool and
/// waits for it, and a pool busy with its own waiting workers would have nobody to do it.
public enum Parallel {
  /// The processors this process may run on (at least 1).
  public static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// `body(k)` for every k in `0..<count`, on up to `threads` threads (the caller's among
  /// them), each taking the next k as it comes free; the results in k's order.
  /// `finished(n)` is called once per item, one call at a time, with how many are done.
  public static func map<R: Sendable>(
    count: Int, threads: Int, finished: (@Sendable (Int) -> Void)? = nil, _ body: @Sendable (Int) -> R
  ) -> [R] {
    guard count > 0 else { return [] }
    let work = Work<R>(count: count, finished: finished)
    let threads = max(1, min(threads, count))
    return withoutActuallyEscaping(body) { body in
      let job = Job { work.drain(body) }
      var started: [pthread_t] = []
      for _ in 1..<threads {
        var tid = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        if pthread_create(
          &tid, nil,
          { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
          }, context) == 0
        {
          started.append(tid)
        } else {
          Unmanaged<Job>.fromOpaque(context).release()
        }
      }
      job.run()
      // Every thread is joined before `body` stops being valid.
      for tid in started { pthread_join(tid, nil) }
      return work.results()
    }
  }

  /// What a started thread runs.
  private final class Job: @unchecked Sendable {
    // Set once at init and only called after; the threads share nothing else through it.
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }

  /// The items still to take, each one's result slot, and the count of those done.
  private final class Work<R: Sendable>: @unchecked Sendable {
    private let next = Atomic<Int>(0)
    private let done = Mutex<Int>(0)
    private let count: Int
    /// Slot k is written once, by the thread that took k, and read after every thread is joined.
    private let slots: UnsafeMutablePointer<R?>
    private let finished: (@Sendable (Int) -> Void)?

    init(count: Int, finished: (@Sendable (Int) -> Void)?) {
      self.count = count
      self.finished = finished
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil, count: count)
    }

    deinit { slots.deinitialize(count: count).deallocate() }

    func drain(_ body: (Int) -> R) {
      while true {
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard k < count else { return }
        slots[k] = body(k)
        if let finished {
          done.withLock { n in
            n += 1
            finished(n)
          }
        }
      }
    }

    func results() -> [R] { (0..<count).map { slots[$0]! } }
  }
}
