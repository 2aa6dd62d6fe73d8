import Annex2
/// What each kind must fill in for the application to be complete (Rules p.8, Annex 2).
///
/// Decisions, for the lawyer's review:
/// - A patronymic is never required: every full-name label says "(бар болған кезде)".
/// - Experience is required, but "жоқ" / "нет" is a complete answer (no experience is a fact).
/// - Contacts: the questionnaires mark the whole contacts line "(бар болған кезде)", but the
///   application form asks for "Байланыс телефоны" and "Электрондық пошта" without that proviso,
///   and p.12 answers by e-mail. We require at least ONE of phone or e-mail (the sender's mailbox
///   already reaches the applicant); website, Instagram and WhatsApp are optional.
/// - Consent to personal data processing is in the application form and is required of every kind:
///   a questionnaire sent without the application is incomplete.
/// - Roles and availability are asked of volunteers only; members of groups only.
/// - An organiser that is a legal entity ("заңды тұлға үшін") must give its name, registration date
///   and BIN; a natural-person organiser gives birth year, residence and IIN instead.
/// - Programmes and actions are optional; one that is sent must have every line of its form
///   (`FormParts`); an empty line is a `MissingPart`.
public enum RequiredFields {
    public enum Requirement: Sendable, Equatable {
        case field(FormField)
        /// At least one of these.
        case anyOf([FormField])
    }

    static let contacts = Requirement.anyOf([.phone, .email])

    public static let table: [ApplicantKind: [Requirement]] = [
        .volunteer: [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                     contacts, .field(.activityTypes), .field(.roles), .field(.availability), .field(.consent)],
        .group: [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                 .field(.members), contacts, .field(.activityTypes), .field(.consent)],
        .organization: [.field(.organizationName), .field(.registrationDate), .field(.bin), .field(.headName),
                        .field(.volunteerCount), contacts, .field(.activityTypes), .field(.consent)],
        .coordinator: [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                       .field(.coordinatorExperience), .field(.coordinatedCount), contacts, .field(.activityTypes),
                       .field(.consent)],
        // Natural person; see `organizerLegalEntity` for a legal entity.
        .organizer: [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), contacts,
                     .field(.activityTypes), .field(.consent)],
    ]

    /// The organiser that gave any of organisation name, registration date or BIN. The full name
    /// stays: it is the register's column 5 (the person acting for the organiser).
    public static let organizerLegalEntity: [Requirement] = [
        .field(.fullName), .field(.organizationName), .field(.registrationDate), .field(.bin), contacts,
        .field(.activityTypes), .field(.consent),
    ]

    /// Option 13 ("өзге де түрлері") must say which.
    public static let otherActivityWhenThirteen = true

    /// The programme and action lines that must be filled (see `FormParts` for the table and labels).
    public static let programFields = FormParts.program.filter(\.required).map(\.key)
    public static let actionFields = FormParts.action.filter(\.required).map(\.key)

    public static func requirements(for kind: ApplicantKind, legalEntity: Bool) -> [Requirement] {
        kind == .organizer && legalEntity ? organizerLegalEntity : table[kind] ?? []
    }

    /// What every kind requires: asked for even when the kind itself is not yet known.
    public static var common: [Requirement] {
        let all = ApplicantKind.allCases.map { requirements(for: $0, legalEntity: false) }
        return all[0].filter { r in all.allSatisfy { $0.contains(r) } }
    }
}
