/// RFC 3492 Punycode and the label-by-label domain conversion mail needs: `мки.қаз` is sent over
/// SMTP as `xn--h1adf.xn--80ao21a` and shown to staff in Cyrillic.
///
/// Not full IDNA2008 (no mapping tables or script rules): labels are lower-cased and converted,
/// which is what reading and replying to mail requires.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 128
    private static let acePrefix = "xn--"
    private static let maxLabelLength = 255

    /// The Punycode form of one label, without the `xn--` prefix; nil on overflow.
    static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        // Labels are at most 63 octets; the bound keeps the quadratic loop below cheap on junk.
        guard scalars.count <= maxLabelLength else { return nil }
        var output = scalars.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }

        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { break }
            let (step, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int(Int32.max) - step else { return nil }
            delta += step
            n = m
            for c in scalars {
                if c < n {
                    delta += 1
                    guard delta <= Int(Int32.max) else { return nil }
                }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The Unicode label for a Punycode string given without the `xn--` prefix; nil when invalid.
    static func decode(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.count <= maxLabelLength, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var output: [Int] = []
        var start = 0
        if let dash = bytes.lastIndex(of: UInt8(ascii: "-")) {
            output = bytes[..<dash].map(Int.init)
            start = dash + 1
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        var position = start
        while position < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < bytes.count, let d = digitValue(bytes[position]) else { return nil }
                position += 1
                let (dw, o1) = d.multipliedReportingOverflow(by: w)
                guard !o1, i <= Int(Int32.max) - dw else { return nil }
                i += dw
                let t = threshold(k, bias)
                if d < t { break }
                let (nw, o2) = w.multipliedReportingOverflow(by: base - t)
                guard !o2, nw <= Int(Int32.max) else { return nil }
                w = nw
                k += base
            }
            let count = output.count + 1
            bias = adapt(i - oldI, count, oldI == 0)
            guard i / count <= 0x10FFFF - n else { return nil }
            n += i / count
            i %= count
            guard n >= 0x80, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(n, at: i)
            i += 1
        }
        var text = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            text.append(scalar)
        }
        return String(text)
    }

    /// The domain with `xn--` labels shown in Unicode, lower-cased. A label that does not decode
    /// cleanly stays as written: showing a misleading name is worse than showing the ASCII form.
    static func toUnicode(domain: String) -> String {
        labels(of: domain).map { label -> String in
            let lower = label.lowercased()
            guard lower.hasPrefix(acePrefix) else { return lower }
            let rest = String(lower.dropFirst(acePrefix.count))
            guard let decoded = decode(rest), !decoded.unicodeScalars.allSatisfy({ $0.isASCII }),
                  decoded.lowercased() == decoded, encode(decoded) == rest
            else { return lower }
            return decoded
        }.joined(separator: ".")
    }

    /// The domain with every non-ASCII label as `xn--…`, lower-cased, for SMTP. A label too long
    /// to encode stays as written.
    static func toASCII(domain: String) -> String {
        labels(of: domain).map { label -> String in
            let lower = label.lowercased()
            guard !lower.unicodeScalars.allSatisfy({ $0.isASCII }), let encoded = encode(lower) else { return lower }
            return acePrefix + encoded
        }.joined(separator: ".")
    }

    /// Labels split at the full stop and the ideographic and full-width dots IDNA treats as one.
    private static func labels(of domain: String) -> [Substring] {
        domain.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "\u{3002}" || $0 == "\u{FF0E}" || $0 == "\u{FF61}" }
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> UInt8 {
        d < 26 ? UInt8(ascii: "a") + UInt8(d) : UInt8(ascii: "0") + UInt8(d - 26)
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0")) + 26
        default: return nil
        }
    }
}
