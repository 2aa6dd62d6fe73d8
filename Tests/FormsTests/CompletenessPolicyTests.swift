import Foundation
import Testing
@testable import Forms

/// The table as `RequiredFields.swift` wrote it before the policy became data: the shipped text must
/// say exactly this.
@Test func theShippedPolicyIsTodaysTable() {
    typealias R = CompletenessPolicy.Requirement
    let contacts = R.anyOf([.phone, .email])
    let expected: [CompletenessPolicy.Applicant: [R]] = [
        .init(.volunteer): [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                            contacts, .field(.activityTypes), .field(.roles), .field(.availability), .field(.consent)],
        .init(.group): [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                        .field(.members), contacts, .field(.activityTypes), .field(.consent)],
        .init(.organization): [.field(.organizationName), .field(.registrationDate), .field(.bin), .field(.headName),
                               .field(.volunteerCount), contacts, .field(.activityTypes), .field(.consent)],
        .init(.coordinator): [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), .field(.experience),
                              .field(.coordinatorExperience), .field(.coordinatedCount), contacts, .field(.activityTypes),
                              .field(.consent)],
        .init(.organizer): [.field(.fullName), .field(.birthYear), .field(.residence), .field(.iin), contacts,
                            .field(.activityTypes), .field(.consent)],
        .init(.organizer, legalEntity: true): [.field(.fullName), .field(.organizationName), .field(.registrationDate), .field(.bin),
                                               contacts, .field(.activityTypes), .field(.consent)],
    ]
    #expect(CompletenessPolicy.shipped.table == expected)
    #expect(CompletenessPolicy.shipped.common == [contacts, .field(.activityTypes), .field(.consent)])
    // The reasons travel with the table.
    #expect(CompletenessPolicy.shipped.reasons.contains { $0.contains("A patronymic is never required") })
    // A legal entity that is not an organiser reads its own kind's lines.
    #expect(CompletenessPolicy.shipped.requirements(for: .group, legalEntity: true) == expected[.init(.group)])
}

@Test func theDeployedPolicyFileIsTheShippedText() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let deployed = try String(contentsOf: root.appendingPathComponent("deploy/required-fields.txt"), encoding: .utf8)
    #expect(deployed == RequiredFields.text)
}

@Test(arguments: [
    ("volunteer fullName\nvolunter iin\n", 2, "'volunter' is not a kind"),
    ("volunteer fullname\n", 1, "'fullname' is not a field"),
    ("volunteer fullName iin\n", 1, "one field a line"),
    ("volunteer\n", 1, "names no field"),
    ("# only a comment\nvolunteer any-of\n", 2, "names no field"),
    ("volunteer iin\n\nvolunteer iin  # again\n", 3, "already requires"),
    ("volunteer any-of phone phone\n", 1, "twice on one line"),
])
func aPolicyWithAMistakeIsRefusedWithItsLine(text: String, line: Int, message: String) {
    #expect {
        try CompletenessPolicy(parsing: text)
    } throws: { error in
        guard let problem = error as? CompletenessPolicy.Problem else { return false }
        return problem.line == line && problem.message.contains(message)
    }
}

@Test func aPolicyMustSayWhatEveryKindNeeds() {
    let withoutGroup = RequiredFields.text.split(separator: "\n").filter { !$0.hasPrefix("group") }.joined(separator: "\n")
    #expect(throws: CompletenessPolicy.Problem.self) { try CompletenessPolicy(parsing: withoutGroup) }
}

/// The ministry drops the IIN for volunteers and asks for a website: the same letter reads complete
/// under one policy and incomplete under the other, with no new build.
@Test func theReadingTakesThePolicyItIsGiven() throws {
    let text = """
    Волонтер сауалнамасы
    Т.А.Ә.: Серікбаева Айгерім Болатқызы
    Туған жылы: 1996
    Тұрғылықты жері: Алматы қ.
    Волонтерлік қызметтегі тәжірибесі: жоқ
    Байланыс телефоны: +7 701 234 56 78
    Волонтерлік қызметтің негізгі түрлері: 1, 6
    Волонтер ретіндегі рөлі: 2
    Волонтерлік қызмет қай уақытта қолайлы: 1
    Дербес деректерді жинауға және өңдеуге келісемін
    """
    let form = FieldExtractor.extract(PlainText.document(text))
    let shipped = Application.build(from: [("body", form)], now: 2026)
    #expect(shipped.missing == [.iin])
    let lenient = try CompletenessPolicy(parsing: RequiredFields.text.replacingOccurrences(of: "volunteer  iin\n", with: ""))
    #expect(Application.build(from: [("body", form)], now: 2026, policy: lenient).missing == [])
    let strict = try CompletenessPolicy(parsing: RequiredFields.text.replacingOccurrences(of: "volunteer  iin\n", with: "volunteer  website\n"))
    #expect(Application.build(from: [("body", form)], now: 2026, policy: strict).missing == [.website])
}
