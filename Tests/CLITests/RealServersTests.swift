import Foundation
import Glibc
import MIME
import TestRig
import Testing
@testable import CLI

/// The whole path with real servers: letters appended to a Dovecot mailbox are fetched over
/// IMAP, become cases, and their notices arrive at a real SMTP server; nothing twice.
@Suite(.serialized) struct RealServers {
    static func letter(_ id: String, from: String, body: String, inReplyTo: String? = nil, subject: String = "Анкета") -> [UInt8] {
        TestMessage.letter(from: from, subject: subject, messageID: id, inReplyTo: inReplyTo, body: body)
    }

    static let complete = SampleApplication.volunteer.replacingOccurrences(of: ", vkim.kostanay@mail.ru", with: "")

    static var withoutIIN: String { complete.replacingOccurrences(of: "ИИН: 670509312900\n", with: "") }

    @Test func lettersFetchedOverIMAPAreAnsweredOverSMTPOnceEvenWhenTheServerWasDown() throws {
        let dovecot = try DovecotServer.start()
        defer { dovecot.stop() }
        let site = try TemporaryDirectory("e2e")
        defer { site.remove() }
        let passwordFile = site.path + "/imap.secret"
        try Data((dovecot.password + "\n").utf8).write(to: URL(fileURLWithPath: passwordFile))
        let folder = "E2E"
        try dovecot.client.create(folder)
        try dovecot.client.append(Self.letter("e1@mail.kz", from: "kim@mail.kz", body: Self.complete), to: folder)
        // Her own application (the refinement answer below must name the same person: a letter
        // naming someone else opens a case of its own).
        let ivanova = Self.withoutIIN.replacingOccurrences(of: "Ким Виктор Алексеевич", with: "Иванова Анна Петровна")
            .replacingOccurrences(of: "1967", with: "2001")
        try dovecot.client.append(Self.letter("e2@mail.kz", from: "ivanova@mail.kz", body: ivanova), to: folder)
        // An out-of-office reply and a bounce: answered by nothing.
        try dovecot.client.append(Array("From: <kim@mail.kz>\r\nTo: volunteer@mki.gov.kz\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <oof@mail.kz>\r\n\r\nAway.\r\n".utf8), to: folder)
        try dovecot.client.append(Array("From: MAILER-DAEMON@mail.kz\r\nTo: volunteer@mki.gov.kz\r\nSubject: Undelivered\r\nMessage-ID: <dsn@mail.kz>\r\n\r\nNo such user.\r\n".utf8), to: folder)

        func serve(_ now: String, smtp: String) -> (Int32, String) {
            let console = Console.capturing()
            let status = Tizilim.run(["serve", "--once", "--now", now,
                                      "--imap-url", dovecot.url(folder), "--imap-user", dovecot.user,
                                      "--imap-password-file", passwordFile, "--smtp-url", smtp,
                                      "--maildir", site.path + "/maildir", "--store", site.path + "/tizilim.sqlite",
                                      "--publish-dir", site.path + "/publish"], console: console)
            return (status, console.out + console.err)
        }

        // The SMTP server is down: the notices wait in the outbox.
        let down = serve("2026-02-02T10:00", smtp: "smtp://127.0.0.1:\(try LoopbackPort.free())")
        #expect(down.0 == 0)
        #expect(down.1.contains("4 messages fetched"))
        #expect(down.1.contains("0 of 2 notices delivered"))

        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        // Before the retry is due nothing is sent; after it, each notice once.
        #expect(serve("2026-02-02T10:00:30", smtp: smtp.url).1.contains("0 of 0 notices delivered"))
        let up = serve("2026-02-02T10:05", smtp: smtp.url)
        #expect(up.1.contains("0 messages taken"))
        #expect(up.1.contains("2 of 2 notices delivered"))
        #expect(serve("2026-02-02T11:00", smtp: smtp.url).1.contains("0 of 0 notices delivered"))

        let accepted = try smtp.received(for: "kim@mail.kz")
        #expect(accepted.count == 1)
        let acceptance = Message(bytes: accepted[0].bytes)
        #expect(acceptance.subject?.hasPrefix("[VR-2026-000001]") == true)
        #expect(acceptance.inReplyTo == ["e1@mail.kz"])
        let refinement = try smtp.received(for: "ivanova@mail.kz")
        #expect(refinement.count == 1)
        let notice = Message(bytes: refinement[0].bytes)
        let noticeID = try #require(notice.messageID)

        // The applicant answers the refinement: the same case, accepted, one more notice.
        try dovecot.client.append(Self.letter("e3@mail.kz", from: "ivanova@mail.kz",
                                              body: Self.complete.replacingOccurrences(of: "Ким Виктор Алексеевич", with: "Иванова Анна Петровна")
                                                  .replacingOccurrences(of: "670509312900", with: "010909645904")
                                                  .replacingOccurrences(of: "1967", with: "2001"),
                                              inReplyTo: noticeID, subject: "Re: " + (notice.subject ?? "")), to: folder)
        let replied = serve("2026-02-03T09:30", smtp: smtp.url)
        #expect(replied.1.contains("resubmitted VR-2026-000002 → accepted"))
        #expect(try smtp.received(for: "ivanova@mail.kz").count == 2)
        #expect(try smtp.received(for: "kim@mail.kz").count == 1)
        // The fetched letters were moved aside on the server? No done folder: they are marked seen.
        #expect(try dovecot.client.flags(uid: 1, in: folder).contains("\\Seen"))
    }
}
