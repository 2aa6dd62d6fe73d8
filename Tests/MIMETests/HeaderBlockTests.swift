import Testing
@testable import MIME

@Suite struct HeaderBlocks {
    @Test func foldedFieldsAreUnfoldedKeepingTheirWhitespace() {
        let m = parse("Subject: one\n two\n\tthree\nX-A: b\n\nbody")
        #expect(m.header["Subject"] == "one two three")
        #expect(m.header["X-A"] == "b")
    }

    @Test func duplicateFieldsAreKeptInOrder() {
        let m = parse("Received: first\nReceived: second\nSubject: a\nSubject: b\n\n")
        #expect(m.header.all("received").map(\.value) == ["first", "second"])
        #expect(m.header["Subject"] == "a")
        #expect(m.hasDefect(.duplicateHeader))
    }

    @Test func namesCompareCaseInsensitively() {
        let m = parse("CONTENT-TYPE: text/html\n\n<b>x</b>")
        #expect(m.root.contentType.mimeType == "text/html")
    }

    @Test func rawFieldBytesAreKept() {
        let m = parse("Subject:  spaced \n folded\n\n")
        let field = m.header.first("subject")!
        #expect(String(decoding: field.raw, as: UTF8.self) == "Subject:  spaced \r\n folded")
    }

    @Test func mboxFromLineIsSkipped() {
        let m = parse("From someone@example.kz Thu Mar 21 10:00:00 2024\nSubject: hi\n\nbody")
        #expect(m.header["Subject"] == "hi")
        #expect(m.hasDefect(.mboxFromLine))
    }

    @Test func junkLineAmongFieldsIsSkipped() {
        let m = parse("Subject: hi\nthis is junk\nContent-Type: text/html\n\n<p>")
        #expect(m.root.contentType.mimeType == "text/html")
        #expect(m.hasDefect(.headerWithoutColon))
    }

    @Test func bodyWithoutSeparatorStartsAtTheFirstNonField() {
        let m = parse("Subject: hi\nHello, this is the body.\nSecond line.")
        #expect(m.header["Subject"] == "hi")
        #expect(m.root.decodedString == "Hello, this is the body.\r\nSecond line.")
        #expect(m.hasDefect(.missingHeaderBodySeparator))
    }

    @Test func spaceBeforeColonIsTolerated() {
        let m = parse("Subject : hi\n\n")
        #expect(m.header["Subject"] == "hi")
    }

    @Test func eightBitHeaderReadAsUTF8ThenLegacy() {
        let utf8 = Message(bytes: Array("Subject: Өтініш\r\n\r\n".utf8))
        #expect(utf8.header.text("Subject") == "Өтініш")
        var cp1251 = Array("Subject: ".utf8)
        cp1251 += [0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0]  // "Заявка" in windows-1251
        cp1251 += Array("\r\n\r\n".utf8)
        let legacy = Message(bytes: cp1251)
        #expect(legacy.header.text("Subject") == "Заявка")
        #expect(legacy.hasDefect(.rawEightBitHeader))
    }

    @Test func tooManyFieldsAreCutAtTheLimit() {
        let text = (0..<50).map { "X-\($0): v\n" }.joined() + "Subject: late\n\nbody"
        let m = parse(text, limits: Limits(maxHeaderFields: 10))
        #expect(m.header.fields.count == 10)
        #expect(m.hasDefect(.tooManyHeaderFields))
        #expect(m.root.decodedString == "body")
    }

    @Test func hugeFieldIsCutAndTheBodyStaysReadable() {
        let m = parse("Subject: " + String(repeating: "a", count: 100_000) + "\n\nbody", limits: Limits(maxHeaderFieldBytes: 1000))
        #expect(m.header.first("Subject")!.raw.count == 1000)
        #expect(m.hasDefect(.headerFieldTooLong))
        #expect(m.root.decodedString == "body")
    }

    @Test func hugeHeaderBlockStopsStoringButFindsTheBody() {
        let text = (0..<2000).map { "X-Filler-\($0): " + String(repeating: "z", count: 100) + "\n" }.joined() + "\nbody"
        let m = parse(text, limits: Limits(maxHeaderBlockBytes: 10_000))
        #expect(m.hasDefect(.headerBlockTooLarge))
        #expect(m.header.fields.count < 100)
        #expect(m.root.decodedString == "body")
    }
}

@Suite struct DeliveryReports {
    @Test func bounceNamesTheFailedRecipientAndTheOriginalMessage() {
        let m = parse("""
        From: MAILER-DAEMON@mail.example.kz (Mail Delivery System)
        Return-Path: <>
        Content-Type: multipart/report; report-type=delivery-status; boundary=r

        --r

        The mail system could not deliver your message.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.example.kz

        Final-Recipient: rfc822; nobody@example.kz
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        Final-Recipient: rfc822; late@example.kz
        Action: delayed
        Status: 4.4.1
        --r
        Content-Type: message/rfc822

        Message-ID: <notice-7.VR-2026-000123@mki.gov.kz>
        Subject: [VR-2026-000123] receipt

        text
        --r--
        """)
        let report = m.deliveryStatus
        #expect(report?.reportingMTA == "mail.example.kz")
        #expect(report?.recipients.map(\.finalRecipient) == ["nobody@example.kz", "late@example.kz"])
        #expect(report?.recipients.map(\.isFailure) == [true, false])
        #expect(report?.originalMessageID == "notice-7.VR-2026-000123@mki.gov.kz")
        #expect(m.autoSubmission.isAutomatic)
    }

    @Test func manyGroupsAreReadInOnePass() {
        var text = "Content-Type: message/delivery-status\n\nReporting-MTA: dns; x\n"
        for i in 0..<20_000 { text += "\nFinal-Recipient: rfc822; r\(i)@example.kz\nAction: failed\n" }
        let m = parse("Content-Type: multipart/report; boundary=r\n\n--r\n" + text + "--r--\n")
        #expect(m.deliveryStatus?.recipients.count == 20_000)
    }

    @Test func ordinaryMailHasNoReport() {
        #expect(parse("Subject: hi\n\nbody").deliveryStatus == nil)
    }
}
