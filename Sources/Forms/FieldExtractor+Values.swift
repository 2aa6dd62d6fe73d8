/// Values as typed: blank answers, fill-in underscores, leading numbers and number lists.
extension Extraction {
    static func isBlank(_ s: String) -> Bool {
        !s.contains { $0.isLetter || $0.isNumber || "+✓✔☒☑■●✗✘@".contains($0) }
    }

    /// A value as typed, without fill-in underscores and the separator after its label.
    static func clean(_ s: Substring) -> String? {
        // Fill-in lines are runs of underscores; a single one belongs to the value ("@aliya_vol").
        var t = String(s).catalogueRemovingUnderscoreRuns().catalogueTrimmed()
        // "**ФИО:** …": the emphasis of a label typed in Markdown (or a required-field star) ends after its colon.
        while let f = t.first, ":-–—=.*".contains(f) { t.removeFirst(); t = t.catalogueTrimmed() }
        while let l = t.last, l == "*" { t.removeLast(); t = t.catalogueTrimmed() }
        // "Ответ: …", "Жауабы: …" on the line under a question: the answer's own label.
        if let colon = t.firstIndex(of: ":"), answerWords.containsSpelling(LabelMatcher.normalise(String(t[..<colon]))) {
            t = String(t[t.index(after: colon)...]).catalogueTrimmed()
        }
        // An explanatory parenthesis right after the label ("(Т.А.Ә. көрсетіңіз)", "(бар болған кезде)").
        while t.hasPrefix("(") {
            let close = t.firstIndex(of: ")") ?? t.endIndex
            let inside = t[t.index(after: t.startIndex)..<close]
            // "(12 цифр) 011017657703": a note on the label, when a value follows it.
            let rest = close < t.endIndex ? t[t.index(after: close)...] : ""
            guard inside.contains(where: \.isLetter), !inside.contains(where: \.isNumber) || !isBlank(String(rest)) else { break }
            t = close < t.endIndex ? String(t[t.index(after: close)...]).catalogueTrimmed() : ""
            while let f = t.first, ":-–—=.)".contains(f) { t.removeFirst(); t = t.catalogueTrimmed() }
        }
        return isBlank(t) ? nil : t
    }

    static let answerWords = ["ответ", "жауап", "жауабы", "answer"]

    /// "6) text", "6. text", "6 text", "№6" → (6, "text").
    static func leadingNumber(_ text: String) -> (Int, String)? {
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
        let words = LabelMatcher.tokens(text).map(\.text)
        var out: [Int] = []
        for w in words {
            if let n = Int(w), w.count <= 2 { out.append(n) } else if listConjunctions.containsSpelling(w) { continue } else { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// Compared by bytes: words are NFC, and none of these letters is spelled any other way.
    static let listConjunctions = ["және", "и", "and", "мен", "пен"]

    /// Pieces of a value split at any of `separators`, except inside parentheses.
    static func splitOutsideParentheses(_ value: String, at separators: String) -> [String] {
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
