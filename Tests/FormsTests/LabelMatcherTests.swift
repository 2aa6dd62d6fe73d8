import Annex2
import Testing
@testable import Forms

private let candidates = FormCatalogue.fields.flatMap { LabelMatcher.candidates($0.field, $0.keywords) }

private func field(_ label: String) -> FormField? {
    LabelMatcher.bestMatch(in: label, among: candidates, maxStart: 2)?.key
}

@Test func normaliseStripsNumberingPunctuationAndOptionalSuffix() {
    // Initials are one abbreviation however they are dotted: "Ф.И.О." is "ФИО".
    #expect(LabelMatcher.normalise("1. Т.А.Ә. (бар болған кезде)") == "таә")
    #expect(LabelMatcher.normalise("2) Ф.И.О. (при наличии):") == "фио")
    #expect(LabelMatcher.normalise("ТАӘ") == "таә")
    #expect(LabelMatcher.normalise("Ёлка  —  ЖСН") == "елка жсн")
    #expect(LabelMatcher.normalise("г. Алматы") == "г алматы")
}

@Test func dottedInitialsMatchTheUndottedKeyword() {
    #expect(field("Ф.И.О. руководителя организации (при его наличии)") == .headName)
    #expect(field("Т. А. Ә.") == .fullName)
}

@Test(arguments: [
    ("Т.А.Ә. (бар болған кезде)", FormField.fullName), ("Фамилия, имя, отчество (если есть)", .fullName),
    ("ЖСН", .iin), ("ИИН:", .iin), ("Туған жылы", .birthYear), ("Год рождения", .birthYear),
    ("Тұрғылықты жері", .residence), ("Место жительства", .residence),
    ("Волонтерлік қызметтегі тәжірибесі", .experience), ("Опыт волонтерской деятельности", .experience),
    ("Волонтерлер үйлестірушісі ретіндегі жұмыс тәжірибесі", .coordinatorExperience),
    ("үйлестіруші ретіндегі тәжірибесі", .coordinatorExperience),
    ("Опыт работы в качестве координатора волонтеров", .coordinatorExperience),
    ("Ұйым басшысының Т.А.Ә.", .headName), ("Волонтерлік тобы басшысының Т.А.Ә.", .fullName),
    ("Ұйымдағы волонтерлер саны", .volunteerCount), ("Сіз қанша волонтерді үйлестіресіз?", .coordinatedCount),
    ("Тіркеу (қайта тіркеу) күні", .registrationDate), ("БСН", .bin), ("Наименование организации", .organizationName),
    ("Опыт волонтерской деятельнсти", .experience), // a typo
    ("Тұрғылыкты жері", .residence),                 // қ typed as к
])
func labelsByMeaning(_ label: String, _ expected: FormField) {
    #expect(field(label) == expected)
}

@Test func wordsAndTypos() {
    #expect(LabelMatcher.wordMatches(keyword: "тәжірибе", word: "тәжірибесі"))
    #expect(LabelMatcher.wordMatches(keyword: "рождения", word: "рожденя"))
    #expect(!LabelMatcher.wordMatches(keyword: "жсн", word: "жсм"))
    #expect(LabelMatcher.levenshtein("kitten", "sitting") == 3)
}

@Test func unrelatedTextDoesNotMatch() {
    #expect(field("Прошу рассмотреть мою заявку") == nil)
}

/// Two words that differ only by two neighbouring letters swapped ("мекенажй" / "мекенжай").
func differByOneSwap(_ a: String, _ b: String) -> Bool {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    guard x.count == y.count, let i = x.indices.first(where: { x[$0] != y[$0] }), i + 1 < x.count else { return false }
    return x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
}

@Test func oneEditIsLevenshteinOneOrOneSwapOnEveryPairOfShortWords() {
    let alphabet: [Unicode.Scalar] = ["а", "б", "ә"]
    var words: [[Unicode.Scalar]] = [[]]
    for _ in 0..<4 { words += words.flatMap { w in alphabet.map { w + [$0] } } }
    let sample = Array(Set(words.map { String(String.UnicodeScalarView($0)) })).sorted()
    for a in sample {
        for b in sample {
            let expected = LabelMatcher.levenshtein(a, b) <= 1 || differByOneSwap(a, b)
            #expect(LabelMatcher.withinOneEdit(Array(a.unicodeScalars)[...], Array(b.unicodeScalars)[...]) == expected, "\(a) \(b)")
        }
    }
}


@Test func aStemWithAShorterEndingAndSwappedLettersStillMatch() {
    #expect(LabelMatcher.wordMatches(keyword: "ретіндегі", word: "ретінде"))
    #expect(LabelMatcher.wordMatches(keyword: "тәжірибесі", word: "тәжірибе"))
    #expect(LabelMatcher.wordMatches(keyword: "мекенжай", word: "мекенажй"))
    // A short word is not taken for the start of a long one.
    #expect(!LabelMatcher.wordMatches(keyword: "тәжірибесі", word: "тәжі"))
    #expect(!LabelMatcher.wordMatches(keyword: "организатор", word: "организация"))
}
