import Annex2
import Foundation
import OrderedJSON

/// The columns as the store keeps them: one JSON object with English keys, sorted, so the same
/// entry is always the same text (the store compares and logs it).
extension RegisterColumns {
    /// Keys sorted, as the store has always kept them: the same entry is always the same text.
    public var json: String {
        func activity(_ a: RegisterActivity) -> JSON {
            .object([("duration", .string(a.duration)), ("goal", .string(a.goal)), ("name", .string(a.name)),
                     ("organizer", .string(a.organizer)), ("place", .string(a.place)),
                     ("requirements", .string(a.requirements)), ("time", .string(a.time))])
        }
        return JSON.object([
            ("actions", .array(actions.map(activity))),
            ("contacts", .object([("email", .string(contacts.email)), ("instagram", .string(contacts.instagram)),
                                  ("phone", .string(contacts.phone)), ("region", .string(contacts.region)),
                                  ("website", .string(contacts.website)), ("whatsapp", .string(contacts.whatsapp))])),
            ("coordinatorOrOrganizer", .string(coordinatorOrOrganizer)),
            ("groupLeader", .string(groupLeader)),
            ("kind", .string(kind.rawValue)),
            ("organization", .string(organization)),
            ("organizationHead", .string(organizationHead)),
            ("programs", .array(programs.map(activity))),
            ("termination", termination.map { .object([("date", .string($0.date)), ("note", .string($0.note))]) } ?? .null),
            ("volunteer", .string(volunteer)),
        ]).serialized()
    }

    /// Nil when the text is not such an object; keys it lacks are empty, keys it does not know are ignored.
    public init?(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let dictionary = object as? [String: Any] else { return nil }
        self.init(dictionary: dictionary)
    }

    var dictionary: [String: Any] {
        [
            "kind": kind.rawValue,
            "volunteer": volunteer,
            "groupLeader": groupLeader,
            "organizationHead": organizationHead,
            "organization": organization,
            "coordinatorOrOrganizer": coordinatorOrOrganizer,
            "contacts": [
                "email": contacts.email, "website": contacts.website, "phone": contacts.phone,
                "instagram": contacts.instagram, "whatsapp": contacts.whatsapp, "region": contacts.region,
            ],
            "programs": programs.map(\.dictionary),
            "actions": actions.map(\.dictionary),
            "termination": termination.map { ["date": $0.date, "note": $0.note] as [String: Any] } ?? NSNull(),
        ]
    }

    init?(dictionary d: [String: Any]) {
        guard let kindName = d["kind"] as? String, let kind = ApplicantKind(rawValue: kindName) else { return nil }
        let c = d["contacts"] as? [String: Any] ?? [:]
        self.init(kind: kind, volunteer: d.text("volunteer"), groupLeader: d.text("groupLeader"),
                  organizationHead: d.text("organizationHead"), organization: d.text("organization"),
                  coordinatorOrOrganizer: d.text("coordinatorOrOrganizer"),
                  contacts: RegisterContacts(email: c.text("email"), website: c.text("website"), phone: c.text("phone"),
                                             instagram: c.text("instagram"), whatsapp: c.text("whatsapp"),
                                             region: c.text("region")),
                  programs: (d["programs"] as? [[String: Any]] ?? []).map(RegisterActivity.init(dictionary:)),
                  actions: (d["actions"] as? [[String: Any]] ?? []).map(RegisterActivity.init(dictionary:)),
                  termination: (d["termination"] as? [String: Any]).map {
                      RegisterTermination(date: $0.text("date"), note: $0.text("note"))
                  })
    }
}

extension RegisterActivity {
    var dictionary: [String: Any] {
        ["name": name, "organizer": organizer, "goal": goal, "place": place, "time": time, "duration": duration,
         "requirements": requirements]
    }

    init(dictionary d: [String: Any]) {
        self.init(name: d.text("name"), organizer: d.text("organizer"), goal: d.text("goal"), place: d.text("place"),
                  time: d.text("time"), duration: d.text("duration"), requirements: d.text("requirements"))
    }
}

extension Dictionary where Key == String, Value == Any {
    func text(_ key: String) -> String { self[key] as? String ?? "" }
}
