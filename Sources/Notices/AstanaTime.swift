import Cases

/// Dates and times as a notice states them. Terms are legal, so the zone is always named:
/// an applicant abroad must not read 18:00 as their own evening.
enum AstanaTime {
    static func format(_ time: LocalDateTime, _ language: NoticeLanguage) -> String {
        let d = time.date
        let stamp = "\(pad(d.day)).\(pad(d.month)).\(d.year) \(pad(time.hour)):\(pad(time.minute))"
        return stamp + (language == .kk ? " (Астана уақыты)" : " (время Астаны)")
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
