import Cases
import Forms
import MIME
import Store

/// One message being taken, inside the intake's transaction.
struct LetterRouting {
    let intake: Intake
    /// The letter as read before the transaction: its bytes, header fields and forms (`Intake.ParsedLetter`).
    let letter: Intake.ParsedLetter
    let path: String
    let arrivedAt: LocalDateTime
    /// The applicant of the letter this routing decides for (a letter may hold several).
    var applicant: ApplicantPart? = nil
    /// The letter's row once logged: a letter of several applicants is one row, in each case.
    let logged = LoggedLetter()

    var message: Message { letter.message }
    var from: [MailAddress] { letter.from }

    var book: CaseBook { CaseBook(intake.database) }
    var messages: MessageLog { MessageLog(intake.database) }
    var settings: IntakeSettings { intake.settings }

    func take() throws -> Intake.LetterOutcome {
        if let id = letter.messageID, let sender = letter.sender, let earlier = try messages.find(messageID: id, sender: sender) {
            // Re-sent or re-encoded on the way: the letter is one, so is its case.
            try log(caseID: earlier.caseID, disposition: .duplicate, record: nil)
            return Intake.LetterOutcome(disposition: .duplicate, caseID: try intake.humanID(earlier.caseID), state: nil,
                                notices: [], note: "same Message-ID as \(earlier.maildirPath)")
        }
        let automatic = letter.autoSubmission
        if let status = letter.deliveryStatus, status.recipients.isEmpty || status.recipients.contains(where: \.isFailure) {
            return try bounce(letter.caseReference)
        }
        if automatic.reasons.contains(where: { $0.hasPrefix("From: ") }) && isBounceSender {
            return try bounce(letter.caseReference)
        }
        if automatic.isAutomatic {
            return try automaticMail(letter.caseReference, reasons: automatic.reasons)
        }
        if exceedsLimits {
            return try tooLarge(letter.caseReference)
        }
        if letter.applicants.count > 1 {
            return try takeApplicants()
        }
        let reading = letter.reading ?? ApplicationReader.read(message, currentYear: arrivedAt.date.year, settings: settings.reading)
        let record = letter.record ?? ApplicationRecord(reading)
        var routing = self
        routing.applicant = ApplicantPart(index: 1, count: 1, origin: letter.applicants.first?.reading.origin)
        return try routing.route(reading: reading, record: record)
    }

    /// A forged sender, as far as we can tell: our own server's DMARC verdict failed, or the
    /// letter claims to be from our own mailbox (we never write applications to ourselves).
    var authenticityFlag: FlagReason? {
        let own = settings.from.address.lowercased()
        if from.contains(where: { $0.address.lowercased() == own }) { return .senderNotAuthenticated }
        if let id = settings.authservID, let results = message.authenticationResults(trusting: id),
           results.result(of: "dmarc") == "fail" {
            return .senderNotAuthenticated
        }
        return nil
    }

    var isBounceSender: Bool {
        guard let local = from.first?.localPart.lowercased() else { return false }
        return local == "mailer-daemon" || local == "postmaster"
    }

    // MARK: the kinds of message

    /// A delivery failure of one of our notices: the case's address is dead, staff must act.
    func bounce(_ reference: CaseReference) throws -> Intake.LetterOutcome {
        var target: CaseRecord?
        for id in reference.noticeIDs {
            if let item = try Outbox(intake.database).find(messageID: id), let caseID = item.caseID {
                target = try book.find(id: caseID)
                break
            }
        }
        if target == nil { target = try referencedCase(reference) }
        guard let target else {
            try log(caseID: nil, disposition: .ignored, record: nil)
            return Intake.LetterOutcome(disposition: .ignored, caseID: nil, state: nil, notices: [],
                                note: "a delivery failure of no notice of ours")
        }
        let outcome = CaseMachine.apply(.noticeBounced(at: arrivedAt), to: target.snapshot,
                                        policy: settings.policy, calendar: settings.calendar)
        return try apply(outcome, to: target, disposition: .bounce, record: nil, note: "delivery failure")
    }

