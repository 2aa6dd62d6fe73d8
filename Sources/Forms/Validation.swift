import Dates
/// Pure checks of what applicants type. No Foundation: the current year is passed in.

/// The check digit shared by IIN and BIN (domain.md): weights 1…11, then 3…11,1,2; 10 twice is invalid.
enum KazakhIDCheck {
    static func checkDigit(_ digits: [Int]) -> Int? {
        guard digits.count >= 11 else { return nil }
        let first = (0..<11).reduce(0) { $0 + digits[$1] * ($1 + 1) } % 11
        if first != 10 { return first }
        let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        let second = (0..<11).reduce(0) { $0 + digits[$1] * weights[$1] } % 11
        return second == 10 ? nil : second
    }

    /// Twelve ASCII digits, nothing else.
    static func digits(_ text: String) -> [Int]? {
        let d = text.compactMap { $0.wholeNumberValue }
        guard d.count == 12, text.count == 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return d
    }

    static func checkDigitValid(_ d: [Int]) -> Bool {
        guard let c = checkDigit(d) else { return false }
        return c == d[11]
    }
}

/// ЖСН / ИИН: YYMMDD, century-and-sex digit, 4 serial digits, check digit.
public enum IIN {
    /// 12 digits, a real birth date with a century digit 1–6, and a right check digit.
    public static func isValid(_ text: String) -> Bool {
        guard let d = KazakhIDCheck.digits(text), KazakhIDCheck.checkDigitValid(d) else { return false }
        return birthDate(text) != nil
    }

    /// The birth date the number encodes, if it is a real calendar date.
    public static func birthDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard let d = KazakhIDCheck.digits(text) else { return nil }
        let century: Int
        switch d[6] {
        case 1, 2: century = 1800
        case 3, 4: century = 1900
        case 5, 6: century = 2000
        default: return nil
        }
        let year = century + d[0] * 10 + d[1], month = d[2] * 10 + d[3], day = d[4] * 10 + d[5]
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return (year, month, day)
    }

    /// Why an IIN is unacceptable, in English, or nil. `birthYear` is the questionnaire's "Туған жылы".
    public static func problem(_ text: String, birthYear: Int?, currentYear: Int) -> String? {
        issue(text, birthYear: birthYear, currentYear: currentYear)?.english
    }

    /// Why an IIN is unacceptable, or nil.
    public static func issue(_ text: String, birthYear: Int?, currentYear: Int) -> FieldProblem? {
        guard KazakhIDCheck.digits(text) != nil else { return .iinLength }
        guard let date = birthDate(text) else { return .iinBirthDate }
        guard let d = KazakhIDCheck.digits(text), KazakhIDCheck.checkDigitValid(d) else { return .iinCheckDigit }
        if date.year > currentYear { return .iinFutureBirth }
        if let y = birthYear, y != date.year { return .iinBirthYearMismatch(iinYear: date.year, formYear: y) }
        return nil
    }
}

/// БСН / БИН: YYMM of registration, entity type (4 resident, 5 non-resident, 6 joint sole trader),
/// unit (0 head office, 1 branch, 2 representative office, 3 joint farm), 5 serial digits, check digit.
public enum BIN {
    /// 12 digits, a real month, a known entity type and unit, and a right check digit.
    public static func isValid(_ text: String) -> Bool { issue(text) == nil }

    /// Why a BIN is unacceptable, in English, or nil.
    public static func problem(_ text: String) -> String? { issue(text)?.english }

    /// Why a BIN is unacceptable, or nil.
    public static func issue(_ text: String) -> FieldProblem? {
        guard let d = KazakhIDCheck.digits(text) else { return .binLength }
        let month = d[2] * 10 + d[3]
        guard (1...12).contains(month) else { return .binMonth(month) }
        guard [4, 5, 6].contains(d[4]) else { return .binEntityType }
        guard (0...3).contains(d[5]) else { return .binUnit }
        guard KazakhIDCheck.checkDigitValid(d) else { return .binCheckDigit }
        return nil
    }
}

/// Years and counts that can be true.
public enum Plausible {
    /// Birth years: not in the future, not before `currentYear - 100`, and at least 14 years ago,
    /// because the Law admits minors as volunteers from 14 with their representatives' consent
    /// (younger children are not registrable applicants). A reviewer can override.
    public static let minimumAge = 14
    public static let maximumAge = 100

