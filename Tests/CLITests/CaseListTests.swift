import Foundation
import Testing
@testable import CLI

/// `tizilim cases` against the store the daemon built from the sample Maildir on 2 February 2026.
@Suite struct CaseList {
    let site = SampleSite.pristine

    /// The case lines of a table: those starting with a case number.
    func caseLines(_ out: String) -> [Substring] {
        out.split(separator: "\n").filter { $0.hasPrefix("VR-") }
    }

    @Test func casesAloneListsFlaggedCasesFirstThenReviewThenRefinement() {
        let result = site.run("cases", "--now", "2026-02-04T12:00", "--lang", "en")
        #expect(result.status == 0, "\(result.err)")
        let lines = caseLines(result.out)
        let ids = lines.map { String($0.prefix(14)) }
        // Flagged: the notice that bounced on an accepted case, the scans, the two applicants…
        #expect(ids.first == "VR-2026-000007" || ids.contains("VR-2026-000007"))
        #expect(ids.contains("VR-2026-000001"), "an accepted case whose notice bounced still needs a person")
        #expect(!ids.contains("VR-2026-000002"), "an accepted case without a flag needs nobody")
        // Refinements wait for the applicant: after every case waiting for staff.
        let refinements = ["VR-2026-000004", "VR-2026-000005", "VR-2026-000017", "VR-2026-000027"]
        let lastFlagged = ids.lastIndex(of: "VR-2026-000001")!
        for id in refinements {
            #expect(ids.firstIndex(of: id).map { $0 > lastFlagged } == true, "\(id) after the flagged cases")
        }
        #expect(result.out.contains("decided and closed ones: --all"))
    }

    @Test func theDefaultListIsTheSameAsCasesList() {
        let bare = site.run("cases", "--now", "2026-02-04T12:00")
        let list = site.run("cases", "list", "--now", "2026-02-04T12:00")
        #expect(bare.status == 0 && bare.out == list.out)
    }

    @Test func deadlinesAreShownAsDatesAndInBusinessDays() {
        let result = site.run("cases", "--now", "2026-02-04T12:00", "--lang", "en")
        // VR-2026-000004's refinement ends on Thursday 5 February at 18:00; under review, Monday 9th.
        #expect(result.out.contains("VR-2026-000004") && result.out.contains("05.02.2026"))
        #expect(result.out.contains("refinement: in 1 business day"))
        #expect(result.out.contains("review: in 3 business days"))
        let today = site.run("cases", "--now", "2026-02-05T09:30", "--lang", "en")
        #expect(today.out.contains("refinement: today, by 18:00"))
        let late = site.run("cases", "--now", "2026-02-10T10:00", "--lang", "en")
        #expect(late.out.contains("review: overdue by 1 business day"))
        #expect(late.out.contains("refinement: overdue by 3 business days"))
    }

    @Test func kazakhAndRussianTablesNameTheColumnsAndTermsInTheirLanguage() {
        let ru = site.run("cases", "--now", "2026-02-04T12:00", "--lang", "ru")
        #expect(ru.out.contains("ЗАЯВИТЕЛЬ"))
        #expect(ru.out.contains("срок доработки: остался 1 рабочий день"))
        #expect(ru.out.contains("срок рассмотрения: осталось 3 рабочих дня"))
        #expect(ru.out.contains("на доработке"))
        let ruLate = site.run("cases", "--now", "2026-02-16T10:00", "--lang", "ru")
        #expect(ruLate.out.contains("просрочен на 5 рабочих дней"))
        let kk = site.run("cases", "--now", "2026-02-04T12:00", "--lang", "kk")
        #expect(kk.out.contains("ӨТІНІШ БЕРУШІ"))
        #expect(kk.out.contains("пысықтау мерзімі: 1 жұмыс күні қалды"))
        #expect(kk.out.contains("қаралуда"))
        let kkLate = site.run("cases", "--now", "2026-02-10T10:00", "--lang", "kk")
        #expect(kkLate.out.contains("қарау мерзімі: өткеніне 1 жұмыс күні болды"))
    }

    @Test func everyLineFitsAnEightyColumnTerminalInEveryLanguage() {
        for language in ["kk", "ru", "en"] {
            let result = site.run("cases", "--all", "--now", "2026-02-10T10:00", "--lang", language)
            #expect(result.status == 0)
            #expect(caseLines(result.out).count == 28)
            for line in result.out.split(separator: "\n") {
                #expect(line.count <= 80, "\(language): \(line.count) columns: \(line)")
            }
        }
    }

