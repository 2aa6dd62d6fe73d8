// Warnings are set in working time, not wall time: "8 hours before the deadline" must
// leave staff a working day to act, even when a weekend or a holiday sits in between.

extension BusinessCalendar {
    /// The instant `hours` working hours before `from`, counting only the working hours of
    /// working days. A `from` outside working time counts from the last close before it.
    /// An exact fit ends at the opening of a day rather than the close of the day before:
    /// the same instant in working time, and the one staff will see first.
    /// Zero or negative hours give `from` unchanged: a warning cannot come after its deadline.
    public func subtractingBusinessHours(_ hours: Int, from: LocalDateTime) -> LocalDateTime {
        guard hours > 0 else { return from }
        let open = workingHours.startMinutes * 60
        let close = workingHours.endMinutes * 60
        var left = hours * 3600
        var day = from.date
        var second = min(from.secondOfDay, close)
        if !isWorkingDay(day) {
            day = addingBusinessDays(-1, to: day)
            second = close
        }
        while true {
            let available = max(0, second - open)
            if left <= available {
                let s = second - left
                return LocalDateTime(date: day, hour: s / 3600, minute: s % 3600 / 60, second: s % 60)
            }
            left -= available
            day = addingBusinessDays(-1, to: day)
            second = close
        }
    }
}
