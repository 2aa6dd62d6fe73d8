import Cases

/// A notice waiting to be sent, or sent.
public struct OutboxItem: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        case queued
        /// Handed to the transport; the mark is committed before the first byte leaves, so a
        /// row found in this state after a restart is a delivery whose fate nobody recorded.
        case sending
        case sent
        /// Found `sending` after a crash with an SMTP server, which may or may not have taken
        /// it: never sent again by the machine, since a register's notice must not go twice.
        /// Staff read the mail server's log and resend it or confirm it left; the case is flagged.
        case inDoubt = "in-doubt"
        /// The server refused it for good (5xx); the case is flagged.
        case failed
        /// Not sent on purpose (loop protection, the per-sender limit); kept for the record.
        case suppressed
    }

    public let id: Int64
    public let caseID: Int64?
    public let notice: String
    public let recipient: String
    public let messageID: String
    public let bytes: [UInt8]
    public let createdAt: LocalDateTime
    public let state: State
    public let attempts: Int
    public let nextAttemptAt: LocalDateTime
    public let lastError: String?
    public let sentAt: LocalDateTime?
    /// Copies, by address: the office that forwarded the application (`forwarded_notices`).
    public var cc: [String] = []
}

/// Notices as rows: written in the transaction of the transition that causes them, sent by a
/// worker that may die at any moment. The queue is the truth; the sender is disposable.
public struct Outbox {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    static let columns = "id, case_id, notice, recipient, message_id, bytes, created_at, state, attempts, next_attempt_at, last_error, sent_at, cc"

