// What a transition asks the outside world to do, and what it records. The machine only
// describes them: the caller sends the mail, writes the register and arms the timers.

public enum NoticeKind: String, Sendable, CaseIterable {
    case receipt
    case refinement
    case acceptance
    case refusal
    case changeApplied = "change-applied"
    case terminationRecorded = "termination-recorded"
    /// A running refinement term was extended (a day off added to the calendar): the applicant
    /// is told the new date once, on the thread of the refinement request.
    case termExtended = "term-extended"
}

public enum CaseEffect: Sendable, Equatable {
    /// `missing` lists the fields to refine; `deadline` is the review term for a receipt and
    /// the applicant's term for a refinement; `reason` is the refusal reason or staff's note.
    case notice(NoticeKind, missing: [String], deadline: LocalDateTime?, reason: String?)
    case schedule(TimerKind, at: LocalDateTime)
    case cancel(TimerKind)
    case flag(FlagReason)
    /// nil clears every flag.
    case unflag(FlagReason?)
    case registerCreate
    case registerUpdate
    case registerTerminate
}

/// One line of a case's history. The history is the case: replaying the events gives its
/// state, flags and intent, so every transition records at least one.
public struct CaseEvent: Sendable, Equatable, CustomStringConvertible {
    /// The actor of everything nobody at the ministry did by hand.
    public static let daemon = "daemon"

    /// "opened", "accepted", "refinement-requested", "resubmitted", "refused", "flagged",
    /// "unflagged", "note", "timer-fired", "change-applied", "terminated", "closed", "automatic-message", "correspondence",
    /// "notice-resent", "notice-confirmed-sent".
    public let type: String
    /// "daemon" or the staff member's login.
    public let actor: String
    public let at: LocalDateTime
    /// For "opened" the intent; for "flagged"/"unflagged" the flag (none: all flags);
    /// for "timer-fired" the timer; otherwise the human reason, if any.
    public let reason: String?

    public init(type: String, actor: String, at: LocalDateTime, reason: String? = nil) {
        self.type = type
        self.actor = actor
        self.at = at
        self.reason = reason
    }

    public var description: String {
        "\(at) \(actor) \(type)" + (reason.map { ": " + $0 } ?? "")
    }
}
