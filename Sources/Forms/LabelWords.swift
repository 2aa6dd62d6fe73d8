extension LabelMatcher {
    /// A text's words, tokenized once: a line is asked about consent, titles, kinds and three
    /// catalogues of labels, and tokenizing it afresh for each question was most of its cost.
    /// The scalars of all words sit in one buffer, so matching touches no per-word arrays.
    public struct Words: Sendable {
        public let tokens: [Token]
        let scalars: [Unicode.Scalar]
        /// Word `i` is `scalars[bounds[i]..<bounds[i + 1]]`.
        let bounds: [Int]

        /// Which catalogue word matches which of these words, per catalogue: a line is asked
        /// about the same catalogues several times (a title? a label at the start? anywhere?).
        let tables = MatchTables()

        public var count: Int { tokens.count }

        public init(_ text: String) { self.init(text[...]) }

        public init(_ text: Substring) {
            tokens = LabelMatcher.tokens(text)
            var scalars: [Unicode.Scalar] = []
            var bounds = [0]
            bounds.reserveCapacity(tokens.count + 1)
            scalars.reserveCapacity(tokens.count * 8)
            for token in tokens {
                scalars.append(contentsOf: token.text.unicodeScalars)
                bounds.append(scalars.count)
            }
            self.scalars = scalars
            self.bounds = bounds
        }
    }
}

/// The match tables computed for one text, by catalogue. Words are made and used on one
/// thread (a line being read), so the cache needs no lock.
final class MatchTables: @unchecked Sendable {
    private var computed: [(catalogue: ObjectIdentifier, table: LabelMatchTable)] = []

    func table(_ catalogue: ObjectIdentifier, _ compute: () -> LabelMatchTable) -> LabelMatchTable {
        if let known = computed.first(where: { $0.catalogue == catalogue }) { return known.table }
        let table = compute()
        computed.append((catalogue, table))
        return table
    }
}

extension Array where Element == String {
    /// Whether one of these words is spelled exactly as `word`, compared by bytes: for short
    /// lists of words with no decomposable letter (every word of every line is asked), where
    /// hashing or comparing Cyrillic Strings would normalize them on each call.
    func containsSpelling(_ word: String) -> Bool {
        contains { LabelMatcher.spelledAlike($0, word) }
    }
}
