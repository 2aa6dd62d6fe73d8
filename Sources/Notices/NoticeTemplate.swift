import Cases
import Foundation

/// One template file, parsed: `Subject: …`, a blank line, then the body.
///
/// The body is paragraphs separated by blank lines; `NoticeBody` leaves out the lines and
/// paragraphs whose placeholders have no value for a notice (no staff note, no problems).
struct NoticeTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(NoticePlaceholder)
    }

    enum Line: Sendable, Equatable {
        case text([Segment])
        case problems
    }

    var subject: String
    var paragraphs: [[Line]]

    /// `file` names the template in errors; `kind` decides which placeholders it may and must hold.
    init(parsing content: String, file: String, kind: NoticeKind) throws(NoticeTemplateError) {
        func fail(_ line: Int?, _ message: String) -> NoticeTemplateError {
            NoticeTemplateError(file: file, line: line, message: message)
        }
        var text = content
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Windows editors save CRLF; the line numbers must still match what the operator sees.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        guard let first = lines.first, first.lowercased().hasPrefix("subject:") else {
            throw fail(1, "the first line must be \"Subject: …\"")
        }
        let subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
        guard !subject.isEmpty else { throw fail(1, "the subject is empty") }
        guard !subject.contains("{") && !subject.contains("}") else {
            throw fail(1, "the subject takes no placeholders: the case tag [VR-…] is added to every subject")
        }
        guard lines.count > 1, lines[1].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(2, "a blank line must follow the subject")
        }

        var paragraphs: [[Line]] = []
        var current: [Line] = []
        for (index, raw) in lines.enumerated().dropFirst(2) {
            let number = index + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = [] }
                continue
            }
            let segments = try NoticeTemplate.segments(raw, fail: { fail(number, $0) })
            let placeholders = segments.compactMap { if case .placeholder(let p) = $0 { p } else { nil } }
            for p in placeholders where !p.kinds.contains(kind) {
                throw fail(number, "{{\(p.rawValue)}} has no value in a \(kind.rawValue) notice")
            }
            if placeholders.contains(.problems) {
                let alone = segments.allSatisfy {
                    if case .literal(let s) = $0 { s.trimmingCharacters(in: .whitespaces).isEmpty } else { $0 == .placeholder(.problems) }
                }
                guard alone, placeholders.count == 1 else { throw fail(number, "{{problems}} is a list and must stand alone on its line") }
                current.append(.problems)
            } else {
                current.append(.text(segments))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        guard !paragraphs.isEmpty else { throw fail(3, "the body is empty") }
        let used = Set(paragraphs.joined().flatMap { line -> [NoticePlaceholder] in
            switch line {
            case .problems: return [.problems]
            case .text(let segments): return segments.compactMap { if case .placeholder(let p) = $0 { p } else { nil } }
            }
        })
        for p in NoticePlaceholder.required(in: kind) where !used.contains(p) {
            throw fail(nil, "a \(kind.rawValue) notice must contain {{\(p.rawValue)}}")
        }
        self.subject = subject
        self.paragraphs = paragraphs
    }

    /// Splits a line into literal text and `{{name}}` placeholders (spaces inside the braces allowed).
    /// Braces left over after that are typos such as `{case_id}}`, which would otherwise reach the applicant.
    private static func segments(_ line: String, fail: (String) -> NoticeTemplateError) throws(NoticeTemplateError) -> [Segment] {
        var out: [Segment] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            guard !before.contains("{") && !before.contains("}") else { throw fail("stray brace in \"\(line)\"") }
            if !before.isEmpty { out.append(.literal(String(before))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw fail("\"{{\" without \"}}\"") }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let placeholder = NoticePlaceholder(rawValue: name) else {
                let known = NoticePlaceholder.allCases.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
                throw fail("unknown placeholder {{\(name)}}; known: \(known)")
            }
            out.append(.placeholder(placeholder))
            rest = rest[close.upperBound...]
        }
        guard !rest.contains("{") && !rest.contains("}") else { throw fail("stray brace in \"\(line)\"") }
        if !rest.isEmpty { out.append(.literal(String(rest))) }
        return out
    }
}
