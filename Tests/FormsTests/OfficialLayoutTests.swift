import Annex2
import Testing
@testable import Forms
@testable import MIME

/// The official Annex 2 forms as people fill them (issue 18): captions under blanks, the list of
/// kinds with one marked, label tails, answers after a colon, and what the reader is unsure of.

private func read(_ text: String) -> ExtractedForm { FieldExtractor.extract(PlainText.document(text)) }

private let applicationRu = """
Заявление о включении в реестр учета волонтерской деятельности
Иванова Камила
(Ф.И.О. (при его наличии) физического или полное наименование юридического лица)
прошу включить в реестр учета волонтерской деятельности ([x] волонтер, группа волонтеров, волонтерские организации, координатор и организатор волонтерской деятельности).
(нужное подчеркнуть).
Даю согласие на сбор и обработку моих персональных данных, составляющих охраняемую законом тайну, необходимых для включения в реестр учета волонтерской деятельности.
Контактный телефон 8(777)2723479
Электронная почта kamila.ivanova0@mail.kz
Иванова Камила
(подпись) Ф.И.О. (при его наличии)
"""

@Test func theNameIsTheLineAboveItsCaptionAndTheMarkedKindIsTheOneInTheList() {
    let form = read(applicationRu)
    #expect(form.values[.fullName] == "Иванова Камила")
    #expect(form.markedKinds == [.volunteer])
    #expect(form.values[.email] == "kamila.ivanova0@mail.kz")
}

@Test func theKazakhCaptionIsReadThoughItsParenthesesDoNotClose() {
    let form = read("""
    Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз
    Сәрсенбаев Қуаныш Мұратұлы
    (заңды немесе жеке тұлғаның толық Т.А.Ә. (бар болған кезде)
    волонтерлік қызметті есепке алу тізіліміне қосуды сұраймын (волонтер, [x] волонтерлер тобы, волонтерлер ұйымдары, волонтерлер қызметін үйлестіруші және ұйымдастырушы).
    """)
    #expect(form.values[.fullName] == "Сәрсенбаев Қуаныш Мұратұлы")
    #expect(form.markedKinds == [.group])
}

@Test func aCaptionWrappedOverTwoLinesInAPDFStillNamesTheLineAbove() {
    let form = read("""
    Волкова Ирина
    (Ф.И.О. (при его наличии) физического или полное наименование
    юридического лица)
    прошу включить в реестр учета волонтерской деятельности (волонтер,
    """)
    #expect(form.values[.fullName] == "Волкова Ирина")
}

@Test func anOrganisationsNameOnTheApplicationBlankIsItsName() {
    let form = read("""
    Корпоративный фонд «Шапагат»
    (Ф.И.О. (при его наличии) физического или полное наименование юридического лица)
    Анкета волонтерской организации
    БИН организации: 070340931357
    Информация о руководителе организации
    Ф.И.О. руководителя организации (при его наличии): Ким Наталья Андреевна
    """)
    #expect(form.values[.organizationName] == "Корпоративный фонд «Шапагат»")
    #expect(form.values[.fullName] == nil)
    #expect(form.values[.bin] == "070340931357")
    #expect(form.values[.headName] == "Ким Наталья Андреевна")
}

@Test(arguments: [
    ("БИН организации\n070340931357", FormField.bin, "070340931357"),
    ("ИИН (12 цифр)\n000525648985", .iin, "000525648985"),
    ("ИИН (12 цифр) 000525648985", .iin, "000525648985"),
    ("Количество волонтеров в организации\n238", .volunteerCount, "238"),
    ("Год рожд. 1997", .birthYear, "1997"),
    ("Дата рождения: 17.07.1983", .birthYear, "17.07.1983"),
    ("Туылған жылы: 1990", .birthYear, "1990"),
    ("ТАӘ: Серікбаев Асқар", .fullName, "Серікбаев Асқар"),
    ("Ұйым атауы: «Жарқын» ҚҚ", .organizationName, "«Жарқын» ҚҚ"),
    ("Бизнес-сәйкестендіру нөмірі (БСН): 070340931357", .bin, "070340931357"),
])
func aLabelsTailIsNotItsValue(text: String, field: FormField, value: String) {
    #expect(read(text).values[field] == value)
}

@Test func anEmptyAnswerLineDoesNotSwallowTheNextLine() {
    let form = read("Электронная почта\nДата заполнения: «05» ноября 2026 года\n")
    #expect(form.values[.email] == nil)
}

@Test func severalContactsOnOneLineAreSplit() {
    let form = read("Контактный телефон: 8(707)9367349, электронная почта: x.y@mail.kz")
    #expect(form.values[.phone] == "8(707)9367349")
    #expect(form.values[.email] == "x.y@mail.kz")
}

@Test func anAnswerAfterAColonUnderAListChoosesTheNumbers() {
    let form = read("""
    Анкета волонтера
    Кратко опишите свою роль в качестве волонтера?
    Выбранные виды: 5
    В какое время вам удобна волонтерская деятельность?
    Жауабы: 2, 4
    """)
    #expect(form.roles == [5])
    #expect(form.availability == [2, 4])
}

