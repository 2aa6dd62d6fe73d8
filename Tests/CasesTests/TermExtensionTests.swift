import Dates
import Testing
@testable import Cases

// A running refinement term that a new day off extends is told to the applicant, once.

private func at(_ iso: String, _ h: Int, _ m: Int) -> LocalDateTime {
    LocalDateTime(date: CivilDate(iso: iso)!, hour: h, minute: m)
}

@Test func anExtendedRefinementTermQueuesOneTermExtendedNoticeWithTheNewDate() throws {
    let requested = at("2026-02-02", 10, 0)   // Monday: three business days end on Thursday 5 February
    let plain = BusinessCalendar()
    let announced = plain.deadline(receivedAt: requested, businessDays: 3)
    let snapshot = CaseSnapshot(state: .refinementRequested, refinementDeadline: announced, missing: ["iin"])
    let decree = BusinessCalendar(overrides: CalendarOverrides(entries: [.init(date: CivilDate(iso: "2026-02-04")!, kind: .off)]))
    let transition = try #require(CaseMachine.recountRefinement(snapshot, requestedAt: requested, at: at("2026-02-03", 9, 0),
                                                                policy: .auto, calendar: decree))
    let counted = try #require(transition.refinementDeadline)
    #expect(counted > announced)
    let notices = transition.effects.filter { if case .notice = $0 { return true } else { return false } }
    #expect(notices == [.notice(.termExtended, missing: [], deadline: counted, reason: nil)])
    // Counted again on the same calendar, the term is what was announced: nothing more to tell.
    var extended = snapshot
    extended.refinementDeadline = counted
    #expect(CaseMachine.recountRefinement(extended, requestedAt: requested, at: at("2026-02-03", 10, 0),
                                          policy: .auto, calendar: decree) == nil)
}
