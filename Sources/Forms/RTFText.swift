import Foundation

/// An RTF document through `unrtf --html`, then the HTML reader, so table cells stay cells.
/// `unrtf --text` turns Cyrillic into "?"; its HTML writes every letter as `&#N;`, which is
/// right for LibreOffice's `\uN` and Word's `\ansicpg1251` alike.
public enum RTFText {
    public static let toolPath = "/usr/bin/unrtf"
    static let timeout: TimeInterval = 10
    static let maxOutput = 16 << 20
    static let limits = BoundedChild.Limits(addressSpace: 256 << 20, cpuSeconds: 10, fileSize: 0)

    public static func read(_ bytes: [UInt8], tool: String = toolPath) -> Result<FormDocument, UnreadableReason> {
        guard bytes.starts(with: Array("{\\rtf".utf8)) else {
            return .failure(UnreadableReason(.corrupt, "not an RTF document (no {\\rtf signature)"))
        }
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            return .failure(UnreadableReason(.toolMissing, "install unrtf to read .rtf documents"))
        }
        let child = BoundedChild(tool: tool, arguments: ["--html"], limits: limits, timeout: timeout, maxOutput: maxOutput)
        switch child.run(input: bytes) {
        case .cannotStart(let error):
            return .failure(UnreadableReason(.toolMissing, "unrtf could not start (\(error))"))
        case .deadline:
            return .failure(UnreadableReason(.limitReached, "reading the RTF took longer than \(Int(timeout)) s"))
        case .overflow:
            return .failure(UnreadableReason(.limitReached, "RTF text exceeds \(maxOutput) bytes"))
        case .signaled(let signal):
            return .failure(UnreadableReason(.corrupt, "the RTF reader crashed on this document (signal \(signal))"))
        case .exited(let status, let output):
            guard status == 0 else {
                return .failure(UnreadableReason(.corrupt, "unrtf could not read this RTF (exit \(status))"))
            }
            let document = HTMLText.document(repairingTableStarts(String(decoding: output, as: UTF8.self)))
            if document.plainText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                return .failure(UnreadableReason(.legacyFormat, "RTF without text"))
            }
            return .success(document)
        }
    }

    /// unrtf 0.21 writes the first character of a table's first cell before the row starts
    /// (`<table border="2">\n&#1058;<tr><td>.А.Ә.`), which would cut "Т.А.Ә." into "Т" and
    /// ".А.Ә."; the stray text goes back to the start of that cell.
    static func repairingTableStarts(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let table = rest.range(of: "<table") {
            guard let open = rest[table.upperBound...].firstIndex(of: ">") else { break }
            let afterOpen = rest.index(after: open)
            out += rest[..<afterOpen]
            rest = rest[afterOpen...]
            guard let row = rest.range(of: "<tr><td>") else { continue }
            let stray = rest[..<row.lowerBound]
            let text = stray.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.contains("<") {
                continue
            }
            out += "\n<tr><td>" + text
            rest = rest[row.upperBound...]
        }
        return out + rest
    }
}
