import Register
import Foundation
import Testing
import TestRig
@testable import Forms
@testable import MIME

/// XMLScanner against XMLParserReference, the FoundationXML builder it replaced: the same tree for
/// every document libxml2 reads cleanly, a refusal for every document it refuses or reports an
/// error in, on real attachments, the fuzz corpora and generated documents; then the behaviours
/// that differ on purpose, pinned one by one.
@Suite struct XMLScannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The XML parts of every DOCX or ODT attached to the letters in these files.
    static func attachedXMLParts(in folders: [String]) throws -> [(name: String, bytes: [UInt8])] {
        var parts: [(String, [UInt8])] = []
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(file).path) else { continue }
                for part in Message(bytes: Array(data)).parts {
                    parts += xmlParts(ofArchive: part.decodedBody().bytes, name: "\(folder)/\(file)")
                }
            }
        }
        return parts
    }

    static func xmlParts(ofArchive bytes: [UInt8], name: String) -> [(name: String, bytes: [UInt8])] {
        guard bytes.starts(with: [0x50, 0x4B]), let zip = try? ZipArchive(bytes: bytes) else { return [] }
        return zip.entryNames.filter { $0.lowercased().hasSuffix(".xml") || $0.lowercased().hasSuffix(".rels") }
            .compactMap { entry in (try? zip.read(entry)).map { ("\(name): \(entry)", $0) } }
    }

    // MARK: the reference's readings

    @Test func everyXMLPartOfTheSampleLettersDocxAndOdtReadsAsTheReferenceReadsIt() throws {
        let parts = try Self.attachedXMLParts(in: ["maildir-samples/cur", "maildir-samples/new", "Tests/MIMETests/Fixtures"])
        // Seven sample letters carry a DOCX or ODT, each of several parts.
        #expect(parts.count >= 30)
        for (name, bytes) in parts {
            try #require(XMLParserReference.canRead(bytes), "\(name)")
            #expect(XMLParserReference.disagreement(bytes) == nil, "\(name)")
            #expect(throws: Never.self, "\(name)") { try XMLTree.parse(bytes) }
        }
    }

    @Test func everyFuzzCorpusDocumentReadsAsTheReferenceReadsIt() throws {
        let folder = Self.root.appendingPathComponent("Tests/Fuzz/corpus/forms-fuzz")
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            // An archive as it arrives, anything else as the main part of one (forms-fuzz's `exercise`).
            let parts = bytes.starts(with: [0x50, 0x4B]) ? Self.xmlParts(ofArchive: bytes, name: file) : [(file, bytes)]
            for (name, xml) in parts where XMLParserReference.canRead(xml) {
                #expect(XMLParserReference.disagreement(xml) == nil, "\(name)")
                checked += 1
            }
        }
        let letters = try Self.attachedXMLParts(in: ["Tests/Fuzz/corpus/mime-fuzz"])
        for (name, xml) in letters where XMLParserReference.canRead(xml) {
            #expect(XMLParserReference.disagreement(xml) == nil, "\(name)")
            checked += 1
        }
        #expect(checked >= 30)
    }

    @Test func generatedWellFormedDocumentsGiveTheReferenceTree() {
        var generator = XMLDocumentGenerator(seed: 2026)
        for i in 0..<3_000 {
            let bytes = generator.wellFormed()
            let reference = XMLParserReference.read(bytes)
            guard case .success(let expected) = reference.result else {
                Issue.record("reference refused generated document \(i): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                continue
            }
            #expect(reference.reportedCodes.allSatisfy(XMLParserReference.nonFatalCodes.contains), "\(i)")
            do {
                let tree = try XMLTree.parse(bytes)
                #expect(XMLParserReference.describe(tree.root) == XMLParserReference.describe(expected),
                        "\(i): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            } catch {
                Issue.record("\(i): \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Each generated fault is one libxml2 treats as an error: the reference refuses the document
    /// or, where XMLParser's recovery let it through, libxml2 at least reported the error. The
    /// scanner refuses them all.
    @Test func generatedDocumentsWithOneFaultAreRefusedAsLibxml2Refuses() {
        var generator = XMLDocumentGenerator(seed: 4)
        for i in 0..<3_000 {
            let (bytes, fault) = generator.malformed()
            guard XMLParserReference.canRead(bytes) else { continue }
            let text = String(decoding: bytes, as: UTF8.self).debugDescription
            let reference = XMLParserReference.read(bytes)
            if case .success = reference.result {
                #expect(reference.reportedCodes.contains { !XMLParserReference.nonFatalCodes.contains($0) },
                        "\(i) (\(fault)): libxml2 read it cleanly: \(text)")
            }
            #expect(throws: UnreadableReason.self, "\(i) (\(fault)): \(text)") { try XMLTree.parse(bytes) }
        }
    }

    @Test func randomlyEditedDocumentsAreReadOrRefusedAsTheReferenceDoes() {
        var generator = XMLDocumentGenerator(seed: 6)
        for i in 0..<4_000 {
            let bytes = generator.mutated()
            guard XMLParserReference.canRead(bytes) else { continue }
            if let why = XMLParserReference.disagreement(bytes) {
                Issue.record("\(i): \(why)\n  \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// XMLParser fed libxml2 128 KB at a time: line ends, references, CDATA, comments, tags and
    /// multi-byte characters land on every side of those boundaries.
    @Test func documentsPastXMLParsersChunksGiveTheReferenceTree() throws {
        var random = SplitMix64(seed: 12)
        let pieces = ["Ж", "😀", "\r\n", "\r", "\n", "<b x='>&amp;\r\n'/>", "<![CDATA[a\r\nb]]>", "<!-- c\r\n -->",
                      "<?pi d\r?>", "&#13;", "&amp;", "t", "  ", "<c>ы</c>", "\r\r"]
        for _ in 0..<12 {
            let boundary = 131_072 * Int.random(in: 1...3, using: &random) + Int.random(in: -32..<32, using: &random)
            var document = "<?xml version='1.0' encoding='UTF-8'?>\r\n<a>"
            document += String(repeating: "x", count: boundary - 40 - document.utf8.count)
            for _ in 0..<200 { document += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
            let bytes = Array((document + "</a>\r\n").utf8)
            #expect(XMLParserReference.disagreement(bytes) == nil)
            #expect(throws: Never.self) { try XMLTree.parse(bytes) }
        }
    }

    @Test func theLimitsStopTheSameDocumentsWithTheSameReasons() {
        var generator = XMLDocumentGenerator(seed: 11)
        var stopped = 0
        for i in 0..<2_000 {
            let bytes = generator.wellFormed()
            let limits = [XMLTree.Limits(maxDepth: 2), XMLTree.Limits(maxElements: 3), XMLTree.Limits(maxCharacters: 10)][i % 3]
            let reference = XMLParserReference.read(bytes, limits: limits).result
            let scanned: Result<String, UnreadableReason>
            do { scanned = .success(XMLParserReference.describe(try XMLTree.parse(bytes, limits: limits).root)) } catch {
                scanned = .failure(error)
            }
            switch (reference, scanned) {
            case (.success(let expected), .success(let tree)):
                #expect(tree == XMLParserReference.describe(expected), "\(i)")
            case (.failure(let expected), .failure(let reason)):
                stopped += 1
                #expect(reason == expected, "\(i): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            default:
                Issue.record("\(i): reference \(reference), scanner \(scanned)")
            }
        }
        #expect(stopped > 500)
    }

    // MARK: behaviours

    func tree(_ xml: String) throws -> String {
        XMLParserReference.describe(try XMLTree.parse(Array(xml.utf8)).root)
    }

    @Test func whitespaceBetweenElementsIsTextButNotBeforeOrAfterTheRoot() throws {
        let xml = "\n <?xml-stylesheet x?>\n<a>\n <b/>\t<c> </c>\n</a>\n<!-- c -->\n"
        #expect(try tree(xml) == #"a["\n ",b[],"\t",c[" "],"\n"]"#)
        #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil)
    }

    @Test func lineEndsBecomeLFInTextAndSpacesInAttributesWhileCDATAKeepsThemAsWritten() throws {
        let xml = "<a x='1\r\n2\r3\n4\t5&#13;&#10;&#9;'>p\r\nq\rr\r\r\n<![CDATA[s\r\nt\ru]]></a>"
        #expect(try tree(xml) == #"a{x="1 2 3 4 5\r\n\t"}["p\nq\nr\n\ns\r\nt\ru"]"#)
        #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil)
    }

    @Test func referencesCDATACommentsAndInstructionsJoinOneTextStretchUntilTheNextTag() throws {
        let xml = "<a>Т.А.Ә.&amp;<!-- no --><?pi no?>&#1178;&#x1F600;<![CDATA[<w:t>]]><b/>&lt;</a>"
        #expect(try tree(xml) == #"a["Т.А.Ә.&Қ😀<w:t>",b[],"<"]"#)
        #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil)
    }

    @Test func namespaceDeclarationsLibxml2DoesNotBindAreDroppedAndUndeclaredPrefixesKept() throws {
        let xml = """
            <w:p xmlns:w='urn:w' xmlns:e='' xmlns:xml='http://www.w3.org/XML/1998/namespace' \
            xmlns:n='http://www.w3.org/2000/xmlns/' xmlns='' t:x='1' xmlns:='2'/>
            """
        #expect(try tree(xml) == #"w:p{t:x="1",xmlns="",xmlns:="2",xmlns:w="urn:w"}[]"#)
        #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil)
    }

    @Test func anUndeclaredEntityIsSkippedOnlyWhereAnExternalSubsetMightDeclareIt() throws {
        #expect(try tree("<!DOCTYPE a SYSTEM 'a.dtd'><a x='p&e;q'>x&e;y</a>") == #"a{x="pq"}["xy"]"#)
        for xml in ["<!DOCTYPE a SYSTEM 'a.dtd'><a>x&e;y</a>", "<a>&e;</a>", "<!DOCTYPE a [<!ELEMENT a ANY>]><a>&e;</a>",
                    "<?xml version='1.0' standalone='yes'?><!DOCTYPE a SYSTEM 'a.dtd'><a>&e;</a>"] {
            #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil, "\(xml)")
        }
        #expect(throws: UnreadableReason.self) { try XMLTree.parse(Array("<a>&e;</a>".utf8)) }
    }

    @Test func declaredEncodingsOtherThanUTF8AreConvertedAsLibxml2ConvertsThem() throws {
        for encoding in ["ISO-8859-1", "latin1", "KOI8-R", "windows-1251", "cp1251", "KOI8---R", "UTF-7"] {
            let xml = "<?xml version='1.0' encoding='\(encoding)'?><a x='Ж'>Әлем +BBY-</a>"
            #expect(XMLParserReference.disagreement(Array(xml.utf8)) == nil, "\(encoding)")
        }
        #expect(try XMLTree.parse(Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>Ж</a>".utf8)).root.text == "Ð\u{96}")
        for encoding in ["UTF-16", "x-no-such", "ASCII"] {
            #expect(throws: UnreadableReason.self, "\(encoding)") {
                try XMLTree.parse(Array("<?xml version='1.0' encoding='\(encoding)'?><a>Ж</a>".utf8))
            }
        }
    }

    /// XMLParser recovered from these and handed over the tree so far; libxml2 reported them as errors.
    @Test func contentAfterTheRootElementIsRefusedThoughXMLParserIgnoredIt() {
        for xml in ["<a/><b/>", "<a/>text", "<a/>&amp;", "<a/>\0", "<a></ a>", "<a><b x='1'/ ></b></a>junk"] {
            let reference = XMLParserReference.read(Array(xml.utf8))
            #expect((try? reference.result.get()) != nil, "\(xml.debugDescription)")
            #expect(reference.reportedCodes.contains { !XMLParserReference.nonFatalCodes.contains($0) })
            #expect(throws: UnreadableReason.self, "\(xml.debugDescription)") { try XMLTree.parse(Array(xml.utf8)) }
        }
        #expect(throws: UnreadableReason(.corrupt, "XML is not well-formed (content after the root element)")) {
            try XMLTree.parse(Array("<a/><b/>".utf8))
        }
    }

    /// XMLParser passed libxml2's NULL on as a string and crashed the process on these.
    @Test func aProcessingInstructionWithoutDataAndADTDWithNotationsOrAttributeListsAreRead() throws {
        #expect(try tree("<?pi?><a><?x?></a>") == "a[]")
        #expect(try tree("<!DOCTYPE a [<!NOTATION n SYSTEM 'n'><!ATTLIST a x CDATA #IMPLIED y (p|q) 'p'>]><a x=' 1 '/>")
                == #"a{x=" 1 "}[]"#)
        // Attribute defaults the internal subset declares are not applied: no DOCX or ODT has one.
        #expect(try tree("<!DOCTYPE a [<!ATTLIST a d CDATA 'default'>]><a/>") == "a[]")
    }

    /// The crash reached the daemon through any DOCX or ODT: one attachment stopped the intake.
    @Test func aDocxWithAProcessingInstructionWithoutDataIsReadNotACrash() throws {
        var docx = ZipWriter()
        docx.add("word/document.xml", """
            <w:document \(ReaderFixtures.wordNamespaces)><w:body><?p?><w:p><w:r><w:t>Анкета</w:t></w:r></w:p></w:body></w:document>
            """)
        #expect(try DocxReader.read(docx.bytes).get().plainText.contains("Анкета"))
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

    @Test func libxml2sCharacterReferenceQuirksAreKept() throws {
        // Its lookahead refuses a hexadecimal letter as the 11th digit of a reference.
        #expect(throws: UnreadableReason.self) { try XMLTree.parse(Array("<a>&#x0000000000A;</a>".utf8)) }
        #expect(try tree("<a>&#x00000000000A;&#x000000000A;&#0065;</a>") == #"a["\n\nA"]"#)
        for xml in ["<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#x110000;</a>", "<a>&#xFFFE;</a>", "<a>&#1;</a>", "<a>&#X41;</a>"] {
            #expect(throws: UnreadableReason.self, "\(xml)") { try XMLTree.parse(Array(xml.utf8)) }
        }
    }

    @Test func aHundredThousandNestedElementsStopAtTheDepthLimitWithoutRecursion() {
        let deep = String(repeating: "<w:p>", count: 100_000) + String(repeating: "</w:p>", count: 100_000)
        #expect(throws: UnreadableReason(.limitReached, "XML nested deeper than 256")) { try XMLTree.parse(Array(deep.utf8)) }
        let unclosed = String(repeating: "<a>", count: 300)
        #expect(throws: UnreadableReason(.limitReached, "XML nested deeper than 256")) { try XMLTree.parse(Array(unclosed.utf8)) }
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
        #expect(throws: UnreadableReason(.corrupt, "XML is not well-formed (attribute a7 given twice)")) {
            try XMLTree.parse(Array(repeated.utf8))
        }
    }
}
