import Register
import CXML2
import Foundation
import Testing
import TestRig
@testable import Forms

/// XMLTree over libxml2: the tree the readers walk, the limits, and every attack a DOCX or ODT
/// part can carry.
@Suite struct XMLTreeTests {
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

    func tree(_ xml: String) throws -> String {
        Self.describe(try XMLTree.parse(Array(xml.utf8)).root)
    }

    func refusal(_ bytes: [UInt8], limits: XMLTree.Limits = XMLTree.Limits()) -> UnreadableReason? {
        do {
            _ = try XMLTree.parse(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    func refusal(_ xml: String, limits: XMLTree.Limits = XMLTree.Limits()) -> UnreadableReason? {
        refusal(Array(xml.utf8), limits: limits)
    }

    // MARK: the tree

    @Test func prefixedNamesAttributesAndMixedTextAreKept() throws {
        let tree = try XMLTree.parse(Array("""
            <?xml version="1.0"?><w:p xmlns:w="urn:w" w:val="1">Т.А.Ә.<w:r>Иванов &amp; К°</w:r>тек<![CDATA[<сырой>]]></w:p>
            """.utf8))
        #expect(tree.root.name == "w:p")
        #expect(tree.root["w:val"] == "1")
        #expect(tree.root.first("w:r")?.text == "Иванов & К°")
        #expect(tree.root.text == "Т.А.Ә.Иванов & К°тек<сырой>")
        #expect(tree.root.children.count == 3)
    }

    @Test func whitespaceBetweenElementsIsTextButNotBeforeOrAfterTheRoot() throws {
        let xml = "\n <?xml-stylesheet x?>\n<a>\n <b/>\t<c> </c>\n</a>\n<!-- c -->\n"
        #expect(try tree(xml) == #"a["\n ",b[],"\t",c[" "],"\n"]"#)
    }

    @Test func referencesCDATACommentsAndInstructionsJoinOneTextStretchUntilTheNextTag() throws {
        let xml = "<a>Т.А.Ә.&amp;<!-- no --><?pi no?>&#1178;&#x1F600;<![CDATA[<w:t>]]><b/>&lt;</a>"
        #expect(try tree(xml) == #"a["Т.А.Ә.&Қ😀<w:t>",b[],"<"]"#)
    }

    /// As XML 1.0 has it, CDATA included: XMLScanner (after FoundationXML's push parser) kept CR
    /// as written inside CDATA.
    @Test func lineEndsBecomeLFInTextAndCDATAAndSpacesInAttributes() throws {
        let xml = "<a x='1\r\n2\r3\n4\t5&#13;&#10;&#9;'>p\r\nq\rr\r\r\n<![CDATA[s\r\nt\ru]]></a>"
        #expect(try tree(xml) == #"a{x="1 2 3 4 5\r\n\t"}["p\nq\nr\n\ns\nt\nu"]"#)
    }

    /// libxml2 hands a SAX2 client every `&` of an attribute value or namespace URI as `&#38;`.
    @Test func ampersandsInAttributesAndNamespaceURIsAreDecodedOnce() throws {
        let xml = "<a x='1&amp;2&#38;3&amp;#38;4&lt;' xmlns:n='urn:&amp;x'/>"
        #expect(try tree(xml) == #"a{x="1&2&3&#38;4<",xmlns:n="urn:&x"}[]"#)
    }

    @Test func namespaceDeclarationsLibxml2DoesNotBindAreDroppedAndUndeclaredPrefixesKept() throws {
        let xml = """
            <w:p xmlns:w='urn:w' xmlns:e='' xmlns:xml='http://www.w3.org/XML/1998/namespace' \
            xmlns:n='http://www.w3.org/2000/xmlns/' xmlns='' t:x='1' xmlns:='2'><u:r/></w:p>
            """
        #expect(try tree(xml) == #"w:p{t:x="1",xmlns="",xmlns:="2",xmlns:w="urn:w"}[u:r[]]"#)
    }

    /// FoundationXML passed libxml2's NULL data on as a string and crashed the process on these.
    @Test func aProcessingInstructionWithoutDataIsRead() throws {
        #expect(try tree("<?pi?><a><?x?></a><?y?>") == "a[]")
    }

    /// The crash reached the daemon through any DOCX or ODT: one attachment stopped the intake.
    @Test func aDocxWithAProcessingInstructionWithoutDataIsReadNotACrash() throws {
        var docx = ZipWriter()
        docx.add("word/document.xml", """
            <w:document \(ReaderFixtures.wordNamespaces)><w:body><?p?><w:p><w:r><w:t>Анкета</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(try DocxReader.read(docx.bytes).get().plainText.contains("Анкета"))
    }

    // MARK: encodings

    @Test func anEncodingTheDeclarationNamesIsConvertedFromWhenTheBytesAreUTF8Too() throws {
        #expect(try XMLTree.parse(Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>Ж</a>".utf8)).root.text == "Ð\u{96}")
        #expect(try XMLTree.parse(Array("<?xml version='1.0' encoding='windows-1251'?><a>Abc</a>".utf8)).root.text == "Abc")
        for encoding in ["UTF-16", "x-no-such", "ASCII"] {
            #expect(refusal("<?xml version='1.0' encoding='\(encoding)'?><a>Ж</a>")?.kind == .corrupt, "\(encoding)")
        }
    }

    /// XML wants UTF-16 to start with a byte order mark; without one libxml2 would guess from
    /// the first bytes, and so would read only the UTF-16 that is also valid UTF-8 (ASCII).
    @Test func utf16WithoutAByteOrderMarkIsCorrupt() {
        for xml in ["<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Әлем</a>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>x</a>"] {
            let little = xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let big = xml.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            for bytes in [little, big] { #expect(refusal(bytes)?.kind == .corrupt, "\(bytes.prefix(8))") }
        }
    }

    /// libxml2 switches from its UTF-16 decoder to the named one mid-document.
    @Test func utf16WhoseDeclarationNamesAnotherEncodingIsCorrupt() {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Ж</a>"
        #expect(refusal([0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })?.kind == .corrupt)
    }

    @Test func brokenUTF16IsCorrupt() {
        let broken: [UInt8] = [0xFF, 0xFE] + "<a>x".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8]
            + "y</a>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(refusal(broken)?.kind == .corrupt)
    }

    @Test func theUTF8CheckAgreesWithStringValidation() {
        var random = SplitMix64(seed: 8)
        let pieces: [[UInt8]] = [[0x41], [0xD0, 0x96], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC0, 0x80],
                                 [0xC2], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80],
                                 [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xEF, 0xBF, 0xBE], [0x00]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
                if Bool.random(using: &random) { bytes += Array("abcdefgh".utf8) }
            }
            #expect(XMLTree.isUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    // MARK: broken parts

    @Test func malformedXMLIsCorrupt() {
        for doc in ["<a><b></a>", "", "<a>", "not xml at all", "<a x='1' x='2'/>", "<a>&e;</a>", "<a>x\0y</a>", "<a>&#0;</a>",
                    "<a/><b/>", "<a/>text", "<a></ a>", "<a><b x='1'/ ></b></a>junk", "<?xml version='2.0'?><a/>"] {
            #expect(refusal(doc)?.kind == .corrupt, "\(doc.debugDescription)")
        }
        #expect(refusal("<a></b>") == UnreadableReason(.corrupt,
                                                          "XML is not well-formed (Opening and ending tag mismatch: a line 1 and b)"))
    }

    /// libxml2's pull parser takes a NUL for the end of its input and would call `<a/>\0<b/>`
    /// well-formed.
    @Test func anythingAfterANulAfterTheRootIsStillContentAfterTheRoot() {
        for doc in ["<a/>\0", "<a/>\0<b/>", "<a/><!-- c -->\0junk"] {
            #expect(refusal(doc) == UnreadableReason(.corrupt, "XML is not well-formed (content after the root element)"),
                    "\(doc.debugDescription)")
        }
    }

    // MARK: attacks

    /// OOXML and ODF forbid DTDs, so any DOCTYPE is a corrupt part: the parse stops at its name,
    /// before an internal subset (entities, billion laughs) or an external one is read.
    @Test(arguments: [
        "<!DOCTYPE a><a/>",
        "<!DOCTYPE a SYSTEM 'a.dtd'><a/>",
        "<!DOCTYPE a PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'><a/>",
        "<?xml version='1.0'?>\n<!-- c --><!DOCTYPE w:document [<!ELEMENT a ANY>]><w:document/>",
        "<?xml version='1.0' encoding='UTF-7'?>+ADw-!DOCTYPE a+AD4-<a/>",
    ])
    func anyDoctypeIsACorruptPart(xml: String) {
        #expect(refusal(xml) == UnreadableReason(.corrupt, "XML has a DOCTYPE, which DOCX and ODT parts never have"))
    }

    @Test func aDoctypeInUTF16IsRefusedToo() {
        let xml = "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"
        let bytes: [UInt8] = [0xFE, 0xFF] + xml.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(refusal(bytes)?.detail == "XML has a DOCTYPE, which DOCX and ODT parts never have")
    }

    @Test func billionLaughsIsRefusedBeforeExpansion() {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { doc += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">" }
        doc += "]><lolz a='&lol9;'>&lol9;</lolz>"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(refusal(doc)?.detail == "XML has a DOCTYPE, which DOCX and ODT parts never have")
        #expect(clock.now - start < .seconds(1))
    }

    /// Every URI libxml2 asks an input handler for is recorded: the check that it never reads
    /// an external entity or DTD can fail, as the control (entities substituted) shows.
    @Test func anExternalEntityOrDTDIsNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString)")
        try "root:x:0:0:secret".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        LoadedURIs.watch()
        for doc in ["<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
                    "<!DOCTYPE r [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]><r>&x;</r>",
                    "<!DOCTYPE r [<!ENTITY x SYSTEM \"\(secret.path)\">]><r a='&x;'/>",
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"\(secret.absoluteString)\"> %p;]><r/>",
                    "<!DOCTYPE r SYSTEM \"\(secret.absoluteString)\"><r/>",
                    "<r>&x;</r>"] {
            #expect(refusal(doc)?.kind == .corrupt, "\(doc)")
        }
        #expect(!LoadedURIs.seen.contains { $0.contains("passwd") || $0.contains(secret.lastPathComponent) })

        // The control: libxml2 asked to substitute entities does read the file, and the hook sees it.
        let control = Array("<!DOCTYPE r [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]><r>&x;</r>".utf8)
        let document = control.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32($0.count), nil, nil, Int32(XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue))
            }
        }
        xmlFreeDoc(document)
        #expect(LoadedURIs.seen.contains { $0.contains(secret.lastPathComponent) })
    }

    @Test func nestedTenThousandDeepHitsTheDepthLimit() {
        let doc = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(refusal(doc) == UnreadableReason(.limitReached, "XML nested deeper than 256"))
    }

    @Test func aHundredThousandNestedOrUnclosedElementsStopAtTheDepthLimit() {
        let deep = String(repeating: "<w:p>", count: 100_000) + String(repeating: "</w:p>", count: 100_000)
        #expect(refusal(deep) == UnreadableReason(.limitReached, "XML nested deeper than 256"))
        let unclosed = String(repeating: "<a>", count: 300)
        #expect(refusal(unclosed) == UnreadableReason(.limitReached, "XML nested deeper than 256"))
    }

    @Test func justUnderTheDepthLimitParses() throws {
        let doc = String(repeating: "<a>", count: 256) + "дно" + String(repeating: "</a>", count: 256)
        #expect(try XMLTree.parse(Array(doc.utf8)).root.text == "дно")
    }

    @Test func elementCountAndTextLimitsAreEnforced() {
        let many = "<r>" + String(repeating: "<x/>", count: 50) + "</r>"
        #expect(refusal(many, limits: .init(maxElements: 20)) == UnreadableReason(.limitReached, "XML has more than 20 elements"))
        let long = "<r>" + String(repeating: "ә", count: 1_000) + "</r>"
        #expect(refusal(long, limits: .init(maxCharacters: 100)) == UnreadableReason(.limitReached, "XML text exceeds 100 bytes"))
        let cdata = "<r><![CDATA[" + String(repeating: "ә", count: 1_000) + "]]></r>"
        #expect(refusal(cdata, limits: .init(maxCharacters: 100))?.kind == .limitReached)
    }

    /// libxml2 hands text over in pieces; the default limit counts them all.
    @Test func hugeTextHitsTheDefaultTextLimit() {
        let chunk = "<w:t>" + String(repeating: "Иванов Иван ", count: 10_000) + "</w:t>"
        let doc = "<w:p>" + String(repeating: chunk, count: 240) + "</w:p>"
        #expect(refusal(doc) == UnreadableReason(.limitReached, "XML text exceeds 50000000 bytes"))
    }

    /// Sizes at which anything quadratic (text appended by copying, attributes checked against
    /// each other) would not finish.
    @Test func largeDocumentsManyAttributesAndLongTextAreReadInOnePass() throws {
        let runs = String(repeating: "<w:r><w:t xml:space='preserve'>Иванов &amp; К° </w:t></w:r>", count: 50_000)
        let tree = try XMLTree.parse(Array("<w:p>\(runs)</w:p>".utf8))
        #expect(tree.root.children.count == 50_000)
        let text = "<a>" + String(repeating: "&#1046;&lt;\r\n", count: 250_000) + "</a>"
        #expect(try XMLTree.parse(Array(text.utf8)).root.text.utf8.count == 1_000_000)
        let attributes = "<a " + (0..<20_000).map { "a\($0)='\($0)'" }.joined(separator: " ") + "/>"
        #expect(try XMLTree.parse(Array(attributes.utf8)).root.attributes.count == 20_000)
        let repeated = "<a " + (0..<20_000).map { "a\($0)='\($0)'" }.joined(separator: " ") + " a7='x'/>"
        #expect(refusal(repeated) == UnreadableReason(.corrupt, "XML is not well-formed (Attribute a7 redefined)"))
    }

    // MARK: libxml2 in the daemon

    /// Broken UTF-16 and bytes outside a declared encoding are errors libxml2 2.9 raises without
    /// a parser context, through the thread's handlers, which print to stderr unless replaced.
    @Test func libxml2NeverWritesToStandardError() throws {
        let documents: [[UInt8]] = [
            [0xFF, 0xFE] + "<a>x".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8, 0x79, 0x00],
            Array("<?xml version='1.0' encoding='US-ASCII'?><a>".utf8) + [0xD0, 0x96] + Array("</a>".utf8),
            Array("<?xml version='1.0' encoding='x-nope'?><a/>".utf8),
            Array("<a xmlns:e=''><u:b/></a></a>".utf8),
            Array("<!DOCTYPE a><a/>".utf8),
        ]
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        let file = open(capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(file >= 0)
        defer { try? FileManager.default.removeItem(at: capture) }
        let saved = dup(2)
        // As short a window as possible: other tests' output to stderr lands in the file meanwhile.
        dup2(file, 2)
        for document in documents { _ = try? XMLTree.parse(document) }
        dup2(saved, 2)
        close(saved)
        close(file)
        let written = try String(contentsOf: capture, encoding: .utf8)
        #expect(!written.contains(" error : "), "\(written)")
        #expect(!written.contains("conversion failed"), "\(written)")
    }

    @Test func partsReadOnManyThreadsAtOnceGiveWhatTheyGiveAlone() {
        let documents: [[UInt8]] = [
            Array("<w:p xmlns:w='urn:w'><w:r><w:t>Иванов</w:t></w:r></w:p>".utf8),
            Array("<a><b></a>".utf8),
            Array("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>".utf8),
            [0xFF, 0xFE] + "<a>x".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8],
            Array((String(repeating: "<a>", count: 300)).utf8),
            Array("<?xml version='1.0' encoding='KOI8-R'?><a x='&amp;'>text</a>".utf8),
        ]
        let alone = documents.map(outcome)
        let results = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 240) { i in
            results.set(i, outcome(documents[i % documents.count]))
        }
        for i in 0..<240 { #expect(results.get(i) == alone[i % documents.count], "\(i)") }
    }

    private func outcome(_ bytes: [UInt8]) -> String {
        do { return Self.describe(try XMLTree.parse(bytes).root) } catch { return "\(error)" }
    }
}

private final class Outcomes: @unchecked Sendable {
    private var outcomes: [Int: String] = [:]
    private let lock = NSLock()
    func set(_ i: Int, _ outcome: String) { lock.lock(); outcomes[i] = outcome; lock.unlock() }
    func get(_ i: Int) -> String? { lock.lock(); defer { lock.unlock() }; return outcomes[i] }
}

/// An input handler that matches nothing and records what it was asked about; libxml2 then
/// falls back to its own handlers. Registered once for the test process.
private enum LoadedURIs {
    nonisolated(unsafe) private static var uris: [String] = []
    private static let lock = NSLock()
    private static let registered: Void = {
        xmlRegisterInputCallbacks({ uri in
            if let uri { LoadedURIs.record(String(cString: uri)) }
            return 0
        }, { _ in nil }, { _, _, _ in -1 }, { _ in -1 })
    }()

    static func watch() { registered }
    static func record(_ uri: String) { lock.lock(); uris.append(uri); lock.unlock() }
    static var seen: [String] { lock.lock(); defer { lock.unlock() }; return uris }
}
