/// Messages for the tests, with CRLF line ends as on the wire, so that IMAP and SMTP hand
/// back exactly the bytes that went in.
public enum TestMessage {
    public static func make(subject: String, body: String = "Өтініш / Заявление\r\nБұл сынақ хат.\r\n") -> [UInt8] {
        let text = "From: Applicant <applicant@example.kz>\r\n"
            + "To: volunteer@mki.gov.kz\r\n"
            + "Subject: \(subject)\r\n"
            + "Message-ID: <\(subject.filter { $0.isLetter || $0.isNumber })@example.kz>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + body
        return Array(text.utf8)
    }

    /// A letter as an applicant's mail client writes it: UTF-8 text, threaded when it answers.
    public static func letter(from: String, subject: String, messageID: String, inReplyTo: String? = nil,
                              extraHeaders: [String] = [], body: String) -> [UInt8] {
        var lines = ["From: Viktor Kim <\(from)>", "To: volunteer@mki.gov.kz", "Subject: \(subject)",
                     "Date: Mon, 02 Feb 2026 10:00:00 +0500", "Message-ID: <\(messageID)>"]
        if let inReplyTo { lines += ["In-Reply-To: <\(inReplyTo)>", "References: <\(inReplyTo)>"] }
        lines += extraHeaders
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        let crlf = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return Array((lines.joined(separator: "\r\n") + "\r\n" + crlf + "\r\n").utf8)
    }

    /// A name no other test uses, for folders and addresses on the shared servers.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)\(UInt32.random(in: 0...UInt32.max))"
    }
}

/// One complete Russian volunteer application with its questionnaire, as the tests across
/// modules send it (a real sample's text; IIN 670509312900 passes the check digit).
public enum SampleApplication {
    public static let volunteer = """
    Прошу включить меня в реестр учета волонтерской деятельности (волонтер).
    Даю согласие на сбор и обработку моих персональных данных.

    Анкета волонтера
    ФИО: Ким Виктор Алексеевич
    Год рождения: 1967
    Место жительства: г. Костанай
    ИИН: 670509312900
    Опыт волонтерской деятельности: с 2009 года в поисковом отряде.
    Контакты: +7 714 555 22 31, vkim.kostanay@mail.ru
    Виды деятельности: 5, 7
    Роль: 5) логист
    Удобное время: 1) отпуск/каникулы
    """

    /// The same without the IIN line: a refinement names `iin`.
    public static var volunteerWithoutIIN: String {
        volunteer.replacingOccurrences(of: "ИИН: 670509312900\n", with: "")
    }
}
