#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-validating XML 1.0 reader that goes straight from the UTF-8 bytes of a DOCX or ODT part
/// to XMLTree elements, in one pass and with an explicit element stack, so depth costs memory
/// only. It replaces libxml2 behind FoundationXML's XMLParser, whose per-callback bridging to
/// Swift strings and dictionaries was a tenth of the intake's CPU, and it reproduces the tree
/// that parser gave XMLTree's old builder (kept in the tests as the reference):
///
/// - names as written, prefix included, with no namespace processing beyond libxml2's: a
///   namespace declaration it drops (an empty prefixed URI, the `xml` and `xmlns` names and
///   namespaces) is dropped here, and undeclared prefixes are accepted;
/// - one text node per stretch between tags, whitespace included, comments and processing
///   instructions inside the stretch contributing nothing; CR LF and lone CR become LF in text
///   but stay as written in CDATA, which libxml2's push parser hands over raw;
/// - attribute values normalized as for CDATA attributes without a DTD;
/// - a DOCTYPE parsed for well-formedness and skipped, external subsets never loaded; an
///   undeclared entity is skipped where libxml2 only warns (an external subset, not standalone);
/// - an encoding declaration other than UTF-8 honoured through iconv, as libxml2 does.
///
/// Anything libxml2 reports as a well-formedness error is refused, including what XMLParser's
/// recovery mode let through (content after the root element, a tag damaged just before the
/// root's end tag). Two departures have no reference to follow: attribute defaults an internal
/// DTD subset declares are not applied, and a processing instruction without data, an ATTLIST
/// without a default or a NOTATION are read, where XMLParser crashed the process.
struct XMLScanner {
    /// The root element of a document whose bytes are UTF-8 (XMLTree.utf8Input).
    static func root(of bytes: [UInt8], limits: XMLTree.Limits) throws(UnreadableReason) -> XMLTree.Element {
        switch try scan(bytes, limits: limits, transcoded: false) {
        case .root(let root):
            return root
        case .declaredEncoding(let encoding, let offset):
            let converted = try transcode(bytes, after: offset, from: encoding)
            // Converted bytes are read as UTF-8 whatever their declaration says, so this is a root.
            guard case .root(let root) = try scan(converted, limits: limits, transcoded: true) else {
                throw notWellFormed("encoding declared twice")
            }
            return root
        }
    }

    private enum Outcome {
        case root(XMLTree.Element)
        /// The declaration names an encoding other than UTF-8; the bytes from `offset` on are in it.
        case declaredEncoding(String, offset: Int)
    }

