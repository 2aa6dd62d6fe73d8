import MIME

/// The attachments of a winmail.dat (`application/ms-tnef`, MS-OXTNEF): just what the reader
/// needs, the file bytes and their names, Unicode long names first. libytnef is GPL and the
/// `tnef` tool aborts on damaged input; this reader is small, bounded and fuzzed instead.
public enum TNEFArchive {
    public struct Attachment: Sendable, Equatable {
        /// The long Unicode name (PR_ATTACH_LONG_FILENAME), else the 8-bit title; nil when neither is given.
        public let name: String?
        /// PR_ATTACH_MIME_TAG, when Outlook recorded one.
        public let mimeType: String?
        public let bytes: [UInt8]
    }

    public struct Limits: Sendable {
        public var maxAttachments = 64
        public var maxAttributes = 10_000
        public var maxProperties = 10_000
        public init() {}
    }

    public static let signature: [UInt8] = [0x78, 0x9F, 0x3E, 0x22]

    static let attAttachRendData: UInt32 = 0x0006_9002
    static let attAttachTitle: UInt32 = 0x0001_8010
    static let attAttachData: UInt32 = 0x0006_800F
    static let attAttachment: UInt32 = 0x0006_9005

    public static func read(_ bytes: [UInt8], limits: Limits = Limits()) -> Result<[Attachment], UnreadableReason> {
        guard bytes.starts(with: signature) else { return .failure(UnreadableReason(.corrupt, "winmail.dat: no TNEF signature")) }
        guard bytes.count >= 6 else { return .failure(UnreadableReason(.corrupt, "winmail.dat: cut short in its key")) }
        var reader = ByteReader(bytes: bytes, at: 6)  // signature and the u16 legacy key
        var attachments: [Attachment] = []
        var current: Pending? = nil
        var attributes = 0
        func finish() {
            if let done = current, let data = done.data { attachments.append(done.attachment(data)) }
            current = nil
        }
        while !reader.atEnd {
            attributes += 1
            guard attributes <= limits.maxAttributes else { return .failure(limit("more than \(limits.maxAttributes) attributes")) }
            guard let level = reader.u8(), let id = reader.u32(), let length = reader.u32() else {
                return .failure(UnreadableReason(.corrupt, "winmail.dat: attribute cut short at byte \(reader.at)"))
            }
            guard level == 1 || level == 2 else {
                return .failure(UnreadableReason(.corrupt, "winmail.dat: attribute level \(level) at byte \(reader.at - 9)"))
            }
            guard let data = reader.slice(Int(length)), let checksum = reader.u16() else {
                return .failure(UnreadableReason(.corrupt, "winmail.dat: attribute of \(length) bytes past the end"))
            }
            guard UInt16(truncatingIfNeeded: data.reduce(0) { $0 &+ UInt32($1) }) == checksum else {
                return .failure(UnreadableReason(.corrupt, "winmail.dat: checksum error in attribute 0x\(String(id, radix: 16))"))
            }
            guard level == 2 else { continue }
            switch id {
            case attAttachRendData:
                // Each attachment's attributes start with its rendering data.
                finish()
                guard attachments.count < limits.maxAttachments else {
                    return .failure(limit("more than \(limits.maxAttachments) attachments"))
                }
                current = Pending()
            case attAttachTitle:
                current?.title = Array(data.prefix { $0 != 0 })
            case attAttachData:
                current?.data = Array(data)
            case attAttachment:
                guard var pending = current else { continue }
                switch properties(data, limits: limits) {
                case .success(let found):
                    pending.longName = found.longName ?? pending.longName
                    pending.mimeType = found.mimeType ?? pending.mimeType
                    if pending.data == nil, let binary = found.data { pending.data = binary }
                    current = pending
                case .failure(let reason):
                    return .failure(reason)
                }
            default:
                continue
            }
        }
        finish()
        return .success(attachments)
    }

    private static func limit(_ what: String) -> UnreadableReason { UnreadableReason(.limitReached, "winmail.dat: \(what)") }

    struct Pending {
        var title: [UInt8]? = nil
        var longName: String? = nil
        var mimeType: String? = nil
        var data: [UInt8]? = nil

