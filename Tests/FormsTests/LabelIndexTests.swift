import Testing
import TestRig
@testable import Forms

/// The index must find exactly what comparing every keyword of every candidate with every word
/// finds: it is an optimisation, not a new meaning.
@Suite struct LabelIndexAgreesWithAScanOfEveryCandidate {
    /// The matching as it was before the index: every candidate, every start, in order.
    static func scan<Key>(_ text: String, _ candidates: [LabelMatcher.Candidate<Key>], maxStart: Int, gap: Int)
        -> (keyword: String, start: Int, end: Int)? {
        let words = LabelMatcher.tokens(text).map { Array($0.text.unicodeScalars) }
        var best: (keyword: String, score: Int, start: Int, end: Int)? = nil
        for candidate in candidates {
            let keyword = candidate.tokens.map { Array($0.unicodeScalars) }
            guard !keyword.isEmpty, keyword.count <= words.count else { continue }
            func earliest(_ keyword: [[Unicode.Scalar]]) -> (Int, Int)? {
                for start in words.indices where start <= maxStart && LabelMatcher.wordMatches(keyword: keyword[0][...], word: words[start][...]) {
                    var position = start, ok = true
                    for part in keyword.dropFirst() {
                        var probe = position + 1, hit = false
                        while probe < words.count, probe <= position + 1 + gap {
                            if LabelMatcher.wordMatches(keyword: part[...], word: words[probe][...]) { hit = true; break }
                            probe += 1
                        }
                        if !hit { ok = false; break }
                        position = probe
                    }
                    if ok { return (start, position + 1) }
                }
                return nil
            }
            // Two-word keywords match either way round.
            guard let (start, end) = earliest(keyword) ?? (keyword.count == 2 ? earliest(keyword.reversed()) : nil) else { continue }
            if let b = best, b.score > candidate.score || (b.score == candidate.score && b.start <= start) { continue }
            best = (candidate.keyword, candidate.score, start, end)
        }
        return best.map { ($0.keyword, $0.start, $0.end) }
    }

    static let letters = Array("абвгдежзийклмнопрстуфхцчшщыэюяәғқңөұүһі")
    static let fillers = ["мой", "және", "по", "деректер", "сведения", "2024", "қызмет", "опыт", "a", "волонтер"]

    /// A keyword as applicants misspell it: an ending, a wrong, missing or extra first letter,
    /// a typo inside, words between, words around.
    static func variant(of keyword: String, _ random: inout SplitMix64) -> String {
        var words = keyword.split(separator: " ").map(String.init)
        for i in words.indices {
            var w = Array(words[i])
            switch Int.random(in: 0..<8, using: &random) {
            case 0: w += Array(["ы", "ов", "ін", "ге", "ия"].randomElement(using: &random)!)
            case 1: if !w.isEmpty { w[0] = letters.randomElement(using: &random)! }
            case 2: if !w.isEmpty { w.removeFirst() }
            case 3: w.insert(letters.randomElement(using: &random)!, at: 0)
            case 4: if w.count > 2 { w[w.count / 2] = letters.randomElement(using: &random)! }
            default: break
            }
            words[i] = String(w)
        }
        if words.count > 1, Bool.random(using: &random) {
            words.insert(fillers.randomElement(using: &random)!, at: Int.random(in: 1..<words.count, using: &random))
        }
        if Bool.random(using: &random) { words.insert(fillers.randomElement(using: &random)!, at: 0) }
        if Bool.random(using: &random) { words.append(fillers.randomElement(using: &random)!) }
        return words.joined(separator: Bool.random(using: &random) ? " " : ", ")
    }

