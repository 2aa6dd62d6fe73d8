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
        text = bodies.map(\.text).joined(separator: "\n\n" + RenderedNotice.separator + "\n\n") + "\n"
        html = NoticeHTML.document(title: subject, bodies: bodies)
    }
}
