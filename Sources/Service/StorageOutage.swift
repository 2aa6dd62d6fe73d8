import Glibc
import Intake
import Mailbox
import Register
import Store

/// One episode of failing passes, from the first failure to the first pass that succeeds.
/// The daemon retries after 2, 4, 8, 16, then every 30 seconds; when the failure was a full
/// disk it also watches the free space of the store's and the Maildirs' file systems and
/// retries as soon as it has grown, so an operator who frees space sees mail taken within a
/// second or two. It logs the start once, a different problem once, and the end once.
public struct StorageOutage {
    public static let firstDelay = 2.0
    public static let longestDelay = 30.0

    let began: Double
    /// Whether the episode is a full disk (else some other failure of the store or the disk).
    private(set) var storageFull: Bool
    private(set) var retries = 0
    private(set) var delay = StorageOutage.firstDelay
    private(set) var nextTry: Double
    /// Free bytes per watched folder when the last try failed.
    private var freeAtFailure: [String: UInt64]
    /// Problems already logged in this episode, so each is said once.
    private var logged: Set<String>

    init(_ error: Error, site: Installation, now: Double) {
        began = now
        storageFull = Self.isStorageFull(error)
        nextTry = now + delay
        freeAtFailure = Self.freeSpace(site.settings)
        logged = [Self.problemKey(error)]
    }

    mutating func failedAgain(_ error: Error, site: Installation, now: Double) {
        retries += 1
        storageFull = storageFull || Self.isStorageFull(error)
        delay = min(delay * 2, Self.longestDelay)
        nextTry = now + delay
        freeAtFailure = Self.freeSpace(site.settings)
    }

    /// The line to log for a failure in this episode, or nil when this problem was said already.
    mutating func lineForNewProblem(_ error: Error, site: Installation) -> String? {
        guard logged.insert(Self.problemKey(error)).inserted else { return nil }
        return Self.isStorageFull(error) ? Self.describe(error, site: site) : "\(error); retrying in \(Int(delay)) s"
    }

    func firstLine(_ error: Error, site: Installation) -> String {
        if Self.isStorageFull(error) {
            return Self.describe(error, site: site) + "; no mail is taken until space returns (letters wait in "
                + "\(site.maildir.directory(.new)), notices stay queued), retrying every \(Int(Self.firstDelay))-\(Int(Self.longestDelay)) s"
        }
        return "\(error); retrying in \(Int(delay)) s"
    }

    func endedLine(now: Double) -> String {
        let seconds = Int((now - began).rounded())
        let tries = "\(retries) \(retries == 1 ? "retry" : "retries")"
        return storageFull
            ? "space is back: taking mail again after \(seconds) s without (\(tries))"
            : "working again after \(seconds) s (\(tries))"
    }

    /// True when a full disk has room again: a watched folder's free space at least doubled
    /// and grew by 64 KiB since the last failure. Growth on a busy, large file system does
    /// not count as room, so that case falls back to the timed retries.
    func spaceReturned(_ site: Installation) -> Bool {
        storageFull && Self.grown(since: freeAtFailure, Self.freeSpace(site.settings))
    }

    static func grown(since before: [String: UInt64], _ now: [String: UInt64]) -> Bool {
        now.contains { folder, free in
            let old = before[folder] ?? free
            return free >= old + 64 * 1024 && free >= 2 * old
        }
    }

    /// A failure for want of space: SQLite's SQLITE_FULL, or ENOSPC/EDQUOT from a Maildir,
    /// the notices' Maildir or a published file.
    public static func isStorageFull(_ error: Error) -> Bool {
        switch error {
        case let failure as Database.Failure: return failure.isStorageFull
        case let failure as MaildirError: return failure.isStorageFull
        case is NoticeCourier.StorageFull: return true
        case let failure as AtomicFile.Failure: return failure.errno == ENOSPC || failure.errno == EDQUOT
        case let interrupted as ServicePass.Interrupted: return isStorageFull(interrupted.cause)
        default: return false
        }
    }

    /// "no space left on device: store /var/lib/tizilim/tizilim.sqlite: SQLite error 13: …;
    /// free: /var/lib/tizilim 0 KiB": what failed, where, and how much room each file system has.
    static func describe(_ error: Error, site: Installation) -> String {
        describe(error, settings: site.settings)
    }

    public static func describe(_ error: Error, settings: Settings) -> String {
        let what = error is Database.Failure ? "store \(settings.store): \(error)" : "\(error)"
        let free = freeSpaceByFileSystem(settings).map { "\($0.folder) \($0.bytes / 1024) KiB" }.joined(separator: ", ")
        return "no space left on device: \(what); free: \(free)"
    }

    private static func problemKey(_ error: Error) -> String {
        isStorageFull(error) ? "storage full" : "\(error)"
    }

    static func freeSpace(_ settings: Settings) -> [String: UInt64] {
        Dictionary(freeSpaceByFileSystem(settings).map { ($0.folder, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    }

    /// Available bytes for an unprivileged writer, one entry per file system (the first folder
    /// on it names it).
    static func freeSpaceByFileSystem(_ settings: Settings) -> [(folder: String, bytes: UInt64)] {
        var seen: Set<UInt> = []
        var result: [(folder: String, bytes: UInt64)] = []
        for folder in settings.writtenFolders {
            var info = statvfs()
            guard statvfs(folder, &info) == 0, seen.insert(UInt(info.f_fsid)).inserted else { continue }
            result.append((folder, UInt64(info.f_bavail) * UInt64(info.f_frsize)))
        }
        return result
    }
}
