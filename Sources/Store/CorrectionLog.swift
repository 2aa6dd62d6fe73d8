import Cases

/// A value staff typed in for one field of a case's application, in place of what the parser
/// read (or could not read) from the applicant's message.
public struct FieldCorrection: Sendable, Equatable {
    public let id: Int64
    public let caseID: Int64
    /// The field's JSON name (`iin`, `fullName`), or `kind`.
    public let field: String
    /// The value as JSON, shaped as the parser would have stored it.
    public let value: String
    /// What the reading said before, as JSON; nil when the field was absent.
    public let previous: String?
    public let actor: String
    public let at: LocalDateTime

    public init(id: Int64, caseID: Int64, field: String, value: String, previous: String?, actor: String, at: LocalDateTime) {
        self.id = id
        self.caseID = caseID
        self.field = field
        self.value = value
        self.previous = previous
        self.actor = actor
        self.at = at
    }
}

/// Staff corrections, append-only like the history they are part of: a later correction of the
/// same field wins, an earlier one stays on record.
public struct CorrectionLog {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    @discardableResult
    public func record(caseID: Int64, field: String, value: String, previous: String?, actor: String,
                       at: LocalDateTime) throws -> Int64 {
        try database.query("""
            INSERT INTO corrections (case_id, field, value, previous, actor, at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.int(caseID), .text(field), .text(value), previous.map(Value.text) ?? .null, .text(actor),
                  .int(at.utcSeconds)])
        return database.lastInsertRowID
    }

    /// Oldest first, so applying them in order leaves the latest value of each field.
    public func corrections(caseID: Int64) throws -> [FieldCorrection] {
        try database.query("""
            SELECT id, case_id, field, value, previous, actor, at FROM corrections WHERE case_id = ? ORDER BY id
            """, [.int(caseID)]).map { row in
            FieldCorrection(id: row.int(0)!, caseID: row.int(1)!, field: row.text(2)!, value: row.text(3)!,
                            previous: row.text(4), actor: row.text(5)!, at: LocalDateTime(utcSeconds: row.int(6)!))
        }
    }
}