    public static func birthYearProblem(_ year: Int, currentYear: Int) -> String? {
        birthYearIssue(year, currentYear: currentYear)?.english
    }

    public static func birthYearIssue(_ year: Int, currentYear: Int) -> FieldProblem? {
        if year > currentYear { return .birthYearFuture(year) }
        if year < currentYear - maximumAge { return .birthYearTooEarly(year) }
        if year > currentYear - minimumAge { return .tooYoung(year) }
        return nil
    }

    /// Registration dates: from 1991 (independence; earlier entities were re-registered) to now.
    public static func registrationYearProblem(_ year: Int, currentYear: Int) -> String? {
        if year > currentYear { return "registration date is in the future" }
        if year < 1991 { return "registration year \(year) is before 1991" }
        return nil
    }

    /// The same check for an ISO date, as a problem the applicant is told about.
    public static func registrationIssue(_ iso: String, currentYear: Int) -> FieldProblem? {
        guard let year = Int(iso.prefix(4)) else { return .dateNotUnderstood(iso) }
        if year > currentYear { return .registrationFuture(iso) }
        if year < 1991 { return .registrationTooEarly(year) }
        return nil
    }

    /// Counts of volunteers: a whole number from 1 to a million.
    public static func count(_ text: String) -> Int? {
        var digits = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { digits.append(ch) } else if !digits.isEmpty && ch != " " && ch != "\u{00A0}" { break }
        }
        guard let n = Int(digits) else { return nil }
        return n
    }

    public static func countProblem(_ n: Int) -> String? { countIssue(n)?.english }

    public static func countIssue(_ n: Int) -> FieldProblem? {
        (1...1_000_000).contains(n) ? nil : .countImplausible(n)
    }

    /// A four-digit year inside a text ("1990", "1990 ж.", "1990 года").
    public static func year(_ text: String) -> Int? {
        let groups = text.split { !($0.isASCII && $0.isNumber) }
        for g in groups where g.count == 4 { return Int(g) }
        if let date = DateText.iso(text) { return Int(date.prefix(4)) }
        return nil
    }
}

public enum Email {
    static let localAllowed = Set("!#$%&'*+/=?^_`{|}~.-")

    /// local@domain.tld: no spaces, one "@", a dotted domain of letter/digit/hyphen labels, a 2+ letter TLD.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, !parts[1].isEmpty else { return false }
        guard parts[0].allSatisfy({ $0.isLetter || $0.isNumber || localAllowed.contains($0) }),
              !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else { return false }
        return Hostname.isValid(String(parts[1]))
    }

    /// The address as typed, trimmed of brackets and "mailto:", lowercased, if valid.
    public static func normalise(_ text: String) -> String? {
        var t = text.catalogueTrimmed().catalogueTrimmed(also: "<>()[],;.")
        if t.lowercased().hasPrefix("mailto:") { t = String(t.dropFirst(7)) }
        let lowered = t.lowercased()
        return isValid(lowered) ? lowered : nil
    }
}

enum Hostname {
    static func isValid(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}

public enum Phone {
    /// Kazakhstan's numbers to +7XXXXXXXXXX: "8 701 …", "+7 (701) 123-45-67", "7011234567", "87011234567".
    /// Numbers of other countries written with "+" and 8–15 digits are kept as "+digits" (foreigners may volunteer).
    /// Wrong lengths give nil.
    public static func normalise(_ text: String) -> String? {
        let trimmed = text.catalogueTrimmed()
        let allowed = Set(" -()\u{00A0}.+")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || allowed.contains($0) }) else { return nil }
        let plus = trimmed.hasPrefix("+")
        guard trimmed.filter({ $0 == "+" }).count == (plus ? 1 : 0) else { return nil }
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        if plus {
            if digits.hasPrefix("7") { return digits.count == 11 ? "+" + digits : nil }
            return (8...15).contains(digits.count) ? "+" + digits : nil
        }
        switch digits.count {
        case 11 where digits.hasPrefix("8") || digits.hasPrefix("7"): return "+7" + digits.dropFirst()
        case 10 where digits.hasPrefix("7") || digits.hasPrefix("6"): return "+7" + digits
        default: return nil
        }
    }
}

