/// Message-ID, In-Reply-To and References values: `<id@host>` lists, as threading needs them.
public enum MessageIDList {
    /// The ids in order, without angle brackets.
    ///
    /// Comments, commas and folding between ids are skipped quietly; bare `id@host` tokens (no
    /// brackets) are taken, since some clients write them; anything else skipped is a defect.
    public static func parse(_ value: String) -> (ids: [String], defects: [Defect]) {
        let input = Array(value.utf8)
        var ids: [String] = []
        var defects: [Defect] = []
        var i = 0
        let n = input.count
        var quotesBalance = true
        while i < n {
            let c = input[i]
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ","):
                i += 1
            case UInt8(ascii: "("):
                let (_, end, closed) = AddressTokenizer.delimited(input, from: i + 1, open: UInt8(ascii: "("),
                                                                  close: UInt8(ascii: ")"))
                if !closed { defects.append(Defect(.invalidMessageID, "unterminated comment")) }
                i = end
            case UInt8(ascii: "<"):
                var (id, j) = bracketed(input, from: i + 1, quotes: quotesBalance)
                if j == n, quotesBalance, id.contains(UInt8(ascii: "\"")) {
                    // An unbalanced quote must not swallow the ids after it; nor be rescanned at every "<".
                    quotesBalance = false
                    (id, j) = bracketed(input, from: i + 1, quotes: false)
                    defects.append(Defect(.invalidMessageID, "unbalanced quote"))
                }
                let closed = j < n && input[j] == UInt8(ascii: ">")
                let text = String(decoding: id, as: UTF8.self)
                if text.isEmpty {
                    defects.append(Defect(.invalidMessageID, "empty <>"))
                } else {
                    ids.append(text)
                    if !closed { defects.append(Defect(.invalidMessageID, "missing '>' after \(text.prefix(200))")) }
                }
                i = closed ? j + 1 : j
            default:
                var j = i
                var inQuotes = false
                while j < n {
                    let d = input[j]
                    if d == UInt8(ascii: "\"") { inQuotes.toggle() }
                    if !inQuotes, d == 0x20 || d == 0x09 || d == 0x0D || d == 0x0A || d == UInt8(ascii: ",")
                        || d == UInt8(ascii: "<") || d == UInt8(ascii: "(") || (d == UInt8(ascii: ">") && j > i) { break }
                    if d == UInt8(ascii: "\\"), inQuotes, j + 1 < n { j += 1 }
                    j += 1
                }
                let token = String(decoding: input[i..<j], as: UTF8.self)
                if isBareID(token) {
                    ids.append(token)
                } else {
                    defects.append(Defect(.invalidMessageID, "skipped: \(token.prefix(200))"))
                }
                i = max(j, i + 1)
            }
        }
        return (ids, defects)
    }

    /// The id after "<", up to the ">" (or a "<", or the end); the index where it stopped.
    private static func bracketed(_ input: [UInt8], from start: Int, quotes: Bool) -> (id: [UInt8], end: Int) {
        var id: [UInt8] = []
        var j = start
        var inQuotes = false
        while j < input.count {
            let d = input[j]
            if quotes, d == UInt8(ascii: "\""), !(inQuotes && id.last == UInt8(ascii: "\\")) { inQuotes.toggle() }
            if !inQuotes, d == UInt8(ascii: ">") || d == UInt8(ascii: "<") { break }
            // Folding inside an id is an artefact of line wrapping, never part of it.
            if inQuotes || !(d == 0x20 || d == 0x09 || d == 0x0D || d == 0x0A) { id.append(d) }
            j += 1
        }
        return (id, j)
    }

    /// `left@right` with both sides present: what a bracketless id looks like, unlike "Re:" or junk.
    private static func isBareID(_ token: String) -> Bool {
        guard let at = token.lastIndex(of: "@") else { return false }
        let left = token[..<at]
        let right = token[token.index(after: at)...]
        return !left.isEmpty && !right.isEmpty && !right.contains("@") && !right.contains("\"")
    }
}
