import Model

/// The longer text reports, and the look-ups commands share.
enum Reports {
  static func noTask(_ id: String) -> StoreError {
    StoreError(.noInput, "no task \"\(id)\" (see `sanxiang list` for the ids)")
  }

  /// A group by exact name, by number in plan order, or by a unique part of its name.
  static func resolveGroup(_ text: String, in plan: Plan) throws(StoreError) -> String {
    let groups = plan.groups
    if groups.contains(text) { return text }
    if let n = Int(text), n >= 1, n <= groups.count { return groups[n - 1] }
    let hits = groups.filter { $0.contains(text) }
    if hits.count == 1 { return hits[0] }
    let list = groups.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
    throw StoreError(
      .noInput,
      hits.isEmpty
        ? "no group \"\(text)\" (groups: \(list))"
        : "\"\(text)\" matches several groups: \(hits.joined(separator: ", "))")
  }

  static func resolveDepartment(_ text: String, in plan: Plan) throws(StoreError) -> String {
    let all = plan.departments
    if all.contains(text) { return text }
    let hits = all.filter { $0.contains(text) }
    if hits.count == 1 { return hits[0] }
    throw StoreError(
      .noInput,
      hits.isEmpty
        ? "no department \"\(text)\" (departments: \(all.joined(separator: "、")))"
        : "\"\(text)\" matches several departments: \(hits.joined(separator: "、"))")
  }

  static func standup(_ a: Agenda, ctx: Context, within: Int, markdown: Bool) {
    let out = TextOutput(ctx, color: markdown ? false : Console.useColor)
    let l = ctx.lang
    let s = a.plan.settings
    let overall = a.overall
    let shortfalls = a.staffingShortfalls
    let overdue = a.overdue
    let head = [s.title, s.agency].filter { !$0.isEmpty }.joined(separator: " · ")
    Console.out(out.paint((markdown ? "# " : "") + head.inert, .heading))
    Console.out(
      "\(a.today) \(ctx.phrases.weekday(a.today)) · " + l.pick("进度 ", "progress ")
        + Bars.progress(overall.done, overall.total, width: 22)
        + " \(overall.done)/\(overall.total) \(overall.percent)% · "
        + l.pick("逾期 \(overdue.count)", "overdue \(overdue.count)") + " · "
        + l.pick("人员缺口 \(shortfalls.count) 个单位", "\(shortfalls.count) units short of reviewers"))
    let sections: [(String, [Int])] = [
      (l.pick("逾期", "Overdue"), overdue),
      (l.pick("\(within) 天内到期", "Due in the next \(within) days"), a.dueSoon(within: within)),
      (l.pick("待触发", "Waiting on an event"), a.waiting),
    ]
    for (title, items) in sections {
      Console.out("")
      Console.out(out.paint((markdown ? "## " : "") + "\(title) (\(items.count))", .heading))
      if items.isEmpty {
        Console.out(l.pick("  （无）", "  (none)"))
      } else if markdown {
        markdownRows(a, items, ctx: ctx)
      } else {
        for line in out.taskLines(a, items, header: false) { Console.out(line) }
      }
    }
    let since = a.plan.settings.calendar.previousWorkday(before: a.today)
    let changed = a.changedSinceLastWorkday
    Console.out("")
    Console.out(
      out.paint(
        (markdown ? "## " : "")
          + l.pick("\(since) 以来的变更 (\(changed.count))", "Changed since \(since) (\(changed.count))"), .heading))
    if changed.isEmpty { Console.out(l.pick("  （无）", "  (none)")) }
    for e in changed { Console.out((markdown ? "- " : "") + out.entryLine(e)) }
    Console.out("")
    Console.out(
      out.paint(
        (markdown ? "## " : "")
          + l.pick("审核人员不足 (\(shortfalls.count))", "Short of legal reviewers (\(shortfalls.count))"), .heading))
    if shortfalls.isEmpty { Console.out(l.pick("  （无）", "  (none)")) }
    for c in shortfalls {
      Console.out(
        (markdown ? "- " : "  ")
          + l.pick(
            "\(c.unit.inert)：执法 \(c.enforcement) 人，审核 \(c.reviewers) 人，应配 \(c.required ?? 0) 人，缺 \(c.shortfall) 人",
            "\(c.unit.inert): \(c.enforcement) enforcement, \(c.reviewers) reviewers, \(c.required ?? 0) required, short by \(c.shortfall)"
          ))
    }
  }

