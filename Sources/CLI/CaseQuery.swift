import Cases
import Store

/// Which cases `tizilim cases` lists, and in what order: the officer's queue.
///
/// By default only cases that are still running or that carry a flag: decided and closed cases
/// without a flag need nobody, and a list that grows with every accepted application would bury
/// the few that do. `--all`, a `--state` or a `--search` reach the rest.
struct CaseQuery: Sendable {
    var state: CaseState?
    var kind: String?
    var flaggedOnly = false
    var dueBefore: LocalDateTime?
    var search: String?
    var all = false

    func matches(_ entry: CaseWithApplicant) -> Bool {
        let record = entry.record
        let s = record.snapshot
        if let state, s.state != state { return false }
        if let kind, record.kind != kind { return false }
        if flaggedOnly && s.flags.isEmpty { return false }
        if let dueBefore {
            guard let due = Self.deadline(s), due <= dueBefore else { return false }
        }
        if let search, !Self.contains(entry, search) { return false }
        if !all && state == nil && search == nil && s.state?.isFinal == true && s.flags.isEmpty { return false }
        return true
    }

    /// Flagged cases first, then cases waiting for a staff decision, then those waiting for the
    /// applicant, then the rest; within each, the deadline soonest, then the oldest case.
    func ordered(_ entries: [CaseWithApplicant]) -> [CaseWithApplicant] {
        entries.filter(matches).sorted { a, b in
            let ra = Self.rank(a.record.snapshot), rb = Self.rank(b.record.snapshot)
            if ra != rb { return ra < rb }
            switch (Self.deadline(a.record.snapshot), Self.deadline(b.record.snapshot)) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.record.id < b.record.id
            }
        }
    }

    static func rank(_ s: CaseSnapshot) -> Int {
        if !s.flags.isEmpty { return 0 }
        switch s.state {
        case .underReview: return 1
        case .refinementRequested: return 2
        default: return 3
        }
    }

    /// The term that runs: the applicant's refinement, else the officer's review.
    static func deadline(_ s: CaseSnapshot) -> LocalDateTime? {
        s.refinementDeadline ?? s.reviewDeadline
    }

    /// Case-insensitive in every alphabet (SQLite's LIKE folds ASCII only): the case number,
    /// the applicant's name, organisation, IIN, BIN, e-mail and the address notices go to.
    static func contains(_ entry: CaseWithApplicant, _ text: String) -> Bool {
        let needle = text.lowercased().filter { !$0.isWhitespace }
        guard !needle.isEmpty else { return true }
        let a = entry.applicant
        let haystack = [entry.record.humanID, entry.record.replyTo, a?.fullName, a?.organizationName, a?.iin, a?.bin,
                        a?.email, a?.phone]
        return haystack.contains { value in
            guard let value else { return false }
            return value.lowercased().filter { !$0.isWhitespace }.contains(needle)
        }
    }
}
