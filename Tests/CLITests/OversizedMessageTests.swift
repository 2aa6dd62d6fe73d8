import Foundation
import Glibc
import Intake
import Store
import Testing
import TestRig

/// The attack table's 1 GiB row (README, "Attacks"): a letter with a 1 GiB attachment, taken
/// by the real `tizilim serve --once` in a child process so that its peak memory is measured.
@Suite(.serialized) struct OversizedMessage {
    @Test func aMessageOf1GiBIsTakenStreamedFlaggedTooLargeAndKeptByteForByte() throws {
        let root = try TemporaryDirectory("oversized")
        // Always removed, the 1 GiB file first, whatever fails.
        defer { root.remove() }
        for sub in ["maildir/new", "maildir/cur", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: root.path + "/" + sub, withIntermediateDirectories: true)
        }
        let name = "1770008400.M1P1Q1.mx"
        let file = root.path + "/maildir/new/" + name
        let (size, sha) = try Self.writeLetter(to: file, attachmentBytes: 1 << 30)
        #expect(size > 1 << 30)

        let started = ContinuousClock.now
        // Through a small parent of its own: Linux counts in a child's ru_maxrss the memory of
        // the process that spawned it, and this test process holds other tests' messages.
        let peakFile = root.path + "/peak-kib"
        let child = try ChildProcess.spawn("/usr/bin/python3", [
            "-c", "import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
                + "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)",
            peakFile, builtExecutable,
            "serve", "--once", "--now", "2026-02-02T10:00",
            "--maildir", root.path + "/maildir", "--store", root.path + "/tizilim.sqlite",
            "--sent", root.path + "/sent", "--publish-dir", root.path + "/publish",
        ], stdoutPath: root.path + "/out.txt", stderrPath: root.path + "/err.txt")
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
        }
        let elapsed = ContinuousClock.now - started
        let peakKiB = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Double($0) } ?? 0
        let peakMiB = peakKiB / 1024
        let log = (try? String(contentsOfFile: root.path + "/err.txt", encoding: .utf8)) ?? ""
        print("attack: a 1 GiB message taken by serve --once in \(elapsed), peak RSS \(peakMiB) MiB")
        #expect(status == 0, "\(log)")
        // Not read into memory: the SHA-256 in 1 MiB chunks, the header block alone parsed.
        #expect(peakMiB < 300, "peak RSS \(peakMiB) MiB")
        #expect(peakMiB > 1, "rusage was read")

        // Moved to cur/ untouched.
        let cur = try FileManager.default.contentsOfDirectory(atPath: root.path + "/maildir/cur")
        #expect(cur.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/maildir/new").isEmpty)
        if let kept = cur.first {
            let path = root.path + "/maildir/cur/" + kept
            var info = stat()
            #expect(stat(path, &info) == 0 && Int(info.st_size) == size)
            #expect(Digest.sha256Hex(contentsOf: path) == sha)
        }

        // One case, flagged for staff, no notice.
        let database = try Database(path: root.path + "/tizilim.sqlite")
        let cases = try CaseBook(database).list()
        #expect(cases.count == 1)
        #expect(cases.first?.snapshot.flags == [.tooLarge])
        #expect(cases.first?.snapshot.state == .underReview)
        #expect(cases.first?.replyTo == "arman@example.kz")
        #expect(try database.query("SELECT count(*) FROM outbox").first?.int(0) == 0)
        let stored = try database.query("SELECT sha256, size, message_id FROM messages")
        #expect(stored.count == 1)
        #expect(stored.first?.text(0) == sha)
        #expect(stored.first?.int(1) == Int64(size))
        #expect(stored.first?.text(2) == "huge@example.kz")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: root.path + "/sent/new"))?.isEmpty ?? true)
    }

    /// A letter with a base64 attachment of `attachmentBytes`, streamed to disk in 4 MiB
    /// chunks; returns its size and SHA-256.
    static func writeLetter(to path: String, attachmentBytes: Int) throws -> (Int, String) {
        guard let out = fopen(path, "wx") else { throw RigError("cannot create \(path)") }
        defer { fclose(out) }
        let head = """
            From: Arman <arman@example.kz>\r
            To: volunteer@mki.gov.kz\r
            Subject: =?utf-8?B?0JDQvdC60LXRgtCwINC4INGB0LrQsNC9?=\r
            Date: Mon, 02 Feb 2026 09:00:00 +0500\r
            Message-ID: <huge@example.kz>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="huge"\r
            \r
            --huge\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Анкета и скан во вложении.\r
            --huge\r
            Content-Type: image/tiff\r
            Content-Disposition: attachment; filename="scan.tif"\r
            Content-Transfer-Encoding: base64\r
            \r

            """
        var written = 0
        let digest = Digest.Streaming()
        func emit(_ bytes: [UInt8]) throws {
            guard fwrite(bytes, 1, bytes.count, out) == bytes.count else { throw RigError("short write to \(path)") }
            digest.update(bytes)
            written += bytes.count
        }
        try emit(Array(head.utf8))
        // Base64 lines of 76 characters, written 4 MiB at a time; each chunk differs from the
        // last in its first line, so the file is not one block repeated.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var chunk: [UInt8] = []
        let linesPerChunk = (4 << 20) / 78
        for line in 0..<linesPerChunk {
            for k in 0..<76 { chunk.append(alphabet[(line &* 31 &+ k &* 7) & 63]) }
            chunk += [0x0D, 0x0A]
        }
        let chunks = attachmentBytes / 3 * 4 / (linesPerChunk * 76) + 1
        for n in 0..<chunks {
            for k in 0..<8 { chunk[k] = alphabet[(n >> (6 * (k % 4))) & 63] }
            try emit(chunk)
        }
        try emit(Array("--huge--\r\n".utf8))
        return (written, digest.finish())
    }
}
