import Cases
import Dispatch
import Foundation
import Intake
import Mailbox
import Store
import Synchronization
import TestRig
import Testing

/// IMAP faults end to end, as the daemon lives them: fetch into the Maildir (MailFetch, the
/// cursor saved in the store), sweep into the store, fetch again. Whatever the server does, each
/// letter opens one case and gets one notice. Serialized: these tests restart the suite's Dovecot.
@Suite(.dovecot, .serialized) struct IMAPFaultIntakeTests {
    /// The daemon's pieces over one IMAP folder, one Maildir and one store.
    private struct MailIntake {
        let server: DovecotServer
        let folder: String
        let directory: String
        let maildir: Maildir
        let intake: Intake
        let fetch: MailFetch
        let now = LocalDateTime(utcSeconds: Int64(time(nil)) + 60)

        var database: Database { intake.database }
        var storePath: String { directory + "/tizilim.sqlite" }

        func sweep() throws -> [IntakePass.Step] {
            try IntakePass(maildir: maildir, intake: intake).run(now: now).filter { $0.outcome.disposition != .timer }
        }

        /// Every case holds one message and one notice, and no notice is queued twice.
        func expectOneMessageAndOneNoticePerCase(cases expected: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let cases = try CaseBook(database).list()
            #expect(cases.count == expected, sourceLocation: sourceLocation)
            var noticeIDs: [String] = []
            for record in cases {
                #expect(try MessageLog(database).messages(caseID: record.id).count == 1, sourceLocation: sourceLocation)
                let notices = try Outbox(database).items(caseID: record.id)
                #expect(notices.map(\.notice) == ["refinement"], "case \(record.humanID)", sourceLocation: sourceLocation)
                noticeIDs += notices.map(\.messageID)
            }
            #expect(Set(noticeIDs).count == expected, sourceLocation: sourceLocation)
        }

        /// The SHA-256 of every message the store recorded.
        func storedDigests() throws -> [String] {
            try CaseBook(database).list().flatMap { try MessageLog(database).messages(caseID: $0.id).map(\.sha256) }
        }
    }

    private func setUp() throws -> MailIntake {
        let server = try #require(DovecotServer.current)
        let folder = TestMessage.uniqueName("Intake")
        try server.client.create(folder)
        let directory = Letters.folder()
        let maildir = Maildir(path: directory + "/maildir")
        try maildir.create()
        let intake = try Letters.intake(directory)
        let account = IMAPAccount(url: server.url(folder), user: server.user, credential: .password(server.password),
                                  timeoutSeconds: 5)
        let fetch = MailFetch(fetcher: try IMAPFetcher(account: account), maildir: maildir,
                              positions: FetchPositions(intake.database))
        return MailIntake(server: server, folder: folder, directory: directory, maildir: maildir, intake: intake, fetch: fetch)
    }

    /// Letters from different applicants, each missing the IIN: each opens a case and gets a refinement notice.
    private func letters(_ range: ClosedRange<Int>, tag: String) -> (bytes: [[UInt8]], messageIDs: [String]) {
        let ids = range.map { "\(tag)-\($0)@mail.kz" }
        let bytes = range.map { index in
            Letters.letter(from: "applicant\(index)@mail.kz", messageID: "\(tag)-\(index)@mail.kz", body: Letters.bodyWithoutIIN)
        }
        return (bytes, ids)
    }

