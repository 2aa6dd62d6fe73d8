import Annex2
import Testing
@testable import Forms

func row(_ cells: String...) -> Table.Row { Table.Row(cells: cells.map { Table.Cell($0) }) }
func doc(_ blocks: FormDocument.Block...) -> FormDocument { FormDocument(blocks: blocks) }
func para(_ text: String) -> FormDocument.Block { .paragraph(Paragraph(text)) }
func table(_ rows: Table.Row...) -> FormDocument.Block { .table(Table(rows: rows)) }

/// A synthetic IIN with a right check digit.
func iin(_ prefix: String) -> String {
    for serial in 0..<100 {
        let s = String(serial)
        let p = prefix + String(repeating: "0", count: 11 - prefix.count - s.count) + s
        let d = p.map { $0.wholeNumberValue! }
        if let c = KazakhIDCheck.checkDigit(d) { return p + String(c) }
    }
    fatalError()
}

@Test func kazakhVolunteerQuestionnaireTable() {
    let number = iin("9001013")
    let form = FieldExtractor.extract(doc(
        para("Волонтер сауалнамасы"),
        table(row("Т.А.Ә. (бар болған кезде)", "Сәрсенбаева Әлия Нұрланқызы"),
              row("Туған жылы", "1990"),
              row("Тұрғылықты жері", "Алматы қ., Абай даңғылы 10"),
              row("ЖСН", number),
              row("Волонтерлік қызметтегі тәжірибесі", "жоқ"),
              row("Телефон, электрондық пошта, Web-сайт, Instagram, WhatsApp (бар болған кезде)",
                  "+7 701 123 45 67, aliya@mail.kz, @aliya_vol")),
        para("Қазіргі уақытта сіз қатысып жүрген негізгі қызмет түрлерін таңдаңыз"),
        table(row("☒", "1) әлеуметтік қызмет көрсетуге қатысу"), row("☐", "2) қарттарға"),
              row("☒", "6) қоршаған ортаны қорғауға"), row("☐", "13) өзге де түрлері")),
        para("Волонтер ретіндегі өз рөліңізді қысқаша сипаттап беріңіз?"),
        para("1) өз саласында кәсіпқой маман"), para("2) басшы/көшбасшы X"), para("3) менеджер"),
        para("Сіз үшін волонтерлік қызмет қай уақытта қолайлы?"),
        para("+ 1) еңбек демалысы/ каникул уақытында"), para("3) жазғы уақытта +")
    ))
    #expect(form.forms == [.volunteer])
    #expect(form.kind == .volunteer)
    #expect(form.language == "kk")
    #expect(form.values[.fullName] == "Сәрсенбаева Әлия Нұрланқызы")
    #expect(form.values[.birthYear] == "1990")
    #expect(form.values[.iin] == number)
    #expect(form.values[.experience] == "жоқ")
    #expect(form.values[.phone] == "+7 701 123 45 67")
    #expect(form.values[.email] == "aliya@mail.kz")
    #expect(form.values[.instagram] == "@aliya_vol")
    #expect(form.activityTypes == [1, 6])
    #expect(form.roles == [2])
    #expect(form.availability == [1, 3])
}

@Test func russianVolunteerInlineAndListedNumbers() {
    let form = FieldExtractor.extract(doc(
        para("Здравствуйте! Направляю анкету."),
        para("Анкета волонтера"),
        para("ФИО: Иванов Иван Иванович"),
        para("Год рождения: 1985"),
        para("Место жительства: г. Астана"),
        para("ИИН: 850505300123"),
        para("Опыт волонтерской деятельности"),
        para("3 года в фонде"),
        para("Телефон: 8 (701) 000-11-22"),
        para("Виды деятельности: 1, 6, 8"),
        para("Роль: 3"),
        para("Удобное время: 2 и 3"),
        para("С уважением, Иван")
    ))
    #expect(form.language == "ru")
    #expect(form.kind == .volunteer)
    #expect(form.values[.fullName] == "Иванов Иван Иванович")
    #expect(form.values[.iin] == "850505300123")
    #expect(form.values[.experience] == "3 года в фонде")
    #expect(form.values[.phone] == "8 (701) 000-11-22")
    #expect(form.activityTypes == [1, 6, 8])
    #expect(form.roles == [3])
    #expect(form.availability == [2, 3])
}

