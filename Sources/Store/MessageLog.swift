import Cases

/// A message the daemon has taken from the Maildir. The raw bytes stay in the Maildir; the
/// store keeps their SHA-256, which is how a message is recognised when it comes again.
public struct StoredMessage: Sendable, Equatable {
    public let id: Int64
    public let sha256: String
    public let messageID: String?
    public let sender: String?
    public let subject: String?
    public let maildirPath: String
    public let size: Int
    public let receivedAt: LocalDateTime
    public let caseID: Int64?
    public let disposition: String?
    /// What was read from it, as JSON.
    public let application: String?
}

public struct MessageLog {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    static let columns = "id, sha256, message_id, sender, subject, maildir_path, size, received_at, case_id, disposition, application"

    public func find(id: Int64) throws -> StoredMessage? {
        try database.query("SELECT \(Self.columns) FROM messages WHERE id = ?", [.int(id)]).first.map(Self.message)
    }

    public func find(sha256: String) throws -> StoredMessage? {
        try database.query("SELECT \(Self.columns) FROM messages WHERE sha256 = ?", [.text(sha256)]).first.map(Self.message)
    }

    /// The same Message-ID from the same sender: a client that sent the letter twice, or a
    /// relay that re-encoded it on the way, so the bytes differ but the letter is one.
    public func find(messageID: String, sender: String) throws -> StoredMessage? {
        try database.query("SELECT \(Self.columns) FROM messages WHERE message_id = ? AND sender = ? COLLATE NOCASE LIMIT 1",
                           [.text(messageID), .text(sender)]).first.map(Self.message)
    }

    /// Whether a Maildir file of this base name (the part before ":2,") was already taken.
    public func knows(maildirName name: String) throws -> Bool {
        try !database.query("SELECT 1 FROM messages WHERE maildir_path LIKE ? ESCAPE '\\' LIMIT 1",
                            [.text("%/" + Self.escapeLike(name) + "%")]).isEmpty
    }

    /// The case's letters, a letter of several applicants with this case's applicant's reading.
    public func messages(caseID: Int64) throws -> [StoredMessage] {
        try letters(caseID: caseID)
    }

    /// Logs a message and returns it as `find(id:)` would: the row is decoded from the values
    /// written, as SQLite keeps them, so a caller that needs the message (a notice threads
    /// under it) does not read back, reading form and all, what it has just written.
    @discardableResult
    public func insert(sha256: String, messageID: String?, sender: String?, subject: String?, maildirPath: String,
                       size: Int, receivedAt: LocalDateTime, caseID: Int64?, disposition: String,
                       application: String?) throws -> StoredMessage {
        // In the order of `columns`, after the id.
        let values: [Value] = [.text(sha256), messageID.map(Value.text) ?? .null, sender.map(Value.text) ?? .null,
                               subject.map(Value.text) ?? .null, .text(maildirPath), .int(Int64(size)),
                               .int(receivedAt.utcSeconds), caseID.map(Value.int) ?? .null, .text(disposition),
                               application.map(Value.text) ?? .null]
        try database.query("""
            INSERT INTO messages (sha256, message_id, sender, subject, maildir_path, size, received_at, case_id,
                                  disposition, application)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, values)
        return Self.message(Row(values: [.int(database.lastInsertRowID)] + values.map(\.asStored)))
    }

    /// Where the file lives now: it moves from new/ to cur/ after the commit.
    public func moved(sha256: String, from oldPath: String, to newPath: String) throws {
        try database.query("UPDATE messages SET maildir_path = ? WHERE sha256 = ? AND maildir_path = ?",
                           [.text(newPath), .text(sha256), .text(oldPath)])
    }

    static func escapeLike(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func message(_ row: Row) -> StoredMessage {
        StoredMessage(id: row.int(0)!, sha256: row.text(1)!, messageID: row.text(2), sender: row.text(3),
                      subject: row.text(4), maildirPath: row.text(5)!, size: Int(row.int(6) ?? 0),
                      receivedAt: LocalDateTime(utcSeconds: row.int(7)!), caseID: row.int(8),
                      disposition: row.text(9), application: row.text(10))
    }
}
