import Cases

/// A letter of several applicants belongs to each of their cases; staff move letters between
/// cases with `cases merge` and `cases split`.
extension MessageLog {
    /// Records that the letter is also in `caseID`, as its `applicant`-th applicant (from 1),
    /// with that applicant's own reading.
    public func attach(messageID: Int64, caseID: Int64, applicant: Int, application: String?) throws {
        try database.query("""
            INSERT OR REPLACE INTO message_cases (message_id, case_id, applicant, application) VALUES (?, ?, ?, ?)
            """, [.int(messageID), .int(caseID), .int(Int64(applicant)), application.map(Value.text) ?? .null])
    }

    /// The case's letters with the case's own reading of each: `messages(caseID:)` for a letter
    /// of one applicant, the applicant's part for a letter of several.
    public func letters(caseID: Int64) throws -> [StoredMessage] {
        let columns = Self.columns.split(separator: ",").map { column -> String in
            let name = column.filter { !$0.isWhitespace }
            switch name {
            case "case_id": return "? AS case_id"
            case "application": return "coalesce(mc.application, m.application)"
            default: return "m." + name
            }
        }.joined(separator: ", ")
        return try database.query("""
            SELECT \(columns) FROM messages m LEFT JOIN message_cases mc ON mc.message_id = m.id AND mc.case_id = ?
            WHERE m.case_id = ? OR mc.case_id IS NOT NULL ORDER BY m.id
            """, [.int(caseID), .int(caseID), .int(caseID)]).map(Self.message)
    }

    /// Moves these letters from one case to another, keeping each letter's reading for that case.
    public func move(messageIDs: [Int64], from source: Int64, to target: Int64) throws {
        for id in messageIDs {
            try database.query("UPDATE messages SET case_id = ? WHERE id = ? AND case_id = ?", [.int(target), .int(id), .int(source)])
            try database.query("""
                INSERT OR IGNORE INTO message_cases (message_id, case_id, applicant, application)
                SELECT message_id, ?, applicant, application FROM message_cases WHERE message_id = ? AND case_id = ?
                """, [.int(target), .int(id), .int(source)])
            try database.query("DELETE FROM message_cases WHERE message_id = ? AND case_id = ?", [.int(id), .int(source)])
        }
    }

    /// Which applicant of a shared letter the case is (from 1); nil for a letter of one applicant.
    public func applicantIndex(messageID: Int64, caseID: Int64) throws -> Int? {
        try database.query("SELECT applicant FROM message_cases WHERE message_id = ? AND case_id = ?",
                           [.int(messageID), .int(caseID)]).first?.int(0).map(Int.init)
    }

    /// A new reading of one applicant's part of a shared letter.
    public func replaceReading(messageRowID: Int64, caseID: Int64, application: String) throws {
        try database.query("UPDATE message_cases SET application = ? WHERE message_id = ? AND case_id = ?",
                           [.text(application), .int(messageRowID), .int(caseID)])
    }
}