@Test(arguments: ["X", "+", "V", "✓", "☒", "■", "иә", "да", "x"])
func markStyles(_ mark: String) {
    let form = FieldExtractor.extract(doc(
        para("Негізгі қызмет түрлерін таңдаңыз"),
        para("1) әлеуметтік қызмет көрсетуге қатысу"),
        para("\(mark) 7) тарихи және мәдени мұраны сақтау"),
        para("9) дене шынықтыруды дамыту \(mark)"),
        para("12) халықтар арасындағы татулық")
    ))
    #expect(form.activityTypes == [7, 9])
}

@Test func underlinedKindOnTheApplication() {
    let form = FieldExtractor.extract(doc(
        para("Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз"),
        .paragraph(Paragraph(runs: [
            Paragraph.Run("волонтерлік қызметті есепке алу тізіліміне қосуды сұраймын ("),
            Paragraph.Run("волонтер, "), Paragraph.Run("волонтерлер тобы", underlined: true),
            Paragraph.Run(", волонтерлер ұйымдары, волонтерлер қызметін үйлестіруші және ұйымдастырушы)."),
        ])),
        para("Волонтерлік қызметті есепке алу тізіліміне қосу үшін қажетті заңмен қорғалатын құпияны құрайтын менің дербес мәліметтерімді жинауға және өңдеуге келісім беремін."),
        para("Байланыс телефоны 8 702 555 66 77"),
        para("Электрондық пошта ______")
    ))
    #expect(form.forms == [.application])
    #expect(form.kind == .group)
    #expect(form.consent == true)
    #expect(form.values[.phone] == "8 702 555 66 77")
    #expect(form.values[.email] == nil)
}

@Test func severalMarkedKindsAreAmbiguous() {
    let form = FieldExtractor.extract(doc(para("☒ волонтер"), para("☒ координатор"), para("☐ организатор")))
    #expect(form.kind == nil)
    #expect(form.kindAmbiguous)
    #expect(Set(form.markedKinds) == [.volunteer, .coordinator])
}

@Test func groupMembersAndValueInTheRowBelow() {
    let form = FieldExtractor.extract(doc(
        para("Волонтерлік топтың сауалнамасы"),
        table(Table.Row(cells: [Table.Cell("Волонтерлік тобы басшысының Т.А.Ә. (бар болған кезде)"), Table.Cell("")]),
              row("Қасымов Ерлан"),
              row("Волонтерлік топ тізімі (Т.А.Ә. көрсетіңіз (бар болған кезде)", "1. Әбілов Дәурен"),
              Table.Row(cells: [Table.Cell(blocks: [], continuesAbove: true), Table.Cell("2. Серікова Дана")]),
              Table.Row(cells: [Table.Cell(blocks: [], continuesAbove: true), Table.Cell("3. Петров Пётр")]),
              row("ЖСН", "900101300123"))
    ))
    #expect(form.kind == .group)
    #expect(form.values[.fullName] == "Қасымов Ерлан")
    #expect(form.members == ["Әбілов Дәурен", "Серікова Дана", "Петров Пётр"])
    #expect(form.values[.iin] == "900101300123")
}

@Test func membersAsParagraphList() {
    let form = FieldExtractor.extract(doc(
        para("Анкета группы волонтеров"),
        para("Список группы:"), para("1) Иванов Иван"), para("2) Сидорова Анна"), para("Телефон: 87010000000")
    ))
    #expect(form.members == ["Иванов Иван", "Сидорова Анна"])
    #expect(form.values[.phone] == "87010000000")
}

@Test func organisationCoordinatorOrganizerQuestionnaires() {
    let org = FieldExtractor.extract(doc(
        para("Анкета волонтерской организации"),
        table(row("Наименование организации", "ОФ «Қамқор»"), row("Дата регистрации (перерегистрации)", "12.03.2015"),
              row("БИН", "940140000385"), row("ФИО руководителя организации", "Ахметов Б."),
              row("Количество волонтеров в организации", "120"))))
    #expect(org.kind == .organization)
    #expect(org.values[.organizationName] == "ОФ «Қамқор»")
    #expect(org.values[.headName] == "Ахметов Б.")
    #expect(org.values[.fullName] == nil)
    #expect(org.values[.volunteerCount] == "120")

    let coordinator = FieldExtractor.extract(doc(
        para("Волонтерлер үйлестірушісінің сауалнамасы"),
        table(row("Волонтерлік қызметтегі жұмыс тәжірибесі", "5 жыл"),
              row("Волонтерлер үйлестірушісі ретіндегі жұмыс тәжірибесі", "2 жыл"),
              row("Сіз қанша волонтерді үйлестіресіз?", "40"))))
    #expect(coordinator.kind == .coordinator)
    #expect(coordinator.values[.experience] == "5 жыл")
    #expect(coordinator.values[.coordinatorExperience] == "2 жыл")
    #expect(coordinator.values[.coordinatedCount] == "40")

    let organizer = FieldExtractor.extract(doc(
        para("Анкета организатора волонтерской деятельности"),
        para("Наименование организации: ГУ «Отдел культуры»"), para("БИН: 940140000385")))
    #expect(organizer.kind == .organizer)
    #expect(organizer.values[.bin] == "940140000385")
}

