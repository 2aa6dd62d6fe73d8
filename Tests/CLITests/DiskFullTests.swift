import Foundation
import Glibc
import Store
import TestRig
import Testing
@testable import CLI

/// A small tmpfs mounted for one test, so "the disk is full" is a real ENOSPC from the kernel.
private struct SmallFileSystem {
    let path: String

    /// Root and a working mount(2): the test runs for real in CI (as root), else it is skipped.
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        var template = Array("/tmp/tizilim-mountprobe-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return false }
        let probe = String(cString: made)
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(probe, Int32(MNT_DETACH))
        return true
    }()

    init(at path: String, kilobytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0750") == 0 else {
            throw RigError("mount tmpfs on \(path): \(String(cString: strerror(errno)))")
        }
    }

    func unmount() {
        if umount2(path, 0) != 0 { umount2(path, Int32(MNT_DETACH)) }
    }

    /// Writes a filler file until the kernel says ENOSPC: afterwards not one page is free.
    func fill(_ name: String = "filler") throws -> String {
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RigError("open \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        for chunk in [64 * 1024, 4096, 512, 1] {
            let bytes = [UInt8](repeating: 0x2E, count: chunk)
            while true {
                let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, chunk) }
                if written > 0 { continue }
                if written < 0 && errno == EINTR { continue }
                if written == 0 || errno == ENOSPC { break }
                throw RigError("filling \(file): \(String(cString: strerror(errno)))")
            }
        }
        return file
    }

    var freeBytes: UInt64 {
        var info = statvfs()
        statvfs(path, &info)
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }
}

private func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

private func allNames(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

private func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// Waits up to `seconds` for `condition`.
private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(100_000)
    }
    return condition()
}

