import Cases
import Glibc
import Intake
import Mailbox
import Register
import Store

/// Set by the signal handlers; read by the loop between messages, so the message in hand is
/// always finished before the daemon stops or reloads.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0
nonisolated(unsafe) private var reloadSignal: sig_atomic_t = 0

/// The long-running `tizilim serve`: fetch (IMAP, if configured), sweep, deliver, then sleep
/// until mail arrives, a deadline or a retry comes due, or a minute passes. Everything it would
/// remember lives in the store, so killing it at any moment and starting it again resumes.
struct Daemon {
    let arguments: Arguments
    let console: Console
    let clock: () -> LocalDateTime

    func run() -> Int32 {
        install(SIGTERM) { _ in stopSignal = 1 }
        install(SIGINT) { _ in stopSignal = 1 }
        install(SIGHUP) { _ in reloadSignal = 1 }
        let systemd = SystemdNotifier()
        var site: Installation
        // A full disk at start (after a reboot, say) is waited out like one that fills later:
        // exiting would only have systemd restart us into the same failure every 10 s.
        var failedOpens = 0
        var delay = StorageOutage.firstDelay
        let began = Self.monotonic()
        // Read once: the arguments do not change while we wait, and a configuration that
        // cannot be read is reported by the open below.
        let configuration = try? Configuration(arguments)
        while true {
            do {
                site = try Self.open(arguments)
                break
            } catch where StorageOutage.isStorageFull(error) && stopSignal == 0 {
                if failedOpens == 0, let configuration {
                    console.error("<3>tizilim serve: \(StorageOutage.describe(error, configuration: configuration)); "
                        + "cannot open the store, retrying every \(Int(StorageOutage.firstDelay))-\(Int(StorageOutage.longestDelay)) s until space returns")
                    systemd.notify("STATUS=no space left on device; retrying")
                }
                failedOpens += 1
                let before = configuration.map(StorageOutage.freeSpace) ?? [:]
                // Alive, if not working: the wait is at most 30 s, well within WatchdogSec.
                systemd.notify("WATCHDOG=1")
                let until = Self.monotonic() + delay
                while stopSignal == 0 && Self.monotonic() < until {
                    usleep(250_000)
                    if let configuration, StorageOutage.grown(since: before, StorageOutage.freeSpace(configuration)) { break }
                }
                if stopSignal != 0 {
                    console.error("<6>tizilim serve: stopping on signal")
                    return ExitCode.ok
                }
                delay = min(delay * 2, StorageOutage.longestDelay)
            } catch {
                console.error("<3>tizilim serve: \(error)")
                return ExitCode.config
            }
        }
        if failedOpens > 0 {
            console.error("<5>tizilim serve: space is back: the store is open after \(Int((Self.monotonic() - began).rounded())) s")
        }
        var watcher: MaildirWatcher
        do {
            watcher = try MaildirWatcher(maildir: site.maildir)
        } catch {
            console.error("<3>tizilim serve: cannot watch \(site.maildir.path): \(error)")
            return ExitCode.ioError
        }
        console.error("<6>tizilim serve: watching \(site.maildir.directory(.new)) (\(watcher.mode)); store \(site.database.path)")
        recount(site)
        systemd.notify("READY=1\nSTATUS=watching \(site.maildir.directory(.new))")
        var first = true
        var lastFetch = 0.0
        var published: LocalDateTime?
        var counters = Metrics.Counters()
        var lastMetrics = -1e9
        // Set while passes fail (a full disk, a broken store): the daemon backs off instead of
        // retrying at every wake-up, and says so once per episode rather than once per try.
        var outage: StorageOutage?
        while stopSignal == 0 {
            if reloadSignal != 0 {
                reloadSignal = 0
                systemd.notify("RELOADING=1")
                do {
                    // Configuration, templates and calendar are re-read; a bad file keeps the old ones.
                    let fresh = try Self.open(arguments)
                    if fresh.maildir.path != site.maildir.path {
                        watcher.close()
                        watcher = try MaildirWatcher(maildir: fresh.maildir)
                    }
                    site = fresh
                    console.error("<5>tizilim serve: configuration reloaded")
                    recount(site)
                } catch {
                    console.error("<3>tizilim serve: reload failed, keeping the previous configuration: \(error)")
                }
                systemd.notify("READY=1")
            }
            let now = Self.monotonic()
            // A full disk cannot take fetched mail either: the server keeps it meanwhile.
            if let fetch = site.fetch, outage == nil, now - lastFetch >= site.pollSeconds {
                lastFetch = now
                do {
                    let count = try fetch.run()
                    if count > 0 { console.error("<6>imap: \(count) messages fetched into \(site.maildir.directory(.new))") }
                } catch {
                    counters.imapErrors += 1
                    console.error("<4>imap: \(error); retrying in \(Int(site.pollSeconds)) s")
                }
            }
            do {
                let (summary, failedDeliveries) = try ServeCommand().pass(site, now: clock(), includeCur: first,
                                                                          resolving: first || outage != nil, console: console)
                counters.smtpErrors += failedDeliveries
                if first || !summary.hasPrefix("0 messages taken, 0 cases opened, 0 deadlines fired, 0 of 0") {
                    console.error("<6>\(summary)")
                }
                // Staff decisions change the register too: every pass looks, at the cost of one query.
                if let upTo = try ServeCommand().publish(site, since: first ? nil : published, now: clock(), console: console) {
                    published = upTo
                }
                first = false
                if let ended = outage {
                    console.error("<5>tizilim serve: \(ended.endedLine(now: Self.monotonic()))")
                    systemd.notify("STATUS=watching \(site.maildir.directory(.new))")
                    outage = nil
                }
            } catch {
                // The store or the disk failed: say so and try again, rather than exit and let
                // mail pile up unanswered until someone notices. Nothing is half-done: the
                // transaction rolled back, the letters wait in new/, the notices stay queued.
                let moment = Self.monotonic()
                if var current = outage {
                    current.failedAgain(error, site: site, now: moment)
                    if let line = current.lineForNewProblem(error, site: site) { console.error("<3>tizilim serve: \(line)") }
                    outage = current
                } else {
                    let started = StorageOutage(error, site: site, now: moment)
                    console.error("<3>tizilim serve: \(started.firstLine(error, site: site))")
                    systemd.notify("STATUS=\(started.storageFull ? "no space left on device" : "failing"); retrying")
                    outage = started
                }
            }
            if let path = site.configuration["metrics_file"], outage == nil, Self.monotonic() - lastMetrics >= 60 {
                lastMetrics = Self.monotonic()
                do {
                    try MetricsFile.write(database: site.database, path: path, now: clock(), counters: counters)
                } catch {
                    console.error("<4>metrics: cannot write \(path): \(error)")
                }
            }
            systemd.notify("WATCHDOG=1")
            if let current = outage {
                // Back off: the next try when its delay is up, or sooner once the file system
                // has room again. Arrivals do not wake it (they would only fail the same way);
                // they wait in new/ and the next try takes them.
                var limit = max(0, current.nextTry - Self.monotonic())
                if let watchdog = systemd.watchdogInterval { limit = min(limit, watchdog) }
                let until = Self.monotonic() + limit
                while stopSignal == 0 && reloadSignal == 0 && Self.monotonic() < until {
                    _ = watcher.wait(timeout: min(1, until - Self.monotonic()))
                    if current.spaceReturned(site) { break }
                }
                continue
            }
            var limit = min(60, nextWake(site))
            if site.fetch != nil { limit = min(limit, max(1, site.pollSeconds - (Self.monotonic() - lastFetch))) }
            if let watchdog = systemd.watchdogInterval { limit = min(limit, watchdog) }
            var waited = 0.0
            while stopSignal == 0 && reloadSignal == 0 && waited < limit {
                if watcher.wait(timeout: min(1, limit - waited)) { break }
                waited += 1
            }
        }
        watcher.close()
        systemd.notify("STOPPING=1")
        console.error("<6>tizilim serve: stopping on signal")
        return ExitCode.ok
    }