@Test func programmeAndActionBlocks() {
    let form = FieldExtractor.extract(doc(
        para("Волонтерлік бағдарлама (жоба)"),
        table(row("Бағдарламаның (жобаның) атауы", "Мектепке жол"), row("Бағдарламаны (жоба) ұйымдастырушы", "Қамқор ҚҚ"),
              row("Бағдарлама (жоба) мақсаты", "Балаларға көмек"), row("Негізгі міндеттер", "Оқу құралдарын жинау")),
        para("Волонтерская акция"),
        para("Название акции: Марафон добрых дел"),
        para("Цель акции: помощь пожилым"),
        para("Дата и время проведения: 12.05.2025 10:00"),
        para("Место проведения: г. Шымкент"),
        para("Волонтерская акция"),
        para("Название акции: Чистый берег")
    ))
    #expect(form.programs.count == 1)
    #expect(form.programs[0]["name"] == "Мектепке жол")
    #expect(form.programs[0]["goal"] == "Балаларға көмек")
    #expect(form.programs[0]["tasks"] == "Оқу құралдарын жинау")
    #expect(form.actions.count == 2)
    #expect(form.actions[0]["dateTime"] == "12.05.2025 10:00")
    #expect(form.actions[0]["place"] == "г. Шымкент")
    #expect(form.actions[1]["name"] == "Чистый берег")
}

@Test func proseIsIgnored() {
    let form = FieldExtractor.extract(doc(para("Добрый день!"), para("Как дела? Пишу по поводу конференции."), para("Спасибо")))
    #expect(form.isEmpty)
}

@Test func inlineValueStartsAfterTheColonWhenTheLabelRunsOn() {
    let form = FieldExtractor.extract(FormDocument(blocks: [
        .paragraph(Paragraph("Анкета координатора волонтеров")),
        .paragraph(Paragraph("Опыт в качестве координатора волонтеров: 5 лет, штаб при паводках")),
    ]))
    #expect(form.values[.coordinatorExperience] == "5 лет, штаб при паводках")
}

@Test func aKazakhContactsLineGivesPhoneAndEmail() {
    let form = FieldExtractor.extract(FormDocument(blocks: [
        .paragraph(Paragraph("Волонтер сауалнамасы")),
        .paragraph(Paragraph("Байланыс: +7 701 555 12 34, aigerim@example.kz, WhatsApp: +7 701 555 12 34")),
    ]))
    #expect(form.values[.phone] != nil)
    #expect(form.values[.email] == "aigerim@example.kz")
}

@Test func aLongListLabelEndingInAColonOpensTheMarkedList() {
    let form = FieldExtractor.extract(FormDocument(blocks: [
        .paragraph(Paragraph("Волонтерлерді үйлестірушінің сауалнамасы")),
        .paragraph(Paragraph("Қазіргі уақытта сіз қатысып жүрген негізгі қызмет түрлерін таңдаңыз:")),
        .paragraph(Paragraph("☒ 1) әлеуметтік қызмет көрсетуге қатысу")),
        .paragraph(Paragraph("☐ 2) қарттарға әлеуметтік қызмет көрсету")),
        .paragraph(Paragraph("☒ 6) қоршаған ортаны қорғау")),
    ]))
    #expect(form.activityTypes == [1, 6])
}

