import Testing
@testable import Forms

@Test(arguments: [
    "В связи с переездом сообщаю об изменении сведений: изменились место жительства и телефон.",
    "Прошу внести изменения в реестр: новый номер телефона.",
    "Направляю обновленную анкету.",
    "Тізілімдегі мәліметтерге өзгерістер енгізуді сұраймын.",
    "Жаңартылған деректерді жіберемін.",
])
func aChangeIsStatedInEitherLanguage(_ text: String) {
    #expect(ApplicationPurpose.statement(in: text)?.purpose == .change)
}

@Test(arguments: [
    "Благотворительный фонд уведомляет о прекращении волонтерской деятельности.",
    "Прекращаю свою волонтерскую деятельность, прошу отметить это в реестре.",
    "Прошу исключить меня из реестра.",
    "Біздің ұйым волонтерлік қызметін тоқтатады.",
    "Мені тізілімнен шығаруды сұраймын.",
])
func aTerminationIsStatedInEitherLanguage(_ text: String) {
    #expect(ApplicationPurpose.statement(in: text)?.purpose == .termination)
}

@Test(arguments: [
    "Прошу включить меня в реестр учета волонтерской деятельности в качестве волонтера.",
    "> Просим внести изменения и направить анкету повторно.",
    "В случае изменения сведений обязуюсь сообщить в течение 10 рабочих дней.",
    "Как прекратить волонтерскую деятельность?",
])
func applicationsQuotesConditionsAndQuestionsStateNoOtherPurpose(_ text: String) {
    #expect(ApplicationPurpose.statement(in: text) == nil)
}

@Test func theTerminationDateIsTheDayTheActivityStopsNotTheProtocolsDate() {
    let ru = ApplicationPurpose.statement(in: "Фонд уведомляет о прекращении волонтерской деятельности с 1 февраля 2026 года (протокол № 3 от 15.01.2026).")
    #expect(ru?.terminationDate == "2026-02-01")
    let kk = ApplicationPurpose.statement(in: "Ұйым 2026 жылғы 1 ақпаннан бастап волонтерлік қызметін тоқтатады.")
    #expect(kk?.terminationDate == "2026-02-01")
    let after = ApplicationPurpose.statement(in: "Прошу исключить меня из реестра, решение принято 03.02.2026.")
    #expect(after?.terminationDate == "2026-02-03")
    #expect(ApplicationPurpose.statement(in: "Прошу исключить меня из реестра.")?.terminationDate == nil)
}

@Test func aTerminationOutweighsAChangeAndAChangeOutweighsInclusion() {
    let change = ApplicationPurpose.Statement(purpose: .change, terminationDate: nil)
    let termination = ApplicationPurpose.Statement(purpose: .termination, terminationDate: "2026-02-01")
    #expect(ApplicationPurpose.strongest([nil, change, termination]) == termination)
    #expect(ApplicationPurpose.strongest([nil, change]) == change)
    #expect(ApplicationPurpose.strongest([nil]).purpose == .inclusion)
}
