import Cases

/// A case as the store keeps it: the machine's snapshot plus what identifies and addresses it.
public struct CaseRecord: Sendable, Equatable {
    public let id: Int64
    /// `VR-2026-000123`: what the applicant and staff quote.
    public let humanID: String
    public var snapshot: CaseSnapshot
    /// The applicant's kind (`volunteer`, `organization`, …) once a form named it.
    public var kind: String?
    /// `kk` or `ru`: the language of the applicant's form, which notices put first.
    public var language: String?
    /// The address notices go to.
    public var replyTo: String?
    public var applicantID: Int64?
    public var openedAt: LocalDateTime
    public var updatedAt: LocalDateTime
}

/// One line of a case's history as stored.
public struct StoredEvent: Sendable, Equatable {
    public let id: Int64
    public let event: CaseEvent
    public let data: String?
}

/// A deadline waiting to fire.
public struct DueTimer: Sendable, Equatable {
    public let id: Int64
    public let caseID: Int64
    public let kind: TimerKind
    public let dueAt: LocalDateTime
}

/// Cases, their events and their timers. Every write happens inside the caller's transaction
/// (`Database.transaction`), so a transition, its outbox rows and the message that caused it
/// are committed together or not at all.
public struct CaseBook {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    static let columns = """
        id, human_id, state, intent, flags, review_deadline, refinement_deadline, missing,
        kind, language, reply_to, applicant_id, opened_at, updated_at
        """

    // MARK: reading

    public func find(id: Int64) throws -> CaseRecord? {
        try database.query("SELECT \(Self.columns) FROM cases WHERE id = ?", [.int(id)]).first.map(Self.record)
    }

    public func find(humanID: String) throws -> CaseRecord? {
        try database.query("SELECT \(Self.columns) FROM cases WHERE human_id = ?", [.text(humanID)])
            .first.map(Self.record)
    }

    /// The newest case still open for this address in one of `states`: how a reply that lost
    /// its subject tag and threading still finds the refinement it answers.
    public func latestOpen(replyTo address: String, in states: [CaseState]) throws -> CaseRecord? {
        let marks = states.map { _ in "?" }.joined(separator: ", ")
        return try database.query("""
            SELECT \(Self.columns) FROM cases WHERE reply_to = ? COLLATE NOCASE AND state IN (\(marks))
            ORDER BY id DESC LIMIT 1
            """, [.text(address)] + states.map { .text($0.rawValue) }).first.map(Self.record)
    }

    public struct Filter: Sendable {
        public var state: CaseState?
        public var flaggedOnly = false
        /// Cases with a running deadline (review or refinement) at or before this time.
        public var dueBefore: LocalDateTime?
        public init(state: CaseState? = nil, flaggedOnly: Bool = false, dueBefore: LocalDateTime? = nil) {
            self.state = state
            self.flaggedOnly = flaggedOnly
            self.dueBefore = dueBefore
        }
    }

