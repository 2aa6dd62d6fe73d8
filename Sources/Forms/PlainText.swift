/// A plain-text body as paragraphs, one per line, blank lines kept so the layout stays
/// visible. Runs of two or more lines that look like a table (cells split by "|", or the same
/// number of tab-separated fields) become a `Table`, since applicants paste questionnaires
/// that way.
public enum PlainText {
    public static func document(_ text: String) -> FormDocument {
        var lines = Self.lines(text)
        if lines.last == "" { lines.removeLast() }  // the final newline ends a line, it does not add one

        var blocks: [FormDocument.Block] = []
        var i = 0
        while i < lines.count {
            if let (table, used) = table(at: i, in: lines) {
                blocks.append(.table(table))
                i += used
            } else {
                blocks.append(.paragraph(lines[i].isEmpty ? Paragraph(runs: []) : Paragraph(lines[i])))
                i += 1
            }
        }
        var document = FormDocument(blocks: blocks)
        document.showsFormatting = false
        return document
    }

    /// The text split at "\n", "\r\n" and "\r" (a "\r\n" is one Character, a line break).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    /// Cells of a table line, or nil when the line is not one.
    static func cells(_ line: String) -> (cells: [String], pipes: Bool)? {
        if line.contains("|") {
            var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.readerTrimmed }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
            // "|---|---|" rules in Markdown-like tables are borders, not rows.
            guard parts.count >= 2 else { return nil }
            return (parts, true)
        }
        if line.contains("\t") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true).map { $0.readerTrimmed }
            guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
            return (parts, false)
        }
        return nil
    }

    /// Only "|-+:= ", with a "-". The characters of a line made only of these bytes are those
    /// single ASCII scalars, and a byte outside them belongs to a character outside them.
    static func isRule(_ line: String) -> Bool {
        var hasDash = false
        for b in line.utf8 {
            switch b {
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: "|"), UInt8(ascii: "+"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: " "): continue
            default: return false
            }
        }
        return hasDash
    }

    private static func table(at start: Int, in lines: [String]) -> (Table, Int)? {
        guard let first = cells(lines[start]) else { return nil }
        var rows: [Table.Row] = []
        var i = start
        while i < lines.count {
            if first.pipes, isRule(lines[i]) { i += 1; continue }
            guard let row = cells(lines[i]), row.pipes == first.pipes,
                  first.pipes || row.cells.count == first.cells.count else { break }
            rows.append(Table.Row(cells: row.cells.map { Table.Cell($0) }))
            i += 1
        }
        guard rows.count >= 2 else { return nil }
        return (Table(rows: rows), i - start)
    }
}
