import Dispatch
import Foundation
import Mailbox
import Synchronization
import TestRig
import Testing

/// What another thread saw, for the test to read once it is done.
private final class ThreadOutcome: Sendable {
    let error = Mutex<String?>(nil)
}

/// IMAP faults against a real Dovecot: the server going down in the middle of a fetch, its
/// UIDs renumbered, a message vanishing between the search and its fetch. Whatever happens, the
/// Maildir ends up with every message, and a fetch that fails says so with an `IMAPError`
/// within the transfer timeout. Serialized: these tests restart the suite's server.
@Suite(.dovecot, .serialized) struct IMAPFaultTests {
    private static let timeoutSeconds = 5

    private struct Setup {
        let server: DovecotServer
        let folder: String
        let maildir: Maildir
        let directory: TemporaryDirectory

        var account: IMAPAccount { account() }

        func account(doneFolder: String? = nil) -> IMAPAccount {
            IMAPAccount(url: server.url(folder), user: server.user, credential: .password(server.password),
                        doneFolder: doneFolder, timeoutSeconds: IMAPFaultTests.timeoutSeconds)
        }

        /// Every message in the Maildir, waiting or taken.
        func delivered() throws -> [[UInt8]] {
            try (maildir.pending() + maildir.entries(in: .cur)).map { try maildir.read($0) }
        }

        /// Appends `messages` to the test's folder; their UIDs, in order.
        func append(_ messages: [[UInt8]]) throws -> [UInt32] {
            try server.client.append(messages, to: folder)
            return try server.client.uids(in: folder)
        }

        /// What `fetcher` finds after `cursor`, delivered into the Maildir.
        @discardableResult
        func fetch(_ fetcher: IMAPFetcher, after cursor: IMAPCursor?,
                   progress: (IMAPCursor) throws -> Void = { _ in }) throws -> IMAPCursor {
            try fetcher.fetchNew(after: cursor, deliver: { try maildir.deliver($0) }, progress: progress)
        }

        /// How often each message of `expected` is in the Maildir, and whether anything else is.
        func expectEachExactlyOnce(_ expected: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) throws {
            var counts: [[UInt8]: Int] = [:]
            for message in try delivered() { counts[message, default: 0] += 1 }
            let missing = expected.filter { counts[$0] == nil }.count
            let repeated = counts.values.filter { $0 > 1 }.count
            let strangers = counts.keys.filter { !expected.contains($0) }.count
            #expect(missing == 0, "messages never delivered", sourceLocation: sourceLocation)
            #expect(repeated == 0, "messages delivered more than once", sourceLocation: sourceLocation)
            #expect(strangers == 0, "delivered messages that were never appended (truncated?)", sourceLocation: sourceLocation)
            #expect(counts.count == expected.count, sourceLocation: sourceLocation)
        }
    }

    private func setUp() throws -> Setup {
        let server = try #require(DovecotServer.current)
        let folder = TestMessage.uniqueName("Faults")
        try server.client.create(folder)
        let directory = try TemporaryDirectory("imap-fault-maildir")
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        return Setup(server: server, folder: folder, maildir: maildir, directory: directory)
    }

    private func messages(_ count: Int, _ label: String, bodyLines: Int = 2) -> [[UInt8]] {
        (1...count).map { index in
            TestMessage.make(subject: TestMessage.uniqueName("\(label)\(index)x"),
                             body: String(repeating: "Өтініш \(index) / Заявление \(index)\r\n", count: bodyLines))
        }
    }

