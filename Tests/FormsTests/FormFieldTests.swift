import Annex2
import Testing
@testable import Forms

@Test func fieldNamesAreTheJSONNames() {
    #expect(FormField.allCases.count == 25)
    #expect(FormField.coordinatorExperience.rawValue == "coordinatorExperience")
    #expect(FormField.iin.kazakh == "ЖСН (жеке сәйкестендіру нөмірі)")
    #expect(FormField.iin.russian == "ИИН (индивидуальный идентификационный номер)")
    for f in FormField.allCases { #expect(!f.kazakh.isEmpty && !f.russian.isEmpty) }
}
