import Annex2
import Testing
@testable import Forms

private func volunteerForm(iin number: String, name: String = "Сәрсенбаева Әлия") -> FormDocument {
    doc(para("Волонтер сауалнамасы"),
        table(row("Т.А.Ә.", name), row("Туған жылы", "1990"), row("Тұрғылықты жері", "Алматы"), row("ЖСН", number),
              row("Волонтерлік қызметтегі тәжірибесі", "жоқ"), row("Телефон", "8 701 123 45 67")),
        para("Қызмет түрлері: 1, 6"), para("Рөлі: 2"), para("Қолайлы уақыт: 3"))
}

private let application = doc(
    para("Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз"),
    para("Сәрсенбаева Әлия волонтер ретінде қосуды сұраймын."),
    para("Менің дербес мәліметтерімді жинауға және өңдеуге келісім беремін."))

@Test func applicationPlusQuestionnaireIsComplete() {
    let number = iin("9001014")
    let app = Application.build(from: [("body", FieldExtractor.extract(application)),
                                       ("2", FieldExtractor.extract(volunteerForm(iin: number)))], now: 2025)
    #expect(app.kind == .volunteer)
    #expect(app.missing == [])
    #expect(app.invalid == [])
    #expect(app.conflicts == [])
    #expect(app.outcome == .complete)
    #expect(app.language == "kk")
    #expect(app.fields[.phone] == .text("+77011234567"))
    #expect(app.fields[.birthYear] == .number(1990))
    #expect(app.fields[.activityTypes] == .numbers([1, 6]))
    #expect(app.fields[.consent] == .flag(true))
    #expect(app.sources[.consent] == "body")
    #expect(app.sources[.iin] == "2")
}

@Test func questionnaireWithoutApplicationLacksConsent() {
    let app = Application.build(from: [("2", FieldExtractor.extract(volunteerForm(iin: iin("9001014"))))], now: 2025)
    #expect(app.outcome == .incomplete)
    #expect(app.missing == [.consent])
}

@Test func badIINAndBirthYearMismatch() {
    var wrong = Array(iin("9001014"))
    wrong[11] = wrong[11] == "0" ? "1" : "0"
    let app = Application.build(from: [("body", FieldExtractor.extract(application)),
                                       ("2", FieldExtractor.extract(volunteerForm(iin: String(wrong))))], now: 2025)
    #expect(app.invalid.map(\.field) == [.iin])
    #expect(app.outcome == .incomplete)
    let mismatch = Application.build(from: [("2", FieldExtractor.extract(volunteerForm(iin: iin("8801014"))))], now: 2025)
    #expect(mismatch.invalid.contains { $0.field == .iin && $0.reason.contains("1988") })
}

@Test func twoApplicantsConflict() {
    let app = Application.build(from: [("2", FieldExtractor.extract(volunteerForm(iin: iin("9001014")))),
                                       ("3", FieldExtractor.extract(volunteerForm(iin: iin("9202024"), name: "Петров Пётр")))], now: 2025)
    #expect(app.conflicts.count == 2)
    #expect(app.outcome == .incomplete)
}

@Test func unknownKindAsksCommonFields() {
    let app = Application.build(from: [("body", FieldExtractor.extract(doc(para("ИИН: 900101300123"))))], now: 2025)
    #expect(app.kindUndetermined)
    #expect(app.missing == [.phone, .email, .activityTypes, .consent])
    #expect(app.outcome == .incomplete)
}

@Test func nothingRecognisedIsNotAnApplication() {
    let app = Application.build(from: [("body", FieldExtractor.extract(doc(para("Добрый день, спасибо!"))))], now: 2025)
    #expect(app.outcome == .notAnApplication)
    #expect(app.with(outcome: .unreadable).outcome == .unreadable)
}

@Test func organizationAndIncompleteProgramme() {
    let form = FieldExtractor.extract(doc(
        para("Анкета волонтерской организации"),
        table(row("Наименование организации", "ОФ «Қамқор»"), row("Дата регистрации", "12 марта 2015 г."),
              row("БИН", "940140000385"), row("ФИО руководителя организации", "Ахметов Бауыржан"),
              row("Количество волонтеров в организации", "около 120"), row("Электронная почта", "info@qamqor.kz")),
        para("Виды деятельности: 13) иные виды: помощь животным"),
        para("Даю согласие на сбор и обработку персональных данных."),
        para("Волонтерская программа (проект)"), para("Название программы: Дорога в школу")))
    let app = Application.build(from: [("2", form)], now: 2025)
    #expect(app.kind == .organization)
    #expect(app.language == "ru")
    #expect(app.fields[.registrationDate] == .text("2015-03-12"))
    #expect(app.fields[.volunteerCount] == .number(120))
    #expect(app.fields[.activityTypes] == .numbers([13]))
    #expect(app.missing == [])
    #expect(app.invalid.isEmpty)
    // Only the name was given: every other line of the programme form is missing, by its own label.
    #expect(app.missingParts.map(\.key) == FormParts.program.map(\.key).filter { $0 != "name" })
    #expect(app.missingParts.allSatisfy { $0.field == .programs && $0.index == 1 })
    #expect(app.missingParts.first?.russian == "Организатор программы (проекта)")
    #expect(app.outcome == .incomplete)
}

