import Foundation
import TestSupport
import Testing

@testable import Model

/// The search text scanned by bytes against `String.contains` on each field.
@Suite("Search by bytes")
struct SearchTextTests {
  @Test("search by bytes agrees with String.contains on every field")
  func search() throws {
    let store = try Store.open(Fixtures.sampleData.path)
    var tasks = store.plan.tasks.array
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
    var tasks = store.plan.tasks.array
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
}
