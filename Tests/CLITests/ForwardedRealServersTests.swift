import Foundation
import Glibc
import MIME
import TestRig
import Testing
@testable import CLI

/// Whose letter it is, through the real servers: one regional office forwards two people's
/// applications over IMAP; each becomes a case of its own, each applicant gets the notice (To)
/// and the office its copy (Cc) at a real SMTP server.
@Suite(.serialized) struct ForwardedRealServers {
    static func person(_ name: String, iin: String, year: Int, email: String, withIIN: Bool) -> String {
        "---------- Forwarded message ---------\nFrom: \(name) <\(email)>\nDate: Mon, 2 Feb 2026 at 09:10\n"
            + "Subject: Анкета волонтера\nTo: <akimat@rig.test>\n\n"
            + "Прошу включить меня в реестр учета волонтерской деятельности (волонтер).\n"
            + "Даю согласие на сбор и обработку моих персональных данных.\n\nАнкета волонтера\nФИО: \(name)\n"
            + "Год рождения: \(year)\nМесто жительства: г. Тараз\n" + (withIIN ? "ИИН: \(iin)\n" : "")
            + "Опыт волонтерской деятельности: с 2015 года.\nКонтакты: +7 701 555 22 31, \(email)\n"
            + "Виды деятельности: 5, 7\nРоль: 5) логист\nУдобное время: 1) отпуск/каникулы\n"
    }

    @Test func twoApplicantsForwardedByOneOfficeAreAnsweredEachToTheirOwnAddressWithTheOfficeInCopy() throws {
        let dovecot = try DovecotServer.start()
        defer { dovecot.stop() }
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try TemporaryDirectory("fwd")
        defer { site.remove() }
        let passwordFile = site.path + "/imap.secret"
        try Data((dovecot.password + "\n").utf8).write(to: URL(fileURLWithPath: passwordFile))
        let folder = "FWD"
        try dovecot.client.create(folder)
        let asanov = Self.person("Асанов Нурлан Серикович", iin: "901105300458", year: 1990, email: "nurlan@rig.test", withIIN: false)
        let aliya = Self.person("Жумабекова Алия Маратовна", iin: "850312400128", year: 1985, email: "aliya@rig.test", withIIN: true)
        try dovecot.client.append(TestMessage.letter(from: "akimat@rig.test", subject: "Заявка", messageID: "f1@rig.test",
                                                     body: "Направляем заявку.\n\n" + asanov), to: folder)
        try dovecot.client.append(TestMessage.letter(from: "akimat@rig.test", subject: "Заявка", messageID: "f2@rig.test",
                                                     body: "Направляем заявку.\n\n" + aliya), to: folder)

        let console = Console.capturing()
        let status = Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00",
                                  "--imap-url", dovecot.url(folder), "--imap-user", dovecot.user,
                                  "--imap-password-file", passwordFile, "--smtp-url", smtp.url,
                                  "--maildir", site.path + "/maildir", "--store", site.path + "/tizilim.sqlite",
                                  "--publish-dir", site.path + "/publish"], console: console)
        let log = console.out + console.err
        #expect(status == 0, "\(log)")
        #expect(log.contains("2 of 2 notices delivered"), "\(log)")

        // Asanov's application lacks the IIN: his refinement, to him, the office in copy.
        let nurlan = try smtp.received(for: "nurlan@rig.test")
        #expect(nurlan.count == 1)
        let refinement = Message(bytes: nurlan[0].bytes)
        #expect(refinement.subject?.hasPrefix("[VR-2026-000001]") == true)
        #expect(refinement.to.map(\.address) == ["nurlan@rig.test"])
        #expect(refinement.cc.map(\.address) == ["akimat@rig.test"])
        #expect(refinement.inReplyTo == ["f1@rig.test"])
        // Aliya's, complete, is accepted in a case of its own, untouched by his.
        let aliyaMail = try smtp.received(for: "aliya@rig.test")
        #expect(aliyaMail.count == 1)
        #expect(Message(bytes: aliyaMail[0].bytes).subject?.hasPrefix("[VR-2026-000002]") == true)
        // The office received both copies.
        #expect(try smtp.received(for: "akimat@rig.test").count == 2)
    }
}
