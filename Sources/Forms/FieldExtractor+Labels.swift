import Annex2
/// Reading lines: which label a line holds, where its value starts, and where the value goes.
extension Extraction {
    // MARK: candidates

    static let main = LabelIndex<LabelKey>(
        FormCatalogue.fields.flatMap { LabelMatcher.candidates(LabelKey.field($0.field), $0.keywords) }
        + LabelMatcher.candidates(LabelKey.contacts, FormCatalogue.contacts)
        + LabelMatcher.candidates(LabelKey.kindLabel, FormCatalogue.kindLabel))
    static let program = LabelIndex<LabelKey>(
        FormCatalogue.programFields.flatMap { LabelMatcher.candidates(LabelKey.program($0.name), $0.keywords) })
    static let action = LabelIndex<LabelKey>(
        FormCatalogue.actionFields.flatMap { LabelMatcher.candidates(LabelKey.action($0.name), $0.keywords) })
    static let titles = LabelIndex<FormKind>(FormCatalogue.titles.flatMap { LabelMatcher.candidates($0.form, $0.keywords) })
    static let kindNames = LabelIndex<ApplicantKind>(FormCatalogue.kindNames.flatMap { LabelMatcher.candidates($0.kind, $0.keywords) })
    static let kindPhrases = LabelIndex<ApplicantKind>(
        FormCatalogue.kindPhrases.flatMap { LabelMatcher.candidates($0.kind, $0.keywords) })
    static let consent = LabelIndex<Bool>(LabelMatcher.candidates(true, FormCatalogue.consentSentence)
                                          + LabelMatcher.candidates(false, FormCatalogue.consentRefusal))
    static let consentRefusal = LabelIndex<Bool>(LabelMatcher.candidates(false, FormCatalogue.consentRefusal))

    // MARK: text helpers

    static let aboutWords: Set<String> = ["туралы", "жөнінде", "жөніндегі", "бойынша"]
    static let aboutPrepositions = ["о", "об"]

    mutating func vote(_ language: String?) {
        if let l = language { languageVotes[l, default: 0] += 1 }
    }

    // MARK: kinds

    mutating func markUnderlinedKinds(_ paragraphs: [Paragraph]) {
        for p in paragraphs {
            var segments: [String] = []
            var current = ""
            // Bold marks a kind too, inside the application's list of kinds when not all of it is bold.
            let boldMarks = p.runs.contains(where: \.bold) && !p.runs.allSatisfy({ $0.bold || Extraction.isBlank($0.text) })
                && Extraction.kindList(p.text).count >= 3
            for run in p.runs {
                if (run.underlined || (boldMarks && run.bold)) && !run.struckThrough { current += run.text } else if !current.isEmpty { segments.append(current); current = "" }
            }
            if !current.isEmpty { segments.append(current) }
            for s in segments where !Extraction.isBlank(s) {
                if let m = LabelMatcher.bestMatch(in: s, among: Extraction.kindNames, maxStart: 1, gap: 0), m.coverage >= 0.5 {
                    result.markedKinds.append(m.key)
                    vote(m.language)
                }
            }
        }
    }

    // MARK: lines

