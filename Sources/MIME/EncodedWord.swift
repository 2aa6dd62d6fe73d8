/// RFC 2047 encoded words (`=?charset?B|Q?text?=`), read the way real clients read them and
/// written the way every client can read them.
public enum EncodedWord {
    /// Decodes every encoded word in a header value; the rest of the text is kept as it is.
    ///
    /// - Parameters:
    ///   - fallbackCharset: used for words in a charset iconv does not know.
    ///   - limit: encoded words decoded at most; past it the text stays literal, so a hostile
    ///     header cannot make us do unbounded work.
    public static func decode(_ text: String, fallbackCharset: String = Charset.defaultLegacy,
                              limit: Int = 10_000) -> (text: String, defects: [Defect])
    {
        let input = Array(text.utf8)
        guard containsWordStart(input) else { return (text, []) }
        return decode(utf8: input, literal: { out, bytes in out.append(contentsOf: bytes); return [] },
                      fallbackCharset: fallbackCharset, limit: limit)
    }

    /// Decodes a header value as it arrived, raw 8-bit bytes and all: a raw byte inside an encoded
    /// word is a byte of the word's declared charset (Outlook and some webmail write
    /// `=?windows-1251?Q?…?=` with the Cyrillic unescaped), and the text between words is UTF-8
    /// if it is valid UTF-8, else `fallbackCharset`. Decoding the value to a String first and the
    /// words after would read such a byte twice, once in each charset.
    public static func decode(bytes input: [UInt8], fallbackCharset: String = Charset.defaultLegacy,
                              limit: Int = 10_000) -> (text: String, defects: [Defect])
    {
        decode(utf8: input, literal: { out, bytes in
            if Charset.isASCII(bytes) { out.append(contentsOf: bytes); return [] }
            let (text, defects) = Charset.decode(bytes, charset: nil, fallback: fallbackCharset)
            out.append(contentsOf: text.utf8)
            // The caller reports the raw 8-bit header itself.
            return defects.filter { $0.kind != .charsetMismatch }
        }, fallbackCharset: fallbackCharset, limit: limit)
    }

    /// The decoder proper; `literal` appends the text between words (as UTF-8) to `out`.
    private static func decode(utf8 input: [UInt8], literal: (inout [UInt8], ArraySlice<UInt8>) -> [Defect],
                               fallbackCharset: String, limit: Int) -> (text: String, defects: [Defect])
    {

        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var defects: [Defect] = []
        // Bytes of consecutive words in one charset, decoded together: Outlook and Mail.ru cut a
        // UTF-8 sequence in the middle when they split a long header into words.
        var runCharset: String? = nil
        var runLabel = ""
        var runBytes: [UInt8] = []
        var decodedWords = 0

        func flushRun() {
            guard let charset = runCharset else { return }
            let (decoded, charsetDefects) = Charset.decode(runBytes, charset: charset.isEmpty ? nil : runLabel,
                                                           fallback: fallbackCharset)
            out.append(contentsOf: decoded.utf8)
            defects.append(contentsOf: charsetDefects)
            runCharset = nil
            runBytes.removeAll(keepingCapacity: true)
        }

        var cache = CloseCache()
        var i = 0
        var literalStart = 0
        while i < input.count {
            guard input[i] == UInt8(ascii: "="), i + 1 < input.count, input[i + 1] == UInt8(ascii: "?") else {
                i += 1
                continue
            }
            if decodedWords >= limit {
                defects.append(Defect(.invalidEncodedWord, "more than \(limit) encoded words; the rest left as is"))
                break
            }
            switch scanWord(input, at: i, cache: &cache) {
            case .notAWord:
                i += 2
            case .malformed(let end, let why):
                defects.append(Defect(.invalidEncodedWord, "\(why): \(snippet(input[i..<end]))"))
                i = end
            case .word(let word):
                let between = input[literalStart..<i]
                // Whitespace between two encoded words is folding, not text (RFC 2047 §6.2).
                let adjacent = decodedWords > 0 && between.allSatisfy(isSpace)
                if !(adjacent && word.canonicalCharset == runCharset) {
                    flushRun()
                    if !adjacent { defects += literal(&out, between) }
                    runCharset = word.canonicalCharset
                    runLabel = word.label
                }
                if word.label.isEmpty {
                    defects.append(Defect(.invalidEncodedWord, "no charset: \(snippet(input[i..<word.end]))"))
                }
                let (bytes, wordDefects) = word.isBase64
                    ? decodeB(input[word.textStart..<word.textEnd])
                    : decodeQ(input[word.textStart..<word.textEnd])
                runBytes.append(contentsOf: bytes)
                defects.append(contentsOf: wordDefects)
                decodedWords += 1
                i = word.end
                literalStart = i
            }
        }
        flushRun()
        defects += literal(&out, input[literalStart...])
        return (String(decoding: out, as: UTF8.self), defects)
    }

