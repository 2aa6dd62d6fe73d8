/// RFC 5322 address lists (From, To, Cc, Reply-To…) read the way mail actually writes them:
/// unquoted commas in names, missing brackets, encoded words in quotes, raw UTF-8, IDN domains.
public enum AddressList {
    /// Parses an unfolded address header value.
    ///
    /// - Returns: every mailbox in order, group members included; the groups with their members;
    ///   and what was wrong. Entries that yield no usable address are skipped with `.invalidAddress`.
    public static func parse(_ value: String, fallbackCharset: String = Charset.defaultLegacy)
        -> (mailboxes: [MailAddress], groups: [AddressGroup], defects: [Defect])
    {
        var parser = ListParser(fallbackCharset: fallbackCharset)
        parser.run(AddressTokenizer.tokenize(Array(value.utf8), defects: &parser.defects))
        return (parser.mailboxes, parser.groups, parser.defects)
    }

    /// Parses a field as it arrived: raw 8-bit bytes that are not UTF-8 are decoded in the display
    /// names by the header rule (`EncodedWord.decode(bytes:)`: inside an encoded word in the word's
    /// charset, elsewhere `legacyCharset`), once, after the list is split.
    public static func parse(field: HeaderField, legacyCharset: String)
        -> (mailboxes: [MailAddress], groups: [AddressGroup], defects: [Defect])
    {
        guard field.hasLegacyEightBit else {
            return parse(field.unfoldedValue(legacyCharset: legacyCharset).value, fallbackCharset: legacyCharset)
        }
        var parser = ListParser(fallbackCharset: legacyCharset, carried: true)
        parser.run(AddressTokenizer.tokenize(Array(RawHeaderText.carry(field.unfoldedBytes()).utf8), defects: &parser.defects))
        func readable(_ address: MailAddress) -> MailAddress {
            var out = address
            if !Charset.isASCII(out.localPart.utf8) { out.localPart = RawHeaderText.decode(out.localPart, fallbackCharset: legacyCharset).text }
            if !Charset.isASCII(out.domain.utf8) { out.domain = RawHeaderText.decode(out.domain, fallbackCharset: legacyCharset).text }
            return out
        }
        let groups = parser.groups.map { AddressGroup(name: $0.name, members: $0.members.map(readable)) }
        return (parser.mailboxes.map(readable), groups, parser.defects)
    }
}

// MARK: - Tokens

struct AddressToken {
    enum Kind: Equatable {
        case atom
        case quoted
        case comment
        case domainLiteral
        case special(UInt8)
    }

    var kind: Kind
    /// Atom text; quoted-string and comment content with escapes resolved; a domain literal with brackets.
    var text: String
    /// Whitespace or a comment came before this token.
    var spaceBefore: Bool

    /// By scalar: asking a `Character` for its ASCII value compares it with CR LF first, and
    /// this is asked of every token several times.
    func isSpecial(_ c: Unicode.Scalar) -> Bool {
        guard case .special(let byte) = kind else { return false }
        return UInt32(byte) == c.value
    }

    var isWord: Bool { kind == .atom || kind == .quoted }
}

