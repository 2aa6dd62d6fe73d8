import Glibc
import Testing
@testable import CLI

@Suite struct CalendarCommands {
    @Test func showMarksNauryzAndItsCarryOver() {
        let (status, out, _) = run("calendar", "show", "2026-03")
        #expect(status == 0)
        #expect(out.contains(" 23*"))
        #expect(out.contains(" 25*"))
        #expect(out.contains(" 26 "))
        #expect(out.contains("24.03 Tue  carry-over of 21 March"))
        #expect(!out.contains("weekend (Saturday)"))
    }

    @Test func showMarksAWorkingSaturday() {
        let (_, out, _) = run("calendar", "show", "2024-05")
        #expect(out.contains("  4+"))
        #expect(out.contains("08.05 Wed  transfer"))
    }

    @Test func addCountsFromTheNextWorkingDayAfterHours() {
        let (status, out, _) = run("calendar", "add", "2025-12-31T19:00", "3")
        #expect(status == 0)
        #expect(out.contains("counts as received on 05.01.2026 Mon"))
        #expect(out.contains("day 3:     09.01.2026 Fri, deadline 18:00 (2026-01-09T18:00:00+05:00)"))
    }

    @Test func addAcrossNauryz() {
        let (_, out, _) = run("calendar", "add", "2026-03-19T10:00", "5")
        #expect(out.contains("31.03.2026 Tue, deadline 18:00"))
    }

    @Test func addConvertsAnOffsetToAlmatyTime() {
        // 13:30 UTC is 18:30 in Almaty: after hours, so the term starts from Monday.
        let (_, out, _) = run("calendar", "add", "2026-03-20T13:30:00Z", "1")
        #expect(out.contains("counts as received on 26.03.2026 Thu"))
        #expect(out.contains("day 1:     27.03.2026 Fri"))
    }

    @Test func betweenCountsBusinessDays() {
        #expect(run("calendar", "between", "2026-03-19", "2026-03-31").out == "5\n")
    }

    @Test func overrideFileChangesTheCount() {
        let folder = temporaryFolder(["cal.txt": "2026-03-20 off  # order of the ministry\n"])
        defer { removeFolder(folder) }
        #expect(run("calendar", "between", "2026-03-19", "2026-03-31", "--calendar-file", folder + "/cal.txt").out == "4\n")
    }

    @Test func badOverrideLineIsAConfigurationErrorNamingTheLine() {
        let folder = temporaryFolder(["cal.txt": "2026-03-20 off\n2026-13-01 off\n"])
        defer { removeFolder(folder) }
        let (status, _, err) = run("calendar", "between", "2026-03-19", "2026-03-31", "--calendar-file", folder + "/cal.txt")
        #expect(status == 78)
        #expect(err.contains("line 2"))
    }

    @Test func importAppendsAllDayEventsToTheCalendarFile() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270104\r\nSUMMARY:Extra day off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let folder = temporaryFolder(["feed.ics": ics, "cal.txt": ""])
        defer { removeFolder(folder) }
        let (status, out, _) = run("calendar", "import", folder + "/feed.ics", "--calendar-file", folder + "/cal.txt")
        #expect(status == 0)
        #expect(out.contains("1 day(s) added"))
        #expect(run("calendar", "between", "2027-01-01", "2027-01-05", "--calendar-file", folder + "/cal.txt").out == "1\n")
    }

    @Test func badInputIsAUsageError() {
        #expect(run("calendar", "show", "2026-13").status == 64)
        #expect(run("calendar", "add", "yesterday", "5").status == 64)
        #expect(run("calendar", "add", "2026-03-19", "-1").status == 64)
        #expect(run("calendar", "frobnicate").status == 64)
        #expect(run("calendar").status == 64)
    }
}
