import Testing
@testable import Forms
@testable import MIME

private func message(subject: String, body: String, attachment: (type: String, name: String)? = nil) -> Message {
    var lines = ["From: <a@example.kz>", "To: <volunteer@mki.gov.kz>", "Subject: \(subject)", "MIME-Version: 1.0"]
    if let attachment {
        lines += ["Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain; charset=utf-8", "",
                  body, "--b", "Content-Type: \(attachment.type)", "Content-Disposition: attachment; filename=\"\(attachment.name)\"",
                  "Content-Transfer-Encoding: base64", "", "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//", "--b--", ""]
    } else {
        lines += ["Content-Type: text/plain; charset=utf-8", "", body, ""]
    }
    return Message(bytes: Array(lines.joined(separator: "\r\n").utf8))
}

@Test func theSubjectTellsTheReaderTheMessageIsAChange() {
    let result = ApplicationReader.read(message(subject: "Изменение сведений в реестре",
                                                body: "Анкета волонтера\nФИО: Иванов Иван\nТелефон: +7 701 555 00 11"), currentYear: 2026)
    #expect(result.application.purpose == .change)
}

@Test func whatTheReadablePartsLackIsLeftToStaffWhenAScanIsAttached() {
    let result = ApplicationReader.read(message(subject: "Заявление", body: "Направляю заявление и анкету волонтера (скан).",
                                                attachment: ("image/jpeg", "scan.jpg")), currentYear: 2026)
    #expect(result.application.kind == .volunteer)
    #expect(result.application.outcome == .unreadable)
    // Without the scan the same words are an incomplete application for the applicant to refine.
    let alone = ApplicationReader.read(message(subject: "Заявление", body: "Направляю заявление и анкету волонтера."), currentYear: 2026)
    #expect(alone.application.outcome == .incomplete)
}

@Test func aTerminationNoticeIsReportedAsSuch() {
    let result = ApplicationReader.read(message(subject: "Уведомление", body: "Прошу исключить меня из реестра с 01.03.2026."), currentYear: 2026)
    #expect(result.application.purpose == .termination)
    #expect(result.application.outcome == .notAnApplication)
    #expect(result.notAnApplicationReason == "termination notice (Rules p.13)")
}
