import Dates
import Glibc
import Testing
@testable import Store
import Cases

/// A fresh store file in a fresh folder.
func temporaryStore() throws -> (Database, String) {
    var template = Array("/tmp/tizilim-store-XXXXXX".utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    let path = folder + "/tizilim.sqlite"
    return (try Database(path: path), path)
}

func removeStore(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    rmdir(String(path[..<path.lastIndex(of: "/")!]))
}

@Suite struct StoreSettings {
    @Test func durableSharedSettingsAreOn() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        #expect(try db.query("PRAGMA journal_mode").first?.text(0) == "wal")
        #expect(try db.query("PRAGMA synchronous").first?.int(0) == 2)
        #expect(try db.query("PRAGMA foreign_keys").first?.int(0) == 1)
    }

    @Test func theFileIsNotWorldReadable() throws {
        let (_, path) = try temporaryStore()
        defer { removeStore(path) }
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o007 == 0)
    }

    @Test func migrationsRunOnceAndSetTheVersion() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        #expect(db.userVersion == Schema.migrations.last!.version)
        let again = try Database(path: path)
        #expect(again.userVersion == Schema.migrations.last!.version)
        #expect(try again.query("SELECT count(*) FROM sqlite_master WHERE name = 'events'").first?.int(0) == 1)
    }

    @Test func eventsAreAppendOnly() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        try db.query("INSERT INTO cases(human_id, state, opened_at) VALUES ('VR-2026-000001', 'received', 0)")
        try db.query("INSERT INTO events(case_id, at, actor, type) VALUES (?, 0, 'daemon', 'received')", [.int(db.lastInsertRowID)])
        #expect(throws: Database.Failure.self) { try db.query("UPDATE events SET actor = 'someone'") }
        #expect(throws: Database.Failure.self) { try db.query("DELETE FROM events") }
        #expect(try db.query("SELECT actor FROM events").first?.text(0) == "daemon")
    }

    @Test func foreignKeysAreEnforced() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        #expect(throws: Database.Failure.self) {
            try db.query("INSERT INTO events(case_id, at, actor, type) VALUES (999, 0, 'daemon', 'x')")
        }
    }

    @Test func aFailedTransactionLeavesNothingBehind() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try db.transaction {
                try db.query("INSERT INTO cases(human_id, state, opened_at) VALUES ('VR-2026-000002', 'received', 0)")
                throw Stop()
            }
        }
        #expect(try db.query("SELECT count(*) FROM cases").first?.int(0) == 0)
    }

    @Test func duplicateMessageHashIsRejected() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let insert = "INSERT INTO messages(sha256, maildir_path, size, received_at) VALUES (?, 'new/x', 1, 0)"
        try db.query(insert, [.text("abc")])
        #expect(throws: Database.Failure.self) { try db.query(insert, [.text("abc")]) }
    }

    @Test func valuesRoundTrip() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let row = try db.query("SELECT ?, ?, ?, ?", [.int(42), .text("Өтініш"), .blob([0, 1, 255]), .null]).first
        #expect(row?.values == [.int(42), .text("Өтініш"), .blob([0, 1, 255]), .null])
    }

    @Test func aCompiledStatementRunsAgainWithFreshValues() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let insert = "INSERT INTO messages(sha256, maildir_path, size, received_at, subject) VALUES (?, 'new/x', 1, 0, ?)"
        try db.query(insert, [.text("a"), .text("first")])
        #expect(throws: Database.Failure.self) { try db.query(insert, [.text("a"), .text("again")]) }
        // Fewer values than parameters: the rest are NULL, not what the last run bound.
        try db.query(insert, [.text("b")])
        let subjects = try db.query("SELECT sha256, subject FROM messages ORDER BY id").map { [$0.text(0), $0.text(1)] }
        #expect(subjects == [["a", "first"], ["b", nil]])
    }

    @Test func aClosedConnectionLeavesNoLockBehind() throws {
        let (_, path) = try temporaryStore()
        defer { removeStore(path) }
        do {
            let db = try Database(path: path)
            try db.transaction { _ = try db.query("INSERT INTO cases(human_id, state, opened_at) VALUES ('VR-2026-000004', 'received', 0)") }
            _ = try db.query("SELECT count(*) FROM cases")
            #expect(try Database.isOpenElsewhere(path: path))
        }
        #expect(try !Database.isOpenElsewhere(path: path))
    }

    @Test func twoConnectionsShareTheStore() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let other = try Database(path: path)
        try db.query("INSERT INTO cases(human_id, state, opened_at) VALUES ('VR-2026-000003', 'received', 0)")
        #expect(try other.query("SELECT human_id FROM cases").first?.text(0) == "VR-2026-000003")
    }
}

