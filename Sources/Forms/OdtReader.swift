/// Reads an OpenDocument text (content.xml): paragraphs, headings, lists and tables, with
/// underline, bold and strike-through resolved through the document's styles.
public enum OdtReader {
    public static func read(_ bytes: [UInt8]) -> Result<FormDocument, UnreadableReason> {
        Result { () throws(UnreadableReason) in try document(bytes) }
    }

    static func document(_ bytes: [UInt8]) throws(UnreadableReason) -> FormDocument {
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw UnreadableReason(.corrupt, "not a ZIP-based OpenDocument file")
        }
        let zip = try ZipArchive(bytes: bytes)
        if zip.contains("mimetype") {
            let type = String(decoding: try zip.read("mimetype"), as: UTF8.self)
            if !type.hasPrefix("application/vnd.oasis.opendocument.text") {
                throw UnreadableReason(.unsupported, "OpenDocument of type \(type.prefix(80)), not text")
            }
        }
        // Encryption leaves content.xml as ciphertext: say so rather than "not well-formed".
        if zip.contains("META-INF/manifest.xml") {
            let manifest = try XMLTree.parse(try zip.read("META-INF/manifest.xml"))
            if manifest.root.descendant("manifest:encryption-data") != nil {
                throw UnreadableReason(.encrypted, "password-protected OpenDocument")
            }
        }
        guard zip.contains("content.xml") else { throw UnreadableReason(.corrupt, "content.xml is missing") }
        let content = try XMLTree.parse(try zip.read("content.xml"))
        var styles = Styles()
        if zip.contains("styles.xml"), let shared = try? XMLTree.parse(try zip.read("styles.xml")) {
            styles.collect(shared.root)
        }
        styles.collect(content.root)
        guard let text = content.root.first("office:body")?.first("office:text") else {
            throw UnreadableReason(.corrupt, "content.xml has no office:body/office:text")
        }
        let walker = Walker(styles: styles, checkBoxes: checkBoxes(text.first("office:forms")))
        return FormDocument(blocks: walker.blocks(text))
    }

    /// Form check boxes (office:forms) by id: true when ticked. The text places them with `draw:control`.
    static func checkBoxes(_ forms: XMLTree.Element?) -> [String: (checked: Bool, label: String)] {
        var out: [String: (checked: Bool, label: String)] = [:]
        var stack = forms.map { [$0] } ?? []
        while let e = stack.popLast() {
            if e.name == "form:checkbox" || e.name == "form:radio", let id = e["form:id"] ?? e["xml:id"] {
                let state = e["form:current-state"] ?? e["form:state"] ?? (e["form:current-selected"] ?? e["form:selected"]).map { $0 == "true" ? "checked" : "unchecked" }
                out[id] = (state == "checked", e["form:label"] ?? "")
            }
            stack += e.elements
        }
        return out
    }

    /// Text properties a style sets; nil means "inherit".
    struct Properties {
        var underlined: Bool?
        var bold: Bool?
        var struckThrough: Bool?
        /// A background colour behind the text, its paragraph or its table cell.
        var highlighted: Bool?

        func over(_ base: Properties) -> Properties {
            Properties(underlined: underlined ?? base.underlined, bold: bold ?? base.bold,
                       struckThrough: struckThrough ?? base.struckThrough, highlighted: highlighted ?? base.highlighted)
        }
    }

    struct Styles {
        private var own: [String: (parent: String?, properties: Properties)] = [:]

        mutating func collect(_ root: XMLTree.Element) {
            for section in ["office:styles", "office:automatic-styles"] {
                guard let list = root.first(section) else { continue }
                for style in list.elements where style.name == "style:style" {
                    guard let name = style["style:name"] else { continue }
                    var p = Properties()
                    if let t = style.first("style:text-properties") {
                        if let u = t["style:text-underline-style"] { p.underlined = u != "none" }
                        if let w = t["fo:font-weight"] {
                            p.bold = w == "bold" || (Int(w).map { $0 >= 600 } ?? false)
                        }
                        if let s = t["style:text-line-through-style"] { p.struckThrough = s != "none" }
                    }
                    // The highlighter (text background), a shaded paragraph or a shaded table cell.
                    let backgrounds = ["style:text-properties", "style:paragraph-properties", "style:table-cell-properties"]
                        .compactMap { style.first($0)?["fo:background-color"] }
                    if !backgrounds.isEmpty { p.highlighted = backgrounds.contains(where: Paragraph.Run.isBackgroundColour) }
                    own[name] = (style["style:parent-style-name"], p)
                }
            }
        }

        /// A style with its ancestors' properties filled in; a bounded walk, since a parent
        /// chain in a hostile file may loop.
        func resolve(_ name: String?) -> Properties {
            var result = Properties()
            var current = name
            var steps = 0
            while let n = current, let style = own[n], steps < 32 {
                result = result.over(style.properties)
                current = style.parent
                steps += 1
            }
            return result
        }
    }

    struct Walker {
        let styles: Styles
        var checkBoxes: [String: (checked: Bool, label: String)] = [:]

        /// `base`: what the enclosing table cell's style gives its text (a shaded cell).
        func blocks(_ container: XMLTree.Element, base: Properties = Properties()) -> [FormDocument.Block] {
            var out: [FormDocument.Block] = []
            for e in container.elements {
                switch e.name {
                case "text:p", "text:h": out.append(.paragraph(paragraph(e, base: base)))
                case "table:table": out.append(.table(table(e)))
                case "text:list", "text:list-item", "text:list-header", "text:section", "text:numbered-paragraph":
                    out += blocks(e, base: base)
                default: continue
                }
            }
            return out
        }

        private func paragraph(_ p: XMLTree.Element, base: Properties) -> Paragraph {
            var runs: [Paragraph.Run] = []
            var pendingSpace = false
            inline(p, styles.resolve(p["text:style-name"]).over(base), into: &runs, pendingSpace: &pendingSpace)
            if let last = runs.last, last.text.hasSuffix(" "), pendingSpace {
                runs[runs.count - 1].text.removeLast()
                if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
            }
            return Paragraph(runs: runs)
        }

        /// ODF collapses white space in text like HTML does; `text:s` and `text:tab` are how
        /// a document asks for literal spacing. `collapsible` tracks whether the output ends
        /// in a space that came from collapsed source white space.
        private func inline(_ container: XMLTree.Element, _ format: Properties, into runs: inout [Paragraph.Run],
                            pendingSpace collapsible: inout Bool) {
            for child in container.children {
                switch child {
                case .text(let s):
                    var text = ""
                    for ch in s.unicodeScalars {
                        if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
                            let atStart = runs.isEmpty && text.isEmpty
                            if !collapsible && !atStart { text.append(" "); collapsible = true }
                        } else {
                            text.unicodeScalars.append(ch)
                            collapsible = false
                        }
                    }
                    append(text, format, to: &runs)
                case .element(let e):
                    switch e.name {
                    case "text:s":
                        let count = min(max(Int(e["text:c"] ?? "1") ?? 1, 1), 1_000)
                        append(String(repeating: " ", count: count), format, to: &runs)
                        collapsible = false
                    case "text:tab": append("\t", format, to: &runs); collapsible = false
                    case "text:line-break": append("\n", format, to: &runs); collapsible = false
                    case "draw:control":
                        // A form check box stands as ☒/☐ with its own label, so the choice survives as text.
                        if let box = e["draw:control"].flatMap({ checkBoxes[$0] }) {
                            append((box.checked ? "☒ " : "☐ ") + box.label, format, to: &runs)
                            collapsible = box.label.isEmpty
                        }
                    case "text:span":
                        inline(e, styles.resolve(e["text:style-name"]).over(format), into: &runs, pendingSpace: &collapsible)
                    case "text:note", "office:annotation", "office:annotation-end", "text:tracked-changes",
                         "text:change", "text:change-start", "text:change-end", "text:bookmark", "text:bookmark-start",
                         "text:bookmark-end", "text:soft-page-break", "draw:frame", "text:reference-mark",
                         "text:toc-mark", "text:alphabetical-index-mark":
                        continue
                    default:
                        // Links, fields (dates, page numbers, user fields), ruby and meta show their text.
                        inline(e, format, into: &runs, pendingSpace: &collapsible)
                    }
                }
            }
        }

        private func append(_ text: String, _ p: Properties, to runs: inout [Paragraph.Run]) {
            guard !text.isEmpty else { return }
            let u = p.underlined ?? false, b = p.bold ?? false, s = p.struckThrough ?? false, h = p.highlighted ?? false
            if let last = runs.last, last.underlined == u, last.bold == b, last.struckThrough == s, last.highlighted == h {
                runs[runs.count - 1].text += text
            } else {
                runs.append(Paragraph.Run(text, underlined: u, bold: b, struckThrough: s, highlighted: h))
            }
        }

        private func table(_ t: XMLTree.Element) -> Table {
            var rows: [Table.Row] = []
            // Per column: the width and remaining rows of a cell spanning down into later rows,
            // so covered cells under it become continuations and others (covered by a
            // horizontal span already counted in columnSpan) are dropped.
            var down: [Int: (width: Int, rows: Int)] = [:]
            for tr in Self.rows(t) {
                let repeats = min(max(Int(tr["table:number-rows-repeated"] ?? "1") ?? 1, 1), 100)
                for _ in 0..<repeats {
                    var cells: [Table.Cell] = []
                    var column = 0
                    var skip = 0
                    for tc in tr.elements where tc.name == "table:table-cell" || tc.name == "table:covered-table-cell" {
                        let repeatCells = min(max(Int(tc["table:number-columns-repeated"] ?? "1") ?? 1, 1), 100)
                        for _ in 0..<repeatCells {
                            defer { column += 1 }
                            if tc.name == "table:covered-table-cell" {
                                if let span = down[column], span.rows > 0 {
                                    cells.append(Table.Cell(blocks: [], columnSpan: span.width, continuesAbove: true))
                                    down[column] = span.rows > 1 ? (span.width, span.rows - 1) : nil
                                    skip = span.width - 1
                                } else if skip > 0 {
                                    skip -= 1
                                } else {
                                    cells.append(Table.Cell(blocks: [], columnSpan: 1, continuesAbove: true))
                                }
                                continue
                            }
                            let width = min(max(Int(tc["table:number-columns-spanned"] ?? "1") ?? 1, 1), 1_000)
                            let height = min(max(Int(tc["table:number-rows-spanned"] ?? "1") ?? 1, 1), 10_000)
                            if height > 1 { down[column] = (width, height - 1) }
                            skip = width - 1
                            cells.append(Table.Cell(blocks: blocks(tc, base: styles.resolve(tc["table:style-name"])), columnSpan: width))
                        }
                    }
                    rows.append(Table.Row(cells: cells))
                }
            }
            return Table(rows: rows)
        }

        private static func rows(_ container: XMLTree.Element) -> [XMLTree.Element] {
            var out: [XMLTree.Element] = []
            for e in container.elements {
                switch e.name {
                case "table:table-row": out.append(e)
                case "table:table-header-rows", "table:table-rows", "table:table-row-group": out += rows(e)
                default: continue
                }
            }
            return out
        }
    }
}
