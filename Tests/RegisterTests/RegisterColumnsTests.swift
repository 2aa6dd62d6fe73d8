import Annex2
import Foundation
import Forms
import Intake
@testable import Register
import Testing

@Test func aVolunteerFillsColumnTwoWithPublicContactsOnly() {
    let columns = RegisterColumns(application: Sample.volunteer)
    #expect(columns.kind == .volunteer)
    #expect(columns.volunteer == "Ахметова Айгерим Сериковна")
    #expect(columns.groupLeader.isEmpty && columns.organizationHead.isEmpty && columns.coordinatorOrOrganizer.isEmpty)
    #expect(columns.contacts == RegisterContacts(email: "aigerim.vol@mail.kz", region: "г. Костанай"))
    #expect(columns.termination == nil)
}

@Test func aGroupFillsColumnThreeWithItsLeaderAndNotItsMembers() {
    let columns = RegisterColumns(application: Sample.group)
    #expect(columns.kind == .group)
    #expect(columns.groupLeader == "Сейітқали Нұрлан Бекұлы")
    #expect(columns.volunteer.isEmpty)
    #expect(columns.contacts == RegisterContacts(email: "jastar.tobi@gmail.com",
                                                 region: "Алматы облысы, Қарасай ауданы, Қаскелең қ."))
    #expect(!columns.json.contains("Сәрсенбаева"))
}

@Test func anOrganisationFillsColumnFourAndPublishesItsPhoneProgrammesAndActions() {
    let columns = RegisterColumns(application: Sample.organization)
    #expect(columns.kind == .organization)
    #expect(columns.organizationHead == "Ахметов Бауыржан Канатович")
    #expect(columns.organization == "Общественный фонд «Қамқор»")
    #expect(columns.contacts.phone == "+77172551234")
    #expect(columns.contacts.website == "https://qamqor.kz/volunteers")
    #expect(columns.programs == [RegisterActivity(
        name: "Дорога в школу", organizer: "ОФ «Қамқор»", goal: "Помочь детям из малообеспеченных семей подготовиться к школе",
        place: "г. Астана, районы Сарыарка и Байконур", time: "01.08.2026–31.08.2026", requirements: "Волонтеры старше 16 лет")])
    #expect(columns.actions.map(\.name) == ["Чистый берег"])
    #expect(columns.actions.first?.time == "20.09.2026, 10:00")
    #expect(columns.actions.first?.duration == "4 часа")

    let cells = columns.cells(.ru)
    #expect(cells.count == 10)
    #expect(cells[2] == "Ахметов Бауыржан Канатович (Общественный фонд «Қамқор»)")
    #expect(cells[4] == "info@qamqor.kz\nhttps://qamqor.kz/volunteers\nтел. +77172551234\nРегион: г. Астана")
    #expect(cells[5] == "Дорога в школу. Организатор: ОФ «Қамқор». Цель: Помочь детям из малообеспеченных семей подготовиться к школе")
    #expect(cells[7] == "1. Дорога в школу: г. Астана, районы Сарыарка и Байконур; 01.08.2026–31.08.2026\n"
                      + "2. Чистый берег: Набережная реки Есиль; 20.09.2026, 10:00; 4 часа")
    #expect(cells[8] == "1. Дорога в школу: Волонтеры старше 16 лет\n2. Чистый берег: Перчатки выдаются на месте")
    #expect(columns.cells(.kk)[5].contains("Ұйымдастырушы: ОФ «Қамқор». Мақсаты: "))
}

@Test func aCoordinatorFillsColumnFive() {
    let columns = RegisterColumns(application: Sample.coordinator)
    #expect(columns.kind == .coordinator)
    #expect(columns.coordinatorOrOrganizer == "Жумабаев Тимур Аскарович")
    #expect(columns.contacts == RegisterContacts(email: "t.zhumabayev@yandex.kz", region: "Астана"))
}

@Test func anOrganiserThatIsALegalEntityIsNamedByItsNameAndPublishesItsPhone() {
    let columns = RegisterColumns(application: Sample.organizerEntity)
    #expect(columns.kind == .organizer)
    #expect(columns.coordinatorOrOrganizer == "КГУ «Молодежный ресурсный центр» акимата Костанайской области")
    #expect(columns.contacts.phone == "+77142501020")
    #expect(columns.contacts.region == "Костанайская область")
    #expect(columns.actions.map(\.name) == ["Марафон добрых дел"])
}

@Test func anOrganiserWhoIsAPersonIsNamedAndKeepsTheirPhonePrivate() {
    let columns = RegisterColumns(application: Sample.organizerPerson)
    #expect(columns.coordinatorOrOrganizer == "Төлеуов Арман")
    #expect(columns.contacts == RegisterContacts(email: "arman.toleu@mail.ru",
                                                 region: "Ақмола облысы, Шортанды ауданы, Шортанды кенті"))
    #expect(columns.cells(.kk)[5] == "Таза ауыл. Мақсаты: Ауылды көгалдандыру")
}

