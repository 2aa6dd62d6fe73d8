/// A JSON value with object keys in the order they were given: `--json` output keeps stable,
/// documented keys in a readable order, which Foundation's encoder does not promise.
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// Compact JSON on one line.
    public func serialized() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The text as UTF-8. `pretty`: indented by two spaces, `"key" : value`, as Foundation's
    /// `JSONSerialization` lays it out, so files first written by it keep their bytes.
    public func bytes(pretty: Bool = false) -> [UInt8] {
        // Written as UTF-8 bytes and made a String once: every letter's reading is stored as
        // JSON, and appending to a String piece by piece was most of making it.
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// `indent`: nil for compact output, else the depth of this value in a pretty layout.
    private func write(to out: inout [UInt8], indent: Int?) {
        func newline(_ depth: Int) {
            out.append(0x0A)
            out += repeatElement(UInt8(ascii: " "), count: 2 * depth)
        }
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += String(n).utf8
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if indent != nil, items.isEmpty { newline(0) }
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(indent + 1) }
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            if indent != nil, pairs.isEmpty { newline(0) }
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(indent + 1) }
                JSON.writeString(key, to: &out)
                out += (indent == nil ? ":" : " : ").utf8
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escaped as Foundation's `JSONSerialization` escapes (without escaping slashes): quote,
    /// backslash, and control characters (`\b \f \n \r \t`, the rest as `\u00XX`); every other
    /// character is written as it is. One rule for every JSON tizilim writes, so the register's
    /// stored columns, first written by Foundation, keep their bytes.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case UInt8(ascii: "\n"): out += #"\n"#.utf8
            case UInt8(ascii: "\r"): out += #"\r"#.utf8
            case UInt8(ascii: "\t"): out += #"\t"#.utf8
            case 0..<0x20:
                out += #"\u00"#.utf8
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
    }
}
