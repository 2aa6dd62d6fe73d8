/// An entity's header fields in their original order, duplicates kept.
public struct Header: Sendable, Sequence {
    public let fields: [HeaderField]
    /// The charset tried for raw 8-bit header bytes that are not UTF-8.
    public let legacyCharset: String

    public init(fields: [HeaderField], legacyCharset: String = Charset.defaultLegacy) {
        self.fields = fields
        self.legacyCharset = legacyCharset
    }

    public func makeIterator() -> IndexingIterator<[HeaderField]> { fields.makeIterator() }

    public var isEmpty: Bool { fields.isEmpty }

    /// The first field of that name.
    public func first(_ name: String) -> HeaderField? {
        fields.first { $0.hasName(name) }
    }

    /// Every field of that name, in order.
    public func all(_ name: String) -> [HeaderField] {
        fields.filter { $0.hasName(name) }
    }

    /// The first field's unfolded value, with encoded words left as they are (for structured fields).
    public subscript(_ name: String) -> String? {
        first(name)?.unfoldedValue(legacyCharset: legacyCharset).value
    }

    /// The first field's value as text for a person: unfolded, RFC 2047 encoded words decoded.
    public func text(_ name: String) -> String? {
        decodedText(name)?.text
    }

    /// Like `text(_:)`, with what was wrong with the value.
    public func decodedText(_ name: String) -> (text: String, defects: [Defect])? {
        guard let field = first(name) else { return nil }
        if field.hasLegacyEightBit, EncodedWord.containsWordStart(Array(field.rawValue)) {
            // Words are decoded over the raw bytes: a raw byte inside a word belongs to the word's charset.
            let (text, defects) = EncodedWord.decode(bytes: Array(field.unfoldedBytes()), fallbackCharset: legacyCharset)
            return (text, [Defect(.rawEightBitHeader, "\(field.name) read as \(legacyCharset)")] + defects)
        }
        let (value, rawDefects) = field.unfoldedValue(legacyCharset: legacyCharset)
        let (text, wordDefects) = EncodedWord.decode(value, fallbackCharset: legacyCharset)
        return (text, rawDefects + wordDefects)
    }
}
