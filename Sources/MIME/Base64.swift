/// Base64 (RFC 2045 §6.8), decoded the way mail needs: line breaks and junk skipped,
/// bad or missing padding tolerated, concatenated blocks read through. Each oddity is a defect.
public enum Base64 {
    private static let invalid: UInt8 = 0xFF
    private static let space: UInt8 = 0xFE
    private static let pad: UInt8 = 0xFD

    private static let table: [UInt8] = {
        var t = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        for c in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C] { t[c] = space }
        t[Int(UInt8(ascii: "="))] = pad
        // URL-safe alphabet appears in hand-made mail; read it too.
        t[Int(UInt8(ascii: "-"))] = 62
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    public static func decode<C: Collection>(_ input: C) -> (bytes: [UInt8], defects: [Defect]) where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    static func decode(buffer: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], defects: [Defect]) {
        var junk = 0
        var badPadding = false
        let capacity = buffer.count / 4 * 3 + 3
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            table.withUnsafeBufferPointer { t in
                var o = 0
                var i = 0
                let n = buffer.count
                var acc: UInt32 = 0
                var have = 0
                var padding = false
                guard let src = buffer.baseAddress else { initialized = 0; return }
                while i < n {
                    // Fast path: four alphabet characters in a row, the bulk of any body.
                    if have == 0, !padding, i + 4 <= n {
                        let a = t[Int(src[i])], b = t[Int(src[i + 1])], c = t[Int(src[i + 2])], d = t[Int(src[i + 3])]
                        if (a | b | c | d) < 64 {
                            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[o] = UInt8(truncatingIfNeeded: v >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: v)
                            o += 3
                            i += 4
                            continue
                        }
                    }
                    let v = t[Int(src[i])]
                    i += 1
                    if v < 64 {
                        if padding {
                            // Data after padding: a second base64 block glued on. Start afresh.
                            padding = false
                        }
                        acc = acc << 6 | UInt32(v)
                        have += 1
                        if have == 4 {
                            out[o] = UInt8(truncatingIfNeeded: acc >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: acc)
                            o += 3
                            acc = 0
                            have = 0
                        }
                    } else if v == space {
                        continue
                    } else if v == pad {
                        if !padding { flush(&acc, &have, &o, out, &badPadding) }
                        padding = true
                    } else {
                        junk += 1
                    }
                }
                if have > 0 {
                    // Missing padding: decode what is there.
                    badPadding = true
                    flush(&acc, &have, &o, out, &badPadding)
                }
                initialized = o
            }
        }
        var defects: [Defect] = []
        if junk > 0 { defects.append(Defect(.invalidBase64Character, "\(junk) character(s) outside the alphabet skipped")) }
        if badPadding { defects.append(Defect(.invalidBase64Padding)) }
        return (bytes, defects)
    }

    @inline(__always)
    private static func flush(_ acc: inout UInt32, _ have: inout Int, _ o: inout Int,
                              _ out: UnsafeMutableBufferPointer<UInt8>, _ badPadding: inout Bool) {
        switch have {
        case 0: break
        case 1:
            // Six bits make no byte.
            badPadding = true
        case 2:
            out[o] = UInt8(truncatingIfNeeded: acc >> 4); o += 1
        case 3:
            out[o] = UInt8(truncatingIfNeeded: acc >> 10)
            out[o + 1] = UInt8(truncatingIfNeeded: acc >> 2); o += 2
        default: break
        }
        acc = 0
        have = 0
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes with CRLF line breaks every `lineLength` characters (76 for mail bodies; 0 for none).
    public static func encode<C: Collection>(_ input: C, lineLength: Int = 76) -> [UInt8] where C.Element == UInt8 {
        if let out = input.withContiguousStorageIfAvailable({ encode(buffer: $0, lineLength: lineLength) }) { return out }
        return Array(input).withUnsafeBufferPointer { encode(buffer: $0, lineLength: lineLength) }
    }

    /// Every body of every notice passes through here, so it writes into memory sized up front.
    static func encode(buffer: UnsafeBufferPointer<UInt8>, lineLength: Int) -> [UInt8] {
        let characters = (buffer.count + 2) / 3 * 4
        let breaks = lineLength > 0 ? (characters + lineLength - 1) / lineLength : 0
        return [UInt8](unsafeUninitializedCapacity: characters + 2 * breaks) { out, initialized in
            alphabet.withUnsafeBufferPointer { a in
                var o = 0
                var column = 0
                @inline(__always) func put(_ sextet: UInt32) {
                    out[o] = a[Int(sextet & 63)]
                    o += 1
                    column += 1
                    if column == lineLength { out[o] = 0x0D; out[o + 1] = 0x0A; o += 2; column = 0 }
                }
                @inline(__always) func pad() {
                    out[o] = 0x3D
                    o += 1
                    column += 1
                    if column == lineLength { out[o] = 0x0D; out[o + 1] = 0x0A; o += 2; column = 0 }
                }
                var i = 0
                let n = buffer.count
                // With lines a whole number of quads long (76 in mail), a break can only follow a quad.
                let quadLines = lineLength % 4 == 0
                while i + 3 <= n {
                    let v = UInt32(buffer[i]) << 16 | UInt32(buffer[i + 1]) << 8 | UInt32(buffer[i + 2])
                    if quadLines {
                        out[o] = a[Int(v >> 18 & 63)]
                        out[o + 1] = a[Int(v >> 12 & 63)]
                        out[o + 2] = a[Int(v >> 6 & 63)]
                        out[o + 3] = a[Int(v & 63)]
                        o += 4
                        column += 4
                        if column == lineLength { out[o] = 0x0D; out[o + 1] = 0x0A; o += 2; column = 0 }
                    } else {
                        put(v >> 18); put(v >> 12); put(v >> 6); put(v)
                    }
                    i += 3
                }
                if n - i == 1 {
                    let v = UInt32(buffer[i]) << 16
                    put(v >> 18); put(v >> 12); pad(); pad()
                } else if n - i == 2 {
                    let v = UInt32(buffer[i]) << 16 | UInt32(buffer[i + 1]) << 8
                    put(v >> 18); put(v >> 12); put(v >> 6); pad()
                }
                if lineLength > 0, column > 0 { out[o] = 0x0D; out[o + 1] = 0x0A; o += 2 }
                initialized = o
            }
        }
    }
}
