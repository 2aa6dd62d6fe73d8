import Annex2
/// What one source says, before merging and validation.
public struct ExtractedForm: Sendable, Equatable {
    /// Annex 2 forms whose titles were recognised, in order of appearance.
    public var forms: [FormKind] = []
    /// "kk" or "ru", nil when nothing tells.
    public var language: String? = nil
    /// The kind this source states; nil when it states none or several (`kindAmbiguous`).
    public var kind: ApplicantKind? = nil
    public var kindAmbiguous = false
    /// Kinds named by questionnaire titles, and kinds marked on the application (underlined, ticked, typed).
    public var titleKinds: [ApplicantKind] = []
    public var markedKinds: [ApplicantKind] = []
    /// Raw text per field, as written (lists as "1, 6, 8"; members one per line).
    public var values: [FormField: String] = [:]
    public var activityTypes: [Int] = []
    public var roles: [Int] = []
    public var availability: [Int] = []
    public var members: [String] = []
    /// Programme and action forms keyed by `FormCatalogue.programFields` / `actionFields` names.
    public var programs: [[String: String]] = []
    public var actions: [[String: String]] = []
    /// true: the consent sentence or a "yes"; false: an explicit refusal; nil: not found.
    public var consent: Bool? = nil
    /// Identifying data found in sentences, not on form lines (`ProseFields`): used only where no form gave the field.
    public var proseValues: [FormField: String] = [:]
    /// What the source says it is for (a change or a termination); nil when it says neither.
    public var purpose: ApplicationPurpose.Statement? = nil
    /// Further applicants in the same source: a second questionnaire after the first one was filled in
    /// ("1. Анкета волонтера … 2. Анкета волонтера …"). Each has its own values; they share what came
    /// before the first questionnaire (the application's consent and kind).
    public var companions: [ExtractedForm] = []

    public init() {}

    /// Nothing of Annex 2 was recognised.
    public var isEmpty: Bool {
        forms.isEmpty && values.isEmpty && markedKinds.isEmpty && programs.isEmpty && actions.isEmpty && consent == nil
    }
}

public enum FieldExtractor {
    public static func extract(_ document: FormDocument) -> ExtractedForm {
        var state = Extraction()
        state.markUnderlinedKinds(document.paragraphs)
        for line in lines(document.blocks) { state.process(line) }
        state.closeList()
        var form = state.finishAll(text: document.plainText)
        // Only the sender's own sentences say what the message is for: an answer on a form line
        // ("Опыт: помогал семьям, чьи данные изменились…") does not.
        // Its lines were tokenized as they were read; a line holding a line break would split
        // (or, ending in CR, join the next) when rejoined, so then the text is read afresh.
        if state.prose.contains(where: { $0.text.utf8.contains { $0 == 0x0A || $0 == 0x0D } }) {
            form.purpose = ApplicationPurpose.statement(in: state.prose.map(\.text).joined(separator: "\n"))
        } else {
            form.purpose = ApplicationPurpose.statement(inLines: state.prose)
        }
        for i in form.companions.indices { form.companions[i].purpose = form.purpose }
        return form
    }

    // MARK: lines

    struct Line {
        var cells: [String]
        var paragraph: Paragraph?
        /// The row continues the one above (merged or empty first cell).
        var continuation = false
        var text: String { cells.filter { !Extraction.isBlank($0) }.joined(separator: " ") }
    }

    /// Reading order as lines: a paragraph is a line; a table row with one filled cell is that cell's
    /// paragraphs, so a label row followed by a value row reads like two paragraphs.
    static func lines(_ blocks: [FormDocument.Block]) -> [Line] {
        var out: [Line] = []
        for block in blocks {
            switch block {
            case .paragraph(let p):
                out.append(Line(cells: [p.text], paragraph: p))
            case .table(let table):
                for row in table.rows {
                    let texts = row.cells.map { $0.continuesAbove ? "" : $0.text }
                    let filled = row.cells.indices.filter { !Extraction.isBlank(texts[$0]) }
                    let first = row.cells.first
                    let continues = row.cells.count >= 2 && (first?.continuesAbove == true || (first.map { Extraction.isBlank($0.text) } ?? false))
                    if continues && !filled.isEmpty {
                        out.append(Line(cells: filled.map { texts[$0] }, paragraph: nil, continuation: true))
                    } else if filled.count == 1 {
                        out.append(contentsOf: lines(row.cells[filled[0]].blocks))
                    } else if filled.count > 1 {
                        out.append(Line(cells: filled.map { texts[$0] }, paragraph: nil))
                    }
                }
            }
        }
        return out
    }
}

/// Label keys: a field, the combined contacts line, the kind line, or a programme/action field.
enum LabelKey: Sendable, Equatable {
    case field(FormField)
    case contacts
    case kindLabel
    case program(String)
    case action(String)
}

enum Section: Equatable { case main, program, action }

struct Extraction {
    var result = ExtractedForm()
    var section = Section.main
    var pending: LabelKey? = nil
    var lastAssigned: LabelKey? = nil
    var list: FormField? = nil
    var listItems: [(number: Int, marked: Bool, negated: Bool, underlined: Bool)] = []
    var listExplicit: [Int] = []
    var unrecognisedChoice: [FormField: [String]] = [:]
    var languageVotes = ["kk": 0, "ru": 0]
    /// What the source said before its first questionnaire, shared by every applicant in it.
    var preamble: ExtractedForm? = nil
    var questionnaireOpen = false
    /// The open questionnaire already names its applicant: another questionnaire title starts a new one.
    var identified = false
    var earlierApplicants: [ExtractedForm] = []
    /// Lines that are sentences rather than form lines, for `ApplicationPurpose`.
    var prose: [(text: String, words: LabelMatcher.Words)] = []
    static let identifying: Set<FormField> = [.fullName, .iin, .organizationName, .bin]

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

    static let activityTypes = ChoiceList(FormCatalogue.activityTypes)
    /// Option 13 alone, "other kinds of volunteer activity", whose wording an answer may repeat.
    static let otherActivity = ChoiceList([FormCatalogue.activityTypes[12]])
    static let choiceLists: [FormField: ChoiceList] = [
        .activityTypes: activityTypes, .roles: ChoiceList(FormCatalogue.roles), .availability: ChoiceList(FormCatalogue.availability),
    ]

    // MARK: text helpers

    static let aboutWords: Set<String> = ["туралы", "жөнінде", "жөніндегі", "бойынша"]