    /// Runs `body`, failing the test unless it throws an `IMAPError`, which it returns.
    private func imapFailure(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> IMAPError? {
        do {
            try body()
            Issue.record("the fetch succeeded", sourceLocation: sourceLocation)
        } catch let error as IMAPError {
            return error
        } catch {
            Issue.record("expected an IMAPError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    // MARK: The server restarted mid-fetch

    @Test func aServerStoppedWhileAMessageIsDeliveredFailsTheFetchAtItsMoveAndTheNextFetchResumesAfterIt() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let done = TestMessage.uniqueName("Done")
        let appended = messages(40, "restart")
        let uids = try setup.append(appended)
        try #require(uids.count == 40)

        var saved: IMAPCursor?
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: setup.account(doneFolder: done))
        let clock = ContinuousClock()
        let started = clock.now
        let failure = imapFailure {
            _ = try fetcher.fetchNew(after: nil, deliver: { bytes in
                try setup.maildir.deliver(bytes)
                deliveries += 1
                // The 15th message is safe in the Maildir; the server goes down before it is moved.
                if deliveries == 15 { try setup.server.halt() }
            }, progress: { saved = $0 })
        }
        let failedAfter = clock.now - started

        guard case let .transfer(step, url, _)? = failure else {
            Issue.record("expected a transfer error, got \(String(describing: failure))")
            return
        }
        #expect(step == "UID MOVE \(uids[14])")
        #expect(url == setup.account.url)
        // The halt itself takes about a second; the failure must not wait for the transfer timeout.
        #expect(failedAfter < .seconds(IMAPFaultTests.timeoutSeconds))
        #expect(saved?.lastUID == uids[14])
        #expect(deliveries == 15)

        // While it is down, a fetch fails at once: couldn't connect, nothing delivered, cursor kept.
        var progressWhileDown: [IMAPCursor] = []
        let down = imapFailure {
            _ = try setup.fetch(fetcher, after: saved, progress: { progressWhileDown.append($0) })
        }
        if case let .transfer(_, _, curl)? = down { #expect(curl.code == 7) } else { Issue.record("got \(String(describing: down))") }
        #expect(progressWhileDown.isEmpty)

        try setup.server.startAgain()
        var resumed: [IMAPCursor] = []
        let final = try setup.fetch(fetcher, after: saved, progress: { resumed.append($0) })
        #expect(resumed.map(\.lastUID) == Array(uids[15...]))
        #expect(final.lastUID == uids[39])
        try setup.expectEachExactlyOnce(appended)
        // Its move failed, so the 15th stays in the folder; the cursor, not its place, keeps it from coming back.
        #expect(try setup.server.client.uids(in: setup.folder) == [uids[14]])
        #expect(try setup.server.client.uids(in: done).count == 39)
    }

    @Test func aServerCrashingAtAnUnforeseenMomentOfTheFetchLosesAndRepeatsNoMessageAfterItsRestart() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        // 40 messages of about 60 KB: the crash can land inside a FETCH's literal as well as between commands.
        let appended = messages(40, "crash", bodyLines: 1_800)
        let uids = try setup.append(appended)
        try #require(uids.count == 40)

        // Another thread crashes the server (SIGKILL, every process) once 10 messages are in;
        // the fetcher meanwhile goes on at its own pace, and waits at the 30th if it is not done yet.
        let crashed = DispatchGroup()
        let outcome = ThreadOutcome()
        let maildir = setup.maildir
        let server = setup.server
        crashed.enter()
        Thread {
            defer { crashed.leave() }
            let deadline = ContinuousClock.now + .seconds(10)
            while ((try? maildir.pending().count) ?? 0) < 10 && ContinuousClock.now < deadline { usleep(200) }
            do { try server.halt(crash: true) } catch { outcome.error.withLock { $0 = "\(error)" } }
        }.start()

        var saved: IMAPCursor?
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: setup.account)
        let failure = imapFailure {
            _ = try fetcher.fetchNew(after: nil, deliver: { bytes in
                try setup.maildir.deliver(bytes)
                deliveries += 1
                usleep(2_000)
                if deliveries == 30 { _ = crashed.wait(timeout: .now() + 10) }
            }, progress: { saved = $0 })
        }
        #expect(crashed.wait(timeout: .now() + 15) == .success)
        #expect(outcome.error.withLock { $0 } == nil)
        #expect(failure != nil)
        #expect(deliveries >= 10 && deliveries < 40)
        let stoppedAt = try #require(saved, "the crash came before the first message was saved")
        #expect(stoppedAt.lastUID >= uids[9] && stoppedAt.lastUID < uids[39])

        try setup.server.startAgain()
        let final = try setup.fetch(fetcher, after: saved, progress: { saved = $0 })
        #expect(final.lastUID == uids[39])
        try setup.expectEachExactlyOnce(appended)
    }

    @Test func aServerRestartedBetweenTwoMessagesIsReconnectedToOrFailsCleanlyAndEitherWayEveryMessageComesOnce() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(8, "between")
        let uids = try setup.append(appended)

        var progress: [IMAPCursor] = []
        let fetcher = try IMAPFetcher(account: setup.account)
        var failure: IMAPError?
        do {
            _ = try setup.fetch(fetcher, after: nil, progress: { position in
                progress.append(position)
                // Down and up again before the fetcher's next command. Whether libcurl sees at once
                // that its connection is dead (and opens a new one) or first reads the server's
                // farewell on it (and the fetch fails) is a matter of timing.
                if position.lastUID == uids[2] { try setup.server.restart() }
            })
        } catch let error as IMAPError {
            failure = error
        }
        if let failure {
            guard case let .transfer(step, _, _) = failure else {
                Issue.record("expected a transfer error, got \(failure)")
                return
            }
            #expect(step == "UID FETCH \(uids[3])")
            #expect(progress.map(\.lastUID) == Array(uids[...2]))
            _ = try setup.fetch(fetcher, after: progress.last, progress: { progress.append($0) })
        }
        #expect(progress.map(\.lastUID) == uids)
        try setup.expectEachExactlyOnce(appended)
    }

