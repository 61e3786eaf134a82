import CFormats
import Model

/// A document parsed by libxml2: the one Swift file that calls it (through Sources/CFormats).
/// The tree lives as long as this object; nodes must not outlive it.
final class XMLTree {
  private let doc: UnsafeMutableRawPointer

  /// Parses XML (`html` false) or HTML; nil when the bytes do not parse at all.
  /// Throws when libxml2 itself is missing.
  init?(_ bytes: [UInt8], html: Bool, encoding: String? = nil, file: String) throws(ImportError) {
    guard sx_xml_available() != 0 else { throw ImportError(.xmlLibraryMissing, file: file) }
    guard bytes.count < Int32.max else { throw ImportError(.tooLarge, file: file) }
    let parsed = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { c in
        if let encoding {
          return encoding.withCString { sx_parse(c.baseAddress, Int32(c.count), html ? 1 : 0, $0) }
        }
        return sx_parse(c.baseAddress, Int32(c.count), html ? 1 : 0, nil)
      }
    }
    guard let parsed else { return nil }
    doc = parsed
  }

  deinit { sx_free_doc(doc) }

  var root: XMLNode? { sx_root(doc).map(XMLNode.init) }
}

/// One node of an `XMLTree`.
struct XMLNode {
  let ptr: UnsafeMutableRawPointer

  var isElement: Bool { sx_type(ptr) == 1 }
  var isText: Bool { sx_type(ptr) == 3 || sx_type(ptr) == 4 }
  /// The local name ("tc" for w:tc); "" for text.
  var name: String { sx_name(ptr).map { String(cString: $0) } ?? "" }
  var namespace: String? { sx_ns(ptr).map { String(cString: $0) } }
  var text: String { sx_content(ptr).map { String(cString: $0) } ?? "" }

  func attribute(_ local: String) -> String? { sx_attr(ptr, local).map { String(cString: $0) } }

  var children: [XMLNode] {
    var out: [XMLNode] = []
    var c = sx_first_child(ptr)
    while let n = c {
      out.append(XMLNode(ptr: n))
      c = sx_next(n)
    }
    return out
  }

  /// Element children with this local name.
  func elements(_ local: String) -> [XMLNode] { children.filter { $0.isElement && $0.name == local } }

  func first(_ local: String) -> XMLNode? {
    var c = sx_first_child(ptr)
    while let n = c {
      let node = XMLNode(ptr: n)
      if node.isElement && node.name == local { return node }
      c = sx_next(n)
    }
    return nil
  }

  /// Every descendant element with this local name, in document order, not looking inside
  /// a matching element (nor inside `stop` elements).
  func descendants(_ local: String, stop: Set<String> = []) -> [XMLNode] {
    var out: [XMLNode] = []
    func walk(_ n: XMLNode) {
      for c in n.children where c.isElement {
        if c.name == local {
          out.append(c)
        } else if !stop.contains(c.name) {
          walk(c)
        }
      }
    }
    walk(self)
    return out
  }

  /// All the text under this node, in order.
  var allText: String {
    var s = ""
    func walk(_ n: XMLNode) {
      for c in n.children {
        if c.isText { s += c.text } else if c.isElement { walk(c) }
      }
    }
    walk(self)
    return s
  }
}
