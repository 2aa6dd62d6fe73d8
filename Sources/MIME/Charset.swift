import Glibc
import Synchronization

/// Turns bytes in a named charset into Unicode, through iconv.
///
/// Mail to a Kazakh ministry arrives in UTF-8, windows-1251, KOI8-R, CP866, ISO-8859-5, PT154
/// and whatever else a client chose. Decoding never fails: an unknown charset falls back to the
/// caller's legacy charset, invalid sequences become U+FFFD, and each is reported as a defect.
public enum Charset {
    /// The charset tried when 8-bit bytes arrive unlabelled and are not UTF-8.
    public static let defaultLegacy = "windows-1251"

    /// Decodes `bytes` declared as `charset`.
    ///
    /// - Parameters:
    ///   - charset: the label from the message (`nil` or empty: unlabelled).
    ///   - fallback: used when the label is unknown to iconv or bytes are unlabelled 8-bit non-UTF-8.
    public static func decode<C: Collection>(_ bytes: C, charset: String?, fallback: String = defaultLegacy)
        -> (text: String, defects: [Defect]) where C.Element == UInt8
    {
        let label = charset.map { canonicalName($0) } ?? ""
        if label.isEmpty || label == "US-ASCII" {
            if isASCII(bytes) { return (asciiString(bytes), []) }
            // Unlabelled or "ASCII" 8-bit text: most often UTF-8 in practice, else the legacy charset.
            if let text = validUTF8(bytes) { return (text, []) }
            let (text, defects) = decodeKnown(bytes, canonical: canonicalName(fallback))
            let what = label.isEmpty ? "unlabelled 8-bit text" : "8-bit text labelled us-ascii"
            return (text, [Defect(.charsetMismatch, "\(what) read as \(fallback)")] + defects)
        }
        if label == "UTF-8" {
            if let text = validUTF8(bytes) { return (text, []) }
            // A lying label: legacy bytes marked UTF-8. Prefer the legacy reading when nearly all of it is valid.
            let (legacy, legacyDefects) = decodeKnown(bytes, canonical: canonicalName(fallback))
            if legacyDefects.isEmpty, utf8MultibyteSequences(bytes) == 0, looksLikeCyrillicLegacy(bytes) {
                return (legacy, [Defect(.charsetMismatch, "labelled utf-8 but read as \(fallback)")])
            }
            return (String(decoding: Array(bytes), as: UTF8.self),
                    [Defect(.invalidCharacters, "invalid UTF-8 replaced with U+FFFD")])
        }
        if isSingleByteCyrillic(label), !isASCII(bytes), let text = validUTF8(bytes), hasUTF8Cyrillic(bytes) {
            // Clients re-encode to UTF-8 and forget the label; legacy Cyrillic text is almost never valid UTF-8.
            return (text, [Defect(.charsetMismatch, "labelled \(charset ?? "") but content is UTF-8")])
        }
        // The single-byte tables are kept, so most labels are known without opening iconv.
        if singleByteTable(label) != nil || iconvKnows(label) {
            return decodeKnown(bytes, canonical: label)
        }
        var (text, defects) = decode(bytes, charset: fallback == charset ? "UTF-8" : fallback, fallback: "UTF-8")
        defects.insert(Defect(.unknownCharset, "\(charset ?? "") (read as \(fallback))"), at: 0)
        if let ascii = validUTF8(bytes), isASCII(bytes) { text = ascii }
        return (text, defects)
    }

    /// The name iconv knows for a label found in mail, or the label upper-cased.
    public static func canonicalName(_ label: String) -> String {
        // A message asks this of every part and encoded word, with the same few labels.
        if let known = canonicalNames.withLock({ $0[label] }) { return known }
        let name = uncachedCanonicalName(label)
        canonicalNames.withLock { if $0.count < 256 { $0[label] = name } }
        return name
    }

    private static let canonicalNames = Mutex<[String: String]>([:])

    private static func uncachedCanonicalName(_ label: String) -> String {
        var name = label.trimmingCharacters(in: " \t\"'").uppercased()
        // RFC 2231 language suffix ("utf-8*kk") and stray option suffixes.
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        if let alias = aliases[name] { return alias }
        if name.hasPrefix("X-"), let alias = aliases[String(name.dropFirst(2))] { return alias }
        return name
    }

