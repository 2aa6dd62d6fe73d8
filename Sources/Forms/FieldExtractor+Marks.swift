import Annex2
/// Choices: marks before and after an option, numbered and unnumbered options, and how a list is settled.
extension Extraction {
    static let activityTypes = ChoiceList(FormCatalogue.activityTypes)
    /// Option 13 alone, "other kinds of volunteer activity", whose wording an answer may repeat.
    static let otherActivity = ChoiceList([FormCatalogue.activityTypes[12]])
    static let choiceLists: [FormField: ChoiceList] = [
        .activityTypes: activityTypes, .roles: ChoiceList(FormCatalogue.roles), .availability: ChoiceList(FormCatalogue.availability),
    ]

    // MARK: marks

    static let markSymbols: Set<Character> = ["☒", "☑", "✓", "✔", "■", "●", "✗", "✘", "+", "⊠", "▣", "√"]
    // Arrays searched by spelling (`containsSpelling`), not Sets: asked of every line of every list.
    static let markWords = ["x", "х", "v", "иә", "иа", "да", "yes"]
    static let negativeWords = ["жоқ", "нет", "no"]
    static let emptyBoxes: [String] = ["☐", "□", "[ ]", "( )", "[]", "()", "○"]

    /// Marks before and after a choice: "☒ 6) …", "[x] 6.", "6) … — иә", "X", "+".
    static func splitMarks(_ text: String) -> (marked: Bool, negated: Bool, core: String) {
        var t = text.catalogueTrimmed()
        var marked = false, negated = false
        var changed = true
        while changed && !t.isEmpty {
            changed = false
            // Every empty box begins with one of these scalars and ends with one of those.
            if let f = t.unicodeScalars.first, "☐□[(○".unicodeScalars.contains(f) {
                for box in emptyBoxes where t.hasPrefix(box) { t = String(t.dropFirst(box.count)).catalogueTrimmed(); changed = true }
            }
            if let l = t.unicodeScalars.last, "☐□])○".unicodeScalars.contains(l) {
                for box in emptyBoxes where t.hasSuffix(box) { t = String(t.dropLast(box.count)).catalogueTrimmed(); changed = true }
            }
            if let f = t.first, markSymbols.contains(f) { marked = true; t = String(t.dropFirst()).catalogueTrimmed(also: "-–—:"); changed = true }
            if let l = t.last, markSymbols.contains(l) { marked = true; t = String(t.dropLast()).catalogueTrimmed(also: "-–—:"); changed = true }
            if t.hasPrefix("[") || t.hasPrefix("(") {
                let chars = Array(t.prefix(3))
                if chars.count == 3, chars[2] == "]" || chars[2] == ")",
                   markWords.containsSpelling(String(chars[1]).lowercased()) || markSymbols.contains(chars[1]) {
                    marked = true; t = String(t.dropFirst(3)).catalogueTrimmed(); changed = true
                }
            }
            if t.hasSuffix("]") || t.hasSuffix(")") {
                let chars = Array(t.suffix(3))
                if chars.count == 3 {
                    let inner = chars[1], open = chars[0]
                    if open == "[" || open == "(", markWords.containsSpelling(String(inner).lowercased()) || markSymbols.contains(inner) {
                        marked = true; t = String(t.dropLast(3)).catalogueTrimmed(); changed = true
                    }
                }
            }
            if let (first, single) = firstWord(of: t) {
                let w = first.lowercased().catalogueTrimmedPunctuation()
                if markWords.containsSpelling(w) && (single || first.count <= 3) {
                    marked = true; t = String(t.dropFirst(first.count)).catalogueTrimmed(also: "-–—:,"); changed = true
                } else if negativeWords.containsSpelling(w) && single {
                    negated = true; t = ""; changed = true
                }
            }
            if let last = lastOfSeveralWords(of: t) {
                let w = last.lowercased().catalogueTrimmedPunctuation()
                if markWords.containsSpelling(w) {
                    marked = true; t = String(t.dropLast(last.count)).catalogueTrimmed(also: "-–—:,"); changed = true
                } else if negativeWords.containsSpelling(w) {
                    negated = true; t = String(t.dropLast(last.count)).catalogueTrimmed(also: "-–—:,"); changed = true
                }
            }
        }
        return (marked, negated, t)
    }


