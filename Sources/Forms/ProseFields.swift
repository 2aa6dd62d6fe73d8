import Annex2
/// Identifying data written in sentences rather than on form lines: "Благотворительный фонд «…»
/// (БИН 171040551207) уведомляет…", "Директор фонда Турсынова Гульнара Маратовна", "тел. +7 705 …,
/// e-mail: …". Free-form notices (Rules p.13) have no form, yet the case engine must find the
/// registrant they come from. Values found this way are weaker than a form's lines: they fill only
/// what no form in the message gave, and they alone never make a message an application.
enum ProseFields {
    // Looked up with `containsSpelling`, by bytes: every word of every prose line is asked, and
    // hashing or comparing Cyrillic Strings normalizes them on each call. These words have no
    // letter with a decomposition, so a word is canonically equal to one exactly when its bytes are.
    static let binWords = ["бин", "бсн", "bin"]
    static let iinWords = ["иин", "жсн", "iin"]
    /// Titles a head of an organisation signs with.
    static let headTitles = ["директор", "директоры", "председатель", "руководитель", "президент",
                             "төраға", "төрағасы", "басшы", "басшысы", "жетекшісі"]
    static let contactWords = ["тел", "моб", "e-mail", "email", "эл. почта", "почта", "пошта", "байланыс", "контакт"]
    static let contactWordScalars = contactWords.map { Array($0.unicodeScalars) }
    static let longestContactWord = contactWordScalars.map(\.count).max()!
    /// Words that open a name clause without being part of the name.
    static let openers: Set<String> = ["я", "мы", "мен", "біз"]

    /// `tokens`: the line's, as `LabelMatcher.tokens` gives them (the caller has them already).
    static func extract(_ line: String, tokens: [LabelMatcher.Token]) -> [FormField: String] {
        var out: [FormField: String] = [:]
        for (i, token) in tokens.enumerated() where binWords.containsSpelling(token.text) || iinWords.containsSpelling(token.text) {
            guard let number = tokens[(i + 1)...].prefix(2).first(where: { $0.text.count == 12 && $0.text.allSatisfy(\.isNumber) }) else { continue }
            let field: FormField = binWords.containsSpelling(token.text) ? .bin : .iin
            if out[field] == nil { out[field] = number.text }
            // "NAME (БИН …)": the clause before the parenthesis names whom the number identifies.
            let before = line[..<token.range.lowerBound]
            if before.catalogueTrimmedEnd().hasSuffix("("), let name = nameClause(String(before.catalogueTrimmedEnd().dropLast())) {
                let target: FormField = field == .bin ? .organizationName : .fullName
                if field == .iin, !looksLikePersonName(name) { continue }
                if out[target] == nil { out[target] = name }
            }
        }
        if let head = signature(tokens, line: line) { out[.headName] = head }
        if opensWithContactWord(line) {
            for (field, value) in Extraction.splitContacts(line) where out[field] == nil {
                let usable = field == .email ? Email.normalise(value) != nil : field == .phone || field == .whatsapp ? Phone.normalise(value) != nil : false
                if usable { out[field] = value }
            }
        }
        return out
    }

    /// Whether the line, trimmed and lowercased, starts with a contact word ("Тел.: …", "E-mail: …").
    static func opensWithContactWord(_ line: String) -> Bool {
        // One scalar past the longest word, so that a word is a whole number of characters.
        if let head = foldedHead(line, count: longestContactWord + 1) {
            return contactWordScalars.contains { head.starts(with: $0) }
        }
        let lower = line.catalogueTrimmed().lowercased()
        return contactWords.contains(where: { lower.hasPrefix($0) })
    }

    /// The first `count` scalars after leading white space, lowercased as `lowercased()` does,
    /// when each of them and its lowercase stand alone (see `SingleScalarText`): their
    /// Characters are then these scalars, and comparing scalars is comparing Characters. nil
    /// otherwise, for the String code to answer; lowercasing the whole line was most of the cost.
    static func foldedHead(_ line: String, count: Int) -> [Unicode.Scalar]? {
        var head: [Unicode.Scalar] = []
        head.reserveCapacity(count)
        for scalar in line.unicodeScalars {
            guard scalar.standsAlone, scalar != "\r" else { return nil }
            if head.isEmpty, scalar.properties.isWhitespace { continue }
            guard let lower = lowercase(scalar) else { return nil }
            head.append(lower)
            if head.count == count { break }
        }
        return head
    }

    /// A scalar's lowercase mapping when it is one scalar that stands alone.
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(scalar.value + 0x20)
        case 0x400...0x40F: return Unicode.Scalar(scalar.value + 0x50)
        case 0...0x40, 0x5B...0x7F, 0x430...0x45F: return scalar
        default:
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            guard mapped.count == 1, let lower = mapped.first, lower.standsAlone else { return nil }
            return lower
        }
    }

    /// The sentence part before a parenthesis: from the last sentence end, without an opening "Я,".
    static func nameClause(_ text: String) -> String? {
        var clause = Substring(text)
        if let end = clause.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == ";" }),
           // A dot inside the name ("ОФ «…»" is fine; "г. Алматы" is not a sentence end) is rare enough.
           clause[clause.index(after: end)...].contains(where: \.isLetter) {
            clause = clause[clause.index(after: end)...]
        }
        var words = clause.split(separator: " ").map(String.init)
        while let first = words.first, openers.contains(first.lowercased().catalogueTrimmedPunctuation()) { words.removeFirst() }
        let name = words.joined(separator: " ").catalogueTrimmed(also: ",:-–—")
        guard (1...12).contains(words.count), name.contains(where: \.isLetter), name.first?.isUppercase == true || name.first == "«" else { return nil }
        return name
    }

    static func looksLikePersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...4).contains(words.count) && words.allSatisfy { w in w.first?.isUppercase == true && w.allSatisfy { $0.isLetter || $0 == "-" } }
    }

    /// "Директор фонда Турсынова Гульнара Маратовна": a head's title, then a full name at the end of a short line.
    static func signature(_ tokens: [LabelMatcher.Token], line: String) -> String? {
        // "Директор фонда …", "Қордың директоры …": the title opens a short signature line.
        guard tokens.prefix(3).contains(where: { headTitles.containsSpelling($0.text) }), tokens.count <= 8 else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let tail = words.suffix(3)
        guard tail.count >= 2 else { return nil }
        let name = Array(tail.drop { !$0.first!.isUppercase || headTitles.containsSpelling($0.lowercased().catalogueTrimmedPunctuation()) })
        guard name.count >= 2, words.count > name.count, looksLikePersonName(name.joined(separator: " ")) else { return nil }
        return name.joined(separator: " ")
    }
}

extension Substring {
    func catalogueTrimmedEnd() -> Substring {
        var s = self
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
