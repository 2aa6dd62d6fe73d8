import Cases

/// Whether the business-day calendar knows a year. Fixed public holidays repeat by rule, but
/// Kurban Ait and the labour ministry's transfers are announced year by year: a year the
/// built-in tables end before, with no line of the operator's calendar file in it, would count
/// deadlines through a holiday. The operator finds out from `doctor`, not from an applicant.
enum CalendarCoverage {
    /// Every year the built-in tables give Kurban Ait or a transfer for.
    static var builtInYears: Set<Int> {
        Set(HolidayRules.kurbanAit.map(\.date.year) + HolidayRules.transfers.map(\.dayOff.year))
    }

    static func finding(year: Int, overrides: CalendarOverrides) -> Finding {
        let overridden = overrides.entries.keys.contains { $0.year == year }
        let subject = "calendar \(year)"
        if overridden {
            return .ok(subject, "built-in rules with the calendar file's corrections for \(year)")
        }
        guard builtInYears.contains(year) else {
            let last = builtInYears.max().map(String.init) ?? "none"
            return .warn(subject, "\(year) is beyond the built-in calendar (last year: \(last)); "
                         + "Kurban Ait and any transfers of days off are unknown",
                         hint: "add the year's days to calendar_file, e.g. '\(year)-05-27 off  # Kurban Ait', "
                             + "or 'tizilim calendar import FEED.ics', or upgrade tizilim")
        }
        if let estimate = HolidayRules.kurbanAit.first(where: { $0.date.year == year && $0.isEstimate }) {
            return .ok(subject, "built-in; Kurban Ait \(estimate.date) is an estimate until announced "
                       + "(correct it in calendar_file when it is)")
        }
        return .ok(subject, "built-in")
    }
}
