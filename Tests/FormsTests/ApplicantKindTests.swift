import Annex2
import Testing
@testable import Forms

@Test func kindNamesInBothLanguages() {
    #expect(ApplicantKind.allCases.count == 5)
    #expect(ApplicantKind.group.kazakh == "волонтерлер тобы")
    #expect(ApplicantKind.organization.russian == "волонтерская организация")
    #expect(ApplicantKind.coordinator.name(language: "kk") == "волонтерлерді үйлестіруші")
    #expect(ApplicantKind.organizer.questionnaire == .organizer)
}
