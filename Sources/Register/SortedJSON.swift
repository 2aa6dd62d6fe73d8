/// Compact JSON as `JSONSerialization` writes it with `.sortedKeys` and
/// `.withoutEscapingSlashes`, for the stored register columns: the store compares that text,
/// so it must not change with the writer. Callers give object keys already sorted.
struct SortedJSON {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func object(_ members: [(key: String, write: (inout SortedJSON) -> Void)]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, member) in members.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(member.key)
            bytes.append(UInt8(ascii: ":"))
            member.write(&self)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ items: [T], _ write: (inout SortedJSON, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func null() { bytes += "null".utf8 }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func activity(_ a: RegisterActivity) {
        object([
            ("duration", { $0.string(a.duration) }), ("goal", { $0.string(a.goal) }), ("name", { $0.string(a.name) }),
            ("organizer", { $0.string(a.organizer) }), ("place", { $0.string(a.place) }),
            ("requirements", { $0.string(a.requirements) }), ("time", { $0.string(a.time) }),
        ])
    }
}
