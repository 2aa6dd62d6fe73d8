import TestRig
import Foundation
import Mailbox
import Testing

/// Against a real Dovecot. Tests share the server but each works in its own folder, so they
/// can run in parallel.
@Suite(.dovecot) struct IMAPFetcherTests {
    private struct Setup {
        let server: DovecotServer
        let folder: String
        let maildir: Maildir
        let directory: TemporaryDirectory

        func account(password: String? = nil, doneFolder: String? = nil, folder: String? = nil) -> IMAPAccount {
            IMAPAccount(url: server.url(folder ?? self.folder), user: server.user,
                        credential: .password(password ?? server.password), doneFolder: doneFolder, timeoutSeconds: 10)
        }

        /// Fetches into the Maildir, recording every cursor passed to `progress`.
        func fetch(after cursor: IMAPCursor?, account: IMAPAccount? = nil) throws -> (cursor: IMAPCursor, progress: [IMAPCursor]) {
            var progress: [IMAPCursor] = []
            let fetcher = try IMAPFetcher(account: account ?? self.account())
            let final = try fetcher.fetchNew(after: cursor, deliver: { try maildir.deliver($0) },
                                             progress: { progress.append($0) })
            return (final, progress)
        }
    }

    private func setUp() throws -> Setup {
        let server = try #require(DovecotServer.current)
        let folder = TestMessage.uniqueName("Applications")
        try server.client.create(folder)
        let directory = try TemporaryDirectory("imap-maildir")
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        return Setup(server: server, folder: folder, maildir: maildir, directory: directory)
    }

    @Test func appendedMessagesAreDeliveredByteExactInUIDOrderWithTheCursorSavedPerMessage() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let big = TestMessage.make(subject: "big", body: String(repeating: "Жол / Строка / line\r\n", count: 12_000))
        let messages = [TestMessage.make(subject: "one"), big, TestMessage.make(subject: "three")]
        for message in messages { try setup.server.client.append(message, to: setup.folder) }
        let uids = try setup.server.client.uids(in: setup.folder)
        let validity = try #require(try setup.server.client.uidValidity(of: setup.folder))

        let (cursor, progress) = try setup.fetch(after: nil)

