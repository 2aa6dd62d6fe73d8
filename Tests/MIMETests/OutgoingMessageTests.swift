import Testing
@testable import MIME

@Suite struct OutgoingMessages {
    func notice(subject: String = "[VR-2026-000123] Өтінішіңіз қабылданды / Ваша заявка принята",
                name: String? = "Сейтқали Айгүл") -> OutgoingMessage {
        var m = OutgoingMessage(
            from: MailAddress(name: "Тізілім / Реестр", localPart: "volunteer", domain: "mki.gov.kz"),
            to: [MailAddress(name: name, localPart: "aigul", domain: "example.kz")],
            subject: subject, messageID: "notice-1.VR-2026-000123@mki.gov.kz",
            date: MessageDate(secondsSince1970: 1_774_000_000, utcOffsetMinutes: 300),
            text: "Құрметті өтініш беруші!\nӨтінішіңіз тіркелді.\n\nУважаемый заявитель!\nВаша заявка зарегистрирована.")
        m.inReplyTo = "CAB123@mail.gmail.com"
        m.references = ["CAB123@mail.gmail.com"]
        m.extraHeaders = [("Auto-Submitted", "auto-replied")]
        return m
    }

    @Test func roundTripsThroughTheParser() {
        let bytes = notice().serialized()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let parsed = Message(bytes: bytes)
        #expect(parsed.subject == "[VR-2026-000123] Өтінішіңіз қабылданды / Ваша заявка принята")
        #expect(parsed.from.first?.name == "Тізілім / Реестр")
        #expect(parsed.to.first?.address == "aigul@example.kz")
        #expect(parsed.to.first?.name == "Сейтқали Айгүл")
        #expect(parsed.messageID == "notice-1.VR-2026-000123@mki.gov.kz")
        #expect(parsed.inReplyTo == ["CAB123@mail.gmail.com"])
        #expect(parsed.autoSubmission.isAutomatic)
        #expect(parsed.root.text()?.text.contains("Өтінішіңіз тіркелді.") == true)
        #expect(parsed.allDefects.isEmpty)
    }

    @Test func linesStayShortAndEndInCRLF() {
        let bytes = notice(subject: String(repeating: "Волонтерлік қызмет ", count: 20)).serialized()
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.dropLast().allSatisfy { $0.last == 0x0D })
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test(arguments: ["Evil\r\nBcc: victim@example.com", "Evil\nBcc: victim@example.com", "Evil\rBcc: x@y", "A\u{0}B\u{2028}C"])
    func applicantTextCannotInjectHeaders(hostile: String) {
        let bytes = notice(subject: hostile, name: hostile).serialized()
        let parsed = Message(bytes: bytes)
        #expect(parsed.header.first("Bcc") == nil)
        #expect(parsed.to.count == 1)
        #expect(parsed.to.first?.address == "aigul@example.kz")
        #expect(parsed.subject?.contains("\n") == false)
        #expect(parsed.subject?.contains("\r") == false)
    }

    @Test func htmlAndAttachmentsMakeTheUsualTree() {
        var m = notice()
        m.html = "<p>Өтінішіңіз тіркелді.</p>"
        m.attachments = [.init(filename: "Тізілім үзіндісі.pdf", contentType: "application/pdf", bytes: Array("%PDF-1.4 test".utf8))]
        let parsed = Message(bytes: m.serialized())
        #expect(parsed.shape == ["0 multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "1.2 text/html", "2 application/pdf"])
        #expect(parsed.part("2")?.filename == "Тізілім үзіндісі.pdf")
        #expect(parsed.part("2")?.decodedString == "%PDF-1.4 test")
        #expect(parsed.part("1.2")?.text()?.text == "<p>Өтінішіңіз тіркелді.</p>")
        #expect(parsed.allDefects.isEmpty)
    }

    @Test func badContentTypeFallsBackToOctetStream() {
        var m = notice()
        m.attachments = [.init(filename: "a.bin", contentType: "text/plain\r\nX-Evil: 1", bytes: [1, 2, 3])]
        let parsed = Message(bytes: m.serialized())
        #expect(parsed.part("2")?.contentType.mimeType == "application/octet-stream")
        #expect(parsed.parts.allSatisfy { $0.header.first("X-Evil") == nil })
    }

    @Test func invalidExtraHeaderNamesAreDropped() {
        var m = notice()
        m.extraHeaders = [("Bad Name", "x"), ("X-Case", "VR-2026-000123\r\nBcc: a@b")]
        let parsed = Message(bytes: m.serialized())
        #expect(parsed.header.first("Bad Name") == nil)
        #expect(parsed.header["X-Case"] == "VR-2026-000123 Bcc: a@b")
        #expect(parsed.header.first("Bcc") == nil)
    }
}
