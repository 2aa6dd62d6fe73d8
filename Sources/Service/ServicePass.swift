import Cases
import Intake
import Mailbox
import Register

/// What one pass of the daemon did: the letters and timers taken, the notices a killed courier
/// had left in flight, and each delivery. The CLI writes it as log lines; nothing here is text.
public struct PassReport: Sendable {
    public let steps: [IntakePass.Step]
    public let resolutions: [NoticeCourier.Resolution]
    public let deliveries: [NoticeCourier.Delivery]
    /// Where the notices went: the SMTP server's URL or the sent Maildir.
    public let destination: String

    public var lettersTaken: Int { steps.filter { $0.outcome.disposition != .timer }.count }
    public var casesOpened: Int { steps.filter { $0.outcome.disposition == .opened }.count }
    public var deadlinesFired: Int { steps.count - lettersTaken }
    public var noticesSent: Int { deliveries.filter { $0.result == .sent }.count }
    public var failedDeliveries: Int { deliveries.count - noticesSent }
    /// Nothing arrived, nothing came due, nothing was delivered: a pass not worth a summary line.
    public var isIdle: Bool { steps.isEmpty && deliveries.isEmpty }
}

/// One pass over an installation: take what waits in the Maildir, fire the deadlines that came
/// due, deliver the notices. The daemon's loop runs it on every wake-up; `serve --once` once.
public struct ServicePass {
    public let installation: Installation

    public init(_ installation: Installation) {
        self.installation = installation
    }

    /// `includeCur`: also take letters already in `cur/` that the store has never seen (a first
    /// start). `resolving`: first settle the notices a killed courier left `sending` (at start,
    /// and after a failed pass, which may have left one); never while this process is delivering.
    /// A failure after the letters were taken throws `Interrupted`, which carries the report.
    public func run(now: LocalDateTime, includeCur: Bool, resolving: Bool) throws -> PassReport {
        let steps = try IntakePass(maildir: installation.maildir, intake: installation.intake)
            .run(now: now, includeCur: includeCur)
        var resolutions: [NoticeCourier.Resolution] = []
        var deliveries: [NoticeCourier.Delivery] = []
        func report() -> PassReport {
            PassReport(steps: steps, resolutions: resolutions, deliveries: deliveries,
                       destination: installation.settings.noticeDestination)
        }
        do {
            let courier = try installation.courier()
            if resolving { resolutions = try courier.resolveInterrupted(now: now) }
            // Rounds of at most 100, until nothing is due: a backlog goes out in one pass.
            while true {
                let round = try courier.deliverDue(now: now)
                deliveries += round
                if round.isEmpty || round.contains(where: { $0.result != .sent }) { break }
            }
        } catch {
            // The letters are committed whatever failed after them: they are reported with it.
            if let full = error as? NoticeCourier.StorageFull { deliveries += full.delivered }
            throw Interrupted(report: report(), cause: error)
        }
        return report()
    }

    /// A pass that stopped after taking its letters (the courier could not start, or the sent
    /// Maildir's disk filled): what it did is committed and reported; the rest waits for the
    /// next pass.
    public struct Interrupted: Error, CustomStringConvertible {
        public let report: PassReport
        public let cause: any Error
        public var description: String { "\(cause)" }
    }

    /// Counts the running refinement terms again on the configured calendar (it may have
    /// changed since they were computed); returns each term extended.
    public func recountDeadlines(now: LocalDateTime) throws -> [Intake.Extension] {
        try installation.intake.recountRefinementTerms(at: now)
    }

    /// Re-publishes the register's files when an entry changed since `since`; returns the moment
    /// published up to, or nil when nothing changed.
    public func publish(since: LocalDateTime?, now: LocalDateTime) throws -> LocalDateTime? {
        let directory = installation.settings.publishDirectory
        try Installation.makeParent(of: directory + "/register.json")
        return try RegisterPublisher(database: installation.database).publish(to: directory, since: since, now: now)
    }
}
