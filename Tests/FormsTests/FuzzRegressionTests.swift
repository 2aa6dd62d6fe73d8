import Register
import Foundation
import Testing
@testable import Forms
@testable import MIME
import Signatures

// What forms-fuzz and text-form-fuzz (Tests/Fuzz) found, kept as tests, and the committed fuzz
// corpora replayed through the same readings the fuzzers make, so every input that once reached
// new code keeps being read in CI.

@Suite struct FuzzRegressionTests {
    // MARK: findings

    let notUTF8 = UnreadableReason(.corrupt, "XML is not well-formed (neither UTF-8 nor UTF-16)")

    /// forms-fuzz, minimized: a name that is not UTF-8, in XML libxml2 takes for UTF-8 (no
    /// declaration, or one naming an encoding it does not know), made FoundationXML trap (SIGILL in
    /// _NSXMLParserStartElementNs), so one attachment stopped the daemon.
    @Test(arguments: [
        [0x3C, 0xFF, 0xFF, 0x20, 0x00],                                            // `<ÿÿ ␀`, as found
        Array("<a ".utf8) + [0xFF] + Array("=\"1\"/>".utf8),                       // an attribute name
        [0xEF, 0xBB, 0xBF] + Array("<a ".utf8) + [0xC0] + Array("=\"1\"/>".utf8),   // after a UTF-8 BOM
        Array("<w:document><".utf8) + [0xFF] + Array(":p/></w:document>".utf8),    // a prefix
        // As found the second time: the encoding's name itself damaged.
        Array("<?xml version=\"1.0\" encoding=\"UTF".utf8) + [0xBB] + Array("8\"?><a fo:count".utf8) + [0xFF]
            + Array("=\"1\"/>".utf8),
    ] as [[UInt8]])
    func anXMLNameThatIsNotUTF8IsACorruptPartNotACrash(xml: [UInt8]) {
        #expect(throws: notUTF8) { try XMLTree.parse(xml) }
        var docx = ZipWriter()
        docx.add("word/document.xml", xml, method: .stored)
        #expect(DocxReader.read(docx.bytes) == .failure(notUTF8))
        var odt = ZipWriter()
        odt.add("content.xml", xml)
        #expect(OdtReader.read(odt.bytes) == .failure(notUTF8))
    }

