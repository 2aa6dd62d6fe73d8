/// The two languages of the register (Rules p.3); every notice carries both.
enum NoticeLanguage: String, CaseIterable, Sendable {
    case kk, ru

    /// Kazakh unless the applicant wrote Russian: the state language is the safe default.
    init(code: String) {
        self = code.lowercased().hasPrefix("ru") ? .ru : .kk
    }

    var other: NoticeLanguage { self == .kk ? .ru : .kk }

    /// The applicant's language first.
    static func order(for code: String) -> [NoticeLanguage] {
        let first = NoticeLanguage(code: code)
        return [first, first.other]
    }
}
