import CZlib

/// Builds a ZIP archive in memory (test fixtures, XLSX export). Deterministic: every entry is
/// dated 1980-01-01 so the same input gives the same bytes.
public struct ZipWriter: Sendable {
    public enum Method: Sendable { case stored, deflated }

    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    /// zlib's CRC-32 in one call: an XLSX part is megabytes at most, far inside its 32-bit length.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        precondition(bytes.count < Int(UInt32.max), "a ZIP entry over 4 GiB needs ZIP64")
        return UInt32(truncatingIfNeeded: bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    public mutating func add(_ name: String, _ data: [UInt8], method: Method = .deflated) {
        let nameBytes = Array(name.utf8)
        let payload = method == .stored ? data : Self.deflateRaw(data)
        let methodCode: UInt16 = method == .stored ? 0 : 8
        let crc = Self.crc32(data)
        let offset = body.count
        let flags: UInt16 = 1 << 11  // names are UTF-8
        let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

        body.zipAppend32(0x0403_4b50); body.zipAppend16(20); body.zipAppend16(flags); body.zipAppend16(methodCode)
        body.zipAppend16(dosTime); body.zipAppend16(dosDate); body.zipAppend32(crc)
        body.zipAppend32(UInt32(truncatingIfNeeded: payload.count)); body.zipAppend32(UInt32(truncatingIfNeeded: data.count))
        body.zipAppend16(UInt16(truncatingIfNeeded: nameBytes.count)); body.zipAppend16(0)
        body += nameBytes
        body += payload

        directory.zipAppend32(0x0201_4b50); directory.zipAppend16(20); directory.zipAppend16(20); directory.zipAppend16(flags)
        directory.zipAppend16(methodCode); directory.zipAppend16(dosTime); directory.zipAppend16(dosDate); directory.zipAppend32(crc)
        directory.zipAppend32(UInt32(truncatingIfNeeded: payload.count)); directory.zipAppend32(UInt32(truncatingIfNeeded: data.count))
        directory.zipAppend16(UInt16(truncatingIfNeeded: nameBytes.count)); directory.zipAppend16(0); directory.zipAppend16(0)
        directory.zipAppend16(0); directory.zipAppend16(0); directory.zipAppend32(0)
        directory.zipAppend32(UInt32(truncatingIfNeeded: offset))
        directory += nameBytes
        count += 1
    }

    public mutating func add(_ name: String, _ text: String, method: Method = .deflated) {
        add(name, Array(text.utf8), method: method)
    }

    /// The finished archive; the writer can keep adding and be finished again.
    public var bytes: [UInt8] {
        var out = body
        out += directory
        out.zipAppend32(0x0605_4b50); out.zipAppend16(0); out.zipAppend16(0)
        out.zipAppend16(UInt16(truncatingIfNeeded: count)); out.zipAppend16(UInt16(truncatingIfNeeded: count))
        out.zipAppend32(UInt32(truncatingIfNeeded: directory.count)); out.zipAppend32(UInt32(truncatingIfNeeded: body.count))
        out.zipAppend16(0)
        return out
    }

    static func deflateRaw(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 16)
        let produced: Int = data.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = UInt32(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                _ = deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        out.removeLast(out.count - produced)
        return out
    }
}

extension Array where Element == UInt8 {
    mutating func zipAppend16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func zipAppend32(_ v: UInt32) {
        append(UInt8(v & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8((v >> 16) & 0xFF)); append(UInt8(v >> 24))
    }
}
