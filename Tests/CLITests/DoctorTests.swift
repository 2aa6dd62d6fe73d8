import Cases
import Foundation
import Glibc
import Store
import Testing
import TestRig
@testable import CLI

/// A site laid out as install.sh lays it out, in a scratch folder: store, Maildirs, secrets.
private func goodSite(_ scratch: Scratch) throws -> String {
    let maildir = scratch.maildir("maildir")
    let sent = scratch.maildir("sent")
    let store = scratch.path + "/tizilim.sqlite"
    _ = try Database(path: store)
    let calendar = scratch.write("calendar.txt", "# corrections\n2026-12-31 off  # example\n")
    return scratch.write("tizilim.conf", """
        maildir = \(maildir)
        store = \(store)
        sent = \(sent)
        publish_dir = \(scratch.path)
        calendar_file = \(calendar)
        """)
}

private func verdicts(_ out: String, _ subject: String) -> [String] {
    out.split(separator: "\n").filter { $0.dropFirst(6).hasPrefix(subject + " ") }.map { String($0.prefix(4)) }
}

@Suite struct Doctor {
    @Test func aGoodSitePassesWithExitStatusZero() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        let result = run("doctor", "--config", conf)
        #expect(result.status == 0, "\(result.out)")
        #expect(!result.out.contains("FAIL "))
        #expect(verdicts(result.out, "configuration") == ["OK  "])
        #expect(verdicts(result.out, "store") == ["OK  ", "OK  "])
        #expect(verdicts(result.out, "maildir") == ["OK  "])
        // The tests run beside the fork server SwiftPM built.
        #expect(verdicts(result.out, "pdf") == ["OK  "])
        #expect(result.out.contains("tizilim-pdftext reads PDFs, a fresh process for each"))
        #expect(result.out.contains("integrity ok"))
        #expect(result.out.contains("0 FAIL"))
    }

    @Test func aBrokenSiteFailsEachProblemWithAHint() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        chmod(scratch.path + "/tizilim.sqlite", 0o644)
        rmdir(scratch.path + "/maildir/tmp")
        let secret = scratch.write("smtp-password", "hunter2\n", mode: 0o644)
        let result = run("doctor", "--config", conf, "--offline", "--smtp-url", "smtp://127.0.0.1:1",
                         "--smtp-password-file", secret)
        #expect(result.status == 1)
        #expect(result.out.contains("FAIL  store           \(scratch.path)/tizilim.sqlite is open to everyone (mode 0644)"))
        #expect(result.out.contains("hint: chmod 0640 \(scratch.path)/tizilim.sqlite"))
        #expect(result.out.contains("FAIL  maildir         \(scratch.path)/maildir is not a Maildir: no tmp/"))
        #expect(result.out.contains("FAIL  smtp_password_file"))
        #expect(!result.out.contains("hunter2"), "a secret is never printed")
    }

    @Test func aConfigurationThatCannotBeReadIsOneFailure() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = scratch.write("tizilim.conf", "decisions = sometimes\n")
        let result = run("doctor", "--config", conf)
        #expect(result.status == 1)
        #expect(verdicts(result.out, "configuration") == ["FAIL"])
        #expect(result.out.contains("hint: tizilim config check"))
    }

    @Test func aBadCalendarFileFailsTheConfigurationCheck() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        scratch.write("calendar.txt", "2026-13-01 off\n")
        let result = run("doctor", "--config", conf)
        #expect(result.status == 1)
        #expect(verdicts(result.out, "configuration") == ["FAIL"])
        #expect(result.out.contains("calendar_file"))
    }

    @Test func anSMTPServerThatIsNotThereFailsWithAConnectionHint() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        let result = run("doctor", "--config", conf, "--smtp-url", "smtp://127.0.0.1:1")
        #expect(result.status == 1)
        #expect(verdicts(result.out, "smtp") == ["FAIL"])
        #expect(result.out.contains("is the server up and its port open"))
    }

    @Test func anIMAPServerThatIsNotThereFails() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        let secret = scratch.write("imap-password", "x\n", mode: 0o640)
        let result = run("doctor", "--config", conf, "--imap-url", "imap://127.0.0.1:1/INBOX",
                         "--imap-user", "volunteer", "--imap-password-file", secret)
        #expect(result.status == 1)
        #expect(verdicts(result.out, "imap") == ["FAIL"])
        #expect(verdicts(result.out, "imap_password_file") == ["OK  "])
    }
}

