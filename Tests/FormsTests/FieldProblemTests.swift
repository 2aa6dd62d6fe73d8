import Annex2
import Testing
@testable import Forms

/// One of every problem, with the field it is reported on.
private let everyProblem: [(FormField, FieldProblem)] = [
    (.iin, .iinLength), (.iin, .iinBirthDate), (.iin, .iinCheckDigit), (.iin, .iinFutureBirth),
    (.iin, .iinBirthYearMismatch(iinYear: 1988, formYear: 1990)),
    (.bin, .binLength), (.bin, .binMonth(13)), (.bin, .binEntityType), (.bin, .binUnit), (.bin, .binCheckDigit),
    (.birthYear, .yearNotFound("тоқсаныншы")), (.birthYear, .birthYearFuture(2030)), (.birthYear, .birthYearTooEarly(1900)),
    (.birthYear, .tooYoung(2015)), (.volunteerCount, .countNotNumber("көп")), (.volunteerCount, .countImplausible(0)),
    (.registrationDate, .dateNotUnderstood("өткен жылы")), (.registrationDate, .registrationFuture("2030-01-01")),
    (.registrationDate, .registrationTooEarly(1985)), (.phone, .phone("12-34")), (.whatsapp, .phone("12-34")),
    (.email, .email("ivan@mail")), (.website, .website("мой сайт")), (.instagram, .instagram("мой инстаграм")),
    (.activityTypes, .optionsUnknown([14, 20], upTo: 13)), (.roles, .optionsNotNamed("всё", upTo: 6)),
    (.consent, .consentRefused), (.otherActivity, .otherActivityUnspecified),
]

private let kazakhLetters = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

private func latinOutsideLabel(_ text: String, _ label: String) -> Bool {
    text.replacingOccurrences(of: label, with: "").unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
}

@Test func everyProblemIsACompleteSentenceNamingItsFieldInEachLanguage() {
    for (field, problem) in everyProblem {
        let kk = problem.kazakh(field), ru = problem.russian(field)
        #expect(kk.contains("«\(field.kazakh)»"), "\(problem)")
        #expect(ru.contains("«\(field.russian)»"), "\(problem)")
        #expect(kk.hasSuffix(".") && ru.hasSuffix("."), "\(problem)")
        #expect(kk.first?.isUppercase == true || kk.first == "«", "\(problem)")
        #expect(ru.first?.isUppercase == true || ru.first == "«", "\(problem)")
        #expect(!latinOutsideLabel(kk, field.kazakh) && !latinOutsideLabel(ru, field.russian), "\(problem)")
        #expect(kk.contains(where: kazakhLetters.contains), "\(problem)")
        #expect(!ru.replacingOccurrences(of: field.russian, with: "").contains(where: kazakhLetters.contains), "\(problem)")
        #expect(!problem.english.isEmpty)
    }
}

@Test func differentProblemsOfOneFieldReadDifferently() {
    for field in Set(everyProblem.map(\.0)) {
        let problems = everyProblem.filter { $0.0 == field }.map(\.1)
        #expect(Set(problems.map { $0.kazakh(field) }).count == problems.count, "\(field)")
        #expect(Set(problems.map { $0.russian(field) }).count == problems.count, "\(field)")
    }
}

@Test func theTextsCarryTheNumbersThatExplainThem() {
    let mismatch = FieldProblem.iinBirthYearMismatch(iinYear: 1988, formYear: 1990)
    #expect(mismatch.kazakh(.iin).contains("1988") && mismatch.kazakh(.iin).contains("1990"))
    #expect(mismatch.russian(.iin).contains("«Год рождения»"))
    #expect(FieldProblem.optionsUnknown([14], upTo: 13).russian(.activityTypes).contains("от 1 до 13"))
    #expect(FieldProblem.optionsUnknown([14], upTo: 13).kazakh(.activityTypes).contains("1–13"))
}

@Test func validationNamesTheExactProblem() {
    #expect(IIN.issue("83071735086", birthYear: nil, currentYear: 2026) == .iinLength)
    #expect(IIN.issue("830717350868", birthYear: nil, currentYear: 2026) == .iinCheckDigit)
    #expect(IIN.issue("831317350867", birthYear: nil, currentYear: 2026) == .iinBirthDate)
    #expect(IIN.issue("830717350867", birthYear: 1985, currentYear: 2026) == .iinBirthYearMismatch(iinYear: 1983, formYear: 1985))
    #expect(BIN.issue("941340000385") == .binMonth(13))
    #expect(BIN.issue("940170000385") == .binEntityType)
    #expect(BIN.issue("940149000385") == .binUnit)
    #expect(BIN.issue("940140000386") == .binCheckDigit)
    #expect(Plausible.birthYearIssue(2020, currentYear: 2026) == .tooYoung(2020))
    #expect(Plausible.registrationIssue("1985-01-01", currentYear: 2026) == .registrationTooEarly(1985))
    #expect(Plausible.countIssue(0) == .countImplausible(0))
}

@Test func anApplicationsInvalidFieldCarriesTheProblemsTexts() {
    let app = Application.build(from: [("1", FieldExtractor.extract(doc(
        para("Анкета волонтера"), para("ФИО: Иванов Иван"), para("Год рождения: 1990"), para("ИИН: 830717350867"),
        para("Электронная почта: ivan@mail"))))], now: 2026)
    let iin = app.invalid.first { $0.field == .iin }
    #expect(iin?.problem == .iinBirthYearMismatch(iinYear: 1983, formYear: 1990))
    #expect(iin?.kk == FieldProblem.iinBirthYearMismatch(iinYear: 1983, formYear: 1990).kazakh(.iin))
    #expect(iin?.reason.contains("1983") == true)
    #expect(app.invalid.first { $0.field == .email }?.problem == .email("ivan@mail"))
}
