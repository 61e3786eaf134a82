/// Why a report file could not be written. The words come from the reader's table
/// (`Words.reportProblem`); the exit codes are the sysexits the rest of the program uses.
public enum ReportProblem: Error, Sendable, Equatable {
  /// `-o FILE` names a file that is there, and `--force` was not given.
  case outputExists(String)
  /// An .xlsx or .docx asked for on a terminal, with no `-o FILE`.
  case binaryToTerminal(format: String)
  /// The library that writes the format is not installed: its Debian package.
  case libraryMissing(library: String, package: String)
  /// The output file or its temporary copy could not be created or written.
  case cannotWrite(String, errno: Int32)
  /// The library refused to write the file (its own error number).
  case writerFailed(String, code: Int32)

  public var exitCode: Int32 {
    switch self {
    case .outputExists, .cannotWrite, .writerFailed: 73
    case .binaryToTerminal: 64
    case .libraryMissing: 66
    }
  }
}
