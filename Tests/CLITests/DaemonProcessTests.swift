import Foundation
import Glibc
import Testing

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
