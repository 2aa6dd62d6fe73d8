import Foundation
import Glibc
import Store
import Testing
@testable import CLI

/// `cases edit` and `cases reparse`: staff put right what was read, on a copy of the sample store.
@Suite struct CaseCorrections {
    let login = StaffDecisionCommand.login()

    func events(_ site: SampleSite, _ id: String) -> [[String: Any]] {
        let line = site.run("cases", "show", id, "--json").out.split(separator: "\n").first ?? ""
        return jsonObject(line)?["events"] as? [[String: Any]] ?? []
    }

    @Test func fieldsReadFromAScanAreEnteredByStaffAndTheRegisterUsesThem() throws {
        let site = SampleSite.copy()
        defer { site.remove() }
        let edit = site.run("cases", "edit", "VR-2026-000007", "kind=volunteer", "fullName=Қасымов Нұрлан Ерланұлы",
                            "iin=850312300012", "phone=8 701 555 01 01", "email=Nurlan.Kassymov85@gmail.com",
                            "activityTypes=1,6", "consent=yes", "--lang", "en")
        #expect(edit.status == 0, "\(edit.err)")
        #expect(edit.out.contains("VR-2026-000007: iin = 850312300012 (was: not read); staff-entered by \(login)"))
        #expect(edit.out.contains("phone = +77015550101"), "normalised as the parser would")
        let edited = events(site, "VR-2026-000007").filter { $0["type"] as? String == "field-edited" }
        #expect(edited.count == 7)
        #expect(edited.allSatisfy { $0["actor"] as? String == login })
        #expect(edited.contains { ($0["reason"] as? String)?.contains("fullName = Қасымов Нұрлан Ерланұлы, staff-entered") == true })

        let shown = site.run("cases", "show", "VR-2026-000007", "--lang", "en")
        #expect(shown.out.contains("850312300012 (staff-entered by \(login))"))
        #expect(!shown.out.contains("Missing: "), "what staff entered is no longer missing")

        let accept = site.run("cases", "accept", "VR-2026-000007")
        #expect(accept.status == 0, "\(accept.err)")
        let register = site.run("register", "show", "--search", "Қасымов")
        #expect(register.out.contains("Қасымов Нұрлан Ерланұлы"), "the register entry is made from the corrected fields")
        let listed = site.run("cases", "--search", "850312300012", "--state", "accepted")
        #expect(listed.out.contains("VR-2026-000007"), "the applicant is found by the IIN staff entered")
    }

    @Test func aCorrectionOfAnAcceptedCaseCorrectsItsRegisterEntry() {
        let site = SampleSite.copy()
        defer { site.remove() }
        let before = site.run("register", "show", "--search", "Ким").out
        #expect(before.contains("Ким Виктор"))
        let edit = site.run("cases", "edit", "VR-2026-000009", "fullName=Ким Виктор Алексеевич-Исправленный", "--lang", "en")
        #expect(edit.status == 0, "\(edit.err)")
        #expect(edit.out.contains("Register entry № "))
        #expect(site.run("register", "show", "--search", "Исправленный").out.contains("Ким Виктор Алексеевич-Исправленный"))
    }