/// The process's CPU time so far (user + system), from /proc.
private func cpuSeconds(_ pid: pid_t) -> Double {
    let stat = contents("/proc/\(pid)/stat")
    // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    guard let close = stat.lastIndex(of: ")") else { return -1 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return -1 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

private func isRunning(_ pid: pid_t) -> Bool {
    var status: Int32 = 0
    return waitpid(pid, &status, WNOHANG) == 0
}

/// A complete application from applicant `i`, each from its own address.
private func application(_ i: Int) -> [UInt8] {
    TestMessage.letter(from: "diskfull\(i)@mail.kz", subject: "Анкета волонтера", messageID: "diskfull-\(i)@mail.kz",
                       body: SampleApplication.volunteer.replacingOccurrences(of: "Ким Виктор Алексеевич",
                                                                            with: "Заявитель Номер \(i)"))
}

private func lines(_ log: String, containing text: String) -> [Substring] {
    log.split(separator: "\n").filter { $0.contains(text) }
}

@Suite(.serialized) struct DiskFull {
    /// All of /var/lib/tizilim on one small file system (store, Maildir, sent notices,
    /// published register), filled to the last page while the daemon runs and letters arrive.
    @Test(.enabled(if: SmallFileSystem.available, "needs root and mount(2) to put the data folder on a small tmpfs"),
          .timeLimit(.minutes(1)))
    func aFullDataFolderStopsIntakeCleanlyAndTheRunningDaemonResumesWhenSpaceReturns() throws {
        let scratch = try TemporaryDirectory("diskfull")
        defer { scratch.remove() }
        let disk = try SmallFileSystem(at: scratch.path + "/data", kilobytes: 3072)
        defer { disk.unmount() }
        let data = disk.path
        for sub in ["maildir/cur", "maildir/new", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: data + "/" + sub, withIntermediateDirectories: true)
        }
        let log = scratch.path + "/daemon.log"
        let daemon = try ChildProcess.spawn(builtExecutable, [
            "serve", "--maildir", data + "/maildir", "--store", data + "/tizilim.sqlite", "--sent", data + "/sent",
            "--publish-dir", data + "/publish", "--decisions", "review",
        ], stderrPath: log)
        defer { if isRunning(daemon.pid) { daemon.stop() } }
        // The first pass ends with publishing the (empty) register: filling the disk before
        // then would make that the first write to fail.
        #expect(eventually(15) { contents(log).contains("register published into \(data)/publish") }, "the daemon's first pass")

        // Letters written by the MTA before the disk filled, handed over into new/ after it.
        let letters = 8
        for i in 0..<letters {
            let bytes = application(i)
            _ = FileManager.default.createFile(atPath: data + "/maildir/tmp/17000000\(i).M\(i)P1.mta", contents: Data(bytes))
        }
        let filler = try disk.fill()
        #expect(disk.freeBytes == 0)
        for name in names(data + "/maildir/tmp") {
            #expect(rename(data + "/maildir/tmp/" + name, data + "/maildir/new/" + name) == 0)
        }

        // The daemon says so, once, with the priority of an error, the cause and the place.
        #expect(eventually(10) { contents(log).contains("no space left on device") }, "\(contents(log))")
        let cpuBefore = cpuSeconds(daemon.pid)
        sleep(5)
        let cpuAfter = cpuSeconds(daemon.pid)
        #expect(isRunning(daemon.pid), "the daemon must not exit on a full disk")
        #expect(cpuAfter - cpuBefore < 1.0, "retrying must not spin: \(cpuAfter - cpuBefore) s of CPU in 5 s")
        let during = contents(log)
        let complaints = lines(during, containing: "no space left on device")
        #expect(complaints.count == 1, "one line per episode, not one per try:\n\(during)")
        #expect(complaints.first?.hasPrefix("<3>tizilim serve: no space left on device: store \(data)/tizilim.sqlite") == true,
                "\(complaints)")
        #expect(complaints.first?.contains("free: \(data) 0 KiB") == true)
        #expect(complaints.first?.contains("letters wait in \(data)/maildir/new") == true)

        // Nothing half-done: every letter still waits in new/, nothing was recorded, nothing
        // was moved to cur/ without its case, no partial file anywhere, the store is sound.
        #expect(names(data + "/maildir/new").count == letters)
        #expect(names(data + "/maildir/cur").isEmpty)
        #expect(allNames(data + "/maildir/tmp").isEmpty)
        #expect(allNames(data + "/sent/tmp").isEmpty)
        #expect(!allNames(data + "/publish").contains { $0.hasSuffix(".tmp") })
        do {
            let store = try Database(path: data + "/tizilim.sqlite")
            #expect(try store.query("PRAGMA integrity_check").first?.text(0) == "ok")
            #expect(try rowCount(store, "messages") == 0)
            #expect(try rowCount(store, "cases") == 0)
            #expect(try rowCount(store, "outbox") == 0)
        }

        // Space returns: the same daemon, not restarted, takes everything by itself.
        #expect(unlink(filler) == 0)
        #expect(eventually(15) { names(data + "/maildir/cur").count == letters && names(data + "/sent/new").count == letters },
                "resumed: \(names(data + "/maildir/cur").count) taken, \(names(data + "/sent/new").count) notices\n\(contents(log))")
        #expect(eventually(5) { contents(log).contains("<5>tizilim serve: space is back: taking mail again") })
        let after = contents(log)
        #expect(lines(after, containing: "<5>tizilim serve: space is back: taking mail again").count == 1, "\(after)")
        #expect(lines(after, containing: "no space left on device").count == 1)
        #expect(names(data + "/maildir/new").isEmpty)
        #expect(allNames(data + "/maildir/tmp").isEmpty)
        #expect(allNames(data + "/sent/tmp").isEmpty)

        daemon.stop()
        let store = try Database(path: data + "/tizilim.sqlite")
        #expect(try store.query("PRAGMA integrity_check").first?.text(0) == "ok")
        #expect(try rowCount(store, "messages") == Int64(letters))
        #expect(try rowCount(store, "cases") == Int64(letters))
        // Exactly one receipt per case, sent, and every file in cur/ is a message the store knows there.
        let perCase = try store.query("""
            SELECT c.human_id, count(o.id), sum(o.notice = 'receipt'), sum(o.state = 'sent')
            FROM cases c LEFT JOIN outbox o ON o.case_id = c.id GROUP BY c.id
            """)
        #expect(perCase.count == letters)
        for row in perCase {
            #expect(row.int(1) == 1 && row.int(2) == 1 && row.int(3) == 1, "\(row.text(0) ?? "?") has not exactly one receipt sent")
        }
        #expect(try rowCount(store, "outbox") == Int64(letters))
        for name in names(data + "/maildir/cur") {
            let known = try store.query("SELECT count(*) FROM messages WHERE maildir_path = ?",
                                        [.text(data + "/maildir/cur/" + name)]).first?.int(0)
            #expect(known == 1, "cur/\(name) has no committed message")
        }
    }

    /// The machine boots with the data folder already full: `serve --once` says so and exits
    /// 74 (EX_IOERR), and the daemon does not exit (systemd would only restart it into the
    /// same failure every 10 s): it waits, and opens the store and takes the mail once
    /// space returns.
    @Test(.enabled(if: SmallFileSystem.available, "needs root and mount(2) to put the data folder on a small tmpfs"),
          .timeLimit(.minutes(1)))
    func aDaemonStartedOnAFullDiskWaitsForSpaceInsteadOfExiting() throws {
        let scratch = try TemporaryDirectory("bootfull")
        defer { scratch.remove() }
        let disk = try SmallFileSystem(at: scratch.path + "/data", kilobytes: 2048)
        defer { disk.unmount() }
        let data = disk.path
        let flags = ["--maildir", data + "/maildir", "--store", data + "/tizilim.sqlite", "--sent", data + "/sent",
                     "--publish-dir", data + "/publish", "--decisions", "review"]
        #expect(run(["serve", "--once"] + flags).status == 0)
        _ = FileManager.default.createFile(atPath: data + "/maildir/new/1700000200.M1P1.mta", contents: Data(application(1)))
        let filler = try disk.fill()

        let once = run(["serve", "--once"] + flags)
        #expect(once.status == 74)
        #expect(once.err.contains("<3>tizilim serve: no space left on device: store \(data)/tizilim.sqlite: SQLite error"), "\(once.err)")
        #expect(once.err.contains("free: \(data) 0 KiB"))

        let log = scratch.path + "/daemon.log"
        let daemon = try ChildProcess.spawn(builtExecutable, ["serve"] + flags, stderrPath: log)
        defer { if isRunning(daemon.pid) { daemon.stop() } }
        #expect(eventually(10) { contents(log).contains("cannot open the store, retrying") }, "\(contents(log))")
        sleep(3)
        #expect(isRunning(daemon.pid), "the daemon must wait for space, not exit:\n\(contents(log))")
        #expect(lines(contents(log), containing: "no space left on device").count == 1)
        #expect(names(data + "/maildir/new").count == 1)

        #expect(unlink(filler) == 0)
        #expect(eventually(15) { names(data + "/maildir/cur").count == 1 && names(data + "/sent/new").count == 1 }, "\(contents(log))")
        #expect(contents(log).contains("<5>tizilim serve: space is back: the store is open after"))
        daemon.stop()
        let store = try Database(path: data + "/tizilim.sqlite")
        #expect(try store.query("PRAGMA integrity_check").first?.text(0) == "ok")
        #expect(try rowCount(store, "cases") == 1)
    }

    /// The store has room but the local Maildir for notices does not: the letters become
    /// cases, and their notices wait in the outbox (queued, no attempt counted, not failed)
    /// until the sent Maildir has room, then go out once each.
    @Test(.enabled(if: SmallFileSystem.available, "needs root and mount(2) to put the sent Maildir on a small tmpfs"),
          .timeLimit(.minutes(1)))
    func noticesStayQueuedWhileTheSentMaildirIsFullAndGoOutOnceAfterwards() throws {
        let scratch = try TemporaryDirectory("sentfull")
        defer { scratch.remove() }
        let disk = try SmallFileSystem(at: scratch.path + "/sent", kilobytes: 1024)
        defer { disk.unmount() }
        let root = scratch.path
        for sub in ["maildir/cur", "maildir/new", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        for sub in ["cur", "new", "tmp"] { mkdir(disk.path + "/" + sub, 0o700) }
        let filler = try disk.fill()
        let letters = 4
        for i in 0..<letters {
            _ = FileManager.default.createFile(atPath: root + "/maildir/new/17000001\(i).M\(i)P2.mta", contents: Data(application(i)))
        }
        let log = root + "/daemon.log"
        let daemon = try ChildProcess.spawn(builtExecutable, [
            "serve", "--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite", "--sent", disk.path,
            "--publish-dir", root + "/publish", "--decisions", "review",
        ], stderrPath: log)
        defer { if isRunning(daemon.pid) { daemon.stop() } }

        #expect(eventually(15) { contents(log).contains("no space left on device") }, "\(contents(log))")
        sleep(3)
        #expect(isRunning(daemon.pid))
        let during = contents(log)
        let complaints = lines(during, containing: "no space left on device")
        #expect(complaints.count == 1, "\(during)")
        #expect(complaints.first?.contains("cannot write a notice into the sent Maildir: write \(disk.path)/tmp/") == true)
        #expect(complaints.first?.contains("No space left on device") == true)
        // The letters were outcome: committed, then moved.
        #expect(names(root + "/maildir/cur").count == letters)
        #expect(names(disk.path + "/new").isEmpty)
        #expect(allNames(disk.path + "/tmp").isEmpty, "a notice half-written into sent/tmp")
        do {
            let store = try Database(path: root + "/tizilim.sqlite")
            #expect(try rowCount(store, "cases") == Int64(letters))
            let states = try store.query("SELECT state, attempts, last_error FROM outbox")
            #expect(states.count == letters)
            for row in states {
                #expect(row.text(0) == "queued" && row.int(1) == 0 && row.text(2) == nil,
                        "a notice on a full disk is neither failed nor pushed back: \(row.text(0) ?? "") \(row.int(1) ?? -1)")
            }
        }

        #expect(unlink(filler) == 0)
        #expect(eventually(15) { names(disk.path + "/new").count == letters }, "\(contents(log))")
        #expect(eventually(5) { contents(log).contains("<5>tizilim serve: space is back") })
        #expect(lines(contents(log), containing: "space is back").count == 1)
        #expect(lines(contents(log), containing: "no space left on device").count == 1)
        daemon.stop()
        let store = try Database(path: root + "/tizilim.sqlite")
        #expect(try store.query("SELECT count(*) FROM outbox WHERE state = 'sent'").first?.int(0) == Int64(letters))
        #expect(try store.query("SELECT count(DISTINCT case_id) FROM outbox").first?.int(0) == Int64(letters))
        #expect(names(disk.path + "/new").count == letters)
        #expect(allNames(disk.path + "/tmp").isEmpty)
    }
}
