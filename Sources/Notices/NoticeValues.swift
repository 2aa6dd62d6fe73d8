import Cases
import Forms

/// What each placeholder says in one language for one notice; nil when the notice has no value,
/// which leaves the paragraph holding it out.
struct NoticeValues {
    let notice: Notice
    let language: NoticeLanguage

    func text(_ placeholder: NoticePlaceholder) -> String? {
        switch placeholder {
        case .caseID: return nonEmpty(NoticeText.inline(notice.caseID))
        case .greeting: return greeting
        case .applicantName: return name
        case .applicantKind: return notice.applicantKind.map { language == .kk ? $0.kazakh : $0.russian }
        case .receivedAt: return notice.receivedAt.map { AstanaTime.format($0, language) }
        case .deadline: return notice.deadline.map { AstanaTime.format($0, language) }
        case .problems: return problems.isEmpty ? nil : problems.joined(separator: "\n")
        case .reason: return reason
        }
    }

    /// One line per problem, in the order given, each said once.
    var problems: [String] {
        var seen = Set<String>()
        return notice.problems.map { ProblemWording.line($0, language) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// A name longer than any real one is not a name; the neutral greeting is safer than a wall of text.
    private var name: String? {
        guard let raw = notice.applicantName else { return nil }
        let cleaned = NoticeText.inline(raw)
        return cleaned.count <= 200 ? nonEmpty(cleaned) : nil
    }

    private var greeting: String {
        guard let name else { return language == .kk ? "Құрметті арыз иесі!" : "Уважаемый заявитель!" }
        if notice.applicantKind == .organization {
            // An organisation's name cannot be declined automatically, so it stands in quotes
            // after a noun that carries the case ending.
            let quoted = name.contains("«") || name.contains("\"") ? name : "«\(name)»"
            return language == .kk ? "\(quoted) ұйымының құрметті өкілдері!" : "Уважаемые представители организации \(quoted)!"
        }
        return language == .kk ? "Құрметті \(name)!" : "Уважаемый(ая) \(name)!"
    }

    private var reason: String? {
        let typed = notice.reason.map { NoticeText.lines($0).joined(separator: "\n") }.flatMap(nonEmpty)
        guard notice.kind == .refusal else { return typed }
        // The case machine records a lapse in English for staff ("not refined within 3 business
        // days"); the applicant gets the Rules' own wording instead. Staff reasons pass as typed.
        if let typed, !typed.lowercased().hasPrefix("not refined within") { return typed }
        return language == .kk
            ? "пысықталған мәліметтер Қағидалардың 10-тармағында белгіленген 3 (үш) жұмыс күні ішінде ұсынылмады (Қағидалардың 11-тармағы)."
            : "доработанные сведения не представлены в течение 3 (трех) рабочих дней, установленных пунктом 10 Правил (пункт 11 Правил)."
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
