import Dates
import Testing
@testable import CLI
import Cases

/// The pure pieces of the staff commands: terms in words, and the order of the queue.
@Suite struct DeadlineWords {
    let calendar = BusinessCalendar()
    let deadline = LocalDateTime(date: CivilDate(year: 2026, month: 3, day: 27), hour: 18, minute: 0)

    func at(_ month: Int, _ day: Int, _ hour: Int = 10) -> LocalDateTime {
        LocalDateTime(date: CivilDate(year: 2026, month: month, day: day), hour: hour, minute: 0)
    }

    @Test func nauryzDaysAreNotCountedAsBusinessDaysLeft() {
        // 20 March 2026 (Friday) to 27 March: 21–25 March are Nauryz days off, so 26 and 27 remain.
        #expect(DeadlinePhrase.text(deadline, now: at(3, 20), calendar: calendar, language: .en) == "in 2 business days")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 27), calendar: calendar, language: .en) == "today, by 18:00")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 27, 19), calendar: calendar, language: .en) == "passed today at 18:00")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 30), calendar: calendar, language: .en) == "overdue by 1 business day")
    }

    @Test(arguments: [(1, "рабочий день"), (2, "рабочих дня"), (4, "рабочих дня"), (5, "рабочих дней"),
                      (11, "рабочих дней"), (12, "рабочих дней"), (21, "рабочий день"), (22, "рабочих дня")])
    func russianNumbersAgreeWithTheirNoun(n: Int, noun: String) {
        #expect(DeadlinePhrase.russianDays(n) == noun)
    }

    @Test func russianAndKazakhPhrases() {
        #expect(DeadlinePhrase.text(deadline, now: at(3, 26), calendar: calendar, language: .ru) == "остался 1 рабочий день")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 20), calendar: calendar, language: .ru) == "осталось 2 рабочих дня")
        #expect(DeadlinePhrase.text(deadline, now: at(4, 3), calendar: calendar, language: .ru) == "просрочен на 5 рабочих дней")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 20), calendar: calendar, language: .kk) == "2 жұмыс күні қалды")
        #expect(DeadlinePhrase.text(deadline, now: at(3, 27), calendar: calendar, language: .kk) == "бүгін сағат 18:00-ге дейін")
    }

    @Test func datesAreWrittenDayMonthYear() {
        #expect(StaffWording.day(CivilDate(year: 2026, month: 3, day: 5)) == "05.03.2026")
        #expect(StaffWording.moment(deadline) == "27.03.2026 18:00")
    }
}
