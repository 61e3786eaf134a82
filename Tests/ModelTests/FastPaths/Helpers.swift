import Foundation
import TestSupport
import Testing

@testable import Model

/// A day from its ISO text (the tests' dates are all valid).
func isoDay(_ s: String) -> Day { Day(iso: s)! }

/// The standard library's answer: where the first ill-formed sequence or NUL starts.
func utf8Fault(_ b: [UInt8]) -> (offset: Int, isNUL: Bool)? {
  var parser = Unicode.UTF8.ForwardParser()
  var input = b.makeIterator()
  var offset = 0
  while true {
    switch parser.parseScalar(from: &input) {
    case .valid(let s):
      if s.count == 1 && s.first == 0 { return (offset, true) }
      offset += s.count
    case .emptyInput: return nil
    case .error: return (offset, false)
    }
  }
}
