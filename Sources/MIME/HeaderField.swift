/// One header field as it arrived: the raw bytes are kept, the value is decoded when asked for.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (case preserved).
    public let name: String
    /// The whole field, name to the end of its last continuation line, without the final line break.
    public let raw: ArraySlice<UInt8>
    /// Index in `raw`'s base where the value starts (just after the colon).
    let valueStart: Int

    init(name: String, raw: ArraySlice<UInt8>, valueStart: Int) {
        self.name = name
        self.raw = raw
        self.valueStart = valueStart
    }

    /// The value's bytes, still folded and undecoded.
    public var rawValue: ArraySlice<UInt8> { raw[valueStart..<raw.endIndex] }

    /// Whether the field has this name, compared as RFC 5322 does (ASCII case-insensitive).
    public func hasName(_ other: String) -> Bool {
        asciiCaseInsensitiveEqual(name, other)
    }

    /// The value unfolded (line breaks removed, the folding whitespace kept) and trimmed.
    /// Raw 8-bit bytes are read as UTF-8 (RFC 6532), else as `legacyCharset`, with a defect.
    public func unfoldedValue(legacyCharset: String = Charset.defaultLegacy) -> (value: String, defects: [Defect]) {
        let slice = unfoldedBytes()
        if Charset.isASCII(slice) { return (Charset.asciiString(slice), []) }
        if let utf8 = Charset.validUTF8(slice) { return (utf8, []) }
        let (text, defects) = Charset.decode(slice, charset: legacyCharset, fallback: "UTF-8")
        return (text, [Defect(.rawEightBitHeader, "\(name) read as \(legacyCharset)")] + defects)
    }

    /// The value's bytes unfolded and trimmed, still undecoded.
    func unfoldedBytes() -> ArraySlice<UInt8> {
        var bytes = [UInt8]()
        bytes.reserveCapacity(rawValue.count)
        for byte in rawValue where byte != 0x0D && byte != 0x0A {
            bytes.append(byte == 0x09 ? 0x20 : byte)
        }
        // Trim the whitespace after the colon and before the end.
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        return bytes[lo..<hi]
    }

    /// Whether the value holds raw 8-bit bytes that are not UTF-8 (a legacy charset is then guessed).
    var hasLegacyEightBit: Bool {
        let value = rawValue
        return !Charset.isASCII(value) && Charset.validUTF8(value) == nil
    }

    /// The unfolded value, decoding raw 8-bit bytes as UTF-8 or windows-1251.
    public var value: String { unfoldedValue().value }
}
