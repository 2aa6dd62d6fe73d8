import Cases
import Glibc
import Intake
import Mailbox
import Service

/// `tizilim serve`: the daemon. `--once` does one pass and exits, for cron, tests and replays.
struct ServeCommand: Command {
    let name = "serve"
    let summary = "take mail from the Maildir, run the cases' deadlines, send the notices"
    let synopsis = "serve [--once] [--now ISO-DATETIME] [--config FILE] [--KEY VALUE...]"
    let details = """
    Takes every message waiting in the Maildir (oldest first), opens or continues its case,
    fires every deadline that came due, and sends the queued notices (over SMTP when smtp_url
    is set, else as files in the 'sent' Maildir). Each message is committed to the store before
    its file moves to cur/, so a crash at any moment loses nothing and doubles nothing.
    --once          one pass, then exit (messages already in cur/ that the store has never
                    seen are taken too, as at a first start)
    --now TIME      the clock for this pass, e.g. 2026-03-20T10:00 (Asia/Almaty unless an
                    offset is given): replays a backlog, or shows what the deadlines will do.
                    Messages count as received when their file arrived, or at TIME if later.
    Every configuration key is also an option: --store PATH, --maildir PATH, --decisions review…
    """
    var options: [Arguments.Option] {
        [.flag("once", "one pass, then exit"),
         .value("now", "ISO-DATETIME", "the clock for this pass (default: the real clock)")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.isEmpty else {
            console.error("tizilim serve: takes no operands. See 'tizilim help serve'.")
            return ExitCode.usage
        }
        let settings: Settings
        do {
            // Checked before anything starts: a bad file is a clear error, not a half-started daemon.
            settings = try Settings(arguments)
        } catch {
            console.error("tizilim serve: \(error)")
            return ExitCode.config
        }
        var fixedNow: LocalDateTime?
        if let text = arguments.value("now") {
            guard let parsed = CalendarCommand.parseMoment(text, workingHours: .default) else {
                console.error("tizilim serve: --now '\(text)' is not a date-time like 2026-03-20T10:00")
                return ExitCode.usage
            }
            fixedNow = parsed
        }
        let clock = { fixedNow ?? LocalDateTime(utcSeconds: Int64(time(nil))) }
        guard arguments.has("once") else {
            let loop = ServiceLoop(settings: { try Settings(arguments) }, clock: clock) { event in
                for line in ServeLog.lines(event) { console.error(line) }
            }
            switch loop.run() {
            case .stopped: return ExitCode.ok
            case .badConfiguration: return ExitCode.config
            case .cannotWatch: return ExitCode.ioError
            case .storeBusy: return ExitCode.temporaryFailure
            }
        }
        return once(settings, clock: clock, console: console)
    }

    /// `serve --once`: fetch, recount, one pass, publish, metrics; the summary on stdout.
    func once(_ settings: Settings, clock: () -> LocalDateTime, console: Console) -> Int32 {
        let installation: Installation
        do {
            installation = try ServiceLoop.open(settings)
        } catch where StorageOutage.isStorageFull(error) {
            console.error("<3>tizilim serve: \(StorageOutage.describe(error, settings: settings)); "
                + "cannot open the store, run again once space returns")
            return ExitCode.ioError
        } catch {
            console.error("tizilim serve: \(error)")
            return ExitCode.config
        }
        let lock: ServiceLock
        do {
            lock = try ServiceLock(store: settings.store)
        } catch {
            console.error("<3>tizilim serve: \(error)")
            return ExitCode.temporaryFailure
        }
        defer { lock.release() }
        let pass = ServicePass(installation)
        var counters = Metrics.Counters()
        do {
            if let fetch = installation.fetch {
                let count = try fetch.run()
                console.error("<6>imap: \(count) messages fetched into \(installation.maildir.directory(.new))")
            }
            for line in ServeLog.lines(.termsExtended(try pass.recountDeadlines(now: clock()))) { console.error(line) }
            let report: PassReport
            do {
                report = try pass.run(now: clock(), includeCur: true, resolving: true)
            } catch let interrupted as ServicePass.Interrupted {
                for line in ServeLog.lines(.passed(interrupted.report, first: true, complete: false)) { console.error(line) }
                throw interrupted.cause
            }
            counters.smtpErrors = report.failedDeliveries
            for line in ServeLog.stepLines(report) { console.error(line) }
            console.line(ServeLog.summary(report))
            if try pass.publish(since: nil, now: clock()) != nil {
                console.error("<6>register published into \(settings.publishDirectory)")
            }
            // A timer-driven deployment has no daemon to write the figures: the pass does.
            if let path = settings.metricsFile {
                do {
                    try MetricsFile.write(database: installation.database, path: path, now: clock(), counters: counters)
                } catch {
                    console.error("<4>metrics: cannot write \(path): \(error)")
                }
            }
            return ExitCode.ok
        } catch where StorageOutage.isStorageFull(error) {
            // Nothing is half-done: the store rolled back, the letters wait in new/, the
            // notices stay queued. Run again once there is room.
            console.error("<3>tizilim serve: \(StorageOutage.describe(error, settings: settings)); nothing was half-written, run again once space returns")
            return ExitCode.ioError
        } catch {
            console.error("<3>tizilim serve: \(error)")
            return ExitCode.software
        }
    }
}
