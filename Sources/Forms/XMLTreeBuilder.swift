import CXML2

/// Builds an XMLTree from libxml2's SAX2 callbacks, one parse per builder. libxml2 streams the
/// part and calls back at each tag and stretch of text, so the limits stop it mid-document and
/// no libxml2 tree is built only to be copied. The parser is the pull parser over the whole part
/// in memory (what xmlReadMemory runs), with network access off, entities never substituted and
/// nothing from a DTD ever loaded: a DOCTYPE stops the parse as soon as its name is read, before
/// its internal subset (where billion laughs and external entities live) is looked at.
///
/// The tree is the one the readers have always walked (XMLScanner's, FoundationXML's before
/// it; Tests/Fuzz/RESULTS.md has the comparison): names as written, prefix
/// included; bound namespace declarations kept as `xmlns`/`xmlns:p` attributes; one text node per
/// stretch between tags, whitespace included, CDATA joined to the text around it, comments and
/// processing instructions contributing nothing.
///
/// A struct reached through a pointer, not a class: libxml2 calls back per tag and per piece of
/// text, and a class's stored properties pay a dynamic exclusivity check on every mutation
/// (a tenth of the parse when it was one).
struct XMLTreeBuilder {
    private let limits: XMLTree.Limits
    private let context: xmlParserCtxtPtr
    private var open: [XMLTree.Element] = []
    /// The children of every open element, innermost last; `firstChild` says where each open
    /// element's start. Closing an element moves its children out into an array of exactly
    /// their number.
    private var children: [XMLTree.Node] = []
    private var firstChild: [Int] = []
    private var root: XMLTree.Element?
    /// The text since the last tag, as libxml2 hands it over in pieces (one, mostly).
    private var text: String?
    private var elementCount = 0
    private var characterCount = 0
    private var deepest = 0
    /// Why we stopped the parser, when we did.
    private var stopped: UnreadableReason?
    /// libxml2's first fatal error, for the reason.
    private var firstError: String?
    /// Names are interned in libxml2's dictionary, so a (prefix, local name) pair of pointers
    /// names the same String for the whole parse: a DOCX says `w:r` thousands of times.
    private var names = NameTable()

    private init(limits: XMLTree.Limits, context: xmlParserCtxtPtr) {
        self.limits = limits
        self.context = context
    }

    /// libxml2's global tables, made once before any thread parses (xmlInitParser is not safe to
    /// race with itself in 2.9).
    private static let libraryReady: Void = xmlInitParser()