        func attachment(_ bytes: [UInt8]) -> Attachment {
            var name = longName
            if name == nil || name!.isEmpty, let title, !title.isEmpty {
                name = Charset.decode(title, charset: nil, fallback: Charset.defaultLegacy).text
            }
            return Attachment(name: name, mimeType: mimeType, bytes: bytes)
        }
    }

    /// The attachment's MAPI properties (attAttachment): the long file name, the MIME tag, and the
    /// data when it is there rather than in attAttachData.
    static func properties(_ data: ArraySlice<UInt8>, limits: Limits)
        -> Result<(longName: String?, mimeType: String?, data: [UInt8]?), UnreadableReason>
    {
        var reader = ByteReader(bytes: Array(data), at: 0)
        let corrupt = UnreadableReason(.corrupt, "winmail.dat: damaged attachment properties")
        guard let count = reader.u32() else { return .failure(corrupt) }
        guard count <= UInt32(limits.maxProperties) else { return .failure(limit("\(count) attachment properties")) }
        var longName: String? = nil, mimeType: String? = nil, binary: [UInt8]? = nil
        for _ in 0..<count {
            guard let type = reader.u16(), let id = reader.u16() else { return .failure(corrupt) }
            if id >= 0x8000 {
                // A named property: its GUID, then a number or a name.
                guard reader.slice(16) != nil, let kind = reader.u32() else { return .failure(corrupt) }
                if kind == 0 {
                    guard reader.u32() != nil else { return .failure(corrupt) }
                } else {
                    guard let length = reader.u32(), reader.slice(padded(Int(length))) != nil else { return .failure(corrupt) }
                }
            }
            let base = type & 0x0FFF
            let values: UInt32
            if type & 0x1000 != 0 || [0x1E, 0x1F, 0x102, 0x0D].contains(base) {
                guard let n = reader.u32(), n <= UInt32(limits.maxProperties) else { return .failure(corrupt) }
                values = n
            } else {
                values = 1
            }
            for _ in 0..<values {
                let value: ArraySlice<UInt8>
                switch base {
                case 0x1E, 0x1F, 0x102, 0x0D:
                    guard let length = reader.u32(), let bytes = reader.slice(Int(length)),
                          reader.slice(padded(Int(length)) - Int(length)) != nil else { return .failure(corrupt) }
                    value = bytes
                case 0x02, 0x03, 0x04, 0x0A, 0x0B:
                    guard let bytes = reader.slice(4) else { return .failure(corrupt) }
                    value = bytes
                case 0x05, 0x06, 0x07, 0x14, 0x40:
                    guard let bytes = reader.slice(8) else { return .failure(corrupt) }
                    value = bytes
                case 0x48:
                    guard let bytes = reader.slice(16) else { return .failure(corrupt) }
                    value = bytes
                default:
                    return .failure(UnreadableReason(.corrupt, "winmail.dat: unknown property type 0x\(String(type, radix: 16))"))
                }
                switch (id, base) {
                case (0x3707, 0x1F): longName = utf16(value)
                case (0x3707, 0x1E): longName = longName ?? Charset.decode(value.prefix { $0 != 0 }, charset: nil).text
                case (0x370E, 0x1F): mimeType = utf16(value)
                case (0x370E, 0x1E): mimeType = String(decoding: value.prefix { $0 != 0 }, as: UTF8.self)
                case (0x3701, 0x102): binary = Array(value)
                default: break
                }
            }
        }
        return .success((longName, mimeType, binary))
    }

    static func padded(_ n: Int) -> Int { (n + 3) / 4 * 4 }

    /// UTF-16LE up to its NUL.
    static func utf16(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let unit = UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    struct ByteReader {
        let bytes: [UInt8]
        var at: Int
        var atEnd: Bool { at >= bytes.count }

        mutating func slice(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, n <= bytes.count - at else { return nil }
            defer { at += n }
            return bytes[at..<(at + n)]
        }
        mutating func u8() -> UInt8? { slice(1)?.first }
        mutating func u16() -> UInt16? {
            guard let s = slice(2) else { return nil }
            return UInt16(s[s.startIndex]) | UInt16(s[s.startIndex + 1]) << 8
        }
        mutating func u32() -> UInt32? {
            guard let s = slice(4) else { return nil }
            return s.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
    }
}