    func agree<Key>(_ candidates: [LabelMatcher.Candidate<Key>], seed: UInt64) -> Int {
        let index = LabelIndex(candidates)
        var random = SplitMix64(seed: seed)
        var compared = 0
        for candidate in candidates {
            for _ in 0..<3 {
                let text = Self.variant(of: candidate.keyword, &random)
                    + (Bool.random(using: &random) ? " " + Self.variant(of: candidates.randomElement(using: &random)!.keyword, &random) : "")
                for maxStart in [0, 1, 2, 5, Int.max] {
                    for gap in [0, 1, 2] {
                        let indexed = LabelMatcher.bestMatch(in: LabelMatcher.Words(text), among: index, maxStart: maxStart, gap: gap)
                        let scanned = Self.scan(text, candidates, maxStart: maxStart, gap: gap)
                        #expect(indexed?.keyword == scanned?.keyword && indexed?.start == scanned?.start && indexed?.end == scanned?.end,
                                "\(text) maxStart \(maxStart) gap \(gap)")
                        compared += 1
                    }
                }
            }
        }
        return compared
    }

    @Test func onTheFieldLabels() {
        let candidates = FormCatalogue.fields.flatMap { LabelMatcher.candidates($0.field, $0.keywords) }
        #expect(agree(candidates, seed: 1) > 1_000)
    }

    @Test func onTitlesKindsConsentAndPurposes() {
        #expect(agree(FormCatalogue.titles.flatMap { LabelMatcher.candidates($0.form, $0.keywords) }, seed: 2) > 100)
        #expect(agree(FormCatalogue.kindNames.flatMap { LabelMatcher.candidates($0.kind, $0.keywords) }, seed: 3) > 100)
        #expect(agree(FormCatalogue.kindPhrases.flatMap { LabelMatcher.candidates($0.kind, $0.keywords) }, seed: 4) > 100)
        #expect(agree(LabelMatcher.candidates(true, FormCatalogue.consentSentence)
                      + LabelMatcher.candidates(false, FormCatalogue.consentRefusal), seed: 5) > 10)
        #expect(agree(ApplicationPurpose.terminationCandidates.candidates + ApplicationPurpose.changeCandidates.candidates, seed: 6) > 100)
    }

    @Test func aLineLongerThanOneWordOfBitsIsMatchedToItsEnd() {
        let words = (0..<150).map { "слово\($0)" }.joined(separator: " ")
        let candidates = FormCatalogue.fields.flatMap { LabelMatcher.candidates($0.field, $0.keywords) }
        let text = words + " Туған жылы"
        let match = LabelMatcher.bestMatch(in: LabelMatcher.Words(text), among: LabelIndex(candidates))
        #expect(match?.key == .birthYear && match?.start == 150 && match?.end == 152)
        #expect(Self.scan(text, candidates, maxStart: .max, gap: 1)?.start == 150)
    }
}

/// Naming a list option by its words: the index over the options' stems must pick exactly the
/// option a comparison of every stem with every word picks.
@Suite struct ChoiceListAgreesWithAScanOfEveryStem {
    /// `Extraction.identify` as it was before the index.
    static func scan(_ text: String, in items: [ListItem]) -> Int? {
        let words = LabelMatcher.tokens(text).map { Array($0.text.unicodeScalars) }
        guard !words.isEmpty else { return nil }
        var best: (Int, Double)? = nil
        for item in items {
            for stems in item.stems where !stems.isEmpty {
                let hits = stems.filter { stem in words.contains { LabelMatcher.wordMatches(keyword: stem[...], word: $0[...]) } }.count
                let ratio = Double(hits) / Double(stems.count)
                let lineRatio = Double(hits) / Double(words.count)
                guard ratio >= 0.5 || hits >= 3 || (lineRatio >= 0.6 && hits >= 1) else { continue }
                let score = ratio + lineRatio
                if best == nil || score > best!.1 { best = (item.number, score) }
            }
        }
        return best?.0
    }

    @Test func onEveryListOfTheQuestionnaires() {
        var random = SplitMix64(seed: 11)
        var compared = 0, named = 0
        for items in [FormCatalogue.activityTypes, FormCatalogue.roles, FormCatalogue.availability] {
            let list = ChoiceList(items)
            for item in items {
                for wording in [item.kk, item.ru] {
                    for _ in 0..<6 {
                        var text = LabelIndexAgreesWithAScanOfEveryCandidate.variant(of: wording, &random)
                        if Bool.random(using: &random) {
                            text += " " + LabelIndexAgreesWithAScanOfEveryCandidate.variant(of: items.randomElement(using: &random)!.ru, &random)
                        }
                        let indexed = Extraction.identify(text, in: list)
                        #expect(indexed == Self.scan(text, in: items), "\(text)")
                        compared += 1
                        if indexed != nil { named += 1 }
                    }
                }
            }
        }
        #expect(compared >= 250 && named > compared / 2)
    }
}