enum AddressTokenizer {
    static func tokenize(_ input: [UInt8], defects: inout [Defect]) -> [AddressToken] {
        var tokens: [AddressToken] = []
        var wordCache = EncodedWord.CloseCache()
        var space = false
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                space = true
                i += 1
            case UInt8(ascii: "("):
                let (text, end, closed) = delimited(input, from: i + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                if !closed { defects.append(Defect(.invalidAddress, "unterminated comment")) }
                tokens.append(AddressToken(kind: .comment, text: text, spaceBefore: space))
                space = true
                i = end
            case UInt8(ascii: "\""):
                let (text, end, closed) = delimited(input, from: i + 1, open: nil, close: UInt8(ascii: "\""))
                if !closed { defects.append(Defect(.invalidAddress, "unterminated quoted string")) }
                tokens.append(AddressToken(kind: .quoted, text: text, spaceBefore: space))
                space = false
                i = end
            case UInt8(ascii: "["):
                var j = i + 1
                // dtext has no brackets; a comma or ">" means the "]" was forgotten, not that the literal goes on.
                while j < n, !"[],>;".utf8.contains(input[j]) { j += 1 }
                let closed = j < n && input[j] == UInt8(ascii: "]")
                if !closed { defects.append(Defect(.invalidAddress, "unterminated domain literal")) }
                let end = closed ? j + 1 : j
                tokens.append(AddressToken(kind: .domainLiteral, text: String(decoding: input[i..<end], as: UTF8.self),
                                           spaceBefore: space))
                space = false
                i = end
            case _ where isSpecial(c):
                tokens.append(AddressToken(kind: .special(c), text: String(UnicodeScalar(c)), spaceBefore: space))
                space = false
                i += 1
            default:
                var j = i
                while j < n {
                    let d = input[j]
                    // An encoded word is one atom even when its Q text holds specials ("Ivanov,_Ivan").
                    if d == UInt8(ascii: "="), j + 1 < n, input[j + 1] == UInt8(ascii: "?"),
                       case .word(let word) = EncodedWord.scanWord(input, at: j, cache: &wordCache) {
                        j = word.end
                        continue
                    }
                    if d == 0x20 || d == 0x09 || d == 0x0D || d == 0x0A || isSpecial(d) || d == UInt8(ascii: "(")
                        || d == UInt8(ascii: "\"") || d == UInt8(ascii: "[") { break }
                    j += 1
                }
                tokens.append(AddressToken(kind: .atom, text: String(decoding: input[i..<j], as: UTF8.self),
                                           spaceBefore: space))
                space = false
                i = j
            }
        }
        return tokens
    }

    /// RFC 5322 specials that end an atom, less the openers handled on their own.
    static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "@"),
             UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }

    /// The content up to the matching `close`, backslash escapes resolved; comments nest.
    static func delimited(_ input: [UInt8], from start: Int, open: UInt8?, close: UInt8)
        -> (text: String, end: Int, closed: Bool)
    {
        var out: [UInt8] = []
        var depth = 1
        var i = start
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "\\"), i + 1 < input.count {
                out.append(input[i + 1])
                i += 2
                continue
            }
            if let open, c == open {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return (String(decoding: out, as: UTF8.self), i + 1, true) }
            }
            out.append(c)
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), i, false)
    }
}

// MARK: - Parsing

private struct ListParser {
    let fallbackCharset: String
    var mailboxes: [MailAddress] = []
    var groups: [AddressGroup] = []
    var defects: [Defect] = []

    private var entry: [AddressToken] = []
    /// The entry so far holds "@" or "<", so a ":" in it cannot start a group. Kept, not searched
    /// for, so that "@:@:@:…" stays linear.
    private var entryHasAddress = false
    private var inAngle = false
    private var inRoute = false
    private var group: AddressGroup? = nil
    /// A name with no address before a comma: the first half of `Surname, Name <x@y>`.
    private var pendingPhrase: String? = nil

    /// The text is raw bytes as `RawHeaderText` carries them.
    let carried: Bool

    init(fallbackCharset: String, carried: Bool = false) {
        self.fallbackCharset = fallbackCharset
        self.carried = carried
    }

    mutating func run(_ tokens: [AddressToken]) {
        for token in tokens {
            guard case .special(let c) = token.kind else {
                entry.append(token)
                continue
            }
            if c == UInt8(ascii: "@") || c == UInt8(ascii: "<") { entryHasAddress = true }
            switch c {
            case UInt8(ascii: "<"):
                inAngle = true
                entry.append(token)
            case UInt8(ascii: ">"):
                inAngle = false
                inRoute = false
                entry.append(token)
            case UInt8(ascii: "@") where inAngle && entry.last?.isSpecial("<") == true:
                // "<@relay:a@b": an obsolete source route, whose commas separate relays, not addresses.
                inRoute = true
                entry.append(token)
            case UInt8(ascii: ","):
                if inRoute { entry.append(token); continue }
                finishEntry()
            case UInt8(ascii: ":"):
                if inAngle {
                    inRoute = false
                    entry.append(token)
                } else if group == nil, !entryHasAddress {
                    group = AddressGroup(name: phraseText(entry) ?? "", members: [])
                    entry.removeAll()
                } else {
                    entry.append(token)
                }
            case UInt8(ascii: ";"):
                finishEntry()
                if group != nil {
                    closeGroup()
                } else {
                    defects.append(Defect(.invalidAddress, "';' used to separate addresses"))
                }
            default:
                entry.append(token)
            }
        }
        finishEntry()
        if let group {
            defects.append(Defect(.invalidAddress, "group \"\(group.name)\" not closed with ';'"))
            closeGroup()
        }
        dropPendingPhrase()
    }

    private mutating func closeGroup() {
        dropPendingPhrase()
        if let group { groups.append(group) }
        group = nil
    }

