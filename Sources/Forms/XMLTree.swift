/// A parsed XML document as a small element tree, built with limits because DOCX and ODT parts
/// come from strangers. Names keep their prefix (`w:p`, `text:span`): Word and LibreOffice
/// always use the conventional prefixes, and matching `"w:p"` keeps reader code plain.
final class XMLTree {
    struct Limits: Sendable {
        /// libxml2 stops at 256 levels itself (without XML_PARSE_HUGE, which stays off).
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
        // OOXML and ODF allow only UTF-8 and UTF-16, and XML wants UTF-16 to start with its byte
        // order mark. libxml2 reads both; bytes that are UTF-8 whatever their declaration says
        // are converted from the encoding it names, as they always were.
        let utf16 = input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF])
        guard utf16 || isUTF8(input) else {
            throw UnreadableReason(.corrupt, "XML is not well-formed (neither UTF-8 nor UTF-16)")
        }
        // Valid UTF-8 but a NUL among the first four bytes: UTF-16 or UTF-32 without a byte
        // order mark, which libxml2 would guess at.
        if !utf16, input.prefix(4).contains(0) {
            throw UnreadableReason(.corrupt, "XML is not well-formed (UTF-16 or UTF-32 without a byte order mark)")
        }
        return XMLTree(root: try XMLTreeBuilder.root(of: input, limits: limits))
    }

    static func notWellFormed(_ why: String) -> UnreadableReason {
        UnreadableReason(.corrupt, "XML is not well-formed (\(why))")
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

