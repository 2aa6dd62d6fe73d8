import Testing
@testable import Forms

/// An independent check digit, written from domain.md, not from the code under test.
private func referenceCheckDigit(_ d: [Int]) -> Int? {
    var s = 0
    for i in 0..<11 { s += d[i] * (i + 1) }
    if s % 11 != 10 { return s % 11 }
    let w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    s = 0
    for i in 0..<11 { s += d[i] * w[i] }
    return s % 11 == 10 ? nil : s % 11
}

@Test func domainExamplesAreValid() {
    #expect(IIN.isValid("830717350867"))
    #expect(BIN.isValid("940140000385"))
    #expect(!IIN.isValid("830717350868"))
    #expect(!IIN.isValid("83071735086"))
    #expect(!IIN.isValid("83071735086a"))
}

@Test func checkDigitPropertyOnRandomPrefixes() {
    var rng = SystemRandomNumberGenerator()
    var checked = 0
    while checked < 2000 {
        // Random real birth date so that IIN.isValid's date check passes.
        let yy = Int.random(in: 0...99, using: &rng), mm = Int.random(in: 1...12, using: &rng), dd = Int.random(in: 1...28, using: &rng)
        var d = [yy / 10, yy % 10, mm / 10, mm % 10, dd / 10, dd % 10, Int.random(in: 1...6, using: &rng)]
        for _ in 0..<4 { d.append(Int.random(in: 0...9, using: &rng)) }
        guard let c = referenceCheckDigit(d) else {
            #expect(!IIN.isValid(d.map(String.init).joined() + "0"))
            continue
        }
        let iin = d.map(String.init).joined() + String(c)
        #expect(IIN.isValid(iin), "\(iin)")
        let position = Int.random(in: 7...10, using: &rng)
        var mutated = d
        mutated[position] = (mutated[position] + Int.random(in: 1...9, using: &rng)) % 10
        let expected = referenceCheckDigit(mutated) == c
        #expect(IIN.isValid(mutated.map(String.init).joined() + String(c)) == expected)
        checked += 1
    }
}

@Test func binPropertyAndStructure() {
    var made = 0
    for serial in 0..<500 {
        var d = [2, 1, 0, 3, 4, 0]
        for ch in String(format5(serial * 37)) { d.append(ch.wholeNumberValue!) }
        guard let c = referenceCheckDigit(d) else { continue }
        #expect(BIN.isValid(d.map(String.init).joined() + String(c)))
        made += 1
    }
    #expect(made > 400)
    #expect(BIN.problem("941340000385") != nil) // month 13
    #expect(BIN.problem("940170000385") != nil) // entity type 7
}

private func format5(_ n: Int) -> String {
    let s = String(n % 100000)
    return String(repeating: "0", count: 5 - s.count) + s
}

@Test func iinBirthDateAgainstForm() {
    #expect(IIN.birthDate("830717350867")! == (1983, 7, 17))
    #expect(IIN.problem("830717350867", birthYear: 1983, currentYear: 2025) == nil)
    #expect(IIN.problem("830717350867", birthYear: 1984, currentYear: 2025) != nil)
    #expect(IIN.problem("831317350867", birthYear: nil, currentYear: 2025) != nil)
}

@Test(arguments: [
    ("8 701 123 45 67", "+77011234567"), ("+7 (701) 123-45-67", "+77011234567"), ("87011234567", "+77011234567"),
    ("7011234567", "+77011234567"), ("+7 727 250 00 00", "+77272500000"), ("8(7172)74-01-02", "+77172740102"),
])
func phonesNormalise(_ input: String, _ expected: String) {
    #expect(Phone.normalise(input) == expected)
}

@Test(arguments: ["8 701 123 45 6", "+7 701 123 45 678", "12345", "тел", "8-701-123-45-67-89"])
func phonesRejected(_ input: String) {
    #expect(Phone.normalise(input) == nil)
}

@Test(arguments: [
    ("12.03.2024", "2024-03-12"), ("2024-03-12", "2024-03-12"), ("1.3.24", "2024-03-01"), ("12/03/2024", "2024-03-12"),
    ("12 наурыз 2024", "2024-03-12"), ("12 марта 2024 г.", "2024-03-12"), ("2024 жылғы 12 наурыз", "2024-03-12"),
    ("5 мая 2019 года", "2019-05-05"), ("29.02.2024", "2024-02-29"), ("01.12.98", "1998-12-01"),
])
func datesToISO(_ input: String, _ expected: String) {
    #expect(DateText.iso(input) == expected)
}

/// June and July in Russian words: their three-letter stems once matched only the bare stem.
@Test(arguments: [
    ("21 июля 2004 г.", "2004-07-21"), ("3 июня 2015 года", "2015-06-03"), ("1 июнь 2010", "2010-06-01"),
    ("2004 жылғы 21 шілде", "2004-07-21"), ("3 jun 2015", "2015-06-03"),
])
func juneAndJulyInWordsAreDates(_ input: String, _ expected: String) {
    #expect(DateText.iso(input) == expected)
}

@Test(arguments: ["29.02.2023", "32.01.2024", "12.13.2024", "наурыз", "вчера"])
func badDates(_ input: String) {
    #expect(DateText.iso(input) == nil)
}

@Test func emailsInstagramWebsites() {
    #expect(Email.isValid("aliya.s@mail.ru"))
    #expect(!Email.isValid("aliya@mail"))
    #expect(!Email.isValid("aliya mail.ru"))
    #expect(Email.normalise("<Volunteer@MKI.gov.kz>") == "volunteer@mki.gov.kz")
    #expect(Instagram.normalise("@qamqor_kz") == "@qamqor_kz")
    #expect(Instagram.normalise("https://www.instagram.com/Qamqor.kz/?hl=ru") == "@qamqor.kz")
    #expect(Instagram.normalise("bad handle") == nil)
    #expect(Website.normalise("qamqor.kz") == "https://qamqor.kz")
    #expect(Website.normalise("http://www.qamqor.kz/about") == "http://www.qamqor.kz/about")
    #expect(Website.normalise("not a site") == nil)
}

@Test func plausibleYearsAndCounts() {
    #expect(Plausible.birthYearProblem(1990, currentYear: 2025) == nil)
    #expect(Plausible.birthYearProblem(2015, currentYear: 2025) != nil)
    #expect(Plausible.birthYearProblem(1890, currentYear: 2025) != nil)
    #expect(Plausible.count("около 25 человек") == 25)
    #expect(Plausible.count("1 200") == 1200)
    #expect(Plausible.countProblem(0) != nil)
    #expect(Plausible.year("1990 ж.") == 1990)
}
