/// Why a message was sent to the register's mailbox. The same questionnaire means different things
/// to the case engine: a new entry (Rules p.4), new data for an existing entry (p.7), or the end of
/// an entry's volunteer activity (p.13, a free-form notice).
public enum ApplicationPurpose: String, Sendable, CaseIterable {
    /// An application for inclusion in the register: what a message is unless it says otherwise.
    case inclusion
    /// A registrant sends updated data (p.7).
    case change
    /// A registrant stops volunteer activity (p.13).
    case termination

    /// What a text says about its purpose, and the day the activity stops when a termination names it.
    public struct Statement: Sendable, Equatable {
        public let purpose: ApplicationPurpose
        /// ISO yyyy-mm-dd.
        public let terminationDate: String?
    }

    /// Phrases by meaning, matched as `LabelMatcher` matches labels: endings may follow each word
    /// (so a stem such as "прекраща" covers "прекращаю", "прекращает", "прекращаем"), and up to two
    /// other words may stand between two of them ("прекращаю свою волонтерскую деятельность").
    static let terminationPhrases = Keywords(
        kk: ["қызмет тоқтат", "қызметтен бас тарт", "тізілім шығар", "тізілім алып таста", "тізілім алып тастау",
             "тоқтатқаны туралы", "тоқтату туралы хабарлама"],
        ru: ["прекращени деятельност", "прекраща деятельност", "прекрати деятельност", "прекратить деятельност",
             "исключить из реестра", "исключени из реестра", "исключите из реестра", "снять с учета",
             "завершени деятельност", "заверша деятельност"])

    static let changePhrases = Keywords(
        kk: ["өзгеріс енгіз", "өзгерістер енгіз", "жаңартылған деректер", "жаңартылған мәліметтер",
             "жаңартылған сауалнама", "мәліметтердің өзгеруі", "деректердің өзгеруі", "мәліметтерді жаңарт",
             "деректерді жаңарт", "мәліметтер өзгерд", "деректер өзгерд", "өзгергеніне байланысты", "өзгеруіне байланысты"],
        ru: ["изменение сведений", "изменение данных", "изменения в сведения", "изменения в реестр", "внести изменения",
             "внесении изменений", "прошу изменить", "обновленные данные", "обновленные сведения", "обновленную анкету",
             "обновленная анкета", "актуализировать сведения", "актуализировать данные", "сведения изменились",
             "данные изменились"])

    // A condition ("в случае изменения сведений сообщу", "өзгерген жағдайда") or a question
    // ("как прекратить деятельность?") is not a statement about this message.
    static let conditionalWords = ["случае", "если", "при", "жағдайда", "болса", "егер"]

    static let terminationCandidates = LabelIndex(LabelMatcher.candidates(ApplicationPurpose.termination, terminationPhrases))
    static let changeCandidates = LabelIndex(LabelMatcher.candidates(ApplicationPurpose.change, changePhrases))

    /// The purpose a text (a subject, a body, a document) states; nil when it states no change or termination.
    /// Quoted lines ("> …") are the mailbox's own notices quoted back, not the sender's words.
    public static func statement(in text: String) -> Statement? {
        statement(inLines: lines(text).map { ($0, nil) })
    }

    /// The same for a text's lines, with their words when the caller has them already.
    static func statement(inLines lines: [(text: String, words: LabelMatcher.Words?)]) -> Statement? {
        var found: ApplicationPurpose? = nil
        var date: String? = nil
        for (line, known) in lines {
            let trimmed = line.catalogueTrimmed()
            if trimmed.hasPrefix(">") || trimmed.hasSuffix("?") { continue }
            // Trimming only removes: the same length is the same text, and so the same words.
            let words = known.flatMap { trimmed.utf8.count == line.utf8.count ? $0 : nil } ?? LabelMatcher.Words(trimmed)
            if words.tokens.contains(where: { conditionalWords.containsSpelling($0.text) }) { continue }
            if let m = LabelMatcher.bestMatch(in: words, among: terminationCandidates, gap: 2) {
                if found != .termination { date = terminationDate(in: trimmed, after: m.labelEnd) }
                found = .termination
            } else if found == nil, LabelMatcher.bestMatch(in: words, among: changeCandidates, gap: 2) != nil {
                found = .change
            }
        }
        return found.map { Statement(purpose: $0, terminationDate: $0 == .termination ? date : nil) }
    }

    /// The text's non-empty lines, split at "\n" and "\r" (a "\r\n" is one Character, equal to neither).
    static func lines(_ text: String) -> [String] {
        text.split { $0 == "\n" || $0 == "\r" }.map(String.init)
    }

    /// The strongest of several statements: a termination outweighs a change, which outweighs inclusion
    /// (a termination notice may attach the old questionnaire; a change notice always repeats it).
    public static func strongest(_ statements: [Statement?]) -> Statement {
        let all = statements.compactMap { $0 }
        if let t = all.first(where: { $0.purpose == .termination && $0.terminationDate != nil }) ?? all.first(where: { $0.purpose == .termination }) {
            return t
        }
        return all.first { $0.purpose == .change } ?? Statement(purpose: .inclusion, terminationDate: nil)
    }

    /// The day the activity stops: a date introduced by "с"/"со" or followed by "бастап" ("from"),
    /// else the first date after the phrase. Other dates (a protocol's, the letter's) are not it.
    static func terminationDate(in line: String, after phraseEnd: String.Index) -> String? {
        let dates = DateText.occurrences(in: line)
        if let from = dates.first(where: { occurrence in
            let before = LabelMatcher.tokens(line[..<occurrence.range.lowerBound]).last?.text
            let after = LabelMatcher.tokens(line[occurrence.range.upperBound...]).first?.text
            return before == "с" || before == "со" || after.map { $0.hasPrefix("бастап") } == true
                || DateText.hasFromSuffix(line[occurrence.range])
        }) {
            return from.iso
        }
        return dates.first { $0.range.lowerBound >= phraseEnd }?.iso
    }
}
