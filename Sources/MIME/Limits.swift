/// Bounds on the work a single message may cause. Mail comes from the internet: a message that
/// exceeds a limit is read as far as the limit allows, with a defect, and the rest stays in the raw bytes.
public struct Limits: Sendable, Equatable {
    /// Multipart and message/rfc822 nesting, counted from the top-level message.
    public var maxDepth: Int
    /// Entities (parts and containers) per message, nested messages included.
    public var maxParts: Int
    /// Header fields per entity.
    public var maxHeaderFields: Int
    /// Bytes of one header field after unfolding; longer values are cut.
    public var maxHeaderFieldBytes: Int
    /// Bytes of one entity's header block; fields past it are skipped.
    public var maxHeaderBlockBytes: Int
    /// Bytes of the whole message that are parsed; the rest is kept raw, not structured.
    public var maxMessageBytes: Int
    /// Encoded words in one header value.
    public var maxEncodedWords: Int
    /// RFC 2231 continuation segments of one parameter.
    public var maxParameterSegments: Int

    public init(maxDepth: Int = 32, maxParts: Int = 10_000, maxHeaderFields: Int = 2_000,
                maxHeaderFieldBytes: Int = 256 * 1024, maxHeaderBlockBytes: Int = 2 * 1024 * 1024,
                maxMessageBytes: Int = 512 * 1024 * 1024, maxEncodedWords: Int = 10_000,
                maxParameterSegments: Int = 1_000) {
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderFields = maxHeaderFields
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderBlockBytes = maxHeaderBlockBytes
        self.maxMessageBytes = maxMessageBytes
        self.maxEncodedWords = maxEncodedWords
        self.maxParameterSegments = maxParameterSegments
    }

    public static let `default` = Limits()
}

extension Message {
    /// Reads only the header block of a message too large to hold in memory: `header` is its
    /// first bytes (up to and including the empty line, or cut at `Limits.maxHeaderBlockBytes`),
    /// `messageSize` the size of the whole. The body is not structured; the root part carries a
    /// `messageTooLarge` defect, so readers know the message was not read.
    public init(header: [UInt8], messageSize: Int, limits: Limits = .default, legacyCharset: String = Charset.defaultLegacy) {
        var count = 0
        var headerLimits = limits
        headerLimits.maxMessageBytes = min(limits.maxMessageBytes, limits.maxHeaderBlockBytes + 2)
        let parsed = Message.parse(header, limits: headerLimits, legacyCharset: legacyCharset, depth: 0, pathPrefix: "",
                                   entityCount: &count)
        let root = parsed.root
        // Only the header is known: the part is a leaf, whatever its Content-Type promises.
        let flagged = Part(path: root.path, header: root.header, raw: root.raw, body: root.body[root.body.endIndex...],
                           contentType: root.contentType, disposition: root.disposition,
                           transferEncoding: root.transferEncoding, content: .leaf,
                           defects: root.defects.filter { $0.kind != .messageTooLarge }
                               + [Defect(.messageTooLarge, "only the header of \(messageSize) bytes read")])
        self.init(raw: parsed.raw, root: flagged)
        wholeSize = messageSize
    }

    /// Whether only the header of the message was read (`init(header:messageSize:)`).
    public var isHeaderOnly: Bool { wholeSize != nil }

    /// The defects that say a limit was reached somewhere in the message: its structure was read
    /// only partly, so what it says cannot be taken as complete.
    public var limitsReached: [Defect] {
        let kinds: Set<Defect.Kind> = [.nestingTooDeep, .tooManyParts, .messageTooLarge, .headerBlockTooLarge,
                                       .tooManyHeaderFields, .headerFieldTooLong]
        var found: [Defect] = []
        func walk(_ part: Part) {
            found += part.defects.filter { kinds.contains($0.kind) }
            switch part.content {
            case .leaf: break
            case .multipart(let parts, _, _): parts.forEach(walk)
            case .message(let nested): walk(nested.root)
            }
        }
        walk(root)
        return found
    }
}
