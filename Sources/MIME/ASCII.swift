/// Byte- and ASCII-level text helpers shared by the parsers in this module.

@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}

func asciiCaseInsensitiveEqual(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            guard x.count == y.count else { return false }
            for i in 0..<x.count where asciiLower(x[i]) != asciiLower(y[i]) { return false }
            return true
        }
    }
}

@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        // A handful of scalars, asked of every header parameter: a search, not a Set to hash.
        let scalars = set.unicodeScalars
        var view = Substring(self).unicodeScalars
        var trimmed = false
        while let f = view.first, scalars.contains(f) { view.removeFirst(); trimmed = true }
        while let l = view.last, scalars.contains(l) { view.removeLast(); trimmed = true }
        return trimmed ? String(view) : self
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
