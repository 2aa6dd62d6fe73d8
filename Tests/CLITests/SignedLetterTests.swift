import Foundation
import Glibc
import Testing
import TestRig
@testable import CLI
import Forms
import Register

/// A signed letter as staff see it: `parse --json`, `serve` with `trust_anchors`, `cases show`.
@Suite struct SignedLetterCommands {
    static func docx(_ text: String) -> [UInt8] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        var zip = ZipWriter()
        zip.add("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(paragraphs)</w:body></w:document>
            """)
        return zip.bytes
    }

    @Test func casesShowSaysWhoSignedAndThatItWasVerified() throws {
        let kit = try SigningKit()
        defer { kit.remove() }
        let site = SampleSite(folder: SampleSite.makeFolder())
        defer { site.remove() }
        for sub in ["maildir", "maildir/new", "maildir/cur", "maildir/tmp", "var"] { mkdir(site.folder + "/" + sub, 0o750) }
        let letter = AttachedLetter.make(messageID: "signed-cli@mail.ru", attachments: [
            ("application/octet-stream", "анкета.docx.cms", try kit.cms(Self.docx(SampleApplication.volunteer))),
        ])
        let path = site.folder + "/maildir/new/1.signed"
        FileManager.default.createFile(atPath: path, contents: Data(letter))

        let parsed = run("parse", "--json", path)
        let line = try #require(parsed.out.split(separator: "\n").first.flatMap(jsonObject))
        let signatures = try #require((line["application"] as? [String: Any])?["signatures"] as? [[String: Any]])
        #expect(signatures.first?["iin"] as? String == "670509312900")
        #expect(signatures.first?["verified"] as? Bool == false)
        #expect(signatures.first?["reason"] as? String == "no trust anchors configured")

        let served = site.run("serve", "--once", "--now", SampleSite.servedAt, "--trust-anchors", kit.caPath)
        #expect(served.status == 0, "\(served.err)")
        let shown = site.run("cases", "show", "VR-2026-000001", "--lang", "en")
        // The sheet wraps long lines at the terminal's width.
        let unwrapped = shown.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(unwrapped.contains("signed by КИМ ВИКТОР, IIN 670509312900 (issued by Test NCA, tizilim tests), verified"),
                "\(shown.out)")
    }

    @Test func configCheckRefusesTrustAnchorsWithoutACertificate() throws {
        let folder = temporaryFolder(["anchors.pem": "not a certificate\n", "site.conf": "decisions = auto\n"])
        defer { removeFolder(folder) }
        let bad = run("config", "check", "--config", folder + "/site.conf", "--trust-anchors", folder + "/anchors.pem")
        #expect(bad.status == 78)
        #expect(bad.err.contains("trust_anchors = \(folder)/anchors.pem"))
        #expect(bad.err.contains("no PEM certificate"))
        let kit = try SigningKit()
        defer { kit.remove() }
        let good = run("config", "check", "--config", folder + "/site.conf", "--trust-anchors", kit.caPath)
        #expect(good.status == 0, "\(good.err)")
    }
}
