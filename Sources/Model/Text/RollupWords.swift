/// Every sentence the roll-up and git's transport say, in Chinese and English, in one place
/// (to move into the per-language tables in one step). Data comes in (errors as enums,
/// counts, names) and words go out; nothing else in the roll-up writes a sentence.
public struct RollupWords: Sendable {
  public let lang: Lang
  public var phrases: Phrases { Phrases(lang) }

  public init(_ lang: Lang) { self.lang = lang }

  // MARK: The command

  public var abstract: String {
    lang.pick(
      "汇总多个机构的方案（只读）：进度、逾期、人员配置，以及谁没有报送。",
      "Roll up many agencies' stores, read-only: progress, overdue, staffing, and who is not reporting.")
  }

  public var discussion: String {
    lang.pick(
      "每个 DIR 是一个方案文件夹，或其子文件夹（下一层）是方案文件夹。机构名取 plan.ini 的 agency，没有则用文件夹名。"
        + "退出码：66 某个 DIR 里没有方案；65 所有方案都无法读取；64 用法错误。",
      "Each DIR is a store, or a folder whose subfolders (one level down) are stores. Agencies are named by plan.ini's "
        + "agency, else by their folder. Exit codes: 66 a DIR holds no store; 65 no store could be read; 64 usage.")
  }

  public var formatHelp: String {
    lang.pick(
      "text、json、markdown 或 csv（不给出时：终端上打开汇总看板，否则 text）。",
      "text, json, markdown or csv (without it: the roll-up dashboard on a terminal, else text).")
  }

  public var pullHelp: String {
    lang.pick(
      "先在每个是 git 克隆的方案文件夹里运行 git pull --ff-only（同时多个）。",
      "First run `git pull --ff-only` in every store that is a git clone (several at once).")
  }

  public var dirsHelp: String {
    lang.pick("方案文件夹，或其子文件夹是方案的文件夹。", "Store folders, or folders whose subfolders are stores.")
  }

  public var noDirs: String {
    lang.pick("请给出至少一个文件夹：sanxiang rollup DIR…", "give at least one folder: sanxiang rollup DIR…")
  }

  // MARK: The report

  public func heading(agencies n: Int, today: Day) -> String {
    lang.pick("汇总 · \(n) 个机构 · \(today) ", "Roll-up · \(n) \(n == 1 ? "agency" : "agencies") · \(today) ")
      + phrases.weekday(today)
  }

  /// The one-line overview under the heading.
  public func overview(_ t: RollupTotal) -> String {
    let f = t.figures
    var parts = [
      lang.pick("进度 \(f.done)/\(f.tasks)", "progress \(f.done)/\(f.tasks)"),
      lang.pick("逾期 \(f.overdue)", "overdue \(f.overdue)"),
      lang.pick("14 天内到期 \(f.dueSoon)", "due in 14 days \(f.dueSoon)"),
      lang.pick("审核人员不足 \(f.staffingShortUnits) 个单位", "\(f.staffingShortUnits) units short of reviewers"),
      lang.pick("未报送 \(t.notReporting) 个机构", "\(t.notReporting) not reporting"),
    ]
    if t.failed > 0 { parts.append(lang.pick("无法读取 \(t.failed) 个", "\(t.failed) unreadable")) }
    return parts.joined(separator: " · ")
  }