    static let aliases: [String: String] = [
        "UTF8": "UTF-8", "UTF-8": "UTF-8", "UNICODE-1-1-UTF-8": "UTF-8", "X-UNICODE20UTF8": "UTF-8",
        "ASCII": "US-ASCII", "US-ASCII": "US-ASCII", "ANSI_X3.4-1968": "US-ASCII", "US": "US-ASCII",
        "CP1251": "CP1251", "WINDOWS-1251": "CP1251", "WIN-1251": "CP1251", "WIN1251": "CP1251",
        "WINDOWS1251": "CP1251", "CP-1251": "CP1251", "MS-CYRL": "CP1251", "X-CP1251": "CP1251",
        "KOI8-R": "KOI8-R", "KOI8R": "KOI8-R", "KOI8": "KOI8-R", "CSKOI8R": "KOI8-R",
        "KOI8-U": "KOI8-U", "KOI8U": "KOI8-U", "KOI8-RU": "KOI8-RU",
        "CP866": "CP866", "IBM866": "CP866", "866": "CP866", "CSIBM866": "CP866", "CP-866": "CP866",
        "ISO-8859-5": "ISO-8859-5", "ISO8859-5": "ISO-8859-5", "ISO_8859-5": "ISO-8859-5",
        "ISO-8859-1": "ISO-8859-1", "ISO8859-1": "ISO-8859-1", "LATIN1": "ISO-8859-1", "L1": "ISO-8859-1",
        "WINDOWS-1252": "CP1252", "CP1252": "CP1252", "WIN-1252": "CP1252",
        "PT154": "PT154", "PTCP154": "PT154", "CP154": "PT154", "CSPTCP154": "PT154",
        "CYRILLIC-ASIAN": "PT154", "KZ-1048": "RK1048", "RK1048": "RK1048", "STRK1048-2002": "RK1048",
        "UTF-16": "UTF-16", "UTF16": "UTF-16", "UTF-16LE": "UTF-16LE", "UTF-16BE": "UTF-16BE",
        "UCS-2": "UCS-2", "MAC-CYRILLIC": "MAC-CYRILLIC", "X-MAC-CYRILLIC": "MAC-CYRILLIC",
        "KS_C_5601-1987": "CP949", "GB2312": "GB18030", "GBK": "GB18030", "SHIFT-JIS": "SHIFT_JIS",
        "UNKNOWN-8BIT": "", "X-UNKNOWN": "", "DEFAULT": "", "X-USER-DEFINED": "",
    ]

    // MARK: - Decoding with iconv

    private static func decodeKnown<C: Collection>(_ bytes: C, canonical: String) -> (text: String, defects: [Defect])
        where C.Element == UInt8
    {
        if canonical == "UTF-8" || canonical.isEmpty {
            if let text = validUTF8(bytes) { return (text, []) }
            return (String(decoding: Array(bytes), as: UTF8.self),
                    [Defect(.invalidCharacters, "invalid UTF-8 replaced with U+FFFD")])
        }
        if let table = singleByteTable(canonical) {
            return decodeSingleByte(bytes, table: table, charset: canonical)
        }
        return decodeWithIconv(Array(bytes), charset: canonical)
    }

    /// Single-byte charsets (the Cyrillic ones mail uses) decode through a 256-entry table built
    /// once from iconv: the same answers as iconv, without a call per message.
    private static func decodeSingleByte<C: Collection>(_ bytes: C, table: [Unicode.Scalar?], charset: String)
        -> (text: String, defects: [Defect]) where C.Element == UInt8
    {
        var out = String.UnicodeScalarView()
        var invalid = 0
        for byte in bytes {
            if byte < 0x80 { out.append(Unicode.Scalar(byte)); continue }
            if let scalar = table[Int(byte)] { out.append(scalar) } else { out.append("\u{FFFD}"); invalid += 1 }
        }
        let defects = invalid == 0 ? [] : [Defect(.invalidCharacters, "\(invalid) byte(s) undefined in \(charset)")]
        return (String(out), defects)
    }

    private static let tables = Mutex<[String: [Unicode.Scalar?]?]>([:])

    private static func singleByteTable(_ charset: String) -> [Unicode.Scalar?]? {
        if let cached = tables.withLock({ $0[charset] }) { return cached }
        let table = buildSingleByteTable(charset)
        tables.withLock { $0[charset] = .some(table) }
        return table
    }

    private static func buildSingleByteTable(_ charset: String) -> [Unicode.Scalar?]? {
        guard iconvKnows(charset), !charset.hasPrefix("UTF"), !charset.hasPrefix("UCS") else { return nil }
        // A charset is single-byte when every byte alone either decodes to one scalar or is rejected,
        // and ASCII stays ASCII (which rules out UTF-7, stateful and EBCDIC charsets).
        var table = [Unicode.Scalar?](repeating: nil, count: 256)
        for byte in 0..<256 {
            let (text, defects) = decodeWithIconv([UInt8(byte)], charset: charset)
            let scalars = Array(text.unicodeScalars)
            if !defects.isEmpty { continue }
            guard scalars.count == 1 else { return nil }
            if byte < 0x80, scalars[0].value != UInt32(byte) { return nil }
            table[byte] = scalars[0]
        }
        return table
    }

