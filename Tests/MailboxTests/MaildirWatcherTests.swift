import TestRig
import Foundation
import Mailbox
import Testing

@Suite struct MaildirWatcherTests {
    private func deliverSoon(to maildir: Maildir, after seconds: Double) -> Thread {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            _ = try? maildir.deliver(TestMessage.make(subject: "arrival"))
        }
        thread.start()
        return thread
    }

    @Test(arguments: [MaildirWatcher.Mode.inotify, .polling])
    func waitReturnsSoonAfterAMessageArrives(mode: MaildirWatcher.Mode) throws {
        let directory = try TemporaryDirectory("watch")
        defer { directory.remove() }
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        let watcher = try MaildirWatcher(maildir: maildir, mode: mode, pollIntervalSeconds: 0.05)
        defer { watcher.close() }
        #expect(watcher.mode == mode)

        let started = Date()
        _ = deliverSoon(to: maildir, after: 0.2)
        #expect(watcher.wait(timeout: 10))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try maildir.pending().count == 1)
    }

    @Test(arguments: [MaildirWatcher.Mode.inotify, .polling])
    func waitTimesOutWhenNothingArrives(mode: MaildirWatcher.Mode) throws {
        let directory = try TemporaryDirectory("watch")
        defer { directory.remove() }
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        let watcher = try MaildirWatcher(maildir: maildir, mode: mode, pollIntervalSeconds: 0.05)
        let started = Date()
        #expect(!watcher.wait(timeout: 0.3))
        #expect(Date().timeIntervalSince(started) >= 0.25)
    }

    @Test(arguments: [MaildirWatcher.Mode.inotify, .polling])
    func aMessageDeliveredBeforeWaitingIsStillReported(mode: MaildirWatcher.Mode) throws {
        let directory = try TemporaryDirectory("watch")
        defer { directory.remove() }
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        let watcher = try MaildirWatcher(maildir: maildir, mode: mode, pollIntervalSeconds: 0.05)
        try maildir.deliver(TestMessage.make(subject: "early"))
        #expect(watcher.wait(timeout: 5))
    }

    @Test(arguments: [MaildirWatcher.Mode.inotify, .polling])
    func aFileWrittenInPlaceByAnMTAIsReported(mode: MaildirWatcher.Mode) throws {
        let directory = try TemporaryDirectory("watch")
        defer { directory.remove() }
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        let watcher = try MaildirWatcher(maildir: maildir, mode: mode, pollIntervalSeconds: 0.05)
        try Data(TestMessage.make(subject: "in place")).write(to: URL(fileURLWithPath: "\(maildir.directory(.new))/1.M1P1.mta"))
        #expect(watcher.wait(timeout: 5))
    }

    @Test func watchingAMissingFolderIsAnError() throws {
        #expect(throws: MaildirError.self) {
            _ = try MaildirWatcher(directory: "/nonexistent/tizilim/new")
        }
    }
}
