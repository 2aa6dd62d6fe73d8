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
        return FormDocument(blocks: blocks)
    }

    /// The text split at "\n", "\r\n" and "\r", as a split by Characters splits it. Line breaks
    /// are always characters of their own (Unicode joins nothing to them but "\r" to "\n"), so
    /// this splits by bytes without walking Characters.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [String] = []
            var start = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x0A || b == 0x0D else { i += 1; continue }
                out.append(bytes.string(start..<i))
                i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            }
            out.append(bytes.string(start..<bytes.count))
            return out
        }
    }

    /// Cells of a table line, or nil when the line is not one.
    static func cells(_ line: String) -> (cells: [String], pipes: Bool)? {
        var text = line
        return text.withUTF8 { bytes in
            // Most lines have neither: answered without looking at their characters.
            guard bytes.contains(UInt8(ascii: "|")) || bytes.contains(UInt8(ascii: "\t")) else { return nil }
            guard bytes.isSingleScalarText else { return characterCells(line) }
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            func parts(_ separator: UInt8, omittingEmpty: Bool) -> [String] {
                var out: [String] = []
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == separator {
                    if !omittingEmpty || i > start { out.append(bytes.string(bytes.trimming(start..<i, blank))) }
                    start = i + 1
                }
                return out
            }
            if bytes.contains(UInt8(ascii: "|")) {
                var cells = parts(UInt8(ascii: "|"), omittingEmpty: false)
                if cells.first == "" { cells.removeFirst() }
                if cells.last == "" { cells.removeLast() }
                // "|---|---|" rules in Markdown-like tables are borders, not rows.
                guard cells.count >= 2 else { return nil }
                return (cells, true)
            }
            let cells = parts(UInt8(ascii: "\t"), omittingEmpty: true)
            guard cells.count >= 2, cells.allSatisfy({ !$0.isEmpty }) else { return nil }
            return (cells, false)
        }
    }

    /// `cells` by Characters, for lines with characters of several scalars. `contains("|")` is
    /// Foundation's search here, which compares character clusters.
    static func characterCells(_ line: String) -> (cells: [String], pipes: Bool)? {
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
