import Foundation
import Testing
@testable import Register

/// The published page in a real browser (Debian's chromium, headless): the table renders with
/// every entry, a search given in the link filters it, and a screenshot is kept to look at.
@Suite(.serialized) struct RegisterInBrowser {
    static let chromium = ExternalProgram.path("chromium")

    /// Rows of the table body the browser left visible after the page's own script ran.
    static func visibleRows(_ dom: String) -> Int {
        dom.components(separatedBy: "<tr").dropFirst().filter { row in
            let tag = row.prefix { $0 != ">" }
            return !tag.contains("hidden") && !row.contains("<th")
        }.count
    }

    static func browse(_ url: String, extra: [String] = []) throws -> String {
        try ExternalProgram.run(try #require(chromium),
                                ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--no-first-run", "--virtual-time-budget=2000"] + extra + [url])
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (deploy/packages.sh test installs it)"))
    func theBrowserShowsEveryEntryAndALinkedSearchFiltersThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-browser-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try RegisterPublication.write(Sample.rows, to: folder, updated: Sample.updated)
        let page = "file://" + folder + "/register-ru.html"

        let all = try Self.browse(page, extra: ["--dump-dom"])
        #expect(all.contains("id=\"register\""))
        #expect(Self.visibleRows(all) == Sample.rows.count)

        let expected = Sample.rows.filter { row in
            row.cells(.ru).joined(separator: " ").lowercased().contains("костанай")
        }.count
        #expect(expected > 0 && expected < Sample.rows.count)
        let searched = try Self.browse(page + "#q=" + "Костанай".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                       extra: ["--dump-dom"])
        #expect(Self.visibleRows(searched) == expected)

        // The screenshot is the artifact a person looks at: kept under REGISTER_ARTIFACTS if set.
        let artifacts = ProcessInfo.processInfo.environment["REGISTER_ARTIFACTS"] ?? folder
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let shot = artifacts + "/register-ru.png"
        _ = try Self.browse(page, extra: ["--screenshot=" + shot, "--window-size=1280,900"])
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000)
    }
}
