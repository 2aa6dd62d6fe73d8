import Cases
import MIME

/// What each placeholder says in one language for one notice; nil when the notice has no value,
/// which leaves the paragraph holding it out.
struct NoticeValues {
    let notice: Notice
    let language: NoticeLanguage
    /// Worked out once: templates name the case several times, and the name is in the greeting.
    private let caseID: String?
    private let name: String?

    init(notice: Notice, language: NoticeLanguage) {
        self.notice = notice
        self.language = language
        caseID = NoticeValues.nonEmpty(NoticeText.inline(notice.caseID))
        name = notice.applicantName.flatMap(NoticeValues.name)
    }

    func text(_ placeholder: NoticePlaceholder) -> String? {
        switch placeholder {
        case .caseID: return caseID
        case .greeting: return greeting
        case .applicantName: return name
        case .applicantKind: return notice.applicantKind.map { language == .kk ? $0.kazakh : $0.russian }
        case .receivedAt: return notice.receivedAt.map { AstanaTime.format($0, language) }
        case .deadline: return notice.deadline.map { AstanaTime.format($0, language) }
        case .problems:
            let problems = self.problems
            return problems.isEmpty ? nil : problems.joined(separator: "\n")
        case .reason: return reason
        }
    }

    /// One line per problem, in the order given, each said once.
    var problems: [String] {
        let lines = notice.problems.map { ProblemWording.line($0, language) }.filter { !$0.isEmpty }
        // Said once means once as String equality sees it; for plain text that is byte equality,
        // and hashing bytes skips normalizing every Cyrillic line.
        if lines.allSatisfy({ PlainScalars.covers($0) }) {
            var seen = Set<Spelling>()
            return lines.filter { seen.insert(Spelling(text: $0)).inserted }
        }
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }

    /// A name longer than any real one is not a name; the neutral greeting is safer than a wall of text.
    private static func name(_ raw: String) -> String? {
        let cleaned = NoticeText.inline(raw)
        // No more characters than bytes: counting graphemes is only needed for a long name.
        return cleaned.utf8.count <= 200 || cleaned.count <= 200 ? nonEmpty(cleaned) : nil
    }

    private var greeting: String {
        guard let name else { return language == .kk ? "Құрметті арыз иесі!" : "Уважаемый заявитель!" }
        if notice.applicantKind == .organization {
            // An organisation's name cannot be declined automatically, so it stands in quotes
            // after a noun that carries the case ending.
            let quoted = isQuoted(name) ? name : "«\(name)»"
            return language == .kk ? "\(quoted) ұйымының құрметті өкілдері!" : "Уважаемые представители организации \(quoted)!"
        }
        return language == .kk ? "Құрметті \(name)!" : "Уважаемый(ая) \(name)!"
    }

    /// Whether the name holds a « or a " of its own. Without those bytes it cannot; with them,
    /// String's character search decides, as a combining mark may sit on the quote.
    private func isQuoted(_ name: String) -> Bool {
        var afterC2 = false
        var found = false
        for byte in name.utf8 {
            if byte == 0x22 || (afterC2 && byte == 0xAB) { found = true; break }
            afterC2 = byte == 0xC2
        }
        return found && (name.contains("«") || name.contains("\""))
    }

    private var reason: String? {
        let typed = notice.reason.map { NoticeText.lines($0).joined(separator: "\n") }.flatMap(NoticeValues.nonEmpty)
        guard notice.kind == .refusal else { return typed }
        // The case machine records a lapse in English for staff ("not refined within 3 business
        // days"); the applicant gets the Rules' own wording instead. Staff reasons pass as typed.
        // Only a text starting with N or n can start so once lowercased: skip lowercasing the rest.
        if let typed, !(typed.utf8.first.map { $0 | 0x20 == UInt8(ascii: "n") } ?? false)
            || !typed.lowercased().hasPrefix("not refined within") { return typed }
        return language == .kk
            ? "пысықталған мәліметтер Қағидалардың 10-тармағында белгіленген 3 (үш) жұмыс күні ішінде ұсынылмады (Қағидалардың 11-тармағы)."
            : "доработанные сведения не представлены в течение 3 (трех) рабочих дней, установленных пунктом 10 Правил (пункт 11 Правил)."
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}

/// A String compared and hashed by its UTF-8 bytes, not as Unicode text.
private struct Spelling: Hashable {
    var text: String

    static func == (a: Spelling, b: Spelling) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
