import Foundation
/// Matches form labels by meaning: applicants retype, abbreviate, translate and misspell the
/// Annex 2 labels, so exact comparison would miss most filled forms.
public enum LabelMatcher {
    /// A word of a text, with where it came from so the value after a label can be cut out verbatim.
    public struct Token: Sendable, Equatable {
        public let text: String
        public let range: Range<String.Index>
    }

    public struct Match<Key>: Sendable where Key: Sendable {
        public let key: Key
        /// The keyword that matched, and its language ("kk", "ru", or nil when it is the same in both).
        public let keyword: String
        public let language: String?
        /// Letters in the keyword: the longer keyword is the more specific one.
        public let score: Int
        /// Token positions of the match in the text, end exclusive.
        public let start: Int
        public let end: Int
        /// Share of the text's words the keyword accounts for.
        public let coverage: Double
        /// Where in the original text the label ends.
        public let labelEnd: String.Index
    }

    public struct Candidate<Key>: Sendable where Key: Sendable {
        public let key: Key
        public let keyword: String
        public let language: String?
        let tokens: [String]
        /// Letters in the keyword: the longer keyword is the more specific one.
        let score: Int
        public init(key: Key, keyword: String, language: String?) {
            self.key = key
            self.keyword = keyword
            self.language = language
            self.tokens = LabelMatcher.tokens(keyword).map(\.text)
            self.score = tokens.reduce(0) { $0 + $1.count }
        }
    }

    /// Candidates for every keyword in kk and ru; a keyword written the same in both gets no language.
    public static func candidates<Key: Sendable>(_ key: Key, _ keywords: Keywords) -> [Candidate<Key>] {
        let kk = Set(keywords.kk.map(normalise)), ru = Set(keywords.ru.map(normalise))
        var out: [Candidate<Key>] = []
        for word in keywords.kk {
            out.append(Candidate(key: key, keyword: word, language: ru.contains(normalise(word)) ? nil : "kk"))
        }
        for word in keywords.ru where !kk.contains(normalise(word)) {
            out.append(Candidate(key: key, keyword: word, language: "ru"))
        }
        return out
    }

    /// Abbreviations and contractions forms use for label words (folded, without dots or hyphens).
    /// Compared by bytes, not hashed: every word of every line is asked (see `spelledAlike`).
    static let abbreviations: [(short: String, full: String)] = [
        ("рег", "регистрации"), ("регции", "регистрации"), ("гос", "государственной"), ("наим", "наименование"),
        ("жит", "жительства"), ("житва", "жительства"), ("рожд", "рождения"), ("колво", "количество"),
    ]
    static let abbreviationBytes = abbreviations.map(\.short.utf8.count).max()!

    static func abbreviation(of word: String) -> String? {
        abbreviations.first { spelledAlike($0.short, word) }?.full
    }

    // Optional-field suffixes say nothing about which field it is.
    static let optionalPhrases: [[String]] = [
        ["бар", "болған", "кезде"], ["бар", "болса"], ["при", "наличии"], ["если", "есть"], ["если", "имеется"],
    ]

    /// Lowercase words joined by single spaces: ё→е, Kazakh letters kept, punctuation dropped,
    /// leading numbering ("1.", "1)") and optional-field suffixes removed.
    public static func normalise(_ text: String) -> String {
        tokens(text).map(\.text).joined(separator: " ")
    }

    public static func tokens(_ text: String) -> [Token] { tokens(text[...]) }

