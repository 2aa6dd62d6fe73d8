// Everything that can happen to a case. Each input carries its own time so the machine
// never reads a clock: replaying a case's inputs gives the same case.

public enum CaseInput: Sendable, Equatable {
    /// The first message of a case. `hasRegisterEntry`: the caller found the sender's
    /// entry in the register (by IIN/BIN or address), which a change or a termination needs.
    case opened(intent: CaseIntent, assessment: Assessment, at: LocalDateTime, hasRegisterEntry: Bool)
    /// A later message from the applicant in the same case; merging its content is the caller's job.
    /// One without a form is correspondence: recorded and flagged, even in a decided case.
    case resubmitted(assessment: Assessment, at: LocalDateTime)
    case timerFired(TimerKind, at: LocalDateTime)
    case decision(StaffDecision, actor: String, at: LocalDateTime)
    /// A delivery failure for one of our notices.
    case noticeBounced(at: LocalDateTime)
    /// A notice of the case was interrupted in the SMTP server's hands (see `FlagReason.noticeInDoubt`).
    case noticeInDoubt(messageID: String, at: LocalDateTime)
    /// Staff settled the case's notices in doubt (`messageIDs`, all of them) after reading the mail log.
    case noticesSettled(NoticeSettlement, messageIDs: [String], actor: String, at: LocalDateTime)
    /// An auto-reply, read receipt or other machine mail threaded into the case: recorded,
    /// never taken as the applicant's answer.
    case automaticMessage(reason: String, at: LocalDateTime)

    public var at: LocalDateTime {
        switch self {
        case .opened(_, _, let at, _), .resubmitted(_, let at), .timerFired(_, let at),
             .decision(_, _, let at), .noticeBounced(let at), .automaticMessage(_, let at),
             .noticeInDoubt(_, let at), .noticesSettled(_, _, _, let at):
            return at
        }
    }
}

/// What staff found in the mail server's log about notices in doubt; the raw value is the event.
public enum NoticeSettlement: String, Sendable, CaseIterable {
    /// They never left: queued again, to go out on the daemon's next pass.
    case resent = "notice-resent"
    /// They left: marked sent, nothing goes out.
    case confirmedSent = "notice-confirmed-sent"
}

public enum TimerKind: String, Sendable, CaseIterable {
    case reviewWarning = "review-warning"
    case reviewDeadline = "review-deadline"
    case refinementDeadline = "refinement-deadline"
}

public enum StaffDecision: Sendable, Equatable {
    case accept
    case refine(missing: [String], note: String?)
    case refuse(reason: String)
    case note(String)
    /// Clears every flag: staff looked at the case and answered what it asked.
    case unflag
}
