// The answer of the case machine: either the whole new case and what to do about it,
// or a refusal that leaves the case exactly as it was.

public struct Transition: Sendable, Equatable {
    public var state: CaseState
    /// Echoed so the caller can store it: the opening input is where it comes from.
    public var intent: CaseIntent
    public var flags: [FlagReason]
    public var reviewDeadline: LocalDateTime?
    public var refinementDeadline: LocalDateTime?
    public var missing: [String]
    /// Never empty.
    public var events: [CaseEvent]
    public var effects: [CaseEffect]

    /// The case after this transition, ready for the next input.
    public var snapshot: CaseSnapshot {
        CaseSnapshot(state: state, intent: intent, flags: flags, reviewDeadline: reviewDeadline,
                     refinementDeadline: refinementDeadline, missing: missing)
    }
}

public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
