/// An error the user can act on: where (file:line:column), what, and which exit code.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Maps to the sysexits codes the command line returns.
  public enum Kind: Sendable, Equatable {
    /// 65: a file that does not parse, or a value that makes no sense.
    case badData
    /// 66: no such store, task or input file.
    case noInput
    /// 73: a file or folder could not be created.
    case cannotCreate
    /// 75: locked by someone else, or changed on disk in a way that collides.
    case busy
    /// 74: reading or writing failed (EIO, ENOSPC).
    case io
    /// 64: the program was asked for something it cannot do here (no usable terminal).
    case usage
  }

  public let kind: Kind
  public let file: String?
  public let line: Int?
  public let column: Int?
  public let message: String

  public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    var place = ""
    if let file {
      place = file
      if let line {
        place += ":\(line)"
        if let column { place += ":\(column)" }
      }
      place += ": "
    }
    return place + message
  }

  public var exitCode: Int32 {
    switch kind {
    case .badData: 65
    case .noInput: 66
    case .cannotCreate: 73
    case .io: 74
    case .busy: 75
    case .usage: 64
    }
  }
}