@Suite struct CaseBookStorage {
    @Test func aVersionOneStoreMigratesAndKeepsItsCases() throws {
        let (_, path) = try temporaryStore()
        defer { removeStore(path) }
        unlink(path)
        let old = try Database(path: path, migrations: [Schema.migrations[0]])
        try old.query("INSERT INTO cases (human_id, state, flag_reason, opened_at) VALUES ('VR-2026-000001', 'under-review', 'unreadable', 1)")
        let migrated = try Database(path: path)
        #expect(migrated.userVersion == Schema.migrations.last!.version)
        let record = try #require(try CaseBook(migrated).find(humanID: "VR-2026-000001"))
        #expect(record.snapshot.state == .underReview)
        #expect(record.snapshot.intent == .application)
        #expect(try CaseBook(migrated).nextHumanID(year: 2026) == "VR-2026-000002")
        #expect(try CaseBook(migrated).nextHumanID(year: 2027) == "VR-2027-000001")
    }

    @Test func humanIDsAreNumberedPerYear() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        for id in ["VR-2025-000007", "VR-2026-000009", "VR-2026-000010", "VR-2027-000001"] {
            try db.query("INSERT INTO cases(human_id, state, opened_at) VALUES (?, 'received', 0)", [.text(id)])
        }
        let book = CaseBook(db)
        #expect(try book.nextHumanID(year: 2025) == "VR-2025-000008")
        #expect(try book.nextHumanID(year: 2026) == "VR-2026-000011")
        #expect(try book.nextHumanID(year: 2028) == "VR-2028-000001")
    }

    @Test func aLoggedMessageIsWhatReadingItBackGives() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let log = MessageLog(db)
        let at = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 2), hour: 10, minute: 0)
        for (sha, subject) in [("a", "Өтініш"), ("b", "before\u{0}after"), ("c", nil)] as [(String, String?)] {
            let logged = try log.insert(sha256: sha, messageID: "m-\(sha)@x", sender: "a@b.kz", subject: subject,
                                        maildirPath: "new/\(sha)", size: 10, receivedAt: at, caseID: nil,
                                        disposition: "ignored", application: String(repeating: "{}", count: 3000))
            #expect(try log.find(id: logged.id) == logged)
        }
    }

    @Test func cancelledTimersNeverComeDue() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let at = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 2), hour: 10, minute: 0)
        let due = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 5), hour: 18, minute: 0)
        func apply(_ input: CaseInput, _ snapshot: CaseSnapshot) throws -> Transition {
            try CaseMachine.apply(input, to: snapshot, policy: .auto, calendar: BusinessCalendar()).get()
        }
        let opened = try apply(.opened(intent: .application, assessment: Assessment(outcome: .incomplete, missing: ["iin"]),
                                       at: at, hasRegisterEntry: false), .unopened)
        let book = CaseBook(db)
        let record = try db.transaction { try book.open(opened, at: at, kind: "volunteer", language: "ru", replyTo: "a@b.kz", applicantID: nil) }
        #expect(try book.dueTimers(asOf: due).map(\.kind) == [.refinementDeadline])
        let accepted = try apply(.resubmitted(assessment: .complete, at: at), try #require(try book.find(id: record.id)).snapshot)
        try db.transaction { try book.record(accepted, caseID: record.id, at: at) }
        #expect(try book.dueTimers(asOf: due).isEmpty)
        #expect(try book.find(id: record.id)?.snapshot.state == .accepted)
        #expect(try book.events(caseID: record.id).map(\.event.type) == ["opened", "refinement-requested", "resubmitted", "accepted"])
    }
}
