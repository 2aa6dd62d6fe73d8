import Cases
import Forms
import MIME
import Signatures
import Store

/// Takes one message from the mailbox into the store: recognises it (a repeat, a bounce of our
/// notice, an auto-reply, the applicant's answer in a running case, or a new application),
/// runs the case machine, and commits the message, the case, its events, its timers, its
/// register change and its notices in one transaction. A crash at any instant leaves either
/// all of it or none of it, and the SHA-256 makes taking the same bytes again a no-op.
public struct Intake {
    public let database: Database
    public let settings: IntakeSettings

    public init(database: Database, settings: IntakeSettings) {
        self.database = database
        self.settings = settings
    }

    /// What became of one message.
    public struct LetterOutcome: Sendable, Equatable {
        public enum Disposition: String, Sendable {
            /// Same bytes, or the same Message-ID from the same sender, as a message already taken.
            case duplicate
            case opened
            case resubmitted
            case bounce
            case automatic
            /// Automatic mail that belongs to no case: kept in the store, answered by nothing.
            case ignored
            /// Not a message: a deadline that came due.
            case timer
        }

        public let disposition: Disposition
        /// The case's human id, when the message belongs to one.
        public let caseID: String?
        /// The case's state after the message.
        public let state: CaseState?
        /// The notices queued (or suppressed) because of it, by kind.
        public let notices: [String]
        /// Why: the automatic-mail reasons, the duplicate's original, the machine's refusal.
        public let note: String?
        /// Every case the letter went into, in its applicants' order, when it held several
        /// applicants (`caseID` is the first); empty otherwise.
        public var applicantCases: [String] = []
    }

    /// A message read and understood, before any lock is outcome: parsing a DOCX or running
    /// pdftotext inside the write transaction would make staff commands wait on it.
    public struct ParsedLetter: Sendable {
        public let bytes: [UInt8]
        public let sha256: String
        let message: Message
        public let messageID: String?
        /// What the forms say; nil for automatic mail, which is never read as an application.
        let reading: ApplicationReader.Result?
        /// The same, as stored with the message; and the header fields the taking reads, each
        /// parsed once. Made here, on the reading cores, because the write transaction is the
        /// one part that is serial.
        let record: ApplicationRecord?
        /// One reading per applicant of the letter, in the order found (`ApplicationReader.readApplicants`),
        /// each with its record; one for a letter of one applicant.
        let applicants: [(reading: ApplicationReader.Result, record: ApplicationRecord)]
        let from: [MailAddress]
        let replyTo: [MailAddress]
        let subject: String?
        /// From, lowercased: how the log and the duplicate check name the sender.
        let sender: String?
        /// Reply-To if the applicant set one, else From; lowercased.
        let replyAddress: String?
        let references: [String]
        let deliveryStatus: DeliveryStatus?
        let caseReference: CaseReference
        let autoSubmission: AutoSubmission

        init(bytes: [UInt8], sha256: String, message: Message, from: [MailAddress]? = nil,
             autoSubmission: AutoSubmission? = nil, deliveryStatus: DeliveryStatus?? = nil,
             reading: ApplicationReader.Result?, applicants: [ApplicationReader.Result]? = nil) {
            self.bytes = bytes
            self.sha256 = sha256
            self.message = message
            self.reading = reading
            let record = reading.map(ApplicationRecord.init)
            self.record = record
            if let applicants, applicants.count > 1 {
                self.applicants = applicants.map { ($0, ApplicationRecord($0)) }
            } else if let reading, let record {
                // One applicant: the letter's reading is theirs (with where it came from, when known).
                self.applicants = [(applicants?.first ?? reading, record)]
            } else {
                self.applicants = []
            }
            messageID = message.messageID
            self.from = from ?? message.from
            replyTo = message.replyTo
            subject = message.subject
            sender = self.from.first?.address.lowercased()
            replyAddress = (replyTo.first ?? self.from.first)?.address.lowercased()
            references = message.references
            self.deliveryStatus = deliveryStatus ?? message.deliveryStatus
            caseReference = CaseReference.find(in: message)
            self.autoSubmission = autoSubmission ?? AutoSubmission(message, from: self.from)
        }
    }

    /// Pure: no store, no clock beyond the year the forms' dates are judged against.
    public func prepare(_ bytes: [UInt8], year: Int) -> ParsedLetter {
        Self.prepare(bytes, year: year, legacyCharset: settings.legacyCharset, reading: settings.reading)
    }

