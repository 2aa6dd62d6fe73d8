import Intake
import Service

/// The daemon's events as journal lines: an sd-daemon(3) priority prefix (`<6>` info … `<3>`
/// error) that journald turns into the line's priority, then one line a sysadmin can grep.
enum ServeLog {
    static func lines(_ event: ServiceEvent) -> [String] {
        let p = "<\(event.priority)>"
        switch event {
        case let .started(watching, mode, store):
            return [p + "tizilim serve: watching \(watching) (\(mode)); store \(store)"]
        case let .passed(report, first, complete):
            var lines = stepLines(report)
            if complete && (first || !report.isIdle) { lines.append(p + summary(report)) }
            return lines
        case .termsExtended(let extended):
            return extended.map {
                p + "\($0.caseID): refinement deadline extended from \($0.from.map(\.description) ?? "?") to "
                    + "\($0.to.map(\.description) ?? "?"): the business calendar changed"
            }
        case .published(let directory): return [p + "register published into \(directory)"]
        case let .fetched(count, folder): return [p + "imap: \(count) messages fetched into \(folder)"]
        case let .fetchFailed(error, retry): return [p + "imap: \(error); retrying in \(retry) s"]
        case .reloaded: return [p + "tizilim serve: configuration reloaded"]
        case .reloadFailed(let error): return [p + "tizilim serve: reload failed, keeping the previous configuration: \(error)"]
        case .recountFailed(let error): return [p + "tizilim serve: cannot recount the running deadlines: \(error)"]
        case let .metricsFailed(path, error): return [p + "metrics: cannot write \(path): \(error)"]
        case .outage(let line, _): return [p + "tizilim serve: \(line)"]
        case .waitingForSpace(let line): return [p + "tizilim serve: \(line)"]
        case .spaceReturned(let seconds): return [p + "tizilim serve: space is back: the store is open after \(seconds) s"]
        case .stopping: return [p + "tizilim serve: stopping on signal"]
        case .cannotStart(let why): return [p + "tizilim serve: \(why)"]
        }
    }

    /// One line per letter or timer, per notice a killed courier had left in flight, and per delivery.
    static func stepLines(_ report: PassReport) -> [String] {
        report.steps.map(line) + report.resolutions.map(line)
            + report.deliveries.map { "<6>notice \($0.notice) <\($0.messageID)> to \($0.recipient): \($0.result)" }
    }

    static func summary(_ report: PassReport) -> String {
        "\(report.lettersTaken) messages taken, \(report.casesOpened) cases opened, \(report.deadlinesFired) deadlines fired, "
            + "\(report.noticesSent) of \(report.deliveries.count) notices delivered to \(report.destination)"
    }

    static func line(_ resolution: NoticeCourier.Resolution) -> String {
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

    static func line(_ step: IntakePass.Step) -> String {
        let t = step.outcome
        var text = "<6>\(step.source)" + (step.messageID.map { " <\($0)>" } ?? "") + ": \(t.disposition.rawValue)"
        if let id = t.caseID { text += " \(id)" }
        if let state = t.state { text += " → \(state.rawValue)" }
        if !t.notices.isEmpty { text += "; notices: " + t.notices.joined(separator: ", ") }
        if let note = t.note { text += " (\(note))" }
        return text
    }
}
