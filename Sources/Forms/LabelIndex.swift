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
    let vocabulary: KeywordVocabulary
    /// The candidates whose keyword starts with each vocabulary word, in catalogue order: a
    /// line is tried only against candidates whose first word it holds.
    let byFirstWord: [[Int]]

    public init(_ candidates: [LabelMatcher.Candidate<Key>]) {
        self.candidates = candidates
        let vocabulary = KeywordVocabulary()
        wordIDs = candidates.map { candidate in candidate.tokens.map { vocabulary.intern(Array($0.unicodeScalars)) } }
        self.vocabulary = vocabulary
        var byFirstWord = Array(repeating: [Int](), count: vocabulary.count)
        for (c, ids) in wordIDs.enumerated() {
            if let first = ids.first { byFirstWord[first].append(c) }
        }
        self.byFirstWord = byFirstWord
    }

    /// The candidates that can occur in a text with this table, in catalogue order.
    func candidates(startingIn table: LabelMatchTable) -> [Int] {
        var found: [Int] = []
        for id in table.ids { found += byFirstWord[id] }
        return found.sorted()
    }

    /// Which vocabulary word matches which word of the text, computed once per text.
    func table(for words: LabelMatcher.Words) -> LabelMatchTable { vocabulary.table(for: words) }
}

/// Keyword words, each stored once and filed by letter (see `LabelIndex` for which letters).
/// A class so that a catalogue's builder can add to it; words are only added while the
/// catalogue is built, before any reader sees it.
final class KeywordVocabulary: @unchecked Sendable {
    private var ids: [[Unicode.Scalar]: Int] = [:]
    private var scalars: [Unicode.Scalar] = []
    /// Word `i` is `scalars[bounds[i]..<bounds[i + 1]]`.
    private var bounds = [0]
    private var byFirst = LetterBuckets()
    /// Words of 5+ letters by their first letter, for a text word with one letter added in front.
    private var longByFirst = LetterBuckets()
    /// Words of 5+ letters by their second letter, for a typo in the text word's first letter.
    private var longBySecond = LetterBuckets()
    /// Identifies the vocabulary in a text's cache of match tables.
    private let identity = CatalogueIdentity()

    var count: Int { bounds.count - 1 }

    /// The word's index, the same for the same word.
    func intern(_ word: [Unicode.Scalar]) -> Int {
        if let id = ids[word] { return id }
        let id = count
        ids[word] = id
        scalars += word
        bounds.append(scalars.count)
        let length = { (other: Int) in self.bounds[other + 1] - self.bounds[other] }
        byFirst.file(id, under: word[0], length: length)
        if word.count >= 5 {
            longByFirst.file(id, under: word[0], length: length)
            longBySecond.file(id, under: word[1], length: length)
        }
        return id
    }

    func table(for words: LabelMatcher.Words) -> LabelMatchTable {
        words.tables.table(ObjectIdentifier(identity)) { computeTable(for: words) }
    }

    func computeTable(for words: LabelMatcher.Words) -> LabelMatchTable {
        // Local copies: a class's stored arrays would be checked for exclusive access on every read.
        let bounds = self.bounds, scalars = self.scalars
        let byFirst = self.byFirst, longByFirst = self.longByFirst, longBySecond = self.longBySecond
        var matches: [(id: Int, position: Int)] = []
        words.scalars.withUnsafeBufferPointer { text in
            scalars.withUnsafeBufferPointer { known in
                for position in 0..<words.count {
                    let word = text[words.bounds[position]..<words.bounds[position + 1]]
                    let first = word[word.startIndex]
                    let second: Unicode.Scalar? = word.count > 1 ? word[word.startIndex + 1] : nil
                    // A keyword word longer than the text word plus one letter cannot match it
                    // (see `wordMatches`); buckets are in order of length, so the scan stops there.
                    let longest = word.count + 1
                    func check(_ bucket: [Int]) {
                        for id in bucket {
                            let keyword = known[bounds[id]..<bounds[id + 1]]
                            if keyword.count > longest { break }
                            // A word can be in several of the four buckets: the table takes repeats.
                            if LabelMatcher.wordMatches(keyword: keyword, word: word) { matches.append((id, position)) }
                        }
                    }
                    byFirst.withWords(under: first, check)
                    longBySecond.withWords(under: first, check)
                    if let second {
                        longByFirst.withWords(under: second, check)
                        longBySecond.withWords(under: second, check)
                    }
                }
            }
        }
        return LabelMatchTable(words: words.count, matches: matches)
    }
}

final class CatalogueIdentity: Sendable {}

/// Vocabulary words filed by one of their letters. Forms are written in ASCII and Cyrillic, so
/// those letters index an array directly: hashing a scalar for each of the four lookups per
/// text word per catalogue cost more than comparing the words.
struct LetterBuckets: Sendable {
    private var direct = Array(repeating: [Int](), count: 0x530)
    private var other: [Unicode.Scalar: [Int]] = [:]

    /// Files `id` keeping each letter's words in order of `length`, shortest first.
    mutating func file(_ id: Int, under letter: Unicode.Scalar, length: (Int) -> Int) {
        func insert(into words: inout [Int]) {
            let position = words.firstIndex { length($0) > length(id) } ?? words.endIndex
            words.insert(id, at: position)
        }
        if letter.value < 0x530 { insert(into: &direct[Int(letter.value)]) } else { insert(into: &other[letter, default: []]) }
    }

    /// Calls `body` with the words filed under `letter`, without copying the list.
    @inline(__always)
    func withWords(under letter: Unicode.Scalar, _ body: ([Int]) -> Void) {
        if letter.value < 0x530 {
            direct.withUnsafeBufferPointer { body($0[Int(letter.value)]) }
        } else if let words = other[letter] {
            body(words)
        }
    }
}

/// One bit per (vocabulary word, text word): whether they match. Only the vocabulary words that
/// match some word of the text have a row: a line matches a few dozen of a catalogue's hundreds
/// of words, and a full table per line and catalogue was mostly zeroing memory.
struct LabelMatchTable {
    let words: Int
    let blocks: Int
    /// The vocabulary words with a row, ascending; row `r` is `bits[r * blocks..<(r + 1) * blocks]`.
    private(set) var ids: [Int] = []
    private var bits: [UInt64] = []

    /// `matches`: (vocabulary word, text word) pairs, in any order, repeats allowed.
    init(words: Int, matches: [(id: Int, position: Int)]) {
        self.words = words
        blocks = (words + 63) >> 6
        for (id, position) in matches.sorted(by: { $0.id < $1.id }) {
            if ids.last != id {
                ids.append(id)
                bits += repeatElement(0, count: blocks)
            }
            bits[(ids.count - 1) * blocks + position >> 6] |= 1 << UInt64(position & 63)
        }
    }

    private func row(_ id: Int) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    func matches(_ id: Int, at position: Int) -> Bool {
        guard let row = row(id) else { return false }
        return bits[row * blocks + position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// Whether the vocabulary word matches any word of the text.
    func matchesAnywhere(_ id: Int) -> Bool { row(id) != nil }

    /// Where a keyword's words occur in order, at most `gap` other words between two, starting
    /// at the earliest word no later than `maxStart`; end exclusive.
    func find(_ keyword: [Int], gap: Int, maxStart: Int) -> (start: Int, end: Int)? {
        guard let first = keyword.first, keyword.count <= words, matchesAnywhere(first) else { return nil }
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
