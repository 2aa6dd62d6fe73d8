import Cases
import Mailbox
import Store

/// Empties the outbox: every queued notice whose attempt is due goes out over SMTP, or, on a
/// site without an SMTP server, into a local Maildir. The outbox row is the truth: each notice
/// is marked `sending` (committed) before its bytes leave, so a courier that dies between
/// sending and marking leaves a row that says so, and the next courier resolves it
/// (`resolveInterrupted`) instead of sending the notice a second time.
public struct NoticeCourier {
    public enum Transport {
        /// Notices written as files, for a site (or a trial) with no SMTP server.
        case maildir(Maildir)
        case smtp(SMTPSender)
    }

    public let intake: Intake
    public let transport: Transport
    /// The envelope sender: bounces come back here.
    public let envelopeFrom: String

    public init(intake: Intake, transport: Transport, envelopeFrom: String) {
        self.intake = intake
        self.transport = transport
        self.envelopeFrom = envelopeFrom
    }

    public struct Delivery: Sendable, Equatable {
        public let messageID: String
        public let recipient: String
        public let notice: String
        public let result: Result

        /// What became of one notice in a round.
        public enum Result: Sendable, Equatable, CustomStringConvertible {
            case sent
            /// Queued again for `next`; the server or the folder said why.
            case retry(next: LocalDateTime, reason: String)
            /// Refused for good: the case is told the applicant cannot be reached.
            case failed(reason: String)

            /// As the daemon's log writes it: "sent", "retry at …: why", "failed: why".
            public var description: String {
                switch self {
                case .sent: "sent"
                case let .retry(next, reason): "retry at \(next): \(reason)"
                case let .failed(reason): "failed: \(reason)"
                }
            }
        }
    }

    /// The local Maildir for notices has no room. The notice in hand is not marked at all:
    /// it stays queued and due, its attempts uncounted, and goes out on the first pass after
    /// space returns. A full disk is the site's trouble, not the notice's, so it is never
    /// counted towards the SMTP-style backoff of hours, let alone marked failed.
    public struct StorageFull: Error, CustomStringConvertible {
        public let underlying: MaildirError
        /// The notices delivered in this round before the disk ran out.
        public let delivered: [Delivery]
        public var description: String { "cannot write a notice into the sent Maildir: \(underlying)" }
    }

    /// Sends what is due as of `now`; returns what happened to each. Throws `StorageFull` when
    /// the local sent Maildir has no room, leaving that notice and the rest queued.
    public func deliverDue(now: LocalDateTime) throws -> [Delivery] {
        let outbox = Outbox(intake.database)
        var done: [Delivery] = []
        for item in try outbox.due(asOf: now) {
            guard try outbox.claim(id: item.id) else { continue }
            let outcome: SMTPOutcome
            switch transport {
            case .maildir(let folder):
                do {
                    _ = try folder.deliver(item.bytes, stem: Self.fileStem(item))
                    outcome = .sent
                } catch where error.isStorageFull {
                    // `deliver` removed its partial file from tmp/; nothing else was written.
                    // Should the store be full too, the row stays `sending` and the next
                    // resolution finds no file and queues it again.
                    try? outbox.release(id: item.id)
                    throw StorageFull(underlying: error, delivered: done)
                } catch {
                    outcome = .temporaryFailure(code: nil, message: "\(error)")
                }
            case .smtp(let sender):
                outcome = sender.send(item.bytes, from: envelopeFrom, to: [item.recipient] + item.cc)
            }
            let result: Delivery.Result
            switch outcome {
            case .sent:
                try outbox.markSent(id: item.id, at: now)
                result = .sent
            case let .temporaryFailure(_, message):
                let next = LocalDateTime(utcSeconds: now.utcSeconds + Self.backoffSeconds(attempt: item.attempts + 1))
                try outbox.markRetry(id: item.id, error: message, next: next)
                result = .retry(next: next, reason: message)
            case let .permanentFailure(code, message):
                try intake.database.transaction {
                    try outbox.markFailed(id: item.id, error: "\(code) \(message)")
                    // A refused notice is a dead address as surely as a bounce: staff must reach the applicant.
                    if let caseID = item.caseID { try tell(caseID: caseID, .noticeBounced(at: now), at: now) }
                }
                result = .failed(reason: "\(code) \(message)")
            }
            done.append(Delivery(messageID: item.messageID, recipient: item.recipient, notice: item.notice, result: result))
        }
        return done
    }

    /// The sent Maildir's name for a notice, `SECONDS.N<row>H<hash>`: derivable from the row, so
    /// whether it was delivered can be read off the folder after a crash. The Message-ID's
    /// hash ties the name to this notice, not merely to a row number that a store restored
    /// from an older backup would hand out again.
    public static func fileStem(_ item: OutboxItem) -> String {
        "\(item.createdAt.utcSeconds).N\(item.id)H\(Digest.sha256Hex(Array(item.messageID.utf8)).prefix(16))"
    }

    /// One minute, doubling, at most six hours: a server down for a day is retried ~10 times.
    public static func backoffSeconds(attempt: Int) -> Int64 {
        min(Int64(60) << Int64(min(max(attempt - 1, 0), 20)), 6 * 3600)
    }

    /// Records in a case's history what delivering its notice revealed (refused for good, or
    /// in doubt after a crash), when the case's state allows it.
    func tell(caseID: Int64, _ input: CaseInput, at: LocalDateTime) throws {
        let book = CaseBook(intake.database)
        guard let record = try book.find(id: caseID) else { return }
        if case .success(let transition) = CaseMachine.apply(input, to: record.snapshot, policy: intake.settings.policy,
                                                             calendar: intake.settings.calendar) {
            try book.record(transition, caseID: caseID, at: at)
        }
    }
}
