/// Content-Transfer-Encoding (RFC 2045 §6), read leniently ("Base64 ", "quoted_printable").
public enum TransferEncoding: Sendable, Hashable, CustomStringConvertible {
    case sevenBit, eightBit, binary, quotedPrintable, base64, uuencode
    case unknown(String)

    public init(_ value: String?) {
        guard let value else { self = .sevenBit; return }
        let v = value.trimmingCharacters(in: " \t\"").lowercased()
        switch v {
        case "", "7bit", "7-bit", "7 bit": self = .sevenBit
        case "8bit", "8-bit", "8 bit": self = .eightBit
        case "binary": self = .binary
        case "quoted-printable", "quoted_printable", "quotedprintable", "qp": self = .quotedPrintable
        case "base64", "base-64", "base_64": self = .base64
        case "x-uuencode", "uuencode", "x-uue", "uue": self = .uuencode
        default: self = .unknown(v)
        }
    }

    /// Whether the body's bytes are the content itself.
    public var isIdentity: Bool {
        switch self {
        case .sevenBit, .eightBit, .binary, .unknown: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .sevenBit: return "7bit"
        case .eightBit: return "8bit"
        case .binary: return "binary"
        case .quotedPrintable: return "quoted-printable"
        case .base64: return "base64"
        case .uuencode: return "x-uuencode"
        case .unknown(let name): return name
        }
    }

    /// Decodes `body`; an unknown encoding leaves it as it is, with a defect.
    public func decode(_ body: ArraySlice<UInt8>) -> (bytes: [UInt8], defects: [Defect]) {
        switch self {
        case .sevenBit, .eightBit, .binary: return (Array(body), [])
        case .base64: return Base64.decode(body)
        case .quotedPrintable: return QuotedPrintable.decode(body)
        case .uuencode:
            let (blocks, defects) = UUEncode.blocks(in: body)
            if let first = blocks.first { return (first.bytes, defects) }
            return (Array(body), defects + [Defect(.invalidUUEncode, "no begin line")])
        case .unknown(let name): return (Array(body), [Defect(.unknownTransferEncoding, name)])
        }
    }
}
