import Annex2
import Foundation
import Testing
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
