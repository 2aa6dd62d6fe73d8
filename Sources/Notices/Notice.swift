import Annex2
import Cases

/// One notice of Rules p.10–13 to one applicant: what the templates need, nothing about mail.
public struct Notice: Sendable, Equatable {
    public var kind: NoticeKind
    /// The case tag without brackets, e.g. `VR-2026-000123`.
    public var caseID: String
    /// "kk" or "ru": the applicant's language, written first. Anything else counts as Kazakh,
    /// the state language.
    public var language: String
    /// As the applicant wrote it; for an organisation, the organisation's name. Untrusted.
    public var applicantName: String?
    public var applicantKind: ApplicantKind?
    /// When the applicant's message counts as received (Astana time).
    public var receivedAt: LocalDateTime?
    /// The review term for a receipt, the applicant's term for a refinement.
    public var deadline: LocalDateTime?
    /// What to refine (refinement), or what was still missing (refusal).
    public var problems: [NoticeProblem]
    /// The refusal reason or staff's note, free text shown as typed. A refusal without one
    /// cites Rules p.11 (not refined in time).
    public var reason: String?

    public init(kind: NoticeKind, caseID: String, language: String, applicantName: String? = nil,
                applicantKind: ApplicantKind? = nil, receivedAt: LocalDateTime? = nil,
                deadline: LocalDateTime? = nil, problems: [NoticeProblem] = [], reason: String? = nil) {
        self.kind = kind
        self.caseID = caseID
        self.language = language
        self.applicantName = applicantName
        self.applicantKind = applicantKind
        self.receivedAt = receivedAt
        self.deadline = deadline
        self.problems = problems
        self.reason = reason
    }
}

/// One field the applicant must give or correct.
public struct NoticeProblem: Sendable, Equatable {
    /// A `FormField` raw name (`iin`), a sub-field path (`programs[0].goal`, indices from 0),
    /// or free text staff typed, shown as is.
    public var field: String
    /// Why the value is invalid, in each language; both nil when the field is missing.
    public var kazakh: String?
    public var russian: String?

    public init(field: String, kazakh: String? = nil, russian: String? = nil) {
        self.field = field
        self.kazakh = kazakh
        self.russian = russian
    }
}
