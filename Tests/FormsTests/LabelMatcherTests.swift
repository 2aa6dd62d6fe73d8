import Annex2
import Testing
@testable import Forms

private let candidates = FormCatalogue.fields.flatMap { LabelMatcher.candidates($0.field, $0.keywords) }

private func field(_ label: String) -> FormField? {
    LabelMatcher.bestMatch(in: label, among: candidates, maxStart: 2)?.key
}

@Test func normaliseStripsNumberingPunctuationAndOptionalSuffix() {
    #expect(LabelMatcher.normalise("1. Т.А.Ә. (бар болған кезде)") == "т а ә")
    #expect(LabelMatcher.normalise("2) Ф.И.О. (при наличии):") == "ф и о")
    #expect(LabelMatcher.normalise("Ёлка  —  ЖСН") == "елка жсн")
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

@Test func oneEditAgreesWithLevenshteinOnEveryPairOfShortWords() {
    let alphabet: [Unicode.Scalar] = ["а", "б", "ә"]
    var words: [[Unicode.Scalar]] = [[]]
    for _ in 0..<4 { words += words.flatMap { w in alphabet.map { w + [$0] } } }
    let sample = Array(Set(words.map { String(String.UnicodeScalarView($0)) })).sorted()
    for a in sample {
        for b in sample {
            let expected = LabelMatcher.levenshtein(a, b) <= 1
            #expect(LabelMatcher.withinOneEdit(Array(a.unicodeScalars)[...], Array(b.unicodeScalars)[...]) == expected, "\(a) \(b)")
        }
    }
}

/// The scalar fast path of `tokens` reads simple text exactly as the Character path does.
@Test func scalarTokenizingAgreesWithCharacterTokenizing() {
    let alphabet = Array("АаӘәҒғҚқҢңӨөҰұҮүҺһІіЁёЙйWwQq09½²ªº -'.,:;()/\u{2612}\u{2610}\u{2013}\r\n\t№ІіЇїЎў")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
        let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        #expect(LabelMatcher.isSimple(text[...]))
        var words: [String] = []
        var current = ""
        var inWord = false
        for ch in text {
            if ch.isLetter || ch.isNumber {
                current += LabelMatcher.foldLetter(ch)
                inWord = true
            } else if (ch == "-" || ch == "'") && inWord {
                continue
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                inWord = false
            }
        }
        if !current.isEmpty { words.append(current) }
        let expected = words.map { LabelMatcher.fixLookalikes(LabelMatcher.composed($0)) }
        let fast = LabelMatcher.tokens(text).map(\.text)
        // Numbering and optional phrases are removed after splitting, the same for both paths.
        if expected.count == fast.count || !(expected.first?.allSatisfy(\.isNumber) ?? false) {
            #expect(fast == LabelMatcher.removeOptionalPhrases(expected.map { LabelMatcher.Token(text: $0, range: text.startIndex..<text.endIndex) }).map(\.text), "\(text.debugDescription)")
        }
    }
}
