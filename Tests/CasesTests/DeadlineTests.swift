import Dates
import Testing
@testable import Cases

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
private func at(_ iso: String, _ h: Int, _ m: Int, _ s: Int = 0) -> LocalDateTime {
    LocalDateTime(date: day(iso), hour: h, minute: m, second: s)
}

@Test func fiveBusinessDaysFromThursdayBeforeNauryz2026EndOn31March() {
    // Fri 20 (1); Sat 21–Wed 25 off; Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5).
    let cal = BusinessCalendar()
    #expect(cal.deadline(receivedAt: at("2026-03-19", 10, 0), businessDays: 5) == at("2026-03-31", 18, 0))
}

@Test func termOverNewYear2026SkipsHolidaysAndOrthodoxChristmas() {
    // Wed 31 Dec received; Thu 1 and Fri 2 Jan off, weekend, Mon 5 (1), Tue 6 (2), Wed 7 off, Thu 8 (3).
    let cal = BusinessCalendar()
    #expect(cal.deadline(receivedAt: at("2025-12-31", 17, 0), businessDays: 3) == at("2026-01-08", 18, 0))
}

@Test func lateMessageOnNewYearsEve2024IsReceivedOnTheWorkingSunday() {
    // 1–3 Jan 2025 are off (3 Jan by transfer), Sat 4 is a weekend, Sun 5 is worked.
    let cal = BusinessCalendar()
    let received = at("2024-12-31", 19, 0)
    #expect(cal.receiptDay(local: received) == day("2025-01-05"))
    #expect(cal.deadline(receivedAt: received, businessDays: 1) == at("2025-01-06", 18, 0))
    #expect(cal.deadline(receivedAt: received, businessDays: 2) == at("2025-01-08", 18, 0))
}

@Test func messageAt1801OnFridayIsReceivedOnMonday() {
    let cal = BusinessCalendar()
    #expect(cal.receiptDay(local: at("2026-03-13", 18, 1)) == day("2026-03-16"))
    #expect(cal.deadline(receivedAt: at("2026-03-13", 18, 1), businessDays: 1) == at("2026-03-17", 18, 0))
    #expect(cal.receiptDay(local: at("2026-03-13", 17, 59, 59)) == day("2026-03-13"))
}

@Test func closeOfWorkingHoursItselfAlreadyCountsAsAfterHours() {
    let cal = BusinessCalendar()
    #expect(cal.receiptDay(local: at("2026-03-12", 18, 0)) == day("2026-03-13"))
}

@Test func messageBeforeOpeningOnAWorkingDayIsReceivedThatDay() {
    let cal = BusinessCalendar()
    #expect(cal.receiptDay(local: at("2026-03-12", 6, 30)) == day("2026-03-12"))
}

@Test func messageOnAHolidayIsReceivedOnTheNextWorkingDay() {
    // Thu 7 May 2026 is Defender of the Fatherland Day; Mon 11 May carries over Sat 9 May.
    let cal = BusinessCalendar()
    let received = at("2026-05-07", 11, 0)
    #expect(cal.receiptDay(local: received) == day("2026-05-08"))
    #expect(cal.deadline(receivedAt: received, businessDays: 1) == at("2026-05-12", 18, 0))
    #expect(cal.receiptDay(local: at("2026-03-21", 12, 0)) == day("2026-03-26"))
}

@Test func zeroBusinessDaysEndsAtTheCloseOfTheReceiptDay() {
    let cal = BusinessCalendar()
    #expect(cal.deadline(receivedAt: at("2026-03-22", 9, 0), businessDays: 0) == at("2026-03-26", 18, 0))
}

@Test func configuredWorkingHoursMoveTheCutOffAndTheDeadlineClock() {
    let hours = WorkingHours(parsing: "09:00-17:30")!
    let cal = BusinessCalendar(workingHours: hours)
    #expect(cal.receiptDay(local: at("2026-03-12", 17, 45)) == day("2026-03-13"))
    #expect(cal.deadline(receivedAt: at("2026-03-12", 17, 0), businessDays: 1) == at("2026-03-13", 17, 30))
}

@Test func workingHoursParseAndRejectNonsense() {
    #expect(WorkingHours(parsing: "09:00-18:00") == .default)
    #expect(WorkingHours(parsing: " 8:30 – 17:00 ") == WorkingHours(startMinutes: 510, endMinutes: 1020))
    #expect(WorkingHours.default.description == "09:00-18:00")
    for bad in ["18:00-09:00", "09:00-09:00", "9-18", "09:00", "09:00-24:00", "09:60-18:00", "0900-1800", "09:00-18:00-19:00", ""] {
        #expect(WorkingHours(parsing: bad) == nil, "accepted \(bad)")
    }
}

@Test func utcSecondsConvertToAlmatyAtPlusFiveAndBack() {
    // 2026-03-19T05:00:00Z
    let t = LocalDateTime(utcSeconds: 1_773_896_400)
    #expect(t == at("2026-03-19", 10, 0))
    #expect(t.utcSeconds == 1_773_896_400)
    #expect(t.description == "2026-03-19T10:00:00+05:00")
    // 2024-02-29T23:30:00Z is already 1 March locally.
    #expect(LocalDateTime(utcSeconds: 1_709_249_400) == at("2024-03-01", 4, 30))
    for s in stride(from: Int64(-200_000), through: 2_000_000_000, by: 9_973_331) {
        #expect(LocalDateTime(utcSeconds: s).utcSeconds == s)
    }
    #expect(LocalDateTime(utcSeconds: -18_001) == at("1969-12-31", 23, 59, 59))
}

@Test func businessDaysBetweenInvertsAddingBusinessDays() {
    let cal = BusinessCalendar()
    var d = day("2023-12-20")
    while d < day("2027-01-15") {
        for n in [0, 1, 2, 3, 5, 10, 15, 30] {
            let end = cal.addingBusinessDays(n, to: d)
            #expect(cal.businessDays(from: d, to: end) == n, "\(d) + \(n)")
            if n > 0 {
                #expect(cal.isWorkingDay(end))
                #expect(cal.businessDays(from: d, to: end.adding(days: -1)) == n - 1)
            }
        }
        d = d.adding(days: 3)
    }
}

@Test func businessDaysCountsTheHalfOpenInterval() {
    let cal = BusinessCalendar()
    // (Thu 19 Mar, Tue 31 Mar 2026]: 20, 26, 27, 30, 31.
    #expect(cal.businessDays(from: day("2026-03-19"), to: day("2026-03-31")) == 5)
    #expect(cal.businessDays(from: day("2026-03-31"), to: day("2026-03-19")) == -5)
    #expect(cal.businessDays(from: day("2026-03-19"), to: day("2026-03-19")) == 0)
    // The whole of 2026: 365 days − 104 weekend days − 14 weekday days off.
    #expect(cal.businessDays(from: day("2025-12-31"), to: day("2026-12-31")) == 247)
}

@Test func negativeBusinessDaysCountBackwards() {
    let cal = BusinessCalendar()
    #expect(cal.addingBusinessDays(-1, to: day("2026-03-26")) == day("2026-03-20"))
    #expect(cal.addingBusinessDays(0, to: day("2026-03-21")) == day("2026-03-21"))
}
