/// antiword's DocBook (`antiword -x db`) as a `FormDocument`: the paragraphs with the bold,
/// underline and strike-through antiword keeps as `<emphasis role=…>`, and tables as
/// `informaltable/tgroup/row/entry`, so a .doc reaches the extractor as a DOCX does. Its plain
/// text (`-m UTF-8.txt`) keeps neither: an underlined choice among listed options was lost.
///
/// What antiword does not give: formatting inside table cells (it writes a cell as one string,
/// a line per paragraph) and merged cells. A cell holding several lines may be a list whose
/// choice was underlined, so such a document says its formatting is not all visible.
extension WordText {
    static let docBookSkipped: Set<String> = ["bookinfo", "colspec", "footnote", "indexterm"]
    static let docBookBlocks: Set<String> = [
        "book", "chapter", "sect1", "sect2", "sect3", "sect4", "sect5", "section", "para", "title",
        "itemizedlist", "orderedlist", "listitem", "informaltable", "table",
    ]

    /// nil when the output is not antiword's DocBook (the caller then reads the plain text).
    static func docBook(_ output: [UInt8]) -> FormDocument? {
        // C0 controls other than tab and newline are not allowed in XML; antiword may pass a
        // page break or a field mark through. They never carry a form's words.
        var bytes = output.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        // antiword names the DocBook DTD, which the XML reader refuses (no DTD is ever loaded);
        // its declaration has no internal subset, so it ends at the first ">".
        if let start = firstIndex(of: Array("<!DOCTYPE".utf8), in: bytes),
           let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) {
            bytes.removeSubrange(start...end)
        }
        guard let tree = try? XMLTree.parse(bytes), tree.root.name == "book" else { return nil }
        var walker = DocBookWalker()
        let blocks = walker.blocks(tree.root)
        var document = FormDocument(blocks: blocks)
        document.showsFormatting = !walker.cellHasLines
        return document
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        // antiword writes it within the first lines.
        for i in 0...min(bytes.count - needle.count, 4096) where bytes[i] == needle[0] {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    struct DocBookWalker {
        /// A table cell held more than one line: antiword dropped whatever marks were on them.
        var cellHasLines = false

        mutating func blocks(_ container: XMLTree.Element) -> [FormDocument.Block] {
            var out: [FormDocument.Block] = []
            var runs: [Paragraph.Run] = []
            var madeAny = false
            for child in container.children {
                switch child {
                case .text(let s):
                    Self.append(s, Format(), to: &runs)
                case .element(let e) where WordText.docBookSkipped.contains(e.name):
                    continue
                case .element(let e) where WordText.docBookBlocks.contains(e.name):
                    out += Self.paragraphs(runs)
                    runs = []
                    if e.name == "informaltable" || e.name == "table" {
                        out.append(.table(table(e)))
                    } else {
                        out += blocks(e)
                    }
                    madeAny = true
                case .element(let e):
                    inline(e, Format(), into: &runs)
                }
            }
            let lines = Self.paragraphs(runs)
            out += lines
            // An empty Word paragraph is an empty paragraph, as the DOCX reader gives it.
            if container.name == "para", lines.isEmpty, !madeAny { out.append(.paragraph(Paragraph(runs: []))) }
            return out
        }

        struct Format {
            var underlined = false, bold = false, struckThrough = false
        }

        private func inline(_ e: XMLTree.Element, _ outer: Format, into runs: inout [Paragraph.Run]) {
            var format = outer
            if e.name == "emphasis" {
                switch e["role"] {
                case "bold", "strong": format.bold = true
                case "underline": format.underlined = true
                case "strikethrough": format.struckThrough = true
                default: break
                }
            }
            for child in e.children {
                switch child {
                case .text(let s): Self.append(s, format, to: &runs)
                case .element(let inner) where !WordText.docBookSkipped.contains(inner.name):
                    inline(inner, format, into: &runs)
                case .element: continue
                }
            }
        }

        private static func append(_ text: String, _ f: Format, to runs: inout [Paragraph.Run]) {
            guard !text.isEmpty else { return }
            if let last = runs.last, last.underlined == f.underlined, last.bold == f.bold, last.struckThrough == f.struckThrough {
                runs[runs.count - 1].text += text
            } else {
                runs.append(Paragraph.Run(text, underlined: f.underlined, bold: f.bold, struckThrough: f.struckThrough))
            }
        }

        /// Runs cut at antiword's newlines: the layout around its elements, and a cell's
        /// paragraphs. Blank lines are layout; spaces at a line's ends too.
        private static func paragraphs(_ runs: [Paragraph.Run]) -> [FormDocument.Block] {
            var out: [FormDocument.Block] = []
            var line: [Paragraph.Run] = []
            func finish() {
                while let first = line.first {
                    let trimmed = String(first.text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }))
                    if trimmed.isEmpty { line.removeFirst() } else { line[0].text = trimmed; break }
                }
                while let last = line.last {
                    var t = last.text
                    while let c = t.last, c == " " || c == "\t" || c == "\r" { t.removeLast() }
                    if t.isEmpty { line.removeLast() } else { line[line.count - 1].text = t; break }
                }
                if !line.isEmpty { out.append(.paragraph(Paragraph(runs: line))) }
                line = []
            }
            for run in runs {
                var first = true
                for piece in run.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { finish() }
                    first = false
                    guard !piece.isEmpty else { continue }
                    var r = run
                    r.text = String(piece)
                    line.append(r)
                }
            }
            finish()
            return out
        }

        /// Rows in order across tgroups: antiword starts a new tgroup where the number of
        /// columns changes, which is still the same table on the page.
        private mutating func table(_ e: XMLTree.Element) -> Table {
            var rows: [Table.Row] = []
            var stack: [XMLTree.Element] = [e]
            var found: [XMLTree.Element] = []
            while let next = stack.popLast() {
                if next.name == "row" { found.append(next); continue }
                if next.name == "entry" { continue }
                stack.append(contentsOf: next.elements.reversed())
            }
            for row in found {
                var cells: [Table.Cell] = []
                for entry in row.elements where entry.name == "entry" {
                    let content = blocks(entry)
                    if content.count > 1 { cellHasLines = true }
                    cells.append(Table.Cell(blocks: content))
                }
                rows.append(Table.Row(cells: cells))
            }
            return Table(rows: rows)
        }
    }
}
