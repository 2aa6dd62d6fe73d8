import Annex2

/// Whether a letter continues an open case: the one rule, over values, that the intake asks for
/// every candidate case. A letter continues a case only when it is linked to it (it answers one
/// of the case's notices or carries its tag, from an address the case knows; or it comes from
/// such an address while the case waits for the applicant) **and** does not name somebody else.
/// Who sent a letter is not whom it is about: one regional office forwards many applicants,
/// so "the sender has a refinement open" never carries another person's form into the case.
public enum Continuation {
    /// What the case knows of its applicant.
    public struct Case: Sendable, Equatable {
        public var caseID: String
        public var marks: ApplicantMarks
        /// Where the applicant writes from (a forwarded letter's inner From, else the form's e-mail,
        /// else the letter's sender); lowercased.
        public var applicantAddress: String?
        /// The office that forwarded the application, when it was forwarded; lowercased.
        public var officeAddress: String?
        /// Our notices' Message-IDs in this case, without brackets.
        public var noticeIDs: Set<String>
        public var stage: Stage

        public init(caseID: String, marks: ApplicantMarks, applicantAddress: String?, officeAddress: String? = nil,
                    noticeIDs: Set<String> = [], stage: Stage) {
            self.caseID = caseID
            self.marks = marks
            self.applicantAddress = applicantAddress?.lowercased()
            self.officeAddress = officeAddress?.lowercased()
            self.noticeIDs = noticeIDs
            self.stage = stage
        }
    }

    public enum Stage: String, Sendable, Equatable, CaseIterable {
        /// p.10: we asked the applicant to refine; a fresh letter from them is most likely the answer.
        case awaitingRefinement
        /// Waiting for staff; more material may come before the decision.
        case underReview
        /// Decided or closed: only correspondence belongs here (the case machine refuses a new form).
        case decided

        public init(_ state: CaseState?) {
            switch state {
            case .refinementRequested?: self = .awaitingRefinement
            case .underReview?: self = .underReview
            default: self = .decided
            }
        }
    }

    /// What the letter says of itself.
    public struct Letter: Sendable, Equatable {
        /// From and Reply-To addresses, lowercased.
        public var senders: [String]
        /// Message-IDs in In-Reply-To and References, without brackets.
        public var threadedOn: [String]
        /// `VR-YYYY-NNNNNN` tags in the subject.
        public var caseTags: [String]
        /// The applicant the letter's reading names (one reading of a letter that has several).
        public var marks: ApplicantMarks

        public init(senders: [String], threadedOn: [String] = [], caseTags: [String] = [], marks: ApplicantMarks) {
            self.senders = senders.map { $0.lowercased() }
            self.threadedOn = threadedOn.map { $0.filter { $0 != "<" && $0 != ">" } }
            self.caseTags = caseTags.map { $0.uppercased() }
            self.marks = marks
        }
    }

    public enum Outcome: String, Sendable, Equatable {
        /// The letter is this case's: recorded in it, its form (if any) resubmitted.
        case continueCase = "continue"
        /// The letter opens a case of its own.
        case openCase = "open"
        /// The letter opens a case of its own that names the same IIN/BIN as this one: staff
        /// are shown "possible duplicate of" and decide.
        case openLinkedCase = "open-linked"
    }

    /// How the letter is tied to the case, strongest first.
    public enum Link: String, Sendable, Equatable {
        case answersNotice = "answers a notice of the case"
        case carriesTag = "carries the case tag"
        case fromApplicant = "comes from the case's applicant"
        case fromOffice = "comes from the office that forwarded the case"
        case none = "no link"
    }

    public struct Decision: Sendable, Equatable, CustomStringConvertible {
        public let outcome: Outcome
        public let link: Link
        public let identity: ApplicantMarks.Verdict
        public let basis: ApplicantMarks.Basis
        /// One line for the log and the case history.
        public let reason: String

        public var description: String { "\(outcome.rawValue): \(reason)" }
    }

    public static func decide(_ letter: Letter, for open: Case) -> Decision {
        let fromApplicant = open.applicantAddress.map(letter.senders.contains) ?? false
        let fromOffice = open.officeAddress.map(letter.senders.contains) ?? false
        let fromKnown = fromApplicant || fromOffice
        let link: Link
        if letter.threadedOn.contains(where: open.noticeIDs.contains) {
            link = .answersNotice
        } else if letter.caseTags.contains(open.caseID.uppercased()) {
            link = .carriesTag
        } else if fromApplicant {
            link = .fromApplicant
        } else if fromOffice {
            link = .fromOffice
        } else {
            link = .none
        }
        let (verdict, basis) = letter.marks.compared(with: open.marks)
        func decision(_ outcome: Outcome, _ why: String) -> Decision {
            Decision(outcome: outcome, link: link, identity: verdict, basis: basis, reason: why)
        }
        // Not linked, or linked only by a reference that a stranger may have copied (our notice
        // Message-IDs and tags are predictable): never this case. The same number is still news for staff.
        let strangerReference = (link == .answersNotice || link == .carriesTag) && !fromKnown
        if link == .none || strangerReference {
            let how = strangerReference ? "\(link.rawValue) but from an address the case does not know" : "not linked to \(open.caseID)"
            if letter.marks.sharesNumber(with: open.marks) {
                return decision(.openLinkedCase, "\(how); the same \(basis.rawValue) as \(open.caseID)")
            }
            return decision(.openCase, how)
        }
        if verdict == .different {
            // Linked, but about someone else: the office's next applicant, a family member.
            return decision(.openCase, "\(link.rawValue), but names another applicant (a different \(basis.rawValue))")
        }
        if link == .fromApplicant || link == .fromOffice {
            // A fresh letter, not a reply. An answer to our refinement request is expected and may
            // carry no form at all. But an office writes for many people: from its address only a
            // letter that positively names the case's applicant belongs here, and while the case is
            // under review, only a re-sent application of the same applicant does, from anyone.
            let positive = verdict == .same || letter.marks.isEmpty
            switch open.stage {
            case .awaitingRefinement:
                if positive || link == .fromApplicant {
                    return decision(.continueCase, "\(link.rawValue), which awaits refinement; " + identityPhrase(verdict, basis))
                }
                return decision(.openCase, "\(link.rawValue), but does not name the case's applicant")
            case .underReview:
                if verdict == .same {
                    return decision(.continueCase, "\(link.rawValue), under review; " + identityPhrase(verdict, basis))
                }
                return decision(.openCase, "\(link.rawValue), but does not name the case's applicant")
            case .decided:
                if letter.marks.sharesNumber(with: open.marks) {
                    return decision(.openLinkedCase, "\(link.rawValue), which is decided; the same \(basis.rawValue)")
                }
                return decision(.openCase, "\(link.rawValue), which is decided")
            }
        }
        return decision(.continueCase, "\(link.rawValue); " + identityPhrase(verdict, basis))
    }

    static func identityPhrase(_ verdict: ApplicantMarks.Verdict, _ basis: ApplicantMarks.Basis) -> String {
        switch verdict {
        case .same: return "the same \(basis.rawValue)"
        case .unknown: return "no different applicant named"
        case .different: return "a different \(basis.rawValue)"
        }
    }
}
