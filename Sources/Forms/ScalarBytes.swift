/// Reading single-scalar text (see SingleScalarText.swift) by its UTF-8 bytes: scalars decoded
/// by hand, and the Character properties the Character code asks (`isLetter`, `isNumber`,
/// `isWhitespace` look at a character's first scalar, which here is the character), answered
/// from the code point for ASCII and Cyrillic. Only for such text.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar that starts at `i` (valid UTF-8) and its length in bytes.
    @inline(__always)
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = self[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(self[i + 1] & 0x3F))!, 2)
        }
        if lead < 0xF0 {
            return (Unicode.Scalar(UInt32(lead & 0x0F) << 12 | UInt32(self[i + 1] & 0x3F) << 6 | UInt32(self[i + 2] & 0x3F))!, 3)
        }
        return (Unicode.Scalar(UInt32(lead & 0x07) << 18 | UInt32(self[i + 1] & 0x3F) << 12 | UInt32(self[i + 2] & 0x3F) << 6
            | UInt32(self[i + 3] & 0x3F))!, 4)
    }

    /// Whether a scalar in `range` satisfies `test`.
    func containsScalar(in range: Range<Int>, where test: (Unicode.Scalar) -> Bool) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let (s, n) = scalar(at: i)
            if test(s) { return true }
            i += n
        }
        return false
    }

    /// How many scalars in `range` satisfy `test`.
    func countScalars(in range: Range<Int>, where test: (Unicode.Scalar) -> Bool) -> Int {
        var i = range.lowerBound, count = 0
        while i < range.upperBound {
            let (s, n) = scalar(at: i)
            if test(s) { count += 1 }
            i += n
        }
        return count
    }

    /// The first index of `byte` (ASCII) in `range`.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if self[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The last index of `byte` (ASCII) in `range`.
    func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            if self[i] == byte { return i }
        }
        return nil
    }

    /// Whether the bytes in `range` hold `needle` (whole scalars: UTF-8 finds no match inside one).
    func contains(_ needle: StaticString, in range: Range<Int>) -> Bool {
        firstIndex(of: needle, in: range) != nil
    }

    /// Where `needle` first starts in `range`.
    func firstIndex(of needle: StaticString, in range: Range<Int>) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard n > 0, range.count >= n else { return nil }
        let p = needle.utf8Start
        var i = range.lowerBound
        while i <= range.upperBound - n {
            if self[i] == p[0] {
                var k = 1
                while k < n && self[i + k] == p[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether the bytes in `range` begin with `prefix`.
    func hasPrefix(_ prefix: StaticString, in range: Range<Int>) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard range.count >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where self[range.lowerBound + k] != p[k] { return false }
        return true
    }

    /// `range` without leading and trailing whitespace scalars (`catalogueTrimmed`).
    func trimmingWhitespace(_ range: Range<Int>) -> Range<Int> {
        trimmingScalars(range) { $0.isCharacterWhitespace }
    }

    /// `range` without leading and trailing scalars that satisfy `test`.
    func trimmingScalars(_ range: Range<Int>, _ test: (Unicode.Scalar) -> Bool) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper {
            let (s, n) = scalar(at: lower)
            guard test(s) else { break }
            lower += n
        }
        while upper > lower {
            var start = upper - 1
            while self[start] & 0xC0 == 0x80 { start -= 1 }
            guard test(scalar(at: start).scalar) else { break }
            upper = start
        }
        return lower..<upper
    }
}

extension Unicode.Scalar {
    /// `Character.isLetter` of a character that is this scalar alone.
    @inline(__always)
    var isCharacterLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x52F: return true
        case 0..<0x80: return false
        default: return properties.isAlphabetic
        }
    }

    /// `Character.isNumber` of a character that is this scalar alone.
    @inline(__always)
    var isCharacterNumber: Bool {
        switch value {
        case 0x30...0x39: return true
        case 0..<0x80, 0x400...0x481, 0x48A...0x52F: return false
        default: return properties.numericType != nil
        }
    }

    /// `Character.isWhitespace` of a character that is this scalar alone.
    @inline(__always)
    var isCharacterWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80, 0x400...0x52F: return false
        default: return properties.isWhitespace
        }
    }

    /// `lowercased()` of this scalar when that is one scalar as long in UTF-8 that stands alone;
    /// nil otherwise ("İ" becomes two scalars, "Ⱥ" a longer one): the caller reads such text by
    /// Characters.
    var sameLengthLowercase: Unicode.Scalar? {
        let v = value
        switch v {
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20)!
        case 0..<0x80: return self
        case 0x80..<0x530:
            let l = Unicode.Scalar.lowercaseTable[Int(v - 0x80)]
            return l == 0 ? nil : Unicode.Scalar(l)
        default:
            let mapped = properties.lowercaseMapping.unicodeScalars
            guard mapped.count == 1, let l = mapped.first, l.standsAlone, l.utf8.count == utf8.count else { return nil }
            return l
        }
    }

    /// `sameLengthLowercase` for U+0080..<U+0530, from Unicode's own mapping; 0 for none.
    static let lowercaseTable: [UInt32] = (0x80..<0x530).map { v in
        let s = Unicode.Scalar(UInt32(v))!
        let mapped = s.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let l = mapped.first, l.standsAlone, l.utf8.count == s.utf8.count else { return 0 }
        return l.value
    }
}

/// Lowercase UTF-8 of single-scalar text, byte for byte as long as the text (so a range of the
/// text is the same range of its lowercase), or nil when some scalar's lowercase is not one
/// stand-alone scalar of the same length.
func sameLengthLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: bytes.count)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
            out[i] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            i += 1
            continue
        }
        let (s, n) = bytes.scalar(at: i)
        guard let l = s.sameLengthLowercase else { return nil }
        var k = 0
        for u in l.utf8 { out[i + k] = u; k += 1 }
        i += n
    }
    return out
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The pieces between separator bytes (ASCII) outside parentheses, empty ones too
    /// (`Extraction.splitOutsideParentheses`).
    func piecesOutsideParentheses(_ isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, depth = 0
        for i in 0..<count {
            let c = self[i]
            if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth = Swift.max(0, depth - 1) }
            if depth == 0, isSeparator(c) {
                out.append(start..<i)
                start = i + 1
            }
        }
        out.append(start..<count)
        return out
    }
}
