import Dates
import Testing
@testable import Cases

private func at(_ iso: String, _ h: Int, _ m: Int, _ s: Int = 0) -> LocalDateTime {
    LocalDateTime(date: CivilDate(iso: iso)!, hour: h, minute: m, second: s)
}

@Test func eightBusinessHoursBeforeTheCloseIsTenInTheMorningOfTheSameDay() {
    let cal = BusinessCalendar()
    #expect(cal.subtractingBusinessHours(8, from: at("2026-02-10", 18, 0)) == at("2026-02-10", 10, 0))
}

@Test func businessHoursSkipTheWeekend() {
    // Mon 9 Feb 2026 10:00: one hour back to the opening, seven more from Friday's close.
    let cal = BusinessCalendar()
    #expect(cal.subtractingBusinessHours(8, from: at("2026-02-09", 10, 0)) == at("2026-02-06", 11, 0))
    #expect(cal.subtractingBusinessHours(12, from: at("2026-02-09", 18, 0)) == at("2026-02-06", 15, 0))
}

@Test func anExactFitEndsAtTheOpeningNotAtThePreviousClose() {
    let cal = BusinessCalendar()
    #expect(cal.subtractingBusinessHours(9, from: at("2026-02-10", 18, 0)) == at("2026-02-10", 9, 0))
    #expect(cal.subtractingBusinessHours(10, from: at("2026-02-10", 18, 0)) == at("2026-02-09", 17, 0))
    #expect(cal.subtractingBusinessHours(18, from: at("2026-02-10", 18, 0)) == at("2026-02-09", 9, 0))
}

@Test func startingOutsideWorkingTimeCountsFromTheLastClose() {
    let cal = BusinessCalendar()
    #expect(cal.subtractingBusinessHours(1, from: at("2026-02-07", 12, 0)) == at("2026-02-06", 17, 0), "Saturday")
    #expect(cal.subtractingBusinessHours(1, from: at("2026-02-10", 20, 0)) == at("2026-02-10", 17, 0), "evening")
    #expect(cal.subtractingBusinessHours(1, from: at("2026-02-10", 7, 0)) == at("2026-02-09", 17, 0), "early morning")
}

@Test func businessHoursSkipNauryz2026AndNewYear() {
    let cal = BusinessCalendar()
    // Sat 21 – Wed 25 March 2026 are off.
    #expect(cal.subtractingBusinessHours(8, from: at("2026-03-26", 10, 0)) == at("2026-03-20", 11, 0))
    // 1–2 January, the weekend: Mon 5 Jan 2026 reaches back to Wed 31 Dec 2025.
    #expect(cal.subtractingBusinessHours(8, from: at("2026-01-05", 10, 0)) == at("2025-12-31", 11, 0))
}

@Test func configuredHoursAndSecondsAreRespected() {
    let cal = BusinessCalendar(workingHours: WorkingHours(parsing: "09:00-17:30")!)
    #expect(cal.subtractingBusinessHours(1, from: at("2026-02-10", 17, 30)) == at("2026-02-10", 16, 30))
    #expect(cal.subtractingBusinessHours(1, from: at("2026-02-10", 9, 0, 30)) == at("2026-02-09", 16, 30, 30))
}

@Test func zeroOrNegativeHoursLeaveTheTimeAlone() {
    let cal = BusinessCalendar()
    #expect(cal.subtractingBusinessHours(0, from: at("2026-02-07", 12, 0)) == at("2026-02-07", 12, 0))
    #expect(cal.subtractingBusinessHours(-3, from: at("2026-02-10", 12, 0)) == at("2026-02-10", 12, 0))
}