    /// The first word (split at spaces and tabs), and whether it is the only one.
    static func firstWord(of t: String) -> (word: Substring, single: Bool)? {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = t.firstIndex(where: { !isSpace($0) }) else { return nil }
        let end = t[start...].firstIndex(where: isSpace) ?? t.endIndex
        return (t[start..<end], !t[end...].contains { !isSpace($0) })
    }

    /// The last word when the line has two or more, split at spaces, tabs, dashes and colons.
    static func lastOfSeveralWords(of t: String) -> Substring? {
        let isSeparator: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "—" || $0 == "–" || $0 == ":" || $0 == "-" }
        guard let lastLetter = t.lastIndex(where: { !isSeparator($0) }) else { return nil }
        let end = t.index(after: lastLetter)
        let start = t[..<end].lastIndex(where: isSeparator).map { t.index(after: $0) } ?? t.startIndex
        guard t[..<start].contains(where: { !isSeparator($0) }) else { return nil }
        return t[start..<end]
    }

    /// The option whose text the line repeats, for lists written without numbers: the one whose
    /// wording's stems the line holds best, both as a share of the wording and of the line.
    static func identify(_ text: String, in list: ChoiceList) -> Int? {
        let words = LabelMatcher.Words(text)
        guard words.count > 0 else { return nil }
        let table = list.vocabulary.table(for: words)
        var best: (Int, Double)? = nil
        for (item, wordings) in zip(list.items, list.stemIDs) {
            for stems in wordings {
                guard !stems.isEmpty else { continue }
                let hits = stems.filter(table.matchesAnywhere).count
                guard hits > 0 else { continue }
                let ratio = Double(hits) / Double(stems.count)
                let lineRatio = Double(min(hits, words.count)) / Double(words.count)
                if ratio < 0.5 && hits < 3 {
                    // Mostly the line's words, then: counted once each, as two stems of one word
                    // ("түрлері", "түрлерін" against "түрлері") cover it once.
                    let covered = (0..<words.count).filter { p in stems.contains { table.matches($0, at: p) } }.count
                    guard Double(covered) / Double(words.count) >= 0.6 else { continue }
                }
                let score = ratio + lineRatio
                if best == nil || score > best!.1 { best = (item.number, score) }
            }
        }
        return best?.0
    }

    // MARK: choice lists

    /// The value after a list's label: numbers ("1, 6, 8"), marked items, or options named in words.
    mutating func choiceValue(_ field: FormField, _ value: String) {
        guard let items = Extraction.choiceLists[field] else { return }
        let pieces = Extraction.splitOutsideParentheses(value, at: "\n;,").filter { !$0.catalogueTrimmed().isEmpty }
        if let numbers = Extraction.numberList(value) { listExplicit += numbers; return }
        for piece in pieces {
            if field == .activityTypes, let (_, rest) = Extraction.otherWord(piece), let other = Extraction.clean(rest[...]) {
                listExplicit.append(13)
                if result.values[.otherActivity] == nil { result.values[.otherActivity] = other }
                continue
            }
            if choiceItem(FieldExtractor.Line(cells: [piece], paragraph: nil)) { continue }
            let s = Extraction.splitMarks(piece)
            if let n = Extraction.identify(s.core, in: items), !s.negated { listExplicit.append(n) } else if !s.core.isEmpty {
                unrecognisedChoice[field, default: []].append(s.core)
            }
        }
    }

    /// One option line of the current list; false when the line is not an option.
    mutating func choiceItem(_ line: FieldExtractor.Line) -> Bool {
        guard let field = list, let items = Extraction.choiceLists[field] else { return false }
        var marked = false, negated = false
        var cores: [String] = []
        for cell in line.cells {
            let trimmed = cell.catalogueTrimmed()
            if Extraction.emptyBoxes.contains(where: { trimmed.hasPrefix($0) || trimmed.hasSuffix($0) }) { listBoxed = true }
            let s = Extraction.splitMarks(cell)
            marked = marked || s.marked
            negated = negated || s.negated
            if !s.core.isEmpty { cores.append(s.core) }
        }
        if cores.isEmpty { return false }
        if cores.count == 1, line.cells.count == 1, !marked, let numbers = Extraction.numberList(cores[0]), numbers.count > 1 || line.paragraph != nil {
            listExplicit += numbers
            return true
        }
        var number: Int? = nil
        var rest = cores
        if let n = Int(cores[0].catalogueTrimmed(also: ".)")) { number = n; rest.removeFirst() } else if let (n, r) = Extraction.leadingNumber(cores[0]) {
            number = n
            rest[0] = r
        }
        let body = rest.joined(separator: " ")
        // "9. Сколько волонтеров вы координируете: 25", "11. В какое время вам удобна волонтерская
        // деятельность?", "| 9 | Иной вид | донорство крови |": the questionnaire's own numbering, not
        // option 9 or 11; only option 13 is itself worded as "other".
        if let n = number, !marked {
            // "| 11 | Иное (укажите) | донорство крови |": the questionnaire's "other" question under its own
            // number says which other activity; whether option 13 is chosen the list itself tells.
            if field == .activityTypes, n != 13, let (_, after) = Extraction.otherWord(body) {
                if let other = Extraction.clean(after[...]), result.values[.otherActivity] == nil { result.values[.otherActivity] = other }
                return true
            }
            let head = Extraction.labelSeparator(body).map { body[..<$0.lowerBound] } ?? body[...]
            if let m = bestLabel(head, maxStart: 3), m.coverage >= 0.5 || m.start == 0, m.key != .field(.otherActivity) || n != 13,
               m.key != .field(field), Extraction.identify(String(head), in: items) != n {
                return false
            }
        }
        if number == nil {
            guard let n = Extraction.identify(body, in: items) else { return false }
            // An unnumbered "label: value" line ends the list rather than being an option; an option
            // that only shares a label's word ("руководитель/лидер") stays one.
            if bestLabel(body[...], maxStart: 0) != nil, !marked, Extraction.labelSeparator(body) != nil { return false }
            number = n
        }
        guard let n = number, (1...max(items.items.count, 13)).contains(n) || marked else { return false }
        // Underlined or bold: the official form says "underline", Word users also embolden; or coloured
        // with the highlighter or shading. Each is weighed apart (`closeList`): a template that shades
        // every option does not hide the one the applicant underlined.
        func stressed(_ by: (Paragraph.Run) -> Bool) -> Bool {
            guard let p = line.paragraph, p.runs.contains(where: { by($0) && !$0.struckThrough }) else { return false }
            let letters = p.text.filter(\.isLetter).count
            let under = p.runs.filter { by($0) && !$0.struckThrough }.map(\.text).joined().filter(\.isLetter).count
            return letters > 0 && under * 2 >= letters
        }
        listItems.append((n, marked, negated, stressed { $0.underlined || $0.bold }, stressed(\.highlighted)))
        if field == .activityTypes, n == 13, result.values[.otherActivity] == nil, let other = Extraction.otherText(rest) {
            result.values[.otherActivity] = other
        }
        return true
    }

    /// What follows the catalogue wording of option 13 ("… (нақты түрін көрсетіңіз): жастар саясаты").
    static func otherText(_ cores: [String]) -> String? {
        if cores.count > 1, let c = clean(cores.last![...]), identify(c, in: activityTypes) == nil { return c }
        guard var text = cores.first?.catalogueTrimmed() else { return nil }
        // "13 (үй жануарларына көмек)": the applicant's own words in parentheses after the number.
        if text.hasPrefix("("), text.hasSuffix(")"), text.dropFirst().firstIndex(of: ")") == text.index(before: text.endIndex) {
            text = String(text.dropFirst().dropLast()).catalogueTrimmed()
            if identify(text, in: otherActivity) == nil, !isBlank(text) { return text }
        }
        // "иное: …", "өзге — …" stand for option 13 themselves.
        if let (_, rest) = otherWord(text), let c = clean(rest[...]) { return c }
        if let i = text.lastIndex(where: { $0 == ":" || $0 == ")" }) {
            let tail = text[text.index(after: i)...]
            if let c = clean(tail), LabelMatcher.tokens(c).count >= 1 { return c }
        }
        if identify(text, in: otherActivity) == nil, let c = clean(text[...]) { return c }
        return nil
    }

    static let otherWords: Set<String> = ["иное", "иные", "другое", "другие", "прочее", "өзге", "өзгесі", "басқа", "басқасы"]

    /// "иное — помощь приютам", "өзге: жастар саясаты" → the words after the "other" word.
    static func otherWord(_ text: String) -> (String, String)? {
        let tokens = LabelMatcher.tokens(text)
        guard let first = tokens.first, otherWords.contains(first.text), tokens.count > 1 else { return nil }
        let rest = String(text[first.range.upperBound...])
        // "иные виды волонтерской деятельности…" is the option's wording, not an answer.
        if identify(rest, in: otherActivity) != nil, !rest.contains(":"), !rest.contains("—"), !rest.contains("–") { return nil }
        return (first.text, rest)
    }

    /// Settles the list that is open: marked options; else underlined ones; else, when the applicant
    /// kept only some options, the kept ones (the unchosen were deleted).
    mutating func closeList() {
        defer { list = nil; listItems = []; listExplicit = []; listBoxed = false }
        guard let field = list, let items = Extraction.choiceLists[field] else { return }
        var chosen = listExplicit
        let marked = listItems.filter { $0.marked && !$0.negated }.map(\.number)
        let answered = listItems.contains { $0.marked || $0.negated }
        if !marked.isEmpty || answered {
            chosen += marked
        } else {
            // Options set apart by one kind of stress, when it sets some apart and not all; every other
            // option stressed from top to bottom is a striped (banded) table, not a choice.
            let stressed = [listItems.map(\.underlined), listItems.map(\.highlighted)].compactMap { flags -> [Int]? in
                let striped = flags.count >= 6 && zip(flags, flags.dropFirst()).allSatisfy { $0 != $1 }
                let some = zip(listItems, flags).filter(\.1).map(\.0.number)
                return some.isEmpty || some.count == listItems.count || striped ? nil : some
            }.flatMap { $0 }
            if !stressed.isEmpty {
                chosen += stressed
            } else if chosen.isEmpty && !listItems.isEmpty && !listBoxed && Set(listItems.map(\.number)).count < items.items.count {
                // Kept options, unless they stand in empty boxes: a list of ☐ with none ticked chose nothing.
                chosen += listItems.map(\.number)
            } else if chosen.isEmpty && formattingLost && Set(listItems.map(\.number)).count >= items.items.count {
                result.doubts.append(ReadingDoubt(field, .choiceNotVisible))
            }
        }
        var seen = Set<Int>()
        chosen = chosen.filter { seen.insert($0).inserted }.sorted()
        switch field {
        case .activityTypes: result.activityTypes = Array(Set(result.activityTypes + chosen)).sorted()
        case .roles: result.roles = Array(Set(result.roles + chosen)).sorted()
        case .availability: result.availability = Array(Set(result.availability + chosen)).sorted()
        default: break
        }
    }
}
