import Foundation
import Glibc
import MIME
import Store
import TestRig
import Testing
@testable import CLI

/// The daemon killed after a real SMTP server took a notice and before the outbox row was
/// marked: here the row is put back to `sending` by hand, as the kill leaves it. The next start
/// must not send it again, must say so in the log, and staff settle it with `cases confirm-sent`
/// or `cases resend`, recorded with their login.
@Suite(.serialized) struct NoticeInDoubtCommands {
    @Test func aNoticeInDoubtIsLoggedShownFlaggedAndSettledByStaff() throws {
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try TemporaryDirectory("doubt")
        defer { site.remove() }
        let maildir = site.path + "/maildir"
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        try DaemonKilled.deliver(Data(TestMessage.letter(from: "anar@mail.kz", subject: "Анкета", messageID: "doubt@mail.kz",
                                                         body: RealServers.complete)), number: 0, maildir: maildir)
        let store = site.path + "/tizilim.sqlite"
        func tizilim(_ arguments: [String], status expected: Int32 = 0) -> String {
            let console = Console.capturing()
            let status = Tizilim.run(arguments + ["--store", store], console: console)
            #expect(status == expected, "\(arguments): \(console.out) \(console.err)")
            return console.out + console.err
        }
        func serve(_ now: String) -> String {
            tizilim(["serve", "--once", "--now", now, "--smtp-url", smtp.url, "--maildir", maildir,
                     "--publish-dir", site.path + "/publish"])
        }
        func interrupt() throws {
            // What SIGKILL between the server's 250 and the commit of `sent` leaves behind.
            try Database(path: store).query("UPDATE outbox SET state = 'sending', sent_at = NULL")
        }
        func row() throws -> (state: String, messageID: String) {
            let r = try #require(try Database(path: store).query("SELECT state, message_id FROM outbox").first)
            return (r.text(0) ?? "", r.text(1) ?? "")
        }

        #expect(serve("2026-02-02T10:00").contains("1 of 1 notices delivered"))
        #expect(try smtp.allReceived().count == 1)
        let caseID = try #require(try Database(path: store).query("SELECT human_id FROM cases").first?.text(0))
        let messageID = try row().messageID

        try interrupt()
        let restarted = serve("2026-02-02T10:05")
        #expect(restarted.contains("<4>\(caseID): notice acceptance <\(messageID)> to anar@mail.kz: in doubt, not sent again"),
                "\(restarted)")
        #expect(restarted.contains("mail server's log") && restarted.contains("tizilim cases resend \(caseID)"))
        #expect(restarted.contains("0 of 0 notices delivered"))
        #expect(try row().state == "in-doubt")
        #expect(serve("2026-02-03T10:00").contains("0 of 0 notices delivered"))
        #expect(try smtp.allReceived().count == 1)

        let listed = tizilim(["cases", "--flagged", "--lang", "en"])
        #expect(listed.contains(caseID) && listed.contains("notice in doubt"), "\(listed)")
        let shown = tizilim(["cases", "show", caseID, "--lang", "en"])
        // Long lines wrap at 80 columns.
        func unwrapped(_ text: String) -> String {
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        #expect(unwrapped(shown).contains("acceptance → anar@mail.kz: in doubt <\(messageID)>: check the mail server's log"), "\(shown)")
        let russian = unwrapped(tizilim(["cases", "show", caseID, "--lang", "ru"]))
        #expect(russian.contains("неизвестно, отправлено ли <\(messageID)>: проверьте журнал почты"), "\(russian)")

        // The mail log shows it left.
        let confirmed = tizilim(["cases", "confirm-sent", caseID])
        #expect(confirmed.contains("\(caseID): notice-confirmed-sent, unflagged by \(StaffDecisionCommand.login())"), "\(confirmed)")
        #expect(confirmed.contains("marked sent: <\(messageID)>"))
        #expect(try row().state == "sent")
        #expect(try Database(path: store).query("SELECT flags FROM cases").first?.text(0) == "")
        let again = tizilim(["cases", "confirm-sent", caseID], status: ExitCode.dataError)
        #expect(again.contains("no notice of \(caseID) is in doubt; nothing changed"))
        #expect(tizilim(["cases", "show", caseID, "--lang", "en"]).contains("notice confirmed sent"))

        // Another interruption, and this time the mail log has nothing: staff send it again.
        try interrupt()
        #expect(serve("2026-02-04T10:00").contains("in doubt, not sent again"))
        let resent = tizilim(["cases", "resend", caseID.lowercased(), "--now", "2026-02-04T10:00:30"])
        #expect(resent.contains("\(caseID): notice-resent, unflagged by "), "\(resent)")
        #expect(try row().state == "queued")
        #expect(serve("2026-02-04T10:01").contains("1 of 1 notices delivered"))
        #expect(try smtp.allReceived().count == 2)
        let history = tizilim(["cases", "show", caseID, "--lang", "en"])
        #expect(history.contains("notice queued again"), "\(history)")
        #expect(tizilim(["cases", "resend"], status: ExitCode.usage).contains("expected 'cases resend ID'"))
    }
}