  public var agencyColumn: String { lang.pick("机构", "agency") }
  public var storeColumn: String { lang.pick("方案目录", "store") }
  public var tasksColumn: String { lang.pick("任务", "tasks") }
  public var progressColumn: String { lang.pick("进度", "progress") }
  public var doneColumn: String { lang.pick("已完成", "done") }
  public var inProgressColumn: String { lang.pick("进行中", "in progress") }
  public var overdueColumn: String { lang.pick("逾期", "overdue") }
  public var dueSoonColumn: String { lang.pick("14天内到期", "due ≤14d") }
  public var waitingColumn: String { lang.pick("待触发", "waiting") }
  public var shortColumn: String { lang.pick("审核缺口", "short units") }
  public var lastChangeColumn: String { lang.pick("最近变更", "last change") }
  public var daysSinceColumn: String { lang.pick("距今天数", "days since") }
  public var notReportingColumn: String { lang.pick("未报送", "not reporting") }
  public var errorColumn: String { lang.pick("错误", "error") }
  public var idColumn: String { lang.pick("序号", "ID") }
  public var measureColumn: String { lang.pick("工作措施", "measure") }
  public var overdueAgenciesColumn: String { lang.pick("逾期机构", "overdue in") }
  /// Before the agencies where a measure is overdue, in the text report.
  public var overdueIn: String { lang.pick("逾期：", "overdue in: ") }
  public var listSeparator: String { lang.pick("、", ", ") }
  public var totalRow: String { lang.pick("合计", "total") }
  public var none: String { lang.pick("（无）", "(none)") }
  public var yes: String { lang.pick("是", "yes") }
  public var no: String { lang.pick("否", "no") }

  /// "2019-09-19 · 1 天前", "今天", "从未".
  public func lastChange(_ a: AgencySummary) -> String {
    guard let at = a.lastChange, let days = a.daysSinceChange else { return lang.pick("从未", "never") }
    let day = String(at.prefix(10))
    switch days {
    case 0: return day + lang.pick(" · 今天", " · today")
    case 1: return day + lang.pick(" · 1 天前", " · 1 day ago")
    default: return day + lang.pick(" · \(days) 天前", " · \(days) days ago")
    }
  }

  /// The mark of an agency that has changed nothing for more than `Rollup.quietDays` days.
  public var notReporting: String { lang.pick("未报送", "not reporting") }
  /// What a row shows in place of figures for a store that could not be read.
  public var unreadable: String { lang.pick("无法读取", "cannot read") }

  public func failedHeading(_ n: Int) -> String { lang.pick("无法读取 (\(n))", "Could not read (\(n))") }

  /// The store's own error (file:line:column: what, the file naming its folder), after the agency.
  public func failure(_ a: AgencySummary) -> String {
    a.label + lang.pick("：", ": ") + (a.error?.description ?? "")
  }

  public func measuresHeading(_ rows: Int, agencies: Int) -> String {
    lang.pick("工作措施（\(rows) 项 × \(agencies) 个机构）", "Measures (\(rows) × \(agencies) agencies)")
  }

  public var noSharedMeasures: String {
    lang.pick(
      "各机构的方案没有共同的工作措施（编号和内容相同），不列措施矩阵。", "The agencies' plans share no measure (same id and text): no measures matrix."
    )
  }

  /// "完成 7/12 · 逾期 3".
  public func measureCounts(_ r: MeasureRow) -> String {
    lang.pick(
      "完成 \(r.doneIn)/\(r.heldBy) · 逾期 \(r.overdueIn)",
      "done in \(r.doneIn) of \(r.heldBy) · overdue in \(r.overdueIn)")
  }

  /// A matrix cell's glyph; each also differs in shape, so it reads without colour.
  public static func glyph(_ s: MeasureStatus?) -> String {
    switch s {
    case .done: "✓"
    case .inProgress: ">"
    case .overdue: "!"
    case .waiting: "…"
    case .blocked: "#"
    case .open: "·"
    case nil: " "
    }
  }

  public func status(_ s: MeasureStatus) -> String {
    switch s {
    case .overdue: lang.pick("逾期", "overdue")
    case .done: lang.pick("已完成", "done")
    case .waiting: lang.pick("待触发", "waiting")
    case .blocked: lang.pick("受阻", "blocked")
    case .inProgress: lang.pick("进行中", "in progress")
    case .open: lang.pick("未开始", "not started")
    }
  }

  /// "✓ 已完成  > 进行中  ! 逾期 …": what the matrix's glyphs mean.
  public var legend: String {
    [MeasureStatus.done, .inProgress, .overdue, .waiting, .blocked, .open].map {
      RollupWords.glyph($0) + " " + status($0)
    }
    .joined(separator: "  ")
  }

  // MARK: Errors

