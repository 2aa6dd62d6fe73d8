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
        // Written as UTF-8 bytes and made a String once: every letter's reading is stored as
        // JSON, and appending to a String piece by piece was most of making it.
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += String(n).utf8
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Quotes, backslashes, control characters, DEL and U+2028/U+2029 (which end a line in
    /// JavaScript) are escaped; every other character is written as it is.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        if !needsEscaping(s) {
            // Nearly every value: copied whole.
            out += s.utf8
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#.utf8
            case "\\": out += #"\\"#.utf8
            case "\n": out += #"\n"#.utf8
            case "\r": out += #"\r"#.utf8
            case "\t": out += #"\t"#.utf8
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x2028 && scalar.value <= 0x2029) {
                    let hex = String(scalar.value, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                } else {
                    out += UTF8.encode(scalar)!
                }
            }
        }
    }

    /// Whether the text holds a quote, a backslash, a control character, DEL, or U+2028/U+2029
    /// (UTF-8 E2 80 A8/A9): what `writeString` escapes.
    private static func needsEscaping(_ s: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in s.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
