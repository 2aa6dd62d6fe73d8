import Dates
import Testing
@testable import Cases
import Annex2

// The continuation rule, every combination of what links a letter to a case and what the two
// say of the applicant. Each row is (how the letter refers to the case, who sent it, the case's
// stage); its 15 letters are the outcomes for the identity columns, in this order:
//
//   numbers:  same IIN | different IIN | only the case has one | only the letter has one | neither
//   names:    each of those three times: the same name | a different name | the letter names nobody
//
// C = continue the case, N = open a new case, L = open a new case linked as a possible duplicate.

private enum Reference: CaseIterable { case none, thread, tag }
private enum Sender: CaseIterable { case applicant, office, stranger }
private enum Numbers: CaseIterable { case same, different, caseOnly, letterOnly, neither }
private enum Names: CaseIterable { case same, different, absent }

private let table: [(Reference, Sender, Continuation.Stage, String)] = [
    // A reply to our notice, or the tag, from an address the case knows: continues unless it names someone else.
    (.thread, .applicant, .awaitingRefinement, "CCC NNN CNC CNC CNC"),
    (.thread, .applicant, .underReview,        "CCC NNN CNC CNC CNC"),
    (.thread, .applicant, .decided,            "CCC NNN CNC CNC CNC"),
    (.thread, .office,    .awaitingRefinement, "CCC NNN CNC CNC CNC"),
    (.thread, .office,    .underReview,        "CCC NNN CNC CNC CNC"),
    (.thread, .office,    .decided,            "CCC NNN CNC CNC CNC"),
    (.tag,    .applicant, .awaitingRefinement, "CCC NNN CNC CNC CNC"),
    (.tag,    .applicant, .underReview,        "CCC NNN CNC CNC CNC"),
    (.tag,    .applicant, .decided,            "CCC NNN CNC CNC CNC"),
    (.tag,    .office,    .awaitingRefinement, "CCC NNN CNC CNC CNC"),
    (.tag,    .office,    .underReview,        "CCC NNN CNC CNC CNC"),
    (.tag,    .office,    .decided,            "CCC NNN CNC CNC CNC"),
    // A stranger's reference may be copied or guessed: never continues; the same IIN is linked for staff.
    (.thread, .stranger,  .awaitingRefinement, "LLL NNN NNN NNN NNN"),
    (.thread, .stranger,  .underReview,        "LLL NNN NNN NNN NNN"),
    (.thread, .stranger,  .decided,            "LLL NNN NNN NNN NNN"),
    (.tag,    .stranger,  .awaitingRefinement, "LLL NNN NNN NNN NNN"),
    (.tag,    .stranger,  .underReview,        "LLL NNN NNN NNN NNN"),
    (.tag,    .stranger,  .decided,            "LLL NNN NNN NNN NNN"),
    (.none,   .stranger,  .awaitingRefinement, "LLL NNN NNN NNN NNN"),
    (.none,   .stranger,  .underReview,        "LLL NNN NNN NNN NNN"),
    (.none,   .stranger,  .decided,            "LLL NNN NNN NNN NNN"),
    // A fresh letter from the applicant: the refinement's answer unless it names someone else;
    // under review only a re-sent application of the same person; a decided case takes none.
    (.none,   .applicant, .awaitingRefinement, "CCC NNN CNC CNC CNC"),
    (.none,   .applicant, .underReview,        "CCC NNN CNN CNN CNN"),
    (.none,   .applicant, .decided,            "LLL NNN NNN NNN NNN"),
    // A fresh letter from the forwarding office, which writes for many people: only one that
    // names the case's applicant (or no one: a question) continues it.
    (.none,   .office,    .awaitingRefinement, "CCC NNN CNC CNN CNC"),
    (.none,   .office,    .underReview,        "CCC NNN CNN CNN CNN"),
    (.none,   .office,    .decided,            "LLL NNN NNN NNN NNN"),
]

private let caseIIN = "830717350867"
private let otherIIN = "900101400123"
private let caseName = "Асанов Нұрлан Серікұлы"

