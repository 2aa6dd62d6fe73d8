// The form reader's conclusion about one message. The machine never reads mail itself:
// it only needs to know whether the questionnaire is complete and what stops it being so.

public struct Assessment: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case complete
        case incomplete
        /// A scan or photo: a machine cannot tell whether it is complete.
        case unreadable
        case notAnApplication = "not-an-application"
    }

    public var outcome: Outcome
    /// Required fields that are absent, by field name ("iin", "phone").
    public var missing: [String]
    /// Fields that are present but wrong (an IIN with a bad check digit).
    public var invalid: [String]
    /// Questions only a person can answer; any of them holds back automatic decisions.
    public var flags: [FlagReason]

    public init(outcome: Outcome, missing: [String] = [], invalid: [String] = [], flags: [FlagReason] = []) {
        self.outcome = outcome
        self.missing = missing
        self.invalid = invalid
        self.flags = flags
    }

    public static let complete = Assessment(outcome: .complete)

    /// What the applicant has to fix: an invalid field is refined just like a missing one.
    var gaps: [String] {
        var seen = Set<String>()
        return (missing + invalid).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// A "complete" verdict that still names gaps is treated as incomplete: the named
    /// fields are the more specific evidence, and accepting a wrong IIN would publish it.
    var isComplete: Bool { outcome == .complete && gaps.isEmpty }

    /// Incomplete in a way the applicant can be told about. An "incomplete" verdict that
    /// names no field cannot become a refinement notice, so it is left to staff.
    var canBeRefined: Bool { (outcome == .complete || outcome == .incomplete) && !gaps.isEmpty }
}
