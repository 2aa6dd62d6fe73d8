/// A catalogue of label candidates with their keyword words interned and filed by letter, so a
/// line is compared only with the keyword words that could match each of its words, not with
/// every word of every candidate.
///
/// Which words can match (see `LabelMatcher.wordMatches`): an equal word or a word with an ending
/// shares the keyword word's first letter; a one-letter typo in a word of 5+ letters either keeps
/// the first letter or, when the typo is the first letter, keeps the second one in place (a
/// substitution) or shifts it by one (a letter dropped or added in front). So a text word `w` is
/// looked up under its first letter, and the long keyword words also under `w[1]` and `w[0]`.
public struct LabelIndex<Key: Sendable>: Sendable {
    public let candidates: [LabelMatcher.Candidate<Key>]
    /// Each candidate's keyword words, as indices into the vocabulary.
    let wordIDs: [[Int]]
    let vocabulary: [Unicode.Scalar]
    /// Word `i` of the vocabulary is `vocabulary[bounds[i]..<bounds[i + 1]]`.
    let bounds: [Int]
    let byFirst: [Unicode.Scalar: [Int]]
    /// Words of 5+ letters by their first letter, for a text word with one letter added in front.
    let longByFirst: [Unicode.Scalar: [Int]]
    /// Words of 5+ letters by their second letter, for a typo in the text word's first letter.
    let longBySecond: [Unicode.Scalar: [Int]]

    /// Identifies the catalogue in a text's cache of match tables.
    private let identity = CatalogueIdentity()

    public init(_ candidates: [LabelMatcher.Candidate<Key>]) {
        self.candidates = candidates
        var ids: [String: Int] = [:]
        var vocabulary: [Unicode.Scalar] = []
        var bounds = [0]
        var byFirst: [Unicode.Scalar: [Int]] = [:], longByFirst: [Unicode.Scalar: [Int]] = [:]
        var longBySecond: [Unicode.Scalar: [Int]] = [:]
        wordIDs = candidates.map { candidate in
            candidate.tokens.map { word in
                if let id = ids[word] { return id }
                let id = bounds.count - 1
                ids[word] = id
                let scalars = Array(word.unicodeScalars)
                vocabulary += scalars
                bounds.append(vocabulary.count)
                byFirst[scalars[0], default: []].append(id)
                if scalars.count >= 5 {
                    longByFirst[scalars[0], default: []].append(id)
                    longBySecond[scalars[1], default: []].append(id)
                }
                return id
            }
        }
        self.vocabulary = vocabulary
        self.bounds = bounds
        self.byFirst = byFirst
        self.longByFirst = longByFirst
        self.longBySecond = longBySecond
    }

    var vocabularyCount: Int { bounds.count - 1 }

    /// Which vocabulary word matches which word of the text, computed once per text.
    func table(for words: LabelMatcher.Words) -> LabelMatchTable {
        words.tables.table(ObjectIdentifier(identity)) { computeTable(for: words) }
    }

    func computeTable(for words: LabelMatcher.Words) -> LabelMatchTable {
        var table = LabelMatchTable(vocabulary: vocabularyCount, words: words.count)
        words.scalars.withUnsafeBufferPointer { text in
            vocabulary.withUnsafeBufferPointer { known in
                for position in 0..<words.count {
                    let word = text[words.bounds[position]..<words.bounds[position + 1]]
                    let first = word[word.startIndex]
                    let second: Unicode.Scalar? = word.count > 1 ? word[word.startIndex + 1] : nil
                    func check(_ bucket: [Int]?) {
                        guard let bucket else { return }
                        for id in bucket where !table.matches(id, at: position) {
                            if LabelMatcher.wordMatches(keyword: known[bounds[id]..<bounds[id + 1]], word: word) {
                                table.set(id, at: position)
                            }
                        }
                    }
                    check(byFirst[first])
                    check(longBySecond[first])
                    if let second {
                        check(longByFirst[second])
                        check(longBySecond[second])
                    }
                }
            }
        }
        return table
    }
}

final class CatalogueIdentity: Sendable {}

/// One bit per (vocabulary word, text word): whether they match.
struct LabelMatchTable {
    let words: Int
    let blocks: Int
    var bits: [UInt64]

    init(vocabulary: Int, words: Int) {
        self.words = words
        blocks = (words + 63) >> 6
        bits = Array(repeating: 0, count: vocabulary * blocks)
    }

    func matches(_ id: Int, at position: Int) -> Bool {
        bits[id * blocks + position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    mutating func set(_ id: Int, at position: Int) {
        bits[id * blocks + position >> 6] |= 1 << UInt64(position & 63)
    }

    /// Where a keyword's words occur in order, at most `gap` other words between two, starting
    /// at the earliest word no later than `maxStart`; end exclusive.
    func find(_ keyword: [Int], gap: Int, maxStart: Int) -> (start: Int, end: Int)? {
        guard let first = keyword.first, keyword.count <= words else { return nil }
        // Most candidates share no first word with a line: answered without a scan.
        if blocks == 1, bits[first] == 0 { return nil }
        var start = 0
        while start < words, start <= maxStart {
            defer { start += 1 }
            guard matches(first, at: start) else { continue }
            var position = start
            var found = true
            for part in keyword.dropFirst() {
                found = false
                var probe = position + 1
                while probe < words, probe <= position + 1 + gap {
                    if matches(part, at: probe) { found = true; break }
                    probe += 1
                }
                if !found { break }
                position = probe
            }
            if found { return (start, position + 1) }
        }
        return nil
    }
}
