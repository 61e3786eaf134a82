#if canImport(Glibc)
  import Glibc
#endif

/// 中文：界面、报告、错误和帮助的全部文字。
public struct ChineseWords: Words {
  public init() {}

  // MARK: Domain words

  public func status(_ s: TaskStatus) -> String {
    switch s {
    case .open: "未开始"
    case .inProgress: "进行中"
    case .done: "已完成"
    case .blocked: "受阻"
    case .retired: "已取消"
    }
  }

  public func role(_ r: Role) -> String {
    switch r {
    case .lead: "牵头"
    case .support: "配合"
    }
  }

  public var otherDepartments: String { "其他相关部门" }
  public var listSeparator: String { "、" }
  public var clauseSeparator: String { "；" }
  public func labelled(_ label: String, _ text: String) -> String { "\(label)：\(text)" }

  public func weekday(_ n: Int) -> String { "星期" + ["一", "二", "三", "四", "五", "六", "日"][n - 1] }

  public func deadlineKind(_ k: DeadlineKind) -> String {
    switch k {
    case .by: "限期"
    case .byThenOngoing: "限期后持续"
    case .ongoing: "持续"
    case .afterEvent: "事件后"
    case .withinAfterEvent: "事件后限期"
    case .yearly: "每年"
    case .asRequired: "按要求"
    case .unparsed: "无法识别"
    }
  }

  public func span(_ n: Int, _ unit: SpanUnit) -> String {
    switch unit {
    case .workingDays: "\(n) 个工作日"
    case .days: "\(n) 天"
    case .weeks: "\(n) 周"
    case .months: "\(n) 个月"
    }
  }

  public func operation(_ op: String) -> String {
    switch op {
    case "done": "完成"
    case "reopen": "重新打开"
    case "start": "开始办理"
    case "block": "标记受阻"
    case "note": "备注"
    case "trigger": "事件触发"
    case "staffing": "人员配置"
    case "undo": "撤销"
    case "import": "导入"
    case "add": "新增"
    case "edit": "修改"
    case "retire": "取消任务"
    case "group_add": "新增工作组"
    case "group_rename": "工作组改名"
    case "group_move": "调整工作组顺序"
    case "department_rename": "部门改名"
    case "unit_rename": "单位改名"
    case "unit_retire": "撤销单位"
    default: op
    }
  }

  public func field(_ f: ChangeField) -> String {
    switch f {
    case .task(.id): "编号"
    case .task(.group), .plan(.group): "工作组"
    case .task(.theme): "推行任务"
    case .task(.measure): "工作措施"
    case .task(.requirement): "具体要求"
    case .task(.lead): "牵头部门"
    case .task(.support): "配合部门"
    case .task(.deadline): "完成时限"
    case .task(.status): "状态"
    case .task(.completedOn): "完成日期"
    case .task(.eventOn): "触发日期"
    case .task(.note): "备注"
    case .task(.extra(let name)): name
    case .unit(.enforcement): "执法人员"
    case .unit(.reviewers): "审核人员"
    case .unit(.unit): "单位"
    case .unit(.name): "名称"
    case .unit(.retired): "已撤销"
    case .plan(.groups): "工作组顺序"
    case .plan(.department): "部门"
    }
  }

  public func target(_ t: ChangeTarget) -> String {
    switch t {
    case .task(let id): "任务 \(id)"
    case .unit(let u): "单位 \(u)"
    case .plan: "方案"
    }
  }

  // MARK: Deadlines' readings

  public func doneOn(_ d: Day) -> String { "\(d) 完成" }
  public func dueOverdue(_ d: Day, days: Int) -> String { "\(d) 到期 · 逾期 \(span(days, .days))" }
  public func dueToday(_ d: Day) -> String { "\(d) 到期 · 今天" }
  public func dueLeft(_ d: Day, days: Int) -> String { "\(d) 到期 · 还剩 \(span(days, .days))" }
  public func yearly(_ reading: String) -> String { "每年 · " + reading }
  public var ongoing: String { "持续开展" }
  public func triggered(_ d: Day, ongoing: Bool) -> String { "\(d) 已触发" + (ongoing ? " · 持续开展" : "") }
  public func waiting(for event: String) -> String { "待触发：\(event)" }

  public func waiting(for event: String, then n: Int, _ unit: SpanUnit) -> String {
    "待触发：\(event)（之后 \(span(n, unit))）"
  }

  public func everyYear(month: Int, day: Int?) -> String { "每年 \(month) 月\(day.map { "\($0) 日" } ?? "底")" }
  public var asRequired: String { "按要求" }
  public var noDeadline: String { "无期限" }
  public var deadlineNotUnderstood: String { "期限无法识别" }
  public func shortNext(_ d: Day) -> String { "下次 \(d)" }
  public func shortOverdue(_ days: Int) -> String { "逾期 \(days) 天" }
  public var shortDueToday: String { "今天到期" }
  public func shortLeft(_ days: Int) -> String { "还剩 \(days) 天" }
  public var shortOngoing: String { "持续" }
  public var shortWaiting: String { "待触发" }
  public var shortTriggered: String { "已触发" }
  public var shortYearly: String { "每年" }
  public var shortUnread: String { "期限?" }

  // MARK: Journal

  public func importSummary(_ s: ImportSummary) -> String {
    switch s {
    case .created(let source, let tasks, let groups):
      "从 \(source) 导入 \(tasks) 项任务，分 \(groups) 个工作组"
    case .again(let source, let added, let updated, let vanished):
      "再次导入 \(source)：新增 \(added) 项，更新 \(updated) 项，表中已没有 \(vanished) 项"
    }
  }

  public func entryChanges(_ operation: String, _ changes: String) -> String { "\(operation)：\(changes)" }

  // MARK: Stand-up

  public var progress: String { "进度" }
  public func overdueCount(_ n: Int) -> String { "逾期 \(n)" }
  public func unitsShortOfReviewers(_ n: Int) -> String { "人员缺口 \(n) 个单位" }
  public var overdueHeading: String { "逾期" }
  public func dueWithinHeading(_ days: Int) -> String { "\(days) 天内到期" }
  public var waitingHeading: String { "待触发" }
  public func changedSinceHeading(_ d: Day) -> String { "\(d) 以来的变更" }
  public var shortOfReviewersHeading: String { "审核人员不足" }
  public var none: String { "（无）" }

  public func unitShortfall(_ unit: String, _ c: StaffingCheck) -> String {
    "\(unit)：执法 \(c.enforcement) 人，审核 \(c.reviewers) 人，应配 \(c.required ?? 0) 人，缺 \(c.shortfall) 人"
  }

  // MARK: Dashboard: views and filters

  public var standupView: String { "每日例会" }
  public var groupsView: String { "工作组" }
  public var departmentsView: String { "部门" }
  public var staffingView: String { "人员配置" }
  public var journalView: String { "日志" }
  public var filterAll: String { "全部" }
  public var filterNotDone: String { "未完成" }
  public var filterOverdue: String { "逾期" }
  public var filterDueSoon: String { "两周内到期" }
  public var filterDone: String { "已完成" }

  // MARK: Dashboard: header and small terminals

  public func headerUnitsShort(_ n: Int) -> String { "审核人员不足 \(n) 单位" }
  public func headerShort(_ n: Int) -> String { "缺审核 \(n)" }
  public func filterShown(_ filter: String) -> String { "筛选：\(filter)" }
  public func searchShown(_ text: String) -> String { "搜索：\(text)" }
  public var terminalTooSmall: String { "终端太小" }
  public var enlargeOrQuit: String { "请放大窗口；q 退出" }

  // MARK: Dashboard: panes

  public var departmentsNavTitle: String { "部门 牵头/配合/逾期" }
  public func departmentListTitle(_ name: String, count: Int) -> String { "\(name) · \(count) 项" }
  public func journalListTitle(_ day: Day?, count: Int) -> String {
    "日志" + (day.map { " · \($0)" } ?? "") + " (\(count))"
  }
  public var allEntries: String { "全部" }
  public func staffingListTitle(count: Int) -> String { "单位 · 执法人员 · 审核/应配 (\(count))" }
  public var allUnits: String { "全部单位" }
  public var shortOfReviewers: String { "审核人员不足" }
  public var compliantUnits: String { "达标" }
  public func ruleShort(_ percent: Int) -> String { "规则：审核≥执法×\(percent)%" }
  public var noPercentShort: String { "本方案未设比例" }
  public func enforcementTotal(_ n: Int) -> String { "执法人员 \(n)" }
  public func reviewersTotal(_ n: Int) -> String { "审核人员 \(n)" }
  public func requiredTotal(_ n: Int) -> String { "按单位应配 \(n)" }
  public func shortTotal(_ n: Int) -> String { "合计缺 \(n) 人" }
  public func groupOverdue(_ n: Int) -> String { "逾\(n)" }
  public var overdueList: String { "逾期" }
  public var dueSoonList: String { "两周内到期" }
  public var waitingList: String { "待触发" }
  public var changedList: String { "上个工作日以来的变更" }
  public var shortfallsList: String { "审核人员不足的单位" }
  public var waitingNav: String { "待触发" }
  public func changedSinceNav(_ since: String) -> String { "\(since) 以来变更" }
  public var nothingMatches: String { "（没有符合筛选或搜索的项）" }

  public func roleMark(_ r: Role) -> String {
    switch r {
    case .lead: "牵"
    case .support: "配"
    }
  }

  public func unitShortBy(_ n: Int) -> String { "缺 \(n)" }
  public var noneNeeded: String { "无需" }
  public var unitOK: String { "达标" }
  public var detailTitle: String { "详情" }
  public var themeLabel: String { "推行任务" }
  public var deadlineLabel: String { "期限" }
  public var statusLabel: String { "状态" }
  public var eventLabel: String { "触发" }
  public var noteLabel: String { "备注" }
  public func completedAfterStatus(_ d: Day) -> String { "（\(d)）" }
  public func historyTitle(_ n: Int) -> String { "历史（\(n)）" }
  public func taskTitle(_ id: String) -> String { "任务 \(id)" }
  public var whenLabel: String { "时间" }
  public var whoLabel: String { "人员" }
  public var whatLabel: String { "操作" }
  public var messageLabel: String { "说明" }
  public func entryTitle(_ seq: Int) -> String { "日志 #\(seq)" }
  public var requiredLabel: String { "应配" }

  public func requiredFormula(_ required: Int, enforcement: Int, percent: Int) -> String {
    "\(required)（\(enforcement) × \(percent)% 向上取整）"
  }