  public func error(_ e: RollupError) -> String {
    switch e {
    case .noSuchFolder(let f): lang.pick("没有这个文件夹：\(f)", "no such folder: \(f)")
    case .noStore(let f):
      lang.pick(
        "\(f) 里没有方案：它不是方案文件夹，下一层也没有方案文件夹（应有 tasks.csv）",
        "\(f) holds no store: it is not one, and no folder in it is (a store has tasks.csv)")
    }
  }

  public var everyStoreFailed: String { lang.pick("所有方案都无法读取", "no store could be read") }

  // MARK: git

  public func pulling(_ n: Int, atOnce: Int) -> String {
    lang.pick("正在拉取 \(n) 个仓库（同时 \(atOnce) 个）…", "pulling \(n) \(n == 1 ? "clone" : "clones") (\(atOnce) at a time)…")
  }

  /// The progress line, redrawn in place on a terminal.
  public func pullProgress(_ done: Int, of n: Int) -> String {
    lang.pick("git pull：\(done)/\(n)", "git pull: \(done)/\(n)")
  }

  public func pullSummary(updated: Int, upToDate: Int, failed: Int, notClones: Int) -> String {
    lang.pick(
      "拉取完毕：更新 \(updated) 个，无变化 \(upToDate) 个，失败 \(failed) 个，不是 git 仓库 \(notClones) 个",
      "pulled: \(updated) updated, \(upToDate) up to date, \(failed) failed, \(notClones) not git clones")
  }

  /// One clone's failure: its folder and why.
  public func pullFailed(_ folder: String, _ f: Git.Failure) -> String {
    "  " + folder + lang.pick("：", ": ") + reason(f)
  }

  public func reason(_ f: Git.Failure) -> String {
    switch f {
    case .gitMissing: lang.pick("没有安装 git", "git is not installed")
    case .cannotStart(let e): lang.pick("无法启动 git（错误码 \(e)）", "cannot start git (errno \(e))")
    case .notAClone: lang.pick("不是 git 仓库（文件夹里没有 .git）", "not a git clone (no .git in the folder)")
    case .notARepository: lang.pick("不在任何 git 仓库里", "not inside a git repository")
    case .unreachable(let d): lang.pick("无法连接远程仓库（\(d)）", "cannot reach the remote (\(d))")
    case .diverged:
      lang.pick(
        "与远程仓库分叉，无法快进；请在该文件夹里手动合并", "diverged from the remote, cannot fast-forward; merge in that folder by hand")
    case .noUpstream: lang.pick("当前分支没有跟踪远程分支", "the branch tracks no remote branch")
    case .localChanges: lang.pick("本地有未提交的改动，拉取会覆盖它们", "local changes would be overwritten by the pull")
    case .other(let d): lang.pick("git 出错：\(d)", "git failed: \(d)")
    }
  }

  /// After a save whose git commit (`git_commit = on`) did not happen.
  public func commitFailed(_ f: Git.Failure) -> String {
    lang.pick("已保存，但未能提交到 git：", "saved, but not committed to git: ") + reason(f)
  }

  /// A save's commit message: its journal entry's summary (one line each when a save made
  /// several, under a line that counts them).
  public func commitMessage(_ entries: [JournalEntry]) -> String {
    let lines = entries.map(summary)
    guard lines.count > 1 else { return lines.first ?? "" }
    let targets = entries.map { phrases.target($0.change.target) }
    return lang.pick("\(entries.count) 项变更：", "\(entries.count) changes: ")
      + targets.joined(separator: lang.pick("、", ", ")) + "\n\n" + lines.joined(separator: "\n")
  }

  /// "完成 任务 3：状态 未开始 → 已完成；完成日期 — → 2019-09-20".
  public func summary(_ e: JournalEntry) -> String {
    var s = phrases.operation(e.change.op) + " " + phrases.target(e.change.target)
    if let u = e.change.undoes { s += " #\(u)" }
    let what = e.change.fields.isEmpty ? e.message : phrases.changes(e.change)
    return what.isEmpty ? s : s + lang.pick("：", ": ") + what
  }
}