/// A real Dovecot on loopback from the test rig: the login is checked, the folder looked at,
/// and nothing fetched or marked.
@Suite(.dovecot) struct DoctorAgainstIMAP {
    @Test func anIMAPLoginAndFolderAreCheckedWithoutTakingMail() throws {
        let dovecot = try #require(DovecotServer.current)
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        try dovecot.client.append(Array("Subject: waiting\r\n\r\nbody\r\n".utf8), to: "INBOX")
        let good = scratch.write("imap-password", dovecot.password + "\n", mode: 0o640)
        let bad = scratch.write("wrong-password", "wrong\n", mode: 0o640)
        let site = ["--config", conf, "--imap-url", dovecot.url("INBOX"), "--imap-user", dovecot.user]

        let accepted = run(["doctor"] + site + ["--imap-password-file", good])
        #expect(verdicts(accepted.out, "imap") == ["OK  "], "\(accepted.out)")
        #expect(accepted.out.contains("folder INBOX (UIDVALIDITY"))
        let missingDone = run(["doctor"] + site + ["--imap-password-file", good, "--imap-done-folder", "Done"])
        #expect(verdicts(missingDone.out, "imap") == ["WARN"], "\(missingDone.out)")
        let refused = run(["doctor"] + site + ["--imap-password-file", bad])
        #expect(verdicts(refused.out, "imap") == ["FAIL"], "\(refused.out)")
        #expect(refused.out.contains("check imap_user and the password"))
        #expect(refused.status == 1)

        #expect(try dovecot.client.uids(in: "INBOX").count == 1, "the message is still there, not fetched or moved")
        #expect((try? dovecot.client.uidValidity(of: "Done")) == nil, "doctor looks for the done folder, it does not create it")
    }

}

/// A real SMTP server on loopback from the test rig: connected to, and nothing sent.
@Suite(.smtpServer) struct DoctorAgainstSMTP {
    @Test func anSMTPConnectionIsCheckedWithoutSendingAnything() throws {
        let server = try #require(SMTPServerProcess.current)
        let scratch = Scratch()
        defer { scratch.remove() }
        let conf = try goodSite(scratch)
        let result = run("doctor", "--config", conf, "--smtp-url", server.url)
        #expect(result.status == 0, "\(result.out)")
        #expect(verdicts(result.out, "smtp") == ["OK  "])
        #expect(result.out.contains("NOOP answered 250"))
        #expect(verdicts(result.out, "sent").isEmpty, "with smtp_url set the sent Maildir is not used")
        let received = (try? FileManager.default.contentsOfDirectory(atPath: server.outbox.path + "/messages")) ?? []
        #expect(received.filter { $0.hasSuffix(".eml") }.isEmpty)
    }
}

@Suite struct CalendarCoverageFindings {
    @Test func aYearBeyondTheBuiltInTablesIsAWarningNamingTheFix() {
        let year = (CalendarCoverage.builtInYears.max() ?? 2028) + 1
        let finding = CalendarCoverage.finding(year: year, overrides: .none)
        #expect(finding.verdict == .warn)
        #expect(finding.hint?.contains("calendar_file") == true)
    }

    @Test func anOverrideLineInTheYearCoversIt() throws {
        let year = (CalendarCoverage.builtInYears.max() ?? 2028) + 1
        let overrides = try CalendarOverrides(parsing: "\(year)-05-24 off  # Kurban Ait\n")
        #expect(CalendarCoverage.finding(year: year, overrides: overrides).verdict == .ok)
    }

    @Test func aBuiltInYearWithAnEstimatedKurbanAitIsOKButSaysSo() {
        let finding = CalendarCoverage.finding(year: 2027, overrides: .none)
        #expect(finding.verdict == .ok)
        #expect(finding.detail.contains("estimate"))
        #expect(CalendarCoverage.finding(year: 2026, overrides: .none).detail == "built-in")
    }
}