    /// Static so that readers on other threads need no store.
    public static func prepare(_ bytes: [UInt8], year: Int, legacyCharset: String,
                               reading settings: ReadingSettings = ReadingSettings()) -> ParsedLetter {
        let message = Message(bytes: bytes, legacyCharset: legacyCharset)
        // From is parsed once here for all who ask (the verdict, the reader, the case).
        let from = message.from
        let autoSubmission = AutoSubmission(message, from: from)
        let deliveryStatus = message.deliveryStatus
        let automatic = autoSubmission.isAutomatic || deliveryStatus != nil
        let read = automatic ? nil : ApplicationReader.readLetter(message, currentYear: year, automatic: autoSubmission, settings: settings)
        return ParsedLetter(bytes: bytes, sha256: Digest.sha256Hex(bytes), message: message, from: from,
                        autoSubmission: autoSubmission, deliveryStatus: .some(deliveryStatus),
                        reading: read?.letter, applicants: read?.applicants)
    }

    /// `path` is where the file lives in the Maildir, kept as evidence; `arrivedAt` is when
    /// the mailbox received it, which is when the law's terms start.
    public func take(_ bytes: [UInt8], path: String, arrivedAt: LocalDateTime) throws -> LetterOutcome {
        try take(prepare(bytes, year: arrivedAt.date.year), path: path, arrivedAt: arrivedAt)
    }

    public func take(_ prepared: ParsedLetter, path: String, arrivedAt: LocalDateTime) throws -> LetterOutcome {
        try database.transaction {
            if let known = try MessageLog(database).find(sha256: prepared.sha256) {
                return LetterOutcome(disposition: .duplicate, caseID: try humanID(known.caseID), state: nil, notices: [],
                             note: "same bytes as \(known.maildirPath)")
            }
            let context = LetterRouting(intake: self, letter: prepared, path: path, arrivedAt: arrivedAt)
            return try context.take()
        }
    }

    /// Fires every timer due at or before `now`, each in its own transaction, earliest first.
    /// A timer that came due while the daemon was down fires now, at its own due time.
    @discardableResult
    public func fireTimers(asOf now: LocalDateTime) throws -> [LetterOutcome] {
        let book = CaseBook(database)
        var results: [LetterOutcome] = []
        for timer in try book.dueTimers(asOf: now) {
            let result: LetterOutcome? = try database.transaction {
                // Spent whatever follows: acted on, stale, or its case gone.
                try book.markFired(timerID: timer.id, at: timer.dueAt)
                guard let record = try book.find(id: timer.caseID) else { return nil }
                switch CaseMachine.apply(.timerFired(timer.kind, at: timer.dueAt), to: record.snapshot,
                                         policy: settings.policy, calendar: settings.calendar) {
                case .failure:
                    // Stale: the case moved on since the timer was armed.
                    return nil
                case .success(let transition):
                    try book.record(transition, caseID: record.id, at: timer.dueAt)
                    let effects = EffectPerformer(intake: self, record: record,
                                                  application: try latestApplication(caseID: record.id),
                                                  trigger: try lastApplicantMessage(caseID: record.id), at: timer.dueAt)
                    let notices = try effects.perform(transition)
                    return LetterOutcome(disposition: .timer, caseID: record.humanID, state: transition.state,
                                 notices: notices, note: timer.kind.rawValue)
                }
            }
            if let result { results.append(result) }
        }
        return results
    }

    /// Applies a staff decision to a case, with the staff member's login as the actor.
    public func decide(_ decision: StaffDecision, caseID humanID: String, actor: String,
                       at: LocalDateTime) throws -> Result<Transition, Refusal> {
        try database.transaction {
            let book = CaseBook(database)
            guard let record = try book.find(humanID: humanID) else {
                return .failure(Refusal("no case \(humanID)"))
            }
            let outcome = CaseMachine.apply(.decision(decision, actor: actor, at: at), to: record.snapshot,
                                            policy: settings.policy, calendar: settings.calendar)
            if case .success(let transition) = outcome {
                try book.record(transition, caseID: record.id, at: at)
                let effects = EffectPerformer(intake: self, record: record, application: try latestApplication(caseID: record.id),
                                              trigger: try lastApplicantMessage(caseID: record.id), at: at)
                _ = try effects.perform(transition)
            }
            return outcome
        }
    }

    func humanID(_ caseID: Int64?) throws -> String? {
        guard let caseID else { return nil }
        return try CaseBook(database).find(id: caseID)?.humanID
    }

    /// The applicant's latest message in the case, which a notice answers.
    func lastApplicantMessage(caseID: Int64) throws -> StoredMessage? {
        try MessageLog(database).messages(caseID: caseID).last {
            $0.disposition == LetterOutcome.Disposition.opened.rawValue || $0.disposition == LetterOutcome.Disposition.resubmitted.rawValue
        }
    }

    /// What the case's latest form said, as staff corrected it, for naming the applicant and
    /// the fields in a notice and for the register.
    func latestApplication(caseID: Int64) throws -> ApplicationRecord? {
        try currentApplication(caseID: caseID)?.record
    }
}