    /// An auto-reply, read receipt or list mail: never answered; kept in its case if it has one.
    func automaticMail(_ reference: CaseReference, reasons: [String]) throws -> Intake.LetterOutcome {
        let reason = reasons.joined(separator: "; ")
        guard let target = try referencedCase(reference) else {
            try log(caseID: nil, disposition: .ignored, record: nil)
            return Intake.LetterOutcome(disposition: .ignored, caseID: nil, state: nil, notices: [], note: reason)
        }
        let outcome = CaseMachine.apply(.automaticMessage(reason: reason, at: arrivedAt), to: target.snapshot,
                                        policy: settings.policy, calendar: settings.calendar)
        return try apply(outcome, to: target, disposition: .automatic, record: nil, note: reason)
    }

    /// The applicant writes again in a case that is still open, or writes without a form in
    /// any case they name.
    func resubmit(_ target: CaseRecord, reading: ApplicationReader.Result, record: ApplicationRecord) throws -> Intake.LetterOutcome {
        var assessment = Assessment(reading)
        if let flag = authenticityFlag { assessment.flags.append(flag) }
        let outcome = CaseMachine.apply(.resubmitted(assessment: assessment, at: arrivedAt), to: target.snapshot,
                                        policy: settings.policy, calendar: settings.calendar)
        if case .failure = outcome {
            // A decided case takes no new forms: this is a new application.
            return try open(reading: reading, record: record)
        }
        if try book.wouldHoldTwoIdentities(caseID: target.id, iin: record.identity.iin, bin: record.identity.bin) {
            // The one place a case is continued: never with a second IIN or BIN (issue 17).
            return try open(reading: reading, record: record)
        }
        try book.setKind(record.kind, language: record.language, caseID: target.id)
        return try apply(outcome, to: target, disposition: .resubmitted, record: record, note: nil)
    }

    func open(reading: ApplicationReader.Result, record: ApplicationRecord) throws -> Intake.LetterOutcome {
        let intent = CaseIntent(reading.application)
        var assessment = Assessment(reading, intent: intent)
        if let flag = authenticityFlag { assessment.flags.append(flag) }
        return try open(intent: intent, assessment: assessment, record: record, note: nil, quiet: false)
    }

    /// Opens a case for this message and records it, its applicant and the notices the opening
    /// causes; `quiet` leaves the notices out (the timers and flags stay).
    func open(intent: CaseIntent, assessment: Assessment, record: ApplicationRecord?, note: String?,
              quiet: Bool) throws -> Intake.LetterOutcome {
        let who = record?.identity ?? ApplicantIdentity()
        let entry = try RegisterBook(intake.database).activeEntry(iin: who.iin, bin: who.bin,
                                                                  email: intent == .application ? nil : who.email ?? letter.sender)
        var assessment = assessment
        let others = intent == .application ? try book.cases(sharingIIN: who.iin, bin: who.bin) : []
        if others.contains(where: { $0.snapshot.state?.isFinal == false }), !assessment.flags.contains(.duplicateApplicant) {
            // The same IIN or BIN in a case still open: one person, two cases; staff decide.
            assessment.flags.append(.duplicateApplicant)
        }
        let input = CaseInput.opened(intent: intent, assessment: assessment, at: arrivedAt, hasRegisterEntry: entry != nil)
        let transition: Transition
        switch CaseMachine.apply(input, to: .unopened, policy: settings.policy, calendar: settings.calendar) {
        case .success(let opening): transition = quiet ? Self.withoutNotices(opening) : opening
        case .failure(let refusal):
            // Opening an unopened case cannot be refused; if it ever is, keep the message and say why.
            try log(caseID: nil, disposition: .ignored, record: record)
            return Intake.LetterOutcome(disposition: .ignored, caseID: nil, state: nil, notices: [], note: refusal.reason)
        }
        let applicantID = who.iin != nil || who.bin != nil || who.fullName != nil || who.organizationName != nil
            ? try RegisterBook(intake.database).applicant(who) : nil
        let (applicantAddress, office) = addresses(record)
        var created = try book.open(transition, at: arrivedAt, kind: record?.kind, language: record?.language,
                                    replyTo: applicantAddress, applicantID: applicantID)
        if office != nil {
            try book.setAddresses(caseID: created.id, applicant: applicantAddress, office: office)
            created = try book.find(id: created.id) ?? created
        }
        try linkDuplicates(of: created, among: others)
        let logged = try log(caseID: created.id, disposition: .opened, record: record)
        let performer = EffectPerformer(intake: intake, record: created, application: record, trigger: logged,
                                        triggerReferences: letter.references, at: arrivedAt)
        let notices = try performer.perform(transition)
        return Intake.LetterOutcome(disposition: .opened, caseID: created.humanID, state: transition.state,
                            notices: notices, note: note)
    }