private func marks(numbers: Numbers, names: Names, side: String) -> ApplicantMarks {
    let iin: String?
    switch (numbers, side) {
    case (.same, _), (.caseOnly, "case"), (.letterOnly, "letter"): iin = side == "letter" ? "8307 1735 0867" : caseIIN
    case (.different, "case"): iin = caseIIN
    case (.different, _): iin = otherIIN
    default: iin = nil
    }
    if side == "case" { return ApplicantMarks(iin: iin, fullName: caseName) }
    switch names {
    // The same man, written in Latin letters, given name first, without the patronymic.
    case .same: return ApplicantMarks(iin: iin, fullName: "NURLAN ASANOV")
    case .different: return ApplicantMarks(iin: iin, fullName: "Ким Виктор Алексеевич")
    case .absent: return ApplicantMarks(iin: iin)
    }
}

private struct Combination: CustomTestStringConvertible, Sendable {
    let reference: Reference, sender: Sender, stage: Continuation.Stage, numbers: Numbers, names: Names
    let expected: Continuation.Outcome
    var testDescription: String { "\(reference) from \(sender), \(stage), numbers \(numbers), names \(names) → \(expected.rawValue)" }
}

private let combinations: [Combination] = table.flatMap { reference, sender, stage, row in
    let letters = Array(row.filter { $0 != " " })
    precondition(letters.count == 15, "a row has 15 outcomes")
    var out: [Combination] = []
    for (n, numbers) in Numbers.allCases.enumerated() {
        for (m, names) in Names.allCases.enumerated() {
            let expected: Continuation.Outcome = switch letters[n * 3 + m] {
            case "C": .continueCase
            case "N": .openCase
            default: .openLinkedCase
            }
            out.append(Combination(reference: reference, sender: sender, stage: stage, numbers: numbers, names: names,
                                   expected: expected))
        }
    }
    return out
}

@Test func theTableCoversEveryCombinationOnce() {
    #expect(combinations.count == Reference.allCases.count * Sender.allCases.count * Continuation.Stage.allCases.count
            * Numbers.allCases.count * Names.allCases.count)
    let keys = Set(combinations.map { "\($0.reference)\($0.sender)\($0.stage)\($0.numbers)\($0.names)" })
    #expect(keys.count == combinations.count)
}

@Test(arguments: combinations)
private func continuationFollowsTheTable(_ c: Combination) {
    let open = Continuation.Case(caseID: "VR-2026-000123", marks: marks(numbers: c.numbers, names: c.names, side: "case"),
                                 applicantAddress: "Nurlan.Asanov@mail.kz", officeAddress: "akimat-taraz@mail.kz",
                                 noticeIDs: ["notice-1.VR-2026-000123@mki.gov.kz"], stage: c.stage)
    let sender = switch c.sender {
    case .applicant: "nurlan.asanov@mail.kz"
    case .office: "AKIMAT-TARAZ@mail.kz"
    case .stranger: "someone@example.kz"
    }
    let letter = Continuation.Letter(
        senders: [sender],
        threadedOn: c.reference == .thread ? ["<notice-1.VR-2026-000123@mki.gov.kz>"] : ["<other@mail.kz>"],
        caseTags: c.reference == .tag ? ["vr-2026-000123"] : ["VR-2026-000999"],
        marks: marks(numbers: c.numbers, names: c.names, side: "letter"))
    let decision = Continuation.decide(letter, for: open)
    #expect(decision.outcome == c.expected, "\(decision)")
}

@Test func aDifferentIINIsNamedInTheReason() {
    let open = Continuation.Case(caseID: "VR-2026-000001", marks: ApplicantMarks(iin: caseIIN), applicantAddress: "office@akimat.kz",
                                 stage: .awaitingRefinement)
    let d = Continuation.decide(Continuation.Letter(senders: ["office@akimat.kz"], marks: ApplicantMarks(iin: otherIIN)), for: open)
    #expect(d.outcome == .openCase)
    #expect(d.identity == .different && d.basis == .iin)
    #expect(d.reason.contains("different IIN"))
}

