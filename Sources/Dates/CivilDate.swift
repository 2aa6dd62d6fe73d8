// Calendar dates in the proleptic Gregorian calendar, with no time zone attached:
// legal terms are counted in whole local days, so a date must never drift with an offset.

public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Traps on an impossible date: callers with untrusted input use `init?(iso:)` or `isValid`.
    public init(year: Int, month: Int, day: Int) {
        precondition(CivilDate.isValid(year: year, month: month, day: day),
                     "invalid date \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (which is day 0), negative before it.
    public init(daysSinceEpoch z: Int) {
        // Hinnant's civil_from_days: eras of 400 years (146097 days) starting on 1 March,
        // so the leap day is the last day of the shifted year.
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Accepts exactly `YYYY-MM-DD`; operators type these, so anything looser hides typos.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = CivilDate.digits(u[0..<4]), let m = CivilDate.digits(u[5..<7]),
              let d = CivilDate.digits(u[8..<10]),
              CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// iCalendar's DATE form `YYYYMMDD`.
    public init?(basic text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 8, let y = CivilDate.digits(u[0..<4]), let m = CivilDate.digits(u[4..<6]),
              let d = CivilDate.digits(u[6..<8]),
              CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    public static func isLeapYear(_ y: Int) -> Bool {
        y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var daysSinceEpoch: Int {
        // Hinnant's days_from_civil, the inverse of init(daysSinceEpoch:).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days n: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + n)
    }

    public var description: String {
        CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
    }

    /// `05.02.2026`: how dates are written in Kazakhstan, in notices, the register and to staff.
    public var dotted: String {
        CivilDate.pad(day, 2) + "." + CivilDate.pad(month, 2) + "." + CivilDate.pad(year, 4)
    }

    /// English weekday abbreviation, for reasons shown to staff ("Sat 2024-05-04").
    public var weekdayName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1]
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n < 0 ? -n : n)
        let body = s.count < width ? String(repeating: "0", count: width - s.count) + s : s
        return n < 0 ? "-" + body : body
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }
}