  static func show(_ a: Agenda, _ i: Int, ctx: Context) {
    let t = a.plan.tasks[i]
    let p = ctx.phrases
    let l = ctx.lang
    let out = TextOutput(ctx)
    let width = min(Console.width, 100)
    Console.out(
      out.paint(
        l.pick("任务 ", "Task ") + t.id.inert + " · "
          + [t.group, t.theme].filter { !$0.isEmpty }.joined(separator: " › ").inert, .heading))
    for line in t.measure.inert.wrapped(toWidth: width) { Console.out(line) }
    if !t.requirement.isEmpty {
      Console.out("")
      for line in (l.pick("要求：", "Requirement: ") + t.requirement).inert.wrapped(toWidth: width) { Console.out(line) }
    }
    Console.out("")
    let labelW = l == .zh ? 6 : 11
    func row(_ label: String, _ value: String) {
      let w = max(labelW, label.displayWidth)
      let lines = value.inert.wrapped(toWidth: max(20, width - w - 2))
      for (k, v) in lines.enumerated() { Console.out((k == 0 ? label.inert : "").padded(toWidth: w) + "  " + v) }
    }
    row(p.role(.lead), p.departments(t.lead))
    row(p.role(.support), p.departments(t.support))
    row(
      l.pick("期限", "deadline"),
      t.deadline.text.trimmingSpaces + " → " + p.reading(a, i) + " (" + p.kind(t.deadline.kind) + ")")
    row(
      l.pick("状态", "status"),
      p.status(t.status) + (t.completedOn.map { l.pick("，\($0) 完成", ", completed \($0)") } ?? ""))
    if let e = t.eventOn { row(l.pick("触发", "event"), e.description) }
    if !t.note.isEmpty { row(l.pick("备注", "note"), t.note) }
    for key in t.extras.keys.sorted() { row(key, t.extras[key]!) }
    let history = a.plan.history(of: t.id)
    Console.out("")
    Console.out(out.paint(l.pick("历史", "History") + " (\(history.count))", .heading))
    for e in history { Console.out(out.entryLine(e)) }
  }

  static func staffing(_ plan: Plan, ctx: Context, markdown: Bool) {
    let l = ctx.lang
    let checks = plan.staffingChecks()
    let total = StaffingCheck(total: l.pick("合计", "total"), of: checks)
    if markdown {
      Console.out(
        "| "
          + [
            l.pick("单位", "unit"), l.pick("执法", "enforcement"), l.pick("审核", "reviewers"), l.pick("应配", "required"),
            l.pick("缺口", "shortfall"), l.pick("达标", "compliant"),
          ].joined(separator: " | ") + " |")
      Console.out("|---|--:|--:|--:|--:|---|")
      for c in checks + [total] {
        Console.out(
          "| \(mdCell(c.unit)) | \(c.enforcement) | \(c.reviewers) | \(c.required.map(String.init) ?? "—") | \(c.shortfall) | \(c.compliant.map { $0 ? "✓" : "✗" } ?? "—") |"
        )
      }
      return
    }
    let out = TextOutput(ctx)
    let p = plan.settings.reviewerPercent
    Console.out(
      p.map { l.pick("规则：审核人员不少于执法人员的 \($0)%（每个单位）", "Rule: legal reviewers ≥ \($0)% of enforcement staff, per unit") }
        ?? l.pick("本方案未设比例：审核人员满足工作需要即可", "This plan sets no percentage: reviewers as the work needs"))
    for line in out.unitLines(checks + [total], percent: p) { Console.out(line) }
  }