    private mutating func dropPendingPhrase() {
        if let phrase = pendingPhrase {
            defects.append(Defect(.invalidAddress, "name without an address: \(phrase)"))
        }
        pendingPhrase = nil
    }

    private mutating func add(_ mailbox: MailAddress) {
        mailboxes.append(mailbox)
        group?.members.append(mailbox)
    }

    private mutating func finishEntry() {
        let tokens = entry
        entry.removeAll()
        entryHasAddress = false
        inAngle = false
        inRoute = false
        // Empty entries ("a@b,,c@d") are allowed by the obsolete syntax.
        guard tokens.contains(where: { $0.kind != .comment }) else { return }

        if tokens.contains(where: { $0.isSpecial("<") }) {
            guard var mailbox = angleAddress(tokens) else { dropPendingPhrase(); return }
            if let phrase = pendingPhrase {
                // Outlook and hand-typed headers: `Иванов, Иван <i@mail.ru>` without quotes.
                defects.append(Defect(.invalidAddress, "unquoted comma in display name: \(phrase)"))
                mailbox.name = mailbox.name.map { phrase + ", " + $0 } ?? phrase
                pendingPhrase = nil
            }
            add(mailbox)
        } else if tokens.contains(where: { $0.isSpecial("@") }) {
            dropPendingPhrase()
            if let mailbox = bareAddress(tokens) { add(mailbox) }
        } else if tokens.allSatisfy({ $0.isWord || $0.kind == .comment || $0.isSpecial(".") }) {
            // Only the phrase right before an address can be its first half; older ones are dropped.
            dropPendingPhrase()
            pendingPhrase = phraseText(tokens.filter { $0.kind != .comment }) ?? ""
        } else {
            dropPendingPhrase()
            defects.append(Defect(.invalidAddress, "not an address: \(rawText(tokens))"))
        }
    }

    /// `[phrase] <[@route:]local@domain> [comments]`, with a missing `>` tolerated.
    private mutating func angleAddress(_ tokens: [AddressToken]) -> MailAddress? {
        let open = tokens.firstIndex { $0.isSpecial("<") }!
        let close = tokens[open...].firstIndex { $0.isSpecial(">") }
        if close == nil { defects.append(Defect(.invalidAddress, "missing '>': \(rawText(tokens))")) }
        var inner = Array(tokens[(open + 1)..<(close ?? tokens.count)]).filter {
            $0.kind != .comment && !$0.isSpecial("<") && !$0.isSpecial(">")
        }
        if let colon = inner.lastIndex(where: { $0.isSpecial(":") }) {
            // The obsolete route "@relay:" or a "mailto:" pasted in: both come before the address.
            if !(inner.first?.isSpecial("@") ?? false) {
                defects.append(Defect(.invalidAddress, "junk before the address: \(rawText(Array(inner[...colon])))"))
            }
            inner.removeSubrange(...colon)
        }
        if let close {
            let after = tokens[(close + 1)...].filter { $0.kind != .comment }
            if !after.isEmpty { defects.append(Defect(.invalidAddress, "junk after the address: \(rawText(after))")) }
        }
        if inner.isEmpty {
            defects.append(Defect(.invalidAddress, "empty address: \(rawText(tokens))"))
            return nil
        }
        guard let at = inner.firstIndex(where: { $0.isSpecial("@") }),
              let (localPart, domain) = addrSpec(inner, at: at)
        else {
            defects.append(Defect(.invalidAddress, "not an address: \(rawText(tokens))"))
            return nil
        }
        let phrase = Array(tokens[..<open]).filter { $0.kind != .comment }
        let name = phraseText(phrase) ?? commentName(tokens)
        return MailAddress(name: name, localPart: localPart, domain: domain)
    }

