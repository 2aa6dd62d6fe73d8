import Glibc

/// The language tizilim speaks to staff: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG),
/// else English. Applicants are answered in their own form's language, not this one.
enum OperatorLanguage: String, CaseIterable {
    case kk, ru, en

    static func resolve(_ flag: String?) -> Result<OperatorLanguage, Arguments.UsageError> {
        if let flag {
            guard let language = OperatorLanguage(rawValue: flag.lowercased()) else {
                return .failure(Arguments.UsageError(description: "--lang takes kk, ru or en, not '\(flag)'"))
            }
            return .success(language)
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { continue }
            if value.hasPrefix("kk") { return .success(.kk) }
            if value.hasPrefix("ru") { return .success(.ru) }
            return .success(.en)
        }
        return .success(.en)
    }

    /// Picks the text for this language from a Kazakh, Russian and English triple.
    func pick(_ kk: String, _ ru: String, _ en: String) -> String {
        switch self {
        case .kk: return kk
        case .ru: return ru
        case .en: return en
        }
    }
}