  public var verdictLabel: String { "结论" }
  public func shortByPeople(_ n: Int) -> String { "缺 \(n) 人" }
  public var compliant: String { "达标" }
  public var ratioLabel: String { "实际比例" }
  public var noPercentSet: String { "本方案未设比例" }
  public var unitKeysHint: String { "e 修改单位 · + / − 调整审核人员 · a 新增单位" }
  public func unitTasksTitle(_ n: Int) -> String { "承担的任务（\(n)）" }
  public func unitTitle(_ name: String) -> String { "单位 · \(name)" }

  // MARK: Dashboard: footer and prompts

  public var reloaded: String { "已载入其他人保存的改动" }

  public func keyWorksElsewhere(_ key: String, _ help: String, view: String, number: Int) -> String {
    "\(key)：\(help)，在\(view)视图（\(number)）中可用"
  }

  public func keyUnbound(_ key: String) -> String { "未绑定的按键 \(key)，按 ? 查看帮助" }
  public var nothingToUndoFooter: String { "没有可撤销的改动" }

  public func undidFooter(_ operation: String, by: String, target: String) -> String {
    "↶ 已撤销 \(by) 的\(operation)（\(target)）"
  }

  public func notDoneFooter(_ id: String, _ brief: String) -> String { "↺ 任务 \(id) 改为未完成：\(brief) · u 撤销" }
  public func doneFooter(_ id: String, _ day: Day, _ brief: String) -> String {
    "✓ 任务 \(id) 已完成（\(day)）：\(brief) · u 撤销"
  }
  public func statusFooter(_ id: String, _ status: String) -> String { "任务 \(id)：\(status)" }
  public func notWaitingFooter(_ id: String) -> String { "任务 \(id) 不等待外部事件" }
  public var nothingToChange: String { "没有改动" }

  public func staffingFooter(_ unit: String, enforcement: Int, reviewers: Int, verdict: String) -> String {
    "\(unit)：执法 \(enforcement)，审核 \(reviewers)，\(verdict)"
  }

  public func found(_ n: Int) -> String { "找到 \(n) 项 · Esc 清除搜索" }
  public func noteSavedFooter(_ id: String) -> String { "✎ 任务 \(id) 备注已保存" }
  public func doneOnFooter(_ id: String, _ day: Day) -> String { "✓ 任务 \(id) 已完成（\(day)）· u 撤销" }
  public func eventFooter(_ id: String, _ day: Day) -> String { "⚑ 任务 \(id) 已记录触发（\(day)）" }
  public var dateExample: String { "日期格式应为 2019-09-20" }
  public func notSaved(_ why: String) -> String { "未保存：\(why)" }
  public func changedFirst(_ target: String, field: String, now: String, by: String?, at: String?) -> String {
    guard let by, let at else { return "未保存：\(target) 的\(field)已在别处改为“\(now)”（日志里没有记录）" }
    return "未保存：\(by)（\(at)）已把\(target) 的\(field)改为“\(now)”"
  }
  public func addedFirst(_ target: String, by: String?, at: String?) -> String {
    guard let by, let at else { return "未保存：\(target)已在别处添加" }
    return "未保存：\(by)（\(at)）已添加\(target)"
  }
  public var yoursKept: String { "你输入的还在：Enter 以你的为准保存，Esc 放弃" }
  public func reloadFailed(_ why: String) -> String { "他人保存的文件无法读取：\(why)" }
  public var unitsNotTasks: String { "这里列的是单位；任务在视图 1–3" }
  public var selectTaskFirst: String { "先选中一项任务" }
  public var selectUnitFirst: String { "先选中一个单位" }
  public func notePrompt(_ id: String) -> String { "任务 \(id) 备注：" }
  public func doneOnPrompt(_ id: String) -> String { "任务 \(id) 完成日期：" }
  public func triggerPrompt(_ id: String) -> String { "任务 \(id) 触发日期：" }

  public var needsTerminal: String {
    "sanxiang：仪表盘需要在终端中运行（标准输入和输出都须是终端）。脚本请用子命令：standup、list、show、done、staffing、log……（sanxiang --help）"
  }

  // MARK: Dashboard: help and key bindings

  public var keysTitle: String { "按键 · j/k 滚动 · q 或其他键关闭" }
  public func searchResults(_ query: String, count: Int, groups: [(String, Int)]) -> String {
    "搜索“\(query)”：全方案 \(count) 项"
      + (groups.isEmpty ? "" : " · " + groups.map { "\($0.0) \($0.1)" }.joined(separator: "、"))
  }
  public func checkedStore(_ folder: String) -> String { "检查的方案：\(folder)" }
  public func column(_ header: String) -> String {
    let said = ChangeField(column: header).map(field) ?? header
    return said == header ? "“\(header)”列" : "\(said)（“\(header)”列）"
  }
  public var markers: [(String, String)] {
    [
      (">", "光标所在行"), ("~", "进行中"), ("✓", "已完成"), ("#", "受阻"), ("-", "已取消"),
      ("牵 / 配", "部门视图：该部门牵头 / 配合"), ("◆", "详情：所选部门在此任务中的角色"), ("[ ]", "标题带方括号的窗格有焦点"),
    ]
  }
  public var paneHint: String { "切换窗格" }
  public var keyUp: String { "上移" }
  public var keyDown: String { "下移" }
  public var keyPageUp: String { "上一页" }
  public var keyPageDown: String { "下一页" }
  public var keyFirst: String { "到顶" }
  public var keyLast: String { "到底" }
  public var keyNextPane: String { "下一个窗格" }
  public var keyPreviousPane: String { "上一个窗格" }
  public var keyOpen: String { "进入" }
  public var keyBack: String { "返回" }
  public var keyToggleDone: String { "完成/未完成" }
  public var keyDoneOn: String { "按日期完成" }
  public var keyToggleStarted: String { "进行中/未开始" }
  public var keyToggleBlocked: String { "受阻/解除" }
  public var keyTrigger: String { "记录触发事件" }
  public var keyNote: String { "备注" }
  public var keyUndo: String { "撤销" }
  public var keySearch: String { "搜索" }
  public var keyFilter: String { "切换筛选" }
  public var keyStandup: String { "每日例会" }
  public var keyGroups: String { "工作组" }
  public var keyDepartments: String { "部门" }
  public var keyStaffing: String { "人员配置" }
  public var keyJournal: String { "日志" }
  public var keyHelp: String { "帮助" }
  public var keyRedraw: String { "重绘" }
  public var keyQuit: String { "退出" }
  public var keyEditUnit: String { "修改单位" }
  public var keyAddUnit: String { "新增单位" }
  public var keyReviewerPlus: String { "审核人员 +1" }
  public var keyReviewerMinus: String { "审核人员 −1" }

  // MARK: Command line: help texts

  public var sanxiangAbstract: String { "推行“三项制度”：同一份方案的终端仪表盘和命令行。" }

  public var sanxiangDiscussion: String {
    "不带子命令时打开仪表盘（需要终端）。全局选项写在子命令之前或之后均可。"
      + "退出码：0 正常，64 用法有误，65 数据有误，66 没有该方案或任务，73 无法创建，74 读写出错，"
      + "75 方案被占用或改动冲突（请重试）。"
  }

  public var storeHelp: String { "方案文件夹（默认：$SANXIANG_STORE，否则为 XDG 数据文件夹）。" }
  public var todayHelp: String { "按这一天查看方案，格式 YYYY-MM-DD（默认：今天）。" }
  public var asHelp: String { "日志中记录的操作人（默认：$USER）。" }
  public var langHelp: String { "界面语言，zh 或 en（默认：按系统的区域设置）。" }

  public func formatHelp(_ formats: [String]) -> String {
    formats.count < 2 ? formats.joined() + "。" : formats.dropLast().joined(separator: "、") + " 或 " + formats.last! + "。"
  }

  public var tuiAbstract: String { "打开仪表盘（默认）。" }
  public var standupAbstract: String { "每日例会：逾期、即将到期、待触发、上个工作日以来的变更、人员配置。" }
  public var withinHelp: String { "“即将到期”向后看多少天。" }
  public var listAbstract: String { "按紧急程度列出任务，可筛选。" }
  public var groupHelp: String { "工作组：名称、名称的一部分，或序号（1–4）。" }
  public var departmentHelp: String { "该部门牵头或配合的任务。" }
  public var roleHelp: String { "与 --department 同用：只看一种角色，牵头（lead）或配合（support）。" }
  public var statusHelp: String { "未开始（open）、进行中（in_progress）、已完成（done）或受阻（blocked），多个用逗号分隔。" }
  public var overdueHelp: String { "只看已过期限的任务。" }
  public var dueWithinHelp: String { "只看今后 N 天内到期的任务。" }
  public var waitingHelp: String { "只看等待外部事件的任务。" }
  public var showAbstract: String { "查看一项任务的全部内容和历史。" }
  public var showIDHelp: String { "任务编号（表中的序号）。" }
  public var logAbstract: String { "改动日志，按时间先后。" }
  public var sinceHelp: String { "只看这一天及以后的记录。" }
  public var limitHelp: String { "只看最后 N 条记录。" }
  public var checkAbstract: String { "检查方案：每个文件都能读取，并指出值得一看之处（无法识别的期限、异常日期）。" }
  public var doneAbstract: String { "标记任务已完成（日期为今天，或用 --on 指定）。" }
  public var idsHelp: String { "任务编号，可给多个。" }
  public var doneNoteHelp: String { "随任务保存的备注（替换原有备注）。" }
  public var doneOnHelp: String { "完成的日期（默认：今天）。" }
  public var reopenAbstract: String { "把任务改回未完成（未开始）。" }
  public var startAbstract: String { "标记任务进行中。" }
  public var blockAbstract: String { "标记任务受阻，可附备注说明原因。" }
  public var blockNoteHelp: String { "受阻的原因（替换任务原有备注）。" }
  public var noteAbstract: String { "设置任务的备注（给出空文本即清除）。" }
  public var idHelp: String { "任务编号。" }
  public var noteTextHelp: String { "备注内容。" }
  public var triggerAbstract: String { "记录任务等待的事件已发生；“事件后 N 日内”的任务由此得到到期日。" }
  public var triggerOnHelp: String { "事件发生的日期。" }
  public var undoAbstract: String { "撤销日志中最近一次改动。" }
  public var staffingAbstract: String { "各单位法制审核人员对照审核比例（方案未另行规定时为 5%）。" }
  public var staffingSetAbstract: String { "设置一个单位的人数（新单位则添加）。" }
  public var unitHelp: String { "单位名称。" }
  public var enforcementHelp: String { "从事执法工作的人数。" }
  public var reviewersHelp: String { "法制审核岗位的人数。" }
  public var importAbstract: String { "把任务分工表读入方案（新建，或再次导入已有方案）。" }