    @Test func aUTF16PartIsStillReadWhateverItsByteOrder() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b=\"Б\">Әлем</a>"
        var little: [UInt8] = [0xFF, 0xFE], big: [UInt8] = [0xFE, 0xFF]
        for unit in xml.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for bytes in [little, big] {
            let tree = try XMLTree.parse(bytes)
            #expect(tree.root["b"] == "Б")
            #expect(tree.root.text == "Әлем")
        }
    }

    // MARK: corpus replay

    func corpus(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// forms-fuzz's `exercise`: an archive as DOCX and as ODT, anything else as the main XML part of one.
    func exerciseDocumentReaders(_ bytes: [UInt8]) -> [Result<FormDocument, UnreadableReason>] {
        _ = SourceKind.detect(filename: "anketa.docx", mimeType: "application/octet-stream", bytes: bytes)
        let results: [Result<FormDocument, UnreadableReason>]
        if bytes.starts(with: [0x50, 0x4B]) {
            results = [DocxReader.read(bytes), OdtReader.read(bytes)]
        } else {
            var docx = ZipWriter()
            docx.add("word/document.xml", bytes, method: .stored)
            var odt = ZipWriter()
            odt.add("mimetype", "application/vnd.oasis.opendocument.text", method: .stored)
            odt.add("content.xml", bytes, method: .stored)
            odt.add("styles.xml", bytes, method: .stored)
            results = [DocxReader.read(docx.bytes), OdtReader.read(odt.bytes)]
        }
        for case .success(let document) in results {
            _ = document.plainText
            for paragraph in document.paragraphs { _ = paragraph.underlinedText }
        }
        return results
    }

    @Test func everyFormsFuzzCorpusInputReadsTheSameTwiceAndAFailureSaysWhy() throws {
        let inputs = try corpus("forms-fuzz")
        #expect(inputs.count >= 10)
        for (name, bytes) in inputs {
            let first = exerciseDocumentReaders(bytes)
            #expect(first == exerciseDocumentReaders(bytes), "\(name)")
            for case .failure(let reason) in first { #expect(!reason.detail.isEmpty, "\(name)") }
        }
    }

    /// text-form-fuzz's `exercise`: the bytes as the body of a letter, and as an HTML body.
    func exerciseTextForm(_ bytes: [UInt8]) -> [Application] {
        let header = "From: <a@example.kz>\r\nSubject: Заявление\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        let letter = ApplicationReader.read(Message(bytes: Array(header.utf8) + bytes), currentYear: 2026).application
        let text = String(decoding: bytes, as: UTF8.self)
        let html = Application.build(from: [("1", FieldExtractor.extract(HTMLText.document(text)))], now: 2026, subject: text)
        return [letter, html]
    }

    @Test func everyTextFormFuzzCorpusInputDecidesConsistently() throws {
        let inputs = try corpus("text-form-fuzz")
        #expect(inputs.count >= 10)
        for (name, bytes) in inputs {
            let applications = exerciseTextForm(bytes)
            for application in applications + applications.flatMap(\.companions) {
                // Complete means nothing is left to ask the applicant for.
                if application.outcome == .complete {
                    #expect(application.missing.isEmpty && application.invalid.isEmpty && application.missingParts.isEmpty,
                            "\(name)")
                }
                // Each problem has its sentence in both languages of the refinement notice.
                for invalid in application.invalid { #expect(!invalid.kk.isEmpty && !invalid.ru.isEmpty, "\(name)") }
                // A doubt names its field for staff.
                for doubt in application.doubts { #expect(!doubt.description.isEmpty, "\(name)") }
                if application.purpose != .termination { #expect(application.terminationDate == nil, "\(name)") }
            }
            let again = exerciseTextForm(bytes)
            #expect(again.map(\.fields) == applications.map(\.fields), "\(name)")
            #expect(again.map(\.outcome) == applications.map(\.outcome), "\(name)")
        }
    }

    /// The two readings of converter output that are this program's own: unrtf's HTML with its
    /// tables rebuilt, and antiword's DocBook. Each corpus input as such output, and cut into a
    /// table of unrtf's shape, reads the same twice without a crash.
    @Test func legacyConverterOutputFromEveryCorpusInputReadsTheSameTwice() throws {
        let inputs = try corpus("forms-fuzz") + corpus("text-form-fuzz")
        for (name, bytes) in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            let half = text.index(text.startIndex, offsetBy: text.count / 2)
            for html in [text, "<table border=\"2\">" + text[..<half] + "<tr><td>" + text[half...] + "</td>\n</tr></table>"] {
                let first = HTMLText.document(RTFText.repairingTables(html))
                #expect(first == HTMLText.document(RTFText.repairingTables(html)), "\(name)")
            }
            let docBook = Array("<book><chapter><para>".utf8) + bytes + Array("</para></chapter></book>".utf8)
            for candidate in [bytes, docBook] {
                let document = WordText.docBook(candidate)
                #expect(document == WordText.docBook(candidate), "\(name)")
                _ = document?.plainText
            }
        }
    }

    /// container-fuzz's `exercise`: the bytes as winmail.dat and as CMS signed data.
    func exerciseContainers(_ bytes: [UInt8]) -> (tnef: Result<[TNEFArchive.Attachment], UnreadableReason>,
                                                  signed: Result<[UInt8]?, SignatureProblem>) {
        _ = SourceKind.detect(filename: "winmail.dat", mimeType: "application/octet-stream", bytes: bytes)
        return (TNEFArchive.read(bytes), SignedContainer.open(bytes, trust: nil).map(\.content))
    }

    @Test func everyContainerFuzzCorpusInputOpensTheSameTwiceAndAFailureSaysWhy() throws {
        let inputs = try corpus("container-fuzz")
        #expect(inputs.count >= 10)
        var opened = (tnef: 0, signed: 0)
        for (name, bytes) in inputs {
            let first = exerciseContainers(bytes), second = exerciseContainers(bytes)
            #expect(first.tnef == second.tnef, "\(name)")
            #expect(first.signed == second.signed, "\(name)")
            switch first.tnef {
            case .success: opened.tnef += 1
            case .failure(let reason): #expect(!reason.detail.isEmpty, "\(name)")
            }
            switch first.signed {
            case .success: opened.signed += 1
            case .failure(let problem): #expect(!problem.description.isEmpty, "\(name)")
            }
        }
        // The corpus holds well-formed containers of both kinds, not only damaged ones.
        #expect(opened.tnef >= 3 && opened.signed >= 4, "\(opened)")
    }
}
