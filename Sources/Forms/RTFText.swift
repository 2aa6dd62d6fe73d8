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
        switch child.run(input: shadingAsHighlight(bytes)) {
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
            let document = HTMLText.document(repairingTables(String(decoding: output, as: UTF8.self)))
            if document.plainText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                return .failure(UnreadableReason(.legacyFormat, "RTF without text"))
            }
            return .success(document)
        }
    }

    /// Character shading (`\chcbpatN`, Word's and Writer's "Shading") marks a choice as the highlighter
    /// (`\highlightN`) does, and both name a colour of the colour table; unrtf prints only the
    /// highlighter (`<span style="background:…">`), so shading is renamed to it.
    static func shadingAsHighlight(_ bytes: [UInt8]) -> [UInt8] {
        let from = Array("\\chcbpat".utf8), to = Array("\\highlight".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            // A control word, not the text "\\chcbpat" (an escaped backslash before it), and with its number.
            if bytes[i] == 0x5C, i + from.count < bytes.count, bytes[i..<(i + from.count)].elementsEqual(from),
               i == 0 || bytes[i - 1] != 0x5C, (0x30...0x39).contains(bytes[i + from.count]) {
                out += to
                i += from.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// unrtf 0.21 opens a table's row and cell only when it prints a plain word (its
    /// `starting_text()`); characters written as `\uN` or `\'xx` bypass that, so a cell that begins
    /// with Cyrillic prints its first word before `<tr><td>` (`Туған<tr><td> жылы</td>`), and a cell
    /// of such words alone gets an empty `<td></td>` after its text and leaves the row's `<tr>` to
    /// the next cell. What it does print in the right place are the ends: `\cell` always writes
    /// `</td>` and `\row` `</tr>`. So a cell is rebuilt as everything between one end and the next,
    /// and the starts it printed are dropped. Marks left open at a cell's end are closed there, as
    /// unrtf itself opens them again in the next cell.
    static func repairingTables(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let table = rest.range(of: "<table") {
            guard let open = rest[table.upperBound...].firstIndex(of: ">") else { break }
            let afterOpen = rest.index(after: open)
            out += rest[..<afterOpen]
            rest = rest[afterOpen...]
            let end = rest.range(of: "</table>")
            out += rebuiltRows(rest[..<(end?.lowerBound ?? rest.endIndex)])
            guard let end else { return out }
            out += "</table>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The inside of one of unrtf's tables with every cell between its own `<td>` and `</td>`.
    private static func rebuiltRows(_ inside: Substring) -> String {
        var out = ""
        var cell: [Substring] = []
        var cellHasText = false
        var rowOpen = false
        func emitCell() {
            if !rowOpen { out += "<tr>"; rowOpen = true }
            out += "<td>"
            var open: [String] = []
            for token in cell {
                if token.hasPrefix("</") {
                    let name = tagName(token.dropFirst(2))
                    // Closing what an earlier cell opened (and closed at its end) is dropped.
                    guard let k = open.lastIndex(of: name) else { continue }
                    open.removeSubrange(k...)
                } else if token.hasPrefix("<"), !token.hasPrefix("<!"), !token.hasSuffix("/>") {
                    let name = tagName(token.dropFirst())
                    if !HTMLText.voidTags.contains(name) { open.append(name) }
                }
                out += token
            }
            for name in open.reversed() { out += "</\(name)>" }
            out += "</td>"
            cell = []
            cellHasText = false
        }
        var i = inside.startIndex
        while i < inside.endIndex {
            let token: Substring
            if inside[i] == "<", let close = inside[i...].firstIndex(of: ">") {
                token = inside[i...close]
                i = inside.index(after: close)
            } else {
                let next = inside[i...].firstIndex(of: "<").map { $0 == i ? inside.index(after: i) : $0 } ?? inside.endIndex
                token = inside[i..<next]
                i = next
                if token.contains(where: { !$0.isWhitespace }) { cellHasText = true }
                cell.append(token)
                continue
            }
            let closing = token.hasPrefix("</")
            let name = tagName(token.dropFirst(closing ? 2 : 1))
            switch (name, closing) {
            case ("tr", false), ("td", false):
                continue
            case ("td", true):
                emitCell()
            case ("tr", true):
                if cellHasText { emitCell() }
                cell = []
                if rowOpen { out += "</tr>"; rowOpen = false }
            default:
                cell.append(token)
            }
        }
        if cellHasText { emitCell() }
        if rowOpen { out += "</tr>" }
        return out
    }

    private static func tagName(_ s: Substring) -> String {
        String(s.prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
    }
}
