/// An HTML mail body as paragraphs and tables. Not a browser: one forward pass over the bytes,
/// tolerant of the broken markup mail clients produce, keeping what the forms need (table
/// cells, underlining, bold) and dropping scripts, styles, the head and comments.
public enum HTMLText {
    public static func document(_ html: String) -> FormDocument {
        var builder = Builder()
        var scanner = Scanner(bytes: Array(html.utf8))
        scanner.run(&builder)
        return builder.finish()
    }

    struct Style: Equatable {
        var underlined = false
        var bold = false
        var struckThrough = false
        var highlighted = false
    }

    /// Tags whose start and end both end the current paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd",
        "hr", "address", "center", "section", "article", "header", "footer", "form", "fieldset", "caption",
        "body", "html",
    ]
    /// Elements whose content is never shown.
    static let hiddenTags: Set<String> = ["script", "style", "head", "title", "template", "noscript", "xml", "object"]
    static let voidTags: Set<String> = ["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"]

    struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run(_ b: inout Builder) {
            var textStart = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                let tagStart = i
                if startsWith("<!--", at: i) {
                    b.text(bytes[textStart..<tagStart])
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                    textStart = i
                    continue
                }
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let isEnd = next == UInt8(ascii: "/")
                let nameStart = isEnd ? i + 2 : i + 1
                let first = nameStart < bytes.count ? bytes[nameStart] : 0
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    b.text(bytes[textStart..<tagStart])
                    i = find(">", from: i + 1).map { $0 + 1 } ?? bytes.count
                    textStart = i
                    continue
                }
                guard Self.isLetter(first) else { i += 1; continue }  // a bare "<" is text
                b.text(bytes[textStart..<tagStart])
                var j = nameStart
                while j < bytes.count, Self.isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                let end = tagEnd(from: j)
                let attributes = isEnd ? [:] : Self.attributes(bytes[j..<min(end, bytes.count)])
                i = min(end + 1, bytes.count)
                textStart = i
                if isEnd {
                    b.end(name)
                } else if name == "script" || name == "style" || name == "title" || name == "textarea" {
                    // Raw text: nothing inside is markup, so jump straight to the closing tag.
                    let close = findCaseInsensitive("</" + name, from: i) ?? bytes.count
                    if name == "textarea" { b.start(name, attributes); b.text(bytes[i..<close]); b.end(name) }
                    i = find(">", from: close).map { $0 + 1 } ?? bytes.count
                    textStart = i
                } else {
                    b.start(name, attributes)
                }
            }
            b.text(bytes[textStart..<bytes.count])
        }

        /// The closing ">" of a tag, skipping quoted attribute values; the end of input if none.
        private func tagEnd(from start: Int) -> Int {
            var j = start
            var quote: UInt8 = 0
            while j < bytes.count {
                let c = bytes[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    // Only a quote right after "=" opens a value; stray quotes elsewhere do not.
                    var k = j - 1
                    while k > start, bytes[k] == 0x20 { k -= 1 }
                    if bytes[k] == UInt8(ascii: "=") { quote = c }
                } else if c == UInt8(ascii: ">") {
                    return j
                }
                j += 1
            }
            return bytes.count
        }

        static func attributes(_ s: ArraySlice<UInt8>) -> [String: String] {
            var out: [String: String] = [:]
            var j = s.startIndex
            while j < s.endIndex {
                while j < s.endIndex, !isNameByte(s[j]) { j += 1 }
                let nameStart = j
                while j < s.endIndex, isNameByte(s[j]) { j += 1 }
                guard nameStart < j else { break }
                let name = String(decoding: s[nameStart..<j], as: UTF8.self).lowercased()
                while j < s.endIndex, s[j] == 0x20 { j += 1 }
                var value = ""
                if j < s.endIndex, s[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < s.endIndex, s[j] == 0x20 { j += 1 }
                    if j < s.endIndex, s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
                        let q = s[j]
                        j += 1
                        let vStart = j
                        while j < s.endIndex, s[j] != q { j += 1 }
                        value = String(decoding: s[vStart..<j], as: UTF8.self)
                        j += 1
                    } else {
                        let vStart = j
                        while j < s.endIndex, s[j] > 0x20, s[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: s[vStart..<j], as: UTF8.self)
                    }
                }
                if out[name] == nil { out[name] = value }
            }
            return out
        }

        private func startsWith(_ s: StaticString, at k: Int) -> Bool {
            let n = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
            return k + n.count <= bytes.count && bytes[k..<(k + n.count)].elementsEqual(n)
        }

        private func find(_ s: StaticString, from k: Int) -> Int? {
            let first = s.utf8Start.pointee
            var j = k
            while j + s.utf8CodeUnitCount <= bytes.count {
                if bytes[j] == first, startsWith(s, at: j) { return j }
                j += 1
            }
            return nil
        }

        private func findCaseInsensitive(_ s: String, from k: Int) -> Int? {
            let n = Array(s.lowercased().utf8)
            var j = k
            while j + n.count <= bytes.count {
                if bytes[j] == n[0] {
                    var m = 1
                    while m < n.count, Self.lower(bytes[j + m]) == n[m] { m += 1 }
                    if m == n.count { return j }
                }
                j += 1
            }
            return nil
        }

        static func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
        static func isNameByte(_ c: UInt8) -> Bool {
            isLetter(c) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: "_")
        }
    }

    /// Assembles blocks: a stack of containers (the document, then each open table cell) and a
    /// stack of open tables; inline formatting is a stack of open elements.
    struct Builder {
        struct Container {
            var blocks: [FormDocument.Block] = []
            var runs: [Paragraph.Run] = []
            /// The last thing written was white space (or nothing yet), so more is dropped.
            var afterSpace = true
        }

        struct OpenTable {
            var rows: [Table.Row] = []
            var cells: [Table.Cell]?
            var cellOpen = false
            var cellSpan = 1
            /// The open row's and cell's background (bgcolor or a CSS background): their text is highlighted.
            var rowHighlighted = false
            var cellHighlighted = false
            /// Inline elements open when the table began: closed again when it ends, so an
            /// unclosed <u> in a cell does not underline the rest of the message.
            var inlineDepth = 0
        }

        static let maxInlineDepth = 256
        static let maxTables = 64

        var containers: [Container] = [Container()]
        var tables: [OpenTable] = []
        var inline: [(name: String, style: Style)] = []
        var hidden = 0
        var preformatted = 0

        var style: Style { inline.last?.style ?? Style() }

        mutating func start(_ name: String, _ attributes: [String: String]) {
            if HTMLText.hiddenTags.contains(name) {
                hidden = min(hidden + 1, 64)
                return
            }
            if name == "body" { hidden = 0 }  // an unclosed <head> ends where the body starts
            switch name {
            case "br":
                breakLine()
            case "input":
                // A form's check box saved as HTML: the tick as a mark the choice reader knows.
                guard hidden == 0, let type = attributes["type"]?.lowercased(), type == "checkbox" || type == "radio" else { return }
                append(attributes["checked"] != nil ? "☒ " : "☐ ", collapse: true)
            case "table":
                guard tables.count < Self.maxTables else { return }
                flush()
                tables.append(OpenTable(inlineDepth: inline.count))
            case "tr":
                guard !tables.isEmpty else { return flush() }
                closeCell(); closeRow()
                tables[tables.count - 1].cells = []
                tables[tables.count - 1].rowHighlighted = Self.background(attributes) ?? false
            case "td", "th":
                guard !tables.isEmpty else { return flush() }
                openCell(span: Int(attributes["colspan"] ?? "") ?? 1)
                let top = tables.count - 1
                tables[top].cellHighlighted = Self.background(attributes) ?? tables[top].rowHighlighted
            default:
                if HTMLText.blockTags.contains(name) {
                    flush()
                    if name == "pre" { preformatted += 1 }
                    // A paragraph cannot hold another: an unclosed <p>'s background ends where the next one starts.
                    if name == "p" || name == "li",
                       let k = inline[(tables.last?.inlineDepth ?? 0)...].lastIndex(where: { $0.name == name }) {
                        inline.removeSubrange(k...)
                    }
                    // A block's own background highlights its text, as a span's would.
                    if let shown = Self.background(attributes), shown != style.highlighted, inline.count < Self.maxInlineDepth {
                        var s = style
                        s.highlighted = shown
                        inline.append((name, s))
                    }
                } else if !HTMLText.voidTags.contains(name) {
                    var s = style
                    switch name {
                    case "u", "ins": s.underlined = true
                    case "b", "strong": s.bold = true
                    case "s", "strike", "del": s.struckThrough = true
                    case "mark": s.highlighted = true
                    default: break
                    }
                    if let css = attributes["style"]?.lowercased() { Self.apply(css, to: &s) }
                    if let colour = attributes["bgcolor"] { s.highlighted = Paragraph.Run.isBackgroundColour(colour) }
                    if inline.count < Self.maxInlineDepth { inline.append((name, s)) }
                }
            }
        }

        /// The background an element's bgcolor or style gives, nil when it sets none.
        static func background(_ attributes: [String: String]) -> Bool? {
            var s = Style()
            var set = false
            if let colour = attributes["bgcolor"] { s.highlighted = Paragraph.Run.isBackgroundColour(colour); set = true }
            if let css = attributes["style"]?.lowercased(), css.contains("background") {
                apply(css, to: &s)
                set = true
            }
            return set ? s.highlighted : nil
        }

        static func apply(_ css: String, to s: inout Style) {
            for declaration in css.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let property = parts[0].readerTrimmed, value = parts[1].readerTrimmed
                switch property {
                case "text-decoration", "text-decoration-line":
                    if value.contains("underline") { s.underlined = true }
                    if value.contains("line-through") { s.struckThrough = true }
                    if value == "none" { s.underlined = false; s.struckThrough = false }
                case "font-weight":
                    s.bold = value == "bold" || value == "bolder" || (Int(value).map { $0 >= 600 } ?? false)
                case "background", "background-color":
                    s.highlighted = Paragraph.Run.isBackgroundColour(String(value))
                default: continue
                }
            }
        }

        mutating func end(_ name: String) {
            if HTMLText.hiddenTags.contains(name) {
                hidden = max(hidden - 1, 0)
                return
            }
            switch name {
            case "br": breakLine()  // "</br>" is read as <br> by browsers too
            case "table":
                guard !tables.isEmpty else { return }
                closeTable()
            case "tr":
                guard !tables.isEmpty else { return flush() }
                closeCell(); closeRow()
            case "td", "th":
                guard !tables.isEmpty else { return flush() }
                closeCell()
            default:
                if HTMLText.blockTags.contains(name) {
                    flush()
                    if name == "pre", preformatted > 0 { preformatted -= 1 }
                    let floor = tables.last?.inlineDepth ?? 0
                    if let k = inline[floor...].lastIndex(where: { $0.name == name }) { inline.removeSubrange(k...) }
                    return
                }
                // Close the innermost open element of this name, and any left open inside it;
                // never reach below the current table's own elements.
                let floor = tables.last?.inlineDepth ?? 0
                if let k = inline[floor...].lastIndex(where: { $0.name == name }) {
                    inline.removeSubrange(k...)
                }
            }
        }

        mutating func text(_ raw: ArraySlice<UInt8>) {
            guard hidden == 0, !raw.isEmpty else { return }
            let decoded = HTMLText.decodeEntities(raw)
            if preformatted > 0 {
                var first = true
                for line in decoded.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { breakLine() }
                    first = false
                    append(String(line), collapse: false)
                }
            } else {
                append(decoded, collapse: true)
            }
        }

        private mutating func append(_ s: String, collapse: Bool) {
            // By bytes, not scalars: appending scalar by scalar to a String was most of the cost.
            // The white space is ASCII, and U+00A0 is the only scalar encoded C2 A0.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            var afterSpace = containers[containers.count - 1].afterSpace
            var pendingC2 = false
            for b in s.utf8 {
                if pendingC2 {
                    pendingC2 = false
                    // &nbsp; is spacing the author wanted; it reads as a plain space.
                    if b == 0xA0 { bytes.append(0x20); afterSpace = false; continue }
                    bytes.append(0xC2)
                }
                if collapse, b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                    if !afterSpace { bytes.append(0x20); afterSpace = true }
                } else if b == 0xC2 {
                    pendingC2 = true
                    afterSpace = false
                } else {
                    bytes.append(b)
                    afterSpace = false
                }
            }
            guard !bytes.isEmpty else { return }
            let out = String(decoding: bytes, as: UTF8.self)
            if !tables.isEmpty, !tables[tables.count - 1].cellOpen {
                // Text loose in a table (broken markup): give it a cell rather than lose it.
                // Only spaces: a space with a mark on it is a character other than " ".
                guard !bytes.allSatisfy({ $0 == 0x20 }) else { return }
                openCell(span: 1)
            }
            let st = style
            let top = containers.count - 1
            // Mutated in place: copying the container out would copy its runs on every append.
            if let last = containers[top].runs.last, last.underlined == st.underlined, last.bold == st.bold,
               last.struckThrough == st.struckThrough, last.highlighted == st.highlighted {
                containers[top].runs[containers[top].runs.count - 1].text += out
            } else {
                containers[top].runs.append(Paragraph.Run(out, underlined: st.underlined, bold: st.bold,
                                                          struckThrough: st.struckThrough, highlighted: st.highlighted))
            }
            containers[top].afterSpace = afterSpace
        }

        /// Ends the paragraph if it has text; block boundaries never make empty paragraphs.
        private mutating func flush() {
            if !containers[containers.count - 1].runs.isEmpty { breakLine() }
        }

        /// Ends the paragraph even if empty: <br><br> is a blank line the author typed.
        private mutating func breakLine() {
            if !tables.isEmpty, !tables[tables.count - 1].cellOpen { return }
            let top = containers.count - 1
            var runs = containers[top].runs
            containers[top].runs = []
            if var last = runs.last {
                while last.text.hasSuffix(" ") { last.text.removeLast() }
                if last.text.isEmpty { runs.removeLast() } else { runs[runs.count - 1] = last }
            }
            containers[top].blocks.append(.paragraph(Paragraph(runs: runs)))
            containers[top].afterSpace = true
        }

        // Tables are mutated in place through their index: a copy would duplicate the rows
        // gathered so far on every cell, which is quadratic on long tables.
        private mutating func openCell(span: Int) {
            closeCell()
            let top = tables.count - 1
            if tables[top].cells == nil { tables[top].cells = [] }
            tables[top].cellOpen = true
            tables[top].cellSpan = min(max(span, 1), 1_000)
            containers.append(Container())
        }

        private mutating func closeCell() {
            guard let top = tables.indices.last, tables[top].cellOpen else { return }
            flush()
            let c = containers.removeLast()
            let blocks = tables[top].cellHighlighted ? c.blocks.map { block -> FormDocument.Block in
                guard case .paragraph(let p) = block else { return block }
                return .paragraph(Paragraph(runs: p.runs.map { var r = $0; r.highlighted = true; return r }))
            } : c.blocks
            tables[top].cells!.append(Table.Cell(blocks: blocks, columnSpan: tables[top].cellSpan))
            tables[top].cellOpen = false
            tables[top].cellHighlighted = false
        }

        private mutating func closeRow() {
            guard let top = tables.indices.last, let cells = tables[top].cells else { return }
            tables[top].cells = nil
            tables[top].rows.append(Table.Row(cells: cells))
        }

        private mutating func closeTable() {
            closeCell(); closeRow()
            let t = tables.removeLast()
            if inline.count > t.inlineDepth { inline.removeSubrange(t.inlineDepth...) }
            if !t.rows.isEmpty {
                containers[containers.count - 1].blocks.append(.table(Table(rows: t.rows)))
            }
            containers[containers.count - 1].afterSpace = true
        }

        mutating func finish() -> FormDocument {
            while !tables.isEmpty { closeTable() }
            flush()
            return FormDocument(blocks: containers[0].blocks)
        }
    }

    static let entities: [String: String] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "laquo": "«", "raquo": "»",
        "mdash": "—", "ndash": "–", "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "bull": "•",
        "middot": "·", "deg": "°", "numero": "№", "times": "×", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "bdquo": "„", "sbquo": "‚", "shy": "", "ensp": " ", "emsp": " ", "thinsp": " ",
        "zwnj": "", "zwj": "", "lrm": "", "rlm": "", "euro": "€", "sect": "§", "para": "¶", "plusmn": "±",
        "check": "✓", "cross": "✗", "minus": "−", "hyphen": "‐", "prime": "′", "frac12": "½",
    ]
    /// Entities old mail clients write without the semicolon.
    static let bareEntities: Set<String> = ["nbsp", "amp", "lt", "gt", "quot", "laquo", "raquo", "copy"]

    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var j = bytes.startIndex
        while j < bytes.endIndex {
            let c = bytes[j]
            guard c == UInt8(ascii: "&") else { out.append(c); j += 1; continue }
            // Entity names are short: a bounded look-ahead keeps this linear.
            var k = j + 1
            while k < bytes.endIndex, k - j <= 32, Scanner.isNameByte(bytes[k]) || bytes[k] == UInt8(ascii: "#") { k += 1 }
            let name = String(decoding: bytes[(j + 1)..<k], as: UTF8.self)
            let terminated = k < bytes.endIndex && bytes[k] == UInt8(ascii: ";")
            var replacement: String?
            if name.hasPrefix("#"), terminated || name.count > 1 {
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                if let value, value != 0, let scalar = Unicode.Scalar(value) {
                    replacement = String(Character(scalar))
                } else if value != nil || !digits.isEmpty {
                    replacement = "\u{FFFD}"
                }
            } else if terminated {
                replacement = entities[name] ?? entities[name.lowercased()]
            } else if bareEntities.contains(name) {
                replacement = entities[name]
            }
            if let replacement {
                out += Array(replacement.utf8)
                j = terminated ? k + 1 : k
            } else {
                out.append(c)
                j += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Substring {
    var readerTrimmed: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
