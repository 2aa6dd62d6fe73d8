/// Text whose every character is one Unicode scalar, read by bytes instead of Characters.
///
/// Swift's Character and String `==` normalize non-ASCII text on every call, and walking a
/// String by Characters runs grapheme breaking on every letter: on Cyrillic forms that was a
/// large share of reading. For the scalars below a character is always exactly one scalar (none
/// joins a neighbour: no combining marks, joiners, prepended or spacing marks, and no "\r\n"),
/// and none is canonically equal to another scalar (no singletons such as the Kelvin sign or
/// the Greek question mark). In such text a Character equals an ASCII character exactly when
/// its byte does, so splitting or trimming at ASCII bytes gives what the Character code gives.
/// Any other text takes the Character code, which stays the reference.
extension Unicode.Scalar {
    /// Always a character of its own, and canonically equal to no other scalar.
    var standsAlone: Bool {
        switch value {
        case 0..<0x300: return true  // ASCII, Latin-1, Latin Extended; "\r\n" is the caller's to check
        case 0x400...0x482, 0x48A...0x52F: return true  // Cyrillic with Kazakh, without its combining marks
        case 0x2010...0x2027, 0x2030...0x205E: return true  // dashes, quotes, bullets; not the spaces and joiners
        case 0x20A0...0x20CF, 0x2116: return true  // currency signs, "№"
        case 0x2190...0x2328, 0x232B...0x27BF: return true  // arrows, symbols, check boxes, dingbats
        default: return false
        }
    }
}

extension String {
    /// Every character is a single scalar that stands alone (see above).
    var isSingleScalarText: Bool {
        var text = self
        return text.withUTF8 { $0.isSingleScalarText }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// UTF-8 whose every character is a single scalar that stands alone (see above).
    var isSingleScalarText: Bool {
        var i = 0
        while i < count {
            if self[i] == 0x0D, i + 1 < count, self[i + 1] == 0x0A { return false }
            let (scalar, length) = self.scalar(at: i)
            guard scalar.standsAlone else { return false }
            i += length
        }
        return true
    }

    /// The bytes as a String; `range` must start and end between scalars (at ASCII bytes).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// `range` without leading and trailing bytes in `set` (ASCII).
    func trimming(_ range: Range<Int>, _ set: (UInt8) -> Bool) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, set(self[lower]) { lower += 1 }
        while upper > lower, set(self[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
