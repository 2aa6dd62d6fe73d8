import Foundation
import Glibc
import Testing
@testable import CLI
import Forms

/// IINs and BINs are personal data the store keeps and nothing else shows: not the daemon's
/// log, not the published register, not the staff lists.
@Suite(.serialized) struct DataProtection {
    /// Twelve-digit runs: every IIN and BIN has this shape.
    static func twelveDigitNumbers(_ text: String) -> [String] {
        var found: [String] = []
        var run = ""
        for c in text.unicodeScalars {
            if c.value >= 48 && c.value <= 57 {
                run.unicodeScalars.append(c)
            } else {
                if run.count == 12 { found.append(run) }
                run = ""
            }
        }
        if run.count == 12 { found.append(run) }
        return found
    }

    @Test func noIdentityNumberReachesTheLogThePublicRegisterOrTheCaseList() throws {
        let site = SampleSite.copy()
        defer { site.remove() }
        _ = system("cp -R '\(SampleSite.root)/maildir-samples/.' '\(site.folder)/maildir/'")
        SampleSite.touchInNameOrder(site.folder + "/maildir")
        // A fresh store, so the samples are taken again and every log line is written here.
        unlink(site.store)
        let console = Console.capturing()
        #expect(Tizilim.run(["serve", "--once", "--now", SampleSite.servedAt] + site.flags, console: console) == 0)
        // The samples do carry IINs and BINs: the store has them, so the scan below can fail.
        let stored = site.run("cases", "show", "VR-2026-000009", "--json").out
        #expect(!stored.isEmpty)
        #expect(Self.twelveDigitNumbers(try String(contentsOfFile: SampleSite.root + "/maildir-samples/new/1764733282.M12177P1607.tizilim-sample,S=1625",
                                                   encoding: .isoLatin1)) == ["670509312900"])

        #expect(Self.twelveDigitNumbers(console.out + console.err) == [])
        let list = site.run("cases", "--all")
        #expect(list.status == 0 && list.out.contains("VR-2026-000009"))
        #expect(Self.twelveDigitNumbers(list.out + list.err) == [])
        var scanned = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: site.folder + "/var/publish") {
            let path = site.folder + "/var/publish/" + name
            if name.hasSuffix(".xlsx") {
                // A workbook is a zip: its sheets are scanned, not its compressed bytes.
                let archive = try ZipArchive(bytes: Array(FileManager.default.contents(atPath: path) ?? Data()))
                for entry in archive.entryNames where entry.hasSuffix(".xml") {
                    #expect(Self.twelveDigitNumbers(String(decoding: try archive.read(entry), as: UTF8.self)) == [], "\(name) \(entry)")
                    scanned += 1
                }
            } else {
                #expect(Self.twelveDigitNumbers(try String(contentsOfFile: path, encoding: .utf8)) == [], "\(name)")
                scanned += 1
            }
        }
        #expect(scanned >= 4, "the published files were found and read")
        // The store is the owner's and the group's only; the notices we wrote (which name the
        // applicant) are the daemon's alone. Letters in the Maildir keep the mode their deliverer
        // gave them, inside folders `doctor` checks are closed to others.
        var info = stat()
        #expect(stat(site.store, &info) == 0)
        #expect(info.st_mode & 0o007 == 0)
        var notices = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: site.folder + "/var/sent/new") {
            #expect(stat(site.folder + "/var/sent/new/" + name, &info) == 0)
            #expect(info.st_mode & 0o077 == 0, "\(name) is the daemon's alone")
            notices += 1
        }
        #expect(notices > 20)
    }
}
