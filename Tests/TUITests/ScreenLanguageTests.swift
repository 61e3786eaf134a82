import Model
import TUI
import TestSupport
import Testing

/// A plan written in English, with every kind of deadline, state and journal entry: on it an
/// English screen has nothing Chinese unless the program put it there.
let englishPlan: Plan = {
  func by(_ s: String) -> Deadline { Deadline(text: s, kind: .by(Day(iso: s)!)) }
  let legal = Departments(["Legal"])
  let office = Departments(["Office", "Inspection"])
  func task(
    _ id: String, _ deadline: Deadline, status: TaskStatus = .open, completedOn: String? = nil,
    eventOn: String? = nil, group: String = "Group A"
  ) -> PlanTask {
    PlanTask(
      id: id, group: group, theme: "Theme \(id)", measure: "Measure number \(id), to be done well",
      lead: id == "2" ? office : legal, support: Departments([], others: id == "1"), deadline: deadline,
      status: status, completedOn: completedOn.flatMap { Day(iso: $0) }, eventOn: eventOn.flatMap { Day(iso: $0) },
      note: id == "1" ? "Names to confirm" : "")
  }
  let tasks = [
    task("1", by("2019-08-31"), status: .inProgress),
    task("2", by("2019-09-25")),
    task("3", Deadline(text: "ongoing", kind: .ongoing)),
    task(
      "4", Deadline(text: "after the city decides", kind: .afterEvent(event: "the city decides", thenOngoing: true))),
    task(
      "5", Deadline(text: "7 days after", kind: .withinAfterEvent(count: 7, unit: .workingDays, event: "the decision")),
      group: "Group B"),
    task("6", Deadline(text: "every March", kind: .yearly(month: 3, day: 31)), group: "Group B"),
    task("7", Deadline(text: "as required", kind: .asRequired), group: "Group B"),
    task("8", Deadline(text: "some day", kind: .unparsed), group: "Group B"),
    task("9", by("2019-09-30"), status: .done, completedOn: "2019-09-10", group: "Group B"),
    task("10", Deadline(text: "by the end", kind: .byThenOngoing(Day(iso: "2019-12-31")!)), status: .blocked),
    task(
      "11", Deadline(text: "after the city decides", kind: .afterEvent(event: "the city decides", thenOngoing: false)),
      eventOn: "2019-09-18"),
    task("12", by("2019-09-20")),
  ]
  func entry(_ seq: Int, _ at: String, _ change: Change, imported: ImportSummary? = nil, message: String = "")
    -> JournalEntry
  {
    JournalEntry(seq: seq, at: at, by: "Wang", change: change, message: message, imported: imported)
  }
  let plan = Change(op: "import", target: .plan, fields: [])
  let done = Change(
    op: "done", target: .task("9"),
    fields: [
      FieldChange(.status, .status(.open), .status(.done)),
      FieldChange(.completedOn, .none, .day(Day(iso: "2019-09-10")!)),
    ])
  return Plan(
    settings: PlanSettings(title: "Plan A", agency: "Bureau B", reviewerPercent: 5, groups: ["Group A", "Group B"]),
    tasks: tasks,
    staffing: [
      StaffingUnit(name: "Inspection", enforcement: 45, reviewers: 1),
      StaffingUnit(name: "Legal", enforcement: 4, reviewers: 3),
      StaffingUnit(name: "Office", enforcement: 0, reviewers: 0),
    ],
    journal: [
      entry(1, "2019-08-20T09:00:00+08:00", plan, message: "imported 12 tasks in 2 groups from table.txt"),
      entry(
        2, "2019-08-21T09:00:00+08:00", plan, imported: .again(source: "table.txt", added: 1, updated: 2, vanished: 0)),
      entry(3, "2019-09-10T10:00:00+08:00", done),
      entry(
        4, "2019-09-19T10:00:00+08:00",
        Change(op: "note", target: .task("1"), fields: [FieldChange(.note, .none, .text("Names to confirm"))])),
      entry(
        5, "2019-09-19T11:00:00+08:00",
        Change(op: "staffing", target: .unit("Legal"), fields: [FieldChange(.unit(.reviewers), .count(2), .count(3))])),
      entry(6, "2019-09-19T12:00:00+08:00", done.inverse(undoing: 3)),
      entry(
        7, "2019-09-19T12:10:00+08:00",
        Change(op: "start", target: .task("1"), fields: [FieldChange(.status, .status(.open), .status(.inProgress))])),
    ])
}()

@Suite("Screens in one language")
struct ScreenLanguageTests {
  /// Key scripts that between them show every view, pane, overlay, prompt and footer message.
  static let scripts = [
    "", "j", "j j", "j j j", "j j j j", "enter", "enter enter", "tab", "enter enter j j j j j j j j j j j j j j j",
    "2", "2 j", "2 enter", "2 enter enter", "2 j j enter j enter", "3", "3 j enter", "3 j enter enter", "4", "4 j",
    "4 j j", "4 e", "4 +", "4 -", "4 space", "4 enter", "4 tab tab", "5", "5 j j", "5 j j j j j", "5 j j j j j j",
    "5 tab tab", "?", "4 ?", "5 ? j j", "f", "f f", "f f f", "f f f f", "2 enter f f", "/", "/ x", "/ x enter",
    "/ z z enter", "enter n", "enter D", "enter D C-u enter", "enter t", "2 enter j j j t", "2 enter j j j t C-u enter",
    "enter space", "enter s", "enter b", "enter x", "u", "z", "e", "+", "space", "4 e C-u enter",
    "2 enter j j j j j j j j",
  ]

  /// Every screen (at three sizes) and every message the scripts lead to.
  static func everything(_ plan: Plan, _ lang: Lang) -> [String] {
    var out: [String] = []
    for script in scripts {
      var s = AppState(plan: plan, today: sampleToday, lang: lang, width: 120, height: 40)
      for word in script.split(separator: " ") {
        for e in s.update(.key(Key(script: String(word))!)) {
          if case .save(_, let message) = e { out.append(message) }
        }
        out.append(render(s).lines.joined(separator: "\n"))
      }
      for (w, h) in [(60, 20), (30, 8), (180, 30)] {
        _ = s.update(.resize(width: w, height: h))
        out.append(render(s).lines.joined(separator: "\n"))
      }
    }
    return out
  }

  @Test("under English no Chinese character and no full-width punctuation appears on any screen")
  func english() {
    for text in ScreenLanguageTests.everything(englishPlan, .en) {
      // The edit form shows a department cell as the store keeps it, placeholder and all.
      #expect(Language.chinese(in: Language.without(["其他相关部门"], in: text)).isEmpty, "\(text)")
    }
  }

  @Test("under Chinese no English word appears on any screen")
  func chinese() {
    for text in ScreenLanguageTests.everything(samplePlan, .zh) {
      #expect(Language.englishWords(in: text).isEmpty, "\(text)")
    }
  }

  @Test("a task's history in English: its operation, a colon, its changes")
  func historyPunctuation() {
    var s = AppState(plan: samplePlan, today: sampleToday, lang: .en, width: 120, height: 60)
    for k in ["2", "enter"] { _ = s.update(.key(Key(script: k)!)) }
    let text = render(s).lines.joined(separator: "\n")
    #expect(text.contains("2019-09-02 11:00 王芳 note: note — → 例会制度已建立"))
    #expect(!text.contains("note："))
  }
}