    mutating func process(_ line: FieldExtractor.Line) {
        let text = line.text
        let above = looseLine
        // A rule ("-----") parts one document from the next (forms typed one after another): the
        // open list ends there, and a number after it ("2.") numbers the next form, not an option.
        if line.cells.count == 1, let rule = line.cells.first, rule.filter({ "-–—=*".contains($0) }).count >= 3,
           rule.allSatisfy({ "-–—=*".contains($0) || $0.isWhitespace }) {
            closeList()
            pending = nil
            looseLine = nil
            return
        }
        // "Value / ________ / (caption)": the caption under a fill-in line names the value above it.
        guard !Extraction.isBlank(text) else { return }
        looseLine = nil
        // A quoted line is our own notice coming back in a reply, not the applicant's data.
        if line.cells.count == 1, text.catalogueTrimmed().hasPrefix(">") { return }
        // The official forms print a caption under the blank the applicant writes on; a PDF may
        // wrap it ("(Ф.И.О. (при его наличии) физического или полное наименование" / "юридического лица)").
        if let open = openCaption {
            openCaption = nil
            let whole = open.text + " " + text
            if whole.filter({ $0 == "(" }).count > whole.filter({ $0 == ")" }).count, !text.hasSuffix(")") {
                openCaption = (whole, open.above)
            } else {
                captionBelow(whole, value: open.above)
            }
            return
        }
        if line.cells.count == 1, !line.continuation {
            let t = text.catalogueTrimmed(also: ".,;")
            if let caption = Extraction.caption(text) {
                captionBelow(caption, value: above)
                return
            }
            if t.hasPrefix("("), !t.hasSuffix(")"), t.filter({ $0 == "(" }).count > t.filter({ $0 == ")" }).count,
               LabelMatcher.bestMatch(in: t, among: Extraction.personName, gap: 1) != nil {
                openCaption = (String(t.dropFirst()), above)
                return
            }
        }

        if line.continuation {
            // "| | Таңдауым | 4, 6, 11 |" under a list's question: the numbers chosen.
            if let field = list, Extraction.choiceLists[field] != nil, line.cells.count >= 2,
               let numbers = Extraction.numberList(line.cells[line.cells.count - 1]) {
                listExplicit += numbers
                return
            }
            if let field = list, Extraction.choiceLists[field] != nil, choiceItem(line) { return }
            if let key = lastAssigned ?? pending { continueValue(key, text: line.cells.joined(separator: " ")) }
            return
        }

        let words = LabelMatcher.Words(text)
        if checkConsent(text, words) { prose.append((text, words)); return }
        if checkTitle(text, words) { return }
        if checkMarkedKind(line) { return }

        if let field = list, field != .members, let _ = Extraction.choiceLists[field], choiceItem(line) { return }
        if let field = list, field != .members, Extraction.choiceLists[field] != nil, listAnswer(text, field: field) { return }

        if line.cells.count >= 2 {
            var cells = line.cells
            // A "№" column numbers the questions: "| 7 | Волонтер ретіндегі рөліңіз | |" is the question.
            if Int(cells[0].catalogueTrimmed(also: ".)")) != nil,
               cells.count > 2 || bestLabel(cells[1][...], maxStart: 2) != nil {
                cells.removeFirst()
                if cells.count == 1 {
                    process(FieldExtractor.Line(cells: cells, paragraph: nil))
                    return
                }
            }
            let answer = cells.dropFirst().joined(separator: "\n")
            if let match = labelCell(cells[0], value: Extraction.clean(answer[...])) {
                let value = answer
                accept(match.key, value: Extraction.clean(value[...]))
                return
            }
            if list == .members, addMembers(cells.joined(separator: " ")) { return }
            for cell in cells { process(FieldExtractor.Line(cells: [cell], paragraph: nil)) }
            return
        }

        if line.unanswered, let match = labelCell(text, value: nil) {
            accept(match.key, value: nil)
            return
        }
        if let (key, rest) = inlineLabel(text, words) {
            accept(key, value: rest)
            return
        }
        if let key = pending {
            pending = nil
            // A line that cannot be the awaited value ("Дата заполнения: …" after an empty e-mail
            // line) is read for what it is.
            if Extraction.fitsShape(text, of: key) {
                assign(key, value: Extraction.clean(text[...]) ?? text)
                return
            }
        }
        if list == .members, addMembers(text) { return }
        looseLine = text
        prose.append((text, words))
        if checkKindList(text) { return }
        checkKindPhrase(text, words)
        for (field, value) in ProseFields.extract(text, tokens: words.tokens) where result.proseValues[field] == nil { result.proseValues[field] = value }
    }

    mutating func checkConsent(_ text: String, _ words: LabelMatcher.Words) -> Bool {
        guard var m = LabelMatcher.bestMatch(in: words, among: Extraction.consent, gap: 1) else { return false }
        // "Не даю согласие на сбор и обработку…" also contains the longer consent phrase: a refusal anywhere wins.
        if m.key, let refusal = LabelMatcher.bestMatch(in: words, among: Extraction.consentRefusal, gap: 1) { m = refusal }
        // A keyword like "келісемін" alone is a label answer, not the sentence; the sentence is long.
        if m.key == true && m.score < 12 && words.count > 4 { return false }
        if result.consent != false { result.consent = m.key }
        vote(m.language)
        return true
    }

