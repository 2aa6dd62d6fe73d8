import CZlib

/// Bounds on what a ZIP archive may cost to open: attachments come from strangers, and a
/// few kilobytes of deflate can claim gigabytes.
public struct ZipLimits: Sendable, Equatable {
    public var maxEntries: Int
    /// The sum of all entries' declared sizes; since no entry may inflate past its declared
    /// size, this bounds what reading every entry can cost.
    public var maxTotalInflated: Int
    public var maxEntryInflated: Int
    public var maxCompressionRatio: Int
    /// Small entries are exempt from the ratio: a 10 KB run of spaces legitimately compresses
    /// beyond 200:1 and costs nothing.
    public var ratioExemptBelow: Int

    public init(maxEntries: Int = 2_000, maxTotalInflated: Int = 50 << 20, maxEntryInflated: Int = 20 << 20,
                maxCompressionRatio: Int = 200, ratioExemptBelow: Int = 64 << 10) {
        self.maxEntries = maxEntries
        self.maxTotalInflated = maxTotalInflated
        self.maxEntryInflated = maxEntryInflated
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioExemptBelow = ratioExemptBelow
    }

    public static let `default` = ZipLimits()
}

/// A ZIP archive read from memory through its central directory (the authoritative index;
/// local headers may carry zero sizes when a data descriptor follows).
public struct ZipArchive: Sendable {
    struct Entry: Sendable {
        let name: String
        let flags: UInt16
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    private let entries: [Entry]
    private let index: [String: Int]
    public let limits: ZipLimits

    public var entryNames: [String] { entries.map(\.name) }

