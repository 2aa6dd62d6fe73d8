/// A parsed RFC 5322 message: the raw bytes, untouched, and the part tree over them.
public struct Message: Sendable {
    /// Every byte as received. Parts are slices of this.
    public let raw: ArraySlice<UInt8>
    /// The top entity: the message's own header and its body.
    public let root: Part
    /// The size of the whole message when only its header was read (`init(header:messageSize:)`).
    var wholeSize: Int? = nil

    init(raw: ArraySlice<UInt8>, root: Part) {
        self.raw = raw
        self.root = root
    }

    /// The size of the message in bytes: `raw.count`, or the whole message's when only its header was read.
    public var size: Int { wholeSize ?? raw.count }

    /// Parses `bytes`. Never fails: whatever cannot be read becomes a defect on the part it concerns.
    ///
    /// - Parameter legacyCharset: read raw 8-bit headers and unlabelled 8-bit text that is not
    ///   UTF-8 with this charset (windows-1251 for Kazakh and Russian mail), unless the message's
    ///   first text part names its charset: the client that wrote the body wrote the headers.
    public init(bytes: [UInt8], limits: Limits = .default, legacyCharset: String = Charset.defaultLegacy) {
        var count = 0
        var parsed = Message.parse(bytes, limits: limits, legacyCharset: legacyCharset, depth: 0, pathPrefix: "",
                                   entityCount: &count)
        if let hint = parsed.headerCharsetHint, Charset.canonicalName(hint) != Charset.canonicalName(legacyCharset) {
            // Only a message with raw non-UTF-8 header bytes is parsed twice.
            count = 0
            parsed = Message.parse(bytes, limits: limits, legacyCharset: hint, depth: 0, pathPrefix: "", entityCount: &count)
        }
        self = parsed
    }

    /// The charset of the first text part, when some header holds raw 8-bit bytes that are not
    /// UTF-8 and that part names a legacy charset decodable here.
    var headerCharsetHint: String? {
        guard parts.contains(where: { $0.header.fields.contains(where: \.hasLegacyEightBit) }),
              let label = textParts.first?.charset else { return nil }
        return Charset.isEightBitLegacy(Charset.canonicalName(label)) ? label : nil
    }

    /// An entity that arrived inside something other than a message: the content of an S/MIME
    /// signature, a file out of winmail.dat. Its top entity is numbered `path`, a multipart's
    /// children `path.1`, `path.2`, so the parts say where they came from.
    public init(entity bytes: [UInt8], path: String, limits: Limits = .default, legacyCharset: String = Charset.defaultLegacy) {
        var count = 0
        self = Message.parse(bytes, limits: limits, legacyCharset: legacyCharset, depth: 0, numbering: .child(path),
                             entityCount: &count)
    }

    static func parse(_ bytes: [UInt8], limits: Limits, legacyCharset: String, depth: Int, pathPrefix: String,
                      entityCount: inout Int) -> Message
    {
        parse(bytes, limits: limits, legacyCharset: legacyCharset, depth: depth, numbering: .root(prefix: pathPrefix),
              entityCount: &entityCount)
    }

    static func parse(_ bytes: [UInt8], limits: Limits, legacyCharset: String, depth: Int,
                      numbering: EntityParser.Numbering, entityCount: inout Int) -> Message
    {
        // An empty buffer has no base address; give the parser one byte it will never read past.
        let storage = bytes.isEmpty ? [0] : bytes
        let limit = min(bytes.count, limits.maxMessageBytes)
        let (root, count) = storage.withUnsafeBufferPointer { buffer -> (Part, Int) in
            var parser = EntityParser(storage: storage, pointer: buffer.baseAddress!, limits: limits,
                                      legacyCharset: legacyCharset, entityCount: entityCount)
            let (part, _, _) = parser.parseEntity(start: 0, limit: limit, depth: depth, numbering: numbering)
            return (part, parser.entityCount)
        }
        entityCount = count
        guard bytes.count > limit else { return Message(raw: storage[0..<bytes.count], root: root) }
        // Past the size limit the bytes are kept but not structured.
        let flagged = Part(path: root.path, header: root.header, raw: root.raw, body: root.body,
                           contentType: root.contentType, disposition: root.disposition,
                           transferEncoding: root.transferEncoding, content: root.content,
                           defects: root.defects + [Defect(.messageTooLarge, "only the first \(limit) of \(bytes.count) bytes parsed")])
        return Message(raw: storage[0..<bytes.count], root: flagged)
    }

