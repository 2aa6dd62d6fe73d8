import Dates
import Cases
import Forms
import MIME
@testable import Notices

/// Notices as the daemon would build them, with every field a kind uses filled in.
enum SampleNotices {
    static let caseID = "VR-2026-000123"
    static let received = LocalDateTime(date: CivilDate(year: 2026, month: 11, day: 20), hour: 14, minute: 32)
    static let reviewDeadline = LocalDateTime(date: CivilDate(year: 2026, month: 11, day: 27), hour: 18, minute: 0)
    static let refinementDeadline = LocalDateTime(date: CivilDate(year: 2026, month: 12, day: 2), hour: 18, minute: 0)

    static let problems = [
        NoticeProblem(field: "iin", kazakh: "бақылау саны сәйкес келмейді", russian: "не совпадает контрольная цифра"),
        NoticeProblem(field: "phone"),
        NoticeProblem(field: "programs[0].goal"),
    ]

    static func notice(_ kind: NoticeKind, language: String = "kk", name: String? = "Айгүл Сейтқали") -> Notice {
        Notice(kind: kind, caseID: caseID, language: language, applicantName: name, applicantKind: .volunteer,
               receivedAt: received,
               deadline: kind == .receipt ? reviewDeadline : kind == .refinement ? refinementDeadline : nil,
               problems: kind == .refinement || kind == .refusal ? problems : [],
               reason: kind == .refusal ? "Өтініш иесі діни бірлестік болып табылады" : nil)
    }

    static func envelope(inReplyTo: String? = "CAB123@mail.gmail.com", references: [String] = ["root@mail.ru"]) -> NoticeEnvelope {
        NoticeEnvelope(from: MailAddress(name: "Тізілім / Реестр", localPart: "volunteer", domain: "mki.gov.kz"),
                       replyTo: [MailAddress(localPart: "volunteer", domain: "mki.gov.kz")],
                       to: MailAddress(name: "Айгүл Сейтқали", localPart: "aigul", domain: "example.kz"),
                       messageID: "notice-1.VR-2026-000123@mki.gov.kz",
                       date: MessageDate(secondsSince1970: 1_795_000_000, utcOffsetMinutes: 300),
                       inReplyTo: inReplyTo, references: references)
    }

    /// The two language blocks of a text part, in order.
    static func blocks(_ text: String) -> [String] {
        text.components(separatedBy: RenderedNotice.separator)
    }
}
