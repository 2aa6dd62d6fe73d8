import Testing
@testable import Forms
@testable import MIME

// Letters with several applicants, as regional offices send them: each applicant's reading on
// its own, in the order found, saying where it came from.

private func form(_ name: String, iin: String, year: Int, email: String) -> String {
    """
    Прошу включить меня в реестр учета волонтерской деятельности (волонтер).
    Даю согласие на сбор и обработку моих персональных данных.

    Анкета волонтера
    ФИО: \(name)
    Год рождения: \(year)
    Место жительства: г. Тараз
    ИИН: \(iin)
    Опыт волонтерской деятельности: с 2015 года помогаю в приюте.
    Контакты: +7 701 555 22 31, \(email)
    Виды деятельности: 5, 7
    Роль: 5) логист
    Удобное время: 1) отпуск/каникулы
    """
}

private let asanov = (name: "Асанов Нурлан Серикович", iin: "901105300458", year: 1990, email: "nurlan.asanov@mail.kz")
private let zhumabekova = (name: "Жумабекова Алия Маратовна", iin: "850312400128", year: 1985, email: "aliya.zh@gmail.com")
private let kim = (name: "Ким Виктор Алексеевич", iin: "670509312900", year: 1967, email: "vkim.kostanay@mail.ru")

private func crlf(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }

private func letter(_ headerAndBody: String) -> Message { Message(bytes: Array(crlf(headerAndBody).utf8)) }

private let officeHeader = """
    From: Отдел внутренней политики <akimat-taraz@mail.kz>
    To: volunteer@mki.gov.kz
    Subject: Заявки волонтеров Жамбылской области
    Date: Mon, 07 Dec 2026 11:00:00 +0500
    Message-ID: <office-1@mail.kz>
    MIME-Version: 1.0
    """

@Test func anOfficeLetterForwardingThreeApplicantsInlineGivesThreeReadingsWithTheirSenders() throws {
    func forward(_ who: (name: String, iin: String, year: Int, email: String), at minute: Int) -> String {
        "---------- Forwarded message ---------\nFrom: \(who.name) <\(who.email)>\nDate: Mon, 7 Dec 2026 at 10:\(minute)\n"
            + "Subject: Анкета волонтера\nTo: <akimat-taraz@mail.kz>\n\n" + form(who.name, iin: who.iin, year: who.year, email: who.email) + "\n\n"
    }
    let message = letter(officeHeader + "\nContent-Type: text/plain; charset=utf-8\n\nДобрый день! Направляем три заявки.\n\n"
                         + forward(asanov, at: 10) + forward(zhumabekova, at: 20) + forward(kim, at: 30))
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 3)
    #expect(readings.map { $0.application.fields[.iin] } == [.text(asanov.iin), .text(zhumabekova.iin), .text(kim.iin)])
    #expect(readings.map { $0.origin?.forwardedFrom?.address } == [asanov.email, zhumabekova.email, kim.email])
    for reading in readings {
        #expect(reading.application.outcome == .complete, "\(reading.application.missing) \(reading.application.invalid.map(\.reason))")
        #expect(reading.application.conflicts.isEmpty)
        #expect(reading.origin?.place == .forwarded)
        #expect(reading.origin?.forwardStyle == "gmail")
    }
    // `read` still sees one letter with several people in it: a conflict, as before.
    let merged = ApplicationReader.read(message, currentYear: 2026).application
    #expect(!merged.conflicts.isEmpty || !merged.companions.isEmpty)
}