    private static func scan(_ bytes: [UInt8], limits: XMLTree.Limits, transcoded: Bool) throws(UnreadableReason) -> Outcome {
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Result<Outcome, UnreadableReason> in
            var scanner = XMLScanner(input: buffer, limits: limits, transcoded: transcoded)
            defer { scanner.children.free() }
            do throws(UnreadableReason) {
                return .success(try scanner.document())
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    static func notWellFormed(_ why: String) -> UnreadableReason {
        UnreadableReason(.corrupt, "XML is not well-formed (\(why))")
    }

    // MARK: state

    private let input: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var at = 0
    private let limits: XMLTree.Limits
    private let transcoded: Bool
    private let classes: UnsafePointer<UInt8>

    /// `standalone="yes"` in the declaration: undeclared entities are errors even with an external subset.
    private var standalone = false
    /// A DOCTYPE with a SYSTEM or PUBLIC identifier: entities may be declared where we never look.
    private var externalSubset = false
    private var rootClosed = false
    private var finishedRoot: XMLTree.Element?

    /// An open element's name, where its end tag must repeat it, and where its children start
    /// in `children`; its element is at the same place in `openElements`.
    private struct OpenTag {
        let name: Range<Int>
        let firstChild: Int
    }

    private var open: [OpenTag] = []
    private var openElements: [XMLTree.Element] = []
    private var children = ChildStack()
    private var elementCount = 0
    private var characterCount = 0
    private var deepest = 0
    private var names: NameTable
    /// The current start tag's attributes are the first `attributeCount`: the slots are reused
    /// from tag to tag rather than emptied.
    private var attributes: [(String, String)] = []
    /// Where each of `attributes`' names is spelt: duplicates are found by their bytes.
    private var attributeNames: [Range<Int>] = []
    private var attributeCount = 0
    private var valueBytes: [UInt8] = []

    /// The text since the last tag: a slice of the input while it is one, bytes once it is not.
    private var textSlice: Range<Int>?
    private var textBytes: [UInt8] = []
    private var textIsBytes = false

    private init(input: UnsafeBufferPointer<UInt8>, limits: XMLTree.Limits, transcoded: Bool) {
        self.input = input
        self.end = input.count
        self.limits = limits
        self.transcoded = transcoded
        self.classes = xmlByteClasses
        self.names = NameTable(inputSize: input.count)
    }

    // libxml2's own limits without XML_PARSE_HUGE, which it reports as errors.
    private static let maxNameLength = 50_000
    private static let maxTextLength = 10_000_000

    private mutating func malformed(_ why: String) -> UnreadableReason {
        // XMLTree's old builder blamed any failure of a document nested this deep on the depth,
        // since libxml2 has a depth limit of its own near ours.
        if deepest >= limits.maxDepth - 1 {
            return UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)")
        }
        return Self.notWellFormed(rootClosed ? why + " after the root element" : why)
    }

    // MARK: document

    private mutating func document() throws(UnreadableReason) -> Outcome {
        if starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        if starts(with: "<?xml"), isBlank(byte(at + 5)) {
            if let encoding = try declaration(), !transcoded {
                return .declaredEncoding(encoding.name, offset: encoding.offset)
            }
        }
        try prolog()
        try startTag()
        while finishedRoot == nil {
            try characterData()
            guard at < end else { throw malformed("an element is not closed") }
            switch byte(at + 1) {
            case UInt8(ascii: "/"):
                try endTag()
            case UInt8(ascii: "!"):
                if starts(with: "<!--") {
                    try comment()
                } else if starts(with: "<![CDATA[") {
                    try cdataSection()
                } else {
                    throw malformed("'<!' in content")
                }
            case UInt8(ascii: "?"):
                try processingInstruction()
            default:
                try startTag()
            }
        }
        try epilog()
        return .root(finishedRoot!)
    }

    /// `<?xml version="1.x" encoding="…" standalone="…"?>`, as strictly as libxml2 reads it. Returns
    /// the encoding when the rest of the document must be converted from it.
    private mutating func declaration() throws(UnreadableReason) -> (name: String, offset: Int)? {
        at += 5
        skipBlanks()
        guard starts(with: "version") else { throw malformed("XML declaration without a version") }
        at += 7
        try equalsSign()
        let quote = try openingQuote()
        guard isDigit(byte(at)), byte(at + 1) == UInt8(ascii: ".") else { throw malformed("invalid XML version") }
        let major = byte(at)
        at += 2
        while isDigit(byte(at)) { at += 1 }
        guard byte(at) == quote else { throw malformed("invalid XML version") }
        at += 1
        guard major == UInt8(ascii: "1") else { throw malformed("unsupported XML version") }

        var converted: (name: String, offset: Int)?
        var blankNeeded = false
        if !isBlank(byte(at)) {
            if starts(with: "?>") { at += 2; return nil }
            throw malformed("no space in the XML declaration")
        }
        skipBlanks()
        if starts(with: "encoding") {
            at += 8
            try equalsSign()
            let quote = try openingQuote()
            let nameStart = at
            guard isASCIILetter(byte(at)) else { throw malformed("invalid encoding name") }
            while isASCIILetter(byte(at)) || isDigit(byte(at)) || byte(at) == UInt8(ascii: ".")
                    || byte(at) == UInt8(ascii: "_") || byte(at) == UInt8(ascii: "-") {
                at += 1
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<at]), as: UTF8.self)
            guard byte(at) == quote else { throw malformed("invalid encoding name") }
            at += 1
            switch name.uppercased() {
            case "UTF-8", "UTF8":
                break
            case "UTF-16", "UTF16":
                // UTF-16 parts were converted by utf8Input, declaration and all.
                throw malformed("declared UTF-16 but 8-bit")
            default:
                converted = (name, at)
                blankNeeded = true
            }
        }
        // libxml2 wants a space before `standalone` only after an encoding it converts from.
        if blankNeeded, !isBlank(byte(at)) {
            if starts(with: "?>") { at += 2; return converted }
            throw malformed("no space in the XML declaration")
        }
        skipBlanks()
        if starts(with: "standalone") {
            at += 10
            try equalsSign()
            let quote = try openingQuote()
            if starts(with: "yes") {
                standalone = true
                at += 3
            } else if starts(with: "no") {
                at += 2
            } else {
                throw malformed("invalid standalone value")
            }
            guard byte(at) == quote else { throw malformed("invalid standalone value") }
            at += 1
        }
        skipBlanks()
        guard starts(with: "?>") else { throw malformed("unterminated XML declaration") }
        at += 2
        return converted
    }

    private mutating func equalsSign() throws(UnreadableReason) {
        skipBlanks()
        guard byte(at) == UInt8(ascii: "=") else { throw malformed("'=' expected") }
        at += 1
        skipBlanks()
    }

    private mutating func openingQuote() throws(UnreadableReason) -> UInt8 {
        let quote = byte(at)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw malformed("quote expected") }
        at += 1
        return quote
    }

    /// Comments, processing instructions and one DOCTYPE, up to the root's start tag.
    private mutating func prolog() throws(UnreadableReason) {
        var doctypeSeen = false
        while true {
            skipBlanks()
            guard at < end else { throw malformed("no root element") }
            guard input[at] == UInt8(ascii: "<") else { throw malformed("text before the root element") }
            switch byte(at + 1) {
            case UInt8(ascii: "?"):
                try processingInstruction()
            case UInt8(ascii: "!"):
                if starts(with: "<!--") {
                    try comment()
                } else if !doctypeSeen, starts(with: "<!DOCTYPE") {
                    try documentType()
                    doctypeSeen = true
                } else {
                    throw malformed("markup before the root element")
                }
            default:
                return
            }
        }
    }

    private mutating func epilog() throws(UnreadableReason) {
        rootClosed = true
        while true {
            skipBlanks()
            guard at < end else { return }
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else {
                throw malformed("content")
            }
        }
    }

    // MARK: elements

    private mutating func startTag() throws(UnreadableReason) {
        at += 1
        let nameStart = at
        try qualifiedName()
        let nameEnd = at
        attributeCount = 0
        var empty = false
        while true {
            let spaced = skipBlanks()
            guard at < end else { throw malformed("unterminated start tag") }
            let b = input[at]
            if b == UInt8(ascii: ">") {
                at += 1
                break
            }
            if b == UInt8(ascii: "/") {
                guard byte(at + 1) == UInt8(ascii: ">") else { throw malformed("'/' inside a start tag") }
                at += 2
                empty = true
                break
            }
            guard spaced else { throw malformed("no space between attributes") }
            try attribute()
        }

        elementCount += 1
        if elementCount > limits.maxElements {
            throw UnreadableReason(.limitReached, "XML has more than \(limits.maxElements) elements")
        }
        if open.count >= limits.maxDepth {
            throw UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)")
        }
        flushText()
        let name = names.string(UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd]))
        let element = XMLTree.Element(name: name, attributes: try attributeDictionary())
        deepest = max(deepest, open.count + 1)
        if empty {
            attach(element)
        } else {
            open.append(OpenTag(name: nameStart..<nameEnd, firstChild: children.count))
            openElements.append(element)
        }
    }

    private mutating func endTag() throws(UnreadableReason) {
        at += 2
        let name = open[open.count - 1].name
        let length = name.count
        guard end - at >= length,
              memcmp(input.baseAddress! + at, input.baseAddress! + name.lowerBound, length) == 0 else {
            throw malformed("end tag does not match the start tag")
        }
        at += length
        skipBlanks()
        guard byte(at) == UInt8(ascii: ">") else { throw malformed("end tag does not match the start tag") }
        at += 1
        flushText()
        let closed = openElements.removeLast()
        let firstChild = open.removeLast().firstChild
        if firstChild < children.count { closed.children = children.pop(from: firstChild) }
        attach(closed)
    }

    private mutating func attach(_ element: XMLTree.Element) {
        if open.isEmpty {
            finishedRoot = element
        } else {
            children.push(.element(element))
        }
    }

    private mutating func attribute() throws(UnreadableReason) {
        let nameStart = at
        try qualifiedName()
        let nameEnd = at
        skipBlanks()
        guard byte(at) == UInt8(ascii: "=") else { throw malformed("attribute without a value") }
        at += 1
        skipBlanks()
        let value = try attributeValue()
        if !keepsNamespaceDeclaration(nameStart..<nameEnd, value) { return }
        let attribute = (names.string(UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd])), value)
        if attributeCount < attributes.count {
            attributes[attributeCount] = attribute
            attributeNames[attributeCount] = nameStart..<nameEnd
        } else {
            attributes.append(attribute)
            attributeNames.append(nameStart..<nameEnd)
        }
        attributeCount += 1
    }

    private mutating func attributeDictionary() throws(UnreadableReason) -> [String: String] {
        if attributeCount == 0 { return [:] }
        if attributeCount > 1 { try checkNoAttributeRepeats() }
        // A String key equals another that is canonically equivalent (`é`, `e\u{301}`), which
        // libxml2 takes for two names: XMLParser's dictionary kept the later value, so does this.
        return Dictionary(attributes[..<attributeCount], uniquingKeysWith: { _, later in later })
    }

    private mutating func checkNoAttributeRepeats() throws(UnreadableReason) {
        let base = input.baseAddress!
        if attributeCount <= 8 {
            for i in 1..<attributeCount {
                let name = attributeNames[i]
                for earlier in attributeNames[..<i] where earlier.count == name.count
                    && memcmp(base + earlier.lowerBound, base + name.lowerBound, name.count) == 0 {
                    throw malformed("attribute \(attributes[i].0) given twice")
                }
            }
            return
        }
        var seen = Set<SpelledName>(minimumCapacity: attributeCount)
        for (i, name) in attributeNames[..<attributeCount].enumerated()
            where !seen.insert(SpelledName(bytes: UnsafeBufferPointer(start: base + name.lowerBound, count: name.count))).inserted {
            throw malformed("attribute \(attributes[i].0) given twice")
        }
    }

    /// libxml2 reports a namespace declaration only when it binds one; those it refuses to bind
    /// (an error in namespaces, not in XML) vanish from the attributes. URIs compare as bytes.
    private mutating func keepsNamespaceDeclaration(_ name: Range<Int>, _ uri: String) -> Bool {
        guard name.count >= 5, starts(with: "xmlns", at: name.lowerBound) else { return true }
        let reserved = uri.utf8.elementsEqual("http://www.w3.org/XML/1998/namespace".utf8)
            || uri.utf8.elementsEqual("http://www.w3.org/2000/xmlns/".utf8)
        if name.count == 5 { return !reserved }
        // Only `xmlns:` followed by the start of an NCName is a prefix declaration for libxml2.
        guard input[name.lowerBound + 5] == UInt8(ascii: ":"), name.count > 6,
              input[name.lowerBound + 6] != UInt8(ascii: ":"), isNameStart(at: name.lowerBound + 6) else { return true }
        let prefix = name.lowerBound + 6..<name.upperBound
        if prefix.count == 3, starts(with: "xml", at: prefix.lowerBound) { return false }
        if prefix.count == 5, starts(with: "xmlns", at: prefix.lowerBound) { return false }
        return !uri.isEmpty && !reserved
    }

    private mutating func attributeValue() throws(UnreadableReason) -> String {
        let quote = try openingQuote()
        let start = at
        at = index(from: at, until: ByteClass.attributeStop)
        if byte(at) == quote, at < end {
            let value = String(decoding: UnsafeBufferPointer(rebasing: input[start..<at]), as: UTF8.self)
            at += 1
            try checkValueLength(value.utf8.count)
            return value
        }
        valueBytes.removeAll(keepingCapacity: true)
        valueBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<at]))
        while true {
            let runStart = at
            at = index(from: at, until: ByteClass.attributeStop)
            valueBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<at]))
            guard at < end else { throw malformed("unterminated attribute value") }
            let b = input[at]
            switch b {
            case quote:
                at += 1
                try checkValueLength(valueBytes.count)
                return String(decoding: valueBytes, as: UTF8.self)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                valueBytes.append(b)
                at += 1
            case UInt8(ascii: "<"):
                throw malformed("'<' in an attribute value")
            case UInt8(ascii: "&"):
                if let scalar = try reference() { appendUTF8(scalar, to: &valueBytes) }
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                valueBytes.append(0x20)
                at += 1
            case UInt8(ascii: "\r"):
                valueBytes.append(0x20)
                at += 1
                if byte(at) == UInt8(ascii: "\n") { at += 1 }
            case 0xEF:
                try checkNotNoncharacter()
                valueBytes.append(b)
                at += 1
            default:
                throw malformed("control character in an attribute value")
            }
        }
    }

    private mutating func checkValueLength(_ length: Int) throws(UnreadableReason) {
        if length > Self.maxTextLength { throw malformed("attribute value longer than \(Self.maxTextLength) bytes") }
    }

    // MARK: text

    /// Character data up to the next `<` (or the end), references resolved, line ends normalized.
    private mutating func characterData() throws(UnreadableReason) {
        var runStart = at
        while true {
            at = index(from: at, until: ByteClass.textStop)
            // Text running into the end of the input is never delivered: the document is broken.
            guard at < end else { return }
            switch input[at] {
            case UInt8(ascii: "<"):
                try appendText(runStart..<at)
                return
            case UInt8(ascii: "&"):
                try appendText(runStart..<at)
                if let scalar = try reference() { try appendText(scalar: scalar) }
                runStart = at
            case UInt8(ascii: "\r"):
                try appendText(runStart..<at)
                at += 1
                // CR LF keeps its LF; a lone CR becomes one.
                if byte(at) != UInt8(ascii: "\n") { try appendText(scalar: 0x0A) }
                runStart = at
            case UInt8(ascii: "]"):
                if byte(at + 1) == UInt8(ascii: "]"), byte(at + 2) == UInt8(ascii: ">") { throw malformed("']]>' in text") }
                at += 1
            case 0xEF:
                try checkNotNoncharacter()
                at += 1
            default:
                throw malformed("control character in text")
            }
        }
    }

    private mutating func cdataSection() throws(UnreadableReason) {
        at += 9
        try appendText(try skipToEnd(of: .cdata))
    }

    private mutating func appendText(_ range: Range<Int>) throws(UnreadableReason) {
        if range.isEmpty { return }
        try count(range.count)
        if !textIsBytes {
            guard let pending = textSlice else {
                textSlice = range
                return
            }
            textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[pending]))
            textIsBytes = true
        }
        textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
    }

    private mutating func appendText(scalar: UInt32) throws(UnreadableReason) {
        if !textIsBytes {
            if let pending = textSlice { textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[pending])) }
            textIsBytes = true
        }
        let before = textBytes.count
        appendUTF8(scalar, to: &textBytes)
        try count(textBytes.count - before)
    }

    private mutating func count(_ bytes: Int) throws(UnreadableReason) {
        characterCount += bytes
        if characterCount > limits.maxCharacters {
            throw UnreadableReason(.limitReached, "XML text exceeds \(limits.maxCharacters) bytes")
        }
    }

    private mutating func flushText() {
        var text: String?
        if textIsBytes {
            if !textBytes.isEmpty { text = String(decoding: textBytes, as: UTF8.self) }
            textBytes.removeAll(keepingCapacity: true)
            textIsBytes = false
        } else if let slice = textSlice {
            text = String(decoding: UnsafeBufferPointer(rebasing: input[slice]), as: UTF8.self)
        }
        textSlice = nil
        if let text, !open.isEmpty { children.push(.text(text)) }
    }

    /// `&…;` at `at`: the character it stands for, or nil for an undeclared entity libxml2 skips.
    private mutating func reference() throws(UnreadableReason) -> UInt32? {
        at += 1
        if byte(at) == UInt8(ascii: "#") {
            at += 1
            return try characterReference()
        }
        let nameStart = at
        guard try name() else { throw malformed("'&' without a reference") }
        let nameEnd = at
        guard byte(at) == UInt8(ascii: ";") else { throw malformed("entity reference without ';'") }
        at += 1
        switch nameEnd - nameStart {
        case 2 where starts(with: "lt", at: nameStart): return 0x3C
        case 2 where starts(with: "gt", at: nameStart): return 0x3E
        case 3 where starts(with: "amp", at: nameStart): return 0x26
        case 4 where starts(with: "apos", at: nameStart): return 0x27
        case 4 where starts(with: "quot", at: nameStart): return 0x22
        default:
            if externalSubset, !standalone { return nil }
            throw malformed("undeclared entity")
        }
    }

    /// After `&#`: libxml2's reading, including its quirk of refusing a hex letter at every
    /// eleventh position (its chunked lookahead), so the same references fail.
    private mutating func characterReference() throws(UnreadableReason) -> UInt32 {
        var value: UInt32 = 0
        if byte(at) == UInt8(ascii: "x") {
            at += 1
            var position = 0
            while byte(at) != UInt8(ascii: ";") {
                position += 1
                let b = byte(at)
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where position % 11 != 0: digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where position % 11 != 0: digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw malformed("invalid character reference")
                }
                value = min(value * 16 + digit, 0x110000)
                at += 1
            }
        } else {
            while byte(at) != UInt8(ascii: ";") {
                let b = byte(at)
                guard isDigit(b) else { throw malformed("invalid character reference") }
                value = min(value * 10 + UInt32(b - UInt8(ascii: "0")), 0x110000)
                at += 1
            }
        }
        at += 1
        guard isXMLCharacter(value) else { throw malformed("reference to a character XML does not allow") }
        return value
    }

    // MARK: comments and processing instructions

    private mutating func comment() throws(UnreadableReason) {
        at += 4
        _ = try skipToEnd(of: .comment)
    }

    private mutating func processingInstruction() throws(UnreadableReason) {
        at += 2
        let targetStart = at
        guard try name() else { throw malformed("processing instruction without a target") }
        if at - targetStart == 3, (input[targetStart] | 0x20) == UInt8(ascii: "x"),
           (input[targetStart + 1] | 0x20) == UInt8(ascii: "m"), (input[targetStart + 2] | 0x20) == UInt8(ascii: "l") {
            throw malformed("XML declaration not at the start")
        }
        if starts(with: "?>") {
            at += 2
            return
        }
        guard skipBlanks() else { throw malformed("no space after a processing instruction's target") }
        _ = try skipToEnd(of: .instruction)
    }

    /// Markup whose text runs to a fixed end and holds no markup.
    private enum Section {
        case comment, instruction, cdata

        var name: String {
            switch self {
            case .comment: "comment"
            case .instruction: "processing instruction"
            case .cdata: "CDATA section"
            }
        }
    }

    /// Past the end of a comment's text (`-->`, with no other `--`), an instruction's (`?>`) or
    /// a CDATA section's (`]]>`), refusing what libxml2 refuses in them: control characters
    /// and noncharacters. The text's range, without the end.
    private mutating func skipToEnd(of section: Section) throws(UnreadableReason) -> Range<Int> {
        let start = at
        let stop, closer: UInt8
        switch section {
        case .comment: (stop, closer) = (ByteClass.commentStop, UInt8(ascii: "-"))
        case .instruction: (stop, closer) = (ByteClass.instructionStop, UInt8(ascii: "?"))
        case .cdata: (stop, closer) = (ByteClass.cdataStop, UInt8(ascii: "]"))
        }
        while true {
            at = index(from: at, until: stop)
            guard at < end else { throw malformed("unterminated \(section.name)") }
            switch input[at] {
            case closer:
                let textEnd = at
                var length = 0
                switch section {
                case .comment where byte(at + 1) == UInt8(ascii: "-"):
                    guard byte(at + 2) == UInt8(ascii: ">") else { throw malformed("'--' inside a comment") }
                    length = 3
                case .instruction where byte(at + 1) == UInt8(ascii: ">"):
                    length = 2
                case .cdata where byte(at + 1) == UInt8(ascii: "]") && byte(at + 2) == UInt8(ascii: ">"):
                    length = 3
                default:
                    break
                }
                if length > 0 {
                    // CDATA counts against the text limit as it is added; the others have their own.
                    if section != .cdata, textEnd - start > Self.maxTextLength {
                        throw malformed("\(section.name) longer than \(Self.maxTextLength) bytes")
                    }
                    at += length
                    return start..<textEnd
                }
                at += 1
            case 0xEF:
                try checkNotNoncharacter()
                at += 1
            default:
                throw malformed("control character in a \(section.name)")
            }
        }
    }

    // MARK: document type

    /// `<!DOCTYPE name ExternalID? [internal subset]? >`: read for well-formedness, then dropped.
    /// Nothing is fetched; attribute defaults declared here are not applied.
    private mutating func documentType() throws(UnreadableReason) {
        at += 9
        skipBlanks()
        guard try name() else { throw malformed("DOCTYPE without a name") }
        skipBlanks()
        if try externalIdentifier(publicNeedsSystem: true) { externalSubset = true }
        skipBlanks()
        if byte(at) == UInt8(ascii: "[") {
            guard pushParserFindsSubsetEnd(from: at) else { throw malformed("DOCTYPE whose end libxml2 does not find") }
            at += 1
            try internalSubset()
            at += 1
            skipBlanks()
        }
        guard byte(at) == UInt8(ascii: ">") else { throw malformed("unterminated DOCTYPE") }
        at += 1
    }

    /// libxml2's push parser reads an internal subset only once its lookahead has seen `]` S? `>`
    /// outside quotes and comments, and it takes a quote inside a processing instruction for
    /// one: a subset its lookahead never sees the end of leaves the document without a root.
    private mutating func pushParserFindsSubsetEnd(from start: Int) -> Bool {
        var i = start
        var quote: UInt8 = 0
        while i < end {
            let b = input[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "<"), i + 4 < end, starts(with: "<!--", at: i) {
                while i + 3 < end, !starts(with: "-->", at: i) { i += 1 }
                guard i + 3 < end else { return false }
                i += 2
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "]") {
                guard i + 1 < end else { return false }
                if input[i + 1] == UInt8(ascii: "]") {
                    i += 2
                    continue
                }
                var j = i + 1
                while j < end, isBlank(input[j]) { j += 1 }
                guard j < end else { return false }
                if input[j] == UInt8(ascii: ">") { return true }
            }
            i += 1
        }
        return false
    }

    /// `SYSTEM "uri"` or `PUBLIC "id" "uri"` (the URI optional in a NOTATION); false when neither.
    private mutating func externalIdentifier(publicNeedsSystem: Bool) throws(UnreadableReason) -> Bool {
        if starts(with: "SYSTEM") {
            at += 6
            guard skipBlanks() else { throw malformed("no space after SYSTEM") }
            try systemLiteral()
            return true
        }
        guard starts(with: "PUBLIC") else { return false }
        at += 6
        guard skipBlanks() else { throw malformed("no space after PUBLIC") }
        let quote = try openingQuote()
        while at < end, input[at] != quote, isPublicIdentifierCharacter(input[at]) { at += 1 }
        guard byte(at) == quote, at < end else { throw malformed("invalid public identifier") }
        at += 1
        if publicNeedsSystem {
            guard skipBlanks() else { throw malformed("no space after the public identifier") }
            try systemLiteral()
        } else {
            let before = at
            if skipBlanks(), byte(at) == UInt8(ascii: "\"") || byte(at) == UInt8(ascii: "'") {
                try systemLiteral()
            } else {
                at = before
            }
        }
        return true
    }

    private mutating func systemLiteral() throws(UnreadableReason) {
        let quote = try openingQuote()
        while at < end, input[at] != quote { try skipCharacter() }
        guard at < end else { throw malformed("unterminated system literal") }
        at += 1
    }

    /// Declarations, comments, processing instructions and parameter-entity references, up to `]`.
    private mutating func internalSubset() throws(UnreadableReason) {
        while true {
            skipBlanks()
            guard at < end else { throw malformed("unterminated DOCTYPE") }
            if input[at] == UInt8(ascii: "]") { return }
            if starts(with: "<!ELEMENT") {
                try elementDeclaration()
            } else if starts(with: "<!ATTLIST") {
                try attributeListDeclaration()
            } else if starts(with: "<!NOTATION") {
                try notationDeclaration()
            } else if starts(with: "<!ENTITY") {
                // Reached only when the raw bytes hid the declaration in another encoding; the
                // entity check in XMLTree.parse refuses the plain spelling before any parsing.
                at += 8
                skipBlanks()
                if byte(at) == UInt8(ascii: "%") { at += 1; skipBlanks() }
                _ = try name()
                skipBlanks()
                if starts(with: "SYSTEM") || starts(with: "PUBLIC") {
                    throw UnreadableReason(.limitReached, "XML declares external entities")
                }
                throw UnreadableReason(.limitReached, "XML declares entities")
            } else if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if input[at] == UInt8(ascii: "%") {
                at += 1
                guard try name(), byte(at) == UInt8(ascii: ";") else { throw malformed("invalid parameter-entity reference") }
                at += 1
                // libxml2 only warns about an undeclared parameter entity when an external subset might declare it.
                guard externalSubset, !standalone else { throw malformed("undeclared parameter entity") }
            } else {
                throw malformed("invalid declaration in the DOCTYPE")
            }
        }
    }

    /// `<!ELEMENT name EMPTY|ANY|(mixed)|(children)>`, content models walked with an explicit stack.
    private mutating func elementDeclaration() throws(UnreadableReason) {
        at += 9
        guard skipBlanks() else { throw malformed("no space after <!ELEMENT") }
        guard try name() else { throw malformed("element declaration without a name") }
        guard skipBlanks() else { throw malformed("no space after the declared element's name") }
        if starts(with: "EMPTY") {
            at += 5
        } else if starts(with: "ANY") {
            at += 3
        } else if byte(at) == UInt8(ascii: "(") {
            at += 1
            skipBlanks()
            if starts(with: "#PCDATA") {
                try mixedContent()
            } else {
                try childrenContent()
            }
        } else {
            throw malformed("invalid element content declaration")
        }
        skipBlanks()
        guard byte(at) == UInt8(ascii: ">") else { throw malformed("unterminated element declaration") }
        at += 1
    }

    private mutating func mixedContent() throws(UnreadableReason) {
        at += 7
        skipBlanks()
        if byte(at) == UInt8(ascii: ")") {
            at += 1
            if byte(at) == UInt8(ascii: "*") { at += 1 }
            return
        }
        while byte(at) == UInt8(ascii: "|") {
            at += 1
            skipBlanks()
            guard try name() else { throw malformed("invalid mixed content declaration") }
            skipBlanks()
        }
        guard byte(at) == UInt8(ascii: ")"), byte(at + 1) == UInt8(ascii: "*") else {
            throw malformed("invalid mixed content declaration")
        }
        at += 2
    }

    /// After the opening `(` of a children content model.
    private mutating func childrenContent() throws(UnreadableReason) {
        // One separator per open group: 0 until the group shows whether it is a choice or a sequence.
        var separators: [UInt8] = [0]
        while true {
            skipBlanks()
            if byte(at) == UInt8(ascii: "(") {
                at += 1
                separators.append(0)
                if separators.count > 128 { throw malformed("content model nested too deep") }
                continue
            }
            guard try name() else { throw malformed("invalid element content declaration") }
            skipOccurrence()
            while true {
                skipBlanks()
                let b = byte(at)
                if b == UInt8(ascii: ")") {
                    at += 1
                    skipOccurrence()
                    separators.removeLast()
                    if separators.isEmpty { return }
                    continue
                }
                guard b == UInt8(ascii: ",") || b == UInt8(ascii: "|") else {
                    throw malformed("invalid element content declaration")
                }
                let last = separators.count - 1
                guard separators[last] == 0 || separators[last] == b else {
                    throw malformed("',' and '|' mixed in one content group")
                }
                separators[last] = b
                at += 1
                break
            }
        }
    }

    private mutating func skipOccurrence() {
        let b = byte(at)
        if b == UInt8(ascii: "?") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") { at += 1 }
    }

    private mutating func attributeListDeclaration() throws(UnreadableReason) {
        at += 9
        guard skipBlanks() else { throw malformed("no space after <!ATTLIST") }
        guard try name() else { throw malformed("attribute list without an element name") }
        skipBlanks()
        while byte(at) != UInt8(ascii: ">") {
            guard try name() else { throw malformed("attribute declaration without a name") }
            guard skipBlanks() else { throw malformed("no space after a declared attribute's name") }
            try attributeType()
            guard skipBlanks() else { throw malformed("no space after a declared attribute's type") }
            if starts(with: "#REQUIRED") {
                at += 9
            } else if starts(with: "#IMPLIED") {
                at += 8
            } else {
                if starts(with: "#FIXED") {
                    at += 6
                    guard skipBlanks() else { throw malformed("no space after #FIXED") }
                }
                _ = try attributeValue()
            }
            if byte(at) != UInt8(ascii: ">"), !skipBlanks() {
                throw malformed("no space after a declared attribute's default")
            }
        }
        at += 1
    }

    private mutating func attributeType() throws(UnreadableReason) {
        let keywords: [StaticString] = ["CDATA", "IDREFS", "IDREF", "ID", "ENTITY", "ENTITIES", "NMTOKENS", "NMTOKEN"]
        for keyword in keywords where starts(with: keyword) {
            at += keyword.utf8CodeUnitCount
            return
        }
        let notation = starts(with: "NOTATION")
        if notation {
            at += 8
            guard skipBlanks() else { throw malformed("no space after NOTATION") }
        }
        guard byte(at) == UInt8(ascii: "(") else { throw malformed("invalid attribute type") }
        repeat {
            at += 1
            skipBlanks()
            guard try notation ? name() : nameToken() else { throw malformed("invalid enumerated attribute type") }
            skipBlanks()
        } while byte(at) == UInt8(ascii: "|")
        guard byte(at) == UInt8(ascii: ")") else { throw malformed("invalid enumerated attribute type") }
        at += 1
    }

    private mutating func notationDeclaration() throws(UnreadableReason) {
        at += 10
        guard skipBlanks() else { throw malformed("no space after <!NOTATION") }
        guard try name() else { throw malformed("notation without a name") }
        guard skipBlanks() else { throw malformed("no space after the notation's name") }
        guard try externalIdentifier(publicNeedsSystem: false) else { throw malformed("notation without an identifier") }
        skipBlanks()
        guard byte(at) == UInt8(ascii: ">") else { throw malformed("unterminated notation declaration") }
        at += 1
    }

    // MARK: names

    /// An element or attribute name. libxml2 reads it as a QName and, after a prefix and a local
    /// part, wants a name to start after a second colon: `a:b:-c` is a Name but not for libxml2.
    /// Its length limit applies to the prefix and the local part apart.
    private mutating func qualifiedName() throws(UnreadableReason) {
        let start = at
        guard try name(limited: false) else { throw malformed("invalid name") }
        var colon = start + 1
        while colon < at, input[colon] != UInt8(ascii: ":") { colon += 1 }
        let prefixed = colon + 1 < at && input[start] != UInt8(ascii: ":") && input[colon + 1] != UInt8(ascii: ":")
            && isNameStart(at: colon + 1)
        guard prefixed else {
            if at - start > Self.maxNameLength { throw malformed("name longer than \(Self.maxNameLength) bytes") }
            return
        }
        var second = colon + 1
        while second < at, input[second] != UInt8(ascii: ":") { second += 1 }
        if second + 1 < at, !isNameStart(at: second + 1) { throw malformed("invalid qualified name") }
        if at - start > Self.maxNameLength,
           colon - start > Self.maxNameLength || second - colon - 1 > Self.maxNameLength || at - second - 1 > Self.maxNameLength {
            throw malformed("name longer than \(Self.maxNameLength) bytes")
        }
    }

    /// Advances over an XML 1.0 (fifth edition) Name; false when none starts here.
    @discardableResult
    private mutating func name(limited: Bool = true) throws(UnreadableReason) -> Bool {
        let start = at
        guard at < end, isNameStart(at: at) else { return false }
        // A name start is a name character too: the rest of a Name is a name token.
        nameToken()
        if limited, at - start > Self.maxNameLength { throw malformed("name longer than \(Self.maxNameLength) bytes") }
        return true
    }

    /// Advances over name characters; false when there are none.
    @discardableResult
    private mutating func nameToken() -> Bool {
        let start = at
        while at < end {
            let b = input[at]
            if b < 0x80 {
                guard classes[Int(b)] & ByteClass.nameCharacter != 0 else { break }
                at += 1
            } else {
                let (scalar, length) = input.scalar(at: at)
                guard isNameCharacter(scalar.value) else { break }
                at += length
            }
        }
        return at > start
    }

    @inline(__always)
    private func isNameStart(at i: Int) -> Bool {
        let b = input[i]
        if b < 0x80 { return classes[Int(b)] & ByteClass.nameStart != 0 }
        return isNameStartCharacter(input.scalar(at: i).scalar.value)
    }

    // MARK: bytes

    @inline(__always)
    private func byte(_ i: Int) -> UInt8 { i < end ? input[i] : 0 }

    @inline(__always)
    private func starts(with literal: StaticString, at i: Int? = nil) -> Bool {
        let from = i ?? at
        let count = literal.utf8CodeUnitCount
        return end - from >= count && memcmp(input.baseAddress! + from, literal.utf8Start, count) == 0
    }

    private func starts(with prefix: [UInt8]) -> Bool {
        end - at >= prefix.count && zip(prefix, input[at...]).allSatisfy { $0 == $1 }
    }

    @discardableResult
    private mutating func skipBlanks() -> Bool {
        let start = at
        var i = at
        while i < end, classes[Int(input[i])] & ByteClass.blank != 0 { i += 1 }
        at = i
        return i > start
    }

    /// The first index from `i` on whose byte is in `stops` (or the end); a local index keeps
    /// the loop in registers.
    @inline(__always)
    private func index(from i: Int, until stops: UInt8) -> Int {
        var i = i
        while i < end, classes[Int(input[i])] & stops == 0 { i += 1 }
        return i
    }

    /// One character of a literal, refused when XML does not allow it.
    private mutating func skipCharacter() throws(UnreadableReason) {
        let b = input[at]
        if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { throw malformed("control character") }
        if b == 0xEF { try checkNotNoncharacter() }
        at += input.scalar(at: at).length
    }

    /// At an 0xEF lead byte: U+FFFE and U+FFFF are not XML characters.
    private mutating func checkNotNoncharacter() throws(UnreadableReason) {
        if byte(at + 1) == 0xBF, byte(at + 2) >= 0xBE { throw malformed("U+FFFE or U+FFFF") }
    }

    // MARK: encodings

    /// The bytes after an encoding declaration converted to UTF-8 through iconv, which is what
    /// libxml2 on Debian does for every encoding but UTF-8 and UTF-16 (its own Latin-1 and ASCII
    /// decoders agree with iconv's). Bytes the encoding cannot have make the document unreadable.
    private static func transcode(_ bytes: [UInt8], after offset: Int, from encoding: String) throws(UnreadableReason) -> [UInt8] {
        guard let decoder = converter(from: encoding) else { throw notWellFormed("unsupported encoding \(encoding)") }
        defer { iconv_close(decoder) }
        var out = Array(bytes[..<offset])
        var source = Array(bytes[offset...])
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let converted = source.withUnsafeMutableBytes { sourceBytes in
            chunk.withUnsafeMutableBytes { chunkBytes in
                var inPointer = sourceBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = sourceBytes.count
                var flushed = false
                while true {
                    var outPointer = chunkBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBytes.count
                    let result = inLeft > 0 ? iconv(decoder, &inPointer, &inLeft, &outPointer, &outLeft)
                                            : iconv(decoder, nil, nil, &outPointer, &outLeft)
                    out.append(contentsOf: chunkBytes.prefix(chunkBytes.count - outLeft).bindMemory(to: UInt8.self))
                    if result == -1 {
                        if errno == E2BIG { continue }
                        return false
                    }
                    if inLeft == 0 {
                        if flushed { return true }
                        flushed = true
                    }
                }
            }
        }
        guard converted else { throw notWellFormed("bytes that are not \(encoding)") }
        return out
    }
}