    /// Encodes `text` for an outgoing header as UTF-8 encoded words, each at most 75 characters,
    /// separated by single spaces for the caller to fold at. Plain ASCII is returned as is, unless
    /// it holds line breaks or something a reader would take for an encoded word.
    public static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let needsEncoding = bytes.contains { $0 >= 0x80 || $0 == 0x0D || $0 == 0x0A }
            || containsWordStart(bytes)
        guard needsEncoding else { return text }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let plain = PlainScalars.covers(bytes)
            let b = words(bytes, pieceEnds: pieceEnds(text, bytes, plain: plain, base64: true), base64: true)
            let q = words(bytes, pieceEnds: pieceEnds(text, bytes, plain: plain, base64: false), base64: false)
            let shorter = length(q, bytes, base64: false) <= length(b, bytes, base64: true)
            return String(decoding: write(shorter ? q : b, bytes, base64: !shorter), as: UTF8.self)
        }
    }
}

// MARK: - Decoding

extension EncodedWord {
    struct Word {
        var label: String
        var canonicalCharset: String
        var isBase64: Bool
        var textStart: Int
        var textEnd: Int
        var end: Int
    }

    enum Scan {
        case notAWord
        case malformed(end: Int, why: String)
        case word(Word)
    }

    static func containsWordStart(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "?") { return true }
            i += 1
        }
        return false
    }

    /// Where the search for a word's closing "?=" stopped, kept between calls: every "=?" in
    /// `=?a?q?=?a?q?…` would otherwise search to the end again, quadratic on a hostile header.
    struct CloseCache {
        var from = Int.max
        var stop = 0
    }

    /// Reads an encoded word starting at `start` (which holds `=?`).
    static func scanWord(_ input: [UInt8], at start: Int) -> Scan {
        var cache = CloseCache()
        return scanWord(input, at: start, cache: &cache)
    }

    /// Like `scanWord(_:at:)`; calls for increasing `start` on one input must share `cache`.
    static func scanWord(_ input: [UInt8], at start: Int, cache: inout CloseCache) -> Scan {
        let question = UInt8(ascii: "?")
        var i = start + 2
        // Charset: anything up to the next '?' without whitespace. "=?" followed by anything else
        // is ordinary text ("2+2=?"), not a broken word.
        while i < input.count, input[i] != question, !isSpace(input[i]), input[i] != UInt8(ascii: "=") { i += 1 }
        guard i < input.count, input[i] == question, i - (start + 2) <= 64 else { return .notAWord }
        let charsetEnd = i
        guard i + 2 < input.count, input[i + 2] == question else {
            return .malformed(end: min(i + 1, input.count), why: "no encoding")
        }
        let isBase64: Bool
        switch input[i + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"): isBase64 = true
        case UInt8(ascii: "Q"), UInt8(ascii: "q"): isBase64 = false
        default: return .malformed(end: i + 3, why: "unknown encoding")
        }
        let textStart = i + 3
        // The text ends at the first "?="; clients put spaces in Q text, so spaces are allowed,
        // but not a line break: past one, a lone "=?" was never meant to be a word.
        if cache.from <= textStart, cache.stop >= textStart {
            i = cache.stop
        } else {
            i = textStart
            while i + 1 < input.count {
                if input[i] == question, input[i + 1] == UInt8(ascii: "=") { break }
                if input[i] == 0x0A || input[i] == 0x0D { break }
                i += 1
            }
            cache = CloseCache(from: textStart, stop: i)
        }
        guard i + 1 < input.count, input[i] == question, input[i + 1] == UInt8(ascii: "=") else {
            return .malformed(end: textStart, why: "unterminated")
        }
        var label = String(decoding: input[(start + 2)..<charsetEnd], as: UTF8.self)
        // RFC 2231 §5 language suffix: "utf-8*kk".
        if let star = label.firstIndex(of: "*") { label = String(label[..<star]) }
        let canonical = label.isEmpty ? "" : Charset.canonicalName(label)
        return .word(Word(label: label, canonicalCharset: canonical, isBase64: isBase64,
                          textStart: textStart, textEnd: i, end: i + 2))
    }

    static func decodeB(_ text: ArraySlice<UInt8>) -> ([UInt8], [Defect]) {
        let (bytes, defects) = Base64.decode(text)
        // Missing padding is common and harmless in words; only report what lost data.
        return (bytes, defects.filter { $0.kind != .invalidBase64Padding || text.count % 4 == 1 }
            .map { Defect($0.kind, "encoded word: \($0.detail)") })
    }

    static func decodeQ(_ text: ArraySlice<UInt8>) -> ([UInt8], [Defect]) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var bad = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == UInt8(ascii: "_") {
                out.append(0x20)
            } else if c == UInt8(ascii: "="), i + 2 < text.endIndex,
                      let hi = hexValue(text[i + 1]), let lo = hexValue(text[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
                continue
            } else {
                if c == UInt8(ascii: "=") { bad = true }
                out.append(c)
            }
            i += 1
        }
        return (out, bad ? [Defect(.invalidEncodedWord, "bad '=' escape in Q text kept as is")] : [])
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    static func snippet(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(80), as: UTF8.self)
    }
}

