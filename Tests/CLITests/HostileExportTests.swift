import Foundation
import Glibc
import Testing
@testable import CLI

/// The attack table's export row (README, "Attacks"): a letter whose attachments are named to
/// climb out of the folder staff export them into, taken by `serve --once` and exported part by
/// part with `cases open`.
@Suite struct HostileExport {
    /// Content-Disposition parameters and the name each file must get inside the folder.
    static let hostile: [(disposition: String, safe: String)] = [
        ("filename=\"../../etc/passwd\"", "passwd"),
        ("filename=\"/etc/shadow\"", "shadow"),
        ("filename=\"..\\\\..\\\\Windows\\\\System32\\\\evil.dll\"", "evil.dll"),
        ("filename*=utf-8''%2E%2E%2F%2E%2E%2Fescape-2231.txt", "escape-2231.txt"),
        ("filename=\"=?utf-8?B?Li4vLi4vZXNjYXBlLTIwNDcudHh0?=\"", "escape-2047.txt"),
        ("filename*=utf-8''nul%00%2F..%2F..%2Fescape-nul.txt", "escape-nul.txt"),
        ("filename=\"..\"", "VR-2026-000001-1-part-8.bin"),
        ("filename=\".bashrc\"", "bashrc"),
    ]

    @Test func anAttachmentNamedToClimbOutOfTheExportFolderIsWrittenOnlyInsideIt() throws {
        let folder = SampleSite.makeFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp", "staff", "staff/export", "staff/export/out"] {
            mkdir(folder + "/" + sub, 0o700)
        }
        var letter = """
            From: Arman <arman@example.kz>\r
            To: volunteer@mki.gov.kz\r
            Subject: scan\r
            Message-ID: <climb@example.kz>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Анкета во вложении.\r

            """
        for (i, file) in Self.hostile.enumerated() {
            letter += "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; \(file.disposition)\r\n"
                + "\r\nfile \(i + 2)\r\n"
        }
        letter += "--b--\r\n"
        _ = FileManager.default.createFile(atPath: folder + "/maildir/new/1.climb", contents: Data(letter.utf8))
        let flags = ["--store", folder + "/t.sqlite", "--maildir", folder + "/maildir", "--sent", folder + "/sent",
                     "--publish-dir", folder + "/publish"]
        #expect(Tizilim.run(["serve", "--once", "--now", "2026-02-02T10:00"] + flags, console: .capturing()) == 0)
        let before = Self.tree(folder)

        let out = folder + "/staff/export/out"
        for (i, file) in Self.hostile.enumerated() {
            let console = Console.capturing()
            let status = Tizilim.run(["cases", "open", "VR-2026-000001", "\(i + 2)", "--output", out] + flags, console: console)
            #expect(status == 0, "\(file.disposition): \(console.err)")
            #expect(Self.read(out + "/" + file.safe) == Array("file \(i + 2)".utf8), "\(file.disposition)")
        }
        // Exactly the sanitised names, inside the folder; nothing anywhere else changed.
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written == Self.hostile.map(\.safe).sorted())
        #expect(Self.tree(folder).subtracting(before) == Set(written.map { "staff/export/out/" + $0 }))
        for name in written {
            var info = stat()
            #expect(lstat(out + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o777 == 0o600)
        }
    }

    /// Every path under `root`, relative to it.
    static func tree(_ root: String) -> Set<String> {
        var out = Set<String>()
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let path = walker.nextObject() as? String { out.insert(path) }
        return out
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