/// An iconv converter from the encoding to UTF-8, found the way libxml2 finds one: iconv under
/// the name as written, and only when iconv also converts the other way; failing that, ICU,
/// whose names match ignoring case and punctuation (`KOI8---R`), which the second and third
/// tries stand in for with iconv's own names.
private func converter(from encoding: String) -> iconv_t? {
    let failed = UnsafeMutableRawPointer(bitPattern: -1)
    let loose = encoding.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    var candidates = [encoding, loose]
    if loose.hasPrefix("windows"), loose.dropFirst(7).allSatisfy(\.isNumber) { candidates.append("WINDOWS-" + loose.dropFirst(7)) }
    if loose == "usascii" { candidates.append("US-ASCII") }
    if loose == "shiftjis" { candidates.append("SHIFT_JIS") }
    for name in candidates where !name.isEmpty {
        let decoder = iconv_open("UTF-8", name)
        guard decoder != failed else { continue }
        let encoder = iconv_open(name, "UTF-8")
        if encoder != failed {
            iconv_close(encoder)
            return decoder
        }
        iconv_close(decoder)
    }
    return nil
}

// MARK: character classes

private enum ByteClass {
    static let textStop: UInt8 = 1
    static let attributeStop: UInt8 = 2
    static let cdataStop: UInt8 = 4
    static let commentStop: UInt8 = 8
    static let instructionStop: UInt8 = 16
    static let nameStart: UInt8 = 32
    static let nameCharacter: UInt8 = 64
    static let blank: UInt8 = 128
}

