import Cases
import Glibc
import Intake
import Mailbox
import Store

/// Set by the signal handlers; read by the loop between passes, so the letter in hand is
/// always finished before the daemon stops or reloads.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0
nonisolated(unsafe) private var reloadSignal: sig_atomic_t = 0

/// The long-running daemon: fetch (IMAP, if configured), a `ServicePass`, publish, then sleep
/// until mail arrives, a deadline or a retry comes due, or a minute passes. Everything it would
/// remember lives in the store, so killing it at any moment and starting it again resumes.
public struct ServiceLoop {
    /// How the loop ended, for the process's exit status.
    public enum Ending: Sendable, Equatable {
        /// SIGTERM or SIGINT, after finishing the pass in hand.
        case stopped
        /// The configuration, templates or calendar could not be read at start.
        case badConfiguration
        /// The Maildir could not be watched.
        case cannotWatch
        /// Another daemon holds the store.
        case storeBusy
    }

    /// Reads the configuration again: at start and on SIGHUP.
    let settings: () throws -> Settings
    let clock: () -> LocalDateTime
    let report: (ServiceEvent) -> Void

    public init(settings: @escaping () throws -> Settings, clock: @escaping () -> LocalDateTime,
                report: @escaping (ServiceEvent) -> Void) {
        self.settings = settings
        self.clock = clock
        self.report = report
    }

