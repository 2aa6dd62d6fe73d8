import Testing
@testable import MIME

// Forwards as each client writes them into the text of the letter (layouts copied from real
// clients: the separator, the header labels in the client's language, the blank line).

private struct Sample: Sendable, CustomTestStringConvertible {
    let client: String
    let text: String
    let style: InlineForward.Style
    let from: String
    let name: String?
    let date: String?
    let subject: String?
    var testDescription: String { client }
}

private let cover = "Добрый день! Направляем заявку волонтера.\nС уважением, отдел внутренней политики\n\n"
private let inner = "Анкета волонтера\nФИО: Асанов Нурлан Серикович\nИИН: 830717350867\n"

private let samples: [Sample] = [
    Sample(client: "Gmail (English UI)", text: cover + """
        ---------- Forwarded message ---------
        From: Нурлан Асанов <nurlan.asanov@mail.kz>
        Date: Mon, 7 Dec 2026 at 10:15
        Subject: Заявка волонтера
        To: <akimat-taraz@mail.kz>


        """ + inner,
        style: .gmail, from: "nurlan.asanov@mail.kz", name: "Нурлан Асанов", date: "Mon, 7 Dec 2026 at 10:15",
        subject: "Заявка волонтера"),
    Sample(client: "Gmail (Russian UI, bold name)", text: cover + """
        ---------- Пересылаемое сообщение ---------
        От: *Нурлан Асанов* <nurlan.asanov@mail.kz>
        Date: пн, 7 дек. 2026 г. в 10:15
        Subject: Заявка волонтера
        To: <akimat-taraz@mail.kz>

        """ + inner,
        style: .gmail, from: "nurlan.asanov@mail.kz", name: "Нурлан Асанов", date: "пн, 7 дек. 2026 г. в 10:15",
        subject: "Заявка волонтера"),
    Sample(client: "Outlook (English)", text: cover + """
        -----Original Message-----
        From: Asanov Nurlan <nurlan.asanov@mail.kz>
        Sent: Monday, December 7, 2026 10:15 AM
        To: akimat-taraz@mail.kz
        Subject: Заявка волонтера

        """ + inner,
        style: .outlook, from: "nurlan.asanov@mail.kz", name: "Asanov Nurlan", date: "Monday, December 7, 2026 10:15 AM",
        subject: "Заявка волонтера"),
    Sample(client: "Outlook 2016+, bare block under a rule", text: cover + """
        ________________________________
        From: Asanov Nurlan <nurlan.asanov@mail.kz>
        Sent: Monday, December 7, 2026 10:15 AM
        To: Akimat Taraz <akimat-taraz@mail.kz>; Office
        <office@akimat.kz>
        Subject: RE: Заявка волонтера

        """ + inner,
        style: .outlook, from: "nurlan.asanov@mail.kz", name: "Asanov Nurlan", date: "Monday, December 7, 2026 10:15 AM",
        subject: "RE: Заявка волонтера"),
    Sample(client: "Outlook (Russian)", text: cover + """
        -----Исходное сообщение-----
        От: Асанов Нурлан <nurlan.asanov@mail.kz>
        Отправлено: 7 декабря 2026 г. 10:15
        Кому: akimat-taraz@mail.kz
        Тема: Заявка волонтера

        """ + inner,
        style: .outlook, from: "nurlan.asanov@mail.kz", name: "Асанов Нурлан", date: "7 декабря 2026 г. 10:15",
        subject: "Заявка волонтера"),
    Sample(client: "Outlook (Russian, bare От/Отправлено)", text: cover + """
        От: Асанов Нурлан [mailto:nurlan.asanov@mail.kz]
        Отправлено: понедельник, 7 декабря 2026 г. 10:15
        Кому: akimat-taraz@mail.kz
        Тема: Заявка волонтера

        """ + inner,
        style: .outlook, from: "nurlan.asanov@mail.kz", name: "Асанов Нурлан", date: "понедельник, 7 декабря 2026 г. 10:15",
        subject: "Заявка волонтера"),
    Sample(client: "Outlook (Kazakh)", text: cover + """
        -----Бастапқы хабарлама-----
        Кімнен: Асанов Нұрлан <nurlan.asanov@mail.kz>
        Жіберілді: 7 желтоқсан 2026 ж. 10:15
        Кімге: akimat-taraz@mail.kz
        Тақырып: Волонтер өтініші

        """ + inner,
        style: .outlook, from: "nurlan.asanov@mail.kz", name: "Асанов Нұрлан", date: "7 желтоқсан 2026 ж. 10:15",
        subject: "Волонтер өтініші"),
    Sample(client: "Mail.ru", text: cover + """
        -------- Пересылаемое сообщение --------
        От кого: Нурлан Асанов <nurlan.asanov@mail.kz>
        Кому: akimat-taraz@mail.kz
        Дата: Понедельник, 7 декабря 2026, 10:15 +05:00
        Тема: Заявка волонтера

        """ + inner,
        style: .mailRu, from: "nurlan.asanov@mail.kz", name: "Нурлан Асанов", date: "Понедельник, 7 декабря 2026, 10:15 +05:00",
        subject: "Заявка волонтера"),
    Sample(client: "Yandex", text: cover + """
        -------- Пересылаемое сообщение --------
        07.12.2026, 10:15, "Нурлан Асанов" <nurlan.asanov@yandex.kz>:

        """ + inner + """
        -------- Конец пересылаемого сообщения --------

        """,
        style: .mailRu, from: "nurlan.asanov@yandex.kz", name: "Нурлан Асанов", date: "07.12.2026, 10:15",
        subject: nil),
    Sample(client: "Apple Mail", text: cover + """
        Begin forwarded message:

        From: Нурлан Асанов <nurlan.asanov@icloud.com>
        Subject: Заявка волонтера
        Date: 7 December 2026 at 10:15:00 GMT+5
        To: akimat-taraz@mail.kz

        """ + inner,
        style: .appleMail, from: "nurlan.asanov@icloud.com", name: "Нурлан Асанов", date: "7 December 2026 at 10:15:00 GMT+5",
        subject: "Заявка волонтера"),
    Sample(client: "Apple Mail (Russian)", text: cover + """
        Начало переадресованного сообщения:

        От кого: Нурлан Асанов <nurlan.asanov@icloud.com>
        Тема: Заявка волонтера
        Дата: 7 декабря 2026 г., 10:15:00 GMT+5
        Кому: akimat-taraz@mail.kz

        """ + inner,
        style: .appleMail, from: "nurlan.asanov@icloud.com", name: "Нурлан Асанов", date: "7 декабря 2026 г., 10:15:00 GMT+5",
        subject: "Заявка волонтера"),
    Sample(client: "Thunderbird", text: cover + """
        -------- Forwarded Message --------
        Subject: \tЗаявка волонтера
        Date: \tMon, 7 Dec 2026 10:15:00 +0500
        From: \tНурлан Асанов <nurlan.asanov@mail.kz>
        To: \takimat-taraz@mail.kz

        """ + inner,
        style: .thunderbird, from: "nurlan.asanov@mail.kz", name: "Нурлан Асанов", date: "Mon, 7 Dec 2026 10:15:00 +0500",
        subject: "Заявка волонтера"),
]