    static func isBlank(_ s: String) -> Bool {
        // Nearly every text asked has a letter or digit that begins a character: found on
        // scalars, without breaking the text into characters.
        if s.unicodeScalars.startsCharacterWhere({ $0.isPlainLetterOrDigit }) { return false }
        return !s.contains { $0.isLetter || $0.isNumber || "+✓✔☒☑■●✗✘@".contains($0) }
    }

    /// A value as typed, without fill-in underscores and the separator after its label.
    static func clean(_ s: Substring) -> String? {
        // Single-scalar text is cleaned by bytes (SingleScalarText.swift); the Character code below is the reference.
        if let decided = s.utf8.withContiguousStorageIfAvailable({ $0.isSingleScalarText ? cleanByBytes($0) : nil }), let decided {
            return decided
        }
        return cleanByCharacters(s)
    }

    /// Leading characters `clean` takes off a value: ":-–—=." (and ")" after a parenthesis).
    static func isValueLead(_ s: Unicode.Scalar, closing: Bool) -> Bool {
        switch s {
        case ":", "-", "–", "—", "=", ".": return true
        case ")": return closing
        default: return false
        }
    }

    /// `clean` of single-scalar text; nil when removing underscores joined a CR and a LF.
    static func cleanByBytes(_ b: UnsafeBufferPointer<UInt8>) -> String?? {
        // Fill-in lines are runs of underscores; a single one belongs to the value ("@aliya_vol").
        var bytes: [UInt8]
        if b.contains(UInt8(ascii: "_")) {
            bytes = []
            bytes.reserveCapacity(b.count)
            var run = 0
            for c in b {
                if c == UInt8(ascii: "_") { run += 1; continue }
                if run == 1 { bytes.append(UInt8(ascii: "_")) }
                run = 0
                bytes.append(c)
            }
            if run == 1 { bytes.append(UInt8(ascii: "_")) }
            if bytes.count < b.count, zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x0D && $1 == 0x0A }) { return nil }
        } else {
            bytes = Array(b)
        }
        return bytes.withUnsafeBufferPointer { t -> String?? in
            var r = t.trimmingWhitespace(0..<t.count)
            func dropLeads(closing: Bool) {
                while !r.isEmpty {
                    let (f, n) = t.scalar(at: r.lowerBound)
                    guard isValueLead(f, closing: closing) else { break }
                    r = t.trimmingWhitespace(r.lowerBound + n..<r.upperBound)
                }
            }
            dropLeads(closing: false)
            // An explanatory parenthesis right after the label ("(Т.А.Ә. көрсетіңіз)", "(бар болған кезде)").
            while !r.isEmpty, t[r.lowerBound] == UInt8(ascii: "(") {
                let close = t.firstIndex(of: UInt8(ascii: ")"), in: r) ?? r.upperBound
                let inside = r.lowerBound + 1..<close
                guard t.containsScalar(in: inside, where: \.isCharacterLetter),
                      !t.containsScalar(in: inside, where: \.isCharacterNumber) else { break }
                r = close < r.upperBound ? t.trimmingWhitespace(close + 1..<r.upperBound) : r.upperBound..<r.upperBound
                dropLeads(closing: true)
            }
            let value = t.string(r)
            return .some(isBlank(value) ? nil : value)
        }
    }

    static func cleanByCharacters(_ s: Substring) -> String? {
        // Fill-in lines are runs of underscores; a single one belongs to the value ("@aliya_vol").
        var t = String(s).catalogueRemovingUnderscoreRuns().catalogueTrimmed()
        while let f = t.first, ":-–—=.".contains(f) { t.removeFirst(); t = t.catalogueTrimmed() }
        // An explanatory parenthesis right after the label ("(Т.А.Ә. көрсетіңіз)", "(бар болған кезде)").
        while t.hasPrefix("(") {
            let close = t.firstIndex(of: ")") ?? t.endIndex
            let inside = t[t.index(after: t.startIndex)..<close]
            guard inside.contains(where: \.isLetter), !inside.contains(where: \.isNumber) else { break }
            t = close < t.endIndex ? String(t[t.index(after: close)...]).catalogueTrimmed() : ""
            while let f = t.first, ":-–—=.)".contains(f) { t.removeFirst(); t = t.catalogueTrimmed() }
        }
        return isBlank(t) ? nil : t
    }

    mutating func vote(_ language: String?) {
        if let l = language { languageVotes[l, default: 0] += 1 }
    }

    // MARK: kinds

    mutating func markUnderlinedKinds(_ paragraphs: [Paragraph]) {
        for p in paragraphs {
            var segments: [String] = []
            var current = ""
            for run in p.runs {
                if run.underlined && !run.struckThrough { current += run.text } else if !current.isEmpty { segments.append(current); current = "" }
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

    // MARK: marks

    static let markSymbols: Set<Character> = ["☒", "☑", "✓", "✔", "■", "●", "✗", "✘", "+", "⊠", "▣", "√"]
    // Arrays searched by spelling (`containsSpelling`), not Sets: asked of every line of every list.
    static let markWords = ["x", "х", "v", "иә", "иа", "да", "yes"]
    static let negativeWords = ["жоқ", "нет", "no"]
    static let emptyBoxes: [String] = ["☐", "□", "[ ]", "( )", "[]", "()", "○"]

    /// Marks before and after a choice: "☒ 6) …", "[x] 6.", "6) … — иә", "X", "+".
    /// Runs on every line of every list, so it looks at the ends of the line, never splits it whole.
    static func splitMarks(_ text: String) -> (marked: Bool, negated: Bool, core: String) {
        let t = text.catalogueTrimmed()
        if cannotCarryMarks(t) { return (false, false, t) }
        return t.isSingleScalarText ? splitMarksByScalars(t) : splitMarksByCharacters(t)
    }

    /// `splitMarks` of a trimmed text, by Characters: the rules as written, for any text.
    static func splitMarksByCharacters(_ trimmed: String) -> (marked: Bool, negated: Bool, core: String) {
        var t = trimmed
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

    /// `splitByCharacters` for single-scalar text (every option line of a form with boxes):
    /// the same steps in the same order on an array of scalars, which here are its characters,
    /// so the line is not copied and re-broken into characters at every step.
    static func splitMarksByScalars(_ trimmed: String) -> (marked: Bool, negated: Bool, core: String) {
        let s = Array(trimmed.unicodeScalars)
        var lo = 0, hi = s.count
        func trim(also set: String = "") {
            let extra = set.unicodeScalars
            while lo < hi, s[lo].isCharacterWhitespace || extra.contains(s[lo]) { lo += 1 }
            while hi > lo, s[hi - 1].isCharacterWhitespace || extra.contains(s[hi - 1]) { hi -= 1 }
        }
        func starts(with box: [Unicode.Scalar]) -> Bool {
            hi - lo >= box.count && s[lo..<lo + box.count].elementsEqual(box)
        }
        func ends(with box: [Unicode.Scalar]) -> Bool {
            hi - lo >= box.count && s[hi - box.count..<hi].elementsEqual(box)
        }
        func isMark(_ c: Unicode.Scalar) -> Bool { isBoxOrMark(c) && markSymbols.contains(Character(c)) }
        func isMarkLetter(_ c: Unicode.Scalar) -> Bool { markWords.containsSpelling(String(Character(c)).lowercased()) }
        /// The word spelled as the rules compare it; nil when it is too long to be a mark word.
        func spelled(_ range: Range<Int>) -> String? {
            guard s[range].reduce(0, { $0 + (isWordTrimming($1) ? 0 : 1) }) <= 3 else { return nil }
            return String(String.UnicodeScalarView(s[range])).lowercased().catalogueTrimmedPunctuation()
        }
        var marked = false, negated = false
        var changed = true
        while changed && lo < hi {
            changed = false
            if "☐□[(○".unicodeScalars.contains(s[lo]) {
                for box in emptyBoxScalars where starts(with: box) { lo += box.count; trim(); changed = true }
            }
            if lo < hi, "☐□])○".unicodeScalars.contains(s[hi - 1]) {
                for box in emptyBoxScalars where ends(with: box) { hi -= box.count; trim(); changed = true }
            }
            if lo < hi, isMark(s[lo]) { marked = true; lo += 1; trim(also: "-–—:"); changed = true }
            if lo < hi, isMark(s[hi - 1]) { marked = true; hi -= 1; trim(also: "-–—:"); changed = true }
            if hi - lo >= 3, s[lo] == "[" || s[lo] == "(", s[lo + 2] == "]" || s[lo + 2] == ")",
               isMarkLetter(s[lo + 1]) || isMark(s[lo + 1]) {
                marked = true; lo += 3; trim(); changed = true
            }
            if hi - lo >= 3, s[hi - 1] == "]" || s[hi - 1] == ")", s[hi - 3] == "[" || s[hi - 3] == "(",
               isMarkLetter(s[hi - 2]) || isMark(s[hi - 2]) {
                marked = true; hi -= 3; trim(); changed = true
            }
            if lo < hi {
                // The first word, split at spaces and tabs (the text is trimmed: it starts here).
                let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
                let end = s[lo..<hi].firstIndex(where: isSpace) ?? hi
                let single = !s[end..<hi].contains { !isSpace($0) }
                if let w = spelled(lo..<end) {
                    if markWords.containsSpelling(w) && (single || end - lo <= 3) {
                        marked = true; lo = end; trim(also: "-–—:,"); changed = true
                    } else if negativeWords.containsSpelling(w) && single {
                        negated = true; lo = hi; changed = true
                    }
                }
            }
            let isSeparator: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "—" || $0 == "–" || $0 == ":" || $0 == "-" }
            if lo < hi, let lastLetter = s[lo..<hi].lastIndex(where: { !isSeparator($0) }) {
                // The last of several words, split at spaces, tabs, dashes and colons.
                let end = lastLetter + 1
                let start = s[lo..<end].lastIndex(where: isSeparator).map { $0 + 1 } ?? lo
                if s[lo..<start].contains(where: { !isSeparator($0) }), let w = spelled(start..<end) {
                    if markWords.containsSpelling(w) {
                        marked = true; hi -= end - start; trim(also: "-–—:,"); changed = true
                    } else if negativeWords.containsSpelling(w) {
                        negated = true; hi -= end - start; trim(also: "-–—:,"); changed = true
                    }
                }
            }
        }
        return (marked, negated, String(String.UnicodeScalarView(s[lo..<hi])))
    }

    static let emptyBoxScalars = emptyBoxes.map { Array($0.unicodeScalars) }

    /// A box's or a mark's scalar: what `splitMarks` looks for at the ends of a line.
    static func isBoxOrMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "☐", "□", "[", "(", "○", "]", ")", "☒", "☑", "✓", "✔", "■", "●", "✗", "✘", "+", "⊠", "▣", "√": return true
        default: return false
        }
    }

    /// What `catalogueTrimmedPunctuation` takes off a word before it is compared with the mark
    /// words, and whitespace.
    static func isWordTrimming(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", ",", ";", ":", "!", "?", ")", "(": return true
        default: return s.isCharacterWhitespace
        }
    }

    /// Whether `splitMarks` would find nothing at the ends of `t` (already trimmed), decided on
    /// scalars: no box or mark symbol at either end, and neither the first nor the last word a
    /// mark word ("x", "да", "жоқ": only words of three letters or fewer are spelled out and
    /// compared). Only for text whose characters are single scalars, so words split the same way.
    static func cannotCarryMarks(_ t: String) -> Bool {
        var t = t
        return t.withUTF8 { cannotCarryMarks(bytes: $0) }
    }

    /// `cannotCarryMarks` on the text's UTF-8: it runs on every cell of every line, and walking
    /// a String's scalar view end to end was most of its cost.
    static func cannotCarryMarks(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.isSingleScalarText, !b.contains(0x0D) else { return false }
        // Scalar starts from the end: UTF-8 continuation bytes are 10xxxxxx.
        func before(_ i: Int) -> Int {
            var j = i - 1
            while j > 0, b[j] & 0xC0 == 0x80 { j -= 1 }
            return j
        }
        func ends(_ count: Int, fromStart: Bool) -> [Unicode.Scalar?] {
            var out: [Unicode.Scalar?] = []
            var i = fromStart ? 0 : b.count
            for _ in 0..<count {
                if fromStart {
                    guard i < b.count else { out.append(nil); continue }
                    let (scalar, length) = b.scalar(at: i)
                    out.append(scalar)
                    i += length
                } else {
                    guard i > 0 else { out.append(nil); continue }
                    i = before(i)
                    out.append(b.scalar(at: i).scalar)
                }
            }
            return out
        }
        guard endsCannotCarryMarks(head: ends(3, fromStart: true), tail: ends(3, fromStart: false)) else { return false }
        let letters = { (range: Range<Int>) in b.countScalars(in: range) { !isWordTrimming($0) } }
        func spelled(_ range: Range<Int>) -> String { b.string(range).lowercased().catalogueTrimmedPunctuation() }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let firstEnd = b.firstIndex(where: isSpace) ?? b.count
        if letters(0..<firstEnd) <= 3 {
            let w = spelled(0..<firstEnd)
            let single = !b[firstEnd...].contains { !isSpace($0) }
            let scalars = b.countScalars(in: 0..<firstEnd) { _ in true }
            if markWords.containsSpelling(w) && (single || scalars <= 3) || negativeWords.containsSpelling(w) && single {
                return false
            }
        }
        // Separators: space, tab, ":", "-", and the dashes "–" (E2 80 93) and "—" (E2 80 94).
        func separator(at i: Int) -> Int? {
            switch b[i] {
            case 0x20, 0x09, UInt8(ascii: ":"), UInt8(ascii: "-"): return 1
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94): return 3
            default: return nil
            }
        }
        var end = b.count
        while end > 0, separator(at: before(end)) != nil { end = before(end) }
        if end > 0 {
            var start = end
            while start > 0, separator(at: before(start)) == nil { start = before(start) }
            var i = 0, earlierWord = false
            while i < start {
                if let n = separator(at: i) { i += n } else { earlierWord = true; break }
            }
            if earlierWord, letters(start..<end) <= 3 {
                let w = spelled(start..<end)
                if markWords.containsSpelling(w) || negativeWords.containsSpelling(w) { return false }
            }
        }
        return true
    }

    /// The three scalars at each end (nil past a short text's end) hold no box or mark symbol,
    /// no empty box "()", "[ ]", and no bracketed mark "[x]", "(✓)": those are for the full rules.
    static func endsCannotCarryMarks(head: [Unicode.Scalar?], tail: [Unicode.Scalar?]) -> Bool {
        guard let f0 = head[0], let l0 = tail[0] else { return false }
        let opening: (Unicode.Scalar?) -> Bool = { $0 == "[" || $0 == "(" }
        let closing: (Unicode.Scalar?) -> Bool = { $0 == "]" || $0 == ")" }
        let markish: (Unicode.Scalar?) -> Bool = { $0.map { isBoxOrMark($0) || "xXхХvV".unicodeScalars.contains($0) } ?? false }
        func bracketed(_ outer: Unicode.Scalar, _ inner: Unicode.Scalar?, _ far: Unicode.Scalar?,
                       isOuter: (Unicode.Scalar?) -> Bool, isFar: (Unicode.Scalar?) -> Bool) -> Bool {
            isOuter(outer) && (isFar(inner) || (inner == " " && isFar(far)) || (isFar(far) && markish(inner)))
        }
        if "☐□○".unicodeScalars.contains(f0) || (isBoxOrMark(f0) && !opening(f0) && !closing(f0))
            || bracketed(f0, head[1], head[2], isOuter: opening, isFar: closing) { return false }
        if "☐□○".unicodeScalars.contains(l0) || (isBoxOrMark(l0) && !opening(l0) && !closing(l0))
            || bracketed(l0, tail[1], tail[2], isOuter: closing, isFar: opening) { return false }
        return true
    }

    /// `cannotCarryMarks` on the String's scalars: the reference the byte version is tested against.
    static func cannotCarryMarksByScalars(_ t: String) -> Bool {
        let scalars = t.unicodeScalars
        guard scalars.allSatisfy({ $0.standsAlone && $0 != "\r" }) else { return false }
        // The three characters at each end: a box or mark symbol, an empty box "()", "[ ]", or a
        // bracketed mark "[x]", "(✓)" is for the full rules.
        var head = scalars.makeIterator(), tail = scalars.reversed().makeIterator()
        guard endsCannotCarryMarks(head: [head.next(), head.next(), head.next()],
                                   tail: [tail.next(), tail.next(), tail.next()]) else { return false }
        func letters(_ word: Substring.UnicodeScalarView) -> Int {
            word.reduce(0) { $0 + (isWordTrimming($1) ? 0 : 1) }
        }
        func spelled(_ word: Substring.UnicodeScalarView) -> String { String(Substring(word)).lowercased().catalogueTrimmedPunctuation() }
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let firstWord = scalars.prefix { !isSpace($0) }
        if letters(firstWord) <= 3 {
            let w = spelled(firstWord)
            let single = !scalars[firstWord.endIndex...].contains { !isSpace($0) }
            if markWords.containsSpelling(w) && (single || firstWord.count <= 3) || negativeWords.containsSpelling(w) && single {
                return false
            }
        }
        let isSeparator: (Unicode.Scalar) -> Bool = { isSpace($0) || $0 == "—" || $0 == "–" || $0 == ":" || $0 == "-" }
        if let lastLetter = scalars.lastIndex(where: { !isSeparator($0) }) {
            let end = scalars.index(after: lastLetter)
            let start = scalars[..<end].lastIndex(where: isSeparator).map { scalars.index(after: $0) } ?? scalars.startIndex
            let lastWord = scalars[start..<end]
            if scalars[..<start].contains(where: { !isSeparator($0) }), letters(lastWord) <= 3 {
                let w = spelled(lastWord)
                if markWords.containsSpelling(w) || negativeWords.containsSpelling(w) { return false }
            }
        }
        return true
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

    /// "6) text", "6. text", "6 text", "№6" → (6, "text").
    static func leadingNumber(_ text: String) -> (Int, String)? {
        var trimmed = text.catalogueTrimmed()
        let decided = trimmed.withUTF8 { b -> (Int, String)?? in
            // Text whose first character (after "№") does not begin with an ASCII digit has no
            // number, however its characters are made; single-scalar text is read by bytes.
            let start = b.hasPrefix("№", in: 0..<b.count) ? 3 : 0
            guard start < b.count, (0x30...0x39).contains(b[start]) else { return .some(nil) }
            guard b.isSingleScalarText else { return nil }
            return .some(leadingNumber(in: b, 0..<b.count).map { ($0.0, b.string($0.1)) })
        }
        if let decided { return decided }
        return leadingNumberByCharacters(trimmed)
    }

    /// `leadingNumber` of a range of single-scalar text: the number and the range of the rest.
    static func leadingNumber(in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Range<Int>)? {
        let r = b.trimmingWhitespace(range)
        let start = b.hasPrefix("№", in: r) ? r.lowerBound + 3 : r.lowerBound
        var end = start, n = 0
        while end < r.upperBound, (0x30...0x39).contains(b[end]) {
            if end - start < 2 { n = n * 10 + Int(b[end] - 0x30) }
            end += 1
        }
        guard (1...2).contains(end - start) else { return nil }
        if end < r.upperBound {
            switch b[end] {
            case UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ":"), UInt8(ascii: "-"): break
            default: return nil
            }
            // A date.
            if b[end] == UInt8(ascii: "."), end + 1 < r.upperBound, b.scalar(at: end + 1).scalar.isCharacterNumber { return nil }
        }
        return (n, b.trimmingWhitespace(min(end + 1, r.upperBound)..<r.upperBound))
    }

    static func leadingNumberByCharacters(_ text: String) -> (Int, String)? {
        var t = Substring(text.catalogueTrimmed())
        if t.hasPrefix("№") { t = t.dropFirst() }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let n = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        if let f = rest.first, !(f == ")" || f == "." || f == " " || f == "\t" || f == ":" || f == "-") { return nil }
        if rest.first == ".", rest.dropFirst().first?.isNumber == true { return nil } // a date
        return (n, String(rest.dropFirst(rest.isEmpty ? 0 : 1)).catalogueTrimmed())
    }

    /// "1, 6, 8", "1 6 8", "1, 6 және 8" → [1, 6, 8]; nil when the text has other words.
    static func numberList(_ text: String) -> [Int]? {
        var bytes = text
        if bytes.withUTF8({ $0.isSingleScalarText && hasNonListWord($0) }) { return nil }
        let words = LabelMatcher.tokens(text).map(\.text)
        var out: [Int] = []
        for w in words {
            if let n = Int(w), w.count <= 2 { out.append(n) } else if listConjunctions.containsSpelling(w) { continue } else { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// Compared by bytes: words are NFC, and none of these letters is spelled any other way.
    static let listConjunctions = ["және", "и", "and", "мен", "пен"]

    /// Whether single-scalar text has a word `numberList` rejects whatever else it holds: eight
    /// letters or more (no conjunction or optional-field word is that long), or three characters
    /// or more with an ASCII digit (no number of one or two digits). A run of word scalars is
    /// (part of) one word of `LabelMatcher.tokens`, a letter each.
    static func hasNonListWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0, digit = false
        var i = 0
        while i < b.count {
            let (s, n) = b.scalar(at: i)
            if LabelMatcher.isWordScalar(s) {
                run += 1
                if s.value < 0x80, (0x30...0x39).contains(s.value) { digit = true }
                if run >= 8 || (digit && run >= 3) { return true }
            } else {
                run = 0
                digit = false
            }
            i += n
        }
        return false
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
                let ratio = Double(hits) / Double(stems.count)
                let lineRatio = Double(hits) / Double(words.count)
                guard ratio >= 0.5 || hits >= 3 || (lineRatio >= 0.6 && hits >= 1) else { continue }
                let score = ratio + lineRatio
                if best == nil || score > best!.1 { best = (item.number, score) }
            }
        }
        return best?.0
    }

    // MARK: lines

    mutating func process(_ line: FieldExtractor.Line) {
        let text = line.text
        guard !Extraction.isBlank(text) else { return }
        // A quoted line is our own notice coming back in a reply, not the applicant's data.
        if line.cells.count == 1, text.catalogueTrimmed().hasPrefix(">") { return }

        if line.continuation {
            if let key = lastAssigned ?? pending { continueValue(key, text: line.cells.joined(separator: " ")) }
            return
        }

        let words = LabelMatcher.Words(text)
        if checkConsent(text, words) { prose.append((text, words)); return }
        if checkTitle(text, words) { return }
        if checkMarkedKind(line) { return }

        if let field = list, field != .members, let _ = Extraction.choiceLists[field], choiceItem(line) { return }

        if line.cells.count >= 2 {
            var cells = line.cells
            if cells.count > 2, Int(cells[0].catalogueTrimmed(also: ".)")) != nil { cells.removeFirst() }
            if let match = label(cells[0], requireStart: false) {
                let value = cells.dropFirst().joined(separator: "\n")
                accept(match.key, value: Extraction.clean(value[...]))
                return
            }
            if list == .members { addMembers(cells.joined(separator: " ")); return }
            for cell in cells { process(FieldExtractor.Line(cells: [cell], paragraph: nil)) }
            return
        }

        if let (key, rest) = inlineLabel(text, words) {
            accept(key, value: rest)
            return
        }
        if let key = pending {
            pending = nil
            assign(key, value: text)
            return
        }
        if list == .members { addMembers(text); return }
        prose.append((text, words))
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

    func bestLabel(_ words: LabelMatcher.Words, maxStart: Int) -> LabelMatcher.Match<LabelKey>? {
        let order: [LabelIndex<LabelKey>]
        switch section {
        case .main: order = [Extraction.main, Extraction.program, Extraction.action]
        case .program: order = [Extraction.program, Extraction.action, Extraction.main]
        case .action: order = [Extraction.action, Extraction.program, Extraction.main]
        }
        var best: LabelMatcher.Match<LabelKey>? = nil
        for group in order {
            if let m = LabelMatcher.bestMatch(in: words, among: group, maxStart: maxStart), m.score > (best?.score ?? 0) { best = m }
        }
        return best
    }

    /// A label cell of a table row.
    mutating func label(_ cell: String, requireStart: Bool) -> LabelMatcher.Match<LabelKey>? {
        let head = cell.firstCharacterIndex(of: ":").map { cell[..<$0] } ?? cell[...]
        guard let m = bestLabel(head, maxStart: 2), m.coverage >= 0.3 else { return nil }
        vote(m.language)
        return m
    }

    /// "Label: value", "Label value", or a label alone (the value follows).
    mutating func inlineLabel(_ text: String, _ words: LabelMatcher.Words) -> (LabelKey, String?)? {
        let colon = text.firstCharacterIndex(of: ":")
        let head = colon.map { text[..<$0] } ?? text[...]
        let headWords = colon == nil ? words : LabelMatcher.Words(head)
        guard let m = bestLabel(headWords, maxStart: colon == nil ? 0 : 2) else {
            // A label alone on its line may open with other words ("Қазіргі уақытта сіз қатысып жүрген
            // негізгі қызмет түрлерін таңдаңыз", "Волонтерлік тобы басшысының Т.А.Ә.").
            // "…қызмет түрлерін таңдаңыз:" with nothing after the colon is such a label too.
            let valueAfterColon = colon.flatMap { Extraction.clean(text[text.index(after: $0)...]) }
            guard valueAfterColon == nil, let m = bestLabel(headWords, maxStart: 5), m.coverage >= 0.4,
                  Extraction.clean(head[m.labelEnd...]) == nil else { return nil }
            vote(m.language)
            return (m.key, nil)
        }
        // "Ұйым басшысы туралы ақпарат", "Сведения о руководителе": a heading over the lines that follow.
        if colon == nil, let next = LabelMatcher.tokens(text[m.labelEnd...]).first?.text, Extraction.aboutWords.contains(next) { return nil }
        if colon != nil {
            guard m.coverage >= 0.34 || headWords.count - m.end <= 1 else { return nil }
        }
        vote(m.language)
        // Words between the matched keywords and the colon are still label ("Опыт в качестве
        // координатора волонтеров: …"); the value starts after the colon.
        let valueStart = colon.map { text.index(after: $0) } ?? m.labelEnd
        return (m.key, Extraction.clean(text[valueStart...]))
    }

    mutating func accept(_ key: LabelKey, value: String?) {
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
        case .field(let f):
            if result.values[f] == nil { result.values[f] = value }
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
        // "9. Сколько волонтеров вы координируете: 25": the questionnaire's own numbering, not option 9.
        if let n = number, let colon = body.firstCharacterIndex(of: ":"), !marked,
           let m = bestLabel(body[..<colon], maxStart: 1), m.coverage >= 0.5, m.key != .field(.otherActivity), m.key != .field(field),
           Extraction.identify(String(body[..<colon]), in: items) != n {
            return false
        }
        if number == nil {
            guard let n = Extraction.identify(body, in: items) else { return false }
            // An unnumbered label-like line ends the list rather than being an option.
            if bestLabel(body[...], maxStart: 0) != nil, !marked { return false }
            number = n
        }
        guard let n = number, (1...max(items.items.count, 13)).contains(n) || marked else { return false }
        let underlined = line.paragraph.map { p in
            guard p.runs.contains(where: \.underlined) else { return false }
            let letters = p.text.filter(\.isLetter).count
            let under = p.runs.filter(\.underlined).map(\.text).joined().filter(\.isLetter).count
            return letters > 0 && under * 2 >= letters
        } ?? false
        listItems.append((n, marked, negated, underlined))
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
        defer { list = nil; listItems = []; listExplicit = [] }
        guard let field = list, let items = Extraction.choiceLists[field] else { return }
        var chosen = listExplicit
        let marked = listItems.filter { $0.marked && !$0.negated }.map(\.number)
        let answered = listItems.contains { $0.marked || $0.negated }
        if !marked.isEmpty || answered {
            chosen += marked
        } else {
            let underlined = listItems.filter(\.underlined).map(\.number)
            if !underlined.isEmpty && underlined.count < listItems.count {
                chosen += underlined
            } else if chosen.isEmpty && !listItems.isEmpty && Set(listItems.map(\.number)).count < items.items.count {
                chosen += listItems.map(\.number)
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

    // MARK: members and contacts

    mutating func addMembers(_ text: String) {
        var bytes = text
        if let names = bytes.withUTF8({ $0.isSingleScalarText ? Extraction.memberNames($0) : nil }) {
            result.members += names
            return
        }
        addMembersByCharacters(text)
    }

    /// What `addMembers` trims off a name besides whitespace: "-–—•*·".
    static func isNameTrimming(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "-", "–", "—", "•", "*", "·": return true
        default: return s.isCharacterWhitespace
        }
    }

    /// The names `addMembers` takes from single-scalar text; nil when dropping underscores
    /// joined a CR and a LF (the Character code decides then).
    static func memberNames(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        func pieces(_ range: Range<Int>, _ isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var start = range.lowerBound
            for i in range where isSeparator(b[i]) {
                if i > start { out.append(start..<i) }
                start = i + 1
            }
            if range.upperBound > start { out.append(start..<range.upperBound) }
            return out
        }
        var ranges = pieces(0..<b.count) { $0 == 0x0A || $0 == UInt8(ascii: ";") }
        if ranges.count == 1 {
            let commas = ranges[0].reduce(0) { $0 + (b[$1] == UInt8(ascii: ",") ? 1 : 0) }
            if commas >= 1, b.firstIndex(of: UInt8(ascii: "."), in: ranges[0]) == nil || commas >= 2 {
                ranges = pieces(ranges[0]) { $0 == UInt8(ascii: ",") }
            }
        }
        var names: [String] = []
        var name: [UInt8] = []
        for piece in ranges {
            var r = b.trimmingScalars(piece, isNameTrimming)
            if let (_, rest) = leadingNumber(in: b, r) { r = rest }
            name.removeAll(keepingCapacity: true)
            for i in r where b[i] != UInt8(ascii: "_") { name.append(b[i]) }
            if name.count < r.count, zip(name, name.dropFirst()).contains(where: { $0 == 0x0D && $1 == 0x0A }) { return nil }
            let kept: String? = name.withUnsafeBufferPointer { n in
                let t = n.trimmingScalars(0..<n.count, isNameTrimming)
                guard n.containsScalar(in: t, where: \.isCharacterLetter) else { return nil }
                var words = 0, inWord = false
                for i in t {
                    if n[i] == UInt8(ascii: " ") { inWord = false } else if !inWord { inWord = true; words += 1 }
                }
                return words <= 6 ? n.string(t) : nil
            }
            if let kept { names.append(kept) }
        }
        return names
    }

    mutating func addMembersByCharacters(_ text: String) {
        var pieces = text.split { $0 == "\n" || $0 == ";" }.map(String.init)
        if pieces.count == 1, pieces[0].filter({ $0 == "," }).count >= 1, !pieces[0].contains(".") || pieces[0].filter({ $0 == "," }).count >= 2 {
            pieces = pieces[0].split(separator: ",").map(String.init)
        }
        for piece in pieces {
            var name = piece.catalogueTrimmed(also: "-–—•*·")
            if let (_, rest) = Extraction.leadingNumber(name) { name = rest }
            name = name.filter { $0 != "_" }.catalogueTrimmed(also: "-–—•*·")
            guard name.contains(where: \.isLetter), name.split(separator: " ").count <= 6 else { continue }
            result.members.append(name)
        }
    }

    /// The questionnaires' one contacts line into phone, e-mail, website, Instagram and WhatsApp.
    static func splitContacts(_ value: String) -> [FormField: String] {
        // Single-scalar text is read by bytes (SingleScalarText.swift); the Character code below is the reference.
        var bytes = value
        if let fast = bytes.withUTF8({ $0.isSingleScalarText ? splitContactsByBytes($0) : nil }) { return fast }
        return splitContactsByCharacters(value)
    }

    static func isContactSeparator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == 0x0A || c == UInt8(ascii: "|")
    }

    /// Whether lowercase text holds one of `whatsAppNames`.
    static func namesWhatsApp(_ low: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        low.contains("whatsapp", in: r) || low.contains("whats app", in: r) || low.contains("ватсап", in: r)
            || low.contains("вотсап", in: r) || low.contains("уатсап", in: r) || low.contains("вацап", in: r)
            || low.contains("ватсапп", in: r)
    }

    /// `splitContacts` of single-scalar text, with its lowercase as long as itself (so a range of
    /// the text is the same range of its lowercase); nil when its lowercase is not such text.
    static func splitContactsByBytes(_ b: UnsafeBufferPointer<UInt8>) -> [FormField: String]? {
        guard let lowered = sameLengthLowercase(b) else { return nil }
        return lowered.withUnsafeBufferPointer { low in
            var out: [FormField: String] = [:]
            for whole in b.piecesOutsideParentheses(isContactSeparator) {
                var piece = b.trimmingWhitespace(whole)
                if piece.isEmpty { continue }
                // "+7 705 555 12 90 (WhatsApp)": the same number is also the WhatsApp contact.
                var alsoWhatsApp = false
                if b[piece.upperBound - 1] == UInt8(ascii: ")"), let open = b.lastIndex(of: UInt8(ascii: "("), in: piece),
                   b.containsScalar(in: piece.lowerBound..<open, where: \.isCharacterNumber) {
                    let note = open..<piece.upperBound
                    alsoWhatsApp = namesWhatsApp(low, note)
                    if alsoWhatsApp || !low.containsScalar(in: note, where: \.isCharacterNumber) {
                        piece = b.trimmingWhitespace(piece.lowerBound..<open)
                    }
                }
                var hint: FormField? = nil
                if namesWhatsApp(low, piece) || low.contains("wa.me", in: piece) { hint = .whatsapp }
                else if low.contains("instagram.com", in: piece) || low.hasPrefix("instagram", in: piece)
                    || low.hasPrefix("инстаграм", in: piece) || low.hasPrefix("insta", in: piece) { hint = .instagram }
                else if low.hasPrefix("сайт", in: piece) || low.hasPrefix("web", in: piece) || low.hasPrefix("веб", in: piece) { hint = .website }
                else if low.hasPrefix("тел", in: piece) || low.hasPrefix("моб", in: piece) { hint = .phone }
                else if low.hasPrefix("e-mail", in: piece) || low.hasPrefix("email", in: piece) || low.contains("пошта", in: piece)
                    || low.contains("почта", in: piece) { hint = .email }
                var content = piece
                if let colon = b.firstIndex(of: UInt8(ascii: ":"), in: piece), !low.hasPrefix("http", in: piece),
                   !b.containsScalar(in: piece.lowerBound..<colon, where: \.isCharacterNumber) {
                    content = b.trimmingWhitespace(colon + 1..<piece.upperBound)
                } else if hint != nil, hint != .instagram || !low.contains("instagram.com", in: piece),
                          let space = b.firstIndex(of: UInt8(ascii: " "), in: piece) {
                    if hint != .whatsapp || !low.contains("wa.me", in: piece) { content = b.trimmingWhitespace(space..<piece.upperBound) }
                }
                if content.isEmpty { continue }
                // "телефон, e-mail, Instagram @name": a channel named without its value is no value.
                // (A value cut from the line is shorter than it, so equal to it only when not cut.)
                if content == piece, hint != nil, !b.containsScalar(in: content, where: {
                    $0.isCharacterNumber || $0 == "@" || $0 == "." || $0 == "_" || $0 == " "
                }) { continue }
                let text = b.string(content)
                let first = b[content.lowerBound]
                let slash = b.firstIndex(of: UInt8(ascii: "/"), in: content) != nil
                let field: FormField?
                if b.firstIndex(of: UInt8(ascii: "@"), in: content) != nil && first != UInt8(ascii: "@") && !slash { field = .email }
                else if first == UInt8(ascii: "@") || low.contains("instagram.com", in: content) { field = hint == .whatsapp ? .whatsapp : .instagram }
                else if Phone.normalise(text) != nil || b.countScalars(in: content, where: \.isCharacterNumber) >= 10 && !slash {
                    field = hint == .whatsapp ? .whatsapp : .phone
                }
                else if low.contains("wa.me", in: content) { field = .whatsapp }
                else if Website.normalise(text) != nil { field = hint == .instagram ? .instagram : .website }
                else { field = hint }
                if let f = field, out[f] == nil { out[f] = text }
                if alsoWhatsApp, field == .phone, out[.whatsapp] == nil { out[.whatsapp] = text }
            }
            return out
        }
    }

    static func splitContactsByCharacters(_ value: String) -> [FormField: String] {
        var out: [FormField: String] = [:]
        let pieces = Extraction.splitOutsideParentheses(value, at: ",;\n|").map { $0.catalogueTrimmed() }
        for whole in pieces where !whole.isEmpty {
            var piece = whole
            // "+7 705 555 12 90 (WhatsApp)": the same number is also the WhatsApp contact.
            var alsoWhatsApp = false
            if piece.hasSuffix(")"), let open = piece.lastIndex(of: "("), piece[..<open].contains(where: \.isNumber) {
                let note = piece[open...].lowercased()
                alsoWhatsApp = Extraction.whatsAppNames.contains { note.contains($0) }
                if alsoWhatsApp || !note.contains(where: \.isNumber) { piece = String(piece[..<open]).catalogueTrimmed() }
            }
            let lower = piece.lowercased()
            var hint: FormField? = nil
            if Extraction.whatsAppNames.contains(where: { lower.contains($0) }) || lower.contains("wa.me") { hint = .whatsapp }
            else if lower.contains("instagram.com") || lower.hasPrefix("instagram") || lower.hasPrefix("инстаграм") || lower.hasPrefix("insta") { hint = .instagram }
            else if lower.hasPrefix("сайт") || lower.hasPrefix("web") || lower.hasPrefix("веб") { hint = .website }
            else if lower.hasPrefix("тел") || lower.hasPrefix("моб") { hint = .phone }
            else if lower.hasPrefix("e-mail") || lower.hasPrefix("email") || lower.contains("пошта") || lower.contains("почта") { hint = .email }
            var content = piece
            if let colon = piece.firstIndex(of: ":"), !lower.hasPrefix("http"), !piece[..<colon].contains(where: \.isNumber) {
                content = String(piece[piece.index(after: colon)...]).catalogueTrimmed()
            } else if hint != nil, hint != .instagram || !lower.contains("instagram.com"), let space = piece.firstIndex(of: " ") {
                if hint != .whatsapp || !lower.contains("wa.me") { content = String(piece[space...]).catalogueTrimmed() }
            }
            if content.isEmpty { continue }
            // "телефон, e-mail, Instagram @name": a channel named without its value is no value.
            if content == piece, hint != nil, !content.contains(where: { $0.isNumber || $0 == "@" || $0 == "." || $0 == "_" || $0 == " " }) { continue }
            let field: FormField?
            if content.contains("@") && !content.hasPrefix("@") && !content.contains("/") { field = .email }
            else if content.hasPrefix("@") || content.lowercased().contains("instagram.com") { field = hint == .whatsapp ? .whatsapp : .instagram }
            else if Phone.normalise(content) != nil || content.filter(\.isNumber).count >= 10 && !content.contains("/") { field = hint == .whatsapp ? .whatsapp : .phone }
            else if content.lowercased().contains("wa.me") { field = .whatsapp }
            else if Website.normalise(content) != nil { field = hint == .instagram ? .instagram : .website }
            else { field = hint }
            if let f = field, out[f] == nil { out[f] = content }
            if alsoWhatsApp, field == .phone, out[.whatsapp] == nil { out[.whatsapp] = content }
        }
        return out
    }

    static let whatsAppNames = ["whatsapp", "whats app", "ватсап", "вотсап", "уатсап", "вацап", "ватсапп"]

    /// Pieces of a value split at any of `separators`, except inside parentheses.
    static func splitOutsideParentheses(_ value: String, at separators: String) -> [String] {
        // Single-scalar text split at ASCII separators is split by bytes (SingleScalarText.swift).
        if separators.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var bytes = value
            let fast = bytes.withUTF8 { b -> [String]? in
                guard b.isSingleScalarText else { return nil }
                return b.piecesOutsideParentheses { c in separators.utf8.contains(c) }.map { b.string($0) }
            }
            if let fast { return fast }
        }
        return splitOutsideParenthesesByCharacters(value, at: separators)
    }

    static func splitOutsideParenthesesByCharacters(_ value: String, at separators: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        for ch in value {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(ch) { out.append(current); current = "" } else { current.append(ch) }
        }
        out.append(current)
        return out
    }

    // MARK: result

    /// A second questionnaire after the first one named its applicant: keep the first applicant's
    /// values apart and start the next one from what the source said before any questionnaire.
    mutating func startNextApplicant() {
        closeList()
        var done = self
        earlierApplicants.append(done.finish(text: ""))
        let shared = preamble ?? ExtractedForm()
        result = ExtractedForm()
        result.consent = shared.consent
        result.markedKinds = shared.markedKinds
        result.forms = shared.forms
        unrecognisedChoice = [:]
        pending = nil
        lastAssigned = nil
        section = .main
    }

    /// The first applicant, with any further ones of the same source as its companions.
    mutating func finishAll(text: String) -> ExtractedForm {
        let last = finish(text: text)
        guard !earlierApplicants.isEmpty else { return last }
        var all = earlierApplicants + [last]
        for i in all.indices where all[i].language == nil { all[i].language = last.language }
        var first = all.removeFirst()
        // A repeated title with nobody after it ("… сауалнамасы толтырылды") is no applicant.
        first.companions = all.filter { c in Extraction.identifying.contains { c.values[$0] != nil } }
        return first
    }

    mutating func finish(text: String) -> ExtractedForm {
        if result.values[.activityTypes] == nil, !result.activityTypes.isEmpty {
            result.values[.activityTypes] = result.activityTypes.map(String.init).joined(separator: ", ")
        }
        for (field, numbers) in [(FormField.activityTypes, result.activityTypes), (.roles, result.roles), (.availability, result.availability)] {
            if !numbers.isEmpty { result.values[field] = numbers.map(String.init).joined(separator: ", ") }
            else if let words = unrecognisedChoice[field] { result.values[field] = words.joined(separator: ", ") }
        }
        if !result.members.isEmpty { result.values[.members] = result.members.joined(separator: "\n") }
        if let c = result.consent { result.values[.consent] = c ? "true" : "false" }
        result.programs = result.programs.filter { !$0.isEmpty }
        result.actions = result.actions.filter { !$0.isEmpty }

        let titles = Set(result.titleKinds), marks = Set(result.markedKinds)
        if titles.count == 1 { result.kind = titles.first }
        else if titles.count > 1 { result.kindAmbiguous = true }
        else if marks.count == 1 { result.kind = marks.first }
        else if marks.count > 1 { result.kindAmbiguous = true }

        let kk = languageVotes["kk"] ?? 0, ru = languageVotes["ru"] ?? 0
        if kk != ru { result.language = kk > ru ? "kk" : "ru" }
        else { result.language = Extraction.languageByLetters(text) }
        return result
    }

    /// Kazakh-specific letters decide when the labels do not; a few in a Russian text are names.
    static let kazakhLetters = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    static let kazakhScalars = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ".unicodeScalars)

    static func languageByLetters(_ text: String) -> String? {
        var cyrillic = 0, specific = 0
        if text.isSingleScalarText {
            // Characters are scalars here (a CR LF pair is neither Cyrillic nor Kazakh either way).
            for scalar in text.unicodeScalars where (0x0400...0x04FF).contains(scalar.value) {
                if kazakhScalars.contains(scalar) { specific += 1; cyrillic += 1 }
                else if scalar.properties.isAlphabetic { cyrillic += 1 }
            }
        } else {
            for ch in text {
                if kazakhLetters.contains(ch) { specific += 1; cyrillic += 1 }
                else if ch.unicodeScalars.allSatisfy({ (0x0400...0x04FF).contains($0.value) }) && ch.isLetter { cyrillic += 1 }
            }
        }
        guard cyrillic > 0 else { return nil }
        return specific >= 3 && specific * 50 >= cyrillic ? "kk" : "ru"
    }
}

extension String {
    func catalogueRemovingUnderscoreRuns() -> String {
        if !utf8.contains(UInt8(ascii: "_")) { return self }
        var out = ""
        var run = 0
        for ch in self + " " {
            if ch == "_" { run += 1; continue }
            if run == 1 { out.append("_") }
            run = 0
            out.append(ch)
        }
        return String(out.dropLast())
    }

    func catalogueTrimmedPunctuation() -> String { catalogueTrimmed(also: ".,;:!?)(") }
}
