/// The texts of Annex 1's columns in one language, as every export shows them. Only the labels
/// and the termination phrase are translated; what the applicant wrote stays as written.
extension RegisterColumns {
    /// Columns 2 to 11, in order.
    public func cells(_ language: RegisterLanguage) -> [String] {
        let head = [organizationHead, organization.isEmpty || organizationHead.isEmpty ? organization : "(\(organization))"]
        return [
            volunteer,
            groupLeader,
            head.filter { !$0.isEmpty }.joined(separator: " "),
            coordinatorOrOrganizer,
            contactsText(language),
            Self.list(programs.map { $0.summary(language) }),
            Self.list(actions.map { $0.summary(language) }),
            Self.list((programs + actions).map(\.placeAndTime)),
            Self.list((programs + actions).map(\.requirementsText)),
            termination(in: language),
        ]
    }

    func contactsText(_ language: RegisterLanguage) -> String {
        contactLines(language).map(\.text).joined(separator: "\n")
    }

    /// Column 6 line by line, each with the address a page may link it to: e-mail, website, phone.
    func contactLines(_ language: RegisterLanguage) -> [(text: String, link: String?)] {
        let c = contacts
        let web = c.website.lowercased()
        let lines: [(text: String, link: String?)] = [
            (c.email, c.email.isEmpty ? nil : "mailto:" + c.email),
            // Only web addresses become links: a "javascript:" website must stay text.
            (c.website, web.hasPrefix("https://") || web.hasPrefix("http://") ? c.website : nil),
            (c.phone.isEmpty ? "" : "\(language.phoneLabel) \(c.phone)",
             c.phone.hasPrefix("+") && c.phone.dropFirst().allSatisfy(\.isNumber) ? "tel:" + c.phone : nil),
            (c.instagram.isEmpty ? "" : "Instagram: \(c.instagram)", nil),
            (c.whatsapp.isEmpty ? "" : "WhatsApp: \(c.whatsapp)", nil),
            (c.region.isEmpty ? "" : "\(language.regionLabel): \(c.region)", nil),
        ]
        return lines.filter { !$0.text.isEmpty }
    }

    /// One line per item; numbered when there are several, so readers can tell where one ends.
    static func list(_ items: [String]) -> String {
        let present = items.filter { !$0.isEmpty }
        if present.count < 2 { return present.first ?? "" }
        return present.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}

extension RegisterActivity {
    /// Columns 7 and 8: the name, then the organiser and goal as the form gives them.
    func summary(_ language: RegisterLanguage) -> String {
        var parts = [name]
        if !organizer.isEmpty { parts.append("\(language.organizerLabel): \(organizer)") }
        if !goal.isEmpty { parts.append("\(language.goalLabel): \(goal)") }
        return parts.filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// Column 9, prefixed with the activity's name when another column may list several.
    var placeAndTime: String { named([place, time, duration].filter { !$0.isEmpty }.joined(separator: "; ")) }

    /// Column 10.
    var requirementsText: String { named(requirements) }

    private func named(_ text: String) -> String {
        if text.isEmpty { return "" }
        return name.isEmpty ? text : "\(name): \(text)"
    }
}
