import Dates
// Legal terms for answering applications, counted in Kazakh business days.

/// Wall-clock time in Asia/Almaty. The whole country has been on UTC+5 with no daylight
/// saving since 1 March 2024, so a fixed offset is exact for every message this daemon sees.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let utcOffsetSeconds: Int64 = 5 * 3600

    public let date: CivilDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init(date: CivilDate, hour: Int, minute: Int, second: Int = 0) {
        precondition((0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second),
                     "invalid time \(hour):\(minute):\(second)")
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public init(utcSeconds: Int64) {
        let local = utcSeconds + LocalDateTime.utcOffsetSeconds
        // Floor division, so instants before 1970 land on the right day.
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        self.init(date: CivilDate(daysSinceEpoch: Int(days)),
                  hour: Int(rest / 3600), minute: Int(rest % 3600 / 60), second: Int(rest % 60))
    }

    public var utcSeconds: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay) - LocalDateTime.utcOffsetSeconds
    }

    public var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    public var description: String {
        "\(date)T\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2))+05:00"
    }

    /// `05.02.2026 10:15`: the date as Kazakhstan writes it, then the time, in Astana time.
    public var dotted: String {
        date.dotted + " " + CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minute, 2)
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.secondOfDay) < (b.date, b.secondOfDay)
    }
}

public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight.
    public let startMinutes: Int
    public let endMinutes: Int

    public static let `default` = WorkingHours(startMinutes: 9 * 60, endMinutes: 18 * 60)!

    /// The close must be a real clock time (at most 23:59) because a deadline is reported at it.
    public init?(startMinutes: Int, endMinutes: Int) {
        guard startMinutes >= 0, startMinutes < endMinutes, endMinutes < 24 * 60 else { return nil }
        self.startMinutes = startMinutes
        self.endMinutes = endMinutes
    }

    /// `09:00-18:00`; an en dash and spaces around it are accepted as people type them.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let start = WorkingHours.minutes(CalendarOverrides.trim(parts[0])),
              let end = WorkingHours.minutes(CalendarOverrides.trim(parts[1])) else { return nil }
        self.init(startMinutes: start, endMinutes: end)
    }

    public var description: String {
        func hm(_ m: Int) -> String { CivilDate.pad(m / 60, 2) + ":" + CivilDate.pad(m % 60, 2) }
        return hm(startMinutes) + "-" + hm(endMinutes)
    }

    private static func minutes(_ s: Substring) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        return h * 60 + m
    }
}

public struct BusinessCalendar: Sendable {
    public let overrides: CalendarOverrides
    public let workingHours: WorkingHours

    public init(overrides: CalendarOverrides = .none, workingHours: WorkingHours = .default) {
        self.overrides = overrides
        self.workingHours = workingHours
    }

    /// Everything known about a day: whether it is worked, and why if that is not obvious.
    public struct DayStatus: Sendable, Equatable {
        public let isWorkingDay: Bool
        /// For a day off, why; for a working day, a note only when it is unusual
        /// (a working Saturday, an operator override), else nil.
        public let reason: String?
    }

    public func status(_ d: CivilDate) -> DayStatus {
        var cache = YearCache()
        return status(d, &cache)
    }

    public func isWorkingDay(_ d: CivilDate) -> Bool {
        status(d).isWorkingDay
    }

    /// Why `d` is not a working day; nil if it is one.
    public func reason(_ d: CivilDate) -> String? {
        let s = status(d)
        return s.isWorkingDay ? nil : s.reason
    }

    /// The n-th working day after `d` (the term starts the next day); for negative n,
    /// the |n|-th working day before `d`. n = 0 gives `d` itself.
    public func addingBusinessDays(_ n: Int, to d: CivilDate) -> CivilDate {
        var cache = YearCache()
        var day = d
        var left = n.magnitude
        let step = n >= 0 ? 1 : -1
        while left > 0 {
            day = day.adding(days: step)
            if status(day, &cache).isWorkingDay { left -= 1 }
        }
        return day
    }

    /// Working days in (a, b]; negative, counting (b, a], when b is before a.
    public func businessDays(from a: CivilDate, to b: CivilDate) -> Int {
        guard a <= b else { return -businessDays(from: b, to: a) }
        var cache = YearCache()
        var count = 0
        var day = a
        while day < b {
            day = day.adding(days: 1)
            if status(day, &cache).isWorkingDay { count += 1 }
        }
        return count
    }

    /// The day a message counts as received (APC Art. 64 p.3): after the close of working
    /// hours, or on a day off, it is the next working day. A message before the opening of
    /// a working day is received that day: the article moves only late and day-off arrivals.
    public func receiptDay(local: LocalDateTime) -> CivilDate {
        if isWorkingDay(local.date) && local.secondOfDay < workingHours.endMinutes * 60 {
            return local.date
        }
        return addingBusinessDays(1, to: local.date)
    }

    /// The close of working hours on the n-th business day after the receipt day.
    public func deadline(receivedAt: LocalDateTime, businessDays n: Int) -> LocalDateTime {
        let last = addingBusinessDays(n, to: receiptDay(local: receivedAt))
        return LocalDateTime(date: last, hour: workingHours.endMinutes / 60, minute: workingHours.endMinutes % 60)
    }

    /// Each day tested recomputes its year's rules; a loop over a term keeps them here.
    struct YearCache {
        var daysOff: [Int: [CivilDate: DayOff]] = [:]
        var workedWeekends: [Int: [CivilDate: String]] = [:]
    }

    private func status(_ d: CivilDate, _ cache: inout YearCache) -> DayStatus {
        if let o = overrides[d] {
            let why = "override" + (o.line > 0 ? " (line \(o.line))" : "") + (o.comment.map { ": " + $0 } ?? "")
            return DayStatus(isWorkingDay: o.kind == .work, reason: why)
        }
        if cache.workedWeekends[d.year] == nil {
            cache.workedWeekends[d.year] = HolidayRules.workedWeekendDays(in: d.year)
        }
        if let note = cache.workedWeekends[d.year]![d] {
            return DayStatus(isWorkingDay: true, reason: note)
        }
        if cache.daysOff[d.year] == nil {
            cache.daysOff[d.year] = HolidayRules.daysOff(in: d.year)
        }
        if let off = cache.daysOff[d.year]![d] {
            return DayStatus(isWorkingDay: false, reason: off.reason)
        }
        if d.isWeekend {
            return DayStatus(isWorkingDay: false, reason: "weekend (\(HolidayRules.dayNames[d.weekday - 1]))")
        }
        return DayStatus(isWorkingDay: true, reason: nil)
    }
}
