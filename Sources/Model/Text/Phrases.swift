/// The interface language: Chinese under a Chinese locale, English otherwise.
public enum Lang: String, Sendable, CaseIterable {
  case zh
  case en

  /// From LC_ALL, LC_MESSAGES or LANG, the first one set.
  public static func fromEnvironment() -> Lang {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let v = FileIO.environment(name), !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
    }
    return .en
  }

  /// Picks the Chinese or English text.
  public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// How the domain reads in words, shared by the command line and the dashboard.
public struct Phrases: Sendable {
  public let lang: Lang

  public init(_ lang: Lang) { self.lang = lang }

  public func status(_ s: TaskStatus) -> String {
    switch s {
    case .open: lang.pick("未开始", "open")
    case .inProgress: lang.pick("进行中", "in progress")
    case .done: lang.pick("已完成", "done")
    case .blocked: lang.pick("受阻", "blocked")
    case .retired: lang.pick("已取消", "retired")
    }
  }

  public func role(_ r: Role) -> String {
    switch r {
    case .lead: lang.pick("牵头", "lead")
    case .support: lang.pick("配合", "support")
    }
  }

  public var others: String { lang.pick("其他相关部门", "other departments") }

  public func departments(_ d: Departments) -> String {
    let names = d.units + (d.others ? [others] : [])
    return names.isEmpty ? "—" : names.joined(separator: lang.pick("、", ", "))
  }

  func days(_ n: Int) -> String { lang.pick("\(n) 天", n == 1 ? "1 day" : "\(n) days") }

  /// "due 2019-08-31 · 20 days overdue", "done 2019-08-26", "waiting: 市局明确".
  public func reading(_ agenda: Agenda, _ i: Int) -> String {
    let t = agenda.plan.tasks[i]
    let due = agenda.due[i]
    if t.status == .done, Agenda.isSettled(t, due: due) {
      return t.completedOn.map { lang.pick("\($0) 完成", "done \($0)") } ?? status(.done)
    }
    if let d = due {
      let late = d.days(until: agenda.today)
      var s: String
      if late > 0 {
        s = lang.pick("\(d) 到期 · 逾期 \(days(late))", "due \(d) · \(days(late)) overdue")
      } else if late == 0 {
        s = lang.pick("\(d) 到期 · 今天", "due \(d) · today")
      } else {
        s = lang.pick("\(d) 到期 · 还剩 \(days(-late))", "due \(d) · \(days(-late)) left")
      }
      if case .yearly = t.deadline.kind { s = lang.pick("每年 · ", "yearly · ") + s }
      return s
    }
    switch t.deadline.kind {
    case .ongoing, .byThenOngoing: return lang.pick("持续开展", "ongoing")
    case .afterEvent(let event, let ongoing):
      if let e = t.eventOn {
        return lang.pick("\(e) 已触发", "triggered \(e)") + (ongoing ? lang.pick(" · 持续开展", " · ongoing") : "")
      }
      return lang.pick("待触发：\(event)", "waiting: \(event)")
    case .withinAfterEvent(let n, let unit, let event):
      return lang.pick("待触发：\(event)（之后 \(span(n, unit))）", "waiting: \(event) (then \(span(n, unit)))")
    case .yearly(let m, let d):
      return lang.pick("每年 \(m) 月\(d.map { "\($0) 日" } ?? "底")", "every year by \(m)/\(d.map(String.init) ?? "end")")
    case .asRequired: return lang.pick("按要求", "as required")
    case .unparsed:
      return t.deadline.text.trimmingSpaces.isEmpty
        ? lang.pick("无期限", "no deadline") : lang.pick("期限无法识别", "deadline not understood")
    case .by: return ""
    }
  }

  public func span(_ n: Int, _ unit: SpanUnit) -> String {
    switch unit {
    case .workingDays: lang.pick("\(n) 个工作日", n == 1 ? "1 working day" : "\(n) working days")
    case .days: days(n)
    case .weeks: lang.pick("\(n) 周", n == 1 ? "1 week" : "\(n) weeks")
    case .months: lang.pick("\(n) 个月", n == 1 ? "1 month" : "\(n) months")
    }
  }

  public func kind(_ k: DeadlineKind) -> String {
    switch k {
    case .by: lang.pick("限期", "by a date")
    case .byThenOngoing: lang.pick("限期后持续", "by a date, then ongoing")
    case .ongoing: lang.pick("持续", "ongoing")
    case .afterEvent: lang.pick("事件后", "after an event")
    case .withinAfterEvent: lang.pick("事件后限期", "within a window after an event")
    case .yearly: lang.pick("每年", "yearly")
    case .asRequired: lang.pick("按要求", "as required")
    case .unparsed: lang.pick("无法识别", "not understood")
    }
  }

  /// One journal entry in words: "done · status open → done".
  public func operation(_ op: String) -> String {
    switch op {
    case "done": lang.pick("完成", "done")
    case "reopen": lang.pick("重新打开", "reopened")
    case "start": lang.pick("开始办理", "started")
    case "block": lang.pick("标记受阻", "blocked")
    case "note": lang.pick("备注", "note")
    case "trigger": lang.pick("事件触发", "triggered")
    case "staffing": lang.pick("人员配置", "staffing")
    case "undo": lang.pick("撤销", "undo")
    case "import": lang.pick("导入", "import")
    default: op
    }
  }

  public func field(_ f: String) -> String {
    switch f {
    case "status": lang.pick("状态", "status")
    case "completed_on": lang.pick("完成日期", "completed")
    case "event_on": lang.pick("触发日期", "event")
    case "note": lang.pick("备注", "note")
    case "enforcement": lang.pick("执法人员", "enforcement")
    case "reviewers": lang.pick("审核人员", "reviewers")
    case "unit": lang.pick("单位", "unit")
    default: f
    }
  }

  /// A stored value in words: "—" for none, status tokens by name.
  public func value(_ field: String, _ v: String) -> String {
    if v.isEmpty { return "—" }
    if field == "status", let s = TaskStatus(rawValue: v) { return status(s) }
    return v
  }

  /// "status open → done, completed — → 2019-09-20".
  public func changes(_ c: Change) -> String {
    c.fields.map { "\(field($0.field)) \(value($0.field, $0.before)) → \(value($0.field, $0.after))" }
      .joined(separator: lang.pick("；", "; "))
  }

  /// What a journal entry was about, for lists: "task 4" / "unit 征收管理科".
  public func target(_ t: ChangeTarget) -> String {
    switch t {
    case .task(let id): lang.pick("任务 \(id)", "task \(id)")
    case .unit(let u): lang.pick("单位 \(u)", "unit \(u)")
    case .plan: lang.pick("方案", "plan")
    }
  }

  /// How a deadline phrase was read, said back to whoever typed it: "read as: by 2020-06-30".
  public func typedDeadline(_ deadline: Deadline) -> String {
    switch deadline.kind {
    case .by(let d): return lang.pick("读作：\(d) 前", "read as: by \(d)")
    case .byThenOngoing(let d): return lang.pick("读作：\(d) 前，之后持续", "read as: by \(d), then ongoing")
    case .unparsed:
      return deadline.text.isEmpty
        ? lang.pick("无期限", "no deadline")
        : lang.pick("无法识别，按原文保存（check 会提示）", "not understood; kept as written (check flags it)")
    default: return lang.pick("读作：", "read as: ") + kind(deadline.kind)
    }
  }

  public func weekday(_ d: Day) -> String {
    let zh = ["一", "二", "三", "四", "五", "六", "日"]
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return lang.pick("星期" + zh[d.weekday - 1], en[d.weekday - 1])
  }
}
