import Dates
import Annex2
import Cases
import Forms
import MIME
import Notices
import Register
import Store

/// Carries out what a transition asks of the world, inside the transaction that records it:
/// notices become outbox rows, register changes become rows. Timers and flags are already in
/// the case book.
struct EffectPerformer {
    let intake: Intake
    let record: CaseRecord
    /// What the applicant's latest form said: names, identity, the reasons a value is wrong.
    let application: ApplicationRecord?
    /// The applicant's message the notice answers, for threading.
    let trigger: StoredMessage?
    /// That message's References when it is in hand; nil: read them from its stored file.
    var triggerReferences: [String]? = nil
    let at: LocalDateTime

    var settings: IntakeSettings { intake.settings }

    /// Returns the notice kinds queued or suppressed, as the log reports them.
    func perform(_ transition: Transition) throws -> [String] {
        var notices: [String] = []
        for effect in transition.effects {
            switch effect {
            case let .notice(kind, missing, deadline, reason):
                notices.append(try queue(kind, missing: missing, deadline: deadline, reason: reason))
            case .registerCreate:
                try createEntry()
            case .registerUpdate:
                try updateEntry(terminating: false)
            case .registerTerminate:
                try updateEntry(terminating: true)
            case .flag(.reviewDeadlineNear):
                if let note = try warnStaff(deadline: transition.reviewDeadline) { notices.append(note) }
            case .schedule, .cancel, .flag, .unflag:
                continue
            }
        }
        return notices
    }

    // MARK: notices

    func queue(_ kind: NoticeKind, missing: [String], deadline: LocalDateTime?, reason: String?) throws -> String {
        let outbox = Outbox(intake.database)
        let sequence = try outbox.count(caseID: record.id) + 1
        let messageID = "notice-\(sequence).\(record.humanID)@\(settings.from.domain)"
        // A forwarded application's notices go to the applicant, the office in copy (`forwarded_notices`).
        let office = try CaseBook(intake.database).officeAddress(caseID: record.id)
        var toAddress = record.replyTo
        var copies: [MailAddress] = []
        if let office, let officeAddress = AddressList.parse(office).mailboxes.first {
            switch settings.forwardedNotices {
            case .applicantAndOffice: copies = [officeAddress]
            case .applicant: break
            case .office: toAddress = office
            }
        }
        guard let address = toAddress, let to = AddressList.parse(address).mailboxes.first else {
            try outbox.enqueue(caseID: record.id, notice: kind.rawValue, recipient: record.replyTo ?? "", messageID: messageID,
                               bytes: [], at: at, state: .suppressed, note: "no address to answer")
            return kind.rawValue + " (suppressed: no address)"
        }
        // MailAddress composes `address` on every read; the outbox row and the checks want it often.
        let recipient = to.address
        if let why = try suppression(for: to) {
            try outbox.enqueue(caseID: record.id, notice: kind.rawValue, recipient: recipient, messageID: messageID,
                               bytes: [], at: at, state: .suppressed, note: why)
            return kind.rawValue + " (suppressed: \(why))"
        }
        let problems = missing.map { field in
            application?.problems.first { $0.field == field }
                .map { NoticeProblem(field: field, kazakh: $0.kazakh, russian: $0.russian) }
                ?? NoticeProblem(field: field)
        }
        let notice = Notice(kind: kind, caseID: record.humanID, language: record.language ?? "kk",
                            applicantName: application?.displayName,
                            applicantKind: record.kind.flatMap(ApplicantKind.init(rawValue:)),
                            receivedAt: kind == .receipt ? trigger?.receivedAt ?? record.openedAt : nil,
                            deadline: deadline, problems: problems, reason: reason)
        var applicantReferences = triggerReferences ?? trigger.flatMap { try? threading(of: $0) } ?? []
        var inReplyTo = trigger?.messageID
        if kind == .termExtended, let request = try outbox.items(caseID: record.id).last(where: { $0.notice == NoticeKind.refinement.rawValue }) {
            // The new date answers the refinement request that gave the old one.
            inReplyTo = request.messageID
            applicantReferences = [request.messageID]
        }
        let envelope = NoticeEnvelope(from: settings.from, replyTo: settings.replyTo, to: to, messageID: messageID,
                                      date: MessageDate(secondsSince1970: at.utcSeconds, utcOffsetMinutes: 5 * 60),
                                      inReplyTo: inReplyTo, references: applicantReferences)
        var mail = settings.templates.message(for: notice, envelope: envelope)
        mail.cc = copies.filter { $0.address.lowercased() != recipient.lowercased() }
        let bytes = mail.serialized()
        try outbox.enqueue(caseID: record.id, notice: kind.rawValue, recipient: recipient, messageID: messageID,
                           bytes: bytes, at: at, cc: mail.cc.map(\.address))
        return kind.rawValue
    }

