/// An entry updated by a change notice (Rules p.7). A notice restates what changed, not always
/// the whole questionnaire, so what it leaves empty keeps its registered value; a programme or
/// action of the same name replaces the registered one, and a new name is added.
extension RegisterColumns {
    public func updated(with change: RegisterColumns) -> RegisterColumns {
        func pick(_ old: String, _ new: String) -> String { new.isEmpty ? old : new }
        var copy = self
        copy.volunteer = pick(volunteer, change.volunteer)
        copy.groupLeader = pick(groupLeader, change.groupLeader)
        copy.organizationHead = pick(organizationHead, change.organizationHead)
        copy.organization = pick(organization, change.organization)
        copy.coordinatorOrOrganizer = pick(coordinatorOrOrganizer, change.coordinatorOrOrganizer)
        let c = contacts, n = change.contacts
        copy.contacts = RegisterContacts(email: pick(c.email, n.email), website: pick(c.website, n.website),
                                         phone: pick(c.phone, n.phone), instagram: pick(c.instagram, n.instagram),
                                         whatsapp: pick(c.whatsapp, n.whatsapp), region: pick(c.region, n.region))
        copy.programs = Self.merged(programs, change.programs)
        copy.actions = Self.merged(actions, change.actions)
        copy.termination = change.termination ?? termination
        return copy
    }

    static func merged(_ registered: [RegisterActivity], _ changed: [RegisterActivity]) -> [RegisterActivity] {
        func key(_ activity: RegisterActivity) -> String { activity.name.trimmingSpaces.lowercased() }
        var result = registered
        for activity in changed {
            if !activity.name.isEmpty, let index = result.firstIndex(where: { key($0) == key(activity) }) {
                result[index] = activity
            } else {
                result.append(activity)
            }
        }
        return result
    }
}
