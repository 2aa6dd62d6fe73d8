import Foundation

/// Text from outside (applicant names, staff notes) made safe to set into a notice.
///
/// HTML escaping happens later, once, when the HTML part is written; here the concern is the
/// plain text: control characters, and bidirectional overrides that could make a name display
/// as something else (U+202E turns "evil.exe" around).
enum NoticeText {
    /// One line: every break and control becomes a space, runs of spaces become one.
    static func inline(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars where !isBidiControl(scalar) {
            if isControl(scalar) || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Several lines, as staff typed a note: each line made `inline`, blank lines kept as one.
    static func lines(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false).map({ inline(String($0)) }) {
            if line.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    private static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F
            || s.value == 0xFEFF
    }
}
