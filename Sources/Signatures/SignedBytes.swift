import Foundation

/// CMS/PKCS#7 as senders write it: DER, PEM (`-----BEGIN CMS-----`, `PKCS7`, `SIGNED MESSAGE`) or
/// bare base64 of the DER, whatever the file is called. Pure: no libcrypto.
public enum SignedBytes {
    /// id-signedData, 1.2.840.113549.1.7.2, as DER writes it.
    static let signedDataOID: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]

    /// Whether the bytes hold a CMS SignedData, judged by its first bytes (the DER, or the decoded
    /// head of its PEM or base64): cheap enough for every attachment.
    public static func looksSigned(_ bytes: [UInt8]) -> Bool {
        if bytes.first == 0x30 { return startsAsSignedData(bytes[...]) }
        guard let head = textualHead(bytes) else { return false }
        return startsAsSignedData(head[...])
    }

    /// The DER of a signed document in any of the three forms; nil when it is in none.
    public static func der(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.first == 0x30 { return bytes }
        var text = bytes[...]
        if let begin = find(Array("-----BEGIN".utf8), in: text) {
            // Between the BEGIN line and the END line.
            guard let lineEnd = text[begin...].firstIndex(of: 0x0A) else { return nil }
            text = text[(lineEnd + 1)...]
            if let end = find(Array("-----END".utf8), in: text) { text = text[..<end] }
        }
        guard let decoded = base64(text), decoded.first == 0x30 else { return nil }
        return decoded
    }

    /// The first bytes decoded from PEM or bare base64 text, enough to see the content type.
    private static func textualHead(_ bytes: [UInt8]) -> [UInt8]? {
        var text = bytes.prefix(4096)
        if let begin = find(Array("-----BEGIN".utf8), in: text) {
            guard let lineEnd = text[begin...].firstIndex(of: 0x0A) else { return nil }
            text = text[(lineEnd + 1)...]
        }
        // 24 base64 characters are 18 bytes: tag, length (up to 5 bytes) and the OID.
        var chars: [UInt8] = []
        for b in text {
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { continue }
            guard isBase64(b) else { return nil }
            chars.append(b)
            if chars.count == 32 { break }
        }
        guard chars.count == 32 else { return nil }
        return base64(chars[...])
    }

    private static func startsAsSignedData(_ der: ArraySlice<UInt8>) -> Bool {
        // SEQUENCE, a definite or indefinite length, then the contentType OID.
        guard der.count >= 2 + signedDataOID.count, der.first == 0x30 else { return false }
        let lengthByte = der[der.startIndex + 1]
        let lengthBytes = lengthByte < 0x80 ? 0 : Int(lengthByte & 0x7F)
        guard lengthBytes <= 4 else { return false }
        let oidStart = der.startIndex + 2 + lengthBytes
        guard der.endIndex - oidStart >= signedDataOID.count else { return false }
        return der[oidStart..<(oidStart + signedDataOID.count)].elementsEqual(signedDataOID)
    }

    private static func isBase64(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F || b == 0x3D
    }

    private static func base64(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var clean: [UInt8] = []
        clean.reserveCapacity(text.count)
        for b in text {
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { continue }
            guard isBase64(b) else { return nil }
            clean.append(b)
        }
        // Foundation wants padding; a cut PEM is decoded as far as it goes.
        clean = Array(clean.prefix(while: { $0 != 0x3D }))
        let whole = clean.count / 4 * 4
        var tail = Array(clean[whole...])
        clean.removeLast(tail.count)
        if tail.count >= 2 { tail += Array(repeating: 0x3D, count: 4 - tail.count); clean += tail }
        return Data(base64Encoded: Data(clean)).map { [UInt8]($0) }
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
