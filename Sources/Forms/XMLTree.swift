import Foundation

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
        // OOXML and ODF allow only UTF-8 and UTF-16; libxml2 reads both (and converts from an
        // encoding the declaration names, as the XML spec has it, when the bytes are UTF-8 too).
        guard isUTF8(input) || input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF]) else {
            throw UnreadableReason(.corrupt, "XML is not well-formed (neither UTF-8 nor UTF-16)")
        }
        return XMLTree(root: try XMLTreeBuilder.root(of: input, limits: limits))
    }

    /// TEMPORARY: the hand-written scanner, kept only until the comparison with libxml2 is recorded.
    static func scanned(_ input: [UInt8], limits: Limits = Limits()) throws(UnreadableReason) -> XMLTree {
        let bytes = try utf8Input(input)
        if contains(bytes, "<!DOCTYPE"), contains(bytes, "<!ENTITY") {
            throw UnreadableReason(.limitReached, "XML declares entities in a DOCTYPE")
        }
        return XMLTree(root: try XMLScanner.root(of: bytes, limits: limits))
    }

    /// The part as UTF-8, which is all XMLScanner reads (it decodes names and checks characters
    /// without validating again). OOXML and ODF allow only UTF-8 and UTF-16, so UTF-16 is
    /// converted here and anything else is corrupt.
    static func utf8Input(_ bytes: [UInt8]) throws(UnreadableReason) -> [UInt8] {
        if isUTF8(bytes) { return bytes }
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

    /// Whether `<!…` occurs: memchr finds the `!`, rare in office XML, far faster than a byte loop.
    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let start = buffer.baseAddress else { return false }
            let end = start + buffer.count, count = needle.utf8CodeUnitCount
            var from = start + 1
            while from < end, let bang = memchr(from, Int32(needle.utf8Start[1]), end - from) {
                let candidate = UnsafeRawPointer(bang) - 1
                if end - candidate >= count, memcmp(candidate, needle.utf8Start, count) == 0 { return true }
                from = UnsafeRawPointer(bang) + 1
            }
            return false
        }
    }

    /// Whether the bytes are UTF-8 as String(validating:) judges it (no overlong forms, no
    /// surrogates, nothing past U+10FFFF), by the standard library's validator without copying
    /// them into a String first.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try UTF8Span(validating: bytes.span)
            return true
        } catch {
            return false
        }
    }
}