    @Test func theApplicantIsNamedFromTheFormElseByAddress() {
        let result = site.run("cases", "--all", "--now", "2026-02-04T12:00")
        let dana = caseLines(result.out).first { $0.hasPrefix("VR-2026-000004") }
        #expect(dana?.contains("Оспанова Дана") == true)
        // A scan: nobody could be read, so the address stands in.
        let scan = caseLines(result.out).first { $0.hasPrefix("VR-2026-000007") }
        #expect(scan?.contains("nurlan.kassymov85@gm") == true)
    }

    @Test func filtersByKindStateFlagsAndDeadline() {
        let organisations = caseLines(site.run("cases", "--all", "--kind", "organization").out)
        #expect(!organisations.isEmpty)
        #expect(organisations.allSatisfy { $0.contains("organisation") })
        let refinements = caseLines(site.run("cases", "--state", "refinement-requested").out).map { String($0.prefix(14)) }
        #expect(refinements == ["VR-2026-000004", "VR-2026-000005", "VR-2026-000017", "VR-2026-000027"])
        let flagged = site.run("cases", "--flagged", "--json").out.split(separator: "\n").compactMap(jsonObject)
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { ($0["flags"] as? [String])?.isEmpty == false })
        let due = caseLines(site.run("cases", "--due-before", "2026-02-05").out).map { String($0.prefix(14)) }
        #expect(due.sorted() == refinements)
        let accepted = caseLines(site.run("cases", "--state", "accepted").out)
        #expect(accepted.count == 18, "a state asked for is listed even though decided")
    }

    @Test func searchFindsByNameIINAndAddressInAnyLetterCase() {
        let byName = caseLines(site.run("cases", "--search", "оспанова").out).map { String($0.prefix(14)) }
        #expect(byName == ["VR-2026-000004"])
        let byIIN = caseLines(site.run("cases", "--search", "030127610459").out).map { String($0.prefix(14)) }
        #expect(byIIN == ["VR-2026-000004"])
        let byAddress = caseLines(site.run("cases", "--search", "ERLAN.ZHUMABAEV88").out).map { String($0.prefix(14)) }
        #expect(byAddress == ["VR-2026-000002", "VR-2026-000019"], "decided cases are found by search too")
        #expect(site.run("cases", "--search", "nobody-at-all", "--lang", "en").out.contains("No cases."))
    }

    @Test func jsonKeepsTheOldKeysInOrderAndAddsTheApplicantAndTheTerm() throws {
        let result = site.run("cases", "--json", "--now", "2026-02-10T10:00")
        let lines = result.out.split(separator: "\n")
        #expect(!lines.isEmpty)
        let expected = ["id", "state", "intent", "kind", "language", "flags", "reviewDeadline", "refinementDeadline",
                        "missing", "replyTo", "openedAt", "updatedAt", "applicant", "deadline", "deadlineKind",
                        "businessDaysLeft", "overdue"]
        for line in lines { #expect(jsonKeys(line) == expected) }
        let dana = try #require(lines.compactMap(jsonObject).first { $0["id"] as? String == "VR-2026-000004" })
        #expect(dana["deadlineKind"] as? String == "refinement")
        #expect(dana["businessDaysLeft"] as? Int == -3)
        #expect(dana["overdue"] as? Bool == true)
        #expect((dana["applicant"] as? [String: Any])?["iin"] as? String == "030127610459")
    }

    @Test func badFiltersAreUsageErrors() {
        let kind = site.run("cases", "--kind", "person")
        #expect(kind.status == 64)
        #expect(kind.err.contains("volunteer, group, organization, coordinator, organizer"))
        #expect(site.run("cases", "--state", "open").status == 64)
        #expect(site.run("cases", "--now", "yesterday").status == 64)
        #expect(site.run("cases", "frobnicate").status == 64)
    }

    @Test func captureHasNoColourEscapes() {
        // Colour is for a terminal only; output captured (as in a pipe) must be plain.
        let result = site.run("cases", "--all", "--now", "2026-02-10T10:00")
        #expect(!result.out.contains("\u{1B}["))
        #expect(Ink(enabled: true).alert("late") == "\u{1B}[31mlate\u{1B}[0m")
        #expect(Ink(enabled: false).alert("late") == "late")
    }
}