public enum Instagram {
    /// "@name", "name", "instagram.com/name", "https://www.instagram.com/name/?hl=ru" → "@name".
    public static func normalise(_ text: String) -> String? {
        var t = text.catalogueTrimmed()
        let lower = t.lowercased()
        if let r = lower.range(of: "instagram.com/") {
            t = String(t[r.upperBound...])
            if let cut = t.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { t = String(t[..<cut]) }
        } else if lower.hasPrefix("instagram:") || lower.hasPrefix("instagram ") {
            t = String(t.dropFirst(10)).catalogueTrimmed()
        }
        if t.hasPrefix("@") { t.removeFirst() }
        let handle = t.lowercased()
        guard (1...30).contains(handle.count),
              handle.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "_" }),
              !handle.hasPrefix("."), !handle.hasSuffix("."), !handle.contains("..") else { return nil }
        return "@" + handle
    }
}

public enum Website {
    /// "example.kz", "www.example.kz/page", "http://…" → with a scheme ("https://" added when absent).
    public static func normalise(_ text: String) -> String? {
        var t = text.catalogueTrimmed().catalogueTrimmed(also: ",;")
        guard !t.isEmpty, !t.contains(" "), !t.contains("@") || t.contains("/") else { return nil }
        var scheme = "https://"
        let lower = t.lowercased()
        for s in ["https://", "http://"] where lower.hasPrefix(s) {
            scheme = s
            t = String(t.dropFirst(s.count))
        }
        let hostEnd = t.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) ?? t.endIndex
        let host = t[..<hostEnd].lowercased()
        guard Hostname.isValid(host) else { return nil }
        return scheme + host + t[hostEnd...]
    }
}

/// The ASCII digits of a text.
func asciiDigitCharacters(_ text: String) -> String {
    text.filter { $0.isASCII && $0.isNumber }
}

/// Pieces between commas and semicolons, empty pieces omitted.
func commaPieces(_ text: String) -> [String] {
    text.split { $0 == "," || $0 == ";" }.map(String.init)
}

/// Dates as applicants write them, to ISO yyyy-mm-dd.
public enum DateText {
    static let months: [(prefixes: [String], month: Int)] = [
        (["қаңтар", "январ", "january", "jan"], 1), (["ақпан", "феврал", "february", "feb"], 2),
        (["наурыз", "март", "march", "mar"], 3), (["сәуір", "апрел", "april", "apr"], 4),
        // Three-letter stems match whole words only (the English "jan"), so June and July's Russian
        // forms are listed whole: "июн"/"июл" alone never matched "июня"/"июля".
        (["мамыр", "май", "мая", "may"], 5), (["маусым", "июн", "июнь", "июня", "june", "jun"], 6),
        (["шілде", "июл", "июль", "июля", "july", "jul"], 7), (["тамыз", "август", "august", "aug"], 8),
        (["қыркүйек", "сентябр", "september", "sep"], 9), (["қазан", "октябр", "october", "oct"], 10),
        (["қараша", "ноябр", "november", "nov"], 11), (["желтоқсан", "декабр", "december", "dec"], 12),
    ]


    static func monthNumber(_ word: String) -> Int? {
        let w = word.lowercased().catalogueReplacing("ё", with: "е")
        for entry in months {
            for p in entry.prefixes {
                if p.count <= 3 ? w == p : w.hasPrefix(p) { return entry.month }
            }
        }
        return nil
    }