  public var importDiscussion: String {
    "能读取 Word 文档（“.docx”）、“Excel”工作簿（“.xlsx”）、网页（“.html”）、“CSV”表格（UTF-8 或 GB18030 编码），"
      + "以及文本：以制表符分隔的，或从 Word 导出、每格一行的。装有“LibreOffice”时，"
      + "“.doc”“.wps”“.xls”“.et”“.odt”“.ods”文件先由它转换再读取。"
      + "没有表格、按编号条文写成的方案（条文末括号中或其后各行写明牵头、配合单位）也能读取。\n\n"
      + "先加 --dry-run 看报告：表头在哪一行、每列读作什么字段、每一处推断、前几项任务将如何保存，不写入任何文件。"
      + "读得不对时：--map “列名=字段”指定某列的字段，--header-row N 指定表头所在的行，--sheet 指定要读取的工作表，"
      + "--year 指定方案年度。拆分不确定的任务在“待核对”列中注明，原文另列保留。\n\n"
      + "再次导入已有方案时，按任务编号更新文字，状态、日期、备注和日志都保留；表中已没有的任务只报告，不删除。"
  }

  public var importFileHelp: String {
    "任务分工表文件：Word 文档、“Excel”工作簿、网页、“CSV”表格或文本；装有“LibreOffice”时也可读旧版文档和表格。"
  }
  public var intoHelp: String { "方案文件夹（不存在则新建）。" }
  public var dryRunHelp: String { "只显示报告，不写入任何文件。" }
  public var agencyHelp: String { "新建方案时：方案所属的机构。" }

  // MARK: Command line: argument-parser's frame and its parse errors

  public var overviewHeading: String { "概述：" }
  public var usageHeading: String { "用法：" }
  public var argumentsHeading: String { "参数：" }
  public var optionsHeading: String { "选项：" }
  public var subcommandsHeading: String { "子命令：" }
  public var helpOptionHelp: String { "显示帮助。" }
  public var versionOptionHelp: String { "显示版本。" }
  public func defaultValue(_ value: String) -> String { "（默认：\(value)）" }
  public func possibleValues(_ values: String) -> String { "（可选：\(values)）" }
  public func possibleValues(_ values: String, default value: String) -> String { "（可选：\(values)；默认：\(value)）" }
  public func seeHelp(_ command: String) -> String { "详见 \(command)" }
  public func seeSubcommandHelp(_ command: String) -> String { "各子命令的帮助：\(command)" }
  public var errorLabel: String { "错误：" }
  public var usageLabel: String { "用法：" }
  public var helpLabel: String { "说明：" }

  public func unknownOption(_ name: String, suggestion: String?) -> String {
    "没有选项 \(name)" + (suggestion.map { "，是不是要用 \($0)？" } ?? "")
  }

  public func missingValue(_ option: String) -> String { "\(option) 缺少取值" }
  public func unexpectedArguments(_ values: [String]) -> String {
    "多余的参数：" + values.map { "“\($0)”" }.joined(separator: "、")
  }
  public func missingArgument(_ names: [String]) -> String { "缺少参数 " + names.joined(separator: " 或 ") }
  public func invalidValue(_ value: String, for option: String) -> String { "“\(value)”不是 \(option) 可用的值" }
  public func takesNoValue(_ option: String, value: String) -> String { "\(option) 不带取值，却给了“\(value)”" }

  // MARK: Command line: reports

  public var noTasksMatch: String { "没有符合条件的任务。" }
  public var journalEmpty: String { "日志为空。" }
  public func warning(_ text: String) -> String { "注意：\(text)" }

  public func checkOK(tasks: Int, groups: Int, departments: Int, units: Int, entries: Int, warnings: Int) -> String {
    "正常：\(tasks) 项任务，\(groups) 个工作组，\(departments) 个部门，\(units) 个单位，\(entries) 条日志；\(warnings) 处提示"
  }

  public func createdFromSample(_ folder: String) -> String {
    "sanxiang: 已用内置示例方案创建 \(folder)（用 --store 文件夹 或 $SANXIANG_STORE 指定自己的方案）"
  }

  public func requirement(_ text: String) -> String { "要求：\(text)" }
  public func completedClause(_ d: Day) -> String { "，\(d) 完成" }
  public func historyHeading(_ n: Int) -> String { "历史 (\(n))" }
  public var total: String { "合计" }
  public var columnStatus: String { "状态" }
  public var columnRole: String { "角色" }
  public var columnMeasure: String { "工作措施" }
  public var columnDeadline: String { "期限" }
  public var columnUnit: String { "单位" }
  public var columnEnforcementShort: String { "执法" }
  public var columnReviewersShort: String { "审核" }
  public var columnRequiredShort: String { "应配" }
  public var columnShortfallShort: String { "缺口" }
  public var columnRatio: String { "比例" }
  public func columnAgainst(_ percent: Int) -> String { "对照 \(percent)% 线" }
  public var columnEnforcement: String { "执法" }
  public var columnReviewers: String { "审核" }
  public var columnRequired: String { "应配" }
  public var columnShortfall: String { "缺口" }
  public var columnCompliant: String { "达标" }
  public func ruleLine(_ percent: Int) -> String { "规则：审核人员不少于执法人员的 \(percent)%（每个单位）" }
  public var noPercentLine: String { "本方案未设比例：审核人员满足工作需要即可" }

  public func warnUnreadDeadline(_ file: String, id: String, text: String) -> String {
    "\(file)：任务 \(id) 的期限“\(text)”无法识别，按原文保留"
  }

  public func warnDoneWithoutDate(_ file: String, id: String) -> String { "\(file)：任务 \(id) 已完成但没有完成日期" }
  public func warnDateNotDone(_ file: String, id: String) -> String { "\(file)：任务 \(id) 未完成却有完成日期" }

  public func warnCompletedAfterToday(_ file: String, id: String, _ d: Day) -> String {
    "\(file)：任务 \(id) 的完成日期 \(d) 在今天之后"
  }

  public func warnNoLead(_ file: String, id: String) -> String { "\(file)：任务 \(id) 没有牵头部门" }

  public func warnUnknownSetting(_ file: String, line: Int, key: String) -> String {
    "\(file):\(line)：未知设置“\(key)”（保留不动）"
  }

  public func notice(_ n: StoreNotice) -> String {
    switch n {
    case .rolledForward(let journal, let count):
      "\(journal)：最近 \(count) 项改动已记入日志、尚未写入文件（保存曾被中断）；已补上，下次保存时写入"
    case .tornJournalLine(let journal):
      "\(journal)：最后一行不完整（保存曾被中断？）；下次保存时移到 \(JournalFile.name).torn 保留"
    }
  }

  // MARK: Command line: confirmations

  public func doneSaid(_ id: String, _ d: Day, _ brief: String) -> String { "✓ \(id) 已完成（\(d)）：\(brief)" }
  public func alreadyDone(_ id: String) -> String { "\(id) 早已完成，未作改动" }
  public func reopenedSaid(_ id: String, _ brief: String) -> String { "↺ \(id) 已重新打开：\(brief)" }
  public func alreadyOpen(_ id: String) -> String { "\(id) 本来就未完成，未作改动" }
  public func startedSaid(_ id: String, _ brief: String) -> String { "▶ \(id) 进行中：\(brief)" }
  public func alreadyStarted(_ id: String) -> String { "\(id) 已在进行中" }
  public func blockedSaid(_ id: String, _ brief: String) -> String { "■ \(id) 受阻：\(brief)" }
  public func alreadyBlocked(_ id: String) -> String { "\(id) 已是受阻状态" }
  public func noteSaid(_ id: String) -> String { "✎ \(id) 备注已保存" }
  public func noteUnchanged(_ id: String) -> String { "\(id) 备注未变" }
  public func triggeredSaid(_ id: String, on: String, _ reading: String) -> String { "⚑ \(id) 已记录触发（\(on)）：\(reading)" }
  public func alreadyTriggered(_ id: String) -> String { "\(id) 已记录过该触发日期" }
  public var nothingToUndo: String { "没有可撤销的改动。" }

  public func undidSaid(seq: Int, operation: String, by: String, target: String, changes: String) -> String {
    "↶ 已撤销 #\(seq)（\(by) 的\(operation)，\(target)）：\(changes)"
  }

  public func staffingUnchanged(_ unit: String) -> String { "\(unit) 人数未变" }

  public func staffingSaid(_ unit: String, _ c: StaffingCheck, verdict: String) -> String {
    "\(unit)：执法 \(c.enforcement) 人，审核 \(c.reviewers) 人，应配 \(c.required.map(String.init) ?? "—") 人，\(verdict)"
  }

  public var dryRun: String { "（演练：未写入任何文件）" }
  public func storeCreated(_ folder: String) -> String { "已创建方案：\(folder)" }
  public func storeUpdated(_ folder: String) -> String { "已更新方案：\(folder)" }
  public func storeUnchanged(_ folder: String) -> String { "方案未变：\(folder)（没有要写入的变化）" }

  // MARK: Keeping the plan: command line

  public var initAbstract: String { "在新文件夹中新建一个空方案（无需 Word 表格）。" }
  public var initDirHelp: String { "要在其中新建方案的文件夹。" }
  public var titleHelp: String { "方案的标题。" }
  public var planAgencyHelp: String { "方案所属的机构。" }
  public var reviewerPercentHelp: String { "每百名执法人员应配的审核人员数（默认 5）。" }
  public var planYearHelp: String { "方案年度：未写年份的期限（如“年底前”“二季度”）按此年度理解。" }
  public var groupsHelp: String { "工作组（可重复给出，按顺序）。" }
  public var addAbstract: String { "在工作组中新增一项任务（编号取该组下一个空号）。" }
  public var addGroupHelp: String { "工作组：名称、序号，或名称中唯一的一部分。" }
  public var measureHelp: String { "要做什么（工作措施）。" }
  public var themeHelp: String { "所属的推行任务。" }
  public var leadHelp: String { "牵头部门（多个可重复给出）。" }
  public var supportHelp: String { "配合部门（多个可重复给出）。" }
  public var deadlineHelp: String { "方案原文的完成时限，如 2020年6月底前。" }
  public var requirementHelp: String { "具体要求。" }
  public var addIDHelp: String { "任务编号（默认：该组下一个空号）。" }
  public var newDepartmentHelp: String { "与已有部门只差一个字的名称也按新部门保存。" }
  public var editAbstract: String { "修改任务的工作措施、推行任务、工作组、部门、完成时限或自定义列。" }
  public var newMeasureHelp: String { "新的工作措施。" }
  public var newThemeHelp: String { "新的推行任务。" }
  public var moveToGroupHelp: String { "移到这个工作组。" }
  public var newLeadHelp: String { "牵头部门（可重复给出；替换原有的全部）。" }
  public var newSupportHelp: String { "配合部门（可重复给出；替换原有的全部）。" }
  public var newDeadlineHelp: String { "新的完成时限（方案原文）。" }
  public var newRequirementHelp: String { "新的具体要求。" }
  public var setColumnHelp: String { "自定义列：列名=值。" }
  public var retireAbstract: String { "把任务移出方案：不再列入清单和统计，仍保留在文件和日志中。" }
  public var retireNoteHelp: String { "原因（替换任务原有备注）。" }
  public var groupAbstract: String { "新增工作组、为工作组改名或调整顺序。" }
  public var groupAddAbstract: String { "在末尾新增一个工作组。" }
  public var groupNameHelp: String { "工作组名称。" }
  public var groupRenameAbstract: String { "为工作组改名，其任务随之更新。" }
  public var groupRefHelp: String { "工作组（名称、序号或名称中唯一的一部分）。" }
  public var newNameHelp: String { "新名称。" }
  public var groupMoveAbstract: String { "把工作组移到另一组之前（或移到末尾）。" }
  public var beforeHelp: String { "移到这个工作组之前（默认：移到末尾）。" }
  public var departmentAbstract: String { "在所有出现的地方为部门改名。" }
  public var departmentRenameAbstract: String { "在所有牵头和配合单元格中为部门改名（记一条日志）。" }
  public var departmentNowHelp: String { "部门现在的名称。" }
  public var forceNameHelp: String { "与另一部门只差一个字的新名称也照此保存。" }
  public var unitRenameAbstract: String { "为单位改名。" }
  public var unitNowHelp: String { "单位现在的名称。" }
  public var unitRetireAbstract: String { "把单位移出审核比例（已合并撤销）；仍保留在文件中。" }
  public var newUnitHelp: String { "与已有单位只差一个字的名称也按新单位保存。" }
  public var retiredHelp: String { "只看已移出方案（已取消）的任务。" }
  public func planCreated(_ folder: String) -> String { "已创建空方案：\(folder)" }

