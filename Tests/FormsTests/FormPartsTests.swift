import Annex2
import Testing
@testable import Forms

@Test func thePartsTableAndTheCatalogueNameTheSameLinesInTheSameOrder() {
    #expect(FormParts.program.map(\.key) == FormCatalogue.programFields.map(\.name))
    #expect(FormParts.action.map(\.key) == FormCatalogue.actionFields.map(\.name))
    #expect(RequiredFields.programFields == FormParts.program.filter(\.required).map(\.key))
    #expect(FormParts.lines(of: .phone).isEmpty)
}

@Test func aProgrammeWithEmptyLinesListsEachMissingPartByIndexAndLabel() {
    let full = Dictionary(uniqueKeysWithValues: FormParts.program.map { ($0.key, "бар") })
    var partial = full
    partial["goal"] = nil
    partial["period"] = " — "
    let missing = FormParts.missing(in: [full, partial], of: .programs)
    #expect(missing.map(\.key) == ["goal", "period"])
    #expect(missing.allSatisfy { $0.index == 2 && $0.field == .programs })
    #expect(missing.first?.kazakh == "Бағдарлама (жоба) мақсаты")
    #expect(missing.first?.russian == "Цель программы (проекта)")
}

/// The labels a refinement notice names are labels the extractor reads back, in both languages.
@Test(arguments: [FormField.programs, .actions], ["kk", "ru"])
func everyPartsLabelIsReadBackAsItsOwnLine(_ field: FormField, _ language: String) {
    let title = field == .programs ? (language == "kk" ? "Волонтерлік бағдарлама (жоба)" : "Волонтерская программа (проект)")
        : (language == "kk" ? "Волонтерлік акция" : "Волонтерская акция")
    let lines = FormParts.lines(of: field)
    let form = FieldExtractor.extract(FormDocument(blocks: [para(title)] + lines.map { para("\(language == "kk" ? $0.kazakh : $0.russian): \($0.key)-мәні") }))
    let block = (field == .programs ? form.programs : form.actions).first ?? [:]
    for line in lines { #expect(block[line.key] == "\(line.key)-мәні", "\(language) \(line.key)") }
}
