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
