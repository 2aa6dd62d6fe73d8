import Cases

/// A case with who it is about, as staff look it up: by name, e-mail, IIN or organisation.
public struct CaseWithApplicant: Sendable, Equatable {
    public let record: CaseRecord
    /// The applicants row, when the case's form named someone.
    public let applicant: ApplicantIdentity?

    public init(record: CaseRecord, applicant: ApplicantIdentity?) {
        self.record = record
        self.applicant = applicant
    }
}

/// Every case with its applicant in one query: the officer's list is filtered and ordered by the
/// caller, because "what needs a person first" is policy, not storage.
public struct CasesWithApplicants {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    public func entries() throws -> [CaseWithApplicant] {
        let caseColumns = CaseBook.columns.split(separator: ",")
            .map { "c." + $0.trimmingCharacters() }.joined(separator: ", ")
        return try database.query("""
            SELECT \(caseColumns), a.id, a.kind, a.full_name, a.organization_name, a.iin, a.bin, a.email, a.phone
            FROM cases c LEFT JOIN applicants a ON a.id = c.applicant_id ORDER BY c.id
            """).map { row in
            let record = CaseBook.record(Row(values: Array(row.values[0..<14])))
            let applicant = row.int(14) == nil ? nil : RegisterBook.identity(Row(values: Array(row.values[15...])))
            return CaseWithApplicant(record: record, applicant: applicant)
        }
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
