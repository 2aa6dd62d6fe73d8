import Foundation
import Glibc
import Testing
@testable import CLI
@testable import Service

/// The real `tizilim` executable, built next to the test bundle.
private func executable() -> String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tizilim").path
}

private func scratch() throws -> String {
    let root = NSTemporaryDirectory() + "tizilim-lock-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    for sub in ["maildir/new", "maildir/cur", "maildir/tmp"] {
        try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
    }
    return root
}

@Suite(.serialized) struct OneDaemonPerStore {
    @Test func aSecondLockOnTheSameStoreIsRefusedNamingTheHolderAndFreedOnRelease() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try ServiceLock(store: root + "/s.sqlite")
        #expect(throws: ServiceLock.Busy.self) { _ = try ServiceLock(store: root + "/s.sqlite") }
        do {
            _ = try ServiceLock(store: root + "/s.sqlite")
        } catch let busy as ServiceLock.Busy {
            #expect(busy.holder == getpid())
            #expect(busy.description.contains("pid \(getpid())"))
        }
        // Another store is another lock.
        _ = try ServiceLock(store: root + "/other.sqlite")
        first.release()
        _ = try ServiceLock(store: root + "/s.sqlite")
    }

    @Test func serveOnceBesideARunningDaemonRefusesAtOnceAndStaffCommandsStillWork() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = ["--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite", "--sent", root + "/sent",
                     "--publish-dir", root + "/publish", "--config", "/dev/null"]
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: executable())
        daemon.arguments = ["serve"] + store
        let daemonLog = Pipe()
        daemon.standardError = daemonLog
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(20)
        while access(root + "/tizilim.sqlite.lock", F_OK) != 0 && Date() < deadline { usleep(50_000) }
        usleep(300_000)

        let once = Process()
        once.executableURL = URL(fileURLWithPath: executable())
        once.arguments = ["serve", "--once"] + store
        let onceLog = Pipe()
        once.standardError = onceLog
        once.standardOutput = FileHandle.nullDevice
        let started = Date()
        try once.run()
        once.waitUntilExit()
        let text = String(decoding: onceLog.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(once.terminationStatus == ExitCode.temporaryFailure)
        #expect(text.contains("another tizilim daemon (pid \(daemon.processIdentifier))"), "\(text)")
        #expect(Date().timeIntervalSince(started) < 10, "refused at once, not after waiting for the store")

        let list = Process()
        list.executableURL = URL(fileURLWithPath: executable())
        list.arguments = ["cases", "list"] + store
        list.standardOutput = FileHandle.nullDevice
        list.standardError = FileHandle.nullDevice
        try list.run()
        list.waitUntilExit()
        #expect(list.terminationStatus == 0, "staff commands work beside the daemon")

        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
    }

    @Test func serveOnceWritesTheMetricsFileForTimerDrivenDeployments() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let once = Process()
        once.executableURL = URL(fileURLWithPath: executable())
        once.arguments = ["serve", "--once", "--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite",
                          "--sent", root + "/sent", "--publish-dir", root + "/publish", "--config", "/dev/null",
                          "--metrics-file", root + "/tizilim.prom"]
        once.standardError = FileHandle.nullDevice
        once.standardOutput = FileHandle.nullDevice
        try once.run()
        once.waitUntilExit()
        #expect(once.terminationStatus == 0)
        let text = try String(contentsOfFile: root + "/tizilim.prom", encoding: .utf8)
        #expect(text.contains("tizilim_messages_total 0"))
        #expect(text.contains("tizilim_smtp_errors_total 0"))
    }
}
