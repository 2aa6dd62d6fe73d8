/// Reads the main text of a Word document (word/document.xml): paragraphs and tables with the
/// formatting the forms rely on, tracked insertions accepted and deletions dropped, check
/// boxes rendered as ☒/☐ so a choice survives as text.
public enum DocxReader {
    public static func read(_ bytes: [UInt8]) -> Result<FormDocument, UnreadableReason> {
        Result { () throws(UnreadableReason) in try document(bytes) }
    }

    static func document(_ bytes: [UInt8]) throws(UnreadableReason) -> FormDocument {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // A password-protected DOCX is an OLE2 file holding an "EncryptedPackage" stream.
            if containsUTF16(bytes, "EncryptedPackage") {
                throw UnreadableReason(.encrypted, "password-protected Word document")
            }
            throw UnreadableReason(.legacyFormat, "Word 97-2003 document (.doc)")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            throw UnreadableReason(.legacyFormat, "RTF document")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw UnreadableReason(.corrupt, "not a ZIP-based Word document")
        }
        let zip = try ZipArchive(bytes: bytes)
        let part = try mainPartName(zip)
        let tree = try XMLTree.parse(try zip.read(part))
        guard tree.root.name == "w:document", let body = tree.root.first("w:body") else {
            throw UnreadableReason(.corrupt, "\(part) has no w:document/w:body")
        }
        let walker = Walker()
        return FormDocument(blocks: walker.blocks(body))
    }

    /// word/document.xml by convention; the package relationships name it when a producer
    /// chose otherwise.
    private static func mainPartName(_ zip: ZipArchive) throws(UnreadableReason) -> String {
        if zip.contains("word/document.xml") { return "word/document.xml" }
        if zip.contains("_rels/.rels"), let rels = try? XMLTree.parse(try zip.read("_rels/.rels")) {
            for rel in rels.root.elements where rel["Type"]?.hasSuffix("/officeDocument") == true {
                if var target = rel["Target"] {
                    if target.hasPrefix("/") { target.removeFirst() }
                    if zip.contains(target) { return target }
                }
            }
        }
        throw UnreadableReason(.corrupt, "word/document.xml is missing")
    }

    private static func containsUTF16(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = needle.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard bytes.count >= n.count else { return false }
        var i = 0
        while i <= bytes.count - n.count {
            if bytes[i] == n[0], Array(bytes[i..<(i + n.count)]) == n { return true }
            i += 1
        }
        return false
    }

    struct Format: Equatable {
        var underlined = false
        var bold = false
        var struckThrough = false
        var highlighted = false
        var symbolFont = false
    }

    struct Walker {
        /// Containers whose content is read as if it stood in their place.
        static let transparent: Set<String> = [
            "w:sdtContent", "w:customXml", "w:ins", "w:moveTo", "w:smartTag", "w:hyperlink",
            "w:fldSimple", "w:dir", "w:bdo",
        ]
        /// Deleted text and properties: nothing an applicant meant to say.
        static let skipped: Set<String> = [
            "w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:sdtEndPr", "w:sectPr", "w:tblPr",
            "w:tblGrid", "w:trPr", "w:tcPr", "w:proofErr", "w:bookmarkStart", "w:bookmarkEnd",
        ]

        func blocks(_ container: XMLTree.Element) -> [FormDocument.Block] {
            var out: [FormDocument.Block] = []
            for e in container.elements {
                switch e.name {
                case "w:p": out.append(.paragraph(paragraph(e)))
                case "w:tbl": out.append(.table(table(e)))
                case "w:sdt":
                    if let box = checkBox(e) {
                        out.append(.paragraph(Paragraph(runs: [Paragraph.Run(box)])))
                    } else if let content = e.first("w:sdtContent") {
                        out += blocks(content)
                    }
                case _ where Self.skipped.contains(e.name): continue
                case _ where Self.transparent.contains(e.name): out += blocks(e)
                default: continue
                }
            }
            return out
        }

        func paragraph(_ p: XMLTree.Element) -> Paragraph {
            var runs: [Paragraph.Run] = []
            inline(p, into: &runs)
            // A shaded paragraph is highlighted as a whole.
            if let shading = p.first("w:pPr")?.first("w:shd"), Self.isShaded(shading) { return Self.highlighting(Paragraph(runs: runs)) }
            return Paragraph(runs: runs)
        }

        static func highlighting(_ p: Paragraph) -> Paragraph {
            Paragraph(runs: p.runs.map { var r = $0; r.highlighted = true; return r })
        }

        /// A shaded table cell: its text is highlighted.
        static func highlighting(_ blocks: [FormDocument.Block]) -> [FormDocument.Block] {
            blocks.map { block in
                switch block {
                case .paragraph(let p): .paragraph(highlighting(p))
                case .table: block
                }
            }
        }

        private func inline(_ container: XMLTree.Element, into runs: inout [Paragraph.Run]) {
            for e in container.elements {
                switch e.name {
                case "w:r": run(e, into: &runs)
                case "w:sdt":
                    if let box = checkBox(e) {
                        append(box, Format(), to: &runs)
                    } else if let content = e.first("w:sdtContent") {
                        inline(content, into: &runs)
                    }
                case _ where Self.skipped.contains(e.name): continue
                case _ where Self.transparent.contains(e.name): inline(e, into: &runs)
                default: continue
                }
            }
        }

        private func run(_ r: XMLTree.Element, into runs: inout [Paragraph.Run]) {
            let format = Self.format(r.first("w:rPr"))
            var text = ""
            for e in r.elements {
                switch e.name {
                case "w:t": text += format.symbolFont ? Self.symbolText(e.text) : e.text
                case "w:tab", "w:ptab": text += "\t"
                case "w:br", "w:cr": text += "\n"
                case "w:noBreakHyphen": text += "-"
                case "w:sym": text += Self.symbol(e["w:char"] ?? "")
                case "w:fldChar":
                    if let box = e.first("w:ffData")?.first("w:checkBox") { text += Self.legacyCheckBox(box) }
                default: continue
                }
            }
            append(text, format, to: &runs)
        }

        /// Adjacent runs with the same formatting are one run: Word splits words across runs
        /// for spell-check and revision marks, which would otherwise cut "underlined" words.
        private func append(_ text: String, _ format: Format, to runs: inout [Paragraph.Run]) {
            guard !text.isEmpty else { return }
            if let last = runs.last, last.underlined == format.underlined, last.bold == format.bold,
               last.struckThrough == format.struckThrough, last.highlighted == format.highlighted {
                runs[runs.count - 1].text += text
            } else {
                runs.append(Paragraph.Run(text, underlined: format.underlined, bold: format.bold,
                                          struckThrough: format.struckThrough, highlighted: format.highlighted))
            }
        }

        private func checkBox(_ sdt: XMLTree.Element) -> String? {
            guard let box = sdt.first("w:sdtPr")?.first("w14:checkbox") else { return nil }
            let checked = Self.isOn(box.first("w14:checked")?["w14:val"] ?? "0", absent: false)
            return checked ? "☒" : "☐"
        }

        func table(_ tbl: XMLTree.Element) -> Table {
            var rows: [Table.Row] = []
            for tr in Self.gather("w:tr", in: tbl) {
                if tr.first("w:trPr")?.first("w:del") != nil { continue }
                var cells: [Table.Cell] = []
                for tc in Self.gather("w:tc", in: tr) {
                    let props = tc.first("w:tcPr")
                    let span = Int(props?.first("w:gridSpan")?["w:val"] ?? "") ?? 1
                    var continues = false
                    if let merge = props?.first("w:vMerge") { continues = (merge["w:val"] ?? "continue") == "continue" }
                    let shaded = props?.first("w:shd").map(Self.isShaded) ?? false
                    cells.append(Table.Cell(blocks: shaded ? Self.highlighting(blocks(tc)) : blocks(tc), columnSpan: min(max(span, 1), 1_000),
                                            continuesAbove: continues))
                }
                rows.append(Table.Row(cells: cells))
            }
            return Table(rows: rows)
        }

        /// Rows and cells may sit inside content controls, custom XML or tracked insertions.
        private static func gather(_ name: String, in container: XMLTree.Element) -> [XMLTree.Element] {
            var out: [XMLTree.Element] = []
            for e in container.elements {
                if e.name == name {
                    out.append(e)
                } else if e.name == "w:sdt", let content = e.first("w:sdtContent") {
                    out += gather(name, in: content)
                } else if transparent.contains(e.name) {
                    out += gather(name, in: e)
                }
            }
            return out
        }

        static func format(_ rPr: XMLTree.Element?) -> Format {
            var f = Format()
            guard let rPr else { return f }
            if let u = rPr.first("w:u") { f.underlined = (u["w:val"] ?? "single") != "none" }
            if let b = rPr.first("w:b") { f.bold = isOn(b["w:val"]) }
            if let s = rPr.first("w:strike") { f.struckThrough = isOn(s["w:val"]) }
            if let s = rPr.first("w:dstrike"), isOn(s["w:val"]) { f.struckThrough = true }
            // The highlighter pen (w:highlight) or character shading (w:shd): how Word users mark a choice.
            if let h = rPr.first("w:highlight") { f.highlighted = Paragraph.Run.isBackgroundColour(h["w:val"] ?? "none") }
            if let shading = rPr.first("w:shd"), isShaded(shading) { f.highlighted = true }
            if let fonts = rPr.first("w:rFonts") {
                f.symbolFont = [fonts["w:ascii"], fonts["w:hAnsi"], fonts["w:cs"]]
                    .contains { $0?.lowercased().hasPrefix("wingdings") == true }
            }
            return f
        }

        /// A shading that shows: a fill colour other than none/white, or a solid or patterned fill.
        static func isShaded(_ shd: XMLTree.Element) -> Bool {
            if Paragraph.Run.isBackgroundColour(shd["w:fill"] ?? "auto") { return true }
            // A solid or patterned fill paints with the pattern colour (black when "auto").
            let pattern = (shd["w:val"] ?? "clear").lowercased()
            return !["clear", "nil", "none"].contains(pattern) && (shd["w:color"] ?? "auto").lowercased() != "ffffff"
        }

        static func isOn(_ value: String?, absent: Bool = true) -> Bool {
            guard let value else { return absent }
            return !["0", "false", "off", "none"].contains(value.lowercased())
        }

        static func legacyCheckBox(_ box: XMLTree.Element) -> String {
            let checked: Bool
            if let c = box.first("w:checked") {
                checked = isOn(c["w:val"])
            } else {
                checked = isOn(box.first("w:default")?["w:val"], absent: false)
            }
            return checked ? "☒" : "☐"
        }

        /// Wingdings code points (as Word stores them, F0xx) that mark a choice on a form.
        static let wingdings: [UInt32: String] = [
            0xFE: "☒", 0xFD: "☒", 0x78: "☒", 0xA8: "☐", 0x6F: "☐", 0x71: "☐", 0xFC: "✓", 0xFB: "✗",
        ]

        static func symbol(_ hex: String) -> String {
            guard let code = UInt32(hex, radix: 16) else { return "" }
            let low = code >= 0xF000 ? code - 0xF000 : code
            return wingdings[low] ?? ""
        }

        /// Text typed in a Wingdings font: the characters are glyph positions, not letters.
        static func symbolText(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                let v = scalar.value
                let low = v >= 0xF000 && v <= 0xF0FF ? v - 0xF000 : v
                if low <= 0xFF, let mapped = wingdings[low] { out += mapped } else { out.unicodeScalars.append(scalar) }
            }
            return out
        }
    }
}