    mutating func checkTitle(_ text: String, _ words: LabelMatcher.Words) -> Bool {
        guard let t = LabelMatcher.bestMatch(in: words, among: Extraction.titles, maxStart: 1, gap: 0), t.coverage >= 0.5 else { return false }
        if let l = bestLabel(words, maxStart: 1), l.score > t.score { return false }
        if t.key.applicant != nil {
            if questionnaireOpen && identified { startNextApplicant() }
            if preamble == nil { preamble = result }
            questionnaireOpen = true
            identified = false
        } else if t.key == .application, questionnaireOpen && (identified || applicantName != nil) {
            // Another application blank after a questionnaire, and someone named on the first
            // blank or questionnaire: the next applicant's own papers begin (an office typing
            // several applicants' forms one after another), and nothing of the first's is theirs.
            startNextApplicant(sharing: false)
            preamble = nil
            questionnaireOpen = false
        }
        if !result.forms.contains(t.key) { result.forms.append(t.key) }
        if let kind = t.key.applicant { result.titleKinds.append(kind) }
        vote(t.language)
        closeList()
        pending = nil
        lastAssigned = nil
        switch t.key {
        case .program: section = .program; result.programs.append([:])
        case .action: section = .action; result.actions.append([:])
        default: section = .main
        }
        return true
    }

    mutating func checkMarkedKind(_ line: FieldExtractor.Line) -> Bool {
        guard list == nil || list == .members ? list == nil : true else { return false }
        var marked = false
        var cores: [String] = []
        for cell in line.cells {
            let s = Extraction.splitMarks(cell)
            marked = marked || s.marked
            if !s.core.isEmpty { cores.append(s.core) }
        }
        guard marked, cores.count == 1 else { return false }
        let words = LabelMatcher.Words(cores[0])
        guard words.count <= 6, let m = LabelMatcher.bestMatch(in: words, among: Extraction.kindNames, maxStart: 0, gap: 0),
              m.coverage >= 0.5 else { return false }
        result.markedKinds.append(m.key)
        vote(m.language)
        return true
    }

    mutating func checkKindPhrase(_ text: String, _ words: LabelMatcher.Words) {
        // "Волонтерлер тобы ретінде енгізіле ала ма?" asks; it does not apply.
        if text.catalogueTrimmed().hasSuffix("?") { return }
        if let m = LabelMatcher.bestMatch(in: words, among: Extraction.kindPhrases, gap: 0) {
            result.markedKinds.append(m.key)
            vote(m.language)
        }
    }

    /// The best label among main, programme and action fields; the current section wins ties.
    func bestLabel(_ text: Substring, maxStart: Int) -> LabelMatcher.Match<LabelKey>? {
        bestLabel(LabelMatcher.Words(text), maxStart: maxStart)
    }

    func bestLabel(_ words: LabelMatcher.Words, minStart: Int = 0, maxStart: Int,
                   accepting: (LabelKey) -> Bool = { _ in true }) -> LabelMatcher.Match<LabelKey>? {
        let order: [LabelIndex<LabelKey>]
        switch section {
        case .main: order = [Extraction.main, Extraction.program, Extraction.action]
        case .program: order = [Extraction.program, Extraction.action, Extraction.main]
        case .action: order = [Extraction.action, Extraction.program, Extraction.main]
        }
        var best: LabelMatcher.Match<LabelKey>? = nil
        for group in order {
            if let m = LabelMatcher.bestMatch(in: words, among: group, minStart: minStart, maxStart: maxStart, accepting: accepting),
               m.score > (best?.score ?? 0) { best = m }
        }
        return best
    }

    /// A label cell of a table row.
    mutating func labelCell(_ cell: String, value: String?) -> LabelMatcher.Match<LabelKey>? {
        let head = cell.firstCharacterIndex(of: ":").map { cell[..<$0] } ?? cell[...]
        // A label cell holds only label: one that opens with a known label is that field.
        let words = LabelMatcher.Words(head)
        guard let m = label(words, maxStart: 2, value: value), m.start <= Extraction.leadingFiller(words) || m.coverage >= 0.3 else { return nil }
        vote(m.language)
        return m
    }

