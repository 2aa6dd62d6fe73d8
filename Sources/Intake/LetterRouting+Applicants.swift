import Annex2
import Cases
import Forms
import MIME
import Store

/// Which applicant of a letter a routing decides for.
struct ApplicantPart {
    /// From 1, in the order the reader found them.
    let index: Int
    let count: Int
    /// Where their forms stood: a forwarded letter (whose From is the applicant), an attachment, the body.
    let origin: ApplicationReader.Origin?
}

/// The letter's row, shared by the routings of its applicants inside one transaction.
final class LoggedLetter {
    var stored: StoredMessage?
}

/// Whose letter it is: each applicant of a letter continues their own case or opens one, decided
/// by `Continuation` on the applicant's identity, never by the mailbox it came from.
extension LetterRouting {
    /// A letter of several applicants (an office's letter with three people's forms): one case
    /// each, each decided on its own reading, and the one letter in all their histories.
    func takeApplicants() throws -> Intake.LetterOutcome {
        var outcomes: [Intake.LetterOutcome] = []
        for (n, applicant) in letter.applicants.enumerated() {
            var routing = self
            routing.applicant = ApplicantPart(index: n + 1, count: letter.applicants.count, origin: applicant.reading.origin)
            outcomes.append(try routing.route(reading: applicant.reading, record: applicant.record))
        }
        let first = outcomes[0]
        let cases = outcomes.compactMap(\.caseID)
        var combined = Intake.LetterOutcome(disposition: first.disposition, caseID: first.caseID, state: first.state,
                                            notices: outcomes.flatMap(\.notices),
                                            note: "\(outcomes.count) applicants: " + cases.joined(separator: ", "))
        combined.applicantCases = cases
        return combined
    }

    /// One applicant's reading: the case it continues, or a case of its own.
    func route(reading: ApplicationReader.Result, record: ApplicationRecord) throws -> Intake.LetterOutcome {
        if let running = try caseToContinue(letter.caseReference, marks: ApplicantMarks(record.identity)) {
            return try resubmit(running, reading: reading, record: record)
        }
        return try open(reading: reading, record: record)
    }

    /// The From and Reply-To addresses, lowercased.
    var senders: [String] {
        var out: [String] = []
        for address in (letter.from + letter.replyTo).map({ $0.address.lowercased() }) where !out.contains(address) {
            out.append(address)
        }
        return out
    }

    /// The open case this applicant's letter continues, if any: among the cases whose notice it
    /// answers, whose tag it carries, or whose applicant or forwarding office sent it, the first
    /// the continuation rule accepts.
    func caseToContinue(_ reference: CaseReference, marks: ApplicantMarks) throws -> CaseRecord? {
        var candidates: [(record: CaseRecord, notices: Set<String>)] = []
        func add(_ found: CaseRecord, notice: String? = nil) {
            if let i = candidates.firstIndex(where: { $0.record.id == found.id }) {
                if let notice { candidates[i].notices.insert(notice) }
            } else {
                candidates.append((found, notice.map { [$0] } ?? []))
            }
        }
        let outbox = Outbox(intake.database)
        for id in reference.noticeIDs {
            if let item = try outbox.find(messageID: id), let caseID = item.caseID, let found = try book.find(id: caseID) {
                add(found, notice: id)
            }
        }
        for id in reference.caseIDs {
            if let found = try book.find(humanID: id) { add(found) }
        }
        for found in try book.openCases(writtenFrom: senders) { add(found) }
        let input = Continuation.Letter(senders: senders, threadedOn: reference.noticeIDs, caseTags: reference.caseIDs,
                                        marks: marks)
        for candidate in candidates {
            let open = Continuation.Case(caseID: candidate.record.humanID, marks: try caseMarks(candidate.record.id),
                                         applicantAddress: candidate.record.replyTo,
                                         officeAddress: try book.officeAddress(caseID: candidate.record.id),
                                         noticeIDs: candidate.notices, stage: Continuation.Stage(candidate.record.snapshot.state))
            if Continuation.decide(input, for: open).outcome == .continueCase { return candidate.record }
        }
        return nil
    }

    /// Who the case is about: its latest reading as staff corrected it, with what earlier
    /// letters said where the latest is silent (a refinement that sends only the missing IIN).
    func caseMarks(_ caseID: Int64) throws -> ApplicantMarks {
        var marks = (try intake.latestApplication(caseID: caseID)).map { ApplicantMarks($0.identity) } ?? .unknown
        guard marks.iin == nil || marks.fullName == nil else { return marks }
        for stored in try messages.messages(caseID: caseID).reversed() {
            guard let json = stored.application, let earlier = ApplicationRecord(json: json) else { continue }
            let older = ApplicantMarks(earlier.identity)
            marks = ApplicantMarks(iin: marks.iin ?? older.iin, bin: marks.bin ?? older.bin,
                                   fullName: marks.fullName ?? older.fullName,
                                   organizationName: marks.organizationName ?? older.organizationName)
        }
        return marks
    }

    /// Where a new case's notices go, and the office that forwarded it. A forwarded letter is its
    /// inner sender's (else the e-mail on the form); an office's letter of several people's forms,
    /// each form's e-mail; otherwise the letter's sender, as always.
    func addresses(_ record: ApplicationRecord?) -> (applicant: String?, office: String?) {
        let sender = letter.replyAddress
        guard let applicant else { return (sender, nil) }
        var own: String?
        if applicant.origin?.place == .forwarded {
            own = applicant.origin?.forwardedFrom?.address.lowercased() ?? record?.identity.email
        } else if applicant.count > 1 {
            own = record?.identity.email
        }
        guard let own, !own.isEmpty, own != sender else { return (sender, nil) }
        return (own, sender)
    }

    /// A new case naming an IIN or BIN that other cases name: linked both ways for staff.
    func linkDuplicates(of created: CaseRecord, among others: [CaseRecord]) throws {
        let links = CaseLinks(intake.database)
        for other in others where other.id != created.id {
            let why = other.snapshot.state?.isFinal == false ? "the same IIN/BIN as \(other.humanID), still open"
                : "the same IIN/BIN as \(other.humanID) (\(other.snapshot.state?.rawValue ?? "?"))"
            try links.link(created.id, to: other.id, kind: .possibleDuplicate, reason: why, actor: CaseEvent.daemon, at: arrivedAt)
        }
    }
}

extension ApplicantMarks {
    init(_ identity: ApplicantIdentity) {
        self.init(iin: identity.iin, bin: identity.bin, fullName: identity.fullName, organizationName: identity.organizationName)
    }
}
