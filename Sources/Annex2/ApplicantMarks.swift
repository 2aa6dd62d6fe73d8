/// What tells one applicant from another, as a case knows it or a letter's form states it:
/// the IIN (a person) or BIN (an organisation), and the names. E-mail addresses are not here on
/// purpose: one regional office writes for many people, and one person may write from two
/// addresses; an address says who *sent* a letter, these say whom it is *about*.
public struct ApplicantMarks: Sendable, Equatable, Hashable {
    public var iin: String?
    public var bin: String?
    public var fullName: String?
    public var organizationName: String?

    public init(iin: String? = nil, bin: String? = nil, fullName: String? = nil, organizationName: String? = nil) {
        self.iin = Self.number(iin)
        self.bin = Self.number(bin)
        self.fullName = Self.present(fullName)
        self.organizationName = Self.present(organizationName)
    }

    public static let unknown = ApplicantMarks()

    /// Nothing names anyone: a letter without a form ("when will you answer?").
    public var isEmpty: Bool { iin == nil && bin == nil && fullName == nil && organizationName == nil }

    /// The twelve digits, however typed ("8307 1735 0867"); other text as given, so that a
    /// mistyped number still differs from a right one.
    static func number(_ text: String?) -> String? {
        guard let text = present(text) else { return nil }
        let digits = text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }
        return digits.count == 12 ? String(String.UnicodeScalarView(digits)) : text
    }

    static func present(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: comparing

    public enum Verdict: String, Sendable, Equatable {
        /// The same applicant, positively: the same number, or names that agree word for word.
        case same
        /// Clearly someone else: another number, or names that cannot be one person's or one organisation's.
        case different
        /// Nothing to compare, or too little to tell (one word of a name, an IIN beside a BIN).
        case unknown
    }

    /// Numbers decide when both sides have one of the same sort; names decide only where the
    /// numbers do not (one side has none: a refinement often adds the IIN the first letter lacked).
    public func compared(with other: ApplicantMarks) -> (verdict: Verdict, by: Basis) {
        if let a = iin, let b = other.iin { return (a == b ? .same : .different, .iin) }
        if let a = bin, let b = other.bin { return (a == b ? .same : .different, .bin) }
        if let a = fullName, let b = other.fullName {
            let verdict = PersonName.compare(a, b)
            if verdict != .unknown { return (verdict, .fullName) }
        }
        if let a = organizationName, let b = other.organizationName {
            let verdict = OrganisationName.compare(a, b)
            if verdict != .unknown { return (verdict, .organizationName) }
        }
        return (.unknown, .nothing)
    }

    /// What a verdict rested on, for the reason staff read.
    public enum Basis: String, Sendable, Equatable {
        case iin = "IIN", bin = "BIN", fullName = "full name", organizationName = "organisation name"
        case nothing = "nothing to compare"
    }

    /// Whether these marks name the same IIN or BIN as `other` (the duplicate test).
    public func sharesNumber(with other: ApplicantMarks) -> Bool {
        if let a = iin, a == other.iin { return true }
        if let a = bin, a == other.bin { return true }
        return false
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