    /// The calendar may have changed since the running terms were computed: count them again.
    func recount(_ site: Installation) {
        do {
            try ServeCommand().recountDeadlines(site, now: clock(), console: console)
        } catch {
            console.error("<3>tizilim serve: cannot recount the running deadlines: \(error)")
        }
    }

    static func open(_ arguments: Arguments) throws -> Installation {
        let site = try Installation(try Configuration(arguments))
        try site.maildir.create()
        return site
    }

    /// Seconds until the earliest timer or notice retry, so deadlines fire on time.
    func nextWake(_ site: Installation) -> Double {
        let now = clock().utcSeconds
        let due = [try? CaseBook(site.database).nextTimerDue(), try? Outbox(site.database).nextAttempt()]
        guard let next = due.compactMap({ $0 ?? nil }).map(\.utcSeconds).min() else { return 60 }
        return Double(max(0, next - now)) + 0.5
    }

    static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        // A parent may hand us the signal blocked (a test runner's thread, some supervisors):
        // a handler for a blocked signal never runs.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}

/// One episode of failing passes, from the first failure to the first pass that succeeds.
/// The daemon retries after 2, 4, 8, 16, then every 30 seconds; when the failure was a full
/// disk it also watches the free space of the store's and the Maildirs' file systems and
/// retries as soon as it has grown, so an operator who frees space sees mail taken within a
/// second or two. It logs the start once, a different problem once, and the end once.
struct StorageOutage {
    static let firstDelay = 2.0
    static let longestDelay = 30.0

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
        freeAtFailure = Self.freeSpace(site.configuration)
        logged = [Self.problemKey(error)]
    }

