import MIME

/// Text from outside (applicant names, staff notes) made safe to set into a notice.
///
/// HTML escaping happens later, once, when the HTML part is written; here the concern is the
/// plain text: control characters, and bidirectional overrides that could make a name display
/// as something else (U+202E turns "evil.exe" around).
enum NoticeText {
    /// One line: every break and control becomes a space, runs of spaces become one.
    static func inline(_ text: String) -> String {
        if isInline(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars where !isBidiControl(scalar) {
            if isControl(scalar) || isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: scalar.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Several lines, as staff typed a note: each line made `inline`, blank lines kept as one.
    static func lines(_ text: String) -> [String] {
        // CRLF, CR and LF each end a line; a line feed is always a character of its own, so
        // cutting the bytes there is what splitting the String was.
        var out: [String] = []
        var bytes = Array(text.utf8)[...]
        while true {
            let end = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
            let line = inline(String(decoding: bytes[..<end], as: UTF8.self))
            if !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
            guard end < bytes.endIndex else { break }
            let crlf = bytes[end] == 0x0D && end + 1 < bytes.endIndex && bytes[end + 1] == 0x0A
            bytes = bytes[(crlf ? end + 2 : end + 1)...]
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    /// Whether `inline` would return the text as it is: Cyrillic, Latin and punctuation with
    /// single spaces inside, the usual name. Saves decoding scalars and asking their properties.
    private static func isInline(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if previous == 0x20 { return false }
            } else if !PlainScalars.isPlain(scalar) || value == 0xA0 {
                return false
            }
            previous = value < 0x80 ? UInt8(value) : 0x80
        }
        return previous != 0x20
    }

    /// Unicode's White_Space, without looking up properties for ASCII and plain letters.
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        if PlainScalars.isPlain(s) { return s.value == 0xA0 }
        return s.properties.isWhitespace
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    private static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F
            || s.value == 0xFEFF
    }
}