  public func taskAdded(_ id: String, group: String, _ brief: String, _ reading: String) -> String {
    "＋ 已添加任务 \(id)（\(group)）：\(brief)；\(reading)"
  }

  public func taskExists(_ id: String) -> String { "任务 \(id) 已存在" }
  public func taskEdited(_ id: String, _ changes: String) -> String { "✎ 已修改任务 \(id)：\(changes)" }
  public func taskUnchanged(_ id: String) -> String { "任务 \(id) 未作改动" }

  public func retiredSaid(_ id: String, _ brief: String) -> String {
    "－ 任务 \(id) 已取消（仍保留在文件和日志中，u 或 undo 可恢复）：\(brief)"
  }

  public func alreadyRetired(_ id: String) -> String { "任务 \(id) 早已取消" }
  public func groupAdded(_ name: String) -> String { "＋ 已添加工作组：\(name)" }
  public func groupExists(_ name: String) -> String { "工作组“\(name)”已存在" }

  public func groupRenamed(_ old: String, to new: String, tasks: Int) -> String {
    "✎ 工作组“\(old)”改名为“\(new)”（\(tasks) 项任务随之更新）"
  }

  public var groupNameUnchanged: String { "工作组名称未变" }
  public func groupsInOrder(_ groups: [String]) -> String { "↕ 工作组顺序：" + groups.joined(separator: "、") }
  public var orderUnchanged: String { "工作组顺序未变" }

  public func departmentRenamed(_ old: String, to new: String, tasks: Int) -> String {
    "✎ 部门“\(old)”改名为“\(new)”（\(tasks) 项任务随之更新）"
  }

  public var departmentNameUnchanged: String { "部门名称未变" }
  public func unitRenamed(_ old: String, to new: String) -> String { "✎ 单位“\(old)”改名为“\(new)”" }
  public var unitNameUnchanged: String { "单位名称未变" }
  public func unitRetired(_ unit: String) -> String { "－ 单位“\(unit)”已撤销（保留在文件中，undo 可恢复）" }
  public func unitAlreadyRetired(_ unit: String) -> String { "单位“\(unit)”早已撤销" }

  public func warnNearNames(_ file: String, _ a: String, _ b: String) -> String {
    "\(file)：名称“\(a)”与“\(b)”几乎相同，是否同一个部门或单位？（可用 department rename 统一）"
  }

  public func readAsBy(_ d: Day) -> String { "读作：\(d) 前" }
  public func readAsByThenOngoing(_ d: Day) -> String { "读作：\(d) 前，之后持续" }
  public func readAs(_ kind: String) -> String { "读作：\(kind)" }
  public var typedNotUnderstood: String { "无法识别，按原文保存（check 会提示）" }

  // MARK: Keeping the plan: dashboard

  public var keyAddTask: String { "新增任务" }
  public var keyEditTask: String { "修改任务" }
  public var keyRetireTask: String { "取消任务（先确认）" }
  public var readOnlyFooter: String { "只读：这里不能保存改动" }
  public var readOnlyMark: String { "［只读］" }
  public var escCancels: String { "Esc 取消" }
  public func confirmRetirePrompt(_ id: String) -> String { "取消任务 \(id)（移出清单和统计，保留在文件中）？y 确认 " }

  public func confirmOthersUndo(_ by: String, _ operation: String, target: String) -> String {
    "你没有可撤销的改动。撤销 \(by) 的\(operation)（\(target)）？y 确认 "
  }

  public var nothingUndone: String { "未撤销" }
  public func notRetiredFooter(_ id: String) -> String { "未取消任务 \(id)" }
  public func retiredFooter(_ id: String) -> String { "－ 任务 \(id) 已取消（保留在文件中）· u 撤销" }
  public var formCancelled: String { "已取消，未保存" }

  public func formNoGroup(_ group: String, groups: [String]) -> String {
    "没有工作组“\(group)”（现有：\(groups.joined(separator: "、"))）"
  }

  public var formEmptyMeasure: String { "工作措施不能为空" }

  public func formNearDepartment(_ name: String, _ near: String) -> String {
    "“\(name)”与已有的“\(near)”只差一个字，是否写错了？确为新部门请再按 Enter"
  }

  public func formTaskGone(_ id: String) -> String { "任务 \(id) 已不存在" }
  public var formEmptyID: String { "编号不能为空" }
  public func formTaskExists(_ id: String) -> String { "任务 \(id) 已存在" }
  public func taskChangedFooter(_ id: String) -> String { "✎ 任务 \(id) 已修改 · u 撤销" }
  public func taskAddedFooter(_ id: String) -> String { "＋ 已添加任务 \(id) · u 撤销" }
  public var formEmptyUnit: String { "单位名称不能为空" }
  public var formCounts: String { "执法人员和审核人员应为非负整数" }
  public func formUnitExists(_ name: String) -> String { "单位“\(name)”已存在" }

  public func formNearUnit(_ name: String, _ near: String) -> String {
    "“\(name)”与已有的“\(near)”只差一个字，是否写错了？确为新单位请再按 Enter"
  }

  public var formKeys: String { "Tab/S-Tab 换项  → 补全部门  Enter 保存  Esc 取消" }
  public var addTaskTitle: String { "新增任务" }
  public func editTaskTitle(_ id: String) -> String { "修改任务 \(id)" }
  public var addUnitTitle: String { "新增单位" }
  public func editUnitTitle(_ name: String) -> String { "修改单位 · \(name)" }

  // MARK: Roll-up: the command and its report

  public var rollupAbstract: String { "汇总多个机构的方案（只读）：进度、逾期、人员配置，以及谁没有报送。" }

  public var rollupDiscussion: String {
    "每个 <dir> 是一个方案文件夹，或其子文件夹（下一层）是方案文件夹。机构名取 plan.ini 中的“agency”，没有则用文件夹名。"
      + "退出码：66 某个 <dir> 里没有方案；65 所有方案都无法读取；64 用法有误。"
  }

  public var rollupFormatHelp: String {
    "text、json、markdown、csv，或通报文件 xlsx、docx（用 -o 指定文件；不给出时：在终端上打开汇总看板，否则为 text）。"
  }
  public var pullHelp: String { "先在每个是 git 克隆的方案文件夹里运行“git pull --ff-only”（同时多个）。" }
  public var dirsHelp: String { "方案文件夹，或其子文件夹是方案的文件夹。" }

  public func rollupHeading(agencies n: Int, today: Day) -> String {
    "汇总 · \(n) 个机构 · \(today) " + weekday(today.weekday)
  }

  public func rollupOverview(_ t: RollupTotal) -> String {
    let f = t.figures
    var parts = [
      "进度 \(f.done)/\(f.tasks)", "逾期 \(f.overdue)", "14 天内到期 \(f.dueSoon)", "审核人员不足 \(f.staffingShortUnits) 个单位",
      "未报送 \(t.notReporting) 个机构",
    ]
    if t.failed > 0 { parts.append("无法读取 \(t.failed) 个") }
    return parts.joined(separator: " · ")
  }

  public var agencyColumn: String { "机构" }
  public var storeColumn: String { "方案目录" }
  public var tasksColumn: String { "任务" }
  public var progressColumn: String { "进度" }
  public var doneColumn: String { "已完成" }
  public var inProgressColumn: String { "进行中" }
  public var overdueColumn: String { "逾期" }
  public var dueSoonColumn: String { "14天内到期" }
  public var waitingColumn: String { "待触发" }
  public var shortColumn: String { "审核缺口" }
  public var lastChangeColumn: String { "最近变更" }
  public var daysSinceColumn: String { "距今天数" }
  public var notReportingColumn: String { "未报送" }
  public var errorColumn: String { "错误" }
  public var idColumn: String { "序号" }
  public var overdueAgenciesColumn: String { "逾期机构" }
  public var overdueIn: String { "逾期：" }
  public var yes: String { "是" }
  public var no: String { "否" }

  public func lastChange(_ a: AgencySummary) -> String {
    guard let at = a.lastChange, let days = a.daysSinceChange else { return "从未" }
    let day = String(at.prefix(10))
    return days == 0 ? day + " · 今天" : day + " · \(days) 天前"
  }

  public var notReporting: String { "未报送" }
  public var unreadable: String { "无法读取" }
  public func failedHeading(_ n: Int) -> String { "无法读取 (\(n))" }
  public func failure(_ a: AgencySummary) -> String { a.label + "：" + (a.error?.description(self) ?? "") }
  public func measuresHeading(_ rows: Int, agencies: Int) -> String { "工作措施（\(rows) 项 × \(agencies) 个机构）" }
  public var noSharedMeasures: String { "各机构的方案没有共同的工作措施（编号和内容相同），不列措施矩阵。" }
  public func measureCounts(_ r: MeasureRow) -> String { "完成 \(r.doneIn)/\(r.heldBy) · 逾期 \(r.overdueIn)" }

