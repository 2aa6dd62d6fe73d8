import Foundation
import Glibc
import Testing
@testable import CLI

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
        for name in try FileManager.default.contentsOfDirectory(atPath: site.folder + "/var/publish") where !name.hasSuffix(".xlsx") {
            let text = try String(contentsOfFile: site.folder + "/var/publish/" + name, encoding: .utf8)
            #expect(Self.twelveDigitNumbers(text) == [], "\(name)")
        }
        // The store itself is the owner's and the group's only.
        var info = stat()
        #expect(stat(site.store, &info) == 0)
        #expect(info.st_mode & 0o007 == 0)
    }
}
