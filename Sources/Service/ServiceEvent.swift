import Cases
import Intake

/// What the daemon reports as it runs, for the CLI to write as journal lines. Each case names
/// its own severity through `priority`; the wording of a line is the CLI's.
public enum ServiceEvent {
    /// The store is open and the Maildir watched: systemd hears READY=1 next.
    case started(watching: String, mode: String, store: String)
    /// A pass finished. `first`: the pass at start, reported even when idle. `complete`: false
    /// when it stopped after taking its letters (an `outage` follows).
    case passed(PassReport, first: Bool, complete: Bool)
    case termsExtended([Intake.Extension])
    case published(directory: String)
    case fetched(count: Int, into: String)
    case fetchFailed(any Error, retryInSeconds: Int)
    case reloaded
    case reloadFailed(any Error)
    case recountFailed(any Error)
    case metricsFailed(path: String, any Error)
    /// A storage or store problem, phrased by `StorageOutage` (began, changed, or ended).
    case outage(String, ended: Bool)
    /// The store could not be opened at start for want of space; retrying.
    case waitingForSpace(String)
    case spaceReturned(afterSeconds: Int)
    case stopping
    /// The daemon cannot go on: it returns `exitCode` after this.
    case cannotStart(String)

    /// syslog priority, as sd-daemon(3) prefixes read by journald: 3 error, 4 warning, 5 notice, 6 info.
    public var priority: Int {
        switch self {
        case .started, .passed, .published, .fetched, .stopping: 6
        case .termsExtended, .reloaded, .spaceReturned: 5
        case .fetchFailed, .metricsFailed: 4
        case .reloadFailed, .recountFailed, .waitingForSpace, .cannotStart: 3
        case .outage(_, let ended): ended ? 5 : 3
        }
    }
}