    @Test func aWrongValueIsRefusedAndNothingChanges() {
        let site = SampleSite.copy()
        defer { site.remove() }
        let count = events(site, "VR-2026-000007").count
        let bad = site.run("cases", "edit", "VR-2026-000007", "fullName=Кто-то", "iin=850312300013")
        #expect(bad.status == 65)
        #expect(bad.err.contains("iin: the IIN check digit is wrong; nothing changed"))
        #expect(events(site, "VR-2026-000007").count == count, "not even the valid field is recorded")
        let unknown = site.run("cases", "edit", "VR-2026-000007", "shoeSize=42")
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("fields are kind, fullName"))
        #expect(site.run("cases", "edit", "VR-2026-000007", "programs=x").status == 65)
        #expect(site.run("cases", "edit", "VR-2026-000999", "iin=850312300012").status == 66)
    }

    @Test func reparseStoresTheNewReadingRecordsANoteAndSendsNothing() throws {
        let site = SampleSite.copy()
        defer { site.remove() }
        // An older parser that missed the IIN: the stored reading lacks it.
        let database = try Database(path: site.store)
        let row = try #require(try database.query("""
            SELECT m.id, m.application FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.human_id = 'VR-2026-000004'
            """).first)
        let old = try #require(row.text(1)).replacingOccurrences(of: "\"iin\":\"030127610459\",", with: "")
        try database.query("UPDATE messages SET application = ? WHERE id = ?", [.text(old), .int(row.int(0)!)])
        let notices = try database.query("SELECT count(*) FROM outbox").first?.int(0)

        let result = site.run("cases", "reparse", "VR-2026-000004", "--lang", "en")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("message 1: iin — → 030127610459"))
        #expect(result.out.contains("nothing decided, no notice queued"))
        let stored = try database.query("SELECT application FROM messages WHERE id = ?", [.int(row.int(0)!)]).first?.text(0)
        #expect(stored?.contains("\"iin\":\"030127610459\"") == true)
        #expect(try database.query("SELECT count(*) FROM outbox").first?.int(0) == notices)
        let last = try #require(events(site, "VR-2026-000004").last)
        #expect(last["type"] as? String == "note")
        #expect(last["actor"] as? String == login)
        #expect((last["reason"] as? String)?.contains("message 1: iin") == true)
        #expect(site.run("cases", "--state", "refinement-requested").out.contains("VR-2026-000004"), "the state is kept")

        let again = site.run("cases", "reparse", "VR-2026-000004", "--lang", "en")
        #expect(again.out.contains("message 1: no change"))
    }
}

@Suite(.serialized) struct StaffDecisionsOnSamples {
    @Test func aDecisionTheStateDoesNotAllowSaysWhyAndChangesNothing() {
        let site = SampleSite.copy()
        defer { site.remove() }
        let closed = site.run("cases", "accept", "VR-2026-000010")
        #expect(closed.status == 65)
        #expect(closed.err.contains("cannot accept a closed case; nothing changed"))
        let accepted = site.run("cases", "refine", "VR-2026-000002", "--missing", "iin")
        #expect(accepted.status == 65)
        #expect(accepted.err.contains("cannot request refinement of an accepted case"))
        let refuse = site.run("cases", "refuse", "VR-2026-000002", "--reason", "late")
        #expect(refuse.status == 65)
        #expect(site.run("cases", "--state", "accepted").out.contains("VR-2026-000002"))
    }

    @Test func aRussianOfficerReadsTheConfirmationInRussian() {
        let site = SampleSite.copy()
        defer { site.remove() }
        let result = site.run("cases", "accept", "VR-2026-000018", "--lang", "ru")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("VR-2026-000018: принято"))
        #expect(result.out.contains("уведомление в очереди: о включении в реестр"))
    }

    @Test func longTextsAreWrittenInTheEditorAndAnEmptyOneChangesNothing() throws {
        let site = SampleSite.copy()
        defer { site.remove() }
        let script = site.folder + "/editor.sh"
        _ = FileManager.default.createFile(atPath: script, contents: Data("""
        #!/bin/sh
        printf 'Анкета подписана не заявителем.\\n# this line is an instruction\\n' > "$1"

        """.utf8))
        chmod(script, 0o700)
        let empty = site.folder + "/empty.sh"
        _ = FileManager.default.createFile(atPath: empty, contents: Data("#!/bin/sh\n: > \"$1\"\n".utf8))
        chmod(empty, 0o700)
        unsetenv("VISUAL")
        setenv("EDITOR", empty, 1)
        let aborted = site.run("cases", "refuse", "VR-2026-000018", "--editor")
        #expect(aborted.status == 65)
        #expect(aborted.err.contains("empty; nothing changed"))
        setenv("EDITOR", script, 1)
        defer { unsetenv("EDITOR") }
        let refused = site.run("cases", "refuse", "VR-2026-000018", "--editor")
        #expect(refused.status == 0, "\(refused.err)")
        let shown = site.run("cases", "show", "VR-2026-000018", "--json").out
        let events = jsonObject(shown.split(separator: "\n").first ?? "")?["events"] as? [[String: Any]] ?? []
        let refusal = try #require(events.first { $0["type"] as? String == "refused" })
        #expect(refusal["reason"] as? String == "Анкета подписана не заявителем.")
    }
}