        #expect(try setup.maildir.pending().map { try setup.maildir.read($0) } == messages)
        #expect(progress == uids.map { IMAPCursor(uidValidity: validity, lastUID: $0) })
        #expect(cursor == IMAPCursor(uidValidity: validity, lastUID: try #require(uids.last)))
    }

    @Test func aSecondFetchFindsNothingNewAndALaterMessageIsFetchedAlone() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        try setup.server.client.append(TestMessage.make(subject: "first"), to: setup.folder)
        let (first, _) = try setup.fetch(after: nil)

        let (second, progress) = try setup.fetch(after: first)
        #expect(second == first)
        #expect(progress.isEmpty)
        #expect(try setup.maildir.pending().count == 1)

        let later = TestMessage.make(subject: "later")
        try setup.server.client.append(later, to: setup.folder)
        let (third, _) = try setup.fetch(after: second)
        #expect(third.lastUID > first.lastUID)
        let pending = try setup.maildir.pending()
        #expect(pending.count == 2)
        #expect(try setup.maildir.read(try #require(pending.last)) == later)
    }

    @Test func fetchedMessagesStayInTheFolderMarkedSeen() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        try setup.server.client.append(TestMessage.make(subject: "seen"), to: setup.folder)
        let (cursor, _) = try setup.fetch(after: nil)
        #expect(try setup.server.client.uids(in: setup.folder) == [cursor.lastUID])
        #expect(try setup.server.client.flags(uid: cursor.lastUID, in: setup.folder).contains("\\Seen"))
    }

    @Test func aFailedDeliveryStopsAtTheLastDeliveredMessageAndTheNextFetchResumesThere() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let messages = (1...3).map { TestMessage.make(subject: "resume\($0)") }
        for message in messages { try setup.server.client.append(message, to: setup.folder) }
        let uids = try setup.server.client.uids(in: setup.folder)

        struct DiskFull: Error {}
        var saved: IMAPCursor?
        var deliveries = 0
        let fetcher = try IMAPFetcher(account: setup.account())
        #expect(throws: DiskFull.self) {
            _ = try fetcher.fetchNew(after: nil, deliver: { bytes in
                deliveries += 1
                if deliveries == 2 { throw DiskFull() }
                try setup.maildir.deliver(bytes)
            }, progress: { saved = $0 })
        }
        #expect(saved?.lastUID == uids[0])

        let (resumed, _) = try setup.fetch(after: saved)
        #expect(resumed.lastUID == uids[2])
        #expect(try setup.maildir.pending().map { try setup.maildir.read($0) } == messages)
    }

    @Test func aChangedUIDValidityStartsOverFromTheFirstMessage() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        try setup.server.client.append(TestMessage.make(subject: "before"), to: setup.folder)
        try setup.server.client.append(TestMessage.make(subject: "before2"), to: setup.folder)
        let (before, _) = try setup.fetch(after: nil)

        // Recreating the folder gives it a new UIDVALIDITY, and UIDs start again at 1.
        try setup.server.client.delete(setup.folder)
        try setup.server.client.create(setup.folder)
        let after = TestMessage.make(subject: "after")
        try setup.server.client.append(after, to: setup.folder)
        let validity = try #require(try setup.server.client.uidValidity(of: setup.folder))
        #expect(validity != before.uidValidity)

        let (cursor, progress) = try setup.fetch(after: before)
        #expect(cursor == IMAPCursor(uidValidity: validity, lastUID: 1))
        #expect(progress == [cursor])
        #expect(try setup.maildir.read(try #require(setup.maildir.pending().last)) == after)
    }

    @Test func withADoneFolderFetchedMessagesAreMovedThereCreatingItWhenMissing() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        let done = TestMessage.uniqueName("Processed")
        for index in 1...2 { try setup.server.client.append(TestMessage.make(subject: "move\(index)"), to: setup.folder) }

        let (cursor, progress) = try setup.fetch(after: nil, account: setup.account(doneFolder: done))
        #expect(progress.count == 2)
        #expect(try setup.server.client.uids(in: setup.folder).isEmpty)
        #expect(try setup.server.client.uids(in: done).count == 2)
        #expect(try setup.maildir.pending().count == 2)

        // Moved away, so nothing comes back even without the cursor's help.
        let (again, _) = try setup.fetch(after: cursor, account: setup.account(doneFolder: done))
        #expect(again == cursor)
        #expect(try setup.maildir.pending().count == 2)
    }

    @Test func theFolderDefaultsToINBOX() throws {
        let server = try #require(DovecotServer.current)
        let message = TestMessage.make(subject: TestMessage.uniqueName("inbox"))
        try server.client.append(message, to: "INBOX")
        var fetched: [[UInt8]] = []
        let account = IMAPAccount(url: "imap://127.0.0.1:\(server.port)", user: server.user,
                                  credential: .password(server.password), timeoutSeconds: 10)
        _ = try IMAPFetcher(account: account).fetchNew(after: nil, deliver: { fetched.append($0) }, progress: { _ in })
        #expect(fetched.contains(message))
    }

    @Test func aWrongPasswordIsALoginDeniedErrorNamingTheUser() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        do {
            _ = try setup.fetch(after: nil, account: setup.account(password: "wrong"))
            Issue.record("the fetch succeeded with a wrong password")
        } catch let error as IMAPError {
            guard case let .loginDenied(user, _, reply) = error else {
                Issue.record("expected loginDenied, got \(error)")
                return
            }
            #expect(user == "volunteer")
            #expect(reply.contains("AUTHENTICATIONFAILED") || reply.contains("failed"))
            #expect(error.description.contains("login as volunteer"))
        }
        #expect(try setup.maildir.pending().isEmpty)
    }

    @Test func requiringTLSRefusesAServerWithoutSTARTTLS() throws {
        let setup = try setUp()
        defer { setup.directory.remove() }
        try setup.server.client.append(TestMessage.make(subject: "plain"), to: setup.folder)
        var account = setup.account()
        account.requireTLS = true
        #expect(throws: IMAPError.self) { _ = try setup.fetch(after: nil, account: account) }
        #expect(try setup.maildir.pending().isEmpty)
    }

    @Test func aServerThatIsNotRunningIsATransferError() throws {
        let port = try LoopbackPort.free()
        let account = IMAPAccount(url: "imap://127.0.0.1:\(port)/INBOX", user: "volunteer",
                                  credential: .password("secret"), timeoutSeconds: 5)
        do {
            _ = try IMAPFetcher(account: account).fetchNew(after: nil, deliver: { _ in }, progress: { _ in })
            Issue.record("the fetch succeeded without a server")
        } catch let IMAPError.transfer(_, url, error) {
            #expect(url == account.url)
            #expect(error.code == 7)  // CURLE_COULDNT_CONNECT
        }
    }
}

@Suite struct IMAPAccountTests {
    @Test func tlsIsRequiredByDefaultExceptOnLoopback() {
        let remote = IMAPAccount(url: "imap://mail.example.kz/INBOX", user: "u", credential: .password("p"))
        let local = IMAPAccount(url: "imap://127.0.0.1:10143/INBOX", user: "u", credential: .password("p"))
        let localName = IMAPAccount(url: "imap://localhost/INBOX", user: "u", credential: .xoauth2Bearer("t"))
        #expect(remote.requireTLS)
        #expect(!local.requireTLS)
        #expect(!localName.requireTLS)
    }

    @Test func aURLWithAnotherSchemeIsRefused() {
        #expect(throws: MailURLError.self) {
            _ = try IMAPFetcher(account: IMAPAccount(url: "http://mail.example.kz/INBOX", user: "u", credential: .password("p")))
        }
        #expect(throws: MailURLError.self) {
            _ = try IMAPFetcher(account: IMAPAccount(url: "imaps://u:p@mail.example.kz/", user: "u", credential: .password("p")))
        }
    }

    @Test func credentialsNeverPrintTheirSecret() {
        #expect(!"\(MailCredential.password("hunter2"))".contains("hunter2"))
        #expect(!"\(MailCredential.xoauth2Bearer("token"))".contains("token"))
    }
}
