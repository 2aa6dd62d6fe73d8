import Cases

/// Who applied, as identified by IIN or BIN (or, lacking both, the e-mail address).
public struct ApplicantIdentity: Sendable, Equatable {
    public var kind: String?
    public var fullName: String?
    public var organizationName: String?
    public var iin: String?
    public var bin: String?
    public var email: String?
    public var phone: String?

    public init(kind: String? = nil, fullName: String? = nil, organizationName: String? = nil, iin: String? = nil,
                bin: String? = nil, email: String? = nil, phone: String? = nil) {
        self.kind = kind
        self.fullName = fullName
        self.organizationName = organizationName
        self.iin = iin
        self.bin = bin
        self.email = email
        self.phone = phone
    }
}

public struct RegisterEntry: Sendable, Equatable {
    public let id: Int64
    /// Column 1 of Annex 1: the entry's number, never reused.
    public let number: Int
    public let applicantID: Int64
    /// The public columns as JSON; what the website shows and nothing more.
    public let columns: String
    public let createdAt: LocalDateTime
    public let updatedAt: LocalDateTime
    public let terminatedAt: LocalDateTime?
}

/// Applicants and their register entries.
public struct RegisterBook {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// The applicant row for this identity: the one with the same IIN or BIN, updated with what
    /// is new, or a new row. Without either number nothing safely identifies a person, so the
    /// row is new every time.
    public func applicant(_ who: ApplicantIdentity) throws -> Int64 {
        var existing: Int64?
        if let iin = who.iin {
            existing = try database.query("SELECT id FROM applicants WHERE iin = ? ORDER BY id DESC LIMIT 1", [.text(iin)]).first?.int(0)
        }
        if existing == nil, let bin = who.bin {
            existing = try database.query("SELECT id FROM applicants WHERE bin = ? ORDER BY id DESC LIMIT 1", [.text(bin)]).first?.int(0)
        }
        let values: [Value] = [who.kind, who.fullName, who.organizationName, who.iin, who.bin, who.email, who.phone]
            .map { $0.map(Value.text) ?? .null }
        if let id = existing {
            try database.query("""
                UPDATE applicants SET kind = coalesce(?, kind), full_name = coalesce(?, full_name),
                    organization_name = coalesce(?, organization_name), iin = coalesce(?, iin), bin = coalesce(?, bin),
                    email = coalesce(?, email), phone = coalesce(?, phone)
                WHERE id = ?
                """, values + [.int(id)])
            return id
        }
        try database.query("""
            INSERT INTO applicants (kind, full_name, organization_name, iin, bin, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, values)
        return database.lastInsertRowID
    }

    /// The live (not terminated) entry of whoever has this IIN, BIN or, failing both, e-mail.
    public func activeEntry(iin: String?, bin: String?, email: String?) throws -> RegisterEntry? {
        let select = """
            SELECT e.id, e.number, e.applicant_id, e.columns, e.created_at, e.updated_at, e.terminated_at
            FROM register_entries e JOIN applicants a ON a.id = e.applicant_id
            WHERE e.terminated_at IS NULL AND
            """
        for (column, value) in [("a.iin = ?", iin), ("a.bin = ?", bin), ("a.email = ? COLLATE NOCASE", email)] {
            guard let value, !value.isEmpty else { continue }
            if let row = try database.query(select + " " + column + " ORDER BY e.id DESC LIMIT 1", [.text(value)]).first {
                return Self.entry(row)
            }
        }
        return nil
    }

    public func entry(caseID: Int64) throws -> RegisterEntry? {
        try database.query("""
            SELECT e.id, e.number, e.applicant_id, e.columns, e.created_at, e.updated_at, e.terminated_at
            FROM register_entries e JOIN register_entry_cases c ON c.entry_id = e.id WHERE c.case_id = ?
            ORDER BY e.id DESC LIMIT 1
            """, [.int(caseID)]).first.map(Self.entry)
    }

    public func entries() throws -> [RegisterEntry] {
        try database.query("""
            SELECT id, number, applicant_id, columns, created_at, updated_at, terminated_at FROM register_entries ORDER BY number
            """).map(Self.entry)
    }

    @discardableResult
    public func create(applicantID: Int64, columns: String, caseID: Int64, at: LocalDateTime) throws -> RegisterEntry {
        let number = (try database.query("SELECT max(number) FROM register_entries").first?.int(0) ?? 0) + 1
        try database.query("""
            INSERT INTO register_entries (number, applicant_id, columns, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
            """, [.int(number), .int(applicantID), .text(columns), .int(at.utcSeconds), .int(at.utcSeconds)])
        let id = database.lastInsertRowID
        try link(entryID: id, caseID: caseID)
        return RegisterEntry(id: id, number: Int(number), applicantID: applicantID, columns: columns,
                             createdAt: at, updatedAt: at, terminatedAt: nil)
    }

    public func update(entryID: Int64, columns: String, caseID: Int64, at: LocalDateTime) throws {
        try database.query("UPDATE register_entries SET columns = ?, updated_at = ? WHERE id = ?",
                           [.text(columns), .int(at.utcSeconds), .int(entryID)])
        try link(entryID: entryID, caseID: caseID)
    }

    public func terminate(entryID: Int64, columns: String, caseID: Int64, at: LocalDateTime) throws {
        try database.query("UPDATE register_entries SET columns = ?, updated_at = ?, terminated_at = ? WHERE id = ?",
                           [.text(columns), .int(at.utcSeconds), .int(at.utcSeconds), .int(entryID)])
        try link(entryID: entryID, caseID: caseID)
    }

    func link(entryID: Int64, caseID: Int64) throws {
        try database.query("INSERT OR IGNORE INTO register_entry_cases (entry_id, case_id) VALUES (?, ?)",
                           [.int(entryID), .int(caseID)])
    }

    static func entry(_ row: Row) -> RegisterEntry {
        RegisterEntry(id: row.int(0)!, number: Int(row.int(1)!), applicantID: row.int(2)!, columns: row.text(3)!,
                      createdAt: LocalDateTime(utcSeconds: row.int(4)!), updatedAt: LocalDateTime(utcSeconds: row.int(5)!),
                      terminatedAt: row.int(6).map(LocalDateTime.init(utcSeconds:)))
    }
}