@Test func theStageFollowsTheCaseState() {
    #expect(Continuation.Stage(.refinementRequested) == .awaitingRefinement)
    #expect(Continuation.Stage(.underReview) == .underReview)
    for state in [CaseState.accepted, .refused, .changeApplied, .terminated, .closed] {
        #expect(Continuation.Stage(state) == .decided)
    }
}

// MARK: names

@Test(arguments: [
    ("Асанов Нұрлан Серікұлы", "Асанов Нурлан Серикулы"),   // Kazakh letters or Russian ones
    ("Асанов Нұрлан Серікұлы", "Нурлан Асанов"),            // word order, no patronymic
    ("Асанов Нұрлан Серік ұлы", "Асанов Нұрлан Серікұлы"),  // the patronymic in two words
    ("Асанов Нұрлан", "ASANOV NURLAN"),                     // Latin letters, capitals
    ("Ким Виктор Алексеевич", "Ким В.А."),                  // initials
    ("Жұмабекова Әлия", "Zhumabekova Aliya"),
    ("Хасенов Ерлан", "Hasenov Yerlan"),
    ("Абдрахманов Ерлан", "Абдрахманов Ерлна"),             // a typo
    ("Иванов  Иван", "иванов иван"),
])
func namesOfOnePersonAreTheSame(_ a: String, _ b: String) {
    #expect(ApplicantMarks(fullName: a).compared(with: ApplicantMarks(fullName: b)).verdict == .same)
}

@Test(arguments: [
    ("Асанов Нұрлан Серікұлы", "Ким Виктор Алексеевич"),
    ("Иванов Иван", "Иванов Пётр"),          // one family, two people
    ("Сейткали Айгерим", "Сейткали Даурен Маратович"),
    ("Ким Виктор Алексеевич", "Ли В.А."),
])
func namesOfTwoPeopleAreDifferent(_ a: String, _ b: String) {
    #expect(ApplicantMarks(fullName: a).compared(with: ApplicantMarks(fullName: b)).verdict == .different)
}

@Test(arguments: [
    ("Асанов", "Асанов Нурлан"),       // one word agrees with any Асанов
    ("Нурлан", "Асанов Ерлан"),        // one word against a full name: a guess, not a clear difference
    ("", "Асанов Нурлан"),
])
func tooLittleOfANameTellsNothing(_ a: String, _ b: String) {
    #expect(ApplicantMarks(fullName: a).compared(with: ApplicantMarks(fullName: b)).verdict == .unknown)
}

@Test func organisationNamesIgnoreTheLegalFormAndLanguage() {
    func verdict(_ a: String, _ b: String) -> ApplicantMarks.Verdict {
        ApplicantMarks(organizationName: a).compared(with: ApplicantMarks(organizationName: b)).verdict
    }
    #expect(verdict("ОО «Волонтеры Казахстана»", "Общественное объединение \"Волонтеры Казахстана\"") == .same)
    #expect(verdict("«Қазақстан волонтерлері» қоғамдық бірлестігі", "ОО «Волонтеры Казахстана»") == .same)
    #expect(verdict("ОФ «Мейірім»", "ТОО «Жасыл Ел Алматы»") == .different)
    #expect(verdict("ОФ «Мейірім Алматы»", "Мейірім") == .same)
}

@Test func numbersDecideBeforeNamesAndAreComparedAsDigits() {
    let a = ApplicantMarks(iin: "830717350867", fullName: "Асанов Нурлан")
    #expect(a.compared(with: ApplicantMarks(iin: "8307-1735-0867", fullName: "Ким Виктор")).verdict == .same)
    #expect(a.compared(with: ApplicantMarks(iin: otherIIN, fullName: "Асанов Нурлан")).verdict == .different)
    // An IIN beside a BIN compares nothing: the names decide.
    let org = ApplicantMarks(bin: "120440012345", fullName: "Асанов Нурлан")
    #expect(a.compared(with: org) == (.same, .fullName))
    #expect(a.sharesNumber(with: ApplicantMarks(iin: "830717350867")))
    #expect(!a.sharesNumber(with: ApplicantMarks(bin: "830717350867")))
}
