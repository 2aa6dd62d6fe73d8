import Dates
import Foundation
import Glibc
import Testing
@testable import CLI

/// The same applicant from two addresses: linked in `cases list` and `cases show`, merged and
/// split by staff with their login, each undoing the other; `doctor` checks every case holds one applicant.
@Suite struct CaseLinkCommands {
    static let form = "Прошу включить меня в реестр учета волонтерской деятельности (волонтер).\r\n"
        + "Даю согласие на сбор и обработку моих персональных данных.\r\n\r\nАнкета волонтера\r\n"
        + "ФИО: Ким Виктор Алексеевич\r\nГод рождения: 1967\r\nМесто жительства: г. Костанай\r\nИИН: 670509312900\r\n"
        + "Опыт волонтерской деятельности: с 2009 года в поисковом отряде.\r\nКонтакты: +7 714 555 22 31, vkim.kostanay@mail.ru\r\n"
        + "Виды деятельности: 5, 7\r\nРоль: 5) логист\r\nУдобное время: 1) отпуск/каникулы\r\n"

    static func letter(from: String, id: String) -> String {
        "From: Viktor Kim <\(from)>\r\nTo: volunteer@mki.gov.kz\r\nSubject: Анкета волонтера\r\n"
            + "Date: Mon, 02 Feb 2026 09:00:00 +0500\r\nMessage-ID: <\(id)>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + form
    }

    @Test func duplicatesAreShownMergedAndSplitWithTheStaffLoginAndDoctorFindsOneApplicantPerCase() throws {
        let site = SampleSite(folder: SampleSite.makeFolder())
        defer { site.remove() }
        for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp", "var"] { mkdir(site.folder + "/" + sub, 0o750) }
        for (n, (from, id)) in [("vkim.kostanay@mail.ru", "k1@mail.ru"), ("viktor.kim@gmail.com", "k2@gmail.com")].enumerated() {
            let path = site.folder + "/maildir/new/170000000\(n).M1P1.test"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.letter(from: from, id: id).utf8)))
            _ = system("touch -d '2026-02-02 0\(n + 8):00' '\(path)'")
        }
        let served = site.run("serve", "--once", "--now", "2026-02-02T10:00")
        #expect(served.status == 0, "\(served.err)")

        let list = site.run("cases", "list", "--lang", "en", "--now", "2026-02-02T11:00")
        #expect(list.out.contains("possible duplicate of VR-2026-000001"), "\(list.out)")
        let show = site.run("cases", "show", "VR-2026-000002", "--lang", "en", "--now", "2026-02-02T11:00")
        #expect(show.out.contains("possible duplicate of VR-2026-000001"), "\(show.out)")
        #expect(show.out.contains("duplicate-iin-bin") || show.out.contains("duplicate"), "flagged for staff")

        setenv("SUDO_USER", "a.nurlanova", 1)
        defer { unsetenv("SUDO_USER") }
        let merged = site.run("cases", "merge", "VR-2026-000001", "VR-2026-000002", "--lang", "en", "--now", "2026-02-02T12:00")
        #expect(merged.status == 0, "\(merged.err)")
        #expect(merged.out.contains("VR-2026-000002 merged into VR-2026-000001 (1 letter(s)) by a.nurlanova"))
        let closed = site.run("cases", "show", "VR-2026-000002", "--json", "--now", "2026-02-02T12:00")
        let object = try #require(jsonObject(closed.out.split(separator: "\n").first ?? ""))
        #expect(object["state"] as? String == "closed")
        let events = (object["events"] as? [[String: Any]] ?? []).map { ($0["type"] as? String ?? "", $0["actor"] as? String ?? "") }
        #expect(events.contains { $0 == ("merged-into", "a.nurlanova") })
        #expect((object["messages"] as? [Any])?.isEmpty == true)
        let kept = site.run("cases", "show", "VR-2026-000001", "--json", "--now", "2026-02-02T12:00")
        let keptObject = try #require(jsonObject(kept.out.split(separator: "\n").first ?? ""))
        #expect((keptObject["messages"] as? [Any])?.count == 2)

        // Undone by a split: the second letter goes out into a case of its own.
        let split = site.run("cases", "split", "VR-2026-000001", "2", "--lang", "en", "--now", "2026-02-02T13:00")
        #expect(split.status == 0, "\(split.err)")
        #expect(split.out.contains("split out into VR-2026-000003 by a.nurlanova"))
        let third = site.run("cases", "show", "VR-2026-000003", "--json", "--now", "2026-02-02T13:00")
        let thirdObject = try #require(jsonObject(third.out.split(separator: "\n").first ?? ""))
        #expect((thirdObject["messages"] as? [[String: Any]])?.first?["messageId"] as? String == "k2@gmail.com")
        #expect(thirdObject["state"] as? String == "under-review")
        let links = (thirdObject["links"] as? [[String: Any]] ?? []).map { $0["kind"] as? String }
        #expect(links.contains("split"))

        let doctor = site.run("doctor", "--offline")
        #expect(doctor.out.contains("every case names one applicant"), "\(doctor.out)")
    }
}
