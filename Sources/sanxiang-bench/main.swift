import Model
import TUI

#if canImport(Glibc)
  import Glibc
#endif

/// `sanxiang-bench`: the benchmark's helper. It makes large plans, and times what only an
/// in-process timer can see (loading a store, the dashboard's frames). Whole-process figures
/// and the peers are driven by `scripts/bench.py`, which calls this.
///
///     sanxiang-bench generate --tasks N [--seed S] --into DIR SEEDFILE…
///     sanxiang-bench agencies --count N --tasks T [--seed S] [--plans same|differ] --into DIR [--single DIR] SEEDFILE…
///     sanxiang-bench rollup [--threads N] DIR…
///     sanxiang-bench load --store DIR [--runs R]
///     sanxiang-bench tui --store DIR [--today D] [--presses N] [--size WxH]
/// Results go to stdout as one JSON object.
func main() -> Int32 {
  var args = Array(CommandLine.arguments.dropFirst())
  guard !args.isEmpty else {
    Console.err("usage: sanxiang-bench generate|load|tui …")
    return 64
  }
  let command = args.removeFirst()
  var options: [String: String] = [:]
  var rest: [String] = []
  var k = 0
  while k < args.count {
    if args[k].hasPrefix("--"), k + 1 < args.count {
      options[String(args[k].dropFirst(2))] = args[k + 1]
      k += 2
    } else {
      rest.append(args[k])
      k += 1
    }
  }
  do {
    switch command {
    case "generate":
      guard let n = options["tasks"].flatMap(Int.init), n > 0, let into = options["into"], !rest.isEmpty else {
        Console.err("usage: sanxiang-bench generate --tasks N [--seed S] --into DIR SEEDFILE…")
        return 64
      }
      try PlanGenerator.generate(
        count: n, seed: options["seed"].flatMap(UInt64.init) ?? 2019, seeds: rest, into: into)
    case "agencies":
      guard let n = options["count"].flatMap(Int.init), let t = options["tasks"].flatMap(Int.init), n > 0, t > 0,
        let into = options["into"], !rest.isEmpty
      else {
        Console.err(
          "usage: sanxiang-bench agencies --count N --tasks T [--seed S] [--plans same|differ] --into DIR [--single DIR] SEEDFILE…"
        )
        return 64
      }
      try AgencyGenerator.generate(
        count: n, tasks: t, seed: options["seed"].flatMap(UInt64.init) ?? 2019, seeds: rest, into: into,
        single: options["single"], differ: options["plans"] == "differ")
    case "rollup":
      let threads = options["threads"].flatMap(Int.init) ?? Parallel.processors
      do {
        print(try InProcess.rollup(rest, threads: threads).rendered())
      } catch {
        Console.err("sanxiang-bench: \(error)")
        return 66
      }
    case "load":
      guard let store = options["store"] else { return 64 }
      print(InProcess.load(store: store, runs: options["runs"].flatMap(Int.init) ?? 5).rendered())
    case "phases":
      guard let store = options["store"] else { return 64 }
      print(try InProcess.phases(store: store, today: Day(year: 2019, month: 9, day: 20)!).rendered())
    case "tui":
      guard let store = options["store"] else { return 64 }
      let dims = (options["size"] ?? "120x40").split(separator: "x").compactMap { Int($0) }
      let today = options["today"].flatMap { Day(iso: $0) } ?? Day(year: 2019, month: 9, day: 20)!
      let result = try InProcess.dashboard(
        store: store, today: today, width: dims.first ?? 120, height: dims.last ?? 40,
        presses: options["presses"].flatMap(Int.init) ?? 1200)
      print(result.rendered())
    default:
      Console.err("unknown command \(command)")
      return 64
    }
  } catch {
    Console.err("sanxiang-bench: \(error.description(EnglishWords()))")
    return error.exitCode
  }
  return 0
}

enum Console {
  static func err(_ s: String) { try? FileIO.write(Array((s + "\n").utf8), toDescriptor: 2, named: "stderr") }
}

exit(main())
