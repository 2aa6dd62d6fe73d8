import Glibc
import TestRig
import Testing
@testable import CLI

/// A site folder with a Maildir holding one complete and one incomplete application.
private func site() -> String {
    let folder = temporaryFolder([:])
    for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp"] { mkdir(folder + "/" + sub, 0o700) }
    let complete = """
    From: Viktor Kim <vkim.kostanay@mail.ru>
    To: volunteer@mki.gov.kz
    Subject: Анкета волонтера
    Message-ID: <cli-1@mail.ru>
    Content-Type: text/plain; charset=utf-8


    """ + SampleApplication.volunteer
    let incomplete = complete.replacingOccurrences(of: "ИИН: 670509312900\n", with: "")
        .replacingOccurrences(of: "cli-1@mail.ru>", with: "cli-2@mail.ru>")
        .replacingOccurrences(of: "vkim.kostanay@mail.ru>", with: "other@mail.ru>")
    for (name, text) in [("1700000000.M1P1.test", complete), ("1700000001.M2P2.test", incomplete)] {
        let file = fopen(folder + "/maildir/new/" + name, "wb")!
        let bytes = Array(text.utf8)
        fwrite(bytes, 1, bytes.count, file)
        fclose(file)
    }
    return folder
}

private func flags(_ folder: String) -> [String] {
    ["--maildir", folder + "/maildir", "--store", folder + "/var/tizilim.sqlite", "--sent", folder + "/var/sent"]
}

@Suite(.serialized) struct ServeAndCases {
    @Test func serveOnceTakesTheMaildirAndCasesShowsTheResult() throws {
        let folder = site()
        defer { _ = system("rm -rf '\(folder)'") }
        let served = Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00"] + flags(folder), console: .capturing())
        #expect(served == 0)
        let console = Console.capturing()
        #expect(Tizilim.run(["cases", "list", "--json", "--all"] + flags(folder), console: console) == 0)
        let lines = console.out.split(separator: "\n")
        #expect(lines.count == 2)
        // The running case first: it may still need someone; the accepted one needs nobody.
        #expect(lines[0].contains("\"state\":\"refinement-requested\""))
        #expect(lines[0].contains("\"refinementDeadline\":\"2026-02-05T18:00:00+05:00\""))
        #expect(lines[1].contains("\"id\":\"VR-2026-000001\",\"state\":\"accepted\""))

        let due = Console.capturing()
        #expect(Tizilim.run(["cases", "list", "--due-before", "2026-02-05"] + flags(folder), console: due) == 0)
        #expect(due.out.contains("VR-2026-000002") && !due.out.contains("VR-2026-000001"))

        let shown = Console.capturing()
        #expect(Tizilim.run(["cases", "show", "VR-2026-000002", "--lang", "en"] + flags(folder), console: shown) == 0)
        #expect(shown.out.contains("refinement 05.02.2026 18:00"))
        #expect(shown.out.contains("daemon    refinement requested: iin"))
        #expect(shown.out.contains("refinement → other@mail.ru: sent"))

        // Replaying later: the lapse fires once, the refusal goes out once.
        let later = Console.capturing()
        #expect(Tizilim.run(["serve", "--once", "--now", "2026-02-06T09:00"] + flags(folder), console: later) == 0)
        #expect(later.out.contains("1 deadlines fired"))
        let refused = Console.capturing()
        #expect(Tizilim.run(["cases", "list", "--state", "refused"] + flags(folder), console: refused) == 0)
        #expect(refused.out.contains("VR-2026-000002"))
        var names = 0
        if let dir = opendir(folder + "/var/sent/new") {
            while let entry = readdir(dir) { if entry.pointee.d_name.0 != 46 { names += 1 } }
            closedir(dir)
        }
        #expect(names == 3)
    }

    @Test func casesWithoutAStoreSaysHowToMakeOne() {
        let result = run("cases", "list", "--store", "/nonexistent/tizilim.sqlite")
        #expect(result.status == 78)
        #expect(result.err.contains("tizilim serve"))
    }

    @Test func configCheckReadsTheCompletenessPolicyAndNamesItsBadLine() throws {
        let folder = temporaryFolder(["bad.txt": "# reasons\nvolunteer fullName\nvolunteer birthyear\n",
                                      "good.txt": "volunteer fullName\ngroup fullName\norganization bin\ncoordinator iin\norganizer iin\n"])
        defer { removeFolder(folder) }
        let bad = run("config", "check", "--required-fields-file", folder + "/bad.txt")
        #expect(bad.status == 78)
        #expect(bad.err.contains("required_fields_file = \(folder)/bad.txt: line 3: 'birthyear' is not a field"))
        let missing = run("config", "check", "--required-fields-file", folder + "/none.txt")
        #expect(missing.status == 78)
        #expect(missing.err.contains("cannot read the file"))
        let good = run("config", "check", "--required-fields-file", folder + "/good.txt")
        #expect(good.status == 0)
        #expect(good.out.contains("required_fields_file = \(folder)/good.txt"))
    }