  static func csv(_ a: Agenda, _ indexes: [Int]) {
    Console.out("id,group,theme,measure,lead,support,deadline,kind,due,status,completed_on,overdue")
    for i in indexes {
      let t = a.plan.tasks[i]
      let fields = [
        t.id, t.group, t.theme, t.measure, t.lead.cell, t.support.cell, t.deadline.text, t.deadline.kind.name,
        a.due[i]?.description ?? "", t.status.rawValue, t.completedOn?.description ?? "",
        a.isOverdue(i) ? "true" : "false",
      ]
      Console.out(String(decoding: CSVDocument.encode(fields), as: UTF8.self))
    }
  }

  static func mdCell(_ s: String) -> String {
    s.inert.replacing("|", with: "\\|")
  }

  static func markdownRows(_ a: Agenda, _ indexes: [Int], ctx: Context) {
    let p = ctx.phrases
    for i in indexes {
      let t = a.plan.tasks[i]
      Console.out(
        "| \(mdCell(t.id)) | \(p.status(t.status)) | \(mdCell(t.measure)) | \(mdCell(p.departments(t.lead))) | \(mdCell(p.reading(a, i))) |"
      )
    }
  }

  static func markdownTasks(_ a: Agenda, _ indexes: [Int], ctx: Context) {
    let l = ctx.lang
    Console.out(
      "| ID | "
        + [l.pick("状态", "status"), l.pick("工作措施", "measure"), l.pick("牵头", "lead"), l.pick("期限", "deadline")].joined(
          separator: " | ") + " |")
    Console.out("|--:|---|---|---|---|")
    markdownRows(a, indexes, ctx: ctx)
  }

  /// What `check` points out: things that parse but deserve a look.
  static func warnings(_ store: Store, today: Day, lang: Lang) -> [String] {
    var w: [String] = []
    let tasksPath = store.path(Store.tasksFile)
    // Each task read where it lies (`for t in tasks` would copy every task).
    let tasks = store.plan.tasks
    do {
      for k in tasks.indices {
        if tasks[k].deadline.kind == .unparsed && !tasks[k].deadline.text.trimmingSpaces.isEmpty {
          w.append(
            lang.pick(
              "\(tasksPath)：任务 \(tasks[k].id) 的期限“\(tasks[k].deadline.text)”无法识别，按原文保留",
              "\(tasksPath): task \(tasks[k].id): deadline \"\(tasks[k].deadline.text)\" is not understood; kept as written"
            ))
        }
        if tasks[k].status == .done && tasks[k].completedOn == nil {
          w.append(
            lang.pick(
              "\(tasksPath)：任务 \(tasks[k].id) 已完成但没有完成日期",
              "\(tasksPath): task \(tasks[k].id) is done but has no completion date"))
        }
        if tasks[k].status != .done && tasks[k].completedOn != nil {
          w.append(
            lang.pick(
              "\(tasksPath)：任务 \(tasks[k].id) 未完成却有完成日期",
              "\(tasksPath): task \(tasks[k].id) has a completion date but is not done"))
        }
        if let c = tasks[k].completedOn, c > today {
          w.append(
            lang.pick(
              "\(tasksPath)：任务 \(tasks[k].id) 的完成日期 \(c) 在今天之后",
              "\(tasksPath): task \(tasks[k].id) was completed on \(c), after today")
          )
        }
        if tasks[k].lead.isEmpty {
          w.append(
            lang.pick(
              "\(tasksPath)：任务 \(tasks[k].id) 没有牵头部门", "\(tasksPath): task \(tasks[k].id) has no lead department"))
        }
      }
    }
    for (a, b) in store.plan.nearDuplicateNames {
      w.append(
        lang.pick(
          "\(tasksPath)：名称“\(a)”与“\(b)”几乎相同，是否同一个部门或单位？（可用 department rename 统一）",
          "\(tasksPath): \"\(a)\" and \"\(b)\" are almost the same name: one department or unit? (department rename unifies them)"))
    }
    for (key, line) in store.unknownSettings {
      w.append(
        lang.pick(
          "\(store.path(SettingsFile.name)):\(line)：未知设置“\(key)”（保留不动）",
          "\(store.path(SettingsFile.name)):\(line): unknown setting \"\(key)\" (kept as is)"))
    }
    w += store.notices
    return w
  }
}
