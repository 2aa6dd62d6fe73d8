import Dates
import Testing
@testable import Cases

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

@Test func overrideFileAddsAndRemovesDaysOff() throws {
    let file = """
        # corrections for 2026–2027

        2027-01-05 off   # order of the labour ministry (example)
        2027-01-09 work  # working Saturday
        2026-12-16 work
        \t
        """
    let overrides = try CalendarOverrides(parsing: file)
    #expect(overrides.entries.count == 3)
    let cal = BusinessCalendar(overrides: overrides)
    #expect(!cal.isWorkingDay(day("2027-01-05")))
    #expect(cal.reason(day("2027-01-05")) == "override (line 3): order of the labour ministry (example)")
    #expect(cal.isWorkingDay(day("2027-01-09")))
    #expect(cal.status(day("2027-01-09")).reason == "override (line 4): working Saturday")
    #expect(cal.isWorkingDay(day("2026-12-16")))
    #expect(!BusinessCalendar().isWorkingDay(day("2026-12-16")))
}

@Test func overridesChangeDeadlines() throws {
    let cal = BusinessCalendar(overrides: try CalendarOverrides(parsing: "2026-03-20 off # emergency\n2026-03-25 work"))
    // Thu 19 received; Fri 20 now off; Wed 25 worked (1), Thu 26 (2).
    let received = LocalDateTime(date: day("2026-03-19"), hour: 10, minute: 0)
    #expect(cal.deadline(receivedAt: received, businessDays: 2) == LocalDateTime(date: day("2026-03-26"), hour: 18, minute: 0))
}

@Test func overrideErrorsNameTheirLineNumbers() {
    let file = """
        2027-01-04 off
        2027-02-30 off
        2027-01-05 holiday
        2027-01-06
        # fine

        2027-01-04 work # contradicts line 1
        2027-01-04 OFF  # same as line 1, harmless
        """
    let (overrides, errors) = CalendarOverrides.parse(file)
    #expect(errors.map(\.line) == [2, 3, 4, 7])
    #expect(errors[0].description == "line 2: not a valid date \"2027-02-30\" (expected YYYY-MM-DD)")
    #expect(errors[1].message.contains("expected off or work"))
    #expect(errors[3].message == "2027-01-04 is off on line 1 and work here")
    #expect(overrides[day("2027-01-04")]?.kind == .off)
    #expect(throws: CalendarOverrides.FileError.self) { try CalendarOverrides(parsing: file) }
}

@Test func windowsLineEndingsCountLinesLikeUnix() {
    let (_, errors) = CalendarOverrides.parse("2027-01-04 off\r\n\r\nbad line\r\n")
    #expect(errors.map(\.line) == [3])
}

@Test func iCalendarAllDayEventsBecomeOverrideLinesWithMultiDayRanges() {
    let feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270107\r\n"
        + "SUMMARY:Extra days off\\, by order\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270315\r\nSUMMARY:Конституция күні\r\n"
        + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nSUMMARY:not this one\r\nTRIGGER:-P1D\r\nEND:VALARM\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270601\r\nDURATION:P2D\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n"
    let (lines, errors) = CalendarOverrides.fromICalendar(feed)
    #expect(errors.isEmpty)
    #expect(lines == [
        "2027-01-04 off  # Extra days off, by order",
        "2027-01-05 off  # Extra days off, by order",
        "2027-01-06 off  # Extra days off, by order",
        "2027-03-15 off  # Конституция күні",
        "2027-06-01 off",
        "2027-06-02 off",
    ])
    // What the importer writes, the override parser reads back.
    let (overrides, parseErrors) = CalendarOverrides.parse(lines.joined(separator: "\n"))
    #expect(parseErrors.isEmpty)
    #expect(overrides.entries.count == 6)
}

@Test func iCalendarUnfoldsLinesEvenInsideAMultiByteCharacter() {
    // "Наурыз" folded after the first byte of "у" (D1 83), as a 75-octet folder may do.
    var bytes = Array("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:\r\n 20270322\r\nSUMMARY:На".utf8)
    bytes += [0xD1, 0x0D, 0x0A, 0x20, 0x83]
    bytes += Array("рыз\r\n\tмейрамы\r\nEND:VEVENT\r\n".utf8)
    let (lines, errors) = CalendarOverrides.fromICalendar(utf8: bytes)
    #expect(errors.isEmpty)
    #expect(lines == ["2027-03-22 off  # Наурызмейрамы"])
}

@Test func iCalendarFoldingWithBareLineFeedsInAStringFeed() {
    let feed = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270\n 104\nSUMMARY:A long\n  summary\nEND:VEVENT\n"
    let (lines, errors) = CalendarOverrides.fromICalendar(feed)
    #expect(errors.isEmpty)
    #expect(lines == ["2027-01-04 off  # A long summary"])
}

@Test func iCalendarReportsEventsItCannotImportWithTheirLines() {
    let feed = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DTSTART:20270104T090000Z
        SUMMARY:Meeting
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270101
        RRULE:FREQ=YEARLY
        SUMMARY:New Year
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270110
        DTEND;VALUE=DATE:20270110
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270201
        STATUS:CANCELLED
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270301
        DTEND;VALUE=DATE:20280301
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270230
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270401
        SUMMARY:kept
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270501
        END:VCALENDAR
        """
    let (lines, errors) = CalendarOverrides.fromICalendar(feed)
    #expect(lines == ["2027-04-01 off  # kept"])
    #expect(errors.map(\.line) == [3, 6, 11, 15, 19, 24, 30])
    #expect(errors[0].message.contains("not all-day"))
    #expect(errors[1].message.contains("RRULE"))
    #expect(errors[2].message.contains("ends before it starts"))
    #expect(errors[3].message.contains("cancelled"))
    #expect(errors[4].message.contains("366 days"))
    #expect(errors[5].message.contains("invalid DTSTART"))
    #expect(errors[6].message.contains("not closed"))
}

@Test func iCalendarSameDayFromTwoEventsJoinsTheirSummaries() {
    let feed = """
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270104
        SUMMARY:A
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20270104
        SUMMARY:B
        END:VEVENT
        """
    #expect(CalendarOverrides.fromICalendar(feed).lines == ["2027-01-04 off  # A; B"])
}
