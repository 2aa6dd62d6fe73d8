import Cases

/// Dates and times as a notice states them. Terms are legal, so the zone is always named:
/// an applicant abroad must not read 18:00 as their own evening.
enum AstanaTime {
    static func format(_ time: LocalDateTime, _ language: NoticeLanguage) -> String {
        time.dotted + (language == .kk ? " (Астана уақыты)" : " (время Астаны)")
    }
}
