import Dates
import Testing
@testable import Cases

@Test func isoDatesRoundTripThroughTheirDescription() {
    let d = CivilDate(iso: "2026-03-21")
    #expect(d == CivilDate(year: 2026, month: 3, day: 21))
    #expect(d?.description == "2026-03-21")
    #expect(CivilDate(year: 7, month: 1, day: 2).description == "0007-01-02")
}

@Test func malformedOrImpossibleIsoDatesAreRejected() {
    for text in ["2026-3-21", "2026-02-29", "2024-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
                 "20260321", "2026/03/21", " 2026-03-21", "2026-03-21x", "２０２６-03-21", ""] {
        #expect(CivilDate(iso: text) == nil, "accepted \(text)")
    }
    #expect(CivilDate(iso: "2024-02-29") != nil)
    #expect(CivilDate(iso: "2000-02-29") != nil)
    #expect(CivilDate(iso: "1900-02-29") == nil)
}

@Test func daysSinceEpochMatchesKnownAnchorsAndInvertsOverFourCenturies() {
    #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
    #expect(CivilDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
    // 2026-03-19T00:00Z is 1773878400 s after the epoch.
    #expect(CivilDate(year: 2026, month: 3, day: 19).daysSinceEpoch == 1_773_878_400 / 86_400)
    var previous = CivilDate(daysSinceEpoch: -146_097 - 1)
    for z in -146_097...146_097 {
        let d = CivilDate(daysSinceEpoch: z)
        #expect(d.daysSinceEpoch == z)
        #expect(previous < d)
        previous = d
    }
}

@Test func weekdayIsIsoWithMondayOneAndSundaySeven() {
    #expect(CivilDate(year: 1970, month: 1, day: 1).weekday == 4)
    #expect(CivilDate(year: 2024, month: 1, day: 1).weekday == 1)
    #expect(CivilDate(year: 2026, month: 3, day: 21).weekday == 6)
    #expect(CivilDate(year: 2026, month: 3, day: 22).weekday == 7)
    #expect(CivilDate(year: 1969, month: 12, day: 28).weekday == 7)
    #expect(CivilDate(year: 1600, month: 1, day: 1).weekday == 6)
}

@Test func addingDaysCrossesMonthYearAndLeapBoundaries() {
    let d = CivilDate(year: 2024, month: 2, day: 28)
    #expect(d.adding(days: 1) == CivilDate(year: 2024, month: 2, day: 29))
    #expect(d.adding(days: 2) == CivilDate(year: 2024, month: 3, day: 1))
    #expect(CivilDate(year: 2025, month: 12, day: 31).adding(days: 1) == CivilDate(year: 2026, month: 1, day: 1))
    #expect(CivilDate(year: 2026, month: 1, day: 1).adding(days: -1) == CivilDate(year: 2025, month: 12, day: 31))
    #expect(CivilDate(year: 2026, month: 1, day: 1).adding(days: 365) == CivilDate(year: 2027, month: 1, day: 1))
}
