import Annex2
import Foundation
import Testing
import TestRig
@testable import Forms
@testable import MIME

/// .doc and .rtf written by LibreOffice (Fixtures/forms/make-forms.sh) read as complete
/// applications, every Kazakh letter intact.
@Suite struct LegacyDocumentTests {
    static let kazakhLetters = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]

    @Test(arguments: ["kazakh-questionnaire.doc", "kazakh-questionnaire.rtf"])
    func aKazakhQuestionnaireInALegacyFormatIsAComplete(name: String) throws {
        let bytes = try FormLetters.fixture(name)
        let result = ApplicationReader.read(FormLetters.letter(attaching: bytes, name: name), currentYear: 2026)
        let application = result.application
        #expect(result.sources.allSatisfy { $0.unreadable == nil }, "\(result.sources.map { $0.unreadable?.description ?? "" })")
        #expect(application.outcome == .complete, "missing \(application.missing), invalid \(application.invalid.map(\.reason))")
        #expect(application.kind == .volunteer)
        for (field, value) in FormLetters.kazakhFields { #expect(FormLetters.text(application, field) == value) }
        #expect(FormLetters.text(application, .email) == "nurlan.kudaibergenov@mail.kz")
        // Each of the nine letters Kazakh adds to Cyrillic appears in the name, address and experience lines.
        let text = [FormField.fullName, .residence, .experience].compactMap { FormLetters.text(application, $0) }.joined()
        for letter in Self.kazakhLetters { #expect(text.lowercased().contains(letter), "\(letter) lost in \(text)") }
    }

    @Test(arguments: ["russian-questionnaire.doc", "russian-questionnaire.rtf"])
    func aRussianQuestionnaireInALegacyFormatIsComplete(name: String) throws {
        let result = ApplicationReader.read(FormLetters.letter(attaching: try FormLetters.fixture(name), name: name), currentYear: 2026)
        #expect(result.application.outcome == .complete, "missing \(result.application.missing)")
        for (field, value) in FormLetters.russianFields { #expect(FormLetters.text(result.application, field) == value) }
    }

    @Test func aDocTableKeepsItsCells() throws {
        let document = try WordText.read(try FormLetters.fixture("kazakh-questionnaire.doc")).get()
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.first?.cells.map(\.text) == ["Т.А.Ә.", "Құдайбергенов Нұрлан Әлібекұлы"])
        #expect(table.rows.count == 9)
    }

    @Test func anRTFTableKeepsItsCells() throws {
        let document = try RTFText.read(try FormLetters.fixture("kazakh-questionnaire.rtf")).get()
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.first?.cells.map(\.text) == ["Т.А.Ә.", "Құдайбергенов Нұрлан Әлібекұлы"])
        #expect(table.rows.contains { $0.cells.map(\.text) == ["ЖСН", "830717350867"] })
    }

    @Test func theKindIsDecidedByTheBytesNotTheName() throws {
        let rtf = try FormLetters.fixture("kazakh-questionnaire.rtf")
        #expect(SourceKind.detect(filename: "anketa.doc", mimeType: "application/msword", bytes: rtf) == .rtf)
        let doc = try FormLetters.fixture("kazakh-questionnaire.doc")
        #expect(SourceKind.detect(filename: "anketa.rtf", mimeType: "application/rtf", bytes: doc) == .legacyWord)
        let html = Array("<html><body><p>ЖСН: 830717350867</p></body></html>".utf8)
        #expect(SourceKind.detect(filename: "anketa.doc", mimeType: "application/msword", bytes: html) == .html)
        // An RTF named .doc is read as the RTF it is.
        let result = ApplicationReader.read(FormLetters.letter(attaching: rtf, name: "anketa.doc", type: "application/msword"), currentYear: 2026)
        #expect(result.application.outcome == .complete)
    }

    @Test func bytesThatAreNotWordAreUnreadableWithAReason() {
        var random = SystemRandomNumberGenerator()
        let junk = WordText.oleSignature + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        guard case .failure(let reason) = WordText.read(junk) else { Issue.record("read junk"); return }
        #expect(reason.kind == .legacyFormat)
        guard case .failure(let notRTF) = RTFText.read(Array("{\\rtf1 {\\fonttbl".utf8) + junk) else { return }
        #expect([.corrupt, .legacyFormat].contains(notRTF.kind))
    }

    @Test func anRTFThatNeverEndsIsStoppedByItsLimits() {
        // Deeply nested groups: unrtf's stack and heap grow with them.
        let bomb = Array("{\\rtf1 ".utf8) + [UInt8](repeating: UInt8(ascii: "{"), count: 2_000_000)
        let start = Date()
        let result = RTFText.read(bomb)
        #expect(Date().timeIntervalSince(start) < 15)
        if case .success(let doc) = result { #expect(doc.plainText.count < 100) }
    }
}

@Test func aBoundedChildRunsUnderTheLimitsItWasGiven() {
    let child = BoundedChild(tool: "/bin/sh", arguments: ["-c", "ulimit -v; ulimit -t; ulimit -f"],
                             limits: WordText.limits, timeout: 10, maxOutput: 1 << 10)
    guard case .exited(0, let output) = child.run() else { Issue.record("sh did not run"); return }
    // Address space in KiB, CPU seconds, file size in 512-byte blocks.
    #expect(String(decoding: output, as: UTF8.self).split(separator: "\n") == ["262144", "10", "0"])
}

/// Choices made as the Annex 2 form asks, by underlining (or in bold), in a .doc and an RTF
/// LibreOffice wrote from the same form (Fixtures/forms/make-forms.sh, kazakh-underlined).
@Suite struct LegacyDocumentMarksTests {
    static let typesRolesAvailability: [FormField: Application.FieldValue] = [
        .activityTypes: .numbers([2, 7]), .roles: .numbers([4]), .availability: .numbers([3]),
    ]

    @Test(arguments: ["kazakh-underlined.doc", "kazakh-underlined.rtf"])
    func underlinedAndBoldChoicesAreTheChosenOptions(name: String) throws {
        let result = ApplicationReader.read(FormLetters.letter(attaching: try FormLetters.fixture(name), name: name), currentYear: 2026)
        let application = result.application
        #expect(application.outcome == .complete, "missing \(application.missing), invalid \(application.invalid.map(\.reason))")
        #expect(application.kind == .volunteer)
        // Option 11 is struck through: not chosen. Without the marks every listed option was taken.
        for (field, value) in Self.typesRolesAvailability { #expect(application.fields[field] == value, "\(field)") }
        #expect(application.fields[.birthYear] == .number(1983))
        #expect(application.fields[.iin] == .text("830717350867"))
        #expect(FormLetters.text(application, .residence) == "Қарағанды облысы, Теміртау қаласы, Һарун көшесі 12")
    }

    @Test func aDocKeepsUnderlineBoldAndStrikeThroughOnItsParagraphs() throws {
        let document = try WordText.read(try FormLetters.fixture("kazakh-underlined.doc")).get()
        #expect(document.showsFormatting)
        func paragraph(_ start: String) -> Paragraph? { document.paragraphs.first { $0.text.hasPrefix(start) } }
        #expect(paragraph("2) қарттарға")?.runs.allSatisfy(\.underlined) == true)
        #expect(paragraph("1) әлеуметтік")?.runs.contains(where: { $0.underlined || $0.bold }) == false)
        #expect(paragraph("4) жаттықтырушы")?.runs.allSatisfy(\.bold) == true)
        #expect(paragraph("11) мәдени")?.runs.allSatisfy(\.struckThrough) == true)
        #expect(paragraph("волонтерлік қызметті")?.underlinedText == ["волонтер"])
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.map { $0.cells.count } == [2, 2, 2, 2, 2, 2])
        #expect(table.rows[3].cells.map(\.text) == ["ЖСН", "830717350867"])
    }

    @Test func anRTFTableKeepsCellsThatBeginWithKazakhWords() throws {
        // unrtf printed "Туған" before the row and "ЖСН" before an empty cell of its own.
        let document = try RTFText.read(try FormLetters.fixture("kazakh-underlined.rtf")).get()
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["Т.А.Ә.", "Құдайбергенов Нұрлан Әлібекұлы"], ["Туған жылы", "1983"],
            ["Тұрғылықты жері", "Қарағанды облысы, Теміртау қаласы, Һарун көшесі 12"], ["ЖСН", "830717350867"],
            ["Волонтерлік қызметтегі тәжірибесі", "Үш жыл «Қамқор» қорында, ғаламдық ұйымдарға көмек, жаңа жобалар"],
            ["Байланыс", "+7 701 555 48 12, nurlan.kudaibergenov@mail.kz"],
        ])
        #expect(document.paragraphs.first { $0.text.hasPrefix("7) тарихи") }?.runs.allSatisfy(\.underlined) == true)
    }

    @Test func unrtfsMisplacedCellStartsAreRebuiltFromTheCellEnds() {
        // As unrtf 0.21 prints them (the first two rows from a LibreOffice RTF), and a bold first
        // word, whose mark unrtf opens twice (before the row and again in the cell) and closes once.
        let html = """
        <p>До</p><table border="2">
        &#1058;&#1091;&#1171;&#1072;&#1085;<tr><td> &#1078;&#1099;&#1083;&#1099;</td>
        <td>1983</td>
        </tr>
        &#1046;&#1057;&#1053;<td></td>
        <tr><td>830717350867</td>
        </tr>
        <b>&#1040;&#1179;<tr><td><b> &#1078;&#1086;&#1083;</b></td>
        <td>x</td>
        </tr>
        </table>
        <p>После</p>
        """
        let document = HTMLText.document(RTFText.repairingTables(html))
        let table = ReaderFixtures.table(document)
        #expect(table?.rows.map { $0.cells.map(\.text) } == [["Туған жылы", "1983"], ["ЖСН", "830717350867"], ["Ақ жол", "x"]])
        #expect(table?.rows[2].cells[0].blocks == [.paragraph(Paragraph(runs: [Paragraph.Run("Ақ жол", bold: true)]))])
        // The mark ends with its cell: the next cell and the text after the table are not bold.
        #expect(table?.rows[2].cells[1].blocks == [.paragraph(Paragraph("x"))])
        #expect(document.paragraphs.last == Paragraph("После"))
        let plain = "<p>Без таблицы &#1046;</p>"
        #expect(RTFText.repairingTables(plain) == plain)
    }

    @Test func aDocInsideWinmailDatIsReadWithItsMarks() throws {
        var tnef = TNEFWriter()
        tnef.attach(try FormLetters.fixture("kazakh-underlined.doc"), longName: "Өтініш_Құдайбергенов.doc")
        let letter = Message(bytes: AttachedLetter.make(attachments: [("application/ms-tnef", "winmail.dat", tnef.bytes)]))
        let result = ApplicationReader.read(letter, currentYear: 2026)
        let inner = result.sources.first { $0.container == .tnef }
        #expect(inner?.kind == .legacyWord)
        #expect(inner?.unreadable == nil)
        #expect(result.application.outcome == .complete, "missing \(result.application.missing)")
        for (field, value) in Self.typesRolesAvailability { #expect(result.application.fields[field] == value, "\(field)") }
    }

    @Test func whenAntiwordsDocBookIsUnusableItsPlainTextIsRead() throws {
        // A stand-in for antiword that writes broken XML for -x db and text otherwise.
        let folder = try #require(PrivateFolder())
        defer { folder.remove() }
        let script = "#!/bin/sh\nif [ \"$1\" = -x ]; then echo '<book><chapter><para>'; else printf 'ЖСН: 830717350867\\n'; fi\n"
        let tool = try #require(folder.write(Array(script.utf8), as: "antiword"))
        #expect(chmod(tool, 0o700) == 0)
        let document = try WordText.read(WordText.oleSignature + [UInt8](repeating: 0, count: 512), tool: tool).get()
        #expect(document.plainText == "ЖСН: 830717350867")
        #expect(!document.showsFormatting)
    }

    @Test func antiwordsDocBookIsReadPastItsDoctypeAndControlCharacters() throws {
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN"
        \t"http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">
        <book lang='en_US'><bookinfo><date>1600-12-31</date></bookinfo><chapter><title/>
          <para>
        ЖСН:\u{0C} <emphasis role='underline'>830717350867</emphasis>
          </para>
          <para>

          </para>
          <para><informaltable><tgroup cols='2'><tbody><row><entry>
        ☒ 1) бір
        ☐ 2) екі
               </entry><entry>
        </entry></row></tbody></tgroup></informaltable></para>
        </chapter></book>
        """
        let document = try #require(WordText.docBook(Array(xml.utf8)))
        #expect(document.blocks.first == .paragraph(Paragraph(runs: [Paragraph.Run("ЖСН: "), Paragraph.Run("830717350867", underlined: true)])))
        #expect(document.blocks.dropFirst().first == .paragraph(Paragraph(runs: [])))
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.first?.cells.first?.blocks == [.paragraph(Paragraph("☒ 1) бір")), .paragraph(Paragraph("☐ 2) екі"))])
        #expect(table.rows.first?.cells.count == 2)
        // antiword writes no marks in table cells: a list there may hide an underlined choice.
        #expect(!document.showsFormatting)
        #expect(WordText.docBook(Array("ЖСН: 830717350867".utf8)) == nil)
    }
}
