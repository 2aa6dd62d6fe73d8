import Cases

/// Whose case it is: the applicant's and the forwarding office's addresses, the open cases a
/// letter from an address may continue, and the IINs and BINs a case's letters name.
extension CaseBook {
    /// The applicant's own address (where notices go) and the office that forwarded the
    /// application (which gets copies), as the letter that opened the case gave them.
    public func setAddresses(caseID: Int64, applicant: String?, office: String?) throws {
        try database.query("UPDATE cases SET reply_to = coalesce(?, reply_to), office_address = ? WHERE id = ?",
                           [applicant.map { .text($0.lowercased()) } ?? .null, office.map { .text($0.lowercased()) } ?? .null,
                            .int(caseID)])
    }

    public func officeAddress(caseID: Int64) throws -> String? {
        try database.query("SELECT office_address FROM cases WHERE id = ?", [.int(caseID)]).first?.text(0)
    }

    /// Cases still open (under review or awaiting refinement) whose applicant or forwarding
    /// office writes from one of these addresses, newest first: what a fresh letter may continue.
    public func openCases(writtenFrom addresses: [String], limit: Int = 200) throws -> [CaseRecord] {
        let lowered = Array(Set(addresses.map { $0.lowercased() })).sorted()
        guard !lowered.isEmpty else { return [] }
        let marks = lowered.map { _ in "?" }.joined(separator: ", ")
        let values = lowered.map(Value.text)
        return try database.query("""
            SELECT \(Self.columns) FROM cases
            WHERE state IN ('under-review', 'refinement-requested')
              AND (reply_to COLLATE NOCASE IN (\(marks)) OR office_address COLLATE NOCASE IN (\(marks)))
            ORDER BY id DESC LIMIT ?
            """, values + values + [.int(Int64(limit))]).map(Self.record)
    }

    /// Other cases, open or decided, whose applicant has this IIN or BIN: possible duplicates.
    public func cases(sharingIIN iin: String?, bin: String?, excluding caseID: Int64? = nil) throws -> [CaseRecord] {
        var found: [CaseRecord] = []
        for (column, value) in [("iin", iin), ("bin", bin)] {
            guard let value, !value.isEmpty else { continue }
            let rows = try database.query("""
                SELECT \(Self.columns.split(separator: ",").map { "c." + $0.filter { !$0.isWhitespace } }.joined(separator: ", "))
                FROM cases c JOIN applicants a ON a.id = c.applicant_id
                WHERE a.\(column) = ? AND c.id <> ? ORDER BY c.id
                """, [.text(value), .int(caseID ?? -1)]).map(Self.record)
            for row in rows where !found.contains(where: { $0.id == row.id }) { found.append(row) }
        }
        return found
    }

    /// Every IIN and every BIN the case's letters name, as read (each applicant's own reading
    /// for a letter of several applicants). A case should hold at most one of each.
    public func identityNumbers(caseID: Int64) throws -> (iins: [String], bins: [String]) {
        let rows = try database.query("""
            SELECT DISTINCT json_extract(r.application, '$.fields.iin'), json_extract(r.application, '$.fields.bin') FROM (
                SELECT coalesce(mc.application, m.application) AS application
                FROM messages m LEFT JOIN message_cases mc ON mc.message_id = m.id AND mc.case_id = ?
                WHERE (m.case_id = ? OR mc.case_id IS NOT NULL) AND json_valid(coalesce(mc.application, m.application))
            ) r
            """, [.int(caseID), .int(caseID)])
        var iins: [String] = [], bins: [String] = []
        for row in rows {
            if let iin = row.text(0), !iins.contains(iin) { iins.append(iin) }
            if let bin = row.text(1), !bins.contains(bin) { bins.append(bin) }
        }
        return (iins, bins)
    }

    /// Whether a letter naming this IIN or BIN would make the case hold two different ones:
    /// the store's refusal, asked in the one place cases are continued.
    public func wouldHoldTwoIdentities(caseID: Int64, iin: String?, bin: String?) throws -> Bool {
        guard iin != nil || bin != nil else { return false }
        let held = try identityNumbers(caseID: caseID)
        if let iin, held.iins.contains(where: { $0 != iin }) { return true }
        if let bin, held.bins.contains(where: { $0 != bin }) { return true }
        return false
    }

    /// Cases whose letters name two different IINs or two different BINs: what `doctor` reports.
    public func casesHoldingSeveralIdentities() throws -> [(humanID: String, numbers: [String])] {
        let rows = try database.query("""
            WITH readings AS (
                SELECT m.case_id AS case_id, m.application AS application FROM messages m
                WHERE m.case_id IS NOT NULL AND json_valid(m.application)
                  AND NOT EXISTS (SELECT 1 FROM message_cases mc WHERE mc.message_id = m.id)
                UNION ALL
                SELECT mc.case_id, mc.application FROM message_cases mc WHERE json_valid(mc.application)
            ), numbers AS (
                SELECT case_id, 'IIN ' || json_extract(application, '$.fields.iin') AS number FROM readings
                WHERE json_extract(application, '$.fields.iin') IS NOT NULL
                UNION
                SELECT case_id, 'BIN ' || json_extract(application, '$.fields.bin') FROM readings
                WHERE json_extract(application, '$.fields.bin') IS NOT NULL
            )
            SELECT c.human_id, group_concat(n.number, ', ') FROM numbers n JOIN cases c ON c.id = n.case_id
            GROUP BY n.case_id
            HAVING count(DISTINCT CASE WHEN n.number LIKE 'IIN %' THEN n.number END) > 1
                OR count(DISTINCT CASE WHEN n.number LIKE 'BIN %' THEN n.number END) > 1
            ORDER BY c.id
            """)
        return rows.map { ($0.text(0)!, ($0.text(1) ?? "").split(separator: ", ").map(String.init)) }
    }
}

