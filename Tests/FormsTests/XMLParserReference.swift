import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Forms

/// XMLTree's builder as it was before XMLScanner: FoundationXML's XMLParser (libxml2 2.9 in
/// recovery mode, fed as a push parser that is never told the input ended) with the same limits,
/// kept as the reference the scanner is compared with. It also records the error codes libxml2
/// reported, which the old builder ignored: XMLParser lets a document through after errors its
/// recovery mode patched over, and those codes say which acceptances were libxml2's recovery.
///
/// Never give it a processing instruction without data (`<?pi?>`), an ATTLIST declaration
/// without a default, or a NOTATION declaration: XMLParser dereferences the NULL libxml2 hands
/// it and the test process dies (the scanner accepts them; see the tests that pin that).
enum XMLParserReference {
    struct Reading {
        /// What XMLTree.parse gave: the root, or the reason.
        var result: Result<XMLTree.Element, UnreadableReason>
        /// libxml2's error codes (xmlParserErrors), warnings included, in order.
        var reportedCodes: [Int]
    }

    /// libxml2 codes that are warnings or namespace errors: it reports them and still parses
    /// the document as written (undeclared entity with an external subset, XML version 1.x,
    /// `xml`-prefixed PI targets, namespace URIs and prefixes, xml:space values).
    static let nonFatalCodes: Set<Int> = [27, 64, 97, 99, 100, 102, 200, 201, 202, 203, 204, 205]

    static func read(_ input: [UInt8], limits: XMLTree.Limits = XMLTree.Limits()) -> Reading {
        let bytes: [UInt8]
        do { bytes = try XMLTree.utf8Input(input) } catch { return Reading(result: .failure(error), reportedCodes: []) }
        if contains(bytes, "<!DOCTYPE"), contains(bytes, "<!ENTITY") {
            return Reading(result: .failure(UnreadableReason(.limitReached, "XML declares entities in a DOCTYPE")), reportedCodes: [])
        }
        let builder = Builder(limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let ok = parser.parse()
        if let reason = builder.failure { return Reading(result: .failure(reason), reportedCodes: builder.codes) }
        guard ok, let root = builder.root, builder.stack.isEmpty else {
            if builder.deepest >= limits.maxDepth - 1 {
                return Reading(result: .failure(UnreadableReason(.limitReached, "XML nested deeper than \(limits.maxDepth)")),
                               reportedCodes: builder.codes)
            }
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            return Reading(result: .failure(UnreadableReason(.corrupt, "XML is not well-formed (\(message))")),
                           reportedCodes: builder.codes)
        }
        return Reading(result: .success(root), reportedCodes: builder.codes)
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
        let limits: XMLTree.Limits
        var root: XMLTree.Element?
        var stack: [XMLTree.Element] = []
        var elementCount = 0
        var characterCount = 0
        var deepest = 0
        var failure: UnreadableReason?
        var pending = ""
        var codes: [Int] = []

        init(limits: XMLTree.Limits) { self.limits = limits }

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
            let element = XMLTree.Element(name: qualifiedName ?? elementName, attributes: attributes)
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
            guard failure == nil, stack.last != nil else { return }
            characterCount += string.utf8.count
            if characterCount > limits.maxCharacters {
                return fail(parser, UnreadableReason(.limitReached, "XML text exceeds \(limits.maxCharacters) bytes"))
            }
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

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            codes.append((parseError as NSError).code)
        }
    }
}

extension XMLParserReference {
    /// False for what would crash XMLParser: a processing instruction without data (`<?pi?>`,
    /// `<?xml?>`) and ATTLIST or NOTATION declarations, wherever they appear.
    static func canRead(_ bytes: [UInt8]) -> Bool {
        if contains(bytes, "<!ATTLIST") || contains(bytes, "<!NOTATION") { return false }
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                while j < bytes.count, ![UInt8(ascii: " "), 0x09, 0x0A, 0x0D, UInt8(ascii: "?"), UInt8(ascii: "<")].contains(bytes[j]) {
                    j += 1
                }
                if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") { return false }
            }
            i += 1
        }
        return true
    }

    /// How XMLTree.parse's reading of `bytes` departs from the reference's, or nil when it does
    /// not. A document libxml2 reported a well-formedness error in must be refused even when
    /// XMLParser's recovery let it through; one it read cleanly must give the same tree.
    static func disagreement(_ bytes: [UInt8], limits: XMLTree.Limits = XMLTree.Limits()) -> String? {
        let reference = read(bytes, limits: limits)
        let fatal = reference.reportedCodes.filter { !nonFatalCodes.contains($0) }
        let scanned: Result<XMLTree.Element, UnreadableReason>
        do { scanned = .success(try XMLTree.parse(bytes, limits: limits).root) } catch { scanned = .failure(error) }
        switch (reference.result, scanned) {
        case (.failure, .failure):
            return nil
        case (.failure(let reason), .success):
            return "the reference refused it (\(reason), libxml2 codes \(reference.reportedCodes)), the scanner read it"
        case (.success, .failure(let reason)):
            return fatal.isEmpty ? "the reference read it, the scanner refused it: \(reason)" : nil
        case (.success(let expected), .success(let actual)):
            if !fatal.isEmpty { return "libxml2 reported errors \(fatal) and recovered, the scanner read it" }
            let (want, got) = (describe(expected), describe(actual))
            return want == got ? nil : "trees differ:\n  reference \(want)\n  scanner   \(got)"
        }
    }

    /// The tree as one string: names, attributes in key order, children in order, text quoted.
    static func describe(_ element: XMLTree.Element) -> String {
        var out = element.name
        if !element.attributes.isEmpty {
            out += "{" + element.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }
                .joined(separator: ",") + "}"
        }
        out += "[" + element.children.map { child -> String in
            switch child {
            case .element(let e): describe(e)
            case .text(let s): s.debugDescription
            }
        }.joined(separator: ",") + "]"
        return out
    }
}