  public func measureStatus(_ s: MeasureStatus) -> String {
    switch s {
    case .overdue: "逾期"
    case .done: "已完成"
    case .waiting: "待触发"
    case .blocked: "受阻"
    case .inProgress: "进行中"
    case .open: "未开始"
    }
  }

  public var legend: String {
    [MeasureStatus.done, .inProgress, .overdue, .waiting, .blocked, .open].map { $0.glyph + " " + measureStatus($0) }
      .joined(separator: "  ")
  }

  public func rollupError(_ e: RollupError) -> String {
    switch e {
    case .noSuchFolder(let f): "没有这个文件夹：\(f)"
    case .noStore(let f): "\(f) 里没有方案：它不是方案文件夹，下一层也没有方案文件夹（应有 tasks.csv）"
    }
  }

  public var everyStoreFailed: String { "所有方案都无法读取" }

  // MARK: Roll-up: the dashboard

  public func rollupTitle(_ agencies: Int) -> String { "汇总 · \(agencies) 个机构" }
  public var agenciesView: String { "机构" }
  public var measuresView: String { "措施矩阵" }
  public func agenciesListTitle(_ n: Int) -> String { "机构（最需关注的在前）(\(n))" }
  public var unitsListTitle: String { "各机构单位 · 执法 · 审核/应配 · 缺口" }
  public var lateShort: String { "逾期" }
  public var soonShort: String { "14天" }
  public var waitShort: String { "待触发" }
  public var shortShort: String { "缺审核" }
  public func moreAgencies(from: Int, to: Int, of n: Int) -> String { "← → 查看其他机构（\(from)–\(to)/\(n)）" }
  public func storeLine(_ folder: String) -> String { "方案目录  \(folder)" }
  public func changedLine(_ when: String) -> String { "最近变更  \(when)" }

  public func agencyFigures(_ f: AgencyFigures) -> String {
    "任务 \(f.tasks) · 已完成 \(f.done) · 进行中 \(f.inProgress) · 逾期 \(f.overdue) · 14天内到期 \(f.dueSoon) · 待触发 \(f.waiting)"
  }

  public func agencyShortUnits(_ n: Int) -> String { "审核人员不足的单位 \(n) 个" }
  public var openStandupHint: String { "Enter 打开该机构的每日例会（只读）" }
  public func measureTitle(_ id: String) -> String { "措施 \(id)" }
  public var hintViews: String { "视图" }
  public var hintMove: String { "移动" }
  public var hintScroll: String { "左右滚动" }
  public var hintOpenAgency: String { "打开机构（只读）" }
  public var rollupScrollLeft: String { "措施矩阵向左滚动" }
  public var rollupScrollRight: String { "措施矩阵向右滚动" }
  public var rollupHelpOpen: String { "打开该机构的方案（只读）" }
  public var rollupHelpBack: String { "从机构返回汇总" }
  public var legendLabel: String { "图例" }
  public var enterOpensAgency: String { "在机构或人员配置视图中选中一个机构后按 Enter" }
  public var onlyMatrixScrolls: String { "只有措施矩阵（按 2）可以左右滚动" }
  public var atRollupAlready: String { "已在汇总；在机构的方案中按 Esc 返回这里" }
  public func readOnlyAgency(_ label: String) -> String { "只读：\(label) 的方案 · Esc 返回汇总" }

  // MARK: Roll-up: git

  public func pulling(_ n: Int, atOnce: Int) -> String { "正在拉取 \(n) 个仓库（同时 \(atOnce) 个）…" }
  public func pullProgress(_ done: Int, of n: Int) -> String { "git pull：\(done)/\(n)" }

  public func pullSummary(updated: Int, upToDate: Int, failed: Int, notClones: Int) -> String {
    "拉取完毕：更新 \(updated) 个，无变化 \(upToDate) 个，失败 \(failed) 个，不是 git 仓库 \(notClones) 个"
  }

  public func pullFailed(_ folder: String, _ f: Git.Failure) -> String { "  " + folder + "：" + gitFailure(f) }

  public func gitFailure(_ f: Git.Failure) -> String {
    switch f {
    case .gitMissing: "没有安装 git"
    case .cannotStart(let e): "无法启动 git（\(systemError(e))）"
    case .notAClone: "不是 git 仓库（文件夹里没有 .git）"
    case .notARepository: "不在任何 git 仓库里"
    case .unreachable(let d): "无法连接远程仓库（\(d)）"
    case .diverged: "与远程仓库分叉，无法快进；请在该文件夹里手动合并"
    case .noUpstream: "当前分支没有跟踪远程分支"
    case .localChanges: "本地有未提交的改动，拉取会覆盖它们"
    case .other(let d): "git 出错：\(d)"
    }
  }

  public func commitFailed(_ f: Git.Failure) -> String { "已保存，但未能提交到 git：" + gitFailure(f) }
  public func commitChanges(_ n: Int) -> String { "\(n) 项变更：" }

  // MARK: The command line's errors (`CommandError`)

  public var noDashboard: String { "此版本没有仪表盘" }
  public func terminalUnusable(term: String) -> String {
    "此终端（TERM=\(term.isEmpty ? "未设置" : term)）无法显示仪表盘；请设置 TERM（如 xterm-256color），"
      + "或使用子命令：standup、list、show、done、staffing、log（sanxiang --help）"
  }
  public var noStoreGiven: String { "没有指定方案：请用 --store 文件夹，或设置环境变量 SANXIANG_STORE" }
  public func noGroup(_ text: String, groups: [String]) -> String {
    "没有工作组“\(text)”（工作组：\(groups.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "、"))）"
  }
  public func severalGroups(_ text: String, _ hits: [String]) -> String {
    "“\(text)”对应多个工作组：\(hits.joined(separator: "、"))"
  }
  public func noDepartment(_ text: String, departments all: [String]) -> String {
    "没有部门“\(text)”（部门：\(all.joined(separator: "、"))）"
  }
  public func severalDepartments(_ text: String, _ hits: [String]) -> String {
    "“\(text)”对应多个部门：\(hits.joined(separator: "、"))"
  }
  public func badRole(_ r: String) -> String { "--role 应为 牵头（lead）或 配合（support），而不是“\(r)”" }
  public func badDateOption(option: String, value v: String) -> String { "\(option) 应为日期，如 2019-09-20，而不是“\(v)”" }
  public func badLang(_ l: String) -> String { "--lang 应为 zh 或 en，而不是“\(l)”" }
  public var badScreenSize: String { "--screen 应写成 宽x高，如 80x24" }
  public var noTaskIDs: String { "请至少给出一个任务编号" }
  public func notWaiting(id: String, deadline: String) -> String { "任务 \(id) 不等待外部事件（其期限为“\(deadline)”）" }
  public func newUnitNeedsBoth(_ name: String) -> String { "\(name) 是新单位：请同时给出 --enforcement 和 --reviewers" }
  public func countOutOfRange(option: String, max: Int) -> String { "\(option) 应为 0 到 \(max) 的整数" }
  public var noCounts: String { "请给出 --enforcement、--reviewers 或两者" }
  public var noUnitName: String { "请给出单位名称" }
  public func nearName(_ name: String, near: [String]) -> String {
    "“\(name)”与已有的“\(near.joined(separator: "”“"))”只差一个字，是否写错了？如确为新名称，请加 --new"
  }
  public var percentOutOfRange: String { "--reviewer-percent 应为 0 到 100 的整数" }
  public func yearOutOfRange(_ year: Int) -> String { "--year 应为年份，如 2021：\(year)" }
  public var emptyMeasure: String { "工作措施不能为空" }
  public var emptyTaskID: String { "任务编号不能为空" }
  public var badSetOption: String { "--set 的写法是 列名=值" }
  public func ownColumn(_ column: String) -> String { "“\(column)”是方案自带的列，请用对应的选项（如 --measure）" }
  public var emptyGroupName: String { "工作组名称不能为空" }
  public var emptyNewName: String { "新名称不能为空" }
  public func unitExists(_ name: String) -> String { "单位“\(name)”已存在" }
  public func noUnit(_ name: String) -> String { "没有单位“\(name)”" }
  public var noRollupFolders: String { "请给出至少一个文件夹：sanxiang rollup <dir>…" }
  public func formatNotOffered(_ f: String, offered: [String]) -> String {
    "此命令没有“\(f)”格式（可用：\(offered.joined(separator: "、"))）"
  }
  public var roleNeedsDepartment: String { "--role 须与 --department 一起使用" }
  public func dateAfterToday(option: String, value v: String, today: String) -> String {
    "\(option) \(v) 在今天（\(today)）之后"
  }

  // MARK: Errors