@Test func terminationFillsColumnElevenInBothLanguagesAndChangesNothingElse() {
    let active = RegisterColumns(application: Sample.volunteer)
    let ended = active.terminated(on: "2026-02-01", note: "")
    #expect(active.termination(in: .kk).isEmpty)
    #expect(ended.termination(in: .kk) == "Волонтерлік қызмет тоқтатылды: 01.02.2026")
    #expect(ended.termination(in: .ru) == "Волонтерская деятельность прекращена: 01.02.2026")
    #expect(ended.cells(.ru)[9] == ended.termination(in: .ru))
    var back = ended
    back.termination = nil
    #expect(back == active)

    let noted = active.terminated(on: "2026-02-01", note: "уведомление от 28.01.2026")
    #expect(noted.termination(in: .ru) == "Волонтерская деятельность прекращена: 01.02.2026. уведомление от 28.01.2026")
    let row = RegisterRow(number: 4, columns: noted, createdAt: "2026-01-10", updatedAt: "2026-02-01")
    #expect(row.terminated)
    #expect(row.cells(.kk).first == "4")
    #expect(row.cells(.kk).count == 11)
}

@Test func aChangeNoticeReplacesWhatItStatesAndKeepsTheRest() {
    let registered = RegisterColumns(application: Sample.organization)
    let change = RegisterColumns(kind: .organization, organizationHead: "Серикова Алия Маратовна",
                                 contacts: RegisterContacts(email: "hello@qamqor.kz"),
                                 actions: [RegisterActivity(name: "чистый берег", place: "Парк «Арай»"),
                                           RegisterActivity(name: "Теплый дом", goal: "Помощь приютам")])
    let updated = registered.updated(with: change)
    #expect(updated.organizationHead == "Серикова Алия Маратовна")
    #expect(updated.organization == "Общественный фонд «Қамқор»")
    #expect(updated.contacts.email == "hello@qamqor.kz")
    #expect(updated.contacts.phone == "+77172551234")
    #expect(updated.programs == registered.programs)
    #expect(updated.actions.map(\.place) == ["Парк «Арай»", ""])
    #expect(updated.actions.map(\.name) == ["чистый берег", "Теплый дом"])
}

@Test func columnsRoundTripThroughTheirStoredJSON() throws {
    for row in Sample.rows {
        let text = row.columns.json
        let back = try #require(RegisterColumns(json: text))
        #expect(back == row.columns)
        #expect(back.json == text)
    }
    #expect(RegisterColumns(json: "not json") == nil)
    #expect(RegisterColumns(json: "[1, 2]") == nil)
    #expect(RegisterColumns(json: #"{"kind": "alien"}"#) == nil)
}

@Test func storedJSONHasSortedEnglishKeysAndToleratesMissingOnes() throws {
    let text = RegisterColumns(application: Sample.organization).json
    #expect(text.hasPrefix(#"{"actions":"#))
    #expect(text.contains(#""website":"https://qamqor.kz/volunteers""#))
    #expect(text.contains(#""termination":null"#))
    let sparse = try #require(RegisterColumns(json: #"{"kind":"group","groupLeader":"Иванов Иван","future":1}"#))
    #expect(sparse == RegisterColumns(kind: .group, groupLeader: "Иванов Иван"))
}

@Test func anApplicationWithoutAStatedKindIsFiledByWhatItGives() {
    var form = ExtractedForm()
    form.values = [.organizationName: "ТОО «Береке»", .email: "info@bereke.kz"]
    let organisation = RegisterColumns(application: Application.build(from: [("1", form)], now: 2026))
    #expect(organisation.kind == .organization)
    #expect(organisation.organization == "ТОО «Береке»")
    form.values = [.fullName: "Иванов Иван", .phone: "+7 701 555 09 09"]
    let person = RegisterColumns(application: Application.build(from: [("1", form)], now: 2026))
    #expect(person.kind == .volunteer)
    #expect(person.volunteer == "Иванов Иван")
    #expect(person.contacts.phone.isEmpty)
}

/// The stored columns are compared as text: the direct writer must write what Foundation's did.
@Test func columnsJSONIsByteForByteWhatJSONSerializationWrites() throws {
    let awkward = ["", "a/b\\c\"d", "\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}", "Қамқор «ОФ» — ё",
                   "\u{2028}\u{2029}\u{feff}😀", "https://qamqor.kz/volunteers?a=1&b=<2>", " trailing\n"]
    var random = SplitMix64Local(seed: 7)
    for round in 0..<200 {
        func text() -> String {
            if round < awkward.count * 3 { return awkward[(round + Int(random.next() % 3)) % awkward.count] }
            let length = Int(random.next() % 12)
            return String(String.UnicodeScalarView((0..<length).compactMap { _ in
                let pool: [ClosedRange<UInt32>] = [0...0x7F, 0x400...0x4FF, 0x2000...0x206F, 0x1F600...0x1F64F]
                return Unicode.Scalar(pool[Int(random.next() % 4)].randomElement(using: &random)!)
            }))
        }
        let activity = { RegisterActivity(name: text(), organizer: text(), goal: text(), place: text(), time: text(),
                                          duration: text(), requirements: text()) }
        let columns = RegisterColumns(
            kind: ApplicantKind.allCases[round % ApplicantKind.allCases.count], volunteer: text(), groupLeader: text(),
            organizationHead: text(), organization: text(), coordinatorOrOrganizer: text(),
            contacts: RegisterContacts(email: text(), website: text(), phone: text(), instagram: text(),
                                       whatsapp: text(), region: text()),
            programs: (0..<(round % 3)).map { _ in activity() }, actions: (0..<(round % 2)).map { _ in activity() },
            termination: round % 4 == 0 ? RegisterTermination(date: text(), note: text()) : nil)
        let foundation = try JSONSerialization.data(withJSONObject: columns.dictionary,
                                                    options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(columns.json == String(decoding: foundation, as: UTF8.self))
        #expect(RegisterColumns(json: columns.json) == columns)
    }
}

struct SplitMix64Local: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