/// Per byte, which scanning loops must stop at it: the 0xEF lead byte because U+FFFE and U+FFFF
/// start with it, control characters because XML 1.0 refuses them.
nonisolated(unsafe) private let xmlByteClasses: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    table.initialize(repeating: 0, count: 256)
    for b in 0..<0x20 where b != 0x09 && b != 0x0A && b != 0x0D {
        table[b] |= ByteClass.textStop | ByteClass.cdataStop | ByteClass.commentStop | ByteClass.instructionStop
    }
    for b in 0..<0x20 { table[b] |= ByteClass.attributeStop }
    table[0xEF] |= ByteClass.textStop | ByteClass.attributeStop | ByteClass.cdataStop | ByteClass.commentStop
        | ByteClass.instructionStop
    table[0x0D] |= ByteClass.textStop
    for c in "<&]".utf8 { table[Int(c)] |= ByteClass.textStop }
    for c in "<&\"'".utf8 { table[Int(c)] |= ByteClass.attributeStop }
    table[Int(UInt8(ascii: "]"))] |= ByteClass.cdataStop
    table[Int(UInt8(ascii: "-"))] |= ByteClass.commentStop
    table[Int(UInt8(ascii: "?"))] |= ByteClass.instructionStop
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_:".utf8 {
        table[Int(c)] |= ByteClass.nameStart | ByteClass.nameCharacter
    }
    for c in "0123456789-.".utf8 { table[Int(c)] |= ByteClass.nameCharacter }
    for c in " \t\n\r".utf8 { table[Int(c)] |= ByteClass.blank }
    return UnsafePointer(table)
}()