    mutating func failedAgain(_ error: Error, site: Installation, now: Double) {
        retries += 1
        storageFull = storageFull || Self.isStorageFull(error)
        delay = min(delay * 2, Self.longestDelay)
        nextTry = now + delay
        freeAtFailure = Self.freeSpace(site.configuration)
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
        storageFull && Self.grown(since: freeAtFailure, Self.freeSpace(site.configuration))
    }

    static func grown(since before: [String: UInt64], _ now: [String: UInt64]) -> Bool {
        now.contains { folder, free in
            let old = before[folder] ?? free
            return free >= old + 64 * 1024 && free >= 2 * old
        }
    }

    /// A failure for want of space: SQLite's SQLITE_FULL, or ENOSPC/EDQUOT from a Maildir,
    /// the notices' Maildir or a published file.
    static func isStorageFull(_ error: Error) -> Bool {
        switch error {
        case let failure as Database.Failure: return failure.isStorageFull
        case let failure as MaildirError: return failure.isStorageFull
        case is NoticeCourier.StorageFull: return true
        case let failure as AtomicFile.Failure: return failure.errno == ENOSPC || failure.errno == EDQUOT
        default: return false
        }
    }

    /// "no space left on device: store /var/lib/tizilim/tizilim.sqlite: SQLite error 13: …;
    /// free: /var/lib/tizilim 0 KiB": what failed, where, and how much room each file system has.
    static func describe(_ error: Error, site: Installation) -> String {
        describe(error, configuration: site.configuration)
    }

    static func describe(_ error: Error, configuration: Configuration) -> String {
        let what = error is Database.Failure ? "store \(storePath(configuration)): \(error)" : "\(error)"
        let free = freeSpaceByFileSystem(configuration).map { "\($0.folder) \($0.bytes / 1024) KiB" }.joined(separator: ", ")
        return "no space left on device: \(what); free: \(free)"
    }

    private static func problemKey(_ error: Error) -> String {
        isStorageFull(error) ? "storage full" : "\(error)"
    }

    /// The folders whose file systems the daemon writes: the store's, the Maildir, the
    /// notices' Maildir (without SMTP) and the publish folder.
    static func storePath(_ configuration: Configuration) -> String {
        configuration["store"] ?? "var/tizilim.sqlite"
    }

    static func folders(_ configuration: Configuration) -> [String] {
        let store = storePath(configuration)
        var folders = [store.lastIndex(of: "/").map { String(store[..<$0]) } ?? ".",
                       configuration["maildir"] ?? "var/maildir"]
        if configuration["smtp_url"] == nil { folders.append(configuration["sent"] ?? "var/sent") }
        folders.append(configuration["publish_dir"] ?? "var/publish")
        return folders.map { $0.isEmpty ? "/" : $0 }
    }

    static func freeSpace(_ configuration: Configuration) -> [String: UInt64] {
        Dictionary(freeSpaceByFileSystem(configuration).map { ($0.folder, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    }

    /// Available bytes for an unprivileged writer, one entry per file system (the first folder
    /// on it names it).
    static func freeSpaceByFileSystem(_ configuration: Configuration) -> [(folder: String, bytes: UInt64)] {
        var seen: Set<UInt> = []
        var result: [(folder: String, bytes: UInt64)] = []
        for folder in folders(configuration) {
            var info = statvfs()
            guard statvfs(folder, &info) == 0, seen.insert(UInt(info.f_fsid)).inserted else { continue }
            result.append((folder, UInt64(info.f_bavail) * UInt64(info.f_frsize)))
        }
        return result
    }
}