    /// Oldest first: the case that has waited longest is the one to read next.
    public func list(_ filter: Filter = Filter()) throws -> [CaseRecord] {
        var conditions: [String] = []
        var values: [Value] = []
        if let state = filter.state {
            conditions.append("state = ?")
            values.append(.text(state.rawValue))
        }
        if filter.flaggedOnly { conditions.append("flags <> ''") }
        if let due = filter.dueBefore {
            conditions.append("min(coalesce(review_deadline, 9e18), coalesce(refinement_deadline, 9e18)) <= ?")
            values.append(.int(due.utcSeconds))
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try database.query("SELECT \(Self.columns) FROM cases \(clause) ORDER BY id", values).map(Self.record)
    }

    public func events(caseID: Int64) throws -> [StoredEvent] {
        try database.query("SELECT id, at, actor, type, reason, data FROM events WHERE case_id = ? ORDER BY id",
                           [.int(caseID)]).map { row in
            StoredEvent(id: row.int(0)!,
                        event: CaseEvent(type: row.text(3)!, actor: row.text(2)!,
                                         at: LocalDateTime(utcSeconds: row.int(1)!), reason: row.text(4)),
                        data: row.text(5))
        }
    }

    /// Timers due at or before `now`, earliest first, that are neither fired nor cancelled.
    public func dueTimers(asOf now: LocalDateTime) throws -> [DueTimer] {
        try database.query("""
            SELECT id, case_id, kind, due_at FROM timers
            WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= ? ORDER BY due_at, id
            """, [.int(now.utcSeconds)]).compactMap(Self.timer)
    }

    /// When the earliest armed timer is due, nil when none is.
    public func nextTimerDue() throws -> LocalDateTime? {
        try database.query("SELECT min(due_at) FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL")
            .first?.int(0).map(LocalDateTime.init(utcSeconds:))
    }

    /// The case's timers still armed, for showing when it is due.
    public func armedTimers(caseID: Int64) throws -> [DueTimer] {
        try database.query("""
            SELECT id, case_id, kind, due_at FROM timers
            WHERE case_id = ? AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, id
            """, [.int(caseID)]).compactMap(Self.timer)
    }

    // MARK: writing

    /// The next `VR-YYYY-NNNNNN` of the year: numbered per year, as the ministry numbers its files.
    public func nextHumanID(year: Int) throws -> String {
        let prefix = "VR-\(year)-"
        // A range, not LIKE: LIKE ignores case, which the index on human_id cannot answer, so
        // opening a case read every case ever opened. `.` comes after `-` in ASCII.
        let last = try database.query("""
            SELECT human_id FROM cases WHERE human_id >= ? AND human_id < ? ORDER BY human_id DESC LIMIT 1
            """, [.text(prefix), .text("VR-\(year).")]).first?.text(0)
        let number = last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        let digits = String(number + 1)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Creates the case a first message's transition opened, and records that transition.
    public func open(_ transition: Transition, at: LocalDateTime, kind: String?, language: String?,
                     replyTo: String?, applicantID: Int64?) throws -> CaseRecord {
        let humanID = try nextHumanID(year: at.date.year)
        // The row is born with the transition's projection: inserting it bare and then letting
        // `record` update it would write the new row twice.
        try database.query("""
            INSERT INTO cases (state, intent, flags, review_deadline, refinement_deadline, missing, updated_at,
                               human_id, kind, applicant_id, opened_at, reply_to, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, Self.projection(transition, at: at)
                + [.text(humanID), kind.map(Value.text) ?? .null, applicantID.map(Value.int) ?? .null,
                   .int(at.utcSeconds), replyTo.map(Value.text) ?? .null, language.map(Value.text) ?? .null])
        let id = database.lastInsertRowID
        try appendHistory(transition, caseID: id, at: at)
        return try find(id: id)!
    }

    /// Stores the case the transition produced, appends its events and arms or cancels its timers.
    /// Notices and register changes are the caller's: they need more than the store knows.
    public func record(_ transition: Transition, caseID: Int64, at: LocalDateTime, eventData: String? = nil) throws {
        try database.query("""
            UPDATE cases SET state = ?, intent = ?, flags = ?, review_deadline = ?, refinement_deadline = ?,
                             missing = ?, updated_at = ?
            WHERE id = ?
            """, Self.projection(transition, at: at) + [.int(caseID)])
        try appendHistory(transition, caseID: caseID, at: at, eventData: eventData)
    }

    /// The case's columns a transition sets: state, intent, flags, review_deadline,
    /// refinement_deadline, missing, updated_at, in that order.
    static func projection(_ transition: Transition, at: LocalDateTime) -> [Value] {
        [.text(transition.state.rawValue), .text(transition.intent.rawValue),
         .text(transition.flags.map(\.rawValue).joined(separator: ",")),
         transition.reviewDeadline.map { .int($0.utcSeconds) } ?? .null,
         transition.refinementDeadline.map { .int($0.utcSeconds) } ?? .null,
         .text(transition.missing.joined(separator: "\n")), .int(at.utcSeconds)]
    }

    /// The transition's events, and its timers armed or cancelled.
    func appendHistory(_ transition: Transition, caseID: Int64, at: LocalDateTime, eventData: String? = nil) throws {
        for (i, event) in transition.events.enumerated() {
            try database.query("INSERT INTO events (case_id, at, actor, type, reason, data) VALUES (?, ?, ?, ?, ?, ?)",
                               [.int(caseID), .int(event.at.utcSeconds), .text(event.actor), .text(event.type),
                                event.reason.map(Value.text) ?? .null,
                                i == 0 ? eventData.map(Value.text) ?? .null : .null])
        }
        for effect in transition.effects {
            switch effect {
            case let .schedule(kind, due):
                try database.query("INSERT INTO timers (case_id, kind, due_at) VALUES (?, ?, ?)",
                                   [.int(caseID), .text(kind.rawValue), .int(due.utcSeconds)])
            case let .cancel(kind):
                try database.query("""
                    UPDATE timers SET cancelled_at = ? WHERE case_id = ? AND kind = ?
                    AND fired_at IS NULL AND cancelled_at IS NULL
                    """, [.int(at.utcSeconds), .int(caseID), .text(kind.rawValue)])
            default:
                continue
            }
        }
    }

    /// A timer is spent once it fired, whether the machine acted on it or found it stale.
    public func markFired(timerID: Int64, at: LocalDateTime) throws {
        try database.query("UPDATE timers SET fired_at = ? WHERE id = ? AND fired_at IS NULL",
                           [.int(at.utcSeconds), .int(timerID)])
    }

    public func setKind(_ kind: String?, language: String?, caseID: Int64) throws {
        try database.query("UPDATE cases SET kind = coalesce(?, kind), language = coalesce(?, language) WHERE id = ?",
                           [kind.map(Value.text) ?? .null, language.map(Value.text) ?? .null, .int(caseID)])
    }

    public func setApplicant(_ applicantID: Int64, caseID: Int64) throws {
        try database.query("UPDATE cases SET applicant_id = ? WHERE id = ?", [.int(applicantID), .int(caseID)])
    }

    // MARK: rows

    static func record(_ row: Row) -> CaseRecord {
        let flags = (row.text(4) ?? "").split(separator: ",").compactMap { FlagReason(rawValue: String($0)) }
        let missing = (row.text(7) ?? "").split(separator: "\n").map(String.init)
        let snapshot = CaseSnapshot(state: row.text(2).flatMap(CaseState.init(rawValue:)),
                                    intent: row.text(3).flatMap(CaseIntent.init(rawValue:)) ?? .application,
                                    flags: flags,
                                    reviewDeadline: row.int(5).map(LocalDateTime.init(utcSeconds:)),
                                    refinementDeadline: row.int(6).map(LocalDateTime.init(utcSeconds:)),
                                    missing: missing)
        return CaseRecord(id: row.int(0)!, humanID: row.text(1)!, snapshot: snapshot, kind: row.text(8),
                          language: row.text(9), replyTo: row.text(10), applicantID: row.int(11),
                          openedAt: LocalDateTime(utcSeconds: row.int(12)!),
                          updatedAt: LocalDateTime(utcSeconds: row.int(13) ?? row.int(12)!))
    }

    static func timer(_ row: Row) -> DueTimer? {
        guard let kind = row.text(2).flatMap(TimerKind.init(rawValue:)) else { return nil }
        return DueTimer(id: row.int(0)!, caseID: row.int(1)!, kind: kind, dueAt: LocalDateTime(utcSeconds: row.int(3)!))
    }
}