@Test func aListOfEmptyBoxesChoosesNothing() {
    let form = FieldExtractor.extract(FormDocument(blocks: [
        .paragraph(Paragraph("Анкета волонтера")),
        .paragraph(Paragraph("Выберите основные виды деятельности:")),
        .paragraph(Paragraph("☐ 1) социальная помощь")),
        .paragraph(Paragraph("☐ 6) охрана окружающей среды")),
        .paragraph(Paragraph("[ ] 8) культура")),
    ]))
    #expect(form.activityTypes == [])
    // The same options without boxes are the ones the applicant kept.
    let kept = FieldExtractor.extract(FormDocument(blocks: [
        .paragraph(Paragraph("Анкета волонтера")),
        .paragraph(Paragraph("Выберите основные виды деятельности:")),
        .paragraph(Paragraph("1) социальная помощь")),
        .paragraph(Paragraph("6) охрана окружающей среды")),
    ]))
    #expect(kept.activityTypes == [1, 6])
}

@Test func whatsAppInParenthesesAfterAPhoneIsBothPhoneAndWhatsApp() {
    let form = FieldExtractor.extract(doc(para("Анкета волонтера"),
                                          para("Связь: +7 705 555 12 90 (WhatsApp), max@example.kz")))
    #expect(form.values[.phone] == "+7 705 555 12 90")
    #expect(form.values[.whatsapp] == "+7 705 555 12 90")
    #expect(form.values[.email] == "max@example.kz")
}

@Test func channelsNamedWithoutValuesAreNotValues() {
    let form = FieldExtractor.extract(doc(para("Анкета волонтера"),
                                          para("Удобный вид связи: телефон, e-mail, Instagram @anna_tk")))
    #expect(form.values[.instagram] == "@anna_tk")
    #expect(form.values[.phone] == nil)
    #expect(form.values[.email] == nil)
}

@Test func theContactsQuestionWordedAsAQuestionIsTheContactsLine() {
    let form = FieldExtractor.extract(doc(
        para("Анкета волонтера"),
        table(row("Какой вид связи для вас удобен", "+7 701 555 83 36, r@example.kz, WhatsApp: +7 701 555 83 36"))))
    #expect(form.values[.phone] == "+7 701 555 83 36")
    #expect(form.values[.whatsapp] == "+7 701 555 83 36")
    #expect(form.values[.email] == "r@example.kz")
}

@Test(arguments: [
    ("Қызмет түрлері: 2, 6, 13 (үй жануарларына арналған баспаналарға көмек, серуендету)", "үй жануарларына арналған баспаналарға көмек, серуендету"),
    ("Виды деятельности: 9, 13 – помощь приютам для бездомных животных", "помощь приютам для бездомных животных"),
    ("Виды деятельности: 9, иное — помощь приютам", "помощь приютам"),
    ("Қызмет түрлері: 1, өзге: жастар саясаты", "жастар саясаты"),
])
func theOtherActivityIsTheApplicantsOwnWordsAfterOptionThirteen(_ line: String, _ other: String) {
    let form = FieldExtractor.extract(doc(para("Анкета волонтера"), para(line)))
    #expect(form.activityTypes.contains(13))
    #expect(form.values[.otherActivity] == other)
}

/// An address typed without its "@" is the e-mail answer (Application flags it invalid), not a blank:
/// read as missing, an optional e-mail would let a wrong contact into the register unnoticed.
@Test(arguments: [
    ["Электрондық пошта bauyrzhan.bekmuhambetov82 inbox.ru"],
    ["Электрондық пошта", "bauyrzhan.bekmuhambetov82 inbox.ru"],
])
func anEmailWithoutItsAtSignIsReadAsTheAnswer(_ lines: [String]) {
    let form = FieldExtractor.extract(FormDocument(blocks: [para("Волонтер сауалнамасы")] + lines.map(para)))
    #expect(form.values[.email] == "bauyrzhan.bekmuhambetov82 inbox.ru")
}

@Test func aDateLineAfterAnEmptyEmailLineIsNotTheEmail() {
    let form = FieldExtractor.extract(doc(para("Волонтер сауалнамасы"), para("Электронная почта"),
                                          para("Дата заполнения: 24.10.2026")))
    #expect(form.values[.email] == nil)
}

/// "Иной вид" / "Өзге түрі": the short labels people put in a row of their own under option 13.
@Test(arguments: [
    ("13) иные виды волонтерской деятельности, не противоречащие законодательству Республики Казахстан (укажите конкретный вид/виды)",
     "Иной вид", "донорство крови"),
    ("13) Қазақстан Республикасының заңнамасына қайшы келмейтін волонтерлік қызметтің өзге де түрлері (нақты түрін көрсетіңіз)",
     "Өзге түрі", "жастар саясаты"),
])
func theOtherActivityIsReadFromItsShortLabelsRow(_ option: String, _ label: String, _ other: String) {
    let form = FieldExtractor.extract(doc(para("Анкета волонтера"),
                                          table(row("Выберите основные виды деятельности", ""), row(option, "☒"),
                                                row(label, other))))
    #expect(form.activityTypes.contains(13))
    #expect(form.values[.otherActivity] == other)
}

