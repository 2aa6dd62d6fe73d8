/// A Content-Type (RFC 2045 §5): media type, subtype, parameters. Lower-cased type and subtype.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    public let type: String
    public let subtype: String
    public let parameters: MIMEParameters

    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    public static let textPlain = ContentType(type: "text", subtype: "plain")
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")

    public var mimeType: String { "\(type)/\(subtype)" }
    public var description: String { mimeType }

    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }
    /// A whole message inside a part: message/rfc822 and its internationalised twin message/global.
    public var isEncapsulatedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }
    public var charset: String? { parameters["charset"] }
    public var boundary: String? { parameters["boundary"] }

    /// Parses a Content-Type value. Garbage gives nil and a defect; the caller picks the default.
    /// `carried`: `value` is a raw 8-bit value as `RawHeaderText` carries it.
    public static func parse(_ value: String, legacyCharset: String = Charset.defaultLegacy, carried: Bool = false)
        -> (contentType: ContentType?, defects: [Defect])
    {
        let head: Substring
        let rest: Substring
        if let semicolon = value.firstIndex(of: ";") {
            head = value[..<semicolon]
            rest = value[value.index(after: semicolon)...]
        } else {
            head = Substring(value)
            rest = ""
        }
        let (parameters, defects) = MIMEParameters.parse(rest, legacyCharset: legacyCharset, carried: carried)
        let media = head.trimmingCharacters(in: " \t\"").lowercased()
        let pieces = media.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        func isToken(_ s: Substring) -> Bool {
            !s.isEmpty && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"()<>@,;:\\\"/[]?=".unicodeScalars.contains($0) }
        }
        if pieces.count == 2, isToken(pieces[0]), isToken(pieces[1]) {
            return (ContentType(type: String(pieces[0]), subtype: String(pieces[1]), parameters: parameters), defects)
        }
        // "text" alone is common enough from old mailers to read as text/plain.
        if pieces.count == 1, pieces[0] == "text" {
            return (ContentType(type: "text", subtype: "plain", parameters: parameters),
                    defects + [Defect(.invalidContentType, value)])
        }
        return (nil, defects + [Defect(.invalidContentType, value)])
    }
}