@Test func aNoteInParenthesesBeforeTheColonIsNoPartOfTheLabel() {
    let form = read("Волонтер сауалнамасы\n2. Туған жылы (жыл): 1983 ж.\n4. ЖСН (12 сан): 830508 46 1409\n")
    #expect(form.values[.iin] == "830508 46 1409")
    #expect(form.values[.birthYear] == "1983 ж.")
}

@Test func boldOptionsAndABoldKindAreChosen() {
    let doc = HTMLText.document("""
    <p>прошу включить в реестр учета волонтерской деятельности (волонтер, группа волонтеров, волонтерские организации, <b>координатор</b> и организатор волонтерской деятельности).</p>
    <p>Кратко опишите свою роль в качестве волонтера?</p>
    <p>1) профессионал в своей области</p><p><b>2) руководитель/лидер</b></p><p>3) менеджер</p>
    <p>4) тренер/преподаватель</p><p>5) логист</p><p>6) секретарь</p>
    """)
    let form = FieldExtractor.extract(doc)
    #expect(form.markedKinds == [.coordinator])
    #expect(form.roles == [2])
}

/// A PDF's text loses the underline that marks the choice: the reading does not ask the applicant
/// for a list they may well have answered; staff look (issue 18 part 4).
@Test func aFullListWithNoVisibleMarkInTextIsADoubtNotAMissingAnswerToAskFor() {
    let list = (1...6).map { "\($0)) " + ["профессионал в своей области", "руководитель/лидер", "менеджер", "тренер/преподаватель", "логист", "секретарь"][$0 - 1] }
    let text = "Анкета волонтера\nКратко опишите свою роль в качестве волонтера?\n" + list.joined(separator: "\n")
    let form = read(text)
    #expect(form.roles.isEmpty)
    #expect(form.doubts == [ReadingDoubt(.roles, .choiceNotVisible)])
    let application = Application.build(from: [("1", form)], now: 2026)
    #expect(application.missing.contains(.roles))
    #expect(application.doubts == [ReadingDoubt(.roles, .choiceNotVisible)])
    // The same list in a document that shows underline and bold was answered by nothing: no doubt.
    var doc = PlainText.document(text)
    doc.showsFormatting = true
    #expect(FieldExtractor.extract(doc).doubts.isEmpty)
}

@Test func twoDifferentIINsInOneLetterAreADoubt() {
    let form = read("Анкета волонтера\nИИН: 000525648985\nИИН: 010227518329\n")
    #expect(form.doubts == [ReadingDoubt(.iin, .twoValues("000525648985", "010227518329"))])
    #expect(read("Анкета волонтера\nИИН: 000525648985\nИИН: 000525 64 8985\n").doubts.isEmpty)
}

private func mail(_ parts: [String]) -> Message {
    var lines = ["From: <a@example.kz>", "To: <volunteer@mki.gov.kz>", "Subject: Заявление", "MIME-Version: 1.0",
                 "Content-Type: multipart/related; boundary=\"r\"", ""]
    for part in parts { lines += ["--r", part] }
    lines += ["--r--", ""]
    return Message(bytes: Array(lines.joined(separator: "\r\n").utf8))
}

@Test func anOutlookLogoShownByItsContentIDIsNotAScan() {
    let html = "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Анкета волонтера</p><p>ФИО: Иванов Иван</p><img src=\"cid:image001.png@01DB\">"
    let logo = "Content-Type: image/png\r\nContent-Disposition: inline; filename=\"image001.png\"\r\nContent-ID: <image001.png@01DB>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo="
    let result = ApplicationReader.read(mail([html, logo]), currentYear: 2026)
    #expect(result.application.outcome != .unreadable)
    #expect(result.sources.allSatisfy { $0.unreadable == nil })
}

@Test func theHTMLTwinOfAPlainBodyIsReadForItsUnderline() {
    let plain = "Content-Type: text/plain; charset=utf-8\r\n\r\nприну включить (волонтер, группа волонтеров, волонтерские организации, координатор и организатор)"
    let html = "Content-Type: text/html; charset=utf-8\r\n\r\n<p>прошу включить (волонтер, <u>группа волонтеров</u>, волонтерские организации, координатор и организатор)</p>"
    let body = "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\n" + plain + "\r\n--a\r\n" + html + "\r\n--a--"
    let result = ApplicationReader.read(mail([body]), currentYear: 2026)
    #expect(result.sources.map(\.partPath) == ["1.2"])
    #expect(result.application.kind == .group)
}

@Test func aGenericAnswerUnderTheRolesQuestionAnswersTheRoles() {
    let form = read("""
    Анкета волонтера
    Выберите основные виды деятельности, в которых вы участвуете в настоящее время
    Выбранные виды: 3, 7, 8
    Кратко опишите свою роль в качестве волонтера?
    Виды деятельности: 1, 5
    """)
    #expect(form.activityTypes == [3, 7, 8])
    #expect(form.roles == [1, 5])
}
