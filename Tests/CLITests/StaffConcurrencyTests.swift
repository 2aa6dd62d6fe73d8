import Foundation
import Glibc
import Store
import Testing
@testable import CLI

/// Staff work while the daemon runs: SQLite's WAL and BEGIN IMMEDIATE make the two writers take
/// turns, so neither the decisions nor the messages taken meanwhile are lost.
@Suite(.serialized) struct StaffWhileTheDaemonRuns {
    @Test func notesMadeWhileAnotherProcessTakesTheMaildirAreAllKept() throws {
        let folder = SampleSite.makeFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let flags = ["--store", folder + "/t.sqlite", "--maildir", folder + "/maildir", "--sent", folder + "/sent",
                     "--publish-dir", folder + "/publish"]
        // A first letter opens the case staff will write in.
        for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp"] { mkdir(folder + "/" + sub, 0o700) }
        _ = system("cp '\(SampleSite.root)/maildir-samples/cur/1764145206.M305230P1348.tizilim-sample,S=2637:2,S' '\(folder)/maildir/new/first'")
        #expect(Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00"] + flags, console: .capturing()) == 0)
        // Then the whole sample Maildir arrives, and another process takes it.
        _ = system("cp '\(SampleSite.root)'/maildir-samples/new/* '\(folder)/maildir/new/'")
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("tizilim").path)
        daemon.arguments = ["serve", "--once", "--now", "2026-02-02T11:00"] + flags
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        var notes = 0, failures: [String] = []
        // At least a few notes, and as many as fit while the daemon works.
        while daemon.isRunning || notes < 5 {
            let console = Console.capturing()
            let status = Tizilim.run(["cases", "note", "VR-2026-000001", "note \(notes)"] + flags, console: console)
            if status == 0 { notes += 1 } else { failures.append(console.err) }
            if notes > 500 { break }
        }
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures)")

        let database = try Database(path: folder + "/t.sqlite")
        let kept = try database.query("""
            SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id
            WHERE c.human_id = 'VR-2026-000001' AND e.type = 'note'
            """).first?.int(0)
        #expect(kept == Int64(notes), "every note is in the history")
        let taken = try database.query("SELECT count(*) FROM messages").first?.int(0)
        #expect(taken == 28, "the first letter and the 27 in new/, each recorded once")
        var remaining = 0
        if let dir = opendir(folder + "/maildir/new") {
            while let entry = readdir(dir) { if entry.pointee.d_name.0 != 46 { remaining += 1 } }
            closedir(dir)
        }
        #expect(remaining == 0, "the daemon moved every message it took")
    }
}