    static func root(of bytes: [UInt8], limits: XMLTree.Limits) throws(UnreadableReason) -> XMLTree.Element {
        Self.libraryReady
        guard !bytes.isEmpty else { throw XMLTree.notWellFormed("empty part") }
        guard let length = Int32(exactly: bytes.count) else {
            throw UnreadableReason(.limitReached, "XML part larger than 2 GiB")
        }
        let saved = cxml2_silence_thread()
        defer { cxml2_restore_thread(saved) }
        // The context copies the bytes into its own input buffer.
        let made = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { start in
                start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCreateMemoryParserCtxt($0, length) }
            }
        }
        guard let context = made, let sax = context.pointee.sax else {
            throw XMLTree.notWellFormed("libxml2 could not start a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let builder = UnsafeMutablePointer<XMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: XMLTreeBuilder(limits: limits, context: context))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        sax.pointee = Self.handler
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        // NOENT stays off: no entity is ever substituted, and without a DTD none but the five
        // predefined ones exist. No DTDLOAD, DTDVALID or HUGE either.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        let parsed = xmlParseDocument(context) == 0 && context.pointee.wellFormed != 0
        return try builder.pointee.finish(parsed: parsed, readToEnd: Self.readToEnd(context))
    }

    /// The pull parser takes a NUL byte for the end of its input, so after the root element
    /// `<a/>\0<b/>` ends there, well-formed; XML has no NUL, so the part is broken.
    private static func readToEnd(_ context: xmlParserCtxtPtr) -> Bool {
        guard let input = context.pointee.input else { return false }
        if let cur = input.pointee.cur, let end = input.pointee.end, cur < end { return false }
        if let raw = input.pointee.buf?.pointee.raw, xmlBufUse(raw) > 0 { return false }
        return true
    }

    private func finish(parsed: Bool, readToEnd: Bool) throws(UnreadableReason) -> XMLTree.Element {
        if let stopped { throw stopped }
        if parsed, !readToEnd { throw XMLTree.notWellFormed("content after the root element") }
        guard parsed, let root, open.isEmpty else {
            // libxml2 has a depth limit of its own (256 without XML_PARSE_HUGE), which may stop a
            // document before ours does; XMLTree has always blamed a failure this deep on the depth.
            if deepest >= limits.maxDepth - 1 {
                throw UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)")
            }
            throw XMLTree.notWellFormed(firstError ?? "no root element")
        }
        return root
    }

    private mutating func stop(_ reason: UnreadableReason) {
        if stopped == nil { stopped = reason }
        xmlStopParser(context)
    }

    // MARK: callbacks

    private static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLTreeBuilder> {
        context!.assumingMemoryBound(to: XMLTreeBuilder.self)
    }

    /// Only what the tree needs: no entity, DTD or reference callbacks, so libxml2 has nowhere
    /// to put a declaration even if it read one.
    private static var handler: xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, local, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
            XMLTreeBuilder.builder(context).pointee.start(local: local!, prefix: prefix, namespaces: namespaces, namespaceCount: Int(namespaceCount),
                                   attributes: attributes, attributeCount: Int(attributeCount))
        }
        sax.endElementNs = { context, _, _, _ in XMLTreeBuilder.builder(context).pointee.end() }
        sax.characters = { context, bytes, count in XMLTreeBuilder.builder(context).pointee.append(bytes, Int(count)) }
        // The same function as `characters`, so libxml2 never sets whitespace aside as ignorable.
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = { context, bytes, count in XMLTreeBuilder.builder(context).pointee.append(bytes, Int(count)) }
        sax.internalSubset = { context, _, _, _ in
            XMLTreeBuilder.builder(context).pointee.stop(UnreadableReason(.corrupt, "XML has a DOCTYPE, which DOCX and ODT parts never have"))
        }
        sax.serror = { context, error in
            guard let context, let error, error.pointee.level == XML_ERR_FATAL else { return }
            let builder = XMLTreeBuilder.builder(context)
            if builder.pointee.firstError == nil, let message = error.pointee.message {
                var text = String(cString: message)
                while text.last?.isWhitespace == true { text.removeLast() }
                builder.pointee.firstError = text
            }
        }
        return sax
    }

    private mutating func start(local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
                       namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, namespaceCount: Int,
                       attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int) {
        elementCount += 1
        if elementCount > limits.maxElements {
            return stop(UnreadableReason(.limitReached, "XML has more than \(limits.maxElements) elements"))
        }
        if open.count >= limits.maxDepth {
            return stop(UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)"))
        }
        flushText()
        var dictionary: [String: String] = [:]
        if namespaceCount + attributeCount > 0 {
            dictionary.reserveCapacity(namespaceCount + attributeCount)
            // Namespace declarations libxml2 bound, as (prefix, URI) pairs.
            for i in 0..<namespaceCount {
                let prefix = namespaces![2 * i], uri = namespaces![2 * i + 1]
                let name = prefix.map { "xmlns:" + String(cString: $0) } ?? "xmlns"
                dictionary[name] = uri.map { Self.attributeValue(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) } ?? ""
            }
            // Five pointers per attribute: local name, prefix, URI, value start, value end. A
            // String key equals another that is canonically equivalent (`é`, `e\u{301}`), which
            // libxml2 takes for two names: the later value is kept, as it always was.
            for i in 0..<attributeCount {
                let base = 5 * i
                let start = attributes![base + 3]!, end = attributes![base + 4]!
                dictionary[names.string(prefix: attributes![base + 1], local: attributes![base]!)] =
                    Self.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        let element = XMLTree.Element(name: names.string(prefix: prefix, local: local), attributes: dictionary)
        if !open.isEmpty { children.append(.element(element)) }
        open.append(element)
        firstChild.append(children.count)
        deepest = max(deepest, open.count)
    }

    private mutating func end() {
        flushText()
        let closed = open.removeLast()
        let first = firstChild.removeLast()
        if first < children.count {
            closed.children = Array(children[first...])
            children.removeSubrange(first...)
        }
        if open.isEmpty { root = closed }
    }

    private mutating func append(_ bytes: UnsafePointer<xmlChar>?, _ count: Int) {
        guard let bytes, count > 0, !open.isEmpty else { return }
        characterCount += count
        if characterCount > limits.maxCharacters {
            return stop(UnreadableReason(.limitReached, "XML text exceeds \(limits.maxCharacters) bytes"))
        }
        let piece = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        if text == nil { text = piece } else { text! += piece }
    }

    private mutating func flushText() {
        guard let pending = text else { return }
        children.append(.text(pending))
        text = nil
    }

    /// Without entity substitution libxml2 hands over every `&` of a value (a namespace URI's
    /// too), written as `&amp;` or as a character reference, as the five bytes `&#38;`, for
    /// SAX2's tree builder to decode; a bare `&` is a well-formedness error.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<xmlChar>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        let escaped = Array("&#38;".utf8)
        var i = 0
        while i < bytes.count {
            decoded.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "&") && bytes[i...].starts(with: escaped) ? escaped.count : 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

/// Element and attribute names as shared Strings, found by the addresses of libxml2's interned
/// prefix and local name: a hash of two pointers instead of hashing a String per tag.
private struct NameTable {
    private struct Slot {
        var prefix: UnsafePointer<xmlChar>?
        var local: UnsafePointer<xmlChar>?
        var name = ""
    }

    private var slots = [Slot](repeating: Slot(), count: 256)

    mutating func string(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> String {
        let bits = UInt(bitPattern: local) &* 0x9E37_79B9_7F4A_7C15 ^ UInt(bitPattern: prefix)
        let index = Int(truncatingIfNeeded: (bits &* 0xBF58_476D_1CE4_E5B9) >> 56)
        if slots[index].local == local, slots[index].prefix == prefix { return slots[index].name }
        let localName = String(cString: local)
        let name = prefix.map { String(cString: $0) + ":" + localName } ?? localName
        slots[index] = Slot(prefix: prefix, local: local, name: name)
        return name
    }
}
