/// A notice as the applicant reads it, before it becomes a message.
public struct RenderedNotice: Sendable, Equatable {
    /// `[VR-2026-000123] Өтініш алынды / Заявление получено`. The tag is not in the templates:
    /// replies are matched to their case by it, so no edit can lose it.
    public var subject: String
    public var text: String
    public var html: String

    /// Between the two languages, in the text part.
    static let separator = String(repeating: "=", count: 40)

    init(caseID: String, subjects: [String], bodies: [NoticeBody]) {
        subject = "[\(NoticeText.inline(caseID))] " + subjects.map(NoticeText.inline).joined(separator: " / ")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8192)
        for (index, body) in bodies.enumerated() {
            if index > 0 { bytes.append(contentsOf: ("\n\n" + RenderedNotice.separator + "\n\n").utf8) }
            body.appendText(to: &bytes)
        }
        bytes.append(0x0A)
        text = String(decoding: bytes, as: UTF8.self)
        html = NoticeHTML.document(title: subject, bodies: bodies)
    }
}
