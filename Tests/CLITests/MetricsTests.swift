import Dates
import Cases
import Foundation
import Glibc
import Store
import Testing
@testable import CLI
@testable import Service

/// A store with a few cases, messages and notices written straight in SQL, at a known moment.
private func smallStore(_ scratch: Scratch, now: LocalDateTime) throws -> Database {
    let database = try Database(path: scratch.path + "/tizilim.sqlite")
    let t = now.utcSeconds
    let today18 = LocalDateTime(date: now.date, hour: 18, minute: 0).utcSeconds
    let cases: [(String, String, Int64?, Int64?)] = [
        ("VR-2026-000001", "under-review", today18, nil),          // due today
        ("VR-2026-000002", "under-review", t - 86_400, nil),       // overdue
        ("VR-2026-000003", "refinement-requested", nil, t - 60),   // refinement lapsed, timer not fired yet
        ("VR-2026-000004", "accepted", nil, nil),
    ]
    for (id, state, review, refinement) in cases {
        try database.query("INSERT INTO cases (human_id, state, opened_at, review_deadline, refinement_deadline) VALUES (?, ?, ?, ?, ?)",
                           [.text(id), .text(state), .int(t - 7 * 86_400), review.map(Value.int) ?? .null,
                            refinement.map(Value.int) ?? .null])
    }
    for n in 1...3 {
        try database.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES (?, ?, 100, ?)",
                           [.text("sha\(n)"), .text("cur/\(n)"), .int(t - 3600)])
    }
    let notices: [(String, Int64)] = [("queued", t - 3600), ("queued", t - 600), ("sent", t - 7200), ("failed", t - 7200)]
    for (n, (state, created)) in notices.enumerated() {
        try database.query("""
            INSERT INTO outbox (notice, recipient, message_id, bytes, created_at, state, next_attempt_at)
            VALUES ('receipt', 'a@example.kz', ?, x'00', ?, ?, ?)
            """, [.text("notice-\(n)@mki.gov.kz"), .int(created), .text(state), .int(t)])
    }
    return database
}

@Suite struct MetricsText {
    let now = LocalDateTime(date: CivilDate(year: 2026, month: 3, day: 20), hour: 10, minute: 0)

    @Test func aSmallStoreGivesEveryFamilyWithHelpTypeAndItsCounts() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let database = try smallStore(scratch, now: now)
        let text = try Metrics(database: database, now: now, counters: .init(imapErrors: 2, smtpErrors: 1)).text
        let lines = Set(text.split(separator: "\n").map(String.init))
        for expected in [
            "# HELP tizilim_messages_total Messages taken from the Maildir into the store.",
            "# TYPE tizilim_messages_total counter",
            "tizilim_messages_total 3",
            "# TYPE tizilim_cases gauge",
            "tizilim_cases{state=\"under-review\"} 2",
            "tizilim_cases{state=\"refinement-requested\"} 1",
            "tizilim_cases{state=\"accepted\"} 1",
            "tizilim_cases{state=\"refused\"} 0",
            "tizilim_notices{state=\"queued\"} 2",
            "tizilim_notices{state=\"sent\"} 1",
            "tizilim_notices{state=\"failed\"} 1",
            "tizilim_notices{state=\"suppressed\"} 0",
            "tizilim_oldest_queued_notice_seconds 3600",
            "tizilim_review_deadlines_due_today 1",
            "tizilim_deadlines_overdue{kind=\"review\"} 1",
            "tizilim_deadlines_overdue{kind=\"refinement\"} 1",
            "# TYPE tizilim_imap_errors_total counter",
            "tizilim_imap_errors_total 2",
            "tizilim_smtp_errors_total 1",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        // Each family's HELP and TYPE come once, before its samples.
        let families = text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
        #expect(families.count == Set(families).count)
        #expect(text.hasSuffix("\n"))
    }

    @Test func anEmptyStoreReportsZerosNotMissingSeries() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let database = try Database(path: scratch.path + "/tizilim.sqlite")
        let text = try Metrics(database: database, now: now, counters: .init()).text
        #expect(text.contains("tizilim_oldest_queued_notice_seconds 0\n"))
        #expect(text.contains("tizilim_cases{state=\"closed\"} 0\n"))
        #expect(text.contains("tizilim_notices{state=\"failed\"} 0\n"))
    }

    @Test func labelValuesAreEscaped() {
        #expect(Metrics.escaped("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    }

    @Test func theFileIsReplacedWholeAndReadableByNodeExporter() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let database = try smallStore(scratch, now: now)
        let path = scratch.path + "/tizilim.prom"
        scratch.write("tizilim.prom", "stale\n", mode: 0o600)
        try MetricsFile.write(database: database, path: path, now: now, counters: .init(imapErrors: 0, smtpErrors: 4))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("tizilim_smtp_errors_total 4\n"))
        #expect(!text.contains("stale"))
        #expect(permissions(path) == 0o644)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
