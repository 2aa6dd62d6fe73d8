extension RegisterBook {
    /// The applicant row as staff corrected it: unlike `applicant(_:)`, which only fills gaps from
    /// a new message, a correction replaces the wrong value.
    public func correct(applicantID: Int64, _ who: ApplicantIdentity) throws {
        let values: [Value] = [who.kind, who.fullName, who.organizationName, who.iin, who.bin, who.email, who.phone]
            .map { $0.map(Value.text) ?? .null }
        try database.query("""
            UPDATE applicants SET kind = coalesce(?, kind), full_name = coalesce(?, full_name),
                organization_name = coalesce(?, organization_name), iin = coalesce(?, iin), bin = coalesce(?, bin),
                email = coalesce(?, email), phone = coalesce(?, phone)
            WHERE id = ?
            """, values + [.int(applicantID)])
    }

    public func identity(applicantID: Int64) throws -> ApplicantIdentity? {
        try database.query("""
            SELECT kind, full_name, organization_name, iin, bin, email, phone FROM applicants WHERE id = ?
            """, [.int(applicantID)]).first.map(Self.identity)
    }

    static func identity(_ row: Row) -> ApplicantIdentity {
        ApplicantIdentity(kind: row.text(0), fullName: row.text(1), organizationName: row.text(2), iin: row.text(3),
                          bin: row.text(4), email: row.text(5), phone: row.text(6))
    }
}
