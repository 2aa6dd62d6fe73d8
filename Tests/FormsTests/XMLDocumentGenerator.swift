import TestRig

/// Random XML documents for comparing XMLScanner with XMLParserReference: well-formed ones in the
/// shapes DOCX and ODT parts take and in the corners of XML 1.0 around them, the same with one
/// well-formedness fault planted, and byte-level mutations whose well-formedness nobody decides
/// in advance. Never writes what makes the reference crash (see XMLParserReference).
struct XMLDocumentGenerator {
    private var random: SplitMix64
    /// Names stay ASCII under a declared single-byte encoding: its bytes for "Ж" are no name.
    private var asciiNames = false
    private var externalSubset = false
    private var standalone = false

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    // MARK: well-formed

    mutating func wellFormed() -> [UInt8] {
        let parts = document(fault: nil)
        return Array((parts.prolog + parts.root + parts.epilog).utf8)
    }

    /// A document with one fault XML 1.0 (or libxml2) forbids, and what the fault is.
    mutating func malformed() -> (bytes: [UInt8], fault: String) {
        if chance(1, in: 8) {
            // Cut before the root's last byte: whatever comes before, something is left open.
            let parts = document(fault: nil)
            let utf8 = Array((parts.prolog + parts.root).utf8)
            var cut = int(in: 0..<utf8.count - 1)
            while cut < utf8.count - 1, utf8[cut] & 0xC0 == 0x80 { cut += 1 }
            return (Array(utf8[..<cut]), "truncated before the end of the root")
        }
        let fault = pick(Self.faults)
        let parts = document(fault: fault)
        return (Array((parts.prolog + parts.root + parts.epilog).utf8), "\(fault)")
    }

    /// A well-formed document with a few random edits made of XML's own punctuation.
    mutating func mutated() -> [UInt8] {
        var bytes = wellFormed()
        let pieces: [String] = ["<", ">", "&", ";", "/", "!", "?", "-", "--", "]", "]]>", "'", "\"", "=", " ", "\r", "\n",
                                "x", "#", ":", "Ж", "\u{1}", "<a>", "</a>", "&amp;", "&#", "<!--", "-->", "<![CDATA[",
                                "xmlns", "xmlns:p", "=''", "\u{FFFE}", "\0"]
        for _ in 0..<int(in: 1..<4) where !bytes.isEmpty {
            let at = int(in: 0..<bytes.count)
            switch int(in: 0..<3) {
            case 0:
                bytes.insert(contentsOf: Array(pick(pieces).utf8), at: at)
            case 1:
                bytes.removeSubrange(at..<min(bytes.count, at + int(in: 1..<4)))
            default:
                bytes.replaceSubrange(at..<min(bytes.count, at + 1), with: Array(pick(pieces).utf8))
            }
        }
        // Edits can split a UTF-8 sequence; that path (utf8Input) is the same code on both sides.
        return bytes
    }

    // MARK: documents

    private mutating func document(fault: Fault?) -> (prolog: String, root: String, epilog: String) {
        asciiNames = false
        externalSubset = false
        standalone = false
        // An undeclared entity is no fault where libxml2 only warns about it.
        let mayDeclareExternally = !(fault?.text.contains("declared;") ?? false) && !(fault?.text.contains("bogus;") ?? false)
        var prolog = ""
        if chance(1, in: 12) { prolog += "\u{FEFF}" }
        if fault == .spaceBeforeDeclaration { prolog += " " }
        if chance(2, in: 3) || fault?.isInDeclaration == true {
            // A fault spelt outside ASCII is no fault in an encoding that spells it differently.
            prolog += declaration(fault: fault, utf8: fault?.text.utf8.contains { $0 >= 0x80 } ?? false)
        }
        prolog += misc()
        if chance(1, in: 4) || fault?.isInDoctype == true || fault == .doctypeTwice {
            prolog += doctype(fault: fault, external: mayDeclareExternally) + misc()
        }
        switch fault {
        case .textBeforeRoot: prolog += "текст"
        case .noRoot: return (prolog, "", misc())
        case .doctypeTwice: prolog += "<!DOCTYPE again>"
        default: break
        }
        var planted = !(fault?.isInContent ?? false)
        var root = element(depth: 0, fault: fault, planted: &planted)
        if !planted, let fault { root = root.replacingLast("</", with: fault.text + "</") }
        // Nothing may follow a fault after the root: a later `?>` or `]]>` could complete it.
        if let fault, fault.isAfterRoot { return (prolog, root, misc() + fault.text) }
        return (prolog, root, misc())
    }

