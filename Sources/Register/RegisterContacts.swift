/// Column 6: contacts, e-mail, website and region of activity.
public struct RegisterContacts: Sendable, Equatable {
    public var email: String
    public var website: String
    /// Only an organisation's: a private person's phone is never published.
    public var phone: String
    public var instagram: String
    public var whatsapp: String
    /// The settlement or region, never a street address (`ActivityRegion`).
    public var region: String

    public init(email: String = "", website: String = "", phone: String = "", instagram: String = "",
                whatsapp: String = "", region: String = "") {
        self.email = email
        self.website = website
        self.phone = phone
        self.instagram = instagram
        self.whatsapp = whatsapp
        self.region = region
    }

    public var isEmpty: Bool { self == RegisterContacts() }
}
