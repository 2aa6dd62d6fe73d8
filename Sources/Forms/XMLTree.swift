import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document as a small element tree, built with limits because DOCX and ODT parts
/// come from strangers. Names keep their prefix (`w:p`, `text:span`): Word and LibreOffice
/// always use the conventional prefixes, and matching `"w:p"` keeps reader code plain.
final class XMLTree {
    struct Limits: Sendable {
        var maxDepth = 256
        var maxElements = 1_000_000
        var maxCharacters = 50_000_000
    }

    enum Node {
        case element(Element)
        case text(String)
    }

    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        var elements: [Element] {
            children.compactMap { if case .element(let e) = $0 { e } else { nil } }
        }

        func first(_ name: String) -> Element? {
            for case .element(let e) in children where e.name == name { return e }
            return nil
        }

        /// The first descendant with this name, depth first; bounded by the tree's own limits.
        func descendant(_ name: String) -> Element? {
            var stack: [Element] = [self]
            while let e = stack.popLast() {
                if e !== self, e.name == name { return e }
                stack.append(contentsOf: e.elements.reversed())
            }
            return nil
        }

        subscript(attribute: String) -> String? { attributes[attribute] }

        var text: String {
            var out = ""
            for child in children {
                switch child {
                case .text(let s): out += s
                case .element(let e): out += e.text
                }
            }
            return out
        }
    }

    let root: Element

    private init(root: Element) { self.root = root }

    static func parse(_ input: [UInt8], limits: Limits = Limits()) throws(UnreadableReason) -> XMLTree {
        let bytes = try utf8Input(input)
        // Entity declarations are the whole billion-laughs attack and never occur in DOCX or
        // ODT; refusing them up front means libxml2 never gets to expand anything.
        if contains(bytes, "<!DOCTYPE"), contains(bytes, "<!ENTITY") {
            throw UnreadableReason(.limitReached, "XML declares entities in a DOCTYPE")
        }
        let builder = Builder(limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let ok = parser.parse()
        if let reason = builder.failure { throw reason }
        guard ok, let root = builder.root, builder.stack.isEmpty else {
            if builder.deepest >= limits.maxDepth - 1 {
                // libxml2 has its own depth limit near ours and may stop first.
                throw UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)")
            }
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw UnreadableReason(.corrupt, "XML is not well-formed (\(message))")
        }
        return XMLTree(root: root)
    }

    /// The part as UTF-8, which is all libxml2 is ever given. It passes a name that is not UTF-8
    /// on unchecked when it assumes UTF-8 (no declaration, or one naming an encoding it does not
    /// know), and FoundationXML traps on such a name (`<\u{FF}/>`), taking the daemon down with
    /// one attachment. OOXML and ODF allow only UTF-8 and UTF-16, so UTF-16 is converted here
    /// and anything else is corrupt.
    static func utf8Input(_ bytes: [UInt8]) throws(UnreadableReason) -> [UInt8] {
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else {
            throw UnreadableReason(.corrupt, "XML is not well-formed (neither UTF-8 nor UTF-16)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            i += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        // The declaration names UTF-16, which these bytes no longer are.
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text.removeSubrange(..<end.upperBound) }
        return Array(text.utf8)
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, let first = n.first else { return false }
        var i = 0
        let last = bytes.count - n.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < n.count, bytes[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let limits: Limits
        var root: Element?
        var stack: [Element] = []
        var elementCount = 0
        var characterCount = 0
        var deepest = 0
        var failure: UnreadableReason?
        var pending = ""

        init(limits: Limits) { self.limits = limits }

        private func fail(_ parser: XMLParser, _ reason: UnreadableReason) {
            if failure == nil { failure = reason }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            guard failure == nil else { return }
            elementCount += 1
            if elementCount > limits.maxElements {
                return fail(parser, UnreadableReason(.limitReached, "XML has more than \(limits.maxElements) elements"))
            }
            if stack.count >= limits.maxDepth {
                return fail(parser, UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)"))
            }
            flushText()
            let element = Element(name: qualifiedName ?? elementName, attributes: attributes)
            if let parent = stack.last {
                parent.children.append(.element(element))
            } else if root == nil {
                root = element
            } else {
                return fail(parser, UnreadableReason(.corrupt, "XML has two root elements"))
            }
            stack.append(element)
            deepest = max(deepest, stack.count)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            guard failure == nil else { return }
            flushText()
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            append(parser, string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            append(parser, String(decoding: CDATABlock, as: UTF8.self))
        }

        private func append(_ parser: XMLParser, _ string: String) {
            guard failure == nil, let parent = stack.last else { return }
            characterCount += string.utf8.count
            if characterCount > limits.maxCharacters {
                return fail(parser, UnreadableReason(.limitReached, "XML text exceeds \(limits.maxCharacters) bytes"))
            }
            _ = parent
            // The parser delivers text in pieces (each entity apart); gathering them in place
            // keeps one text node per stretch without quadratic copying.
            pending += string
        }

        private func flushText() {
            guard !pending.isEmpty, let parent = stack.last else { return }
            parent.children.append(.text(pending))
            pending = ""
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            fail(parser, UnreadableReason(.limitReached, "XML declares entities"))
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String,
                    publicID: String?, systemID: String?) {
            fail(parser, UnreadableReason(.limitReached, "XML declares external entities"))
        }
    }
}