  public func reason(_ r: StoreError.Reason) -> String {
    switch r {
    case .cannotRead(let e): "无法读取：\(systemError(e))"
    case .cannotWrite(let e): "无法写入：\(systemError(e))"
    case .cannotFlush(let e): "无法写入磁盘：\(systemError(e))"
    case .cannotOpenFolder(let e): "无法打开文件夹：\(systemError(e))"
    case .cannotCreateTemporary(let e): "无法创建临时文件：\(systemError(e))"
    case .cannotReplace(let e): "无法替换文件：\(systemError(e))"
    case .cannotOpenForWriting(let e): "无法打开文件以写入：\(systemError(e))"
    case .cannotOpen(let e): "无法打开：\(systemError(e))"
    case .cannotTruncate(let e): "无法截短文件：\(systemError(e))"
    case .cannotCreateFolder(let e): "无法创建文件夹：\(systemError(e))"
    case .cannotCreateLock(let e): "无法创建锁文件：\(systemError(e))"
    case .invalidUTF8: "不是有效的 UTF-8 文本"
    case .nulByte: "文本中有空字符"
    case .rowTooLarge(let kib, let limit): "这一行有 \(kib) KB，每行不得超过 \(limit) KB"
    case .emptyFile: "文件是空的：应有表头行"
    case .quotedFieldNeverClosed: "加了引号的字段没有结束的引号"
    case .textAfterClosingQuote: "结束引号之后还有文字（字段中的引号要写成两个）"
    case .quoteInUnquotedField: "未加引号的字段中有引号（请给整个字段加上引号，并把其中的引号写成两个）"
    case .columnTwice(let name): "表头中“\(name)”列出现了两次"
    case .fieldCount(let n, let header): "这一行有 \(n) 个字段，表头却有 \(header) 个"
    case .missingColumn(let name, let alias?): "表头中没有“\(alias)”列（也可写作“\(name)”）"
    case .missingColumn(let name, nil): "表头中没有“\(name)”列"
    case .emptyID: "编号为空：每项任务都要有编号"
    case .unknownStatus(let s): "未知的状态“\(s)”（应为 未开始、进行中、已完成 或 受阻）"
    case .badDate(let s): "日期“\(s)”有误（应写成 2019-08-31 这样的日期）"
    case .duplicateID(let id, let line): "编号“\(id)”重复（第一次出现在第 \(line) 行）"
    case .emptyUnitName: "单位名称为空"
    case .unitTwice(let name, let line): "单位“\(name)”出现了两次（第一次在第 \(line) 行）"
    case .countNotNumber(let f, let text): "\(field(.unit(f)))应为整数，而不是“\(text)”"
    case .negativeCount(let v): "人数不能为负数：\(v)"
    case .countTooLarge(let v): "人数 \(v) 大得不合常理"
    case .notKeyValue: "应为“键 = 值”的格式"
    case .badReviewerPercent: "reviewer_percent 应为 0 到 100 的整数；方案不设比例则留空"
    case .badStart: "start 应为日期，如 2019-08-01"
    case .badYear: "year 应为年份，如 2021"
    case .badDayList(let key): "\(key) 应为日期（如 2019-10-01）或日期范围（如 2019-10-01..2019-10-07）"
    case .journalEntryIncomplete: "日志记录缺少 seq、at 或 op"
    case .json(let p): jsonProblem(p)
    case .noStoreFolder: "没有这个方案文件夹（可用 sanxiang import 表格文件 --into 文件夹 新建）"
    case .notAStore(let missing): "不是 sanxiang 方案：缺少 \(missing)"
    case .storeExists(let file): "这里已经有方案（\(file) 已存在）"
    case .locked(let pid, let host): "方案正被 \(host) 上的进程 \(pid) 占用；请稍后重试，若该进程已不在，可删除 \(StoreLock.name)"
    case .lockedByAnother: "方案正被另一个进程占用；请稍后重试，若该进程已不在，可删除 \(StoreLock.name)"
    case .noTask(let id): "没有任务“\(id)”（用 sanxiang list 查看编号）"
    case .taskChangedMeanwhile(let id, let f, let now):
      "任务 \(id) 刚被他人改动（其\(field(.task(f)))现为\(now.isEmpty ? "空" : "“\(value(now))”")）；未保存任何改动，请查看后重试"
    case .unitChangedMeanwhile(let u): "单位 \(u) 刚被他人改动；未保存任何改动，请查看后重试"
    case .planChangedMeanwhile: "方案刚被他人改动"
    case .badGitCommit: "git_commit 应为 on 或 off"
    case .savedAsGB18030:
      "文件是 GBK/GB18030 编码（电子表格软件另存的“CSV”）；请在 WPS 或 Excel 中另存为“CSV UTF-8（逗号分隔）”，或用记事本另存为 UTF-8"
    }
  }

  /// A stored value in words: status tokens by name.
  private func value(_ v: FieldValue) -> String {
    if case .status(let s) = v { return status(s) }
    return v.text
  }

  public func systemError(_ errno: Int32) -> String {
    switch errno {
    case ENOENT: "没有这个文件或文件夹"
    case EACCES, EPERM: "没有权限"
    case ENOSPC: "磁盘已满"
    case EDQUOT: "超出磁盘配额"
    case EIO: "磁盘读写错误"
    case EROFS: "只读的文件系统"
    case EEXIST: "已经存在"
    case ENOTDIR: "路径中有一项不是文件夹"
    case EISDIR: "这是一个文件夹"
    case ENAMETOOLONG: "文件名太长"
    case EMFILE, ENFILE: "打开的文件太多"
    case ELOOP: "符号链接层数太多"
    case EBUSY: "设备或资源忙"
    case EXDEV: "不能跨文件系统改名"
    case ENOTEMPTY: "文件夹不是空的"
    case EINVAL: "参数无效"
    default: "系统错误 \(errno)"
    }
  }

  public func jsonProblem(_ p: JSONError.Problem) -> String {
    switch p {
    case .textAfterValue: "值后面还有多余的文字"
    case .expectedLiteral(let word): "应为“\(word)”"
    case .nestedTooDeeply: "嵌套层数太多"
    case .endOfLine: "这一行意外地结束了"
    case .expectedKey: "应为加引号的键名"
    case .expectedColon: "应为“:”"
    case .expectedCommaOrBrace: "应为“,”或“}”"
    case .expectedCommaOrBracket: "应为“,”或“]”"
    case .expectedWholeNumber: "应为整数"
    case .unexpectedCharacter: "意外的字符"
    case .badUnicodeEscape: "\\u 转义有误"
    case .controlCharacter: "字符串中有控制字符"
    case .badEscape: "转义有误"
    case .stringNeverClosed: "字符串没有结束的引号"
    case .invalidUTF8: "不是有效的 UTF-8 文本"
    }
  }

  // MARK: Import

  public var importSheetHelp: String { "要读取的工作表的名称（默认：第一个有数据的工作表）。" }

  public var importMapHelp: String {
    "指定某列的字段，覆盖自动判断：“列名=字段”，字段为序号、工作组、主题、措施、要求、牵头、配合、期限或其他，"
      + "也可写英文名，如“id”“measure”；可重复。"
  }

  public var importYearHelp: String { "方案年度：未写年份的期限（如“年底前”“二季度”）按此年度理解（默认取自标题或正文）。" }

  public var importHeaderRowHelp: String { "表头所在的行（自动判断有误时）：文本文件的行号，或工作表、文档中表格的行号。" }

  public func place(_ p: SourcePlace) -> String {
    switch p {
    case .line(let n): return "第 \(n) 行"
    case .paragraph(let n): return "第 \(n) 段"
    case .cell(let sheet, let table, let row, 0):
      if let sheet { return "\(sheet) 第 \(row) 行" }
      if let table { return "表 \(table) 第 \(row) 行" }
      return "第 \(row) 行"
    case .cell(let sheet, let table, let row, let column):
      if let sheet { return "\(sheet)!" + SourcePlace.columnLetters(column) + String(row) }
      if let table { return "表 \(table) 第 \(row) 行第 \(column) 列" }
      return "第 \(row) 行第 \(column) 列"
    }
  }

  public func sourceFormat(_ f: SourceFormat) -> String {
    switch f {
    case .docx: "Word 文档（.docx）"
    case .xlsx: "Excel 工作簿（.xlsx）"
    case .html: "网页（.html）"
    case .csv: "CSV 表格"
    case .wordFlattened: "Word 导出文本（每格一行、以制表符开头）"
    case .tabSeparated: "制表符分隔文本"
    case .cellPerLine: "LibreOffice 导出文本（每格一行）"
    case .plainText: "文本"
    }
  }

  public func importField(_ f: ImportField?) -> String {
    switch f {
    case .id: "序号"
    case .group: "工作组"
    case .theme: "任务类别"
    case .measure: "工作措施"
    case .requirement: "具体要求"
    case .lead: "牵头部门"
    case .support: "配合部门"
    case .deadline: "完成时限"
    case .extra, nil: "保留为其他列"
    }
  }

  private func list(_ items: [String]) -> String { items.joined(separator: listSeparator) }

  public func guess(_ g: TableGuess) -> String {
    switch g {
    case .encodingConverted(let from):
      return "文件不是 UTF-8，按 \(from) 读取并转换"
    case .tableChosen(let i, let n, let rows):
      return "文档中有 \(n) 个表格，取第 \(i) 个（\(rows) 行）"
    case .sheetChosen(let name, let skipped):
      return "取表头列名最全的工作表“\(name)”（跳过：\(list(skipped))）"
    case .converted(let from, let to):
      return "已用 LibreOffice 将 .\(from) 转换为 .\(to)"
    case .rowsByNumbers(let n, let rows):
      return "每格一行的文本：按各行序号的位置分为 \(rows) 行，每行 \(n) 格"
    case .twoRowHeader(let p):
      return "表头占两行（至\(place(p))）"
    case .headerSpans(let name, let n):
      return "表头“\(name)”横跨 \(n) 列"
    case .columnRoles(let name, let roles):
      return "“\(name)”下的 \(roles.count) 列依次为：\(list(roles.map(importField)))"
    case .filledDown(let f, let places):
      let shown = list(places.prefix(6).map(place)) + (places.count > 6 ? "…" : "")
      return "\(importField(f))：\(places.count) 个空格按合并单元格沿用上一行（文本不记录合并，请核对：\(shown)）"
    case .roleSplit(let p, let text, let lead, let support):
      return "\(place(p))：“\(text)”分为牵头 \(list(lead))，配合 \(support.isEmpty ? "—" : list(support))"
    case .collective(let p, let name):
      return "\(place(p))：“\(name)”为统称，记作其他相关部门"
    case .droppedDeng(let p, let from, let to):
      return "\(place(p))：“\(from)”去掉末尾的“等”，记作“\(to)”"
    case .bracketsUnified(let p, let from, let to):
      return "\(place(p))：“\(from)”写作“\(to)”"
    case .namesSplit(let p, let text, let parts, let byEndings):
      return byEndings
        ? "\(place(p))：按单位名称结尾将“\(text)”拆为 \(parts.joined(separator: " + "))"
        : "\(place(p))：将“\(text)”拆为 \(parts.joined(separator: " + "))"
    case .derivedID(let p, let id, let dup):
      if let dup { return "\(place(p))：序号 \(dup) 重复，编为 \(id)" }
      return "\(place(p))：该行没有序号，编为 \(id)"
    case .restartedNumbering(let n, let example):
      return "序号在 \(n) 个类别中各自从头编号：编为“类别-序号”，如 \(example)"
    case .tableOrder(let n):
      return "表中没有序号：按表中顺序编为 1–\(n)"
    case .packedRow(let p, let n):
      return "\(place(p))：一行中有 \(n) 项措施，但并非每格都有 \(n) 段；按顺序对应"
    case .deadlineYear(let p, let text, let year):
      return "\(place(p))：“\(text)”按方案年度 \(year) 年理解"
    case .wordsDropped(let p, let text, let dropped):
      return "\(place(p))：“\(text)”中“\(list(dropped))”不是单位名称，只取其前的单位（请核对）"
    case .conjunctionSplit(let p, let text, let parts, let byShape):
      return "\(place(p))：将“\(text)”拆为 \(parts.joined(separator: " + "))" + (byShape ? "（按相邻单位名称的样子判断，请核对）" : "")
    case .planYear(let year, let from):
      let source =
        switch from {
        case .option: "由 --year 指定"
        case .title: "取自标题"
        case .text: "取自正文中的方案名称"
        case .deadlines: "取自表中多数期限所写的年份"
        }
      return "方案年度：\(year) 年（\(source)）；未写年份的期限（如“年底前”“二季度”）按此年度理解"
    case .readAsProse(let n):
      return "没有表格：按编号条文读取 \(n) 项任务（条文末括号中或其后各行所写的单位和时限）"
    case .paragraphsNotTasks(let places):
      let shown = list(places.prefix(4).map(place)) + (places.count > 4 ? "…" : "")
      return "\(places.count) 段文字未写责任单位，不作为任务（\(shown)）"
    case .noteRow(let p):
      return "\(place(p))：注释行，记入方案说明"
    case .notATask(let p):
      return "\(place(p))：该行没有工作措施，不作为任务，内容记入方案说明"
    case .leadFromSupport(let p, let column):
      return "\(place(p))：未写牵头单位，“\(column)”所列单位记作牵头"
    case .measureByData(let name):
      return "没有名为措施的列：取句子最完整的“\(name)”列为工作措施"
    case .columnByData(let name, let f):
      return "“\(name)”列按其内容记作\(importField(f))"
    case .periodEnd(let start, let end):
      return "“\(start)”“\(end)”为起止日期：以“\(end)”为完成时限，“\(start)”保留为其他列"
    }
  }