// MARK: - Encoding

extension EncodedWord {
    private static let prefix = "=?UTF-8?"
    /// 75 characters per word (RFC 2047 §2) minus "=?UTF-8?X?" and "?=".
    private static let payloadLimit = 75 - 12

    /// Where the text may be cut between words: after whole characters, so a reader that decodes
    /// word by word shows no broken glyphs; a grapheme too long for one word is split between
    /// scalars, never inside one.
    static func pieceEnds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, base64: Bool) -> [Int] {
        var ends: [Int] = []
        ends.reserveCapacity(bytes.count)
        if plain {
            // Every scalar is a character here: cut before each scalar's first byte without
            // asking String for graphemes.
            for i in 1..<max(bytes.count, 1) where bytes[i] & 0xC0 != 0x80 { ends.append(i) }
            if !bytes.isEmpty { ends.append(bytes.count) }
            return ends
        }
        var offset = 0
        for character in text {
            if fitsEmpty(character.utf8, base64: base64) {
                offset += character.utf8.count
                ends.append(offset)
            } else {
                for scalar in character.unicodeScalars {
                    offset += scalar.utf8.count
                    ends.append(offset)
                }
            }
        }
        return ends
    }

    /// Packs the pieces into words of at most `payloadLimit` encoded characters, first fit.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, pieceEnds: [Int], base64: Bool) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = 0, cost = 0, pieceStart = 0
        for end in pieceEnds {
            let pieceCost = base64 ? 0 : qLength(bytes[pieceStart..<end])
            let fits = base64 ? (end - start + 2) / 3 * 4 <= payloadLimit : cost + pieceCost <= payloadLimit
            if !fits, pieceStart > start {
                words.append(start..<pieceStart)
                start = pieceStart
                cost = 0
            }
            cost += pieceCost
            pieceStart = end
        }
        if pieceStart > start { words.append(start..<pieceStart) }
        return words
    }

    /// Characters the words take, spaces between them included.
    static func length(_ words: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>, base64: Bool) -> Int {
        words.reduce(max(words.count - 1, 0)) { total, word in
            total + 12 + (base64 ? (word.count + 2) / 3 * 4 : qLength(bytes[word]))
        }
    }

    /// The words, space-separated, as ASCII bytes.
    static func write(_ words: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>, base64: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(length(words, bytes, base64: base64))
        for (index, word) in words.enumerated() {
            if index > 0 { out.append(0x20) }
            out.append(contentsOf: prefix.utf8)
            if base64 {
                out.append(contentsOf: "B?".utf8)
                out.append(contentsOf: Base64.encode(buffer: UnsafeBufferPointer(rebasing: bytes[word]), lineLength: 0))
            } else {
                out.append(contentsOf: "Q?".utf8)
                for b in bytes[word] {
                    if b == 0x20 {
                        out.append(UInt8(ascii: "_"))
                    } else if isQSafe(b) {
                        out.append(b)
                    } else {
                        out.append(UInt8(ascii: "="))
                        out.append(hexDigits[Int(b >> 4)])
                        out.append(hexDigits[Int(b & 0x0F)])
                    }
                }
            }
            out.append(contentsOf: "?=".utf8)
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func qLength(_ bytes: some Collection<UInt8>) -> Int {
        bytes.reduce(0) { $0 + (isQSafe($1) ? 1 : 3) }
    }

    private static func fitsEmpty(_ bytes: some Collection<UInt8>, base64: Bool) -> Bool {
        if base64 { return (bytes.count + 2) / 3 * 4 <= payloadLimit }
        return qLength(bytes) <= payloadLimit
    }

    /// The characters RFC 2047 §5(3) allows in a Q word inside a phrase, the strictest context,
    /// so one encoding serves Subject and display names alike. Space becomes "_".
    private static func isQSafe(_ b: UInt8) -> Bool {
        switch b {
        case 0x20: return true
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
