/// Whether two written names can be one person's or one organisation's. Applicants write
/// their names in Kazakh or Russian letters, sometimes in Latin ones, in any order, with or
/// without the patronymic, as initials, with a letter wrong: each word is brought to one Latin
/// spelling and compared with a typo's tolerance. The question is "clearly someone else?",
/// so anything short of a clear difference is `unknown`, never `different`.
enum NameWords {
    /// Lowercase Latin letters and digits per word; Cyrillic transliterated, Kazakh letters
    /// folded onto their nearest Russian ones first (қ→к, ұ→у, і→и…), so "Нұрлан", "Нурлан"
    /// and "Nurlan" are one word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if let latin = latin(scalar) {
                current += latin
            } else if scalar == "-" || scalar == "'" || scalar == "’" || scalar == "ʼ" {
                // "Бек-Мухамед", "O'Brien": one word.
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func latin(_ scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { return String(scalar) }
        if (0x41...0x5A).contains(v) { return String(Unicode.Scalar(v + 0x20)!) }
        let lower = String(scalar).lowercased()
        if let mapped = cyrillic[lower] { return mapped }
        // Other letters (Latin with accents, Turkish-style Kazakh Latin: ş, ğ, ı, ä, ö, ü) by their base.
        if let folded = foldedLatin[lower] { return folded }
        return scalar.properties.isAlphabetic ? lower : nil
    }

    private static let cyrillic: [String: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n",
        "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f",
        "х": "kh", "һ": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya",
    ]

    private static let foldedLatin: [String: String] = [
        "ä": "a", "á": "a", "ö": "o", "ó": "o", "ü": "u", "ú": "u", "ū": "u", "ı": "i", "í": "i", "ş": "sh",
        "ç": "ch", "ğ": "g", "ñ": "n", "é": "e",
    ]

    /// Spellings of one sound that transliterations disagree on, made one before comparing.
    static func canonical(_ word: String) -> String {
        var w = word
        for (from, to) in [("kh", "h"), ("zh", "j"), ("yu", "u"), ("ya", "a"), ("y", "i"), ("x", "h"), ("q", "k"), ("w", "v")] {
            w = w.replacingAll(from, with: to)
        }
        return w
    }

    /// Equal, or one typo apart in a word long enough for a typo to be one (a letter missed,
    /// added or changed, or two swapped).
    static func alike(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(canonical(a).unicodeScalars), y = Array(canonical(b).unicodeScalars)
        if x == y { return true }
        guard min(x.count, y.count) >= 4 else { return false }
        return distance(x, y, within: x.count >= 8 && y.count >= 8 ? 2 : 1)
    }

    /// Damerau-Levenshtein distance at most `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], within limit: Int) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [Int](repeating: 0, count: b.count + 1)
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = row
        }
        return previous[b.count] <= limit
    }
}

/// A person's full name: surname, given name, patronymic in any order; the patronymic may be
/// left out, names may be initials.
enum PersonName {
    /// Kazakh patronymics are often two words ("Асан ұлы", "Асан қызы"): joined into one.
    static let patronymicSuffixes: Set<String> = ["uly", "uli", "ulu", "kyzy", "kizi", "kyzi", "kizy"]

    static func words(_ text: String) -> [String] {
        var out: [String] = []
        for word in NameWords.words(text) {
            if patronymicSuffixes.contains(word), let last = out.popLast() { out.append(last + word) } else { out.append(word) }
        }
        return out
    }

    static func compare(_ a: String, _ b: String) -> ApplicantMarks.Verdict {
        let x = words(a), y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return .unknown }
        // The name with fewer whole words is matched into the other: "Ким В.А." into "Ким Виктор Алексеевич".
        func whole(_ w: [String]) -> Int { w.filter { $0.count > 1 }.count }
        let xFirst = whole(x) != whole(y) ? whole(x) < whole(y) : x.count <= y.count
        let (short, long) = xFirst ? (x, y) : (y, x)
        var unused = long
        var matched = 0, full = 0
        // Whole words first, so that an initial does not take the word a whole word needs.
        var initials: [String] = []
        for word in short {
            if word.count == 1 { initials.append(word); continue }
            if let i = unused.firstIndex(where: { $0.count > 1 && NameWords.alike($0, word) }) {
                unused.remove(at: i)
                matched += 1
                full += 1
            }
        }
        for letter in initials {
            if let i = unused.firstIndex(where: { $0.hasPrefix(letter) }) {
                unused.remove(at: i)
                matched += 1
            }
        }
        if matched == short.count {
            // "Асанов" alone agrees with any Асанов: not enough to call it the same person.
            return full >= 2 || (full >= 1 && short.count >= 2) ? .same : .unknown
        }
        // A word of the shorter name is nowhere in the longer: another surname or given name.
        // A single word against a full name is still only a guess (a nickname, a maiden name).
        return short.count >= 2 ? .different : .unknown
    }
}

/// An organisation's name: the legal form ("ОО", "қоғамдық бірлестігі", "ТОО") and quotes do
/// not count, and the Kazakh and Russian names of one organisation share their roots
/// ("Қазақстан волонтерлері" / "Волонтеры Казахстана"), so words are compared by their first
/// five letters.
enum OrganisationName {
    static let legalForms: Set<String> = [
        "oo", "too", "ro", "roo", "of", "chu", "chf", "kf", "ko", "ao", "zhshs", "jshs", "ksh", "kb", "kk",
        "obshestvennoe", "obedinenie", "obshestvennyi", "fond", "chastnoe", "uchrezhdenie", "tovarishestvo",
        "ogranichennoi", "otvetstvennostyu", "s", "korporativnyi", "respublikanskoe", "oblastnoe", "gorodskoe",
        "kogamdyk", "birlestigi", "birlestik", "koru", "zhauapkershiligi", "shekteuli", "serikestigi",
        "mekeme", "mekemesi", "korporativtik", "respublikalyk", "ayakty", "ayaktyk", "i", "zhane", "ne", "v",
        "assotsiatsiya", "soyuz", "alyans", "too", "llp", "ngo", "ogo", "pf", "of", "ju", "pu",
    ]

    static func stems(_ text: String) -> [String] {
        NameWords.words(text).filter { !legalForms.contains($0) }.map { NameWords.canonical($0) }
            .filter { $0.count >= 2 }.map { String($0.prefix(5)) }
    }

    static func compare(_ a: String, _ b: String) -> ApplicantMarks.Verdict {
        let x = stems(a), y = stems(b)
        guard !x.isEmpty, !y.isEmpty else { return .unknown }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        var unused = long
        var matched = 0
        for stem in short {
            if let i = unused.firstIndex(where: { NameWords.alike($0, stem) || $0.hasPrefix(stem) || stem.hasPrefix($0) }) {
                unused.remove(at: i)
                matched += 1
            }
        }
        if matched == short.count { return .same }
        // Not one word in common: another organisation. Some in common: a fuller or older name.
        return matched == 0 ? .different : .unknown
    }
}

extension String {
    /// Without Foundation: the Cases module is pure Swift.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.unicodeScalars), r = Array(replacement.unicodeScalars)
        guard !t.isEmpty else { return self }
        let s = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t {
                out.append(contentsOf: r)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}