@Test(arguments: samples)
private func eachClientsForwardGivesTheInnerSenderDateSubjectAndText(_ sample: Sample) throws {
    let found = InlineForward.find(in: sample.text)
    try #require(found.count == 1, "\(found)")
    let forward = found[0]
    #expect(forward.style == sample.style)
    #expect(forward.from?.address == sample.from)
    #expect(forward.from?.name == sample.name)
    #expect(forward.date == sample.date)
    #expect(forward.subject == sample.subject)
    let text = String(sample.text[forward.textRange])
    #expect(text.contains("ИИН: 830717350867"))
    #expect(!text.contains("Направляем"), "the cover letter is not the inner text")
    #expect(!text.contains("Конец пересылаемого"))
    #expect(!String(sample.text[..<forward.range.lowerBound]).contains("Forwarded"))
}

@Test func anRFC5322DateLineIsAlsoReadAsADate() throws {
    let text = "-------- Forwarded Message --------\nSubject: x\nDate: Mon, 7 Dec 2026 10:15:00 +0500\nFrom: a@b.kz\n\nbody\n"
    let forward = try #require(InlineForward.find(in: text).first)
    #expect(forward.parsedDate?.iso8601 == "2026-12-07T10:15:00+05:00")
}

@Test func threeLettersForwardedOneAfterAnotherAreThreeForwardsEachWithItsOwnText() {
    func letter(_ n: Int, _ address: String) -> String {
        "---------- Forwarded message ---------\nFrom: Applicant \(n) <\(address)>\nDate: Mon, 7 Dec 2026 at 10:1\(n)\n"
            + "Subject: Анкета \(n)\nTo: <akimat@mail.kz>\n\nФИО: Заявитель номер \(n)\n\n"
    }
    let text = "Направляем три заявки.\n\n" + letter(1, "one@mail.kz") + letter(2, "two@mail.kz") + letter(3, "three@mail.kz")
    let found = InlineForward.find(in: text)
    #expect(found.map { $0.from?.address } == ["one@mail.kz", "two@mail.kz", "three@mail.kz"])
    for (n, forward) in found.enumerated() {
        let body = String(text[forward.textRange])
        #expect(body.contains("Заявитель номер \(n + 1)"))
        #expect(!body.contains("Forwarded"), "a forward's text ends where the next begins")
    }
}

@Test(arguments: [
    "Please see the forwarded message below, from: the office.",
    "Анкета волонтера\nОт: Асанов Нурлан\nДата: 07.12.2026\nПодпись",          // a form's own lines: no Sent line
    "-----Original Message-----\nnothing that looks like a header\n",
    "Тема: Заявка\nДата: 07.12.2026\n",
])
func proseAndFormLinesAreNotForwards(_ text: String) {
    #expect(InlineForward.find(in: text).isEmpty)
}

@Test func aForwardWithCRLFLineBreaksIsFound() throws {
    let text = "Hi\r\n\r\n-----Original Message-----\r\nFrom: A <a@b.kz>\r\nSent: today\r\nSubject: s\r\n\r\nФИО: Ким\r\n"
    let forward = try #require(InlineForward.find(in: text).first)
    #expect(forward.from?.address == "a@b.kz")
    #expect(forward.subject == "s")
    #expect(String(text[forward.textRange]).contains("ФИО: Ким"))
}
