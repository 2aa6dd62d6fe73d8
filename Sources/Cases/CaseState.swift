// Where a case stands, what the message that opened it asked for, and why staff must look.
// The raw values are what the store and the operator's commands show, so they are stable.

public enum CaseState: String, Sendable, CaseIterable {
    case underReview = "under-review"
    case refinementRequested = "refinement-requested"
    case accepted
    case refused
    case changeApplied = "change-applied"
    case terminated
    /// Not an application at all (spam, an auto-reply, a question): no action, no notice.
    case closed

    /// No input moves a case out of these states: new mail from the applicant opens a new case.
    public var isFinal: Bool {
        switch self {
        case .underReview, .refinementRequested: return false
        case .accepted, .refused, .changeApplied, .terminated, .closed: return true
        }
    }

    /// With its article, so a refusal reads "cannot accept a refused case".
    public var phrase: String {
        switch self {
        case .underReview: return "a case under review"
        case .refinementRequested: return "a case awaiting refinement"
        case .accepted: return "an accepted case"
        case .refused: return "a refused case"
        case .changeApplied: return "a case whose change is already applied"
        case .terminated: return "a terminated case"
        case .closed: return "a closed case"
        }
    }
}

public enum CaseIntent: String, Sendable, CaseIterable {
    case application
    /// p.7: an updated questionnaire from someone already in the register.
    case change
    /// p.13: a free-form notice that the applicant stopped volunteer activity.
    case termination
}

public enum FlagReason: String, Sendable, CaseIterable {
    case unreadable
    case ambiguousKind = "ambiguous-kind"
    case twoApplicants = "two-applicants"
    /// The form is signed (EDS, S/MIME) by a certificate whose IIN or BIN is not the form's.
    case signerMismatch = "signer-mismatch"
    /// The reading is not sure of a field (a list with no visible mark, two values for one
    /// field): a person reads the letter rather than the applicant being asked for it again.
    case readingDoubt = "reading-doubt"
    case duplicateApplicant = "duplicate-iin-bin"
    case noticeBounced = "notice-bounced"
    case terminationNeedsConfirmation = "termination-needs-confirmation"
    case reviewDeadlineNear = "review-deadline-near"
    case reviewDeadlinePassed = "review-deadline-passed"
    case lateResubmission = "late-resubmission"
    case noRegisterEntry = "no-register-entry"
    /// The refined data came back still incomplete. The Rules give one refinement round
    /// (p.10–11), so the daemon stops asking and leaves the answer to staff.
    case stillIncomplete = "still-incomplete"
    /// A person wrote, but not an application: a question, an empty letter, a "thank you" in
    /// a running case. Staff read it and answer if it asks something.
    case notAnApplication = "not-an-application"
    /// The receiving server found the sender forged (DMARC fail), or the letter claims to come
    /// from our own mailbox: the register is a legal record, so a person decides.
    case senderNotAuthenticated = "sender-not-authenticated"
    /// The message is larger than `max_message_bytes` (only its header was read), or reached
    /// one of the parser's limits (nesting, parts, header size): what it says was read only in
    /// part, so nothing is decided or answered automatically; a person looks at it.
    case tooLarge = "too-large"
    /// The daemon died while an SMTP server was taking one of the case's notices: it may
    /// have left or not, and it is not sent again on a guess. Staff check the mail server's log
    /// and run `cases resend` or `cases confirm-sent`, which lower the flag.
    case noticeInDoubt = "notice-in-doubt"

    /// A question about the case's content or addressee that a person must answer before
    /// anything is decided. The deadline flags only say how urgent the case is: deciding
    /// automatically is exactly what they ask for.
    public var holdsAutomaticDecision: Bool {
        switch self {
        // A notice in doubt questions its delivery, not the case's content or address.
        case .reviewDeadlineNear, .reviewDeadlinePassed, .noticeInDoubt: return false
        default: return true
        }
    }

    /// Answered by the decision that ends the case. A dead address and material that came
    /// after the decision are not: staff still have to act on them.
    var isSettledByDecision: Bool {
        switch self {
        case .noticeBounced, .lateResubmission, .noticeInDoubt: return false
        default: return true
        }
    }
}