    private mutating func declaration(fault: Fault?, utf8: Bool) -> String {
        let q = pick(["'", "\""])
        var version = pick(["1.0", "1.0", "1.0", "1.1", "1.5", "1."])
        if fault == .version2 { version = "2.0" }
        var out = "<?xml" + blanks(1) + "version" + blanks(0) + "=" + blanks(0) + q + version + q
        if fault == .missingVersion { out = "<?xml" + blanks(1) }
        var encoding: String? = chance(2, in: 3)
            ? pick(utf8 ? ["UTF-8", "utf-8", "UTF8"] : ["UTF-8", "utf-8", "UTF8", "UTF-8", "ISO-8859-1", "KOI8-R", "latin1"]) : nil
        switch fault {
        case .declaredUTF16: encoding = "UTF-16"
        case .unknownEncoding: encoding = "x-no-such-encoding"
        default: break
        }
        if let encoding {
            out += blanks(1) + "encoding" + blanks(0) + "=" + blanks(0) + q + encoding + q
            asciiNames = !["UTF-8", "utf-8", "UTF8"].contains(encoding)
        }
        if fault == .standaloneMaybe {
            out += " standalone='maybe'"
        } else if chance(1, in: 3) {
            standalone = chance(1, in: 2)
            out += blanks(1) + "standalone=" + q + (standalone ? "yes" : "no") + q
        }
        return out + blanks(0) + "?>"
    }

    private mutating func doctype(fault: Fault?, external: Bool) -> String {
        var out = "<!DOCTYPE" + blanks(1) + name()
        if external, chance(1, in: 2) {
            externalSubset = true
            out += blanks(1) + pick(["SYSTEM 'http://example.kz/a.dtd'", "SYSTEM \"a.dtd\"",
                                     "PUBLIC '-//OASIS//DTD x//EN' 'x.dtd'", "PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\""])
        }
        if chance(1, in: 2) || fault?.isInDoctype == true {
            out += blanks(0) + "["
            for _ in 0..<int(in: 0..<4) {
                out += blanks(0)
                switch int(in: 0..<5) {
                case 0: out += "<!ELEMENT \(name()) " + pick(["EMPTY", "ANY", "(#PCDATA)", "(#PCDATA|a|b)*", "(a,(b|c)*,d?)+", "( a )"]) + ">"
                case 1: out += comment()
                case 2: out += instruction()
                case 3 where externalSubset && !standalone: out += "%pe;"
                default: out += "<!ELEMENT x (y|z)*>"
                }
            }
            if let fault, fault.isInDoctype { out += fault.text }
            out += blanks(0) + "]"
        }
        return out + blanks(0) + ">"
    }

    /// Whitespace, comments and processing instructions, as allowed around the root.
    private mutating func misc() -> String {
        var out = ""
        for _ in 0..<int(in: 0..<3) {
            switch int(in: 0..<3) {
            case 0: out += pick(["\n", " ", "\r\n", "\t", "\n\n  "])
            case 1: out += comment()
            default: out += instruction()
            }
        }
        return out
    }

    private mutating func element(depth: Int, fault: Fault?, planted: inout Bool) -> String {
        let tag = name()
        var out = "<" + tag
        // Spellings, not Strings: `é` and `e\u{301}` are two names to XML and one String.
        var used: Set<[UInt8]> = []
        for _ in 0..<int(in: 0..<4) {
            let (attributeName, value) = attribute()
            if used.insert(Array(attributeName.utf8)).inserted {
                out += blanks(1) + attributeName + blanks(0) + "=" + blanks(0) + value
            }
        }
        out += blanks(0)
        if chance(1, in: 5) && depth > 0 { return out + "/>" }
        out += ">"
        let childCount = depth > 6 ? int(in: 0..<2) : int(in: 0..<5)
        for _ in 0..<childCount {
            if !planted, let fault, chance(1, in: 3) {
                out += fault.text
                planted = true
            }
            switch int(in: 0..<10) {
            case 0...3: out += element(depth: depth + 1, fault: fault, planted: &planted)
            case 4...6: out += text()
            case 7: out += cdata()
            case 8: out += comment()
            default: out += instruction()
            }
        }
        return out + "</" + tag + blanks(0) + ">"
    }