@Test func twoAttachedForwardedMessagesAreTwoApplicantsEachFromItsInnerFrom() throws {
    func attached(_ who: (name: String, iin: String, year: Int, email: String), _ n: Int) -> String {
        """
        --outer
        Content-Type: message/rfc822
        Content-Disposition: attachment; filename="forward\(n).eml"

        From: \(who.name) <\(who.email)>
        To: akimat-taraz@mail.kz
        Subject: Анкета \(n)
        Date: Fri, 04 Dec 2026 09:0\(n):00 +0500
        Message-ID: <applicant-\(n)@mail.kz>
        Content-Type: text/plain; charset=utf-8

        \(form(who.name, iin: who.iin, year: who.year, email: who.email))

        """
    }
    let message = letter(officeHeader + "\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\n"
                         + "Content-Type: text/plain; charset=utf-8\n\nНаправляем заявки во вложении.\n\n"
                         + attached(asanov, 1) + attached(zhumabekova, 2) + "--outer--\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 2)
    #expect(readings[0].origin?.forwardedFrom?.address == asanov.email)
    #expect(readings[0].origin?.forwardedSubject == "Анкета 1")
    #expect(readings[0].origin?.forwardStyle == "message/rfc822")
    #expect(readings[1].origin?.forwardedFrom?.address == zhumabekova.email)
    #expect(readings[1].application.fields[.fullName] == .text(zhumabekova.name))
    #expect(readings.allSatisfy { $0.application.outcome == .complete })
}

@Test func threeFormsAttachedAsFilesAreThreeReadingsFromTheAttachments() throws {
    func file(_ who: (name: String, iin: String, year: Int, email: String), _ n: Int) -> String {
        "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=\"anketa\(n).txt\"\n\n"
            + form(who.name, iin: who.iin, year: who.year, email: who.email) + "\n"
    }
    let message = letter(officeHeader + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                         + "Content-Type: text/plain; charset=utf-8\n\nНаправляем анкеты трех волонтеров.\n"
                         + file(asanov, 1) + file(zhumabekova, 2) + file(kim, 3) + "--b--\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 3)
    #expect(readings.map { $0.origin?.filenames } == [["anketa1.txt"], ["anketa2.txt"], ["anketa3.txt"]])
    #expect(readings.allSatisfy { $0.origin?.place == .attachment && $0.application.outcome == .complete })
    #expect(readings[2].application.fields[.fullName] == .text(kim.name))
}

@Test func formsOneAfterAnotherInTheBodyAreOneReadingEachInOrder() throws {
    let body = "1. " + form(asanov.name, iin: asanov.iin, year: asanov.year, email: asanov.email)
        + "\n\n2. Анкета волонтера\nФИО: \(kim.name)\nГод рождения: 1967\nМесто жительства: г. Костанай\nИИН: \(kim.iin)\n"
        + "Опыт волонтерской деятельности: с 2009 года.\nКонтакты: +7 714 555 22 31, \(kim.email)\nВиды деятельности: 5\n"
        + "Роль: 5) логист\nУдобное время: 1) отпуск/каникулы\n"
    let message = letter(officeHeader + "\nContent-Type: text/plain; charset=utf-8\n\n" + body)
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 2)
    #expect(readings.map { $0.application.fields[.fullName] } == [.text(asanov.name), .text(kim.name)])
    #expect(readings.map { $0.origin?.formIndex } == [1, 2])
    #expect(readings.allSatisfy { $0.origin?.place == .body && $0.application.companions.isEmpty })
}

@Test func aLetterOfOneApplicantGivesExactlyWhatReadGives() throws {
    let message = letter("From: Viktor Kim <vkim.kostanay@mail.ru>\nTo: volunteer@mki.gov.kz\nSubject: Анкета\n"
                         + "Content-Type: text/plain; charset=utf-8\n\n" + form(kim.name, iin: kim.iin, year: kim.year, email: kim.email))
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    let alone = ApplicationReader.read(message, currentYear: 2026)
    try #require(readings.count == 1)
    #expect(readings[0].application.fields == alone.application.fields)
    #expect(readings[0].application.outcome == alone.application.outcome)
    #expect(readings[0].origin?.place == .body)
}

@Test func oneApplicantForwardedInlineIsOneReadingFromTheInnerSender() throws {
    let message = letter(officeHeader + "\nContent-Type: text/plain; charset=utf-8\n\nПересылаем.\n\n"
                         + "-------- Пересылаемое сообщение --------\nОт кого: Нурлан Асанов <nurlan.asanov@mail.kz>\n"
                         + "Кому: akimat-taraz@mail.kz\nДата: Понедельник, 7 декабря 2026, 10:15 +05:00\nТема: Заявка\n\n"
                         + form(asanov.name, iin: asanov.iin, year: asanov.year, email: asanov.email) + "\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 1)
    #expect(readings[0].origin?.place == .forwarded)
    #expect(readings[0].origin?.forwardedFrom?.address == "nurlan.asanov@mail.kz")
    #expect(readings[0].origin?.forwardStyle == "mailRu")
    #expect(readings[0].application.fields[.iin] == .text(asanov.iin))
}

@Test func formsThatCannotBeToldApartStayOneReading() throws {
    // The application in the body names the person; the attached questionnaire adds the IIN.
    let message = letter("From: Viktor Kim <vkim.kostanay@mail.ru>\nTo: volunteer@mki.gov.kz\nSubject: Анкета\n"
                         + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                         + "Прошу включить меня в реестр (волонтер).\nФИО: Ким В.А.\n"
                         + "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=\"anketa.txt\"\n\n"
                         + form(kim.name, iin: kim.iin, year: kim.year, email: kim.email) + "\n--b--\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    #expect(readings.count == 1)
    #expect(readings.first?.application.fields[.iin] == .text(kim.iin))
}

@Test func anAutomaticMessageIsOneReadingThatIsNoApplication() {
    let message = letter("From: MAILER-DAEMON@mail.kz\nTo: volunteer@mki.gov.kz\nSubject: Auto\nAuto-Submitted: auto-replied\n"
                         + "Content-Type: text/plain; charset=utf-8\n\n" + form(kim.name, iin: kim.iin, year: kim.year, email: kim.email))
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    #expect(readings.count == 1)
    #expect(readings.first?.application.outcome == .notAnApplication)
}

/// An application blank and a questionnaire, typed one after another for each applicant.
private func papers(_ head: String, _ questionnaire: String) -> String {
    """
    Заявление о включении в реестр учета волонтерской деятельности
    \(head)
    (Ф.И.О. (при его наличии) физического или полное наименование юридического лица)
    Даю согласие на сбор и обработку моих персональных данных, составляющих охраняемую законом тайну.
    \(questionnaire)
    """
}

private let organisationPapers = papers("ОО «Волонтеры Павлодара»", """
    Прошу включить в реестр учета волонтерской деятельности (волонтерские организации).
    Анкета волонтерской организации
    Наименование организации: ОО «Волонтеры Павлодара»
    Дата регистрации: 07.07.2022
    БИН: 220740613555
    Телефон: 87752690033
    Электронная почта: info@volunteers-pavlodar.kz
    Ф.И.О. руководителя организации: Смирнова Екатерина Ивановна
    Количество волонтеров в организации: 257
    Выберите основные виды деятельности организации
    ☐ 1) участие в оказании социальных услуг
    ☒ 8) участие в развитии образования, науки, культуры
    """)

private let volunteerPapers = papers(asanov.name, """
    Прошу включить в реестр учета волонтерской деятельности (волонтер).
    Анкета волонтера
    ФИО: \(asanov.name)
    Год рождения: 1990
    Место жительства: г. Тараз
    ИИН: \(asanov.iin)
    Опыт волонтерской деятельности: с 2015 года помогаю в приюте.
    Контакты: +7 701 555 22 31, \(asanov.email)
    Выберите основные виды деятельности, в которых вы участвуете в настоящее время
    ☒ 5) участие в поиске пропавших без вести людей
    ☐ 6) участие в охране и защите окружающей среды
    Кратко опишите свою роль в качестве волонтера?
    ☒ 5) логист
    В какое время вам удобна волонтерская деятельность?
    ☐ 1) во время отпуска/каникул
    ☒ 4) в другое время
    """)

@Test func aPersonAndAnOrganisationTypedOneAfterAnotherAreTwoReadingsEachWithItsOwnPapers() throws {
    // Numbered and parted by a rule, as an office types them: the rule ends the first applicant's
    // open list, so the "2." numbering the next applicant is no option of it.
    let body = "Ниже заявления 2 заявителей.\n\n1.\n" + volunteerPapers + "\n\n" + String(repeating: "-", count: 40)
        + "\n\n2.\n" + organisationPapers + "\n\n" + String(repeating: "-", count: 40) + "\n\nСпасибо!\n"
    let message = letter(officeHeader + "\nContent-Type: text/plain; charset=utf-8\n\n" + body)
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 2)
    let person = readings[0].application, organisation = readings[1].application
    #expect(person.fields[.iin] == .text(asanov.iin))
    #expect(person.kind == .volunteer)
    #expect(person.fields[.availability] == .numbers([4]))
    #expect(person.fields[.organizationName] == nil)
    #expect(organisation.fields[.bin] == .text("220740613555"))
    #expect(organisation.kind == .organization)
    #expect(organisation.fields[.activityTypes] == .numbers([8]))
    // Nothing of the first applicant's application (their name, their kind) is the organisation's.
    #expect(organisation.fields[.fullName] == nil)
    #expect(organisation.outcome == .complete)
}

@Test func aPersonsAndAnOrganisationsQuestionnairesAttachedAreTwoReadingsThoughIINAndBINCannotBeCompared() throws {
    func file(_ text: String, _ name: String) -> String {
        "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=\"\(name)\"\n\n" + text + "\n"
    }
    let message = letter(officeHeader + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                         + "Content-Type: text/plain; charset=utf-8\n\nНаправляем заявления двух заявителей.\n"
                         + file(volunteerPapers, "1_asanov.txt") + file(organisationPapers, "2_pavlodar.txt") + "--b--\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 2)
    #expect(readings.map { $0.origin?.filenames } == [["1_asanov.txt"], ["2_pavlodar.txt"]])
    #expect(readings[0].application.fields[.iin] == .text(asanov.iin))
    #expect(readings[0].application.fields[.bin] == nil)
    #expect(readings[1].application.fields[.bin] == .text("220740613555"))
    #expect(readings[1].application.fields[.iin] == nil)
}

@Test func twoOrganisationsQuestionnairesAttachedAreTwoReadingsThoughOnlyOneGivesABIN() throws {
    // No IIN, BIN or full name conflicts between the files; the two questionnaires alone say two applicants.
    let second = organisationPapers.replacingOccurrences(of: "ОО «Волонтеры Павлодара»", with: "ОФ «Добрые руки»")
        .replacingOccurrences(of: "БИН: 220740613555\n", with: "")
        .replacingOccurrences(of: "Смирнова Екатерина Ивановна", with: "Алимжанова Алия Сергеевна")
    func file(_ text: String, _ name: String) -> String {
        "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=\"\(name)\"\n\n" + text + "\n"
    }
    let message = letter(officeHeader + "\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                         + "Content-Type: text/plain; charset=utf-8\n\nНаправляем заявления двух организаций.\n"
                         + file(organisationPapers, "1.txt") + file(second, "2.txt") + "--b--\n")
    let readings = ApplicationReader.readApplicants(message, currentYear: 2026)
    try #require(readings.count == 2)
    #expect(readings.map { $0.application.fields[.organizationName] } == [.text("ОО «Волонтеры Павлодара»"), .text("ОФ «Добрые руки»")])
    #expect(readings[1].application.fields[.bin] == nil)
    #expect(readings[1].application.missing.contains(.bin))
}

@Test func anApplicationBlankNamingSomeoneWhoseQuestionnaireGivesNoNameStillEndsAtTheNextBlank() throws {
    // The first questionnaire names nobody (its name line left out); the name on the first blank
    // is enough to tell that the second blank begins someone else's papers.
    let first = papers(kim.name, """
        Прошу включить в реестр учета волонтерской деятельности (волонтер).
        Анкета волонтера
        Год рождения: 1967
        Место жительства: г. Костанай
        Опыт волонтерской деятельности: с 2009 года.
        Контакты: +7 714 555 22 31, \(kim.email)
        """)
    let body = "Ниже заявления 2 заявителей.\n\n1.\n" + first + "\n\n2.\n" + volunteerPapers + "\n"
    let readings = ApplicationReader.readApplicants(letter(officeHeader + "\nContent-Type: text/plain; charset=utf-8\n\n" + body),
                                                    currentYear: 2026)
    try #require(readings.count == 2)
    #expect(readings[0].application.fields[.fullName] == .text(kim.name))
    #expect(readings[0].application.fields[.iin] == nil)
    #expect(readings[1].application.fields[.fullName] == .text(asanov.name))
    #expect(readings[1].application.fields[.iin] == .text(asanov.iin))
}
