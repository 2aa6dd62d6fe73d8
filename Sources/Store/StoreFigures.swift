import Cases

/// The store's counts at one moment, for the metrics file and `doctor`: the only SQL over
/// several tables that is not a case's own, kept here so no other module writes SQL.
public struct StoreFigures: Sendable, Equatable {
    public var messages = 0
    public var cases = 0
    public var casesByState: [String: Int] = [:]
    public var noticesByState: [String: Int] = [:]
    /// Age of the oldest notice still queued; zero when the queue is empty.
    public var oldestQueuedNoticeSeconds: Int64 = 0
    public var reviewDeadlinesDueToday = 0
    public var overdueReviews = 0
    public var overdueRefinements = 0

    public init(_ database: Database, now: LocalDateTime) throws {
        let moment = now.utcSeconds
        let today = LocalDateTime(date: now.date, hour: 0, minute: 0).utcSeconds
        // Asia/Almaty keeps UTC+5 all year: a day is always 86,400 seconds.
        let tomorrow = today + 86_400
        messages = Int(try database.query("SELECT count(*) FROM messages").first?.int(0) ?? 0)
        for row in try database.query("SELECT state, count(*) FROM cases GROUP BY state") {
            if let state = row.text(0) { casesByState[state] = Int(row.int(1) ?? 0) }
        }
        cases = casesByState.values.reduce(0, +)
        for row in try database.query("SELECT state, count(*) FROM outbox GROUP BY state") {
            if let state = row.text(0) { noticesByState[state] = Int(row.int(1) ?? 0) }
        }
        if let oldest = try database.query("SELECT min(created_at) FROM outbox WHERE state = 'queued'").first?.int(0) {
            oldestQueuedNoticeSeconds = max(0, moment - oldest)
        }
        let review = CaseState.underReview.rawValue
        let refinement = CaseState.refinementRequested.rawValue
        reviewDeadlinesDueToday = Int(try database.query(
            "SELECT count(*) FROM cases WHERE state = ? AND review_deadline >= ? AND review_deadline < ?",
            [.text(review), .int(today), .int(tomorrow)]).first?.int(0) ?? 0)
        overdueReviews = Int(try database.query(
            "SELECT count(*) FROM cases WHERE state = ? AND review_deadline < ?",
            [.text(review), .int(moment)]).first?.int(0) ?? 0)
        overdueRefinements = Int(try database.query(
            "SELECT count(*) FROM cases WHERE state = ? AND refinement_deadline < ?",
            [.text(refinement), .int(moment)]).first?.int(0) ?? 0)
    }
}