    /// Whether raw 8-bit header bytes could have been written in this charset: a legacy 8-bit
    /// charset decodable here, not a Unicode form (UTF-7, UTF-16…) or a 7-bit ISO 2022 one.
    static func isEightBitLegacy(_ canonical: String) -> Bool {
        if ["UTF", "UCS", "ISO-2022", "HZ"].contains(where: { canonical.hasPrefix($0) }) || canonical == "US-ASCII" { return false }
        return singleByteTable(canonical) != nil || iconvKnows(canonical)
    }

    static func iconvKnows(_ charset: String) -> Bool {
        guard !charset.isEmpty else { return false }
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    private static func decodeWithIconv(_ input: [UInt8], charset: String) -> (text: String, defects: [Defect]) {
        let cd = iconv_open("UTF-8", charset)
        guard cd != iconv_t(bitPattern: -1) else {
            return (String(decoding: input, as: UTF8.self), [Defect(.unknownCharset, charset)])
        }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 2 + 16)
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeBufferPointer { source in
            var inPtr = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(source.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                .assumingMemoryBound(to: CChar.self))
            var inLeft = source.count
            while inLeft > 0 {
                let (result, err, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int, Int32, Int) in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = out.count
                    var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                    let r = iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                    let e = errno
                    inPtr = inOpt!
                    return (r, e, out.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced])
                if result != -1 { break }
                switch err {
                case E2BIG:
                    continue
                default:
                    // EILSEQ or a truncated sequence at the end: one replacement, skip one byte.
                    invalid += 1
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPtr += 1
                    inLeft -= 1
                }
            }
        }
        // Flush a stateful encoder's shift state.
        var nullIn: UnsafeMutablePointer<CChar>? = nil
        var zero = 0
        _ = chunk.withUnsafeMutableBufferPointer { out -> Int in
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = out.count
            let r = iconv(cd, &nullIn, &zero, &outPtr, &outLeft)
            output.append(contentsOf: out[0..<(out.count - outLeft)])
            return r
        }
        let defects = invalid == 0 ? [] : [Defect(.invalidCharacters, "\(invalid) invalid sequence(s) in \(charset)")]
        return (String(decoding: output, as: UTF8.self), defects)
    }

    // MARK: - Byte classification

    static func isASCII<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let fast = bytes.withContiguousStorageIfAvailable({ buffer -> Bool in
            var i = 0
            let n = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            while i + 8 <= n {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < n { if buffer[i] >= 0x80 { return false }; i += 1 }
            return true
        }) { return fast }
        return bytes.allSatisfy { $0 < 0x80 }
    }

    static func asciiString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let s = bytes.withContiguousStorageIfAvailable({ String(decoding: $0, as: UTF8.self) }) { return s }
        return String(decoding: Array(bytes), as: UTF8.self)
    }

    /// The text when `bytes` are valid UTF-8, else nil.
    public static func validUTF8<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        if let s = bytes.withContiguousStorageIfAvailable({ String(validating: $0, as: UTF8.self) }) { return s }
        return String(validating: Array(bytes), as: UTF8.self)
    }

    private static func isSingleByteCyrillic(_ label: String) -> Bool {
        ["CP1251", "KOI8-R", "KOI8-U", "CP866", "ISO-8859-5", "PT154", "RK1048", "KOI8-RU"].contains(label)
    }

    /// UTF-8 Cyrillic letters start with 0xD0 or 0xD1 (U+0400–U+047F) or 0xD2/0xD3 (Kazakh letters).
    private static func hasUTF8Cyrillic<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.contains { $0 >= 0xD0 && $0 <= 0xD3 }
    }

    /// Well-formed UTF-8 multibyte sequences: text that has some is UTF-8 with damage, not legacy text.
    private static func utf8MultibyteSequences<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var count = 0
        var need = 0
        for b in bytes {
            if need > 0 {
                if b & 0xC0 == 0x80 { need -= 1; if need == 0 { count += 1 } } else { need = 0 }
                continue
            }
            if b & 0xE0 == 0xC0 { need = 1 } else if b & 0xF0 == 0xE0 { need = 2 } else if b & 0xF8 == 0xF0 { need = 3 }
        }
        return count
    }

    /// windows-1251 Cyrillic letters sit in 0xC0–0xFF; a text with many of them, invalid as UTF-8, is legacy.
    private static func looksLikeCyrillicLegacy<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var high = 0, letters = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if b >= 0xC0 { letters += 1 }
        }
        return high > 0 && letters * 2 >= high
    }
}
