import Annex2

/// The Annex 1 columns of one register entry (all but the number), as the applicant wrote them.
///
/// Built from an accepted application and nothing else, so what the public register can show is
/// decided here, once: the name columns by kind, the public contacts, the programmes and actions.
/// An IIN or BIN, a birth year, a private person's phone or home address, a group's member list
/// never enter these values, so no export can leak them.
public struct RegisterColumns: Sendable, Equatable {
    /// Which name column the entry fills.
    public var kind: ApplicantKind
    /// Column 2.
    public var volunteer: String
    /// Column 3.
    public var groupLeader: String
    /// Column 4: the head's full name and the organisation's name.
    public var organizationHead: String
    public var organization: String
    /// Column 5: a person's full name, or a legal entity's name.
    public var coordinatorOrOrganizer: String
    /// Column 6.
    public var contacts: RegisterContacts
    /// Columns 7, 9 and 10.
    public var programs: [RegisterActivity]
    /// Columns 8, 9 and 10.
    public var actions: [RegisterActivity]
    /// Column 11; nil while the activity goes on.
    public var termination: RegisterTermination?

    public init(kind: ApplicantKind = .volunteer, volunteer: String = "", groupLeader: String = "", organizationHead: String = "",
                organization: String = "", coordinatorOrOrganizer: String = "", contacts: RegisterContacts = RegisterContacts(),
                programs: [RegisterActivity] = [], actions: [RegisterActivity] = [], termination: RegisterTermination? = nil) {
        self.kind = kind
        self.volunteer = volunteer
        self.groupLeader = groupLeader
        self.organizationHead = organizationHead
        self.organization = organization
        self.coordinatorOrOrganizer = coordinatorOrOrganizer
        self.contacts = contacts
        self.programs = programs
        self.actions = actions
        self.termination = termination
    }

    /// A copy marked as terminated on `date` (ISO yyyy-mm-dd), with staff's note.
    public func terminated(on date: String, note: String = "") -> RegisterColumns {
        var copy = self
        copy.termination = RegisterTermination(date: date.trimmingSpaces, note: note.trimmingSpaces)
        return copy
    }

    /// Column 11's text in `language`; empty while the activity goes on.
    public func termination(in language: RegisterLanguage) -> String {
        termination?.text(language) ?? ""
    }
}
