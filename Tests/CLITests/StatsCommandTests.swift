import Dates
import Foundation
import Testing
@testable import CLI
import Cases

/// `tizilim stats` on the sample store, and the counting rules on hand-made histories.
@Suite struct Stats {
    let site = SampleSite.pristine

    @Test func countsByStateAndKindMatchTheCaseList() throws {
        let result = site.run("stats", "--json", "--now", "2026-02-04T12:00")
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(jsonObject(result.out.split(separator: "\n").first ?? ""))
        #expect(jsonKeys(result.out.split(separator: "\n")[0]) == ["since", "now", "cases", "byState", "byKind", "decisions",
                                                                 "staffDecisions", "medianMinutesToDecision",
                                                                 "medianBusinessDaysToDecision",
                                                                 "medianBusinessDaysToStaffDecision", "review", "refinement"])
        // 28: the letter of two siblings (Мухамеджанов Данияр and Айжан) is a case for each, both accepted.
        #expect(object["cases"] as? Int == 28)
        let states = try #require(object["byState"] as? [String: Int])
        #expect(states["accepted"] == 18 && states["under-review"] == 3 && states["refinement-requested"] == 4)
        #expect(states.values.reduce(0, +) == 28)
        #expect((object["byKind"] as? [String: Int])?.values.reduce(0, +) == 28)
        #expect(object["staffDecisions"] as? Int == 0)
        #expect(object["medianBusinessDaysToDecision"] as? Int == 0, "the daemon decides complete applications at once")
        let review = try #require(object["review"] as? [String: Int])
        #expect(review["running"] == 3 && review["overdue"] == 0 && review["missed"] == 0)
        let late = jsonObject(site.run("stats", "--json", "--now", "2026-02-10T10:00").out.split(separator: "\n")[0])
        #expect((late?["review"] as? [String: Int])?["overdue"] == 3, "three cases under review past 9 February (the sample .doc is read since issue 19, the siblings' letter is two accepted cases since issue 17)")
    }

    @Test func sinceCountsOnlyCasesOpenedFromThatDay() throws {
        let result = site.run("stats", "--json", "--since", "2026-02-03")
        #expect(jsonObject(result.out.split(separator: "\n")[0])?["cases"] as? Int == 0)
        #expect(site.run("stats", "--since", "3 Feb").status == 64)
    }

    @Test func theReportIsWrittenInTheOperatorsLanguage() {
        let en = site.run("stats", "--now", "2026-02-10T10:00", "--lang", "en").out
        #expect(en.contains("All cases: 28"))
        #expect(en.contains("Review term (5 business days, p. 10):"))
        #expect(en.contains("overdue 3"))
        let ru = site.run("stats", "--now", "2026-02-10T10:00", "--lang", "ru").out
        #expect(ru.contains("Все дела: 28") && ru.contains("просрочен 3"))
        let kk = site.run("stats", "--now", "2026-02-10T10:00", "--lang", "kk").out
        #expect(kk.contains("Барлық істер: 28") && kk.contains("өтіп кетті 3"))
        for text in [en, ru, kk] {
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }
    }

    @Test func anAnswerAfterTheFifthBusinessDayIsAMissedTerm() {
        let opened = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 2), hour: 10, minute: 0)
        let onTime = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 9), hour: 17, minute: 0)
        let late = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 10), hour: 9, minute: 0)
        func record(_ id: Int64, _ state: CaseState) -> CaseStatistics.Case {
            CaseStatistics.Case(id: id, openedAt: opened, state: state, kind: "volunteer")
        }
        let events: [Int64: [CaseEvent]] = [
            1: [CaseEvent(type: "opened", actor: "daemon", at: opened), CaseEvent(type: "accepted", actor: "aigul", at: onTime)],
            2: [CaseEvent(type: "opened", actor: "daemon", at: opened), CaseEvent(type: "refused", actor: "aigul", at: late, reason: "x")],
            3: [CaseEvent(type: "opened", actor: "daemon", at: opened),
                CaseEvent(type: "refinement-requested", actor: "daemon", at: opened),
                CaseEvent(type: "timer-fired", actor: "daemon", at: onTime, reason: "refinement-deadline"),
                CaseEvent(type: "refused", actor: "daemon", at: onTime)],
        ]
        let s = CaseStatistics([record(1, .accepted), record(2, .refused), record(3, .refused)], events: events, since: nil,
                               now: late, calendar: BusinessCalendar(), reviewDays: 5)
        #expect(s.reviewMet == 2 && s.reviewMissed == 1)
        #expect(s.refinementLapsed == 1 && s.refinementAnswered == 0)
        #expect(s.decisions == 3 && s.staffDecisions == 2)
        #expect(s.medianBusinessDaysToStaffDecision == 5)
        #expect(CaseStatistics.lowerMedian([4, 1, 3, 2]) == 2)
    }
}