  public func morePlaces(_ total: Int, shown: Int) -> String { " 等 \(total) 处" }

  public func importProblem(_ p: ImportProblem) -> String {
    switch p {
    case .noSuchFile: "没有这个文件"
    case .unreadable: "无法读取这个文件"
    case .notUTF8: "既不是 UTF-8 也不是 GB18030 文本（请另存为 UTF-8）"
    case .nulByte: "文本中有 NUL 字节：这不是文本文件"
    case .zipAsText: "这是 .docx 或 .xlsx 文件，请使用正确的扩展名"
    case .noTable: "没有找到表格"
    case .noHeader: "前 40 行中没有表头（应有序号、工作措施、责任部门、完成时限等列名）；可用 --header-row N 指定"
    case .noMeasureColumn: "表头中没有工作措施列（如工作措施、具体措施、具体内容、具体要求）；可用 --map '列名=measure' 指定"
    case .headerRowMissing(let n): "没有第 \(n) 行"
    case .badMap(let s):
      "--map 应写作“列名=字段”，字段为 id、group、theme、measure、requirement、lead、support、deadline 或 extra：\(s)"
    case .mapMatchesNothing(let s): "表头中没有“\(s)”这一列（--map）"
    case .badYear(let y): "--year 应为年份，如 2021：\(y)"
    case .corruptZip: "文件已损坏：无法作为 ZIP 压缩包读取"
    case .encrypted: "文件已加密：请在 WPS 或 Office 中取消密码后另存"
    case .missingPart(let part): "文件不完整：缺少 \(part)"
    case .badXML(let part): "文件内容损坏：\(part) 无法解析"
    case .noTableInDocument: "文档中没有表格"
    case .emptyWorkbook: "工作簿中所有工作表都是空的"
    case .noSuchSheet(let name, let available): "没有名为“\(name)”的工作表（有：\(list(available))）"
    case .emptySheet(let name): "工作表“\(name)”是空的"
    case .unknownEncoding(let e): "不认识的字符编码：\(e)"
    case .needsConversion(let ext, let to):
      "读取 .\(ext) 文件需要 LibreOffice（soffice），但未安装；请在 WPS 或 Office 中“另存为” .\(to) 后再导入"
    case .conversionFailed(let ext): "LibreOffice 未能转换这个 .\(ext) 文件"
    case .unknownFormat(let ext):
      "不支持 .\(ext) 文件：可导入 .docx、.xlsx、.html、.csv、.txt（以及安装 LibreOffice 后的 .doc、.xls、.wps、.et、.odt、.ods）"
    case .xmlLibraryMissing: "读取此文件需要 libxml2（Debian 软件包 libxml2），但未找到"
    case .zipLibraryMissing: "读取此文件需要 libzip（Debian 软件包 libzip4），但未找到"
    case .tooLarge: "文件过大"
    case .ambiguousTextExport:
      "这是每格一行的导出文本，无法确定每行从哪里开始（有单元格分成了多行，或各行没有序号）；请导入它所来自的 .docx 或 .xlsx 文件"
    }
  }

  public func readFile(_ source: String, as f: SourceFormat) -> String { "读取 \(source)（\(sourceFormat(f))）" }
  public func importTitle(_ title: String) -> String { "标题：\(title)" }
  public func importNote(_ note: String) -> String { "说明：\(note)" }
  public func importHeader(_ p: SourcePlace) -> String { "表头：\(place(p))" }
  public var importColumnsHeading: String { "各列：" }

  public func importColumn(_ c: ImportColumn) -> String {
    var to = importField(c.field)
    if c.field == .extra, let kept = c.keptAs { to = "保留为“\(kept)”列" }
    return "\(c.header.isEmpty ? "—" : c.header) → \(to)"
  }

  public func importTasks(_ tasks: Int, groups: Int) -> String { "任务：\(tasks) 项，分 \(groups) 个工作组" }
  public func importDepartments(_ names: [String]) -> String { "部门（\(names.count)）：\(names.joined(separator: "；"))" }
  public func otherColumnsKept(_ names: [String]) -> String { "保留的其他列：\(names.joined(separator: ", "))" }
  public func unreadDeadlines(_ n: Int) -> String { "无法识别的期限（\(n)）" }
  public func guesses(_ n: Int) -> String { "推断（\(n)）" }
  public func firstTasks(_ n: Int) -> String { "前 \(n) 项将存为：" }

  public func firstTaskLabel(_ field: TaskField) -> String {
    switch field {
    case .group: "工作组"
    case .theme: "类别"
    case .measure: "措施"
    case .requirement: "要求"
    case .lead: "牵头"
    case .support: "配合"
    case .deadline: "期限"
    default: self.field(.task(field))
    }
  }

  public var intoExisting: String { "再次导入到已有方案：" }
  public func added(_ n: Int) -> String { "新增 \(n) 项" }
  public func updated(_ n: Int) -> String { "更新 \(n) 项" }
  public func unchanged(_ n: Int) -> String { "未变 \(n) 项" }
  public func vanished(_ n: Int) -> String { "表中已没有（保留，未删除）\(n) 项" }

  // MARK: Reports: the ledger, the report, the files

  public var reportAbstract: String { "写给上级的文件：Excel 推进情况台账（xlsx）、Word 工作进展情况报告（docx），或报告的 markdown、文本。" }

  public var reportDiscussion: String {
    "xlsx：方案原表的各列（用方案自己的列名）加上 状态、完成日期、进展情况，按方案顺序每项一行，工作项目组和推行任务的单元格按原表合并；"
      + "表头冻结并在打印的每一页重复，A4 横向、缩放到一页宽；第二张工作表是人员配置，给出 --since 时第三张是本期变化。"
      + "各部门填好后用 sanxiang collect 读回。"
      + "docx：A4，宋体、仿宋，先是按数字写成的情况说明，再列逾期、14 天内到期、本期完成、各工作组进展和审核人员不足的单位。"
      + "-o 指定的文件已存在时不覆盖，除非加 --force；不给 -o 时写到标准输出（xlsx、docx 不能写到终端）。"
      + "退出码：73 文件已存在或无法写入；66 缺少写该格式的库；64 用法有误。"
  }

  public var reportFormatHelp: String { "xlsx（台账）、docx（报告）、markdown 或 text（默认）。" }
  public var reportSinceHelp: String { "本期从这一天起（YYYY-MM-DD；周报、月报）：本期完成、开始推进、逾期的任务和新记的进展；不给出时为近 7 天。" }
  public var reportDepartmentHelp: String { "只列该部门牵头或配合的任务，并注明其职责（催办用的表）。" }
  public var reportGroupHelp: String { "只列该工作组的任务（名称、序号，或名称中唯一的一段）。" }
  public var outputHelp: String { "写到这个文件。" }
  public var forceHelp: String { "文件已存在时覆盖它。" }

  public func ledgerColumn(_ f: Ledger.Field) -> String {
    switch f {
    case .id: "序号"
    case .group: "工作项目组"
    case .theme: "推行任务"
    case .measure: "工作措施"
    case .requirement: "具体要求"
    case .lead: "责任部门"
    case .support: "配合部门"
    case .deadline: "完成时限"
    case .extra(let name): name
    case .role: "本部门职责"
    case .status: "状态"
    case .completedOn: "完成日期"
    case .note: "进展情况"
    case .key: "任务编号（请勿修改）"
    }
  }

  public func ledgerStatus(_ s: TaskStatus, overdueDays: Int?) -> String {
    guard let n = overdueDays else { return status(s) }
    return status(s) + "（逾期 \(n) 天）"
  }

  public func ledgerTitle(_ planTitle: String) -> String {
    planTitle.isEmpty ? "推进情况台账" : "《\(planTitle)》推进情况台账"
  }

  public func ledgerSubtitle(_ parts: [String], today: Day, tasks: Int) -> String {
    (parts.isEmpty ? "" : "填报单位：" + parts.joined(separator: " · ") + "　　") + "截至：" + longDay(today)
      + "　　共 \(tasks) 项"
  }

  public var ledgerSheet: String { "推进情况台账" }
  public var staffingSheet: String { "人员配置" }
  public func staffingSheetTitle(_ agency: String) -> String { agency + "法制审核人员配置情况" }
  public var staffingColumns: [String] { ["单位", "执法人员", "法制审核人员", "应配审核人员", "缺口", "是否达标"] }
  public var changesSheet: String { "本期变化" }
  public func changesSheetTitle(since: Day, until: Day) -> String { "本期变化（\(longDay(since))至\(longDay(until))）" }
  public var changesColumns: [String] { ["类别", "序号", "工作措施", "日期", "进展情况", "记录人"] }

  public func periodKind(_ k: Period.Kind) -> String {
    switch k {
    case .done: "本期完成"
    case .started: "本期开始推进"
    case .becameOverdue: "本期逾期"
    case .note: "新记进展"
    }
  }

  public var pageFooter: String { "第 &P 页，共 &N 页" }

  public func reportTitle(agency: String, department: String?, group: String?) -> String {
    agency + (group.map { "\($0)" } ?? "") + "工作进展情况报告" + (department.map { "（\($0)）" } ?? "")
  }

  public func reportSubtitle(plan: String, today: Day) -> String {
    (plan.isEmpty ? "" : "《\(plan)》落实情况　") + "截至\(longDay(today))"
  }