    @Test func configCheckNamesTheBadKeyAndLine() throws {
        let folder = temporaryFolder(["bad.conf": "# site\nstore = /tmp/x.sqlite\ndecisions = sometimes\n",
                                      "typo.conf": "maildir = var/m\nsmtp_ulr = smtp://x\n",
                                      "good.conf": "decisions = review\nsmtp_password_file = /etc/tizilim/smtp.secret\n"])
        defer { removeFolder(folder) }
        let bad = run("config", "check", "--config", folder + "/bad.conf")
        #expect(bad.status == 78)
        #expect(bad.err.contains("decisions = sometimes (\(folder)/bad.conf:3)"))
        let typo = run("config", "check", "--config", folder + "/typo.conf")
        #expect(typo.err.contains("typo.conf:2: unknown key 'smtp_ulr'"))
        let good = run("config", "check", "--config", folder + "/good.conf", "--from", "reg@mki.gov.kz")
        // The password file does not exist: named, and refused before the daemon would need it.
        #expect(good.status == 78)
        #expect(good.err.contains("smtp_password_file"))
        let fine = run("config", "check", "--config", folder + "/bad.conf", "--decisions", "review")
        #expect(fine.status == 0)
        #expect(fine.out.contains("decisions = review  # --decisions"))
        #expect(fine.out.contains("store = /tmp/x.sqlite  # \(folder)/bad.conf:2"))
    }
}

@Suite(.serialized) struct StaffDecisions {
    @Test func staffAcceptARefinementCaseAndTheirLoginIsInTheHistory() throws {
        let folder = site()
        defer { _ = system("rm -rf '\(folder)'") }
        #expect(Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00"] + flags(folder), console: .capturing()) == 0)
        let accept = Console.capturing()
        #expect(Tizilim.run(["cases", "accept", "vr-2026-000002"] + flags(folder), console: accept) == 0)
        #expect(accept.out.contains("VR-2026-000002: accepted by \(StaffDecisionCommand.login()); now accepted; notice queued: acceptance"))
        let again = Console.capturing()
        #expect(Tizilim.run(["cases", "accept", "VR-2026-000002"] + flags(folder), console: again) == 65)
        #expect(again.err.contains("cannot accept an accepted case; nothing changed"))
        let note = Console.capturing()
        #expect(Tizilim.run(["cases", "note", "VR-2026-000002", "called", "the", "applicant"] + flags(folder), console: note) == 0)
        let shown = Console.capturing()
        #expect(Tizilim.run(["cases", "show", "VR-2026-000002", "--json"] + flags(folder), console: shown) == 0)
        #expect(shown.out.contains("\"actor\":\"\(StaffDecisionCommand.login())\",\"type\":\"note\",\"reason\":\"called the applicant\""))
        let missing = Console.capturing()
        #expect(Tizilim.run(["cases", "refuse", "VR-2026-000001"] + flags(folder), console: missing) == 64)
        let unknown = Console.capturing()
        #expect(Tizilim.run(["cases", "unflag", "VR-2026-000099"] + flags(folder), console: unknown) == 66)
    }
}

@Suite(.serialized) struct StaffRefusalsInTheOperatorsLanguage {
    @Test func aRefusedDecisionIsExplainedInRussianAndKazakh() throws {
        let folder = site()
        defer { _ = system("rm -rf '\(folder)'") }
        #expect(Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00"] + flags(folder), console: .capturing()) == 0)
        let ru = Console.capturing()
        #expect(Tizilim.run(["cases", "accept", "VR-2026-000001", "--lang", "ru"] + flags(folder), console: ru) == 65)
        #expect(ru.err.contains("нельзя принять дело в состоянии"))
        #expect(ru.err.contains("ничего не изменено"))
        let kk = Console.capturing()
        #expect(Tizilim.run(["cases", "unflag", "VR-2026-000001", "--lang", "kk"] + flags(folder), console: kk) == 65)
        #expect(kk.err.contains("істе белгі жоқ"))
        let en = Console.capturing()
        #expect(Tizilim.run(["cases", "accept", "VR-2026-000001", "--lang", "en"] + flags(folder), console: en) == 65)
        #expect(en.err.contains("cannot accept an accepted case; nothing changed"))
    }
}
