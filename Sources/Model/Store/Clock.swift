#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock time for journal entries, local with its offset. `SANXIANG_NOW` pins it, so
/// that scripts (the sample store's history) and tests write the same bytes every run.
public enum Clock {
  public static func nowISO() -> String {
    if let pinned = FileIO.environment("SANXIANG_NOW"), !pinned.isEmpty { return pinned }
    var t = time(nil)
    var tm = tm()
    localtime_r(&t, &tm)
    return format(tm)
  }

  /// Today's local date (the real one; `--today` overrides it in the front ends).
  public static func today() -> Day {
    if let pinned = FileIO.environment("SANXIANG_NOW"), let d = Day(iso: pinned.prefix(10)) { return d }
    var t = time(nil)
    var tm = tm()
    localtime_r(&t, &tm)
    return Day(year: Int(tm.tm_year) + 1900, month: Int(tm.tm_mon) + 1, day: Int(tm.tm_mday))!
  }

  static func format(_ tm: tm) -> String {
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let off = Int(tm.tm_gmtoff)
    let sign = off < 0 ? "-" : "+"
    let h = abs(off) / 3600
    let m = abs(off) % 3600 / 60
    let zone = off == 0 ? "Z" : "\(sign)\(two(Int32(h))):\(two(Int32(m)))"
    return
      "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))\(zone)"
  }
}
