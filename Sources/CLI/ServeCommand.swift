import Cases
import Glibc
import Intake
import Mailbox

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
        do {
            // Checked before anything starts: a bad file is a clear error, not a half-started daemon.
            _ = try Configuration(arguments)
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
            return Daemon(arguments: arguments, console: console, clock: clock).run()
        }
        let site: Installation
        do {
            site = try Daemon.open(arguments)
        } catch where StorageOutage.isStorageFull(error) {
            if let configuration = try? Configuration(arguments) {
                console.error("<3>tizilim serve: \(StorageOutage.describe(error, configuration: configuration)); "
                    + "cannot open the store, run again once space returns")
            }
            return ExitCode.ioError
        } catch {
            console.error("tizilim serve: \(error)")
            return ExitCode.config
        }
        do {
            if let fetch = site.fetch {
                let count = try fetch.run()
                console.error("<6>imap: \(count) messages fetched into \(site.maildir.directory(.new))")
            }
            try recountDeadlines(site, now: clock(), console: console)
            let (report, _) = try pass(site, now: clock(), includeCur: true, resolving: true, console: console)
            console.line(report)
            try publish(site, since: nil, now: clock(), console: console)
            return ExitCode.ok
        } catch where StorageOutage.isStorageFull(error) {
            // Nothing is half-done: the store rolled back, the letters wait in new/, the
            // notices stay queued. Run again once there is room.
            console.error("<3>tizilim serve: \(StorageOutage.describe(error, site: site)); nothing was half-written, run again once space returns")
            return ExitCode.ioError
        } catch {
            console.error("<3>tizilim serve: \(error)")
            return ExitCode.software
        }
    }

    /// One sweep and one round of deliveries; returns the summary line and how many deliveries failed.
    /// `resolving`: first settle the notices a killed courier left `sending` (at start, and
    /// after a failed pass, which may have left one); never while this process is delivering.
    func pass(_ site: Installation, now: LocalDateTime, includeCur: Bool, resolving: Bool, console: Console) throws -> (String, Int) {
        let lines = try IntakePass(maildir: site.maildir, intake: site.intake).run(now: now, includeCur: includeCur)
        for line in lines { console.error(Self.logLine(line)) }
        let courier = try site.courier()
        if resolving {
            for resolution in try courier.resolveInterrupted(now: now) { console.error(Self.logLine(resolution)) }
        }
        // Rounds of at most 100, until nothing is due: a backlog goes out in one pass.
        var deliveries: [NoticeCourier.Delivery] = []
        var full: NoticeCourier.StorageFull?
        do {
            while true {
                let round = try courier.deliverDue(now: now)
                deliveries += round
                if round.isEmpty || round.contains(where: { $0.result != "sent" }) { break }
            }
        } catch let error as NoticeCourier.StorageFull {
            deliveries += error.delivered
            full = error
        }
        for d in deliveries {
            console.error("<6>notice \(d.notice) <\(d.messageID)> to \(d.recipient): \(d.result)")
        }
        // The notices written before the disk filled are logged; the rest stay queued.
        if let full { throw full }
        let messages = lines.filter { $0.outcome.disposition != .timer }.count
        let opened = lines.filter { $0.outcome.disposition == .opened }.count
        let timers = lines.count - messages
        let sent = deliveries.filter { $0.result == "sent" }.count
        let destination = site.configuration["smtp_url"] ?? site.configuration["sent"] ?? "var/sent"
        return ("\(messages) messages taken, \(opened) cases opened, \(timers) deadlines fired, "
            + "\(sent) of \(deliveries.count) notices delivered to \(destination)", deliveries.count - sent)
    }

    /// Counts the running refinement terms again on the configured calendar and logs each
    /// one extended (`Intake.recountRefinementTerms`).
    func recountDeadlines(_ site: Installation, now: LocalDateTime, console: Console) throws {
        for change in try site.intake.recountRefinementTerms(at: now) {
            console.error("<5>\(change.caseID): refinement deadline extended from "
                + "\(change.from.map(\.description) ?? "?") to \(change.to.map(\.description) ?? "?"): the business calendar changed")
        }
    }

    /// Re-publishes the register's files when an entry changed since `since`.
    @discardableResult
    func publish(_ site: Installation, since: LocalDateTime?, now: LocalDateTime, console: Console) throws -> LocalDateTime? {
        let directory = site.configuration["publish_dir"] ?? "var/publish"
        try Installation.makeParent(of: directory + "/register.json")
        let published = try RegisterPublisher(database: site.database).publish(to: directory, since: since, now: now)
        if published != nil { console.error("<6>register published into \(directory)") }
        return published
    }

    static func logLine(_ resolution: NoticeCourier.Resolution) -> String {
        let n = resolution.item
        let about = (resolution.caseID.map { "\($0): " } ?? "") + "notice \(n.notice) <\(n.messageID)> to \(n.recipient)"
        switch resolution.fate {
        case .sent:
            return "<6>\(about): interrupted, but already in the sent Maildir: marked sent"
        case .requeued:
            return "<6>\(about): interrupted before it reached the sent Maildir: queued again"
        case .inDoubt:
            let id = resolution.caseID ?? "ID"
            return "<4>\(about): in doubt, not sent again: the daemon stopped while the SMTP server was taking it. "
                + "Look for Message-ID <\(n.messageID)> in the mail server's log, then run "
                + "'tizilim cases confirm-sent \(id)' if it left or 'tizilim cases resend \(id)' if not"
        }
    }

    static func logLine(_ line: IntakePass.Step) -> String {
        let t = line.outcome
        var text = "<6>\(line.source)" + (line.messageID.map { " <\($0)>" } ?? "") + ": \(t.disposition.rawValue)"
        if let id = t.caseID { text += " \(id)" }
        if let state = t.state { text += " → \(state.rawValue)" }
        if !t.notices.isEmpty { text += "; notices: " + t.notices.joined(separator: ", ") }
        if let note = t.note { text += " (\(note))" }
        return text
    }
}
