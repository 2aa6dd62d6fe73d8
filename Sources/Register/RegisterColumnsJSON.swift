import Annex2
import Foundation

/// The columns as the store keeps them: one JSON object with English keys, sorted, so the same
/// entry is always the same text (the store compares and logs it).
extension RegisterColumns {
    /// Written directly, not through `JSONSerialization`: every letter read makes one, and
    /// boxing the values as `Any` and sorting `AnyHashable` keys cost more than the reading of
    /// a short form. The text is the same, byte for byte (RegisterColumnsTests pins it).
    public var json: String {
        var out = SortedJSON()
        out.object([
            ("actions", { out in out.array(actions) { $0.activity($1) } }),
            ("contacts", { out in
                out.object([
                    ("email", { $0.string(contacts.email) }), ("instagram", { $0.string(contacts.instagram) }),
                    ("phone", { $0.string(contacts.phone) }), ("region", { $0.string(contacts.region) }),
                    ("website", { $0.string(contacts.website) }), ("whatsapp", { $0.string(contacts.whatsapp) }),
                ])
            }),
            ("coordinatorOrOrganizer", { $0.string(coordinatorOrOrganizer) }),
            ("groupLeader", { $0.string(groupLeader) }),
            ("kind", { $0.string(kind.rawValue) }),
            ("organization", { $0.string(organization) }),
            ("organizationHead", { $0.string(organizationHead) }),
            ("programs", { out in out.array(programs) { $0.activity($1) } }),
            ("termination", { out in
                if let termination {
                    out.object([("date", { $0.string(termination.date) }), ("note", { $0.string(termination.note) })])
                } else {
                    out.null()
                }
            }),
            ("volunteer", { $0.string(volunteer) }),
        ])
        return String(decoding: out.bytes, as: UTF8.self)
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

/// JSON text the same way everywhere: keys sorted, slashes of URLs left alone.
enum RegisterJSONText {
    static func bytes(_ object: Any, pretty: Bool = false) -> [UInt8] {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        // Only dictionaries, arrays, strings, numbers, booleans and NSNull are ever passed: cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("null".utf8)
        return [UInt8](data)
    }
}
