/// Something wrong with a message that the parser worked around.
///
/// Like Python's `email.errors`, defects are collected on the part where they were found and
/// never thrown: a ministry mailbox must read whatever arrives and show staff what was off.
public struct Defect: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        // Headers (RFC 5322)
        case headerWithoutColon
        case headerFieldTooLong
        case tooManyHeaderFields
        case headerBlockTooLarge
        case missingHeaderBodySeparator
        case mboxFromLine
        case duplicateHeader
        case rawEightBitHeader
        case missingDate
        case invalidDate
        case invalidAddress
        case invalidMessageID
        // Encoded words and parameters (RFC 2047, RFC 2231)
        case invalidEncodedWord
        case invalidParameter
        // MIME structure (RFC 2045, RFC 2046)
        case invalidContentType
        case multipartWithoutBoundary
        case boundaryNotFound
        case unterminatedMultipart
        case boundaryGuessed
        case nestingTooDeep
        case tooManyParts
        case messageTooLarge
        case encodedContainer
        // Transfer encodings
        case unknownTransferEncoding
        case invalidBase64Character
        case invalidBase64Padding
        case invalidQuotedPrintable
        case invalidUUEncode
        // Charsets
        case unknownCharset
        case charsetMismatch
        case invalidCharacters
    }

    public let kind: Kind
    /// What exactly was wrong, for a person: the header name, the charset, the offending text.
    public let detail: String

    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)"
    }
}