    private mutating func name() -> String {
        if asciiNames || chance(2, in: 3) {
            return pick(["w:p", "w:r", "w:t", "w:tbl", "w:tc", "text:p", "text:span", "office:text", "a", "b", "x.y-z_1",
                         "ns0:el", "_x", "a:", "p:a:b", ":c", "t:1", "A1", "table:table-cell"])
        }
        return pick(["Ж", "мәтін", "a·b", "é", "a\u{300}", "ሰ", "𐀀x", "Ω:δ", "Ϳ", "a⁰", "中文"])
    }

    private mutating func attribute() -> (String, String) {
        let q = pick(["'", "\""])
        if chance(1, in: 6) {
            let uri = pick(["urn:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "", "rel/path",
                            "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/", "not a uri",
                            "&#x68;ttp://www.w3.org/2000/xmlns/", "urn:&amp;x"])
            return (pick(["xmlns", "xmlns:w", "xmlns:text", "xmlns:xml", "xmlns:xmlns", "xmlns:a:b", "xmlns:1"]), q + uri + q)
        }
        let attributeName = asciiNames || chance(3, in: 4)
            ? pick(["w:val", "w:type", "text:style-name", "style:name", "x", "y", "id", "xml:space", "xml:lang", "a:b", "z-1", "a:"])
            : pick(["Атр", "ä", "x·y", "é", "e\u{301}", "xmlns:é", "xmlns:e\u{301}"])
        var value = ""
        for _ in 0..<int(in: 0..<4) {
            value += pick(["plain", "Иванов", "Әлем ", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#9;",
                           "&#x41;", "&#1046;", "&#x1F600;", "\t", "\n", "\r\n", "\r", "  ", ">", "]]>", "😀", "\u{A0}",
                           q == "'" ? "\"" : "'", "&#32;"])
        }
        if externalSubset && !standalone && chance(1, in: 8) { value += "&undeclared;" }
        return (attributeName, q + value + q)
    }

    private mutating func text() -> String {
        var out = ""
        for _ in 0..<int(in: 1..<5) {
            out += pick(["Т.А.Ә.", "Иванов Иван", "plain text", " ", "\n  ", "\r\n", "\r", "\t", "]", "]]", "a>", "&amp;",
                         "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#x9;", "&#1178;", "&#x1F600;", "😀", "\u{A0}",
                         "\u{85}", "&#0065;", "&#x0000000000041;", "\u{FEFF}", "x\r\ny", "Қазақстан"])
        }
        if externalSubset && !standalone && chance(1, in: 6) { out += "&undeclared;" }
        return out
    }

    private mutating func cdata() -> String {
        "<![CDATA[" + pick(["", "x", "<w:p>&amp;</w:p>", "]]", "]", "a\r\nb\rc", "Ж & <", "]]]", "--"]) + "]]>"
    }

    private mutating func comment() -> String {
        "<!--" + pick(["", " c ", "-x", "a-b", "<w:p>", "Жоқ", "\r\n", "&amp;", ">", "- x"]) + "-->"
    }

    private mutating func instruction() -> String {
        // Always with data after a space: XMLParser crashes on `<?target?>`.
        "<?" + (asciiNames ? pick(["pi", "mso-application", "xml-stylesheet", "a:b"])
                           : pick(["pi", "mso-application", "xml-stylesheet", "a:b", "Ж"])) + pick([" ", "\n", "  "])
            + pick(["x", "progid=\"Word.Document\"", "?", "a > b", "Ж", "<>", " "]) + "?>"
    }

    private mutating func blanks(_ minimum: Int) -> String {
        let count = int(in: minimum..<(minimum + 2))
        return String((0..<count).map { _ in pick([" ", " ", "\n", "\t", "\r\n"]) }.joined())
    }

