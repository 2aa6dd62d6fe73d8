import Cases

/// One link between two cases as staff see it in `cases show` and `cases list`.
public struct CaseLink: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The same IIN or BIN in another case, or in the register: never merged by the daemon.
        case possibleDuplicate = "possible-duplicate"
        /// `cases merge A B`: B's letters and history went into A.
        case merged
        /// `cases split A MESSAGE`: a letter went out of A into a case of its own.
        case split
    }

    /// Seen from the case asked about: the other case's human id.
    public let otherHumanID: String
    public let kind: Kind
    /// True when the case asked about is the link's first side (the new case that found a
    /// duplicate, the case merged into, the case split from).
    public let outgoing: Bool
    public let reason: String?
    public let actor: String
    public let at: LocalDateTime
}

/// Links between cases, append-only like the history they accompany.
public struct CaseLinks {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    public func link(_ caseID: Int64, to otherCaseID: Int64, kind: CaseLink.Kind, reason: String?, actor: String,
                     at: LocalDateTime) throws {
        try database.query("""
            INSERT INTO case_links (case_id, other_case_id, kind, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.int(caseID), .int(otherCaseID), .text(kind.rawValue), reason.map(Value.text) ?? .null, .text(actor),
                  .int(at.utcSeconds)])
    }

    /// Both directions, oldest first.
    public func links(caseID: Int64) throws -> [CaseLink] {
        try database.query("""
            SELECT c.human_id, l.kind, 1, l.reason, l.actor, l.at, l.id FROM case_links l JOIN cases c ON c.id = l.other_case_id
            WHERE l.case_id = ?
            UNION ALL
            SELECT c.human_id, l.kind, 0, l.reason, l.actor, l.at, l.id FROM case_links l JOIN cases c ON c.id = l.case_id
            WHERE l.other_case_id = ?
            ORDER BY 7
            """, [.int(caseID), .int(caseID)]).compactMap { row in
            guard let kind = row.text(1).flatMap(CaseLink.Kind.init(rawValue:)) else { return nil }
            return CaseLink(otherHumanID: row.text(0)!, kind: kind, outgoing: row.int(2) == 1, reason: row.text(3),
                            actor: row.text(4)!, at: LocalDateTime(utcSeconds: row.int(5)!))
        }
    }

    /// Every case's possible duplicates by human id, for the officer's list in one query.
    public func duplicates() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for row in try database.query("""
            SELECT a.human_id, b.human_id FROM case_links l JOIN cases a ON a.id = l.case_id JOIN cases b ON b.id = l.other_case_id
            WHERE l.kind = 'possible-duplicate' ORDER BY l.id
            """) {
            let (x, y) = (row.text(0)!, row.text(1)!)
            if !(out[x] ?? []).contains(y) { out[x, default: []].append(y) }
            if !(out[y] ?? []).contains(x) { out[y, default: []].append(x) }
        }
        return out
    }
}