    /// dd.mm.yyyy, d.m.yy, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd, "12 наурыз 2024", "12 марта 2024 г.",
    /// "2024 жылғы 12 наурыз". Two-digit years: 00–29 → 20xx, else 19xx (registration and birth dates
    /// both fall in 1930–2029). nil when not a real date.
    public static func iso(_ text: String) -> String? {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var numbers: [String] = []
        var month: Int? = nil
        for w in words {
            if w.allSatisfy({ $0.isASCII && $0.isNumber }) { numbers.append(w) }
            else if month == nil, let m = monthNumber(w) { month = m }
        }
        var y = 0, m = 0, d = 0
        if let month {
            guard numbers.count >= 2 else { return nil }
            m = month
            if numbers[0].count == 4 { y = Int(numbers[0])!; d = Int(numbers[1])! }
            else { d = Int(numbers[0])!; y = expandYear(numbers[1]) }
        } else {
            guard numbers.count >= 3 else { return nil }
            if numbers[0].count == 4 { y = Int(numbers[0])!; m = Int(numbers[1])!; d = Int(numbers[2])! }
            else { d = Int(numbers[0])!; m = Int(numbers[1])!; y = expandYear(numbers[2]) }
        }
        guard y >= 1000, CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// A date found inside a longer text, with where it stands.
    public struct Occurrence: Sendable, Equatable {
        public let iso: String
        public let range: Range<String.Index>
    }

    /// Every date written inside a text, in order: "15.01.2026", "2026-02-01", "1 февраля 2026 года",
    /// "2026 жылғы 1 ақпан(нан)". Prose around them is ignored; impossible dates are skipped.
    public static func occurrences(in text: String) -> [Occurrence] {
        // Words of letters or digits, each with the separator that follows it.
        var words: [(text: String, range: Range<String.Index>)] = []
        var start: String.Index? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch.isLetter || ch.isNumber {
                if start == nil { start = i }
            } else if let s = start {
                words.append((String(text[s..<i]).lowercased(), s..<i))
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { words.append((String(text[s...]).lowercased(), s..<text.endIndex)) }
        func number(_ k: Int, _ lengths: ClosedRange<Int>) -> Int? {
            guard k < words.count, lengths.contains(words[k].text.count), words[k].text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(words[k].text)
        }
        func separator(_ k: Int) -> Substring { text[words[k].range.upperBound..<words[k + 1].range.lowerBound] }
        func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
            guard y >= 1000, CivilDate.isValid(year: y, month: m, day: d) else { return nil }
            return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        }
        var out: [Occurrence] = []
        var k = 0
        while k < words.count {
            var found: (String, Int)? = nil
            if let a = number(k, 1...4), let b = number(k + 1, 1...2), let c = number(k + 2, 2...4) {
                let s1 = separator(k), s2 = separator(k + 1)
                if s1 == s2, [".", "/", "-"].contains(s1) {
                    if words[k].text.count == 4, words[k + 2].text.count <= 2 { found = iso(a, b, c).map { ($0, k + 2) } }
                    else if words[k].text.count <= 2 { found = iso(expandYear(words[k + 2].text), b, a).map { ($0, k + 2) } }
                }
            }
            if found == nil, let d = number(k, 1...2), k + 2 < words.count, let m = monthNumber(words[k + 1].text), let y = number(k + 2, 4...4) {
                found = iso(y, m, d).map { ($0, k + 2) }
            }
            if found == nil, let y = number(k, 4...4) {
                // "2026 жылғы 1 ақпан", "2026 ж. 1 ақпан"
                var j = k + 1
                if j < words.count, words[j].text.hasPrefix("ж") { j += 1 }
                if let d = number(j, 1...2), j + 1 < words.count, let m = monthNumber(words[j + 1].text) { found = iso(y, m, d).map { ($0, j + 1) } }
            }
            if let (date, last) = found {
                out.append(Occurrence(iso: date, range: words[k].range.lowerBound..<words[last].range.upperBound))
                k = last + 1
            } else {
                k += 1
            }
        }
        return out
    }

    /// A date whose month has the Kazakh ablative ending ("1 ақпаннан"): "from that day".
    static func hasFromSuffix(_ date: Substring) -> Bool {
        guard let last = date.split(whereSeparator: { !$0.isLetter }).last?.lowercased() else { return false }
        return ["нан", "нен", "тан", "тен", "дан", "ден"].contains { last.hasSuffix($0) } && monthNumber(last) != nil
    }

    static func expandYear(_ s: String) -> Int {
        guard let n = Int(s) else { return 0 }
        if s.count == 4 { return n }
        if s.count <= 2 { return n < 30 ? 2000 + n : 1900 + n }
        return 0
    }
}

extension String {
    func catalogueTrimmed() -> String {
        // Most texts asked are already trimmed.
        if let f = first, let l = last, !f.isWhitespace, !l.isWhitespace { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    func catalogueTrimmed(also set: String) -> String {
        // A handful of characters: searching the string beats hashing into a Set on every call.
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s.removeFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s.removeLast() }
        return s.startIndex == startIndex && s.endIndex == endIndex ? self : String(s)
    }

    func catalogueReplacing(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension StringProtocol {
    /// The first character that is `character`.
    func firstCharacterIndex(of character: Unicode.Scalar) -> Index? {
        firstIndex(of: Character(character))
    }
}