@Test(arguments: [
    ("Хочу стать волонтером, прошу включить меня в реестр.", ApplicantKind.volunteer),
    ("Прошу включить меня в реестр как координатора волонтеров.", .coordinator),
    ("Просим включить нас (брат и сестра) в реестр как волонтеров.", .volunteer),
    ("Волонтерлік қызметті ұйымдастырушы ретінде тізілімге қосуды сұраймын.", .organizer),
    ("Направляю заявление и анкету волонтера (скан).", .volunteer),
])
func theKindStatedInProseIsMarked(_ sentence: String, _ kind: ApplicantKind) {
    #expect(FieldExtractor.extract(doc(para(sentence))).kind == kind)
}

@Test func aQuestionAboutAKindAppliesForNothing() {
    let form = FieldExtractor.extract(doc(para("Оқушылар волонтерлер тобы ретінде тізілімге енгізіле ала ма?")))
    #expect(form.markedKinds.isEmpty)
    #expect(form.isEmpty)
}

@Test(arguments: [
    "Согласие на обработку персональных данных подтверждаю.",
    "Направляю обновленную анкету (п. 7 Правил). Согласие на обработку персональных данных подтверждаю.",
    "Каждый из нас дает согласие на сбор и обработку своих персональных данных.",
    "Дербес деректерімді өңдеуге келісімімді растаймын.",
    "Біз дербес мәліметтерімізді жинауға және өңдеуге келісім береміз.",
])
func consentSentenceVariantsAreConsent(_ sentence: String) {
    #expect(FieldExtractor.extract(doc(para(sentence))).consent == true)
}

@Test func aRefusalOutweighsTheConsentWordsItContains() {
    #expect(FieldExtractor.extract(doc(para("Не даю согласие на сбор и обработку персональных данных."))).consent == false)
}

@Test func aNumberedQuestionnaireLineAfterTheTypesIsNotAnOption() {
    let form = FieldExtractor.extract(doc(
        para("АНКЕТА КООРДИНАТОРА ВОЛОНТЕРОВ"),
        para("8. Основные виды деятельности: 2, 10"),
        para("9. Сколько волонтеров вы координируете: 25")))
    #expect(form.activityTypes == [2, 10])
    #expect(form.values[.coordinatedCount] == "25")
}

@Test func aHeadingAboutTheHeadIsNotTheHeadsName() {
    let form = FieldExtractor.extract(doc(
        para("Волонтерлік ұйымның сауалнамасы"),
        table(row("Ұйым басшысы туралы ақпарат"), row("Ұйым басшысының Т.А.Ә.", "Жақсылықова Гүлмира Ерболқызы"))))
    #expect(form.values[.headName] == "Жақсылықова Гүлмира Ерболқызы")
}

@Test func requirementsLineWordedShortlyIsTheActionsRequirements() {
    let form = FieldExtractor.extract(doc(
        para("Волонтерлік акция"), para("Акцияның атауы: Игілік"),
        para("Ұйымдастырушының талаптары: 18 жастан асқан волонтерлер")))
    #expect(form.actions.first?["requirements"] == "18 жастан асқан волонтерлер")
}

@Test func quotedLinesOfOurNoticeAreNotTheApplicantsData() {
    let form = FieldExtractor.extract(PlainText.document("""
        Волонтер сауалнамасы
        Т.А.Ә.: Қалиева Әсем
        > ЖСН: 900101300123
        > Телефон: +7 701 000 00 00
        """))
    #expect(form.values[.iin] == nil)
    #expect(form.values[.phone] == nil)
}

