/// The parts of an `imap://`, `imaps://`, `smtp://` or `smtps://` URL the transports need.
/// libcurl parses the URL again itself; this only checks it and answers questions about it.
struct MailURL: Sendable, Equatable {
    let scheme: String
    /// `host[:port]` as written, IPv6 literals keeping their brackets.
    let authority: String
    /// The host without brackets or port.
    let host: String
    /// The path after the authority, percent-decoded, without the leading `/`.
    let path: String

    init(_ text: String, schemes: [String]) throws(MailURLError) {
        guard let separator = text.firstRange(of: "://") else {
            throw MailURLError(url: text, reason: "expected \(schemes.map { $0 + "://" }.joined(separator: " or "))HOST")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            throw MailURLError(url: text, reason: "the scheme must be \(schemes.joined(separator: " or ")), not \(scheme)")
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else {
            throw MailURLError(url: text, reason: "put the user name and password in their own settings, not in the URL")
        }
        var host = Substring(authority)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw MailURLError(url: text, reason: "unclosed [ in the host") }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            guard UInt16(host[host.index(after: colon)...]) != nil else {
                throw MailURLError(url: text, reason: "the port must be a number")
            }
            host = host[..<colon]
        }
        guard !host.isEmpty else { throw MailURLError(url: text, reason: "no host") }
        self.scheme = scheme
        self.authority = String(authority)
        self.host = String(host)
        let rawPath = rest.dropFirst(authority.count).drop { $0 == "/" }
        guard let path = MailURL.percentDecoded(String(rawPath)) else {
            throw MailURLError(url: text, reason: "bad %-escape in the path")
        }
        self.path = path
    }

    /// Loopback hosts, where plain text never leaves the machine and so TLS is not required by default.
    var isLoopback: Bool {
        let name = host.lowercased()
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    static func isLoopback(_ url: String) -> Bool {
        (try? MailURL(url, schemes: ["imap", "imaps", "smtp", "smtps"]))?.isLoopback ?? false
    }

    /// Everything but RFC 3986 unreserved characters escaped, for a mailbox name in a URL path.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// A mail server URL that cannot be used, and why.
public struct MailURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let url: String
    public let reason: String
    public var description: String { "\(url): \(reason)" }
}