@Test func aSecondActionMissingItsPlaceIsNamedAsTheSecond() {
    let lines = FormParts.action.map { para("\($0.russian): есть") }
    let second = FormParts.action.filter { $0.key != "place" }.map { para("\($0.russian): есть") }
    let form = FieldExtractor.extract(FormDocument(blocks: [para("Волонтерская акция")] + lines + [para("Волонтерская акция")] + second))
    let app = Application.build(from: [("1", form)], now: 2026)
    #expect(app.fields[.actions].map { if case .objects(let o) = $0 { return o.count } else { return 0 } } == 2)
    #expect(app.missingParts == [MissingPart(field: .actions, index: 2, key: "place", kazakh: "Акцияны өткізу орны",
                                             russian: "Место проведения акции")])
}

@Test func theSubjectAloneCanSayTheMessageIsAChange() {
    let app = Application.build(from: [("1", FieldExtractor.extract(volunteerForm(iin: iin("9001014"))))], now: 2025,
                                subject: "Изменение сведений в реестре – Иванов И.И.")
    #expect(app.purpose == .change)
    #expect(Application.build(from: [("1", FieldExtractor.extract(volunteerForm(iin: iin("9001014"))))], now: 2025).purpose == .inclusion)
}

@Test func aTerminationNoticeIsNoApplicationButIdentifiesTheRegistrant() {
    let notice = FieldExtractor.extract(PlainText.document("""
        ОФ «Қамқор» (БИН 940140000385) прекращает волонтерскую деятельность с 01.03.2026.
        тел. 8 701 555 00 11
        """))
    let app = Application.build(from: [("1", notice)], now: 2026)
    #expect(app.purpose == .termination)
    #expect(app.terminationDate == "2026-03-01")
    #expect(app.outcome == .notAnApplication)
    #expect(app.fields[.bin] == .text("940140000385"))
    #expect(app.fields[.organizationName] == .text("ОФ «Қамқор»"))
    #expect(app.fields[.phone] == .text("+77015550011"))
    // Not stated, but a legal entity stopping volunteer activity is looked up as an organisation.
    #expect(app.kind == .organization)
    #expect(app.kindUndetermined)
}

@Test func formLinesOutweighProseAndProseAloneIsNoApplication() {
    let body = FieldExtractor.extract(PlainText.document("Добрый день!\nЯ, Петров Пётр Петрович (ИИН 920202300123), пишу вам."))
    #expect(body.proseValues[.fullName] == "Петров Пётр Петрович")
    #expect(Application.build(from: [("1", body)], now: 2026).outcome == .notAnApplication)
    let form = FieldExtractor.extract(volunteerForm(iin: iin("9001014")))
    let app = Application.build(from: [("1", body), ("2", form)], now: 2026)
    #expect(app.fields[.fullName] == .text("Сәрсенбаева Әлия"))
    #expect(app.sources[.fullName] == "2")
    #expect(app.conflicts.isEmpty)
}

@Test func companionsAreBuiltAsApplicationsOfTheirOwn() {
    let form = FieldExtractor.extract(PlainText.document("""
        Даём согласие на сбор и обработку персональных данных.
        Анкета волонтера
        ФИО: Иванов Иван
        ИИН: 900101300123
        Анкета волонтера
        ФИО: Петрова Анна
        ИИН: 12
        """))
    let app = Application.build(from: [("1", form)], now: 2026)
    #expect(app.fields[.fullName] == .text("Иванов Иван"))
    #expect(app.companions.count == 1)
    #expect(app.companions.first?.fields[.fullName] == .text("Петрова Анна"))
    #expect(app.companions.first?.invalid.map(\.problem) == [.iinLength])
    #expect(app.conflicts.isEmpty)
}

@Test func applicantTextsForAnInvalidFieldAreInTheirOwnLanguageOnly() {
    let document = FormDocument(blocks: [
        .paragraph(Paragraph("Волонтер сауалнамасы")),
        .table(Table(rows: [
            Table.Row(cells: [Table.Cell("Т.А.Ә."), Table.Cell("Сейтқали Айгүл")]),
            Table.Row(cells: [Table.Cell("ЖСН"), Table.Cell("900101300124")]),
        ])),
    ])
    let application = Application.build(from: [("1", FieldExtractor.extract(document))], now: 2026)
    let iin = application.invalid.first { $0.field == .iin }
    #expect(iin != nil)
    let latin = { (text: String) in text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }
    #expect(iin.map { !latin($0.kk) && !latin($0.ru) } == true)
    #expect(iin?.reason.isEmpty == false)
}