    /// The label of a line whose answer is `value` (nil: not on this line). "Заявитель" names the
    /// kind only when the answer is a kind or no field is named beside it: "ФИО заявителя",
    /// "ИИН заявителя", "Өтініш берушінің Т.А.Ә." ask for the applicant's name and number.
    /// `isHead`: the words are label only (before a separator, a label cell, a caption), not a
    /// line that also holds its value.
    func label(_ words: LabelMatcher.Words, maxStart: Int, value: String?, isHead: Bool = true) -> LabelMatcher.Match<LabelKey>? {
        var found = bestLabel(words, maxStart: maxStart)
        if found?.key == .kindLabel, !(value.map { LabelMatcher.bestMatch(in: $0, among: Extraction.kindNames, maxStart: 1, gap: 0) != nil } ?? false) {
            found = bestLabel(words, maxStart: maxStart, accepting: { $0 != .kindLabel }) ?? (value == nil ? found : nil)
        }
        guard isHead, let best = found else { return found }
        // Kazakh puts the head word last: "Топ басшысының тәжірибесі" asks for experience, not the
        // name. Only a label ending in the genitive qualifies what follows ("Волонтерлік топ тізімі
        // (Т.А.Ә. көрсетіңіз)" is the list, with a note).
        if best.language == "kk", best.end < words.count, Extraction.isGenitive(words.tokens[best.end - 1].text),
           let last = bestLabel(words, minStart: best.end, maxStart: words.count, accepting: { $0 != .kindLabel }),
           last.language != "ru", last.end + Extraction.trailingFiller(words) == words.count {
            return last
        }
        // Russian puts the head word first and its qualifiers after it ("Волонтерский опыт
        // руководителя группы", "БИН организации"): a Russian label that opens the line wins over
        // a longer one among its qualifiers.
        let lead = Extraction.leadingFiller(words)
        guard best.language == "ru", best.start > lead else { return best }
        if let first = bestLabel(words, maxStart: lead, accepting: { $0 != .kindLabel }), first.language == "ru", first.end <= best.start {
            return first
        }
        return best
    }

    /// Words people put around a label that name nothing ("Укажите ваш ИИН", "БСН (міндетті)").
    static let fillerWords = ["укажите", "введите", "напишите", "ваш", "ваше", "ваша", "ваши", "мой", "моя", "мое", "свой",
                              "көрсетіңіз", "жазыңыз", "сіздің", "менің"]

    /// A Kazakh word in the genitive ("басшысының", "ұйымның", "топтың").
    static func isGenitive(_ word: String) -> Bool {
        ["ның", "нің", "дың", "дің", "тың", "тің"].contains { word.hasSuffix($0) }
    }

    /// How many filler words end the text ("… нөмірі (көрсетіңіз)", "… (укажите)").
    static func trailingFiller(_ words: LabelMatcher.Words) -> Int {
        words.tokens.reversed().prefix { fillerWords.containsSpelling($0.text) }.count
    }

    /// How many filler words open the text.
    static func leadingFiller(_ words: LabelMatcher.Words) -> Int {
        words.tokens.prefix { fillerWords.containsSpelling($0.text) }.count
    }

