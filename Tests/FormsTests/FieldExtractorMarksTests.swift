import Annex2
import Testing
@testable import Forms

/// Choices marked by colour (a highlighter, shading), whatever program wrote the document.
private let activities = [
    "участие в оказании социальных услуг", "социальное обслуживание пожилых людей",
    "участие в оказании помощи лицам, пострадавшим в результате стихийных бедствий",
    "содействие в предупреждении и ликвидации последствий чрезвычайных ситуаций",
    "участие в поиске пропавших без вести людей", "участие в охране и защите окружающей среды",
    "участие в сохранении исторического и культурного наследия", "участие в развитии образования, науки, культуры",
    "участие в развитии и популяризации физической культуры, спорта", "проведение работы по пропаганде здорового образа жизни",
    "участие в организации и проведении культурных, массовых мероприятий", "участие в укреплении мира, дружбы и согласия между народами",
    "иные виды волонтерской деятельности (укажите конкретный вид/виды)",
]

private func option(_ n: Int, highlighted: Bool) -> FormDocument.Block {
    .paragraph(Paragraph(runs: [Paragraph.Run("\(n)) \(activities[n - 1])", highlighted: highlighted)]))
}

@Test func highlightedOptionsAreTheChosenOnes() {
    let form = FieldExtractor.extract(FormDocument(blocks: [para("Виды деятельности (отметить нужное)")]
        + (1...13).map { option($0, highlighted: [2, 10].contains($0)) }))
    #expect(form.activityTypes == [2, 10])
}

@Test func aStripedListChoosesNothing() {
    // A banded table colours every other row: no applicant chooses 1, 3, 5 … 13 that way.
    let form = FieldExtractor.extract(FormDocument(blocks: [para("Виды деятельности (отметить нужное)")]
        + (1...13).map { option($0, highlighted: $0 % 2 == 1) }))
    #expect(form.activityTypes == [])
}

@Test func aNumberedOtherQuestionRowIsNotAnOption() {
    // "| 11 | Иное (укажите) | донорство крови |": the questionnaire's question 11 under the kept options.
    let form = FieldExtractor.extract(doc(
        para("Анкета волонтера"),
        table(row("10", "Выберите основные виды деятельности, в которых вы участвуете в настоящее время", ""),
              row("", "- участие в охране и защите окружающей среды", ""),
              row("", "- иные виды волонтерской деятельности", ""),
              row("11", "Иное (укажите)", "донорство крови"),
              row("12", "Сколько волонтеров вы координируете?", "105"))
    ))
    #expect(form.activityTypes == [6, 13])
    #expect(form.values[.otherActivity] == "донорство крови")
}

/// One questionnaire written by python-docx and converted by LibreOffice (Fixtures/forms/make-highlighted.sh):
/// activity types 2 and 10 highlighted, role 3 shaded, availability 1 in a shaded table cell.
@Test(arguments: ["highlighted-choices.docx", "highlighted-choices.odt", "highlighted-choices.html"])
func colourMarkedChoicesReadInEveryFormat(name: String) throws {
    let bytes = try FormLetters.fixture(name)
    let document: FormDocument
    switch name.split(separator: ".").last {
    case "docx": document = try DocxReader.read(bytes).get()
    case "odt": document = try OdtReader.read(bytes).get()
    default: document = HTMLText.document(String(decoding: bytes, as: UTF8.self))
    }
    let form = FieldExtractor.extract(document)
    #expect(form.activityTypes == [2, 10])
    #expect(form.roles == [3])
    #expect(form.availability == [1])
}

@Test func tableRowsWithNumberAndMarkInTheirOwnCells() {
    let form = FieldExtractor.extract(doc(
        para("Анкета волонтера"),
        table(row("9", "Виды деятельности (отметить нужное)", ""),
              row("1", activities[0], ""), row("2", activities[1], "✔"), row("6", activities[5], "да"),
              row("8", activities[7], "нет"), row("", "13) " + activities[12], "х"))
    ))
    #expect(form.activityTypes == [2, 6, 13])
}

@Test func optionTextsAnsweredOnOneLineOrOnePerLine() {
    let oneLine = FieldExtractor.extract(doc(
        para("Анкета волонтера"),
        para("Виды деятельности: социальное обслуживание пожилых людей; участие в охране и защите окружающей среды")
    ))
    #expect(oneLine.activityTypes == [2, 6])
    let perLine = FieldExtractor.extract(doc(
        para("Анкета волонтера"),
        para("Виды деятельности:"), para("- социальное обслуживание пожилых людей"),
        para("- участие в охране и защите окружающей среды"), para("Роль: 3")
    ))
    #expect(perLine.activityTypes == [2, 6])
}

/// The same questionnaire as RTF (LibreOffice: `\highlight` for the highlighter, `\chcbpat` for shading),
/// read through unrtf. unrtf prints no cell shading (`\clcbpat`), so only the runs' colours are asked.
@Test func colourMarkedChoicesReadInRTF() throws {
    let form = FieldExtractor.extract(try RTFText.read(try FormLetters.fixture("highlighted-choices.rtf")).get())
    #expect(form.activityTypes == [2, 10])
    #expect(form.roles == [3])
}

@Test func aTemplateShadingEveryOptionDoesNotHideTheUnderlinedOne() {
    // The blank form shades the whole list; the applicant underlined options 4 and 8.
    let form = FieldExtractor.extract(FormDocument(blocks: [para("Виды деятельности (отметить нужное)")]
        + (1...13).map { n in
            .paragraph(Paragraph(runs: [Paragraph.Run("\(n)) \(activities[n - 1])", underlined: [4, 8].contains(n), highlighted: true)]))
        }))
    #expect(form.activityTypes == [4, 8])
}
