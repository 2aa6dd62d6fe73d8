/// UTF-8 decoding for XMLScanner, which reads a part's bytes without a String. The readers of
/// form text work on Strings (FormDocument is NFC); this stays only until XMLScanner is replaced
/// by libxml2 (branch xml-libxml2).
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
}
