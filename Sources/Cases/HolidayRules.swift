import Dates
import Synchronization
// Kazakhstan's days off as data, so a lawyer can check this file line by line against
// the Law "On holidays", the labour ministry's transfer orders and the religious calendar,
// and a change in law is a change of a table row rather than of an algorithm.
// Source of truth: /work/shared/domain.md, "Business days (Kazakhstan)".

/// A public holiday on a fixed day of the year. A holiday that falls on a Saturday or
/// Sunday gives the next working day off (carry-over).
public struct PublicHoliday: Sendable, Equatable {
    public let month: Int
    public let day: Int
    public let name: String
    /// First and last year the day is a public holiday; nil means no bound is modelled.
    public let firstYear: Int?
    public let lastYear: Int?

    public func applies(in year: Int) -> Bool {
        (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
    }
}

/// A religious day off. Unlike public holidays these never carry over from a weekend.
public struct ReligiousDayOff: Sendable, Equatable {
    public let date: CivilDate
    public let name: String
    /// The Spiritual Administration of Muslims announces Kurban Ait the year before;
    /// until then the date is an astronomical estimate and the operator may override it.
    public let isEstimate: Bool
}

/// A labour-ministry transfer: a weekend day becomes working and a weekday becomes a day off.
public struct DayOffTransfer: Sendable, Equatable {
    public let workedDay: CivilDate
    public let dayOff: CivilDate
    public let basis: String
}

public enum HolidayRules {
    static let newYear = "Жаңа жыл / New Year"
    static let constitutionDay = "Конституция күні / Constitution Day"

    public static let publicHolidays: [PublicHoliday] = [
        PublicHoliday(month: 1, day: 1, name: newYear, firstYear: nil, lastYear: nil),
        PublicHoliday(month: 1, day: 2, name: newYear, firstYear: nil, lastYear: nil),
        PublicHoliday(month: 3, day: 8, name: "Халықаралық әйелдер күні / International Women's Day",
                      firstYear: nil, lastYear: nil),
        // The 2026 constitution moves Constitution Day here from 30 August, from 2027 on.
        PublicHoliday(month: 3, day: 15, name: constitutionDay, firstYear: 2027, lastYear: nil),
        PublicHoliday(month: 3, day: 21, name: "Наурыз мейрамы / Nauryz", firstYear: nil, lastYear: nil),
        PublicHoliday(month: 3, day: 22, name: "Наурыз мейрамы / Nauryz", firstYear: nil, lastYear: nil),
        PublicHoliday(month: 3, day: 23, name: "Наурыз мейрамы / Nauryz", firstYear: nil, lastYear: nil),
        PublicHoliday(month: 5, day: 1, name: "Қазақстан халқының бірлігі мерекесі / Unity Day of the People of Kazakhstan",
                      firstYear: nil, lastYear: nil),
        PublicHoliday(month: 5, day: 7, name: "Отан қорғаушы күні / Defender of the Fatherland Day",
                      firstYear: nil, lastYear: nil),
        PublicHoliday(month: 5, day: 9, name: "Жеңіс күні / Victory Day", firstYear: nil, lastYear: nil),
        PublicHoliday(month: 7, day: 6, name: "Астана күні / Capital Day", firstYear: nil, lastYear: nil),
        // 30 August 2026 was already not a day off: the new constitution was adopted before it.
        PublicHoliday(month: 8, day: 30, name: constitutionDay, firstYear: nil, lastYear: 2025),
        // Republic Day became a day off again in 2022.
        PublicHoliday(month: 10, day: 25, name: "Республика күні / Republic Day", firstYear: 2022, lastYear: nil),
        // Independence Day was 16–17 December until 2021 and is one day since 2022.
        PublicHoliday(month: 12, day: 16, name: "Тәуелсіздік күні / Independence Day", firstYear: nil, lastYear: nil),
        PublicHoliday(month: 12, day: 17, name: "Тәуелсіздік күні / Independence Day", firstYear: nil, lastYear: 2021),
    ]

    /// Orthodox Christmas is a religious day off on a fixed date every year.
    public static let orthodoxChristmas = (month: 1, day: 7, name: "Православиелік Рождество / Orthodox Christmas")

    public static let kurbanAit: [ReligiousDayOff] = [
        ReligiousDayOff(date: CivilDate(year: 2024, month: 6, day: 16), name: kurbanAitName, isEstimate: false),
        ReligiousDayOff(date: CivilDate(year: 2025, month: 6, day: 6), name: kurbanAitName, isEstimate: false),
        ReligiousDayOff(date: CivilDate(year: 2026, month: 5, day: 27), name: kurbanAitName, isEstimate: false),
        ReligiousDayOff(date: CivilDate(year: 2027, month: 5, day: 16), name: kurbanAitName, isEstimate: true),
        ReligiousDayOff(date: CivilDate(year: 2028, month: 5, day: 5), name: kurbanAitName, isEstimate: true),
    ]
    static let kurbanAitName = "Құрбан айт / Kurban Ait (first day)"

