/// Text in which every Unicode scalar is a character of its own and has no other spelling:
/// printable ASCII, Latin-1 and Latin letters, Cyrillic, common punctuation and currency signs.
///
/// On such text, splitting, searching and comparing UTF-8 bytes answer exactly what String's
/// character- and normalization-aware operations answer, at a small fraction of their cost: no
/// scalar here joins its neighbour in a grapheme (no combining marks, controls, Hangul, emoji
/// parts), none has a canonical decomposition to another spelling of a neighbour, and none is a
/// singleton such as U+212A KELVIN SIGN that normalizes to another. Anything else (a combining
/// accent in an applicant's name, an emoji) sends callers down the String path.
package enum PlainScalars {
    package static func covers(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(covers)
    }

    /// `bytes` is valid UTF-8, as a String's are.
    package static func covers(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                guard lead >= 0x20, lead != 0x7F else { return false }
                i += 1
            } else if lead < 0xE0 {
                guard isPlain(UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) else { return false }
                i += 2
            } else if lead < 0xF0 {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard isPlain(value) else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    package static func isPlain(_ scalar: Unicode.Scalar) -> Bool { isPlain(scalar.value) }

    private static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E: return true
        // Latin-1 to the spacing modifier letters; U+00AD (soft hyphen) is a control for graphemes.
        case 0xA0...0xAC, 0xAE...0x2FF: return true
        // Cyrillic and its supplement, without the combining titlo and numeral signs (U+0483–U+0489).
        case 0x400...0x482, 0x48A...0x52F: return true
        // Dashes, quotes, bullets, ellipsis; not the spaces, joiners, directional marks or separators.
        case 0x2010...0x2027, 0x2030...0x205E: return true
        // Currency signs (₸), and № of every Russian and Kazakh form.
        case 0x20A0...0x20C0, 0x2116: return true
        default: return false
        }
    }
}
