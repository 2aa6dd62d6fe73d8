/// Content-Disposition (RFC 2183): inline or attachment, and the file name a client suggested.
public struct ContentDisposition: Sendable, Hashable {
    /// Lower-cased: `inline`, `attachment`, or whatever a client wrote.
    public let type: String
    public let parameters: MIMEParameters

    public var filename: String? { parameters["filename"] }
    public var isAttachment: Bool { type == "attachment" }

    /// `carried`: `value` is a raw 8-bit value as `RawHeaderText` carries it.
    public static func parse(_ value: String, legacyCharset: String = Charset.defaultLegacy, carried: Bool = false)
        -> (disposition: ContentDisposition, defects: [Defect])
    {
        let semicolon = value.firstIndex(of: ";")
        let head = semicolon.map { value[..<$0] } ?? Substring(value)
        let rest = semicolon.map { value[value.index(after: $0)...] } ?? ""
        let (parameters, defects) = MIMEParameters.parse(rest, legacyCharset: legacyCharset, carried: carried)
        let type = head.trimmingCharacters(in: " \t\"").lowercased()
        return (ContentDisposition(type: type.isEmpty ? "attachment" : type, parameters: parameters), defects)
    }
}
