/// One mailbox from an address header: `Иванов Иван <ivan@mail.ru>`.
public struct MailAddress: Hashable, Sendable {
    /// The display name, decoded (encoded words, quotes and escapes resolved); nil when there is none.
    public var name: String?
    /// The local part as meant, without quotes or escapes: `"ivan petrov"@x` has `ivan petrov`.
    public var localPart: String
    /// The domain as written: ASCII, `xn--` labels or Unicode; a domain literal keeps its brackets.
    public var domain: String

    public init(name: String? = nil, localPart: String, domain: String) {
        self.name = name
        self.localPart = localPart
        self.domain = domain
    }

    /// `local@domain` for people: `xn--` labels shown in Unicode, the local part quoted only if it must be.
    public var address: String {
        let shownDomain = isDomainLiteral || !hasPunycodeLabel ? domain : Punycode.toUnicode(domain: domain)
        return quotedLocalPart + "@" + shownDomain
    }

    /// `local@domain` for SMTP: a Unicode domain converted label by label to `xn--` form.
    public var asciiAddress: String {
        let asciiDomain = isDomainLiteral || domain.utf8.allSatisfy({ $0 < 0x80 })
            ? domain : Punycode.toASCII(domain: domain)
        return quotedLocalPart + "@" + asciiDomain
    }

    private var isDomainLiteral: Bool { domain.hasPrefix("[") }

    /// Whether an `xn--` label may be in the domain. An ASCII domain is searched by bytes; for any
    /// other, lowercasing and String search decide as they always did.
    private var hasPunycodeLabel: Bool {
        guard domain.utf8.allSatisfy({ $0 < 0x80 }) else { return domain.lowercased().contains("xn--") }
        let bytes = Array(domain.utf8)
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) where bytes[i] | 0x20 == UInt8(ascii: "x") && bytes[i + 1] | 0x20 == UInt8(ascii: "n")
            && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
            return true
        }
        return false
    }

    /// RFC 5322 §3.4.1: a local part that is not a dot-atom must travel quoted.
    private var quotedLocalPart: String {
        if MailAddress.isDotAtom(localPart) { return localPart }
        var out = "\""
        for c in localPart {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    static func isDotAtom(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every character is one byte, so the checks below read bytes alike.
            let bytes = text.utf8
            guard let first = bytes.first, let last = bytes.last, first != 0x2E, last != 0x2E else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x2E, previous == 0x2E { return false }
                if byte != 0x2E, !isAtext(byte) { return false }
                previous = byte
            }
            return true
        }
        guard !text.isEmpty, !text.hasPrefix("."), !text.hasSuffix("."), !text.contains("..") else { return false }
        return text.utf8.allSatisfy { $0 >= 0x80 || $0 == UInt8(ascii: ".") || isAtext($0) }
    }

    /// RFC 5322 atext, ASCII part; bytes ≥ 0x80 are allowed too (RFC 6532).
    static func isAtext(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(c)
        }
    }
}

/// A named group of mailboxes (RFC 5322 §3.4): `Undisclosed recipients:;` or `team: a@b, c@d;`.
public struct AddressGroup: Hashable, Sendable {
    public var name: String
    public var members: [MailAddress]

    public init(name: String, members: [MailAddress]) {
        self.name = name
        self.members = members
    }
}