private func isNameStartCharacter(_ c: UInt32) -> Bool {
    switch c {
    case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
         0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
         0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
        return true
    default:
        return false
    }
}

private func isNameCharacter(_ c: UInt32) -> Bool {
    switch c {
    case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
    default: return isNameStartCharacter(c)
    }
}

private func isXMLCharacter(_ c: UInt32) -> Bool {
    switch c {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
}

private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

private func isBlank(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
}

private func isPublicIdentifierCharacter(_ b: UInt8) -> Bool {
    if isASCIILetter(b) || isDigit(b) { return true }
    switch b {
    case 0x20, 0x0D, 0x0A: return true
    default: return "-'()+,./:=?;!*#@$_%".utf8.contains(b)
    }
}

/// `scalar` is an XML character (references are checked by `isXMLCharacter`), so never a surrogate.
private func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
}

/// The children of every open element, innermost last, kept apart so that closing an element
/// moves its children into an array of exactly their number, instead of growing one per element.
private struct ChildStack {
    private var base = UnsafeMutablePointer<XMLTree.Node>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0

    mutating func push(_ node: XMLTree.Node) {
        if count == capacity {
            let larger = UnsafeMutablePointer<XMLTree.Node>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: node)
        count += 1
    }

    mutating func pop(from first: Int) -> [XMLTree.Node] {
        let moved = count - first
        count = first
        return [XMLTree.Node](unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + first, count: moved)
            initialized = moved
        }
    }

    /// Releases what a failed parse left behind, and the memory; the stack is done with.
    mutating func free() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
    }
}

