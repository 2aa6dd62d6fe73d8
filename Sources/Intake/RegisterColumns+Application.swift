import Annex2
import Forms
import Register

extension RegisterColumns {
    /// The columns of an accepted application. Built from the application and nothing else, so
    /// what the public register can show is decided here, once (see `RegisterColumns`).
    public init(application: Application) {
        let fields = application.fields
        func text(_ field: FormField) -> String {
            switch fields[field] {
            case .text(let value): return value.trimmingSpaces
            case .number(let value): return String(value)
            default: return ""
            }
        }
        let organizationName = text(.organizationName)
        // An entry whose kind was never stated is filed by what the form shows: a legal entity's name
        // makes it an organisation, anything else a volunteer.
        let kind = application.kind ?? (organizationName.isEmpty ? .volunteer : .organization)
        // Organisations publish their contacts (Rules p.9); a person publishes only e-mail and website.
        let legalEntity = kind == .organization || (kind == .organizer && (!organizationName.isEmpty || fields[.bin] != nil))

        self.init(kind: kind)
        switch kind {
        case .volunteer: volunteer = text(.fullName)
        case .group: groupLeader = text(.fullName)
        case .organization:
            organizationHead = text(.headName).isEmpty ? text(.fullName) : text(.headName)
            organization = organizationName
        case .coordinator: coordinatorOrOrganizer = text(.fullName)
        case .organizer: coordinatorOrOrganizer = legalEntity ? organizationName : text(.fullName)
        }
        contacts = RegisterContacts(email: text(.email), website: text(.website),
                                    phone: legalEntity ? text(.phone) : "",
                                    instagram: legalEntity ? text(.instagram) : "",
                                    whatsapp: legalEntity ? text(.whatsapp) : "",
                                    region: ActivityRegion.of(residence: text(.residence)))
        programs = Self.activities(fields[.programs])
        actions = Self.activities(fields[.actions])
    }

    static func activities(_ value: Application.FieldValue?) -> [RegisterActivity] {
        guard case .objects(let forms)? = value else { return [] }
        return forms.map(RegisterActivity.init(form:)).filter { !$0.isEmpty }
    }

}
