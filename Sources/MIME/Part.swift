/// One entity of a message: its header, its raw bytes, and what it contains.
///
/// Every byte stays in the message's single buffer; a part holds slices of it, and decodes only
/// when asked, so a 50 MB attachment is in memory once (twice while someone decodes it).
public final class Part: Sendable {
    public enum Content: Sendable {
        /// A body to decode: text, an attachment, a delivery report.
        case leaf
        /// multipart/*: the children, with the text before the first and after the last boundary.
        case multipart(parts: [Part], preamble: ArraySlice<UInt8>, epilogue: ArraySlice<UInt8>)
        /// message/rfc822 (or message/global): a whole message inside this part.
        case message(Message)
    }

    /// IMAP section numbering: `1`, `2.1`; a message's top multipart is `0` (`2.0` when nested).
    public let path: String
    public let header: Header
    /// The entity, header and body, exactly as received.
    public let raw: ArraySlice<UInt8>
    /// The body as received, still transfer-encoded.
    public let body: ArraySlice<UInt8>
    /// The effective type: declared, or the RFC 2045/2046 default, or text/plain when unusable.
    public let contentType: ContentType
    public let disposition: ContentDisposition?
    public let transferEncoding: TransferEncoding
    public let content: Content
    /// What was wrong with this entity itself (a child's defects live on the child).
    public let defects: [Defect]

    init(path: String, header: Header, raw: ArraySlice<UInt8>, body: ArraySlice<UInt8>, contentType: ContentType,
         disposition: ContentDisposition?, transferEncoding: TransferEncoding, content: Content, defects: [Defect]) {
        self.path = path
        self.header = header
        self.raw = raw
        self.body = body
        self.contentType = contentType
        self.disposition = disposition
        self.transferEncoding = transferEncoding
        self.content = content
        self.defects = defects
    }

    public var isContainer: Bool {
        if case .leaf = content { return false }
        return true
    }

    /// Direct children: a multipart's parts, or an encapsulated message's top entity.
    public var children: [Part] {
        switch content {
        case .leaf: return []
        case .multipart(let parts, _, _): return parts
        case .message(let message): return [message.root]
        }
    }

    /// The encapsulated message of a message/rfc822 part.
    public var message: Message? {
        if case .message(let m) = content { return m }
        return nil
    }

    /// The suggested file name: Content-Disposition's `filename`, else Content-Type's `name`.
    public var filename: String? {
        if let name = disposition?.filename, !name.isEmpty { return name }
        if let name = contentType.parameters["name"], !name.isEmpty { return name }
        return nil
    }

    /// The charset label, lower-cased, as the part declared it (text parts only).
    public var charset: String? { contentType.charset?.lowercased() }

    /// A part the sender meant as a file rather than as the message's text.
    public var isAttachment: Bool {
        if isContainer { return false }
        if disposition?.isAttachment == true { return true }
        if contentType.isText { return filename != nil }
        return contentType.type != "message"
    }

    /// The body with its transfer encoding undone.
    public func decodedBody() -> (bytes: [UInt8], defects: [Defect]) {
        transferEncoding.decode(body)
    }

    /// The body as text, for text/* parts (nil for others): transfer-decoded, then charset-decoded,
    /// line breaks as "\n". Unlabelled HTML takes the charset of its `<meta>` tag.
    public func text(legacyCharset: String = Charset.defaultLegacy) -> (text: String, defects: [Defect])? {
        guard contentType.isText || (contentType.type == "message" && !isContainer) else { return nil }
        let (bytes, decodeDefects) = decodedBody()
        let (text, charsetDefects) = text(decodedBody: bytes, legacyCharset: legacyCharset)
        return (text, decodeDefects + charsetDefects)
    }

    /// The text of a body the caller has already transfer-decoded (see `decodedBody()`).
    public func text(decodedBody bytes: [UInt8], legacyCharset: String = Charset.defaultLegacy) -> (text: String, defects: [Defect]) {
        var label = contentType.charset
        if label == nil, contentType.subtype == "html" { label = HTMLCharset.sniff(bytes) }
        let (text, defects) = Charset.decode(bytes, charset: label, fallback: legacyCharset)
        return (normalizingLineBreaks(text), defects)
    }

    /// The entity as received with every line ending CRLF: the canonical form a multipart/signed
    /// signature covers (RFC 1847 §2.1), whatever line ends the mailbox stored.
    public var canonicalRaw: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 32)
        var previous: UInt8 = 0
        for b in raw {
            if b == 0x0A && previous != 0x0D { out.append(0x0D) }
            out.append(b)
            previous = b
        }
        return out
    }

    /// Every entity from this one down, depth-first, containers before their children.
    public var allParts: [Part] {
        var out: [Part] = []
        func walk(_ p: Part) {
            out.append(p)
            for c in p.children { walk(c) }
        }
        walk(self)
        return out
    }
}

func normalizingLineBreaks(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    // CR is ASCII, so line breaks can be rewritten on the UTF-8 bytes without touching any character.
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.utf8.count)
    var previousCR = false
    for b in text.utf8 {
        if b == 0x0D { bytes.append(0x0A); previousCR = true; continue }
        if b == 0x0A && previousCR { previousCR = false; continue }
        previousCR = false
        bytes.append(b)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The charset an HTML body names in its own `<meta>`, for parts whose header forgot it.
enum HTMLCharset {
    static func sniff(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048).map(asciiLower)
        let needle = Array("charset=".utf8)
        guard head.count >= needle.count,
              let at = (0...(head.count - needle.count)).first(where: { head[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        var name = ""
        for c in head[(at + needle.count)...].drop(while: { $0 == 0x22 || $0 == 0x27 || $0 == 0x20 }) {
            let isNameByte = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
            if isNameByte { name.append(Character(Unicode.Scalar(c))) } else { break }
        }
        return name.isEmpty ? nil : name
    }
}
