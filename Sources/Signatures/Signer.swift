/// Who signed: the fields of the signer's certificate a person checks, as the certificate says them.
public struct Signer: Sendable, Equatable {
    public var commonName: String?
    public var surname: String?
    public var givenName: String?
    /// The subject's `serialNumber` as written (`IIN830717350867`).
    public var serialNumber: String?
    /// Kazakh certificates carry the person's IIN as `serialNumber=IIN…`.
    public var iin: String?
    /// And an organisation's BIN as `serialNumber=BIN…` or, in NCA's legal-entity certificates, `OU=BIN…`.
    public var bin: String?
    public var organization: String?
    /// The issuer's common name and organisation, for a person to recognise the CA.
    public var issuer: String?
    /// Validity, ISO 8601 UTC (`2026-01-31T12:00:00Z`).
    public var notBefore: String?
    public var notAfter: String?

    public init(commonName: String? = nil, surname: String? = nil, givenName: String? = nil, serialNumber: String? = nil,
                organization: String? = nil, organizationalUnit: String? = nil, issuer: String? = nil,
                notBefore: String? = nil, notAfter: String? = nil) {
        self.commonName = commonName
        self.surname = surname
        self.givenName = givenName
        self.serialNumber = serialNumber
        self.organization = organization
        self.issuer = issuer
        self.notBefore = notBefore
        self.notAfter = notAfter
        let numbers = [serialNumber, organizationalUnit].compactMap { $0 }
        iin = numbers.lazy.compactMap { Signer.number(after: "IIN", in: $0) }.first
        bin = numbers.lazy.compactMap { Signer.number(after: "BIN", in: $0) }.first
    }

    /// The name to show: the common name, else surname and given name.
    public var displayName: String? {
        if let commonName, !commonName.isEmpty { return commonName }
        let parts = [surname, givenName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `IIN830717350867` -> `830717350867`: twelve ASCII digits after the prefix, nothing else.
    static func number(after prefix: String, in value: String) -> String? {
        let trimmed = value.trimmingSpaces
        guard trimmed.uppercased().hasPrefix(prefix) else { return nil }
        let digits = trimmed.dropFirst(prefix.count)
        guard digits.utf8.count == 12, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return String(digits)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
