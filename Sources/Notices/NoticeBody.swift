/// One language's half of a notice, rendered: paragraphs of lines and lists. Text and HTML are
/// both written from this, so the two parts of the mail always say the same thing.
struct NoticeBody: Sendable, Equatable {
    enum Line: Sendable, Equatable {
        /// May hold line breaks when a staff note had several lines.
        case text(String)
        case list([String])
    }

    var language: NoticeLanguage
    var paragraphs: [[Line]]

    /// A line whose placeholder has no value for this notice is left out, and so is a paragraph
    /// that keeps none of its lines with placeholders: the heading "Fields to complete:" goes
    /// with an empty list, while "Case: …" stays when only the line "Received: …" beside it goes.
    init(_ template: NoticeTemplate, values: NoticeValues) {
        language = values.language
        paragraphs = template.paragraphs.compactMap { paragraph -> [Line]? in
            var lines: [Line] = []
            var filled = 0, emptied = 0
            for line in paragraph {
                switch line {
                case .problems:
                    let items = values.problems
                    if items.isEmpty { emptied += 1 } else { filled += 1; lines.append(.list(items)) }
                case .text(let segments):
                    var text = ""
                    var complete = true
                    var hasPlaceholder = false
                    for segment in segments {
                        switch segment {
                        case .literal(let s): text += s
                        case .placeholder(let p):
                            hasPlaceholder = true
                            if let value = values.text(p) { text += value } else { complete = false }
                        }
                    }
                    if !complete { emptied += 1; continue }
                    if hasPlaceholder { filled += 1 }
                    lines.append(.text(text))
                }
            }
            return emptied > 0 && filled == 0 ? nil : lines
        }
    }

    /// Paragraphs apart by a blank line, list items bulleted.
    func appendText(to out: inout [UInt8]) {
        for (p, paragraph) in paragraphs.enumerated() {
            if p > 0 { out.append(contentsOf: "\n\n".utf8) }
            for (l, line) in paragraph.enumerated() {
                if l > 0 { out.append(0x0A) }
                switch line {
                case .text(let s): out.append(contentsOf: s.utf8)
                case .list(let items):
                    for (i, item) in items.enumerated() {
                        if i > 0 { out.append(0x0A) }
                        out.append(contentsOf: "  • ".utf8)
                        out.append(contentsOf: item.utf8)
                    }
                }
            }
        }
    }

    /// Consecutive text lines share a `<p>` with `<br>` between them, as they share a paragraph in the text.
    func appendHTML(to out: inout [UInt8]) {
        out.append(contentsOf: "<div lang=\"\(language.rawValue)\">\n".utf8)
        for paragraph in paragraphs {
            var inParagraph = false
            for line in paragraph {
                switch line {
                case .text(let s):
                    out.append(contentsOf: (inParagraph ? "<br>\n" : "<p>").utf8)
                    inParagraph = true
                    NoticeHTML.appendEscaped(s, breakingLines: true, to: &out)
                case .list(let items):
                    if inParagraph { out.append(contentsOf: "</p>\n".utf8); inParagraph = false }
                    out.append(contentsOf: "<ul>\n".utf8)
                    for item in items {
                        out.append(contentsOf: "<li>".utf8)
                        NoticeHTML.appendEscaped(item, to: &out)
                        out.append(contentsOf: "</li>\n".utf8)
                    }
                    out.append(contentsOf: "</ul>\n".utf8)
                }
            }
            if inParagraph { out.append(contentsOf: "</p>\n".utf8) }
        }
        out.append(contentsOf: "</div>\n".utf8)
    }
}