@Test func aSecondFilledQuestionnaireStartsACompanion() {
    let form = FieldExtractor.extract(PlainText.document("""
        Просим включить нас в реестр как волонтеров. Каждый из нас дает согласие на сбор и обработку персональных данных.
        1. Анкета волонтера
        ФИО: Мухамеджанов Данияр Ерикович
        Виды деятельности: 1, 2, 9
        Роль: 2) руководитель/лидер
        2. Анкета волонтера
        ФИО: Мухамеджанова Айжан Ериковна
        Виды деятельности: 1, 8
        Роль: 6) секретарь
        """))
    #expect(form.values[.fullName] == "Мухамеджанов Данияр Ерикович")
    #expect(form.activityTypes == [1, 2, 9])
    #expect(form.roles == [2])
    #expect(form.companions.count == 1)
    #expect(form.companions.first?.values[.fullName] == "Мухамеджанова Айжан Ериковна")
    #expect(form.companions.first?.activityTypes == [1, 8])
    #expect(form.companions.first?.roles == [6])
    // The consent and the kind were said once, for both.
    #expect(form.companions.first?.consent == true)
    #expect(form.companions.first?.kind == .volunteer)
}

@Test func aRepeatedTitleBeforeAnyDataIsTheSameApplicant() {
    let form = FieldExtractor.extract(doc(para("Анкета волонтера"), para("Анкета волонтера"), para("ФИО: Иванов Иван")))
    #expect(form.companions.isEmpty)
    #expect(form.values[.fullName] == "Иванов Иван")
}

@Test func identifyingDataInProseAreKeptApartFromFormLines() {
    let form = FieldExtractor.extract(PlainText.document("""
        Благотворительный фонд «Изгилик жолы» (БИН 171040551207) уведомляет о прекращении волонтерской деятельности.
        Директор фонда Турсынова Гульнара Маратовна
        тел. +7 705 555 88 47, e-mail: izgilik.zholy@mail.ru
        """))
    #expect(form.values.isEmpty)
    #expect(form.proseValues[.bin] == "171040551207")
    #expect(form.proseValues[.organizationName] == "Благотворительный фонд «Изгилик жолы»")
    #expect(form.proseValues[.headName] == "Турсынова Гульнара Маратовна")
    #expect(form.proseValues[.phone] == "+7 705 555 88 47")
    #expect(form.proseValues[.email] == "izgilik.zholy@mail.ru")
    #expect(form.purpose?.purpose == .termination)
}

@Test func aPersonNamedBeforeTheirIINInProseIsTheFullName() {
    let form = FieldExtractor.extract(doc(para("Я, Иванов Иван Иванович (ИИН 900101300123), прошу исключить меня из реестра.")))
    #expect(form.proseValues[.iin] == "900101300123")
    #expect(form.proseValues[.fullName] == "Иванов Иван Иванович")
}

@Test func aLongerKindPhraseOutweighsTheVolunteerWordsInIt() {
    #expect(FieldExtractor.extract(doc(para("Направляю анкету волонтерской группы, прошу рассмотреть."))).kind == .group)
    #expect(FieldExtractor.extract(doc(para("Просим включить нас в реестр как волонтерскую организацию."))).kind == .organization)
}

@Test func aPurposeIsReadFromSentencesNotFromFormAnswers() {
    let answer = FieldExtractor.extract(doc(para("Анкета волонтера"),
                                            para("Опыт волонтерской деятельности: помогал семьям, чьи данные изменились после паводка")))
    #expect(answer.purpose == nil)
    let sentence = FieldExtractor.extract(doc(para("Сообщаю об изменении сведений: сменился телефон."), para("Анкета волонтера")))
    #expect(sentence.purpose?.purpose == .change)
}

@Test func aPhoneTooShortToBeOneIsStillTheAnswerSoItIsFlaggedNotLost() {
    // "12-34-5" after the label with no colon: the label's value, not another line (issue: an office letter's
    // applicant accepted complete because the phone was dropped).
    let form = FieldExtractor.extract(doc(para("Байланыс телефоны 12-34-5"), para("Электрондық пошта gulnur@gmail.com")))
    #expect(form.values[.phone] == "12-34-5")
    // Words are not a phone number, however short.
    #expect(FieldExtractor.extract(doc(para("Байланыс телефоны жоқ"))).values[.phone] == nil)
}

@Test func aRuleLineEndsTheOpenListSoTheNextFormsNumberIsNoOption() {
    let form = FieldExtractor.extract(PlainText.document("""
        Анкета волонтера
        ФИО: Ким Виктор Алексеевич
        В какое время вам удобна волонтерская деятельность?
        ☐ 1) во время отпуска/каникул
        ☒ 4) в другое время
        ----------------------------------------
        3.
        """))
    #expect(form.availability == [4])
}