    public var header: Header { root.header }

    /// Every entity, depth-first, containers before their children, nested messages included.
    public var parts: [Part] { root.allParts }

    /// The leaves a person would read as the message's text: text/plain and text/html that are not attachments,
    /// not inside an attached message.
    public var textParts: [Part] {
        var out: [Part] = []
        func walk(_ part: Part) {
            switch part.content {
            case .leaf:
                if part.contentType.isText, !part.isAttachment { out.append(part) }
            case .multipart(let parts, _, _):
                parts.forEach(walk)
            case .message:
                break
            }
        }
        walk(root)
        return out
    }

    /// The files attached, nested messages' attachments included.
    public var attachments: [Part] { parts.filter(\.isAttachment) }

    // MARK: - The envelope fields

    public var subject: String? { header.text("Subject") }

    public var from: [MailAddress] { addresses("From") }
    public var to: [MailAddress] { addresses("To") }
    public var cc: [MailAddress] { addresses("Cc") }
    public var replyTo: [MailAddress] { addresses("Reply-To") }
    public var sender: MailAddress? { addresses("Sender").first }

    public func addresses(_ field: String) -> [MailAddress] {
        header.all(field).flatMap { field in
            AddressList.parse(field: field, legacyCharset: header.legacyCharset).mailboxes
        }
    }

    public var date: MessageDate? {
        header["Date"].flatMap { MessageDate.parse($0).date }
    }

    /// The Message-ID without angle brackets.
    public var messageID: String? {
        header["Message-ID"].flatMap { MessageIDList.parse($0).ids.first }
    }

    public var inReplyTo: [String] { header["In-Reply-To"].map { MessageIDList.parse($0).ids } ?? [] }
    public var references: [String] { header["References"].map { MessageIDList.parse($0).ids } ?? [] }

    /// Defects of the header fields a reader relies on, found only when they are read.
    public var envelopeDefects: [Defect] {
        var defects: [Defect] = []
        for name in ["Subject", "From", "To", "Cc", "Reply-To", "Date", "Message-ID"] where header.all(name).count > 1 {
            defects.append(Defect(.duplicateHeader, name))
        }
        if let (_, subjectDefects) = header.decodedText("Subject") { defects += subjectDefects }
        for name in ["From", "To", "Cc", "Reply-To"] {
            for field in header.all(name) {
                defects += field.unfoldedValue(legacyCharset: header.legacyCharset).defects
                defects += AddressList.parse(field: field, legacyCharset: header.legacyCharset).defects
            }
        }
        if let value = header["Date"] {
            defects += MessageDate.parse(value).defects
        } else {
            defects.append(Defect(.missingDate))
        }
        if let value = header["Message-ID"] { defects += MessageIDList.parse(value).defects }
        return defects
    }

    /// Every defect of the message, each with the path of the part it was found on.
    public var allDefects: [(path: String, defect: Defect)] {
        var out = envelopeDefects.map { (path: root.path, defect: $0) }
        func walk(_ part: Part) {
            out += part.defects.map { (path: part.path, defect: $0) }
            if !part.isContainer, part.contentType.isText || part.transferEncoding != .sevenBit {
                let defects = part.contentType.isText ? (part.text(legacyCharset: root.header.legacyCharset)?.defects ?? [])
                                                      : part.decodedBody().defects
                out += defects.map { (path: part.path, defect: $0) }
            }
            if let nested = part.message {
                out += nested.envelopeDefects.filter { $0.kind != .missingDate }.map { (path: nested.root.path, defect: $0) }
            }
            for child in part.children { walk(child) }
        }
        walk(root)
        return out
    }
}