  public func reportSummary(_ f: ReportFigures) -> [String] {
    let subject =
      f.department.map { "\($0)牵头或配合的任务共" } ?? f.group.map { "\($0)的任务共" } ?? "方案共有任务"
    var first = "截至\(longDay(f.today))，\(subject)\(f.tasks)项，已完成\(f.done)项，完成率\(f.percent)%"
    var rest: [String] = []
    if f.inProgress > 0 { rest.append("正在推进\(f.inProgress)项") }
    if f.notStarted > 0 { rest.append("尚未开始\(f.notStarted)项") }
    if f.blocked > 0 { rest.append("受阻\(f.blocked)项") }
    if !rest.isEmpty { first += "；" + rest.joined(separator: "，") }
    if f.waiting > 0 { first += "（其中\(f.waiting)项待外部条件明确后推进）" }
    first += "。"
    first +=
      f.overdue > 0
      ? "逾期未完成\(f.overdue)项" + (f.dueSoon > 0 ? "，14天内到期\(f.dueSoon)项。" : "。")
      : "没有逾期任务" + (f.dueSoon > 0 ? "，14天内到期\(f.dueSoon)项。" : "。")
    let span = "本期（\(longDay(f.since))至\(longDay(f.today))）"
    var period: [String] = []
    if f.doneInPeriod > 0 { period.append("完成\(f.doneInPeriod)项") }
    if f.startedInPeriod > 0 { period.append("开始推进\(f.startedInPeriod)项") }
    if f.becameOverdueInPeriod > 0 { period.append("新增逾期\(f.becameOverdueInPeriod)项") }
    if f.notesInPeriod > 0 { period.append("记录进展情况\(f.notesInPeriod)条") }
    let second = period.isEmpty ? span + "没有任务完成、开始推进或新增逾期。" : span + period.joined(separator: "，") + "。"
    var third: String
    if f.units == 0 {
      third = "人员配置方面，尚未登记各单位的执法人员和法制审核人员。"
    } else {
      third = "人员配置方面，\(f.units)个单位共有执法人员\(f.enforcement)人、法制审核人员\(f.reviewers)人"
      if let p = f.reviewerPercent {
        third +=
          f.shortUnits > 0
          ? "；\(f.shortUnits)个单位的法制审核人员不足执法人员的\(p)%，共缺\(f.shortfall)人。"
          : "，各单位均达到法制审核人员不少于执法人员\(p)%的要求。"
      } else {
        third += "；本方案未设比例，审核人员满足工作需要即可。"
      }
    }
    return [first, second, third]
  }

  public func reportHeading(_ n: Int, _ s: ProgressReport.Section, count: Int) -> String {
    let numeral = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][max(0, min(9, n - 1))]
    let what =
      switch s {
      case .overdue: "逾期任务（\(count)项）"
      case .dueSoon: "14天内到期的任务（\(count)项）"
      case .doneInPeriod: "本期完成的任务（\(count)项）"
      case .groups: "各工作组进展（\(count)个）"
      case .shortOfReviewers: "法制审核人员不足的单位（\(count)个）"
      }
    return numeral + "、" + what
  }

  public var daysOverdueColumn: String { "逾期天数" }
  public var daysLeftColumn: String { "剩余天数" }
  public var progressNoteColumn: String { "进展情况" }
  public var completedColumn: String { "完成日期" }
  public var groupColumn: String { "工作组" }
  public var percentDoneColumn: String { "完成率" }
  public func longDay(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }
  public func reportWritten(_ file: String) -> String { "已写入 \(file)" }

  public func reportProblem(_ p: ReportProblem) -> String {
    switch p {
    case .outputExists(let f): "\(f) 已存在：加 --force 覆盖它，或换一个文件名"
    case .binaryToTerminal(let format): "\(format) 文件不能输出到终端：用 -o 文件名 指定写到哪里"
    case .libraryMissing(let lib, let pkg): "写这种文件需要 \(lib)（Debian 软件包 \(pkg)），但未找到：请安装 \(pkg)"
    case .cannotWrite(let f, let e): "无法写入 \(f)：" + systemError(e)
    case .writerFailed(let f, let code): "\(f) 未能写成（写入库返回错误 \(code)）"
    }
  }

  // MARK: Reports: the roll-up's 通报

  public func circularTitle(_ today: Day) -> String { "关于全面推行“三项制度”工作进展情况的通报" }
  public func circularSubtitle(agencies: Int, today: Day) -> String { "（截至\(longDay(today))，共\(agencies)个机构）" }

  public func circularSummary(_ t: RollupTotal, lagging: Int) -> [String] {
    let f = t.figures
    let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
    var first = "纳入汇总的\(t.agencies - t.failed)个机构共有任务\(f.tasks)项，已完成\(f.done)项，完成率\(pct)%；"
    first += f.overdue > 0 ? "逾期\(f.overdue)项，" : "没有逾期任务，"
    first += "14天内到期\(f.dueSoon)项；"
    first += f.staffingShortUnits > 0 ? "\(f.staffingShortUnits)个单位法制审核人员不足。" : "各单位法制审核人员均达到要求。"
    if t.notReporting > 0 { first += "\(t.notReporting)个机构超过\(Rollup.quietDays)天未报送进展。" }
    if t.failed > 0 { first += "另有\(t.failed)个机构的方案无法读取。" }
    let second = lagging > 0 ? "进度滞后的\(lagging)个机构情况如下，请抓紧推进。" : "各机构均按期推进，没有进度滞后的机构。"
    return [first, second]
  }

  public func circularHeading(_ n: Int, _ s: Circular.Section, count: Int) -> String {
    let numeral = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][max(0, min(9, n - 1))]
    let what =
      switch s {
      case .ranking: "各机构进展排名（\(count)个）"
      case .lagging: "进度滞后的机构（\(count)个）"
      case .overdueTasks: "逾期任务（\(count)项）"
      case .measures: "共同工作措施完成情况（\(count)项）"
      case .staffing: "法制审核人员不足的单位（\(count)个）"
      }
    return n == 0 ? what : numeral + "、" + what
  }

  public var rankColumn: String { "排名" }
  public var rankingSheet: String { "排名" }
  public var overdueTasksSheet: String { "逾期任务" }
  public var measuresSheet: String { "工作措施" }
  public var agenciesStaffingSheet: String { "人员配置" }

  public func laggingAgency(_ a: AgencySummary, rank: Int?) -> String {
    let name = a.label + (rank.map { "（排名第\($0)）" } ?? "")
    guard let f = a.figures else { return name + "：方案无法读取（" + (a.error?.description(self) ?? "") + "）。" }
    let pct = f.tasks == 0 ? 0 : f.done * 100 / f.tasks
    var parts = ["完成\(f.done)/\(f.tasks)项（\(pct)%）"]
    if f.overdue > 0 { parts.append("逾期\(f.overdue)项") }
    if f.dueSoon > 0 { parts.append("14天内到期\(f.dueSoon)项") }
    if f.staffingShortUnits > 0 { parts.append("\(f.staffingShortUnits)个单位法制审核人员不足") }
    var s = name + "：" + parts.joined(separator: "，")
    if a.notReporting {
      if let days = a.daysSinceChange, let at = a.lastChange {
        s += "；已\(days)天未报送进展（最近一次\(at.prefix(10))）"
      } else {
        s += "；从未报送进展"
      }
    }
    return s + "。"
  }

  public var unranked: String { "—" }
  public var rollupOutputHelp: String { "xlsx 或 docx 通报写到这个文件（其他格式用 > 重定向）。" }
  public var outputOnlyForFiles: String { "-o 只用于 xlsx 和 docx；其他格式请用 > 重定向到文件" }

  // MARK: Collect: the filled-in ledger read back

  public var collectAbstract: String { "读回各部门填好的推进情况台账（report --format xlsx 生成的），把状态、完成日期和进展情况记入方案。" }

  public var collectDiscussion: String {
    "先用 --dry-run 查看将做的每一项修改。台账生成后方案中已改过的字段列为冲突，保留方案中的值，不覆盖。"
      + "修改以台账所属部门的名义记入日志（没有部门时为 --as 或当前用户；--as 可改）。"
      + "任何一个文件有问题都不写入任何内容，并指出工作表和单元格。"
      + "市局代管的机构方案也可用：--store 指向该机构的方案文件夹。"
      + "退出码：65 不是台账，或有无法读取的单元格；66 文件不存在；75 方案正忙或同一字段同时被修改。"
  }

  public var collectFilesHelp: String { "填好的台账（.xlsx）。" }
  public var collectDryRunHelp: String { "只列出将做的修改和冲突，不写入。" }

  public func collectProblem(_ p: CollectProblem) -> String {
    switch p {
    case .notALedger: "不是 sanxiang 生成的台账（没有 sanxiang 工作表）：只能读回 report --format xlsx 生成的台账"
    case .stampEdited: "台账中隐藏的 sanxiang 工作表被改动过，无法确认台账生成时的内容"
    case .newerLedger(let v): "台账由更新版本的 sanxiang 生成（格式 \(v)），请升级后再读回"
    case .otherPlan(let agency, let title): "这是“\(agency)”的《\(title)》台账，不是本方案的"
    case .noLedgerSheet(let name): "找不到工作表“\(name)”（改名或删除了）"
    case .headerChanged(let expected, let found): "表头是“\(found)”，生成时是“\(expected)”：请不要插入、删除或改名列"
    case .idEdited(let found, let key): "序号是“\(found)”，生成时是“\(key)”：请不要修改序号"
    case .unknownKey(let k): "任务编号“\(k)”不是台账生成时的：请不要修改隐藏的任务编号列"
    case .rowTwice(let k): "任务 \(k) 出现了两次：请不要复制行"
    case .rowNotInLedger: "这一行不是台账生成时的（新加的行）：新任务请用 sanxiang add 添加"
    case .taskGone(let id): "方案中已没有任务 \(id)"
    case .unknownStatus(let t): "状态“\(t)”无法识别：请填 未开始、进行中、已完成 或 受阻"
    case .badDate(let t): "完成日期“\(t)”不是日期：请填如 2019-09-18 或 2019/9/18"
    case .dateButNotDone(let s): "填了完成日期，但状态是“\(s)”：已完成的请把状态填为 已完成"
    case .unreadable(let problem): importProblem(problem)
    }
  }

  public func collectRead(_ file: String, agency: String, made: Day, rows: Int, by: String) -> String {
    "读取 \(file)：\(agency) \(made) 生成的台账，\(rows) 行；修改记在 \(by) 名下"
  }

  public func collectChange(_ id: String, _ changes: String) -> String { "  任务 \(id)：\(changes)" }

  public func collectConflict(_ id: String, field: String, ledger: String, plan: String) -> String {
    "  任务 \(id) 的\(field)：台账填“\(ledger)”，但台账生成后方案中已改为“\(plan)”，保留方案中的值"
  }

  public func collectConflicts(_ n: Int) -> String { "冲突（\(n)）：未覆盖" }
  public var collectNothing: String { "  没有需要记入的修改" }
  public func collectSaved(_ changes: Int, by: String) -> String { "已记入 \(changes) 项修改（\(by)）" }
  public var collectDryRunDone: String { dryRun }
  public var collectNoFiles: String { "请给出要读回的台账文件" }
}