    /// "Label: value", "Label — value", "Label value", or a label alone (the value follows).
    mutating func inlineLabel(_ text: String, _ words: LabelMatcher.Words) -> (LabelKey, String?)? {
        var separator = Extraction.labelSeparator(text)
        // A dash or tab with no label before it is punctuation of a sentence ("Ранее — нет"), not a form line.
        if let d = separator, text.unicodeScalars[d.lowerBound] != ":", bestLabel(text[..<d.lowerBound], maxStart: 2) == nil { separator = nil }
        let head = separator.map { text[..<$0.lowerBound] } ?? text[...]
        let valueAfterSeparator = separator.flatMap { Extraction.clean(text[$0.upperBound...]) }
        // A note in parentheses before the colon ("ЖСН (12 сан):") is no part of the label's wording.
        let headWords = separator == nil ? words : LabelMatcher.Words(Extraction.withoutParentheses(head))
        // "ФИО заявителя: …", "Өтініш берушінің Т.А.Ә.: …": "заявитель" names the kind only when
        // the answer is a kind; otherwise the line's other label is the one meant.
        var primary = label(headWords, maxStart: separator == nil ? 0 : 2, value: valueAfterSeparator, isHead: separator != nil)
        // Before a colon or dash every word is label: one that opens with a known label is that
        // field whatever words follow it ("Опыт участия в волонтерских проектах: …"), unless what
        // follows holds a value ("тел. +7 705 555 88 47, e-mail: …" is prose with two contacts);
        // one that only holds a label somewhere must be mostly that label, or the label is looked
        // for further along ("Қазіргі уақытта сіз … қызмет түрлерін таңдаңыз:").
        if let m = primary, separator != nil {
            let opens = m.start <= Extraction.leadingFiller(headWords) && !head.contains("@") && !headWords.tokens[m.end...].contains { $0.text.contains(where: \.isNumber) }
            if !(opens || m.coverage >= 0.34 || headWords.count - m.end <= 1) { primary = nil }
        }
        guard let m = primary else {
            // A label alone on its line may open with other words ("Қазіргі уақытта сіз қатысып жүрген
            // негізгі қызмет түрлерін таңдаңыз", "Волонтерлік тобы басшысының Т.А.Ә.").
            // "…қызмет түрлерін таңдаңыз:" with nothing after the colon is such a label too.
            guard valueAfterSeparator == nil, let m = label(headWords, maxStart: 5, value: nil), m.coverage >= 0.4,
                  m.end + Extraction.trailingFiller(headWords) == headWords.count else { return nil }
            // "Информация о руководителе организации", "Сведения о руководителе": a heading over the lines that follow.
            if m.start >= 1, Extraction.aboutPrepositions.containsSpelling(headWords.tokens[m.start - 1].text) {
                heading = m.key
                return nil
            }
            vote(m.language)
            return (m.key, nil)
        }
        // "Ұйым басшысы туралы ақпарат", "Сведения о руководителе": a heading over the lines that follow.
        if separator == nil, let next = LabelMatcher.tokens(text[m.labelEnd...]).first?.text, Extraction.aboutWords.contains(next) {
            heading = m.key
            return nil
        }
        // "instagram.com/irina_kz": a site's name, not the Instagram label before a value.
        if separator == nil {
            let rest = text.unicodeScalars[m.labelEnd...]
            if rest.first == ".", let after = rest.dropFirst().first, after.properties.isAlphabetic { return nil }
        }
        // "Директор фонда Турсынова Г. М.", "Адрес указан выше": a common noun names a field in a
        // sentence too; it is a label only when a colon, dash or column ends it.
        if separator == nil, Extraction.commonNounLabels.containsSpelling(m.keyword), Extraction.clean(text[m.labelEnd...]) != nil { return nil }
        vote(m.language)
        // Words between the matched keywords and the colon are still label ("Опыт в качестве
        // координатора волонтеров: …"); the value starts after the colon.
        let valueStart = separator?.upperBound ?? m.labelEnd
        let value = Extraction.clean(text[valueStart...])
        // "БИН организации", "ИИН (12 цифр)", "Количество волонтеров в организации": the rest of a
        // label written without a colon, not its value, when it cannot be one.
        if separator == nil, let v = value, !Extraction.fitsShape(v, of: m.key) { return (m.key, nil) }
        // "Волонтер ретіндегі өз рөліңізді қысқаша сипаттап беріңіз?": a question asks; its answer follows.
        if separator == nil, text.catalogueTrimmed().hasSuffix("?") { return (m.key, nil) }
        // "Выберите основные виды деятельности, в которых участвует группа…": the question goes on
        // after a comma; its answer follows.
        if separator == nil, text.unicodeScalars[m.labelEnd...].first(where: { !$0.properties.isWhitespace }) == "," { return (m.key, nil) }
        return (m.key, value)
    }

    static func unquoted(_ value: String) -> String {
        for (open, close) in [("«", "»"), ("\"", "\""), ("“", "”")] where value.hasPrefix(open) && value.hasSuffix(close) && value.count > 2 {
            let inner = value.dropFirst().dropLast()
            if !inner.contains(open), !inner.contains(close) { return String(inner).catalogueTrimmed() }
        }
        return value
    }