    @discardableResult
    public func enqueue(caseID: Int64?, notice: String, recipient: String, messageID: String, bytes: [UInt8],
                        at: LocalDateTime, state: OutboxItem.State = .queued, note: String? = nil,
                        cc: [String] = []) throws -> Int64 {
        try database.query("""
            INSERT INTO outbox (case_id, notice, recipient, message_id, bytes, created_at, state, next_attempt_at, last_error, cc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [caseID.map(Value.int) ?? .null, .text(notice), .text(recipient), .text(messageID), .blob(bytes),
                  .int(at.utcSeconds), .text(state.rawValue), .int(at.utcSeconds), note.map(Value.text) ?? .null,
                  cc.isEmpty ? .null : .text(cc.joined(separator: ","))])
        return database.lastInsertRowID
    }

    /// Queued notices whose next attempt is due, oldest first.
    public func due(asOf now: LocalDateTime, limit: Int = 100) throws -> [OutboxItem] {
        try database.query("""
            SELECT \(Self.columns) FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?
            ORDER BY next_attempt_at, id LIMIT ?
            """, [.int(now.utcSeconds), .int(Int64(limit))]).map(Self.item)
    }

    /// When the earliest queued notice is next tried, nil when none is queued.
    public func nextAttempt() throws -> LocalDateTime? {
        try database.query("SELECT min(next_attempt_at) FROM outbox WHERE state = 'queued'")
            .first?.int(0).map(LocalDateTime.init(utcSeconds:))
    }

    public func items(caseID: Int64) throws -> [OutboxItem] {
        try database.query("SELECT \(Self.columns) FROM outbox WHERE case_id = ? ORDER BY id", [.int(caseID)]).map(Self.item)
    }

    public func find(messageID: String) throws -> OutboxItem? {
        try database.query("SELECT \(Self.columns) FROM outbox WHERE message_id = ?", [.text(messageID)]).first.map(Self.item)
    }

    /// How many notices went, or are going, to this address since `since`: the per-sender limit.
    public func count(recipient: String, since: LocalDateTime) throws -> Int {
        Int(try database.query("""
            SELECT count(*) FROM outbox WHERE recipient = ? COLLATE NOCASE AND created_at >= ? AND state <> 'suppressed'
            """, [.text(recipient), .int(since.utcSeconds)]).first?.int(0) ?? 0)
    }

    /// How many notices this applicant's cases got since `since`: the daily limit counts per
    /// applicant, so an office forwarding thirty people's applications is not a flood.
    public func count(applicantID: Int64, since: LocalDateTime) throws -> Int {
        Int(try database.query("""
            SELECT count(*) FROM outbox o JOIN cases c ON c.id = o.case_id
            WHERE c.applicant_id = ? AND o.created_at >= ? AND o.state <> 'suppressed' AND o.notice <> 'staff-warning'
            """, [.int(applicantID), .int(since.utcSeconds)]).first?.int(0) ?? 0)
    }

    /// Notices since `since` about applicants this office forwarded: the cap on a letter whose
    /// forwards name strangers' addresses (we would mail them on its word).
    public func count(office: String, since: LocalDateTime) throws -> Int {
        Int(try database.query("""
            SELECT count(*) FROM outbox o JOIN cases c ON c.id = o.case_id
            WHERE c.office_address = ? COLLATE NOCASE AND o.created_at >= ? AND o.state <> 'suppressed'
              AND o.notice <> 'staff-warning'
            """, [.text(office), .int(since.utcSeconds)]).first?.int(0) ?? 0)
    }

    /// The same for a case whose applicant has no IIN or BIN yet: its own notices.
    public func count(caseID: Int64, since: LocalDateTime) throws -> Int {
        Int(try database.query("""
            SELECT count(*) FROM outbox WHERE case_id = ? AND created_at >= ? AND state <> 'suppressed' AND notice <> 'staff-warning'
            """, [.int(caseID), .int(since.utcSeconds)]).first?.int(0) ?? 0)
    }

    public func count(caseID: Int64) throws -> Int {
        Int(try database.query("SELECT count(*) FROM outbox WHERE case_id = ?", [.int(caseID)]).first?.int(0) ?? 0)
    }

    /// Takes a queued notice for delivery, in its own committed transaction, so that a crash
    /// from here on leaves a trace. False when it is no longer queued: another courier took it.
    public func claim(id: Int64) throws -> Bool {
        try database.query("UPDATE outbox SET state = 'sending' WHERE id = ? AND state = 'queued'", [.int(id)])
        return database.changes == 1
    }

    /// Gives a claimed notice back untouched, its attempts uncounted (the disk was full).
    public func release(id: Int64) throws {
        try database.query("UPDATE outbox SET state = 'queued' WHERE id = ? AND state = 'sending'", [.int(id)])
    }

    /// Notices a courier took and never finished: it died, or (rarely) another is sending them now.
    public func interrupted() throws -> [OutboxItem] {
        try database.query("SELECT \(Self.columns) FROM outbox WHERE state = 'sending' ORDER BY id").map(Self.item)
    }

    public func markInDoubt(id: Int64, note: String) throws {
        try database.query("UPDATE outbox SET state = 'in-doubt', last_error = ? WHERE id = ? AND state = 'sending'",
                           [.text(note), .int(id)])
    }

    /// An interrupted notice that provably did not leave (no file in the sent Maildir): due
    /// again at once, without counting an attempt.
    public func requeue(id: Int64, at: LocalDateTime) throws {
        try database.query("UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE id = ? AND state IN ('sending', 'in-doubt')",
                           [.int(at.utcSeconds), .int(id)])
    }

    /// Sent, as the sent Maildir or the mail server's log shows, without a reply we saw.
    public func confirmSent(id: Int64, at: LocalDateTime, note: String?) throws {
        try database.query("""
            UPDATE outbox SET state = 'sent', sent_at = ?, last_error = ? WHERE id = ? AND state IN ('sending', 'in-doubt')
            """, [.int(at.utcSeconds), note.map(Value.text) ?? .null, .int(id)])
    }

    public func markSent(id: Int64, at: LocalDateTime) throws {
        try database.query("UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                           [.int(at.utcSeconds), .int(id)])
    }

    public func markRetry(id: Int64, error: String, next: LocalDateTime) throws {
        try database.query("UPDATE outbox SET state = 'queued', attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                           [.text(error), .int(next.utcSeconds), .int(id)])
    }

    public func markFailed(id: Int64, error: String) throws {
        try database.query("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
                           [.text(error), .int(id)])
    }

    static func item(_ row: Row) -> OutboxItem {
        OutboxItem(id: row.int(0)!, caseID: row.int(1), notice: row.text(2)!, recipient: row.text(3)!,
                   messageID: row.text(4)!, bytes: row.blob(5) ?? [], createdAt: LocalDateTime(utcSeconds: row.int(6)!),
                   state: OutboxItem.State(rawValue: row.text(7)!) ?? .queued, attempts: Int(row.int(8) ?? 0),
                   nextAttemptAt: LocalDateTime(utcSeconds: row.int(9)!), lastError: row.text(10),
                   sentAt: row.int(11).map(LocalDateTime.init(utcSeconds:)),
                   cc: (row.text(12) ?? "").split(separator: ",").map(String.init))
    }
}