    @Test func aServerThatStopsAnsweringMidFetchFailsItWithinTheTimeoutAndTheNextFetchResumes() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(10, "frozen")
        let uids = try setup.append(appended)
        var account = setup.account
        account.timeoutSeconds = 2

        var saved: IMAPCursor?
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: account)
        let clock = ContinuousClock()
        var frozenAt: ContinuousClock.Instant?
        let failure = imapFailure {
            _ = try fetcher.fetchNew(after: nil, deliver: { bytes in
                try setup.maildir.deliver(bytes)
                deliveries += 1
                if deliveries == 5 {
                    try setup.server.freeze()
                    frozenAt = clock.now
                }
            }, progress: { saved = $0 })
        }
        let waited = clock.now - (frozenAt ?? clock.now)
        try setup.server.thaw()

        guard case let .transfer(step, _, curl)? = failure else {
            Issue.record("expected a transfer error, got \(String(describing: failure))")
            return
        }
        #expect(step == "UID STORE \(uids[4])")
        #expect(curl.code == 28)  // CURLE_OPERATION_TIMEDOUT
        #expect(waited >= .seconds(1) && waited < .seconds(8))
        #expect(saved?.lastUID == uids[4])

        let final = try setup.fetch(fetcher, after: saved, progress: { saved = $0 })
        #expect(final.lastUID == uids[9])
        try setup.expectEachExactlyOnce(appended)
    }

    // MARK: UIDVALIDITY reset

    @Test func aFolderWhoseUIDsTheServerForgotIsFetchedWhollyAgainUnderItsNewUIDValidity() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let first = messages(3, "before")
        try setup.server.client.append(first, to: setup.folder)
        let fetcher = try IMAPFetcher(account: setup.account)
        let before = try setup.fetch(fetcher, after: nil, progress: { _ in })

        try setup.server.forgetUIDs(of: setup.folder)
        let later = messages(1, "after")
        try setup.server.client.append(later, to: setup.folder)
        let validity = try #require(try setup.server.client.uidValidity(of: setup.folder))
        #expect(validity != before.uidValidity)
        // The three old messages are still there, renumbered from 1, and the new one follows them.
        #expect(try setup.server.client.uids(in: setup.folder) == [1, 2, 3, 4])

        var progress: [IMAPCursor] = []
        let after = try setup.fetch(fetcher, after: before, progress: { progress.append($0) })
        #expect(progress == (1...4).map { IMAPCursor(uidValidity: validity, lastUID: $0) })
        #expect(after == IMAPCursor(uidValidity: validity, lastUID: 4))
        // Fetched again, byte for byte: the SHA-256 lets intake recognise the three (IMAPFaultIntakeTests).
        let delivered = try setup.delivered()
        #expect(delivered.count == 7)
        for message in first { #expect(delivered.filter { $0 == message }.count == 2) }
        #expect(delivered.filter { $0 == later[0] }.count == 1)
    }

    @Test func aUIDValidityChangeInTheMiddleOfAFetchStopsItAsSuchAndTheNextFetchStartsOver() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(10, "midway")
        let uids = try setup.append(appended)
        let oldValidity = try #require(try setup.server.client.uidValidity(of: setup.folder))

        var saved: IMAPCursor?
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: setup.account)
        let failure = imapFailure {
            _ = try fetcher.fetchNew(after: nil, deliver: { bytes in
                try setup.maildir.deliver(bytes)
                deliveries += 1
                // The server restarts with the folder renumbered while the 4th message is delivered.
                if deliveries == 4 { try setup.server.forgetUIDs(of: setup.folder) }
            }, progress: { saved = $0 })
        }
        #expect(failure == .uidValidityChanged(url: setup.account.url))
        #expect(saved == IMAPCursor(uidValidity: oldValidity, lastUID: uids[3]))

        let newValidity = try #require(try setup.server.client.uidValidity(of: setup.folder))
        #expect(newValidity != oldValidity)
        var progress: [IMAPCursor] = []
        let final = try setup.fetch(fetcher, after: saved, progress: { progress.append($0) })
        #expect(progress.map(\.uidValidity) == Array(repeating: newValidity, count: 10))
        #expect(final == IMAPCursor(uidValidity: newValidity, lastUID: 10))
        let delivered = try setup.delivered()
        #expect(delivered.count == 14)
        #expect(Set(delivered) == Set(appended))
        for message in appended[..<4] { #expect(delivered.filter { $0 == message }.count == 2) }
        for message in appended[4...] { #expect(delivered.filter { $0 == message }.count == 1) }
    }

    // MARK: A message that vanishes between SEARCH and FETCH

    @Test func aMessageExpungedWhileTheOneBeforeItIsDeliveredIsSkippedAndTheCursorMovesPastIt() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(6, "vanish")
        let uids = try setup.append(appended)

        var progress: [IMAPCursor] = []
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: setup.account)
        let cursor = try fetcher.fetchNew(after: nil, deliver: { bytes in
            try setup.maildir.deliver(bytes)
            deliveries += 1
            // Searched already; another client removes the third before the fetcher reaches it.
            if deliveries == 2 { try setup.server.client.expunge(uid: uids[2], in: setup.folder) }
        }, progress: { progress.append($0) })

        #expect(progress.map(\.lastUID) == uids)
        #expect(cursor.lastUID == uids[5])
        var expected = appended
        expected.remove(at: 2)
        try setup.expectEachExactlyOnce(expected)
        #expect(try setup.server.client.uids(in: setup.folder) == uids.filter { $0 != uids[2] })
        // Nothing is left to wait for.
        var again: [IMAPCursor] = []
        #expect(try setup.fetch(fetcher, after: cursor, progress: { again.append($0) }) == cursor)
        #expect(again.isEmpty)
    }

    @Test func aMessageExpungedJustBeforeItsFetchIsSkippedThoughTheSessionStillListedIt() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(6, "expungeissued")
        let uids = try setup.append(appended)

        var progress: [IMAPCursor] = []
        let fetcher = try IMAPFetcher(account: setup.account)
        let cursor = try setup.fetch(fetcher, after: nil, progress: { position in
            progress.append(position)
            // After the second is marked, before the third is fetched: the fetcher's session has
            // not heard of the expunge, and Dovecot answers `BODY[] NIL` with [EXPUNGEISSUED].
            if position.lastUID == uids[1] { try setup.server.client.expunge(uid: uids[2], in: setup.folder) }
        })

        #expect(progress.map(\.lastUID) == uids)
        #expect(cursor.lastUID == uids[5])
        var expected = appended
        expected.remove(at: 2)
        try setup.expectEachExactlyOnce(expected)
    }

    @Test func aMessageTheServerCannotReadIsNotSkippedButStopsTheFetchUntilItCanBeRead() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let appended = messages(3, "unreadable")
        let uids = try setup.append(appended)
        let file = try setup.server.messageFile(uid: uids[1], in: setup.folder)
        // The server's imap process runs as the dovecot user: it can list the file but not open it.
        try #require(chmod(file, 0) == 0)
        defer { chmod(file, 0o600) }

        var saved: IMAPCursor?
        let fetcher = try IMAPFetcher(account: setup.account)
        let failure = imapFailure {
            _ = try setup.fetch(fetcher, after: nil, progress: { saved = $0 })
        }
        if case let .transfer(step, _, _)? = failure {
            #expect(step == "UID FETCH \(uids[1])")
        } else {
            Issue.record("expected a transfer error, got \(String(describing: failure))")
        }
        #expect(saved?.lastUID == uids[0])
        #expect(try setup.delivered() == [appended[0]])

        try #require(chmod(file, 0o600) == 0)
        let final = try setup.fetch(fetcher, after: saved, progress: { saved = $0 })
        #expect(final.lastUID == uids[2])
        try setup.expectEachExactlyOnce(appended)
    }
}