    @Test func lettersFetchedAcrossAServerCrashInTheMiddleOfAFetchEachOpenOneCaseWithOneNotice() throws {
        let daemon = try setUp()
        defer { Letters.remove(daemon.directory) }
        let tag = TestMessage.uniqueName("crash")
        let (letters, messageIDs) = letters(1...40, tag: tag)
        try daemon.server.client.append(letters, to: daemon.folder)

        // Another connection holds the store (as a staff command might), so the fetcher, with its
        // first letter in the Maildir, waits to save its position; meanwhile Dovecot is killed.
        // Then the store is released: the fetcher goes on to a server that is gone.
        let locked = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let outcome = ThreadOutcome()
        let storePath = daemon.storePath
        let maildir = daemon.maildir
        let server = daemon.server
        finished.enter()
        Thread {
            defer { finished.leave() }
            do {
                let other = try Database(path: storePath)
                try other.execute("BEGIN IMMEDIATE")
                locked.signal()
                let deadline = ContinuousClock.now + .seconds(10)
                while try maildir.pending().isEmpty && ContinuousClock.now < deadline { usleep(500) }
                try server.halt(crash: true)
                try other.execute("COMMIT")
            } catch {
                outcome.error.withLock { $0 = "\(error)" }
                locked.signal()
            }
        }.start()
        locked.wait()

        var failure: (any Error)?
        do { try daemon.fetch.run() } catch { failure = error }
        #expect(finished.wait(timeout: .now() + 15) == .success)
        #expect(outcome.error.withLock { $0 } == nil)
        #expect(failure is IMAPError, "the fetch ended with \(String(describing: failure))")

        // The daemon's next passes: sweep what came, fetch again once the server is back, sweep.
        var lines = try daemon.sweep()
        #expect(lines.count == 1)
        try daemon.server.startAgain()
        #expect(try daemon.fetch.run() == 39)
        lines += try daemon.sweep()
        #expect(try daemon.fetch.run() == 0)
        #expect(try daemon.sweep().isEmpty)

        #expect(lines.map(\.outcome.disposition) == Array(repeating: .opened, count: 40))
        #expect(lines.compactMap(\.messageID).sorted() == messageIDs.sorted())
        #expect(try daemon.storedDigests().sorted() == letters.map(Digest.sha256Hex).sorted())
        try daemon.expectOneMessageAndOneNoticePerCase(cases: 40)
    }

    @Test func afterAUIDValidityResetEveryLetterComesAgainAndIsTakenAsADuplicateWithNoNewCaseOrNotice() throws {
        let daemon = try setUp()
        defer { Letters.remove(daemon.directory) }
        let tag = TestMessage.uniqueName("reset")
        let (early, earlyIDs) = letters(1...5, tag: tag)
        try daemon.server.client.append(early, to: daemon.folder)
        #expect(try daemon.fetch.run() == 5)
        let firstPass = try daemon.sweep()
        #expect(firstPass.map(\.outcome.disposition) == Array(repeating: .opened, count: 5))
        var caseOf: [String: String] = [:]
        for line in firstPass { caseOf[line.messageID ?? ""] = line.outcome.caseID }
        let before = try #require(try FetchPositions(daemon.database).position(folder: daemon.fetch.fetcher.account.url))

        // The server forgets the folder's UIDs: the five, still there, get new ones under a new
        // UIDVALIDITY; two letters arrive after that.
        try daemon.server.forgetUIDs(of: daemon.folder)
        let (late, lateIDs) = letters(6...7, tag: tag)
        try daemon.server.client.append(late, to: daemon.folder)

        #expect(try daemon.fetch.run() == 7)
        let secondPass = try daemon.sweep()
        let duplicates = secondPass.filter { $0.outcome.disposition == .duplicate }
        let opened = secondPass.filter { $0.outcome.disposition == .opened }
        #expect(secondPass.count == 7)
        #expect(duplicates.compactMap(\.messageID).sorted() == earlyIDs.sorted())
        for line in duplicates {
            #expect(line.outcome.caseID != nil && line.outcome.caseID == caseOf[line.messageID ?? ""])
            #expect(line.outcome.notices.isEmpty)
        }
        #expect(opened.compactMap(\.messageID).sorted() == lateIDs.sorted())

        let after = try #require(try FetchPositions(daemon.database).position(folder: daemon.fetch.fetcher.account.url))
        #expect(after.uidValidity != before.uidValidity)
        #expect(after.lastUID == 7)
        #expect(try daemon.fetch.run() == 0)
        #expect(try daemon.storedDigests().sorted() == (early + late).map(Digest.sha256Hex).sorted())
        try daemon.expectOneMessageAndOneNoticePerCase(cases: 7)
        // Both copies of each early letter are kept in the Maildir, taken.
        #expect(try daemon.maildir.pending().isEmpty)
        #expect(try daemon.maildir.entries(in: .cur).count == 12)
    }
}

/// What another thread saw, for the test to read once it is done.
private final class ThreadOutcome: Sendable {
    let error = Mutex<String?>(nil)
}
