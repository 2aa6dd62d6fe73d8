import Foundation
import Glibc
import Store
import Testing
@testable import CLI

/// A daemon stand-in: another thread with its own connection, committing as fast as it can,
/// each transaction one message and one notice, and a message file into the Maildir. A copy
/// torn mid-transaction would show as unequal counts.
private final class Ingest: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private var done = false
    private(set) var committed = 0
    private(set) var failure: String?

    init(store: String, maildir: String) {
        Thread {
            do {
                let database = try Database(path: store)
                var n = 0
                while !self.isStopping {
                    n += 1
                    try database.transaction {
                        try database.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES (?, ?, 1, ?)",
                                           [.text("ingest-\(n)"), .text("new/\(n)"), .int(Int64(n))])
                        try database.query("""
                            INSERT INTO outbox (notice, recipient, message_id, bytes, created_at, next_attempt_at)
                            VALUES ('receipt', 'a@example.kz', ?, x'00', 0, 0)
                            """, [.text("ingest-\(n)@mki.gov.kz")])
                    }
                    let name = "ingest.\(n).host"
                    _ = FileManager.default.createFile(atPath: "\(maildir)/tmp/\(name)", contents: Data("Subject: \(n)\r\n\r\n".utf8))
                    rename("\(maildir)/tmp/\(name)", "\(maildir)/new/\(name)")
                    self.lock.withLock { self.committed = n }
                }
            } catch {
                self.lock.withLock { self.failure = "\(error)" }
            }
            self.lock.withLock { self.done = true }
        }.start()
    }

    private var isStopping: Bool { lock.withLock { stopping } }
    var count: Int { lock.withLock { committed } }

    func stop() {
        lock.withLock { stopping = true }
        while !lock.withLock({ done }) { usleep(1_000) }
    }
}

@Suite(.serialized) struct BackupAndRestore {
    @Test func aBackupTakenWhileMailIsIngestedRestoresToTheSameConsistentStore() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let store = scratch.path + "/site/tizilim.sqlite"
        let maildir = scratch.maildir("site/maildir")
        let sent = scratch.maildir("site/sent")
        // A message delivered three days ago: its time is when it counts as received.
        let old = scratch.write("site/maildir/cur/1700000000.old.host:2,S", "Subject: old\r\n\r\n")
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, old, &times, 0)
        scratch.write("site/sent/new/notice.1.host", "Subject: receipt\r\n\r\n")
        _ = try Database(path: store)

        let ingest = Ingest(store: store, maildir: maildir)
        while ingest.count < 20 && ingest.failure == nil { usleep(1_000) }
        let backup = run("backup", scratch.path + "/backup", "--store", store, "--maildir", maildir, "--sent", sent)
        let committedDuringBackup = ingest.count
        usleep(50_000)
        ingest.stop()
        #expect(ingest.failure == nil, "\(ingest.failure ?? "")")
        #expect(backup.status == 0, "\(backup.err)")
        #expect(ingest.count > committedDuringBackup, "the daemon kept committing while the backup ran")

        let copy = scratch.path + "/backup/tizilim.sqlite"
        var backedUp: Int64 = 0
        do {
            let database = try Database(path: copy, migrations: [])
            backedUp = try rowCount(database, "messages")
            #expect(backedUp >= 20)
            #expect(try rowCount(database, "outbox") == backedUp, "a transaction was copied whole or not at all")
            #expect(try database.integrityProblems().isEmpty)
            try database.execute("PRAGMA journal_mode=DELETE")
        }
        #expect(access(scratch.path + "/backup/maildir/cur/1700000000.old.host:2,S", F_OK) == 0)
        #expect(access(scratch.path + "/backup/sent/new/notice.1.host", F_OK) == 0)
        // Every message the copied store knows has its file in the copy.
        let copiedFiles = Set(MaildirSnapshot.names(in: scratch.path + "/backup/maildir/new"))
        for n in 1...Int(backedUp) { #expect(copiedFiles.contains("ingest.\(n).host")) }

        let target = scratch.path + "/restored"
        let restore = run("restore", scratch.path + "/backup", "--store", target + "/tizilim.sqlite",
                          "--maildir", target + "/maildir", "--sent", target + "/sent")
        #expect(restore.status == 0, "\(restore.err)")
        #expect(restore.out.contains("\(backedUp) messages,"))
        do {
            let restored = try Database(path: target + "/tizilim.sqlite")
            #expect(try rowCount(restored, "messages") == backedUp)
            #expect(try rowCount(restored, "outbox") == backedUp)
            #expect(try restored.integrityProblems().isEmpty)
        }
        var info = stat()
        #expect(stat(target + "/maildir/cur/1700000000.old.host:2,S", &info) == 0)
        #expect(info.st_mtim.tv_sec == 1_700_000_000, "the received time survives the round trip")
        #expect(permissions(target + "/tizilim.sqlite") == 0o640)
    }

    @Test func restoreRefusesToReplaceAStoreWithoutForceAndNeverOneInUse() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let store = scratch.path + "/tizilim.sqlite"
        do {
            let database = try Database(path: store)
            try database.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES ('a', 'new/a', 1, 0)")
        }
        let site = ["--store", store, "--maildir", scratch.path + "/maildir", "--sent", scratch.path + "/sent"]
        #expect(run(["backup", scratch.path + "/backup"] + site).status == 0)
        #expect(run(["backup", scratch.path + "/backup"] + site).status == 73, "a backup is never overwritten")

        let refused = run(["restore", scratch.path + "/backup"] + site)
        #expect(refused.status == 73)
        #expect(refused.err.contains("--force"))

        do {
            let daemon = try Database(path: store)
            let busy = run(["restore", scratch.path + "/backup", "--force"] + site)
            #expect(busy.status == 69)
            #expect(busy.err.contains("in use"))
            try daemon.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES ('b', 'new/b', 1, 0)")
        }
        #expect(run(["restore", scratch.path + "/backup", "--force"] + site).status == 0)
        #expect(try rowCount(try Database(path: store), "messages") == 1, "the store is back as it was backed up")
    }

    @Test func restoreNamesAFolderThatIsNotABackup() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = run("restore", scratch.path, "--store", scratch.path + "/s.sqlite")
        #expect(result.status == 66)
        #expect(result.err.contains("tizilim backup"))
    }
}