    /// `local@domain [(comment)]`; words before it are taken as a name, as clients display them.
    private mutating func bareAddress(_ tokens: [AddressToken]) -> MailAddress? {
        let words = tokens.filter { $0.kind != .comment }
        let at = words.firstIndex { $0.isSpecial("@") }!
        // The local part: the words and dots touching "@", so "Ivan Petrov ivan@x" keeps only "ivan".
        var start = at
        while start > 0 {
            let previous = words[start - 1]
            guard previous.isWord || previous.isSpecial(".") else { break }
            if start < at, words[start].spaceBefore, !previous.isSpecial("."), !words[start].isSpecial(".") { break }
            start -= 1
        }
        var end = at + 1
        if end < words.count, words[end].kind == .domainLiteral {
            end += 1
        } else {
            while end < words.count {
                let token = words[end]
                guard token.kind == .atom || token.isSpecial(".") else { break }
                if end > at + 1, token.spaceBefore, !token.isSpecial("."), !words[end - 1].isSpecial(".") { break }
                end += 1
            }
        }
        guard let (localPart, domain) = addrSpec(Array(words[start..<end]), at: at - start) else {
            defects.append(Defect(.invalidAddress, "not an address: \(rawText(tokens))"))
            return nil
        }
        var name: String? = nil
        if start > 0 {
            name = phraseText(Array(words[..<start]))
            defects.append(Defect(.invalidAddress, "name without angle brackets: \(rawText(tokens))"))
        }
        if end < words.count {
            defects.append(Defect(.invalidAddress, "junk after the address: \(rawText(Array(words[end...])))"))
        }
        return MailAddress(name: name ?? commentName(tokens), localPart: localPart, domain: domain)
    }

    /// Splits `local@domain` tokens; nil when either side is unusable.
    private mutating func addrSpec(_ tokens: [AddressToken], at: Int) -> (String, String)? {
        let local = tokens[..<at]
        var domainTokens = Array(tokens[(at + 1)...])
        guard !local.isEmpty, local.allSatisfy({ $0.isWord || $0.isSpecial(".") }) else { return nil }
        let localPart = local.map { $0.isSpecial(".") ? "." : $0.text }.joined()
        guard !localPart.isEmpty else { return nil }

        if domainTokens.count == 1, domainTokens[0].kind == .domainLiteral {
            let literal = domainTokens[0].text
            return literal.count > 2 && literal.hasSuffix("]") ? (localPart, literal) : nil
        }
        // A trailing dot is the root of the DNS, not part of the name.
        while domainTokens.last?.isSpecial(".") == true { domainTokens.removeLast() }
        guard !domainTokens.isEmpty, domainTokens.allSatisfy({ $0.kind == .atom || $0.isSpecial(".") }) else {
            return nil
        }
        let domain = domainTokens.map(\.text).joined()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty }),
              domain.utf8.allSatisfy({ $0 >= 0x80 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                  || $0 == UInt8(ascii: "_") || isAlphanumeric($0) })
        else { return nil }
        return (localPart, domain)
    }

    private func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// A display name from phrase tokens: quoted strings unquoted, encoded words decoded (in
    /// quotes too, which RFC 2047 forbids and Outlook does), words joined as they were spaced.
    private mutating func phraseText(_ tokens: [AddressToken]) -> String? {
        var text = ""
        for token in tokens {
            if !text.isEmpty, token.spaceBefore { text += " " }
            text += token.text
        }
        return decodedName(text)
    }

    /// The first non-empty comment, for `ivan@mail.ru (Иван Петров)`.
    private mutating func commentName(_ tokens: [AddressToken]) -> String? {
        for token in tokens where token.kind == .comment {
            if let name = decodedName(token.text) { return name }
        }
        return nil
    }

    private mutating func decodedName(_ raw: String) -> String? {
        var text = raw
        if carried, !Charset.isASCII(text.utf8) {
            let (decoded, wordDefects) = RawHeaderText.decode(text, fallbackCharset: fallbackCharset)
            text = decoded
            defects.append(contentsOf: wordDefects)
        } else if zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "=") && $1 == UInt8(ascii: "?") }) {
            let (decoded, wordDefects) = EncodedWord.decode(text, fallbackCharset: fallbackCharset)
            text = decoded
            defects.append(contentsOf: wordDefects)
        }
        // Controls become spaces, then spaces are trimmed from both ends.
        var cleaned = String.UnicodeScalarView()
        var pendingSpaces = 0
        for scalar in text.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F {
                if !cleaned.isEmpty { pendingSpaces += 1 }
                continue
            }
            for _ in 0..<pendingSpaces { cleaned.append(" ") }
            pendingSpaces = 0
            cleaned.append(scalar)
        }
        return cleaned.isEmpty ? nil : String(cleaned)
    }

    private func rawText(_ tokens: [AddressToken]) -> String {
        var text = ""
        for token in tokens {
            if !text.isEmpty, token.spaceBefore { text += " " }
            switch token.kind {
            case .quoted: text += "\"" + token.text + "\""
            case .comment: text += "(" + token.text + ")"
            default: text += token.text
            }
        }
        return String(text.prefix(200))
    }
}
