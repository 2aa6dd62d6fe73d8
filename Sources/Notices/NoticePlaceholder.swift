import Cases

/// The `{{name}}` an operator may write in a template. The set is closed: an unknown or
/// misplaced name is an error when the templates load, never a silent blank in a legal notice.
enum NoticePlaceholder: String, CaseIterable, Sendable {
    case caseID = "case_id"
    /// "Құрметті …!" / "Уважаемый(ая) …!", or a neutral greeting when there is no name.
    case greeting
    case applicantName = "applicant_name"
    /// The kind of applicant in the notice's language ("волонтер", "группа волонтеров", …).
    case applicantKind = "applicant_kind"
    case receivedAt = "received_at"
    case deadline
    /// The bulleted list of fields to refine; stands alone on its line.
    case problems
    case reason

    /// The kinds whose notices can give this placeholder a value. A deadline in an acceptance
    /// would always be empty, so writing it there is a mistake worth reporting at load time.
    var kinds: Set<NoticeKind> {
        switch self {
        case .deadline: return [.receipt, .refinement, .termExtended]
        case .problems: return [.refinement, .refusal]
        case .reason: return Set(NoticeKind.allCases).subtracting([.receipt, .termExtended])
        default: return Set(NoticeKind.allCases)
        }
    }

    /// What a kind's notice cannot do without, whatever an operator edits: the applicant must
    /// learn the term (p.10), what to refine (p.10) and why they were refused (p.12).
    static func required(in kind: NoticeKind) -> [NoticePlaceholder] {
        switch kind {
        case .receipt: return [.caseID, .deadline]
        case .refinement: return [.caseID, .problems, .deadline]
        case .refusal: return [.caseID, .reason]
        case .acceptance, .changeApplied, .terminationRecorded: return [.caseID]
        case .termExtended: return [.caseID, .deadline]
        }
    }

    /// Shown to operators in errors and in the exported README.
    var meaning: String {
        switch self {
        case .caseID: return "the case number, e.g. VR-2026-000123"
        case .greeting: return "the salutation line with the applicant's name, or a neutral one"
        case .applicantName: return "the applicant's name as they wrote it"
        case .applicantKind: return "the kind of applicant (volunteer, group, organisation, coordinator, organiser)"
        case .receivedAt: return "when the application counts as received, Astana time"
        case .deadline: return "the review term (receipt) or the applicant's term to resend (refinement, term-extended), Astana time"
        case .problems: return "the bulleted list of missing or invalid fields; must stand alone on its line"
        case .reason: return "the refusal reason or the officer's note (a refusal without one cites Rules p.11)"
        }
    }
}
