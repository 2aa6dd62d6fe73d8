import Dates
import Testing
@testable import Cases

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// Every day off of 2024–2026 that is not an ordinary weekend, worked out by hand from
/// domain.md; the weekday column was checked against a printed calendar.
/// Weekend holidays are listed separately with the day they carry over to.
private let weekdayDaysOff: [(date: String, weekday: String, kind: DayOff.Kind)] = [
    // 2024
    ("2024-01-01", "Mon", .publicHoliday),   // New Year
    ("2024-01-02", "Tue", .publicHoliday),
    ("2024-03-08", "Fri", .publicHoliday),   // 7 Jan is a Sunday: religious, no carry-over
    ("2024-03-21", "Thu", .publicHoliday),   // Nauryz
    ("2024-03-22", "Fri", .publicHoliday),
    ("2024-03-25", "Mon", .carryOver),       // of Sat 23 March
    ("2024-05-01", "Wed", .publicHoliday),
    ("2024-05-07", "Tue", .publicHoliday),
    ("2024-05-08", "Wed", .transfer),        // for working Sat 4 May
    ("2024-05-09", "Thu", .publicHoliday),   // 16 June Kurban Ait is a Sunday: no carry-over
    ("2024-07-08", "Mon", .carryOver),       // of Sat 6 July
    ("2024-08-30", "Fri", .publicHoliday),
    ("2024-10-25", "Fri", .publicHoliday),
    ("2024-12-16", "Mon", .publicHoliday),
    // 2025
    ("2025-01-01", "Wed", .publicHoliday),
    ("2025-01-02", "Thu", .publicHoliday),
    ("2025-01-03", "Fri", .transfer),        // for working Sun 5 January
    ("2025-01-07", "Tue", .religious),
    ("2025-03-10", "Mon", .carryOver),       // of Sat 8 March
    ("2025-03-21", "Fri", .publicHoliday),
    ("2025-03-24", "Mon", .carryOver),       // of Sat 22 March
    ("2025-03-25", "Tue", .carryOver),       // of Sun 23 March
    ("2025-05-01", "Thu", .publicHoliday),
    ("2025-05-07", "Wed", .publicHoliday),
    ("2025-05-09", "Fri", .publicHoliday),
    ("2025-06-06", "Fri", .religious),       // Kurban Ait
    ("2025-07-07", "Mon", .carryOver),       // of Sun 6 July
    ("2025-09-01", "Mon", .carryOver),       // of Sat 30 August
    ("2025-10-27", "Mon", .carryOver),       // of Sat 25 October
    ("2025-12-16", "Tue", .publicHoliday),
    // 2026
    ("2026-01-01", "Thu", .publicHoliday),
    ("2026-01-02", "Fri", .publicHoliday),
    ("2026-01-07", "Wed", .religious),
    ("2026-03-09", "Mon", .carryOver),       // of Sun 8 March
    ("2026-03-23", "Mon", .publicHoliday),   // Nauryz, Sat 21–Mon 23
    ("2026-03-24", "Tue", .carryOver),       // of Sat 21 March
    ("2026-03-25", "Wed", .carryOver),       // of Sun 22 March
    ("2026-05-01", "Fri", .publicHoliday),
    ("2026-05-07", "Thu", .publicHoliday),
    ("2026-05-11", "Mon", .carryOver),       // of Sat 9 May
    ("2026-05-27", "Wed", .religious),       // Kurban Ait
    ("2026-07-06", "Mon", .publicHoliday),   // 30 August 2026 (Sun) is no longer a holiday
    ("2026-10-26", "Mon", .carryOver),       // of Sun 25 October
    ("2026-12-16", "Wed", .publicHoliday),
]

/// Holidays on a Saturday or Sunday and where each one's day off went (nil: religious, none).
private let weekendHolidays: [(date: String, weekday: String, carriedTo: String?)] = [
    ("2024-01-07", "Sun", nil),
    ("2024-03-23", "Sat", "2024-03-25"),
    ("2024-06-16", "Sun", nil),
    ("2024-07-06", "Sat", "2024-07-08"),
    ("2025-03-08", "Sat", "2025-03-10"),
    ("2025-03-22", "Sat", "2025-03-24"),
    ("2025-03-23", "Sun", "2025-03-25"),
    ("2025-07-06", "Sun", "2025-07-07"),
    ("2025-08-30", "Sat", "2025-09-01"),
    ("2025-10-25", "Sat", "2025-10-27"),
    ("2026-03-08", "Sun", "2026-03-09"),
    ("2026-03-21", "Sat", "2026-03-24"),
    ("2026-03-22", "Sun", "2026-03-25"),
    ("2026-05-09", "Sat", "2026-05-11"),
    ("2026-10-25", "Sun", "2026-10-26"),
]

private let workedWeekendDays: [(date: String, weekday: String)] = [
    ("2024-05-04", "Sat"),
    ("2025-01-05", "Sun"),
]