    private func firstRootStart(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "!") { return i }
            i += 1
        }
        return nil
    }

    // MARK: faults

    enum Fault: Equatable, CustomStringConvertible {
        case content(String)
        case afterRoot(String)
        case inDoctype(String)
        case spaceBeforeDeclaration, version2, missingVersion, declaredUTF16, unknownEncoding, standaloneMaybe
        case textBeforeRoot, noRoot, doctypeTwice

        var text: String {
            switch self {
            case .content(let s), .afterRoot(let s), .inDoctype(let s): s
            default: ""
            }
        }
        var isInContent: Bool { if case .content = self { true } else { false } }
        var isAfterRoot: Bool { if case .afterRoot = self { true } else { false } }
        var isInDoctype: Bool { if case .inDoctype = self { true } else { false } }
        var isInDeclaration: Bool {
            [.spaceBeforeDeclaration, .version2, .missingVersion, .declaredUTF16, .unknownEncoding, .standaloneMaybe].contains(self)
        }
        var description: String {
            switch self {
            case .content(let s): "in content: \(s.debugDescription)"
            case .afterRoot(let s): "after the root: \(s.debugDescription)"
            case .inDoctype(let s): "in the DOCTYPE: \(s.debugDescription)"
            case .spaceBeforeDeclaration: "space before the XML declaration"
            case .version2: "XML version 2.0"
            case .missingVersion: "XML declaration without a version"
            case .declaredUTF16: "8-bit document declared UTF-16"
            case .unknownEncoding: "unknown encoding"
            case .standaloneMaybe: "standalone='maybe'"
            case .textBeforeRoot: "text before the root"
            case .noRoot: "no root element"
            case .doctypeTwice: "two DOCTYPEs"
            }
        }
    }

    static let faults: [Fault] = [
        "<>", "< a", "a < b", "<=", "&", "& b", "&undeclared;", "&#0;", "&#xD800;", "&#x110000;", "&#xFFFE;", "&#1;", "&#;", "&#x;",
        "&#X41;", "&#x0000000000A;", "&#65", "&amp", "]]>", "\u{1}", "\u{B}", "\u{0}", "\u{1F}", "\u{FFFE}", "\u{FFFF}",
        "<!-- a -- b -->", "<!-- a --->", "<?xml x?>", "<?XmL x?>", "<?1pi x?>", "<?pi\u{1} x?>", "<1a/>", "<-a/>",
        "<·a/>", "<a b/>", "<a b='1' b='2'/>", "<a b='1'c='2'/>", "<a b=1/>", "<a b='<'/>", "<a b='\u{1}'/>", "<a b='&#0;'/>",
        "<a b='&bogus;'/>", "<a b='x/>", "<a/ >", "</nope>", "</>", "<![CDATA[\u{1}]]>", "<![cdata[x]]>",
        "<!DOCTYPE a>", "<!ELEMENT a ANY>", "<a:b:-c/>", "<a x:y:1='v'/>", "<a xmlns:p='u' xmlns:p='v'/>",
        "<a xmlns='u' xmlns='v'/>", "<!-- \u{FFFF} -->", "<a>", "<a></a >x</zz>", "<!x>", "<a></ a>", "<a x='1'x='2'/>",
    ].map { Fault.content($0) } + [
        "x", "&amp;", "<b/>", "<![CDATA[x]]>", "]]>", "\0", "<", "<!", "<!-- x", "<?pi x", "<!DOCTYPE a>", "&#65;", "\u{1}",
        "<?xml version='1.0'?>",
    ].map { Fault.afterRoot($0) } + [
        "junk", "<!ELEMENT a (b,c|d)>", "<!ELEMENT a (#PCDATA|b)>", "<!ELEMENT a EMPTYX>", "<!ELEMENTa ANY>", "%",
        "<![INCLUDE[]]>", "<!ELEMENT a (b>", "<!-- a -- b -->", "<?xml x?>", "<!ELEMENT a ANY", "'",
    ].map { Fault.inDoctype($0) } + [
        .spaceBeforeDeclaration, .version2, .missingVersion, .declaredUTF16, .unknownEncoding, .standaloneMaybe,
        .textBeforeRoot, .noRoot, .doctypeTwice,
    ]

    // MARK: randomness

    private mutating func int(in range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ n: Int, in d: Int) -> Bool { int(in: 0..<d) < n }
    private mutating func pick<T>(_ choices: [T]) -> T { choices[int(in: 0..<choices.count)] }
}

private extension String {
    func replacingLast(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