    public init(bytes: [UInt8], limits: ZipLimits = .default) throws(UnreadableReason) {
        self.bytes = bytes
        self.limits = limits
        let eocd = try Self.findEndOfCentralDirectory(bytes)
        let diskNumber = bytes.zipU16(eocd + 4), cdDisk = bytes.zipU16(eocd + 6)
        let entriesOnDisk = Int(bytes.zipU16(eocd + 8)), totalEntries = Int(bytes.zipU16(eocd + 10))
        let cdSize = Int(bytes.zipU32(eocd + 12)), cdOffset = Int(bytes.zipU32(eocd + 16))
        if totalEntries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF
            || (eocd >= 20 && bytes.zipU32(eocd - 20) == 0x0706_4b50) {
            throw UnreadableReason(.unsupported, "ZIP64 archive")
        }
        if diskNumber != 0 || cdDisk != 0 || entriesOnDisk != totalEntries {
            throw UnreadableReason(.unsupported, "multi-volume ZIP archive")
        }
        if totalEntries > limits.maxEntries {
            throw UnreadableReason(.limitReached, "ZIP archive has \(totalEntries) entries (limit \(limits.maxEntries))")
        }
        guard cdOffset <= eocd, cdSize <= eocd - cdOffset else {
            throw UnreadableReason(.corrupt, "central directory lies outside the archive")
        }

        var entries: [Entry] = []
        var index: [String: Int] = [:]
        var totalDeclared = 0
        var p = cdOffset
        let cdEnd = cdOffset + cdSize
        for _ in 0..<totalEntries {
            guard p + 46 <= cdEnd, bytes.zipU32(p) == 0x0201_4b50 else {
                throw UnreadableReason(.corrupt, "central directory entry \(entries.count + 1) is damaged")
            }
            let nameLength = Int(bytes.zipU16(p + 28)), extraLength = Int(bytes.zipU16(p + 30))
            let commentLength = Int(bytes.zipU16(p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= cdEnd else {
                throw UnreadableReason(.corrupt, "central directory entry \(entries.count + 1) overruns the directory")
            }
            let compressed = Int(bytes.zipU32(p + 20)), uncompressed = Int(bytes.zipU32(p + 24))
            let offset = Int(bytes.zipU32(p + 42))
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw UnreadableReason(.unsupported, "ZIP64 entry")
            }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if index[name] != nil {
                // Two entries with one name: which one a consumer picks is a classic smuggling trick.
                throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" appears twice")
            }
            totalDeclared += uncompressed
            if totalDeclared > limits.maxTotalInflated {
                throw UnreadableReason(.limitReached,
                                       "ZIP archive declares more than \(limits.maxTotalInflated) bytes uncompressed")
            }
            index[name] = entries.count
            entries.append(Entry(name: name, flags: bytes.zipU16(p + 8), method: bytes.zipU16(p + 10),
                                 crc: bytes.zipU32(p + 16), compressedSize: compressed,
                                 uncompressedSize: uncompressed, localHeaderOffset: offset))
            p = next
        }
        self.entries = entries
        self.index = index
    }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    public func read(_ name: String) throws(UnreadableReason) -> [UInt8] {
        guard let i = index[name] else { throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" is missing") }
        let entry = entries[i]
        if entry.flags & 1 != 0 { throw UnreadableReason(.encrypted, "ZIP entry \"\(name)\" is encrypted") }
        if entry.uncompressedSize > limits.maxEntryInflated {
            throw UnreadableReason(.limitReached,
                                   "ZIP entry \"\(name)\" is \(entry.uncompressedSize) bytes (limit \(limits.maxEntryInflated))")
        }
        if entry.uncompressedSize >= limits.ratioExemptBelow,
           entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw UnreadableReason(.limitReached, "ZIP entry \"\(name)\" compresses beyond \(limits.maxCompressionRatio):1")
        }
        let h = entry.localHeaderOffset
        guard h <= bytes.count - 30, bytes.zipU32(h) == 0x0403_4b50 else {
            throw UnreadableReason(.corrupt, "local header of \"\(name)\" is missing")
        }
        let dataStart = h + 30 + Int(bytes.zipU16(h + 26)) + Int(bytes.zipU16(h + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" is truncated")
        }
        let data = bytes[dataStart..<(dataStart + entry.compressedSize)]
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw UnreadableReason(.corrupt, "stored ZIP entry \"\(name)\" has mismatched sizes")
            }
            out = Array(data)
        case 8:
            out = try Self.inflateRaw(data, expected: entry.uncompressedSize, name: name)
        default:
            throw UnreadableReason(.unsupported, "ZIP entry \"\(name)\" uses compression method \(entry.method)")
        }
        if Self.crc32(out) != entry.crc {
            throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" fails its CRC check")
        }
        return out
    }

    private static func findEndOfCentralDirectory(_ bytes: [UInt8]) throws(UnreadableReason) -> Int {
        guard bytes.count >= 22 else { throw UnreadableReason(.corrupt, "too short to be a ZIP archive") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var p = bytes.count - 22
        while p >= lowest {
            // The comment length must reach exactly to the end, or this is a signature look-alike.
            if bytes[p] == 0x50, bytes.zipU32(p) == 0x0605_4b50, p + 22 + Int(bytes.zipU16(p + 20)) == bytes.count {
                return p
            }
            p -= 1
        }
        throw UnreadableReason(.corrupt, "no ZIP end of central directory (truncated?)")
    }

    /// One-shot raw inflate into a buffer one byte larger than declared, so a stream that
    /// claims less than it produces is caught instead of trusted.
    private static func inflateRaw(_ input: ArraySlice<UInt8>, expected: Int, name: String) throws(UnreadableReason) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw UnreadableReason(.corrupt, "zlib refused to start inflating \"\(name)\"")
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: expected + 1)
        let rc: Int32 = input.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = UInt32(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        guard rc == Z_STREAM_END else {
            if produced > expected {
                throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" inflates beyond its declared size")
            }
            throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" has a damaged deflate stream")
        }
        guard produced == expected else {
            throw UnreadableReason(.corrupt, "ZIP entry \"\(name)\" inflates to \(produced) bytes, not the declared \(expected)")
        }
        out.removeLast(out.count - produced)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt = CZlib.crc32(0, nil, 0)
        var offset = 0
        // zlib takes a 32-bit length; chunk to stay within it whatever the size.
        while offset < bytes.count {
            let n = min(bytes.count - offset, 1 << 30)
            crc = bytes.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress! + offset, uInt(n)) }
            offset += n
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}

extension Array where Element == UInt8 {
    /// Little-endian reads that answer 0 past the end, so callers check bounds once, not per field.
    func zipU16(_ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= count else { return 0 }
        return UInt16(self[at]) | UInt16(self[at + 1]) << 8
    }

    func zipU32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= count else { return 0 }
        return UInt32(self[at]) | UInt32(self[at + 1]) << 8 | UInt32(self[at + 2]) << 16 | UInt32(self[at + 3]) << 24
    }
}

extension ZipArchive {
    /// "zlib 1.2.13", for `tizilim version` and bug reports.
    public static var libraryVersion: String { "zlib " + String(cString: zlibVersion()) }
}
