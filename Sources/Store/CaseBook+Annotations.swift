import Cases

extension CaseBook {
    /// Appends an event that changes nothing the case machine decides on (a field corrected by
    /// staff): the history records it, the snapshot stays. Inside the caller's transaction.
    public func annotate(caseID: Int64, _ event: CaseEvent, data: String? = nil) throws {
        try database.query("INSERT INTO events (case_id, at, actor, type, reason, data) VALUES (?, ?, ?, ?, ?, ?)",
                           [.int(caseID), .int(event.at.utcSeconds), .text(event.actor), .text(event.type),
                            event.reason.map(Value.text) ?? .null, data.map(Value.text) ?? .null])
        try database.query("UPDATE cases SET updated_at = max(updated_at, ?) WHERE id = ?",
                           [.int(event.at.utcSeconds), .int(caseID)])
    }

    /// Every event of every case, for statistics: one query instead of one per case.
    public func allEvents() throws -> [Int64: [CaseEvent]] {
        var byCase: [Int64: [CaseEvent]] = [:]
        for row in try database.query("SELECT case_id, at, actor, type, reason FROM events ORDER BY id") {
            byCase[row.int(0)!, default: []].append(
                CaseEvent(type: row.text(3)!, actor: row.text(2)!, at: LocalDateTime(utcSeconds: row.int(1)!),
                          reason: row.text(4)))
        }
        return byCase
    }
}
