extension LabelMatcher {
    /// A text's words, tokenized once: a line is asked about consent, titles, kinds and three
    /// catalogues of labels, and tokenizing it afresh for each question was most of its cost.
    /// The scalars of all words sit in one buffer, so matching touches no per-word arrays.
    public struct Words: Sendable {
        public let tokens: [Token]
        let scalars: [Unicode.Scalar]
        /// Word `i` is `scalars[bounds[i]..<bounds[i + 1]]`.
        let bounds: [Int]

        public var count: Int { tokens.count }

        public init(_ text: String) { self.init(text[...]) }

        public init(_ text: Substring) {
            tokens = LabelMatcher.tokens(text)
            var scalars: [Unicode.Scalar] = []
            var bounds = [0]
            bounds.reserveCapacity(tokens.count + 1)
            for token in tokens {
                scalars.append(contentsOf: token.text.unicodeScalars)
                bounds.append(scalars.count)
            }
            self.scalars = scalars
            self.bounds = bounds
        }
    }
}