/// A name as the bytes it is spelt with, which is how XML compares names (String's equality is
/// canonical equivalence).
private struct SpelledName: Hashable {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (a: SpelledName, b: SpelledName) -> Bool {
        a.bytes.count == b.bytes.count && memcmp(a.bytes.baseAddress!, b.bytes.baseAddress!, a.bytes.count) == 0
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
}

/// Element and attribute names as shared Strings: a DOCX says `w:r` thousands of times, and an
/// ODT's names are mostly too long for Swift's inline small strings.
private struct NameTable {
    private let mask: Int
    private var slots: [Slot]
    private var strings: [String]
    /// The bytes of every name in `strings`, compared instead of the Strings themselves.
    private var spellings: [UInt8] = []

    private struct Slot {
        var hash: UInt64 = 0
        var offset = 0
        var length = -1
    }

    /// Room for the names a part of this size may have: a relationships part has a handful,
    /// a document body some dozens.
    init(inputSize: Int) {
        let size = inputSize < 4_096 ? 64 : 512
        mask = size - 1
        slots = [Slot](repeating: Slot(), count: size)
        strings = [String](repeating: "", count: size)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        let index = Int(truncatingIfNeeded: hash) & mask
        let slot = slots[index]
        if slot.hash == hash, slot.length == bytes.count,
           spellings.withUnsafeBufferPointer({ memcmp($0.baseAddress! + slot.offset, bytes.baseAddress!, bytes.count) == 0 }) {
            return strings[index]
        }
        let string = String(decoding: bytes, as: UTF8.self)
        slots[index] = Slot(hash: hash, offset: spellings.count, length: bytes.count)
        spellings.append(contentsOf: bytes)
        strings[index] = string
        return string
    }

    /// Length, head and tail: enough to tell office XML's names apart, and cheap.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        if bytes.count >= 8 {
            h ^= raw.loadUnaligned(as: UInt64.self)
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            h ^= raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else {
            for b in bytes { h = (h << 8) | UInt64(b) }
        }
        h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}