    // MARK: steps

    func apply(_ outcome: Result<Transition, Refusal>, to target: CaseRecord, disposition: Intake.LetterOutcome.Disposition,
               record: ApplicationRecord?, note: String?) throws -> Intake.LetterOutcome {
        let logged = try log(caseID: target.id, disposition: disposition, record: record)
        switch outcome {
        case .failure(let refusal):
            return Intake.LetterOutcome(disposition: disposition, caseID: target.humanID, state: target.snapshot.state,
                                notices: [], note: refusal.reason)
        case .success(let transition):
            try book.record(transition, caseID: target.id, at: arrivedAt)
            // Only the applicant's own letter is answered; a bounce or an auto-reply is not.
            let answered = disposition == .resubmitted
            var application = record
            if application == nil {
                application = try intake.latestApplication(caseID: target.id)
            }
            let performer = EffectPerformer(intake: intake, record: try book.find(id: target.id) ?? target,
                                            application: application,
                                            trigger: answered ? logged : nil,
                                            triggerReferences: answered ? letter.references : nil, at: arrivedAt)
            let notices = try performer.perform(transition)
            return Intake.LetterOutcome(disposition: disposition, caseID: target.humanID, state: transition.state,
                                notices: notices, note: note)
        }
    }

    /// The case a message names by tag or by threading, if it exists.
    func referencedCase(_ reference: CaseReference) throws -> CaseRecord? {
        for id in reference.caseIDs {
            if let found = try book.find(humanID: id) { return found }
        }
        return nil
    }

    /// Records the letter once; a letter of several applicants is then attached to each of
    /// their cases with that applicant's own reading.
    @discardableResult
    func log(caseID: Int64?, disposition: Intake.LetterOutcome.Disposition, record: ApplicationRecord?) throws -> StoredMessage {
        if let stored = logged.stored {
            if let caseID, let applicant { try messages.attach(messageID: stored.id, caseID: caseID, applicant: applicant.index,
                                                               application: record?.json) }
            return stored
        }
        let stored = try messages.insert(sha256: letter.sha256, messageID: letter.messageID, sender: letter.sender,
                                         subject: letter.subject, maildirPath: path, size: message.size, receivedAt: arrivedAt,
                                         caseID: caseID, disposition: disposition.rawValue, application: record?.json)
        logged.stored = stored
        if let caseID, let applicant, applicant.count > 1 {
            try messages.attach(messageID: stored.id, caseID: caseID, applicant: applicant.index, application: record?.json)
        }
        return stored
    }
}

extension Assessment {
    init(_ reading: ApplicationReader.Result, intent: CaseIntent = .application) {
        let application = reading.application
        let outcome: Outcome
        switch application.outcome {
        case .complete: outcome = .complete
        case .incomplete: outcome = .incomplete
        case .unreadable: outcome = .unreadable
        case .notAnApplication: outcome = .notAnApplication
        }
        var flags: [FlagReason] = []
        // Two people in one letter: whose notice, whose register line? A person sorts it out.
        if !application.conflicts.isEmpty || !application.companions.isEmpty { flags.append(.twoApplicants) }
        // Someone else's EDS on the form: a person checks who applies.
        if !reading.signerMismatches.isEmpty { flags.append(.signerMismatch) }
        // Not sure what the letter says for a field: staff read it, the applicant is not asked (issue 18).
        if !application.doubts.isEmpty && (outcome == .complete || outcome == .incomplete) && intent == .application {
            flags.append(.readingDoubt)
        }
        if application.kindUndetermined && (outcome == .complete || outcome == .incomplete) && intent == .application {
            flags.append(.ambiguousKind)
        }
        if intent == .termination {
            // A free-form notice (p.13) has no required fields: staff confirm it against the register.
            self.init(outcome: outcome == .unreadable ? .unreadable : .complete, flags: flags)
            return
        }
        self.init(outcome: outcome, missing: application.missing.map(\.rawValue) + application.missingParts.map(\.path),
                  invalid: application.invalid.map(\.field.rawValue), flags: flags)
    }
}
