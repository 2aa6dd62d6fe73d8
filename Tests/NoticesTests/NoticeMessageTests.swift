import Cases
import Foundation
import MIME
import Testing
@testable import Notices

private func send(_ notice: Notice, _ envelope: NoticeEnvelope = SampleNotices.envelope()) -> Message {
    Message(bytes: NoticeTemplates.builtIn.message(for: notice, envelope: envelope).serialized())
}

private func part(_ message: Message, _ type: String) -> String? {
    message.parts.first { $0.contentType.mimeType == type }?.text()?.text
}

@Suite struct NoticeMessages {
    @Test(arguments: NoticeKind.allCases)
    func theMessageCarriesThreadingAndAutoReplyHeaders(kind: NoticeKind) {
        let parsed = send(SampleNotices.notice(kind))
        #expect(parsed.subject?.hasPrefix("[VR-2026-000123] ") == true)
        #expect(parsed.messageID == "notice-1.VR-2026-000123@mki.gov.kz")
        #expect(parsed.inReplyTo == ["CAB123@mail.gmail.com"])
        #expect(parsed.references == ["root@mail.ru", "CAB123@mail.gmail.com"])
        #expect(parsed.header["Auto-Submitted"] == "auto-replied")
        #expect(parsed.header["X-Auto-Response-Suppress"] == "All")
        #expect(parsed.header["Content-Language"] == "kk, ru")
        #expect(parsed.autoSubmission.isAutomatic)
        #expect(parsed.from.first?.address == "volunteer@mki.gov.kz")
        #expect(parsed.from.first?.name == "Тізілім / Реестр")
        #expect(parsed.replyTo.map(\.address) == ["volunteer@mki.gov.kz"])
        #expect(parsed.to.map(\.address) == ["aigul@example.kz"])
        #expect(parsed.allDefects.isEmpty)
    }

    @Test func textAndHTMLTravelAsAlternatives() {
        let notice = SampleNotices.notice(.refinement, language: "ru")
        let parsed = send(notice)
        let rendered = NoticeTemplates.builtIn.render(notice)
        #expect(parsed.parts.map(\.contentType.mimeType) == ["multipart/alternative", "text/plain", "text/html"])
        #expect(part(parsed, "text/plain") == rendered.text)
        #expect(part(parsed, "text/html") == rendered.html)
        #expect(parsed.subject == rendered.subject)
        #expect(parsed.header["Content-Language"] == "ru, kk")
    }

    @Test func aNewThreadHasNoThreadingHeaders() {
        let parsed = send(SampleNotices.notice(.acceptance), SampleNotices.envelope(inReplyTo: nil, references: []))
        #expect(parsed.header["In-Reply-To"] == nil)
        #expect(parsed.header["References"] == nil)
    }

    @Test func aLongReferencesChainKeepsItsRootAndItsLatest() {
        let chain = (1...60).map { "m\($0)@mail.ru" }
        let parsed = send(SampleNotices.notice(.receipt), SampleNotices.envelope(inReplyTo: "last@mail.ru", references: chain))
        #expect(parsed.references.count == NoticeThread.maxReferences)
        #expect(parsed.references.first == "m1@mail.ru")
        #expect(parsed.references.last == "last@mail.ru")
        #expect(parsed.references.dropLast().last == "m60@mail.ru")
    }

    @Test func junkInTheApplicantsThreadingIsDropped() {
        let huge = String(repeating: "x", count: 5000) + "@mail.ru"
        let parsed = send(SampleNotices.notice(.receipt),
                          SampleNotices.envelope(inReplyTo: "<a@b>\r\nBcc: victim@example.com", references: [huge, "", "a@b", "a@b"]))
        #expect(parsed.header.first("Bcc") == nil)
        #expect(parsed.references.allSatisfy { $0.count < 300 })
        #expect(parsed.references == ["a@b"])
        #expect(parsed.inReplyTo == ["a@b"])
    }

    @Test func aHostileNameCannotInjectHeadersOrMarkup() {
        let hostile = "Evil\r\nBcc: victim@example.com\r\n\r\n<script>alert(1)</script>"
        var envelope = SampleNotices.envelope()
        envelope.to.name = hostile
        let parsed = send(SampleNotices.notice(.refinement, name: hostile), envelope)
        #expect(parsed.header.first("Bcc") == nil)
        #expect(parsed.to.map(\.address) == ["aigul@example.kz"])
        #expect(parsed.subject?.contains("\n") == false)
        let html = part(parsed, "text/html") ?? ""
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(part(parsed, "text/plain")?.contains("Құрметті Evil Bcc: victim@example.com <script>alert(1)</script>!\n") == true)
        #expect(parsed.allDefects.isEmpty)
    }
}
