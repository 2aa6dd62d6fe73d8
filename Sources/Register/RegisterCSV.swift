/// The register as CSV (RFC 4180): a header row of Annex 1's headings, then one record per entry.
public enum RegisterCSV {
    /// UTF-8 with a byte-order mark, without which Excel reads the Cyrillic as windows-1251.
    public static func bytes(_ rows: [RegisterRow], language: RegisterLanguage) -> [UInt8] {
        var text = record(language.headings)
        for row in rows { text += record(row.cells(language)) }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        // A spreadsheet runs a cell that starts with = + - @ as a formula; this is applicant text
        // opened by the public, so such a cell is kept as text with the apostrophe Excel understands.
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
