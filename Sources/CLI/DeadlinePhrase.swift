import Cases

/// "in 2 business days", "today, by 18:00", "overdue by 1 business day": a deadline as an
/// officer thinks of it, counted on the same business calendar the deadline was set with.
enum DeadlinePhrase {
    static func text(_ deadline: LocalDateTime, now: LocalDateTime, calendar: BusinessCalendar,
                     language: OperatorLanguage) -> String {
        let l = language
        let time = StaffWording.clock(deadline)
        if now > deadline {
            let late = calendar.businessDays(from: deadline.date, to: now.date)
            if late == 0 {
                return l.pick("бүгін сағат \(time)-де өтті", "истёк сегодня в \(time)", "passed today at \(time)")
            }
            return l.pick("өткеніне \(late) жұмыс күні болды",
                          "просрочен на \(late) \(russianDays(late))",
                          "overdue by \(late) business day\(late == 1 ? "" : "s")")
        }
        if deadline.date == now.date {
            return l.pick("бүгін сағат \(time)-ге дейін", "сегодня до \(time)", "today, by \(time)")
        }
        let left = calendar.businessDays(from: now.date, to: deadline.date)
        return l.pick("\(left) жұмыс күні қалды",
                      "\(russianOne(left) ? "остался" : "осталось") \(left) \(russianDays(left))",
                      "in \(left) business day\(left == 1 ? "" : "s")")
    }

    /// Whether `n` takes the singular in Russian: 1, 21, 31…, but not 11.
    static func russianOne(_ n: Int) -> Bool { n % 10 == 1 && n % 100 != 11 }

    static func russianDays(_ n: Int) -> String {
        if russianOne(n) { return "рабочий день" }
        if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return "рабочих дня" }
        return "рабочих дней"
    }
}
