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
        let data = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 3 * 4 + data.count / 57 * 2 + 8)
        var column = 0
        var i = 0
        func put(_ c: UInt8) {
            out.append(c)
            column += 1
            if lineLength > 0, column == lineLength { out.append(0x0D); out.append(0x0A); column = 0 }
        }
        while i + 3 <= data.count {
            let v = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
            put(alphabet[Int(v >> 18 & 63)]); put(alphabet[Int(v >> 12 & 63)])
            put(alphabet[Int(v >> 6 & 63)]); put(alphabet[Int(v & 63)])
            i += 3
        }
        let rest = data.count - i
        if rest == 1 {
            let v = UInt32(data[i]) << 16
            put(alphabet[Int(v >> 18 & 63)]); put(alphabet[Int(v >> 12 & 63)]); put(0x3D); put(0x3D)
        } else if rest == 2 {
            let v = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
            put(alphabet[Int(v >> 18 & 63)]); put(alphabet[Int(v >> 12 & 63)]); put(alphabet[Int(v >> 6 & 63)]); put(0x3D)
        }
        if lineLength > 0, column > 0 { out.append(0x0D); out.append(0x0A) }
        return out
    }
}
