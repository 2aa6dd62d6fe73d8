import Foundation
import Glibc
import Testing
import Store
import TestRig
@testable import CLI

/// The real `tizilim` executable, built next to the test bundle.
private func executable() -> String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return bundle.appendingPathComponent("tizilim").path
}

private func count(_ folder: String) -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.count) ?? 0
}

private func letter(_ id: String, from: String) -> Data {
    Data("""
    From: <\(from)>\r
    To: volunteer@mki.gov.kz\r
    Subject: =?utf-8?B?0JLQvtC/0YDQvtGB?=\r
    Message-ID: <\(id)>\r
    Content-Type: text/plain; charset=utf-8\r
    \r
    Добрый день! Как подать заявку?\r
    
    """.utf8)
}

/// Waits up to `seconds` for `condition`.
private func eventually(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

@Suite(.serialized) struct DaemonProcess {
    @Test func theDaemonTakesMailAsItArrivesAndStopsCleanlyOnSIGTERM() throws {
        let root = NSTemporaryDirectory() + "tizilim-daemon-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["maildir/new", "maildir/cur", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable())
        process.arguments = ["serve", "--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite", "--sent", root + "/sent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Delivered the Maildir way while the daemon watches: written in tmp/, renamed into new/.
        for i in 1...3 {
            let tmp = root + "/maildir/tmp/m\(i)"
            try letter("d\(i)@x.kz", from: "person\(i)@x.kz").write(to: URL(fileURLWithPath: tmp))
            rename(tmp, root + "/maildir/new/m\(i)")
        }
        #expect(eventually { count(root + "/maildir/cur") == 3 })
        #expect(count(root + "/maildir/new") == 0)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("<6>tizilim serve: watching"))
        #expect(log.contains("opened VR-"))
        #expect(log.contains("stopping on signal"))
    }
}

@Suite(.serialized) struct DaemonKilled {
    /// A complete application from applicant `i`.
    static func application(_ i: Int) -> Data {
        Data(TestMessage.letter(from: "applicant\(i)@mail.kz", subject: "Анкета", messageID: "kill\(i)@mail.kz",
                                body: RealServers.complete.replacingOccurrences(of: "Ким Виктор Алексеевич", with: "Заявитель Номер \(i)")))
    }

    @Test func killedAtRandomMomentsItLosesNothingAndDoublesNothing() throws {
        let root = NSTemporaryDirectory() + "tizilim-kill-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["maildir/new", "maildir/cur", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let letters = 120
        for i in 0..<letters {
            try Self.application(i).write(to: URL(fileURLWithPath: root + "/maildir/tmp/l\(i)"))
            rename(root + "/maildir/tmp/l\(i)", root + "/maildir/new/l\(i)")
        }
        let flags = ["--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite", "--sent", root + "/sent",
                     "--publish-dir", root + "/publish"]
        var kills = 0
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable())
            process.arguments = ["serve"] + flags
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 50_000...600_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
        }
        // Whatever is left, one clean pass takes.
        #expect(Tizilim.run(["serve", "--once"] + flags, console: .capturing()) == 0)

        #expect(count(root + "/maildir/new") == 0)
        #expect(count(root + "/maildir/cur") == letters)
        #expect(count(root + "/maildir/tmp") == 0)
        let store = try Database(path: root + "/tizilim.sqlite")
        func number(_ sql: String) throws -> Int64 { try store.query(sql).first?.int(0) ?? -1 }
        #expect(try number("SELECT count(*) FROM messages") == Int64(letters))
        #expect(try number("SELECT count(DISTINCT sha256) FROM messages") == Int64(letters))
        #expect(try number("SELECT count(*) FROM cases") == Int64(letters))
        #expect(try number("SELECT count(*) FROM outbox") == Int64(letters))
        #expect(try number("SELECT count(*) FROM outbox WHERE state = 'sent'") == Int64(letters))
        #expect(try number("SELECT count(DISTINCT case_id) FROM outbox") == Int64(letters))
        #expect(try store.query("PRAGMA integrity_check").first?.text(0) == "ok")
        // A notice is marked sent after it is written: a kill between the two writes it again at
        // most once per kill, and never loses it.
        let delivered = count(root + "/sent/new")
        #expect(delivered >= letters && delivered <= letters + kills)
    }
}
