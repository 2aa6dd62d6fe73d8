// The part of a stored case that decides what may happen next. The store keeps more
// (messages, documents, the event log); none of it changes a transition.

public struct CaseSnapshot: Sendable, Equatable {
    /// nil until the opening message has been applied.
    public var state: CaseState?
    public var intent: CaseIntent
    public var flags: [FlagReason]
    /// Set exactly while the review timers are scheduled (p.10, 5 business days).
    public var reviewDeadline: LocalDateTime?
    /// Set exactly while the applicant's refinement term runs (p.10, 3 business days).
    public var refinementDeadline: LocalDateTime?
    /// The fields the applicant was last told, or found, to be missing or invalid.
    public var missing: [String]

    public init(state: CaseState? = nil, intent: CaseIntent = .application, flags: [FlagReason] = [],
                reviewDeadline: LocalDateTime? = nil, refinementDeadline: LocalDateTime? = nil,
                missing: [String] = []) {
        self.state = state
        self.intent = intent
        self.flags = flags
        self.reviewDeadline = reviewDeadline
        self.refinementDeadline = refinementDeadline
        self.missing = missing
    }

    /// A case that has not seen its first message; the opening input sets the intent.
    public static let unopened = CaseSnapshot()
}
