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
        vocabulary.seal()
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
    private var filing = LetterBuckets()
    /// The buckets in one flat array, made by `seal()` once every word is in.
    private var sealed: LetterBuckets.Sealed? = nil
    /// Identifies the vocabulary in a text's cache of match tables.
    private let identity = CatalogueIdentity()

    var count: Int { bounds.count - 1 }

    /// The word's index, the same for the same word.
    func intern(_ word: [Unicode.Scalar]) -> Int {
        precondition(sealed == nil, "a sealed vocabulary takes no words")
        if let id = ids[word] { return id }
        let id = count
        ids[word] = id
        scalars += word
        bounds.append(scalars.count)
        filing.file(id, under: word[0], in: .first)
        if word.count >= 5 {
            filing.file(id, under: word[0], in: .longByFirst)
            filing.file(id, under: word[1], in: .longBySecond)
        }
        return id
    }

    /// Ends the building: the buckets are laid out for reading, each in order of word length.
    func seal() {
        let bounds = self.bounds, scalars = self.scalars
        sealed = filing.sealed { id in
            let start = bounds[id], length = bounds[id + 1] - start
            return LetterBuckets.Entry(id: Int32(id), start: Int32(start), length: Int32(length),
                                       second: length > 1 ? scalars[start + 1] : nil, third: length > 2 ? scalars[start + 2] : nil)
        }
    }

    func table(for words: LabelMatcher.Words) -> LabelMatchTable {
        words.tables.table(ObjectIdentifier(identity)) { computeTable(for: words) }
    }

    func computeTable(for words: LabelMatcher.Words) -> LabelMatchTable {
        guard let sealed else { preconditionFailure("a vocabulary is sealed before it is read") }
        // A local copy: a class's stored arrays would be checked for exclusive access on every read.
        let scalars = self.scalars
        var matches: [(id: Int, position: Int)] = []
        sealed.entries.withUnsafeBufferPointer { entries in
        scalars.withUnsafeBufferPointer { known in
        words.scalars.withUnsafeBufferPointer { text in
        words.bounds.withUnsafeBufferPointer { bounds in
            for position in 0..<words.count {
                let start = bounds[position], end = bounds[position + 1]
                let word = text[start..<end]
                let first = text[start]
                // A keyword word longer than the text word plus a stem's ending cannot match it (see
                // `wordMatches`); buckets are in order of length, so a scan stops there.
                let longest = end - start + max(1, LabelMatcher.stemSlack)
                // Most keyword words sharing the first letter differ at the second: a keyword
                // word of under four letters matches only when equal, and a longer one only when
                // its second and third letters meet the text word's second and third, straight
                // or one letter shifted (one typo).
                let y1: Unicode.Scalar? = end - start > 1 ? text[start + 1] : nil
                let y2: Unicode.Scalar? = end - start > 2 ? text[start + 2] : nil
                func secondLettersAllow(_ entry: LetterBuckets.Entry, _ k: Int) -> Bool {
                    let x1 = entry.second, x2 = entry.third
                    if k < 4 { return k == end - start && x1 == y1 }
                    return x1 == y1 || x2 == y2 || x1 == y2 || x2 == y1
                }
                // The other three buckets hold words of 5+ letters, which match a text word of
                // at least four.
                for probe in 0..<(end - start >= 4 ? 4 : 1) {
                    let bucket: LetterBuckets.Bucket = probe == 0 ? .first : probe == 2 ? .longByFirst : .longBySecond
                    guard let letter = probe < 2 ? first : y1 else { continue }
                    // A word can be in several of the four buckets: the table takes repeats.
                    for e in sealed.range(of: bucket, under: letter) {
                        let entry = entries[e]
                        let k = Int(entry.length)
                        if k > longest { break }
                        if bucket == .first, k >= 2, !secondLettersAllow(entry, k) { continue }
                        let at = Int(entry.start)
                        if LabelMatcher.wordMatches(keyword: known[at..<at + k], word: word) {
                            matches.append((Int(entry.id), position))
                        }
                    }
                }
            }
        }
        }
        }
        }
        return LabelMatchTable(words: words.count, matches: matches)
    }
}

