/// An error of the store the user can act on: where (file:line:column), what, and which exit
/// code. What went wrong is data (`Reason`); the words for it come from the reader's table
/// (`Words.reason`), so one error reads in Chinese on one screen and in English on another.
/// The import has its own (`ImportError`), and so does the command line (`CommandError`, for
/// usage mistakes); this one is only about files and the plan they hold.
public struct StoreError: Error, Sendable, Equatable {
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
  }

  /// What went wrong, with the values the sentence needs. `Words.reason` phrases it.
  public enum Reason: Equatable, Sendable {
    // MARK: Files and folders (the system's error number)
    case cannotRead(errno: Int32)
    case cannotWrite(errno: Int32)
    case cannotFlush(errno: Int32)
    case cannotOpenFolder(errno: Int32)
    case cannotCreateTemporary(errno: Int32)
    case cannotReplace(errno: Int32)
    case cannotOpenForWriting(errno: Int32)
    case cannotOpen(errno: Int32)
    case cannotTruncate(errno: Int32)
    case cannotCreateFolder(errno: Int32)
    case cannotCreateLock(errno: Int32)

    // MARK: Text and CSV
    case invalidUTF8
    case nulByte
    case rowTooLarge(kib: Int, limitKiB: Int)
    case emptyFile
    case quotedFieldNeverClosed
    case textAfterClosingQuote
    case quoteInUnquotedField
    case columnTwice(String)
    case fieldCount(Int, header: Int)
    /// A required column is missing; `alias` is the Chinese name that would do too.
    case missingColumn(String, alias: String?)
    /// A spreadsheet saved the file as "CSV" in the Chinese Windows encoding.
    case savedAsGB18030

    // MARK: Tasks, staffing, settings, journal
    case emptyID
    case unknownStatus(String)
    case badDate(String)
    case duplicateID(String, firstLine: Int)
    case emptyUnitName
    case unitTwice(String, firstLine: Int)
    case countNotNumber(field: UnitField, text: String)
    case negativeCount(Int)
    case countTooLarge(Int)
    case notKeyValue
    case badReviewerPercent
    case badStart
    case badYear
    /// A `holiday` or `workday` line that is not dates or ranges.
    case badDayList(key: String)
    case badGitCommit
    case journalEntryIncomplete
    case json(JSONError.Problem)

    // MARK: The store
    case noStoreFolder
    case notAStore(missing: String)
    /// Creating a store where one is: `file` already exists.
    case storeExists(file: String)
    case locked(pid: Int32, host: String)
    /// Locked by a holder whose lock file does not say who.
    case lockedByAnother
    case noTask(String)
    case taskChangedMeanwhile(id: String, field: TaskField, now: FieldValue)
    case unitChangedMeanwhile(String)
    case planChangedMeanwhile
  }

  public let kind: Kind
  public let file: String?
  public let line: Int?
  public let column: Int?
  /// The name of the column a bad cell is in, as the file's header says it.
  public var columnName: String?
  public let reason: Reason

  public init(_ kind: Kind, _ reason: Reason, file: String? = nil, line: Int? = nil, column: Int? = nil) {
    self.kind = kind
    self.reason = reason
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column: message` in the reader's words (the place alone is the same in any).
  public func description(_ words: any Words) -> String {
    var place = ""
    if let file {
      place = file
      if let line {
        place += ":\(line)"
        if let column { place += ":\(column)" }
      }
      place += ": "
    }
    var what = ""
    if let name = columnName {
      what = words.labelled(words.column(name), "")
    }
    return place + what + words.reason(reason)
  }

  public var exitCode: Int32 {
    switch kind {
    case .badData: 65
    case .noInput: 66
    case .cannotCreate: 73
    case .io: 74
    case .busy: 75
    }
  }
}

/// Something the store noticed while reading and dealt with itself, for the user to know.
public enum StoreNotice: Equatable, Sendable {
  /// Changes in the journal but not yet in the files (a save cut short) were applied.
  case rolledForward(journal: String, count: Int)
  /// The journal's last line was cut short; it is set aside on the next save.
  case tornJournalLine(journal: String)
}