    public static func tokens(_ text: Substring) -> [Token] {
        var raw: [Token] = []
        var current = ""
        var start: String.Index? = nil
        func flush(_ end: String.Index) {
            if let s = start, !current.isEmpty { raw.append(Token(text: fixLookalikes(current), range: s..<end)) }
            current = ""
            start = nil
        }
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if ch.isLetter || ch.isNumber {
                if start == nil { start = index }
                appendFolded(ch, to: &current)
            } else if (ch == "-" || ch == "'") && start != nil {
                // "аты-жөні", "web-сайт", "e-mail": one word without the hyphen.
            } else {
                flush(index)
            }
            index = text.index(after: index)
        }
        flush(text.endIndex)
        raw = joinedInitials(raw)
        // "Дата рег.", "Наим. организации", "Место жит-ва": the words written out, as the catalogue has them.
        if raw.contains(where: { $0.text.utf8.count <= abbreviationBytes && abbreviation(of: $0.text) != nil }) {
            raw = raw.map { token in abbreviation(of: token.text).map { Token(text: $0, range: token.range) } ?? token }
        }
        // Leading numbering: "1." or "1)" before a label.
        while let first = raw.first, first.text.allSatisfy(\.isNumber), first.text.count <= 2, raw.count > 1 {
            let after = first.range.upperBound
            if after < text.endIndex, text[after] == "." || text[after] == ")" { raw.removeFirst() } else { break }
        }
        return removeOptionalPhrases(raw)
    }

    /// "Ф.И.О.", "Т. А. Ә." and "ФИО", "ТАӘ" are one abbreviation: a run of two or more one-letter
    /// words is read as one word.
    static func joinedInitials(_ tokens: [Token]) -> [Token] {
        guard tokens.count >= 2 else { return tokens }
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count, tokens[j].text.count == 1, tokens[j].text.first!.isLetter { j += 1 }
            if j - i >= 2 {
                out.append(Token(text: tokens[i..<j].map(\.text).joined(), range: tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound))
                i = j
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }

    static func removeOptionalPhrases(_ tokens: [Token]) -> [Token] {
        // Nearly every line has none: answered before a new array is made.
        guard tokens.contains(where: { token in optionalPhraseStarts.contains { spelledAlike(token.text, $0) } }) else {
            return tokens
        }
        var out: [Token] = []
        var i = 0
        outer: while i < tokens.count {
            for phrase in optionalPhrases where i + phrase.count <= tokens.count {
                if (0..<phrase.count).allSatisfy({ spelledAlike(tokens[i + $0].text, phrase[$0]) }) {
                    i += phrase.count
                    continue outer
                }
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }

    static let optionalPhraseStarts = Array(Set(optionalPhrases.map { $0[0] }))

    /// By bytes: the text is NFC (`FormDocument`), like the catalogue's words, and String's ==
    /// would normalize each time.
    static func spelledAlike(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// `foldLetter` appended to a word: the common letters (ASCII, Russian) by their code point,
    /// without a String per letter; the rest through `foldLetter`.
    static func appendFolded(_ ch: Character, to word: inout String) {
        let scalars = ch.unicodeScalars
        if let v = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            switch v.value {
            case 0x0401, 0x0451: word.unicodeScalars.append("е"); return
            case 0x41...0x5A, 0x410...0x42F: word.unicodeScalars.append(Unicode.Scalar(v.value + 0x20)!); return
            case 0x400...0x40F: word.unicodeScalars.append(Unicode.Scalar(v.value + 0x50)!); return
            case 0x30...0x39, 0x61...0x7A, 0x430...0x450, 0x452...0x45F: word.unicodeScalars.append(v); return
            default: break
            }
        }
        word += foldLetter(ch)
    }

    static func foldLetter(_ ch: Character) -> String {
        switch ch {
        case "ё", "Ё": return "е"
        case "ə", "Ə": return "ә"   // Latin schwa typed for the Kazakh letter
        default: return ch.lowercased()
        }
    }

    // Latin letters typed inside Cyrillic words ("Т.А.Ә" with a Latin "A", Kazakh "і" as Latin "i").
    static let latinToCyrillic: [Character: Character] = [
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "k": "к", "m": "м", "t": "т",
    ]

    static func fixLookalikes(_ word: String) -> String {
        let hasCyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        guard hasCyrillic, word.unicodeScalars.contains(where: \.isASCII) else { return word }
        return String(word.map { latinToCyrillic[$0] ?? $0 })
    }

    public static func levenshtein(_ a: String, _ b: String) -> Int {
        levenshtein(Array(a.unicodeScalars)[...], Array(b.unicodeScalars)[...])
    }

    /// On scalars, not Characters: String comparison of Cyrillic goes through Unicode
    /// normalization on every call, which made label matching the daemon's hot spot. Tokens
    /// are NFC (see `tokens`), so scalar equality is canonical equality here.
    static func levenshtein(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A keyword word against a text word: equal; or the text word is the keyword word plus an
    /// ending (Kazakh and Russian inflect), or the keyword word's stem with a shorter ending; or,
    /// for words of 5+ letters, one typo away.
    public static func wordMatches(keyword: String, word: String) -> Bool {
        wordMatches(keyword: Array(keyword.unicodeScalars)[...], word: Array(word.unicodeScalars)[...])
    }

    /// Generic so the label index runs it on slices of one flat buffer, without an array per word.
    static func wordMatches<C: RandomAccessCollection>(keyword: C, word: C) -> Bool
    where C.Element == Unicode.Scalar, C.Index == Int, C.SubSequence == C {
        let k = keyword.count
        if k == word.count, keyword.elementsEqual(word) { return true }
        if k < 4 { return false }
        if word.count > k, word.prefix(k).elementsEqual(keyword) { return true }
        if k >= 5 {
            if abs(word.count - k) <= 1, withinOneEdit(keyword, word) { return true }
            if word.count > k, withinOneEdit(keyword, word.prefix(k)) { return true }
        }
        // The same stem with a shorter ending: "ретінде" for "ретіндегі", "тәжірибе" for "тәжірибесі",
        // "волонтерской" for "волонтерскому".
        if k >= 6, word.count >= 5, word.count < k, k - word.count <= stemSlack, keyword.prefix(word.count).elementsEqual(word) { return true }
        return false
    }

    /// How many letters of a keyword word's ending a text word may lack.
    static let stemSlack = 3

    /// `levenshtein(a, b) <= 1`, or two neighbouring letters swapped, in one pass instead of a table.
    static func withinOneEdit<C: RandomAccessCollection>(_ a: C, _ b: C) -> Bool
    where C.Element == Unicode.Scalar, C.Index == Int, C.SubSequence == C {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = short.startIndex, j = long.startIndex
        while i < short.endIndex, short[i] == long[j] {
            i += 1
            j += 1
        }
        if i == short.endIndex { return true }
        // The first difference: two letters swapped ("мекенажй"), a substitution (same lengths) or
        // an insertion in the longer one.
        if short.count == long.count, i + 1 < short.endIndex, j + 1 < long.endIndex, short[i] == long[j + 1], short[i + 1] == long[j],
           short[(i + 2)...].elementsEqual(long[(j + 2)...]) { return true }
        if short.count == long.count { i += 1 }
        j += 1
        return short[i...].elementsEqual(long[j...])
    }

    /// The best candidate found in `text`, starting no later than word `maxStart`.
    /// The longest keyword wins; among equals, the one that starts earliest, then the first listed.
    public static func bestMatch<Key>(in text: String, among candidates: [Candidate<Key>],
                                      maxStart: Int = Int.max, gap: Int = 1) -> Match<Key>? {
        bestMatch(in: Words(text[...]), among: LabelIndex(candidates), maxStart: maxStart, gap: gap)
    }

    public static func bestMatch<Key>(in text: String, among index: LabelIndex<Key>,
                                      maxStart: Int = Int.max, gap: Int = 1) -> Match<Key>? {
        bestMatch(in: Words(text[...]), among: index, maxStart: maxStart, gap: gap)
    }

    /// Where the keyword's words occur in order in the text, at most `gap` foreign words between
    /// two, taking the earliest start; `words` is tokenized once for every catalogue asked of it.
    public static func bestMatch<Key>(in words: Words, among index: LabelIndex<Key>,
                                      minStart: Int = 0, maxStart: Int = Int.max, gap: Int = 1,
                                      accepting: (Key) -> Bool = { _ in true }) -> Match<Key>? {
        guard words.count > 0 else { return nil }
        let table = index.table(for: words)
        var best: Match<Key>? = nil
        // By position: copying each candidate (its strings retained and released) cost more
        // than the matching, and most candidates do not match at all.
        for c in index.candidates(startingIn: table) {
            guard let (start, end) = table.find(index.wordIDs[c], gap: gap, minStart: minStart, maxStart: maxStart) else { continue }
            let candidate = index.candidates[c]
            guard accepting(candidate.key) else { continue }
            let score = candidate.score
            if let b = best, b.score > score || (b.score == score && b.start <= start) { continue }
            best = Match(key: candidate.key, keyword: candidate.keyword, language: candidate.language, score: score,
                         start: start, end: end, coverage: Double(candidate.tokens.count) / Double(words.count),
                         labelEnd: words.tokens[end - 1].range.upperBound)
        }
        return best
    }

    /// Whether the keyword occurs in the text, by the same rules.
    public static func contains(_ text: String, keyword: String, gap: Int = 1) -> Bool {
        bestMatch(in: text, among: [Candidate(key: true, keyword: keyword, language: nil)], gap: gap) != nil
    }
}