@Test func handTableWeekdaysAreTheRealWeekdays() {
    for row in weekdayDaysOff { #expect(day(row.date).weekdayName == row.weekday, "\(row.date)") }
    for row in weekendHolidays { #expect(day(row.date).weekdayName == row.weekday, "\(row.date)") }
    for row in workedWeekendDays { #expect(day(row.date).weekdayName == row.weekday, "\(row.date)") }
}

@Test func everyDayOf2024To2026MatchesTheHandTable() {
    let cal = BusinessCalendar()
    let offWeekdays = Set(weekdayDaysOff.map { day($0.date) })
    let worked = Set(workedWeekendDays.map { day($0.date) })
    var d = day("2024-01-01")
    var nonWorking = 0
    while d.year <= 2026 {
        let expectedWorking = d.isWeekend ? worked.contains(d) : !offWeekdays.contains(d)
        #expect(cal.isWorkingDay(d) == expectedWorking, "\(d.weekdayName) \(d): \(cal.reason(d) ?? "working")")
        if !expectedWorking { nonWorking += 1 }
        d = d.adding(days: 1)
    }
    // 2024 has 104 weekend days, 2025 and 2026 104 each; minus 2 worked, plus 44 weekday days off.
    #expect(nonWorking == 104 * 3 - 2 + 44)
}

@Test func daysOffCarryTheKindOfRuleThatMadeThem() {
    for row in weekdayDaysOff {
        let off = HolidayRules.daysOff(in: day(row.date).year)[day(row.date)]
        #expect(off?.kind == row.kind, "\(row.date)")
    }
}

@Test func weekendHolidaysNameTheDayTheyCarryOverTo() {
    let cal = BusinessCalendar()
    for row in weekendHolidays {
        let reason = cal.reason(day(row.date)) ?? ""
        if let target = row.carriedTo {
            #expect(reason.contains("carried over to \(day(target).weekdayName) \(target)"), "\(row.date): \(reason)")
        } else {
            #expect(reason.contains("do not carry over"), "\(row.date): \(reason)")
        }
    }
}

@Test func nauryz2026ReasonsReadForCalendarShow() {
    let cal = BusinessCalendar()
    #expect(cal.reason(day("2026-03-21")) == "Наурыз мейрамы / Nauryz (Saturday; carried over to Tue 2026-03-24)")
    #expect(cal.reason(day("2026-03-23")) == "Наурыз мейрамы / Nauryz")
    #expect(cal.reason(day("2026-03-24")) == "carry-over of 21 March (Наурыз мейрамы / Nauryz)")
    #expect(cal.reason(day("2026-03-25")) == "carry-over of 22 March (Наурыз мейрамы / Nauryz)")
    #expect(cal.reason(day("2026-03-28")) == "weekend (Saturday)")
    #expect(cal.reason(day("2026-03-26")) == nil)
}

@Test func transferredDaysExplainThemselves() {
    let cal = BusinessCalendar()
    #expect(cal.isWorkingDay(day("2025-01-05")))
    #expect(cal.reason(day("2025-01-05")) == nil)
    #expect(cal.status(day("2025-01-05")).reason?.hasPrefix("transfer: working day") == true)
    #expect(cal.reason(day("2024-05-08"))?.hasPrefix("transfer: day off for working Sat 2024-05-04") == true)
}

@Test func constitutionDayMovesTo15MarchFrom2027AndAugust2026IsOrdinary() {
    let cal = BusinessCalendar()
    #expect(cal.reason(day("2025-08-30"))?.hasPrefix("Конституция күні / Constitution Day") == true)
    #expect(cal.reason(day("2026-08-30")) == "weekend (Sunday)")
    #expect(cal.isWorkingDay(day("2026-08-31")))
    #expect(!cal.isWorkingDay(day("2027-03-15")))
    #expect(cal.reason(day("2027-03-15")) == "Конституция күні / Constitution Day")
    #expect(cal.isWorkingDay(day("2027-08-30")))
    #expect(cal.isWorkingDay(day("2026-03-16")))
}

@Test func estimatedKurbanAitIsMarkedAsAnEstimate() {
    let cal = BusinessCalendar()
    #expect(cal.reason(day("2027-05-16"))?.contains("estimated") == true)
    #expect(cal.reason(day("2028-05-05"))?.contains("estimated") == true)
    #expect(cal.reason(day("2026-05-27"))?.contains("estimated") == false)
    #expect(cal.isWorkingDay(day("2028-05-05")) == false)
}

@Test func newYear2027OnFridaySaturdayCarriesTheSaturdayToMonday() {
    let cal = BusinessCalendar()
    #expect(!cal.isWorkingDay(day("2027-01-01")))
    #expect(!cal.isWorkingDay(day("2027-01-04")))
    #expect(cal.reason(day("2027-01-04")) == "carry-over of 2 January (Жаңа жыл / New Year)")
    #expect(cal.isWorkingDay(day("2027-01-05")))
    #expect(!cal.isWorkingDay(day("2027-01-07")))
}

@Test func independenceDayWasTwoDaysUntil2021() {
    let cal = BusinessCalendar()
    #expect(!cal.isWorkingDay(day("2021-12-17")))
    #expect(cal.isWorkingDay(day("2024-12-17")))
}