    public func run() -> Ending {
        install(SIGTERM) { _ in stopSignal = 1 }
        install(SIGINT) { _ in stopSignal = 1 }
        install(SIGHUP) { _ in reloadSignal = 1 }
        let systemd = SystemdNotifier()
        guard var installation = openWaitingForSpace(systemd) else {
            return stopSignal != 0 ? .stopped : .badConfiguration
        }
        let lock: ServiceLock
        do {
            lock = try ServiceLock(store: installation.settings.store)
        } catch {
            report(.cannotStart("\(error)"))
            return .storeBusy
        }
        defer { lock.release() }
        var watcher: MaildirWatcher
        do {
            watcher = try MaildirWatcher(maildir: installation.maildir)
        } catch {
            report(.cannotStart("cannot watch \(installation.maildir.path): \(error)"))
            return .cannotWatch
        }
        report(.started(watching: installation.maildir.directory(.new), mode: "\(watcher.mode)",
                        store: installation.database.path))
        recount(installation)
        systemd.notify("READY=1\nSTATUS=watching \(installation.maildir.directory(.new))")
        var first = true
        var lastFetch = -1e9
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
                    let fresh = try Self.open(try settings())
                    if fresh.maildir.path != installation.maildir.path {
                        watcher.close()
                        watcher = try MaildirWatcher(maildir: fresh.maildir)
                    }
                    installation = fresh
                    report(.reloaded)
                    recount(installation)
                } catch {
                    report(.reloadFailed(error))
                }
                systemd.notify("READY=1")
            }
            let pass = ServicePass(installation)
            // A full disk cannot take fetched mail either: the server keeps it meanwhile.
            if let fetch = installation.fetch, let imap = installation.settings.imap, outage == nil,
               Self.monotonic() - lastFetch >= imap.pollSeconds {
                lastFetch = Self.monotonic()
                do {
                    let count = try fetch.run()
                    if count > 0 { report(.fetched(count: count, into: installation.maildir.directory(.new))) }
                } catch {
                    counters.imapErrors += 1
                    report(.fetchFailed(error, retryInSeconds: Int(imap.pollSeconds)))
                }
            }
            do {
                let done: PassReport
                do {
                    done = try pass.run(now: clock(), includeCur: first, resolving: first || outage != nil)
                } catch let interrupted as ServicePass.Interrupted {
                    report(.passed(interrupted.report, first: first, complete: false))
                    counters.smtpErrors += interrupted.report.failedDeliveries
                    throw interrupted.cause
                }
                counters.smtpErrors += done.failedDeliveries
                report(.passed(done, first: first, complete: true))
                // Staff decisions change the register too: every pass looks, at the cost of one query.
                if let upTo = try pass.publish(since: first ? nil : published, now: clock()) {
                    published = upTo
                    report(.published(directory: installation.settings.publishDirectory))
                }
                first = false
                if let ended = outage {
                    report(.outage(ended.endedLine(now: Self.monotonic()), ended: true))
                    systemd.notify("STATUS=watching \(installation.maildir.directory(.new))")
                    outage = nil
                }
            } catch {
                // The store or the disk failed: say so and try again, rather than exit and let
                // mail pile up unanswered until someone notices. Nothing is half-done: the
                // transaction rolled back, the letters wait in new/, the notices stay queued.
                let moment = Self.monotonic()
                if var current = outage {
                    current.failedAgain(error, site: installation, now: moment)
                    if let line = current.lineForNewProblem(error, site: installation) { report(.outage(line, ended: false)) }
                    outage = current
                } else {
                    let started = StorageOutage(error, site: installation, now: moment)
                    report(.outage(started.firstLine(error, site: installation), ended: false))
                    systemd.notify("STATUS=\(started.storageFull ? "no space left on device" : "failing"); retrying")
                    outage = started
                }
            }
            if let path = installation.settings.metricsFile, outage == nil, Self.monotonic() - lastMetrics >= 60 {
                lastMetrics = Self.monotonic()
                do {
                    try MetricsFile.write(database: installation.database, path: path, now: clock(), counters: counters)
                } catch {
                    report(.metricsFailed(path: path, error))
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
                    if current.spaceReturned(installation) { break }
                }
                continue
            }
            var limit = min(60, nextWake(installation))
            if let imap = installation.settings.imap {
                limit = min(limit, max(1, imap.pollSeconds - (Self.monotonic() - lastFetch)))
            }
            if let watchdog = systemd.watchdogInterval { limit = min(limit, watchdog) }
            var waited = 0.0
            while stopSignal == 0 && reloadSignal == 0 && waited < limit {
                if watcher.wait(timeout: min(1, limit - waited)) { break }
                waited += 1
            }
        }
        watcher.close()
        systemd.notify("STOPPING=1")
        report(.stopping)
        return .stopped
    }

    /// Opens the installation. A full disk at start (after a reboot, say) is waited out like
    /// one that fills later: exiting would only have systemd restart us into the same failure
    /// every 10 s. Nil: the configuration is bad (reported), or a signal came while waiting.
    private func openWaitingForSpace(_ systemd: SystemdNotifier) -> Installation? {
        var failedOpens = 0
        var delay = StorageOutage.firstDelay
        let began = Self.monotonic()
        // Read once: they do not change while we wait, and settings that cannot be read are
        // reported by the open below.
        let known = try? settings()
        while true {
            do {
                let installation = try Self.open(try settings())
                if failedOpens > 0 { report(.spaceReturned(afterSeconds: Int((Self.monotonic() - began).rounded()))) }
                return installation
            } catch where StorageOutage.isStorageFull(error) && stopSignal == 0 {
                if failedOpens == 0, let known {
                    report(.waitingForSpace("\(StorageOutage.describe(error, settings: known)); cannot open the store, "
                        + "retrying every \(Int(StorageOutage.firstDelay))-\(Int(StorageOutage.longestDelay)) s until space returns"))
                    systemd.notify("STATUS=no space left on device; retrying")
                }
                failedOpens += 1
                let before = known.map(StorageOutage.freeSpace) ?? [:]
                // Alive, if not working: the wait is at most 30 s, well within WatchdogSec.
                systemd.notify("WATCHDOG=1")
                let until = Self.monotonic() + delay
                while stopSignal == 0 && Self.monotonic() < until {
                    usleep(250_000)
                    if let known, StorageOutage.grown(since: before, StorageOutage.freeSpace(known)) { break }
                }
                if stopSignal != 0 {
                    report(.stopping)
                    return nil
                }
                delay = min(delay * 2, StorageOutage.longestDelay)
            } catch {
                report(.cannotStart("\(error)"))
                return nil
            }
        }
    }

    /// The calendar may have changed since the running terms were computed: count them again.
    func recount(_ installation: Installation) {
        do {
            let extended = try ServicePass(installation).recountDeadlines(now: clock())
            if !extended.isEmpty { report(.termsExtended(extended)) }
        } catch {
            report(.recountFailed(error))
        }
    }

    /// The installation opened for a pass, its Maildir created.
    public static func open(_ settings: Settings) throws -> Installation {
        let installation = try Installation(settings)
        try installation.maildir.create()
        return installation
    }

    /// Seconds until the earliest timer or notice retry, so deadlines fire on time.
    func nextWake(_ installation: Installation) -> Double {
        let now = clock().utcSeconds
        let due = [try? CaseBook(installation.database).nextTimerDue(), try? Outbox(installation.database).nextAttempt()]
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
