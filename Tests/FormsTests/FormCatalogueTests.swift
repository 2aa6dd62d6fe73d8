import Annex2
import Testing
@testable import Forms

@Test func catalogueIsComplete() {
    #expect(FormCatalogue.activityTypes.map(\.number) == Array(1...13))
    #expect(FormCatalogue.roles.count == 6)
    #expect(FormCatalogue.availability.count == 4)
    #expect(Set(FormCatalogue.titles.map(\.form)) == Set(FormKind.allCases))
    #expect(FormCatalogue.programFields.map(\.name) == ["name", "organizer", "goal", "tasks", "methods", "expectedResults",
                                                        "targetGroup", "participants", "period", "place", "requirements", "offeredWork"])
    #expect(FormCatalogue.actionFields.map(\.name) == ["name", "organizer", "goal", "tasks", "expectedResults", "targetGroup",
                                                       "participants", "dateTime", "place", "requirements", "duration", "offeredWork"])
    let labelled = Set(FormCatalogue.fields.map(\.field))
    for f in FormField.allCases where f != .programs && f != .actions { #expect(labelled.contains(f), "\(f)") }
}

@Test func seedTitlesAreRecognised() {
    let titles = FormCatalogue.titles.flatMap { LabelMatcher.candidates($0.form, $0.keywords) }
    let seed: [(String, FormKind)] = [
        ("Волонтер сауалнамасы", .volunteer), ("Волонтерлік топтың сауалнамасы", .group),
        ("Волонтерлік ұйымның сауалнамасы", .organization), ("Волонтерлер үйлестірушісінің сауалнамасы", .coordinator),
        ("Волонтерлер ұйымдастырушысының сауалнамасы", .organizer), ("Волонтерлік бағдарлама (жоба)", .program),
        ("Волонтерлік акция", .action), ("Анкета группы волонтеров", .group), ("Анкета координатора волонтеров", .coordinator),
        ("Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз", .application),
    ]
    for (title, form) in seed {
        #expect(LabelMatcher.bestMatch(in: title, among: titles, maxStart: 1, gap: 0)?.key == form, "\(title)")
    }
}
