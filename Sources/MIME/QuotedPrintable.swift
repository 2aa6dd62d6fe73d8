import Glibc

/// Quoted-printable (RFC 2045 §6.7): soft line breaks, `=XX` in either case; a broken escape
/// stays as written (what the sender typed), with a defect.
public enum QuotedPrintable {
    public static func decode<C: Collection>(_ input: C) -> (bytes: [UInt8], defects: [Defect]) where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    static func decode(buffer: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], defects: [Defect]) {
        var broken = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: buffer.count) { out, initialized in
            guard let src = buffer.baseAddress else { initialized = 0; return }
            let n = buffer.count
            var i = 0
            var o = 0
            // Literal spaces and tabs just written: dropped if a line break follows. An encoded =20 is not.
            var padding = 0
            while i < n {
                // Copy the run up to the next '=' or line break in one go.
                var j = i
                while j < n {
                    let c = src[j]
                    if c == 0x3D || c == 0x0A || c == 0x0D { break }
                    j += 1
                }
                if j > i {
                    (out.baseAddress! + o).update(from: src + i, count: j - i)
                    o += j - i
                    var trailing = 0
                    while trailing < j - i, src[j - 1 - trailing] == 0x20 || src[j - 1 - trailing] == 0x09 { trailing += 1 }
                    padding = trailing == j - i ? padding + trailing : trailing
                    i = j
                    if i >= n { break }
                }
                let c = src[i]
                if c == 0x0D || c == 0x0A {
                    // Trailing whitespace before a line break is transport padding (RFC 2045): drop it.
                    o -= padding
                    padding = 0
                    out[o] = c; o += 1; i += 1
                    continue
                }
                // c == '='
                if i + 2 < n, let hi = hexValue(src[i + 1]), let lo = hexValue(src[i + 2]) {
                    out[o] = hi << 4 | lo; o += 1; i += 3
                    padding = 0
                    continue
                }
                // Soft line break: '=' then optional whitespace then CRLF, LF, or the end.
                var k = i + 1
                while k < n, src[k] == 0x20 || src[k] == 0x09 { k += 1 }
                if k >= n { i = k; continue }
                if src[k] == 0x0A { i = k + 1; continue }
                if src[k] == 0x0D { i = (k + 1 < n && src[k + 1] == 0x0A) ? k + 2 : k + 1; continue }
                broken += 1
                padding = 0
                out[o] = 0x3D; o += 1; i += 1
            }
            initialized = o
        }
        let defects = broken == 0 ? [] : [Defect(.invalidQuotedPrintable, "\(broken) malformed escape(s) kept as written")]
        return (bytes, defects)
    }

    /// Encodes text for a mail body: CRLF line breaks, lines at most 76 characters, soft breaks as needed.
    public static func encode<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 2)
        var line: [UInt8] = []
        func flushSoft() { out.append(contentsOf: line); out.append(contentsOf: [0x3D, 0x0D, 0x0A]); line.removeAll(keepingCapacity: true) }
        func emit(_ piece: [UInt8]) {
            if line.count + piece.count > 75 { flushSoft() }
            line.append(contentsOf: piece)
        }
        let bytes = Array(input)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; continue }
            if b == 0x0A || b == 0x0D {
                // Whitespace at a line's end would be stripped in transit: encode it.
                if let last = line.last, last == 0x20 || last == 0x09 {
                    line.removeLast()
                    emit([0x3D, hex[Int(last >> 4)], hex[Int(last & 15)]])
                }
                out.append(contentsOf: line); out.append(contentsOf: [0x0D, 0x0A]); line.removeAll(keepingCapacity: true)
                i += 1
                continue
            }
            // A leading '.' or "From " can be mangled by old MTAs; encoding the first byte avoids both.
            let atLineStart = line.isEmpty
            if (b >= 33 && b <= 126 && b != 0x3D && !(atLineStart && (b == 0x2E || b == 0x46))) || b == 0x20 || b == 0x09 {
                emit([b])
            } else {
                emit([0x3D, hex[Int(b >> 4)], hex[Int(b & 15)]])
            }
            i += 1
        }
        if let last = line.last, last == 0x20 || last == 0x09 {
            line.removeLast()
            emit([0x3D, hex[Int(last >> 4)], hex[Int(last & 15)]])
        }
        out.append(contentsOf: line)
        return out
    }
}
