import Cases
import Glibc
import Intake
import Mailbox
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
        var site: Site
        do {
            site = try Self.open(arguments)
        } catch {
            console.error("<3>tizilim serve: \(error)")
            return ExitCode.config
        }
        var watcher: MaildirWatcher
        do {
            watcher = try MaildirWatcher(maildir: site.maildir)
        } catch {
            console.error("<3>tizilim serve: cannot watch \(site.maildir.path): \(error)")
            return ExitCode.ioError
        }
        console.error("<6>tizilim serve: watching \(site.maildir.directory(.new)) (\(watcher.mode)); store \(site.database.path)")
        systemd.notify("READY=1\nSTATUS=watching \(site.maildir.directory(.new))")
        var first = true
        var lastFetch = 0.0
        var published: LocalDateTime?
        var counters = Metrics.Counters()
        var lastMetrics = -1e9
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
                } catch {
                    console.error("<3>tizilim serve: reload failed, keeping the previous configuration: \(error)")
                }
                systemd.notify("READY=1")
            }
            let now = Self.monotonic()
            if let fetch = site.fetch, now - lastFetch >= site.pollSeconds {
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
                let (summary, failedDeliveries) = try ServeCommand().pass(site, now: clock(), includeCur: first, console: console)
                counters.smtpErrors += failedDeliveries
                if first || !summary.hasPrefix("0 messages taken, 0 cases opened, 0 deadlines fired, 0 of 0") {
                    console.error("<6>\(summary)")
                }
                // Staff decisions change the register too: every pass looks, at the cost of one query.
                if let upTo = try ServeCommand().publish(site, since: first ? nil : published, now: clock(), console: console) {
                    published = upTo
                }
                first = false
            } catch {
                // The store or the disk failed: say so and try again, rather than exit and let
                // mail pile up unanswered until someone notices.
                console.error("<3>tizilim serve: \(error)")
            }
            if let path = site.configuration["metrics_file"], Self.monotonic() - lastMetrics >= 60 {
                lastMetrics = Self.monotonic()
                do {
                    try MetricsFile.write(database: site.database, path: path, now: clock(), counters: counters)
                } catch {
                    console.error("<4>metrics: cannot write \(path): \(error)")
                }
            }
            systemd.notify("WATCHDOG=1")
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

    static func open(_ arguments: Arguments) throws -> Site {
        let site = try Site(try Configuration(arguments))
        try site.maildir.create()
        return site
    }

    /// Seconds until the earliest timer or notice retry, so deadlines fire on time.
    func nextWake(_ site: Site) -> Double {
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