    /// Catalogue keywords that are everyday words (see `inlineLabel`).
    static let commonNounLabels = [
        "директор", "руководитель", "председатель", "первый руководитель", "басшы", "басшысы", "директоры", "төрағасы",
        "жетекшісі", "адрес", "наименование", "название", "атауы", "направление", "время", "уақыты", "почта", "пошта",
        "мобильный", "сотовый", "ұялы", "бағыты", "бағыттары", "тіркелген", "зарегистрирована", "зарегистрировано",
        "родился", "родилась", "топ басшысы", "топ жетекшісі", "топ көшбасшысы",
        "руководитель группы", "лидер группы", "старший группы",
    ]

    /// Where a typed label ends and its value begins: the first colon, or a dash set off by
    /// spaces ("ФИО — …", "Телефон - …"), a tab or three spaces, as people type a form without its table. A dash inside
    /// a word ("Усть-Каменогорск", "аты-жөні") separates nothing.
    static func labelSeparator(_ text: String) -> Range<String.Index>? {
        // By scalars: every line is asked, and the separators are single scalars.
        let scalars = text.unicodeScalars
        var previousIsSpace = false
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            if c == ":" { return i..<next }
            if previousIsSpace, c == "-", next == scalars.endIndex || scalars[next].properties.isWhitespace { return i..<next }
            // A long dash joins no word: "отчество—Оспанов" is a label and its value.
            if c == "—" || c == "–", i > scalars.startIndex { return i..<next }
            // A tab, or a run of spaces, lines values up in a column.
            if c == "\t" || c == " " || c == "\u{A0}" {
                var end = next
                var spaces = 1
                while end < scalars.endIndex, scalars[end] == "\t" || scalars[end] == " " || scalars[end] == "\u{A0}" {
                    end = scalars.index(after: end)
                    spaces += 1
                }
                if c == "\t" || spaces >= 3, end < scalars.endIndex, i > scalars.startIndex { return i..<end }
                previousIsSpace = true
                i = end
                continue
            }
            previousIsSpace = c.properties.isWhitespace
            i = next
        }
        return nil
    }

    mutating func accept(_ key: LabelKey, value: String?) {
        // Under "Ұйым басшысы туралы ақпарат" / "Информация о руководителе организации" the full
        // name asked is the head's.
        var key = key
        if heading == .field(.headName), key == .field(.fullName) { key = .field(.headName) }
        // "Волонтерлер саны" in the coordinator's questionnaire counts the volunteers coordinated.
        if key == .field(.volunteerCount), questionnaireOpen, result.titleKinds.last == .coordinator { key = .field(.coordinatedCount) }
        heading = nil
        if case .field(let f) = key, Extraction.choiceLists[f] != nil || f == .members {
            closeList()
            list = f
            pending = nil
            lastAssigned = key
            if let v = value { assign(key, value: v) }
            return
        }
        closeList()
        if let v = value {
            assign(key, value: v)
            pending = nil
        } else {
            pending = key
            lastAssigned = nil
        }
    }

    mutating func assign(_ key: LabelKey, value: String) {
        lastAssigned = key
        // "«Петрова Алия»", "«+7 701 …»": quotes around a whole answer are not part of it; an
        // organisation's name keeps its own («Жарқын» қоғамдық бірлестігі).
        let value = key == .field(.organizationName) ? value : Extraction.unquoted(value)
        switch key {
        case .field(.members):
            list = .members
            addMembers(value)
        case .field(.consent):
            let s = Extraction.splitMarks(value)
            let lowered = value.lowercased()
            if s.negated || lowered.contains("бермеймін") || lowered.hasPrefix("не ") { result.consent = false } else if result.consent == nil { result.consent = true }
        case .field(let f) where Extraction.choiceLists[f] != nil:
            list = f
            choiceValue(f, value)
        case .field(let f) where Extraction.contactFields.contains(f) && value.contains(where: { $0 == "," || $0 == ";" }):
            // "Контактный телефон: 8(707)9367349, электронная почта: x@y": several contacts on one line.
            var pieces = Extraction.splitContacts(value)
            if pieces.isEmpty { pieces[f] = value }
            for (field, v) in pieces where result.values[field] == nil { result.values[field] = v }
        case .field(let f):
            if let old = result.values[f] {
                if let a = Extraction.comparable(old, f), let b = Extraction.comparable(value, f), a != b {
                    result.doubts.append(ReadingDoubt(f, .twoValues(old, value)))
                }
            } else {
                result.values[f] = value
            }
            if questionnaireOpen, Extraction.identifying.contains(f) { identified = true }
        case .contacts:
            for (f, v) in Extraction.splitContacts(value) where result.values[f] == nil { result.values[f] = v }
        case .kindLabel:
            if let m = LabelMatcher.bestMatch(in: value, among: Extraction.kindNames, maxStart: 1, gap: 0) { result.markedKinds.append(m.key) }
        case .program(let name):
            if section != .program || result.programs.isEmpty || result.programs[result.programs.count - 1][name] != nil {
                result.programs.append([:])
                section = .program
            }
            result.programs[result.programs.count - 1][name] = value
        case .action(let name):
            if section != .action || result.actions.isEmpty || result.actions[result.actions.count - 1][name] != nil {
                result.actions.append([:])
                section = .action
            }
            result.actions[result.actions.count - 1][name] = value
        }
    }

    mutating func continueValue(_ key: LabelKey, text: String) {
        guard let value = Extraction.clean(text[...]) else { return }
        switch key {
        case .field(.members): addMembers(value)
        case .field(let f) where Extraction.choiceLists[f] != nil:
            if !choiceItem(FieldExtractor.Line(cells: [value], paragraph: nil)) { choiceValue(f, value) }
        case .field(let f):
            if let old = result.values[f] { result.values[f] = old + "\n" + value } else { assign(key, value: value) }
        case .program(let name):
            if var last = result.programs.last { last[name] = (last[name].map { $0 + "\n" } ?? "") + value; result.programs[result.programs.count - 1] = last }
        case .action(let name):
            if var last = result.actions.last { last[name] = (last[name].map { $0 + "\n" } ?? "") + value; result.actions[result.actions.count - 1] = last }
        default: assign(key, value: value)
        }
    }

    // MARK: captions under blanks

    /// A line that is a caption in parentheses: "(Ф.И.О. (при его наличии) физического или полное
    /// наименование юридического лица)", "(заңды немесе жеке тұлғаның толық Т.А.Ә. (бар болған кезде)".
    static func caption(_ text: String) -> String? {
        let t = text.catalogueTrimmed(also: ".,;")
        guard t.hasPrefix("("), t.hasSuffix(")") else { return nil }
        return String(t.dropFirst())
    }

    static let signatureWords = ["подпись", "қолы"]
    static let bodyWords = ["государственного", "органа", "органның", "мемлекеттік"]

    /// A caption names what was written on the line above it: the applicant's name, or a field.
    mutating func captionBelow(_ caption: String, value: String?) {
        let words = LabelMatcher.Words(caption)
        // The signature and the state body the application is addressed to are not the applicant's data.
        if words.tokens.contains(where: { Extraction.signatureWords.containsSpelling($0.text) || Extraction.bodyWords.containsSpelling($0.text) }) { return }
        guard let value, !Extraction.isBlank(value) else { return }
        let person = LabelMatcher.bestMatch(in: words, among: Extraction.personName, gap: 1)
        let entity = LabelMatcher.bestMatch(in: words, among: Extraction.entityName, gap: 1)
        if person != nil || entity != nil {
            vote((person ?? entity)?.language)
            // The application's own blank names a person or a legal entity: which, the kind decides.
            if person != nil && entity != nil { applicantName = applicantName ?? value; return }
            assign(.field(person != nil ? .fullName : .organizationName), value: value)
            return
        }
        if let m = label(words, maxStart: 3, value: value), m.coverage >= 0.3 { assign(m.key, value: value) }
    }

    static let personName = LabelIndex<Bool>(LabelMatcher.candidates(true, Keywords(
        kk: ["Т.А.Ә", "жеке тұлғаның"], ru: ["Ф.И.О", "физического лица", "физического"])))
    static let entityName = LabelIndex<Bool>(LabelMatcher.candidates(true, Keywords(
        kk: ["заңды тұлғаның", "заңды"], ru: ["наименование юридического лица", "юридического лица"])))

    // MARK: shapes

    static let contactFields: Set<FormField> = [.phone, .email, .whatsapp]

    /// Whether a text can be the value of a field whose values have a shape: identifiers and
    /// numbers have digits, an e-mail has "@", a site has a dot. Free text fits anything.
    static func fitsShape(_ text: String, of key: LabelKey) -> Bool {
        guard case .field(let f) = key else { return true }
        let digits = text.filter(\.isNumber).count
        switch f {
        case .iin, .bin: return digits >= 6
        // "12-34-5": too short, but made of nothing but a phone number's characters, so the answer
        // (to be flagged invalid), not another line.
        case .phone: return digits >= 6 || (digits >= 3 && text.allSatisfy { $0.isNumber || " -+().".contains($0) })
        case .birthYear, .coordinatedCount, .volunteerCount, .registrationDate: return digits >= 1
        // "name.surname inbox.ru": an address typed without its "@" is still the answer, to be
        // flagged invalid, not taken for a blank; Cyrillic words or a colon make it another line.
        case .email: return text.contains("@") || (text.contains(".") && !text.contains(":") && text.allSatisfy(\.isASCII)
                                                   && text.split(separator: " ").count <= 3)
        case .website: return text.contains(".")
        // A handle is Latin letters, digits, "_" and "."; "парақшасы", "аккаунт" are the label's own words.
        case .instagram: return text.unicodeScalars.contains { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        default: return true
        }
    }

    /// "Выбранные виды: 5", "Жауабы: 5", "Ответ: 2, 5, 9" under an open list: the numbers chosen.
    mutating func listAnswer(_ text: String, field: FormField) -> Bool {
        guard let separator = Extraction.labelSeparator(text),
              let numbers = Extraction.numberList(String(text[separator.upperBound...])) else { return false }
        let colon = separator.lowerBound
        // "Виды деятельности: 1, 5" under the roles question, the activity types being answered
        // already: the generic answer to the question just asked, not the activity list again.
        if let m = bestLabel(text[..<colon], maxStart: 2), m.coverage >= 0.5, m.key != .field(field),
           !(m.key == .field(.activityTypes) && !result.activityTypes.isEmpty && listItems.isEmpty && listExplicit.isEmpty) {
            return false
        }
        listExplicit += numbers
        return true
    }

    /// A value as compared for "two different values in one letter": identifiers by digits, the
    /// birth year as a year, an e-mail without case; nil for fields written too freely to compare.
    static func comparable(_ value: String, _ field: FormField) -> String? {
        switch field {
        case .iin, .bin:
            let digits = asciiDigitCharacters(value)
            return digits.count == 12 ? digits : nil
        case .birthYear: return Plausible.year(value).map(String.init)
        case .email: return Email.normalise(value)
        default: return nil
        }
    }

    // MARK: the list of kinds

    /// The kinds named in a line, each with whether it is marked ("([x] волонтер, волонтерлер тобы, …)").
    static func kindList(_ text: String) -> [(kind: ApplicantKind, marked: Bool)] {
        var body = Substring(text)
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            body = text[text.index(after: open)..<close]
        }
        var out: [(ApplicantKind, Bool)] = []
        for piece in body.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            for part in String(piece).components(separatedBy: " және ").flatMap({ $0.components(separatedBy: " и ") }) {
                let s = splitMarks(part)
                guard let m = LabelMatcher.bestMatch(in: s.core, among: kindNames, maxStart: 1, gap: 0), m.coverage >= 0.5 else { continue }
                out.append((m.key, s.marked))
            }
        }
        return out
    }

    /// The application's "(волонтер, волонтерлер тобы, …)": a list of the kinds, one of them marked.
    /// True when the line is such a list, marked or not; its words then say nothing more of the kind.
    mutating func checkKindList(_ text: String) -> Bool {
        let kinds = Extraction.kindList(text)
        guard Set(kinds.map(\.kind)).count >= 3 else { return false }
        for k in kinds where k.marked { result.markedKinds.append(k.kind) }
        return true
    }

    /// The text without its parenthesised notes that hold a number ("(12 сан)", "(12 цифр)"); a
    /// parenthesis of words ("(жобаның)") is part of the label's wording.
    static func withoutParentheses(_ text: Substring) -> String {
        var out = ""
        var rest = text
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inside = rest[rest.index(after: open)..<close]
            out += rest[..<open]
            if !inside.contains(where: \.isNumber) { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
