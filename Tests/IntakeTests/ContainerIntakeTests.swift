import Cases
import Forms
import Intake
import Mailbox
import MIME
import Register
import Signatures
import Store
import Testing
import TestRig

/// Letters whose form is inside winmail.dat or a signed document, through a real Maildir and store.
@Suite struct ContainerIntake {
    static func docx(_ text: String) -> [UInt8] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(paragraphs)<w:sectPr/></w:body></w:document>
            """)
        return zip.bytes
    }

    @Test func aFormInsideWinmailDatGetsItsAcceptanceNotice() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let maildir = Maildir(path: folder + "/maildir")
        try maildir.create()
        var tnef = TNEFWriter()
        tnef.attach(Self.docx(SampleApplication.volunteer), longName: "Өтініш_Ким.docx")
        let delivered = try maildir.deliver(AttachedLetter.make(messageID: "outlook1@mail.ru", attachments: [
            ("application/ms-tnef", "winmail.dat", tnef.bytes),
        ]))
        let pass = IntakePass(maildir: maildir, intake: try Letters.intake(folder))
        let lines = try pass.run(now: LocalDateTime(utcSeconds: delivered.deliveredUTCSeconds + 60))
        #expect(lines.map(\.outcome.disposition) == [.opened])
        let taken = try #require(lines.first?.outcome)
        #expect(taken.state == .accepted)
        let caseID = try #require(taken.caseID)
        let record = try #require(try CaseBook(pass.intake.database).find(humanID: caseID))
        let sent = try Outbox(pass.intake.database).items(caseID: record.id)
        #expect(sent.map(\.notice) == ["acceptance"])
        #expect(sent.first?.recipient == "vkim.kostanay@mail.ru")
    }

    @Test func aFormSignedBySomeoneElseWaitsForStaffFlagged() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let kit = try SigningKit(subject: "/C=KZ/CN=ҚҰДАЙБЕРГЕНОВ НҰРЛАН/serialNumber=IIN830717350867")
        defer { kit.remove() }
        var settings = IntakeSettings()
        settings.reading.trustAnchors = try TrustAnchors.load(path: kit.caPath)
        let intake = Intake(database: try Database(path: folder + "/tizilim.sqlite"), settings: settings)
        let letter = AttachedLetter.make(messageID: "signed1@mail.ru", attachments: [
            ("application/octet-stream", "анкета.docx.cms", try kit.cms(Self.docx(SampleApplication.volunteer))),
        ])
        let taken = try intake.take(letter, path: "new/signed1", arrivedAt: Letters.at("2026-02-02", 10, 0))
        #expect(taken.state == .underReview)
        let caseID = try #require(taken.caseID)
        let record = try #require(try CaseBook(intake.database).find(humanID: caseID))
        #expect(record.snapshot.flags.contains(.signerMismatch))
        #expect(try Outbox(intake.database).items(caseID: record.id).allSatisfy { $0.notice != "acceptance" })
        let stored = try #require(try MessageLog(intake.database).messages(caseID: record.id).first?.application)
        #expect(stored.contains("\"signerMismatches\":[\"signer's IIN 830717350867"))
        #expect(stored.contains("\"verified\":true"))
    }
}
