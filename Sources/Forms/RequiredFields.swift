import Annex2
/// The shipped completeness policy (Rules p.8, Annex 2): the text `CompletenessPolicy` reads when
/// no `required_fields_file` is configured, the same as `deploy/required-fields.txt`.
public enum RequiredFields {
    public typealias Requirement = CompletenessPolicy.Requirement

    public static let text = """
    # What each kind must fill in for the application to be complete (Rules p.8, Annex 2).
    # One requirement a line: KIND FIELD, or KIND any-of FIELD FIELD... (at least one of them).
    # Kinds: volunteer, group, organization, coordinator, organizer, and organizer+legal-entity
    # for an organiser that gave an organisation name, registration date or BIN.
    # Fields: fullName birthYear residence iin experience coordinatorExperience coordinatedCount
    # members organizationName registrationDate bin headName volunteerCount phone email website
    # instagram whatsapp activityTypes otherActivity roles availability consent.
    #
    # Decisions, for the lawyer's review:
    # - A patronymic is never required: every full-name label says "(бар болған кезде)".
    # - Experience is required, but "жоқ" / "нет" is a complete answer (no experience is a fact).
    # - Contacts: the questionnaires mark the whole contacts line "(бар болған кезде)", but the
    #   application form asks for "Байланыс телефоны" and "Электрондық пошта" without that proviso,
    #   and p.12 answers by e-mail. We require at least ONE of phone or e-mail (the sender's mailbox
    #   already reaches the applicant); website, Instagram and WhatsApp are optional.
    # - Consent to personal data processing is in the application form and is required of every kind:
    #   a questionnaire sent without the application is incomplete.
    # - Roles and availability are asked of volunteers only; members of groups only.
    # - An organiser that is a legal entity ("заңды тұлға үшін") must give its name, registration date
    #   and BIN; a natural-person organiser gives birth year, residence and IIN instead. The legal
    #   entity's full name stays: it is the register's column 5 (the person acting for the organiser).
    # - Option 13 ("өзге де түрлері") must say which (not a line here: it follows from the option).
    # - Programmes and actions are optional; one that is sent must have every line of its form
    #   (FormParts); an empty line is a missing part.

    volunteer  fullName
    volunteer  birthYear
    volunteer  residence
    volunteer  iin
    volunteer  experience
    volunteer  any-of phone email
    volunteer  activityTypes
    volunteer  roles
    volunteer  availability
    volunteer  consent

    group  fullName
    group  birthYear
    group  residence
    group  iin
    group  experience
    group  members
    group  any-of phone email
    group  activityTypes
    group  consent

    organization  organizationName
    organization  registrationDate
    organization  bin
    organization  headName
    organization  volunteerCount
    organization  any-of phone email
    organization  activityTypes
    organization  consent

    coordinator  fullName
    coordinator  birthYear
    coordinator  residence
    coordinator  iin
    coordinator  experience
    coordinator  coordinatorExperience
    coordinator  coordinatedCount
    coordinator  any-of phone email
    coordinator  activityTypes
    coordinator  consent

    # A natural person.
    organizer  fullName
    organizer  birthYear
    organizer  residence
    organizer  iin
    organizer  any-of phone email
    organizer  activityTypes
    organizer  consent

    organizer+legal-entity  fullName
    organizer+legal-entity  organizationName
    organizer+legal-entity  registrationDate
    organizer+legal-entity  bin
    organizer+legal-entity  any-of phone email
    organizer+legal-entity  activityTypes
    organizer+legal-entity  consent

    """

    /// Option 13 ("өзге де түрлері") must say which.
    public static let otherActivityWhenThirteen = true

    /// The programme and action lines that must be filled (see `FormParts` for the table and labels).
    public static let programFields = FormParts.program.filter(\.required).map(\.key)
    public static let actionFields = FormParts.action.filter(\.required).map(\.key)

    public static func requirements(for kind: ApplicantKind, legalEntity: Bool) -> [Requirement] {
        CompletenessPolicy.shipped.requirements(for: kind, legalEntity: legalEntity)
    }

    /// What every kind requires under the shipped policy.
    public static var common: [Requirement] { CompletenessPolicy.shipped.common }
}