final class CatalogueIdentity: Sendable {}

/// Vocabulary words filed by one of their letters (see `LabelIndex` for which letters).
struct LetterBuckets {
    enum Bucket: Int, CaseIterable {
        /// Every word by its first letter.
        case first
        /// Words of 5+ letters by their first letter, for a text word with one letter added in front.
        case longByFirst
        /// Words of 5+ letters by their second letter, for a typo in the text word's first letter.
        case longBySecond
    }

    private var words: [Bucket: [Unicode.Scalar: [Int]]] = [:]

    mutating func file(_ id: Int, under letter: Unicode.Scalar, in bucket: Bucket) {
        words[bucket, default: [:]][letter, default: []].append(id)
    }

    /// A filed word with what the scan of a bucket asks first, so the scan reads one array.
    struct Entry: Sendable {
        let id: Int32
        /// Where the word's letters start in the vocabulary, and how many there are.
        let start: Int32
        let length: Int32
        let second: Unicode.Scalar?
        let third: Unicode.Scalar?
    }

    /// Forms are written in ASCII and Cyrillic: those letters find their words by array index,
    /// all buckets in one array, so looking up four buckets per text word neither hashes nor
    /// retains anything.
    struct Sealed: Sendable {
        static let direct = 0x530
        let entries: [Entry]
        /// Bucket `b`, letter `l` (below `direct`) is `entries[offsets[b * (direct + 1) + l]..<offsets[… + l + 1]]`.
        let offsets: [Int32]
        let other: [Bucket: [Unicode.Scalar: Range<Int>]]

        func range(of bucket: Bucket, under letter: Unicode.Scalar) -> Range<Int> {
            guard letter.value < Self.direct else { return other[bucket]?[letter] ?? 0..<0 }
            let i = bucket.rawValue * (Self.direct + 1) + Int(letter.value)
            return Int(offsets[i])..<Int(offsets[i + 1])
        }
    }

    /// Each bucket in order of word length, shortest first (ties in filing order).
    func sealed(entry: (Int) -> Entry) -> Sealed {
        var entries: [Entry] = []
        var offsets: [Int32] = []
        var other: [Bucket: [Unicode.Scalar: Range<Int>]] = [:]
        func ordered(_ ids: [Int]) -> [Entry] {
            ids.enumerated().map { (entry($0.element), $0.offset) }.sorted { ($0.0.length, $0.1) < ($1.0.length, $1.1) }.map(\.0)
        }
        for bucket in Bucket.allCases {
            let filed = words[bucket] ?? [:]
            for letter in 0..<Sealed.direct {
                offsets.append(Int32(entries.count))
                if let scalar = Unicode.Scalar(letter), let ids = filed[scalar] { entries += ordered(ids) }
            }
            offsets.append(Int32(entries.count))
        }
        for (bucket, filed) in words {
            for (letter, ids) in filed where letter.value >= Sealed.direct {
                let start = entries.count
                entries += ordered(ids)
                other[bucket, default: [:]][letter] = start..<entries.count
            }
        }
        return Sealed(entries: entries, offsets: offsets, other: other)
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
    func find(_ keyword: [Int], gap: Int, minStart: Int = 0, maxStart: Int) -> (start: Int, end: Int)? {
        if let found = findInOrder(keyword, gap: gap, minStart: minStart, maxStart: maxStart) { return found }
        // Two words either way round: "группа (список)" is "список группы".
        guard keyword.count == 2 else { return nil }
        return findInOrder(keyword.reversed(), gap: gap, minStart: minStart, maxStart: maxStart)
    }

    private func findInOrder(_ keyword: [Int], gap: Int, minStart: Int, maxStart: Int) -> (start: Int, end: Int)? {
        guard let first = keyword.first, keyword.count <= words, matchesAnywhere(first) else { return nil }
        var start = minStart
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