    /// A mail to staff that a review term is about to lapse. Not a notice to the applicant, so
    /// neither the per-address limit nor the templates apply; it is queued like one, so it
    /// survives an SMTP outage.
    func warnStaff(deadline: LocalDateTime?) throws -> String? {
        guard let staff = settings.staffAddress else { return nil }
        let outbox = Outbox(intake.database)
        let messageID = "warning-\(try outbox.count(caseID: record.id) + 1).\(record.humanID)@\(settings.from.domain)"
        let due = deadline?.dotted ?? "?"
        let text = """
            \(record.humanID): қарау мерзімі \(due) аяқталады, шешім қажет.
            \(record.humanID): срок рассмотрения истекает \(due), нужно решение.

            tizilim cases show \(record.humanID)
            """
        var mail = OutgoingMessage(from: settings.from, to: [staff],
                                   subject: "[\(record.humanID)] Қарау мерзімі / Срок рассмотрения: \(due)",
                                   messageID: messageID,
                                   date: MessageDate(secondsSince1970: at.utcSeconds, utcOffsetMinutes: 5 * 60), text: text)
        mail.extraHeaders = [("Auto-Submitted", "auto-generated")]
        try outbox.enqueue(caseID: record.id, notice: "staff-warning", recipient: staff.address, messageID: messageID,
                           bytes: mail.serialized(), at: at)
        return "staff-warning"
    }

    /// How many applicants' daily limits one forwarding address may use up.
    static let forwardedApplicantsPerSenderLimit = 10

    /// Why this address gets no notice, if it gets none: loops and floods are worse than silence.
    func suppression(for to: MailAddress) throws -> String? {
        let local = to.localPart.lowercased()
        if ["mailer-daemon", "postmaster"].contains(local) || local.hasPrefix("noreply") || local.hasPrefix("no-reply") {
            return "an address that does not read replies"
        }
        let address = to.address
        let lowered = address.lowercased()
        if lowered == settings.from.address.lowercased()
            || settings.replyTo.contains(where: { $0.address.lowercased() == lowered }) {
            return "our own address"
        }
        let since = LocalDateTime(utcSeconds: at.utcSeconds - 86_400)
        let outbox = Outbox(intake.database)
        if let who = application?.identity, who.iin != nil || who.bin != nil || who.fullName != nil || who.organizationName != nil {
            // An application: the limit is per applicant, so an office forwarding thirty people's
            // applications in a day is not a flood, and one person's thirty letters still are.
            let sent = try record.applicantID.map { try outbox.count(applicantID: $0, since: since) }
                ?? outbox.count(caseID: record.id, since: since)
            if sent >= settings.maxNoticesPerSenderPerDay {
                return "more than \(settings.maxNoticesPerSenderPerDay) notices about this applicant in a day"
            }
            // Forwards name the addresses we write to: one sender's letters must not make us mail
            // hundreds of strangers a day. An office's real load is far below this.
            let officeLimit = settings.maxNoticesPerSenderPerDay * Self.forwardedApplicantsPerSenderLimit
            if let office = try CaseBook(intake.database).officeAddress(caseID: record.id),
               try outbox.count(office: office, since: since) >= officeLimit {
                return "more than \(officeLimit) notices about applicants forwarded by \(office) in a day"
            }
            return nil
        }
        if try outbox.count(recipient: address, since: since) >= settings.maxNoticesPerSenderPerDay {
            return "more than \(settings.maxNoticesPerSenderPerDay) notices to this address in a day"
        }
        return nil
    }

    /// The applicant's own References, re-read from the stored header so the thread is intact.
    func threading(of message: StoredMessage) throws -> [String] {
        guard let bytes = try? settings.readMessage(message.maildirPath) else { return [] }
        return Message(bytes: bytes, legacyCharset: settings.legacyCharset).references
    }

    // MARK: register

    func createEntry() throws {
        let register = RegisterBook(intake.database)
        guard let application, let columns = application.registerColumns else { return }
        let applicantID = try record.applicantID ?? register.applicant(application.identity)
        try register.create(applicantID: applicantID, columns: columns, caseID: record.id, at: at)
    }

    func updateEntry(terminating: Bool) throws {
        let register = RegisterBook(intake.database)
        let who = application?.identity ?? ApplicantIdentity()
        guard let entry = try register.activeEntry(iin: who.iin, bin: who.bin, email: who.email ?? record.replyTo),
              let current = RegisterColumns(json: entry.columns) else {
            return
        }
        if terminating {
            // Column 11: the day the applicant says the activity stops, else the day we recorded it.
            let date = application?.terminationDate ?? at.date.description
            try register.terminate(entryID: entry.id, columns: current.terminated(on: date).json, caseID: record.id, at: at)
        } else if let columns = application?.registerColumns, let change = RegisterColumns(json: columns) {
            try register.update(entryID: entry.id, columns: current.updated(with: change).json, caseID: record.id, at: at)
        }
    }
}