    /// 2026: no transfers announced.
    public static let transfers: [DayOffTransfer] = [
        DayOffTransfer(workedDay: CivilDate(year: 2024, month: 5, day: 4),
                       dayOff: CivilDate(year: 2024, month: 5, day: 8), basis: "labour ministry transfer for 2024"),
        DayOffTransfer(workedDay: CivilDate(year: 2025, month: 1, day: 5),
                       dayOff: CivilDate(year: 2025, month: 1, day: 3), basis: "labour ministry transfer for 2025"),
    ]
}

/// Why a day is not worked, as resolved from the rules above.
public struct DayOff: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case publicHoliday, religious, carryOver, transfer, override
    }
    public let kind: Kind
    public let reason: String
}

extension HolidayRules {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func religiousDaysOff(in year: Int) -> [ReligiousDayOff] {
        var days = [ReligiousDayOff(date: CivilDate(year: year, month: orthodoxChristmas.month,
                                                    day: orthodoxChristmas.day),
                                    name: orthodoxChristmas.name, isEstimate: false)]
        days += kurbanAit.filter { $0.date.year == year }
        return days
    }

    static func holidays(in year: Int) -> [(date: CivilDate, holiday: PublicHoliday)] {
        publicHolidays.filter { $0.applies(in: year) }
            .map { (CivilDate(year: year, month: $0.month, day: $0.day), $0) }
            .sorted { $0.date < $1.date }
    }

    /// The built-in days off of `year` other than ordinary weekends, each with its reason.
    /// Weekend holidays are included so that `calendar show` can name them.
    static func daysOff(in year: Int) -> [CivilDate: DayOff] {
        // A year's rules are fixed (operator overrides are applied on top by BusinessCalendar),
        // and every case opened counts its terms through them: each year is computed once.
        if let known = knownDaysOff.withLock({ $0[year] }) { return known }
        let computed = computeDaysOff(in: year)
        knownDaysOff.withLock { $0[year] = computed }
        return computed
    }

    private static let knownDaysOff = Mutex<[Int: [CivilDate: DayOff]]>([:])

    private static func computeDaysOff(in year: Int) -> [CivilDate: DayOff] {
        // Carry-overs are computed from the previous year too, since one from late
        // December could land in January.
        let years = [year - 1, year]
        let occurrences = years.flatMap { holidays(in: $0) }
        var blocked = Set(occurrences.map(\.date))
        for y in years + [year + 1] {
            blocked.formUnion(religiousDaysOff(in: y).map(\.date))
        }
        blocked.formUnion(transfers.map(\.dayOff))

        // Several weekend holidays in a row each take the next free weekday, in date order.
        var carriedTo: [CivilDate: (from: CivilDate, holiday: PublicHoliday)] = [:]
        var carriedFrom: [CivilDate: CivilDate] = [:]
        for (date, holiday) in occurrences where date.isWeekend {
            var target = date.adding(days: 1)
            while target.isWeekend || blocked.contains(target) || carriedTo[target] != nil {
                target = target.adding(days: 1)
            }
            carriedTo[target] = (date, holiday)
            carriedFrom[date] = target
        }

        var result: [CivilDate: DayOff] = [:]
        for (date, from) in carriedTo where date.year == year {
            result[date] = DayOff(kind: .carryOver,
                                  reason: "carry-over of \(from.from.day) \(monthNames[from.from.month - 1])"
                                      + (from.from.year != year ? " \(from.from.year)" : "")
                                      + " (\(from.holiday.name))")
        }
        for t in transfers where t.dayOff.year == year {
            result[t.dayOff] = DayOff(kind: .transfer,
                                      reason: "transfer: day off for working \(t.workedDay.weekdayName) \(t.workedDay) (\(t.basis))")
        }
        for r in religiousDaysOff(in: year) {
            let note = r.date.isWeekend
                ? " (\(dayNames[r.date.weekday - 1]); religious days off do not carry over)" : ""
            result[r.date] = DayOff(kind: .religious,
                                    reason: r.name + (r.isEstimate ? ", estimated date" : "") + note)
        }
        for (date, holiday) in occurrences where date.year == year {
            var reason = holiday.name
            if let target = carriedFrom[date] {
                reason += " (\(dayNames[date.weekday - 1]); carried over to \(target.weekdayName) \(target))"
            }
            result[date] = DayOff(kind: .publicHoliday, reason: reason)
        }
        return result
    }

    /// Weekend days made working by a transfer, with the reason to show.
    static func workedWeekendDays(in year: Int) -> [CivilDate: String] {
        var result: [CivilDate: String] = [:]
        for t in transfers where t.workedDay.year == year {
            result[t.workedDay] = "transfer: working day, day off moved to \(t.dayOff.weekdayName) \(t.dayOff) (\(t.basis))"
        }
        return result
    }
}
