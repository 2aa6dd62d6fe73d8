/// The `; name=value` parameters of Content-Type and Content-Disposition (RFC 2045), with
/// RFC 2231 continuations, charsets and languages, and the RFC 2047 words clients put in quotes.
public struct MIMEParameters: Sendable, Hashable, Sequence {
    public struct Parameter: Sendable, Hashable {
        /// Lower-cased name, without RFC 2231 section markers.
        public let name: String
        public let value: String
        /// The RFC 2231 language tag, when one was given (`kk`, `ru`).
        public let language: String?
    }

    public let parameters: [Parameter]

    public init(_ parameters: [Parameter] = []) { self.parameters = parameters }

    public func makeIterator() -> IndexingIterator<[Parameter]> { parameters.makeIterator() }

    public subscript(_ name: String) -> String? {
        parameters.first { asciiCaseInsensitiveEqual($0.name, name) }?.value
    }

    /// Parses the text after the first `;` of a header value.
    /// `carried`: `text` holds raw 8-bit bytes as `RawHeaderText` carries them.
    public static func parse(_ text: Substring, legacyCharset: String = Charset.defaultLegacy, carried: Bool = false,
                             maxSegments: Int = Limits.default.maxParameterSegments)
        -> (parameters: MIMEParameters, defects: [Defect])
    {
        var defects: [Defect] = []
        let raw = splitRaw(text, defects: &defects)

        // Plain parameters keep their first occurrence; RFC 2231 sections gather under their base name.
        var order: [String] = []
        var plain: [String: String] = [:]
        var sections: [String: [Int: (value: String, encoded: Bool)]] = [:]
        for (name, value) in raw {
            var base = name
            var encoded = false
            if base.hasSuffix("*") { encoded = true; base.removeLast() }
            var index: Int? = nil
            if let star = base.lastIndex(of: "*"), let n = Int(base[base.index(after: star)...]), n >= 0 {
                index = n
                base = String(base[..<star])
            }
            if !order.contains(base) { order.append(base) }
            if index == nil && !encoded {
                if plain[base] == nil { plain[base] = value }
                continue
            }
            var slot = sections[base] ?? [:]
            if slot.count >= maxSegments {
                if slot.count == maxSegments { defects.append(Defect(.invalidParameter, "\(base): too many sections")) }
                continue
            }
            slot[index ?? 0] = (value, encoded)
            sections[base] = slot
        }

        var result: [Parameter] = []
        for name in order {
            if let parts = sections[name] {
                // RFC 2231 wins over a plain parameter of the same name (clients send both for old readers).
                let (value, language) = assemble(name: name, sections: parts, legacyCharset: legacyCharset,
                                                 carried: carried, defects: &defects)
                result.append(Parameter(name: name, value: value, language: language))
            } else if let value = plain[name] {
                result.append(Parameter(name: name, value: decodePlain(value, name: name, legacyCharset: legacyCharset,
                                                                      carried: carried, defects: &defects), language: nil))
            }
        }
        return (MIMEParameters(result), defects)
    }

    /// Splits `a=b; c="d;e"` into lower-cased names and unquoted values.
    private static func splitRaw(_ text: Substring, defects: inout [Defect]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        func skipSpace() { while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == ";" { i += 1 } }
        while i < chars.count {
            skipSpace()
            guard i < chars.count else { break }
            var name = String.UnicodeScalarView()
            while i < chars.count, chars[i] != "=", chars[i] != ";" { name.append(chars[i]); i += 1 }
            let trimmedName = String(name).trimmingCharacters(in: " \t").lowercased()
            guard i < chars.count, chars[i] == "=" else {
                if !trimmedName.isEmpty { defects.append(Defect(.invalidParameter, "no value for \(trimmedName)")) }
                continue
            }
            i += 1
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            var value = String.UnicodeScalarView()
            if i < chars.count, chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    let c = chars[i]
                    if c == "\\", i + 1 < chars.count { value.append(chars[i + 1]); i += 2; continue }
                    if c == "\"" { closed = true; i += 1; break }
                    value.append(c); i += 1
                }
                if !closed { defects.append(Defect(.invalidParameter, "unterminated quote in \(trimmedName)")) }
                // Anything between the closing quote and the next ';' is junk.
                while i < chars.count, chars[i] != ";" { i += 1 }
            } else {
                // Unquoted: a token, but real mail has spaces in unquoted file names; read to the next ';'.
                while i < chars.count, chars[i] != ";" { value.append(chars[i]); i += 1 }
                var s = String(value)
                s = s.trimmingCharacters(in: " \t")
                value = s.unicodeScalars
            }
            if !trimmedName.isEmpty { pairs.append((trimmedName, String(value))) }
        }
        return pairs
    }

    private static func assemble(name: String, sections: [Int: (value: String, encoded: Bool)],
                                 legacyCharset: String, carried: Bool, defects: inout [Defect]) -> (String, String?)
    {
        var charset: String? = nil
        var language: String? = nil
        var bytes: [UInt8] = []
        let indices = sections.keys.sorted()
        if indices.first != 0 || indices.last != indices.count - 1 {
            defects.append(Defect(.invalidParameter, "\(name): missing RFC 2231 sections"))
        }
        for (position, index) in indices.enumerated() {
            guard let (value, encoded) = sections[index] else { continue }
            var text = Substring(value)
            if position == 0 && encoded {
                // charset'language'%xx... ; the two quotes may be missing in broken mail.
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    language = pieces[1].isEmpty ? nil : String(pieces[1])
                    text = pieces[2]
                }
            }
            // A raw byte in an RFC 2231 value is a byte of the value's declared charset, like a %XX.
            if encoded {
                bytes.append(contentsOf: percentDecode(text, name: name, carried: carried, defects: &defects))
            } else {
                bytes.append(contentsOf: carried ? RawHeaderText.bytes(text) : Array(text.utf8))
            }
        }
        let (decoded, charsetDefects) = Charset.decode(bytes, charset: charset, fallback: legacyCharset)
        defects.append(contentsOf: charsetDefects)
        return (decoded, language)
    }

    private static func percentDecode(_ text: Substring, name: String, carried: Bool, defects: inout [Defect]) -> [UInt8] {
        var out: [UInt8] = []
        let utf8 = carried ? RawHeaderText.bytes(text) : Array(text.utf8)
        var i = 0
        var bad = false
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let hi = hexValue(utf8[i + 1]), let lo = hexValue(utf8[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                if utf8[i] == UInt8(ascii: "%") { bad = true }
                out.append(utf8[i])
                i += 1
            }
        }
        if bad { defects.append(Defect(.invalidParameter, "\(name): bad percent escape")) }
        return out
    }

    private static func decodePlain(_ value: String, name: String, legacyCharset: String, carried: Bool,
                                    defects: inout [Defect]) -> String
    {
        if carried, !Charset.isASCII(value.utf8) {
            let (text, wordDefects) = RawHeaderText.decode(value, fallbackCharset: legacyCharset)
            defects.append(contentsOf: wordDefects)
            return text
        }
        // Gmail and Outlook put RFC 2047 words inside quoted file names; RFC 2047 forbids it, everyone reads it.
        if zip(value.utf8, value.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "=") && $1 == UInt8(ascii: "?") }) {
            let (text, wordDefects) = EncodedWord.decode(value, fallbackCharset: legacyCharset)
            defects.append(contentsOf: wordDefects)
            return text
        }
        return value
    }
}
