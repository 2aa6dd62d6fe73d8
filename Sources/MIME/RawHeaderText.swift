/// A header value whose raw 8-bit bytes are not UTF-8, carried through the parsers that work on
/// text one scalar per byte (U+0000–U+00FF: a transport, not a reading), so that each raw byte is
/// decoded once, at the end, by the rule for where it stands: inside an encoded word in the word's
/// charset, in an RFC 2231 value in the value's declared charset, elsewhere UTF-8 or the header
/// charset (`EncodedWord.decode(bytes:)`). Decoding the whole value first would read a byte twice.
enum RawHeaderText {
    static func carry<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// The bytes a carried text stands for (a scalar past U+00FF cannot occur in one).
    static func bytes<S: StringProtocol>(_ text: S) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// A carried value read as text by the header rule.
    static func decode<S: StringProtocol>(_ text: S, fallbackCharset: String) -> (text: String, defects: [Defect]) {
        EncodedWord.decode(bytes: bytes(text), fallbackCharset: fallbackCharset)
    }
}
