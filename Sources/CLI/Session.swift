import ArgumentParser
import Model
import TUI

/// What a command runs with, given by the program that runs the command line rather than
/// found in globals: where its output goes, the dashboards the executable can open, and what
/// is kept until the process ends.
public final class Session {
  /// Opens the dashboard and returns its exit status (the executable owns the terminal).
  public typealias OpenDashboard = (DashboardRequest) throws -> Int32
  /// Opens the roll-up dashboard and returns its exit status.
  public typealias OpenRollup = (Rollup, Lang) throws -> Int32

  let openDashboard: OpenDashboard?
  let openRollup: OpenRollup?
  /// Standard output, buffered, and standard error.
  let console = Console()
  /// What a command made that is kept to the end of the process: a command runs once and
  /// exits, and freeing a large plan's hundreds of thousands of strings first (or a roll-up's
  /// hundreds of plans) only delays it.
  private var kept: [Any] = []

  /// A session for a build without a terminal front end passes nil for either dashboard.
  public init(openDashboard: OpenDashboard? = nil, openRollup: OpenRollup? = nil) {
    self.openDashboard = openDashboard
    self.openRollup = openRollup
  }

  func keep(_ value: Any) { kept.append(value) }
}

/// A command run with the session (every command that does something; a group of
/// subcommands only shows its help).
protocol SessionCommand: ParsableCommand {
  func run(in session: Session) throws
}
