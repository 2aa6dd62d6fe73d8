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

    var text: String {
        paragraphs.map { paragraph in
            paragraph.map { line in
                switch line {
                case .text(let s): return s
                case .list(let items): return items.map { "  • " + $0 }.joined(separator: "\n")
                }
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Consecutive text lines share a `<p>` with `<br>` between them, as they share a paragraph in the text.
    var html: String {
        var out = "<div lang=\"\(language.rawValue)\">\n"
        for paragraph in paragraphs {
            var pending: [String] = []
            func flush() {
                guard !pending.isEmpty else { return }
                out += "<p>" + pending.map { NoticeHTML.escape($0).replacingNewlines() }.joined(separator: "<br>\n") + "</p>\n"
                pending = []
            }
            for line in paragraph {
                switch line {
                case .text(let s): pending.append(s)
                case .list(let items):
                    flush()
                    out += "<ul>\n" + items.map { "<li>" + NoticeHTML.escape($0) + "</li>\n" }.joined() + "</ul>\n"
                }
            }
            flush()
        }
        return out + "</div>\n"
    }
}

private extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>\n")
    }
}
