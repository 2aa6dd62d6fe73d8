import Foundation
import Glibc
@testable import CLI

/// A site served once from the 32 sample messages (`maildir-samples/`) on 2 February 2026 at
/// 10:00, what the staff commands are tested against. Tests that change the store work on a
/// copy (`SampleSite.copy()`); the messages stay in the original's Maildir.
struct SampleSite {
    let folder: String

    var store: String { folder + "/var/tizilim.sqlite" }
    var flags: [String] { ["--store", store, "--maildir", folder + "/maildir", "--sent", folder + "/var/sent",
                           "--publish-dir", folder + "/var/publish"] }

    /// The day the samples were served; relative deadlines are counted from `--now` in tests.
    static let servedAt = "2026-02-02T10:00"

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Served once per test run, read-only for the tests that share it.
    static let pristine: SampleSite = {
        let site = SampleSite(folder: makeFolder())
        _ = system("cp -R '\(root)/maildir-samples' '\(site.folder)/maildir'")
        touchInNameOrder(site.folder + "/maildir")
        let status = Tizilim.run(["serve", "--once", "--now", servedAt] + site.flags, console: .capturing())
        precondition(status == 0, "serving the samples failed")
        // Shared by every test, so removed when the test process ends.
        pristineFolder = site.folder
        atexit { if let folder = pristineFolder { _ = system("rm -rf '\(folder)'") } }
        return site
    }()

    /// A copy of the served store to change, with an empty Maildir of its own; the stored
    /// messages' paths still point into the original's. The caller removes it.
    static func copy() -> SampleSite {
        let site = SampleSite(folder: makeFolder())
        mkdir(site.folder + "/var", 0o750)
        _ = system("cp -R '\(pristine.folder)/var/.' '\(site.folder)/var/'")
        for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp"] { mkdir(site.folder + "/" + sub, 0o750) }
        return site
    }

    func remove() { _ = system("rm -rf '\(folder)'") }

    /// Runs `tizilim ARGUMENTS... <site flags>` in-process.
    func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
        let console = Console.capturing()
        let status = Tizilim.run(arguments + flags, console: console)
        return (status, console.out, console.err)
    }

    /// Copies get their mtimes in the order the directory happens to list them, and the
    /// Maildir is taken oldest first: touched in name order, the samples are always taken in
    /// the same order and get the same case numbers.
    static func touchInNameOrder(_ maildir: String) {
        _ = system("find '\(maildir)' -type f ! -name '.*' -printf '%f\\t%p\\n' | sort | cut -f2 | xargs -r -d '\\n' touch")
    }

    static func makeFolder() -> String {
        var template = Array("/tmp/tizilim-staff-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }
}

/// The shared site's folder, for the exit handler (a C function pointer cannot capture it).
nonisolated(unsafe) private var pristineFolder: String?

/// The JSON object on one line of output, for tests that check keys and values.
func jsonObject(_ line: some StringProtocol) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(String(line).utf8))) as? [String: Any]
}

/// The keys of a JSON object line in the order they were written.
func jsonKeys(_ line: some StringProtocol) -> [String] {
    // Top-level keys only: a key is a string directly after "{" or "," at depth 1.
    var keys: [String] = [], depth = 0, inString = false, escaped = false, current = "", expectKey = false
    for c in line {
        if inString {
            if escaped { escaped = false; current.append(c); continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { inString = false; if expectKey && depth == 1 { keys.append(current) }; expectKey = false; continue }
            current.append(c)
            continue
        }
        switch c {
        case "\"": inString = true; current = ""
        case "{", "[": depth += 1; expectKey = c == "{" && depth == 1
        case "}", "]": depth -= 1
        case ",": expectKey = depth == 1
        default: break
        }
    }
    return keys
}
