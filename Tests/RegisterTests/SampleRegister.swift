import Annex2
import Forms
import Intake
import Register

/// Applications of every kind, read through `Application.build` as the daemon reads them, and the
/// register they make. The private data in them are distinctive strings the privacy tests search for.
enum Sample {
    /// A valid IIN or BIN from its first 11 digits (domain.md: weights 1…11, then 3…11,1,2).
    static func withCheckDigit(_ eleven: String) -> String {
        let digits = eleven.compactMap(\.wholeNumberValue)
        var sum = zip(digits, 1...11).map { $0 * $1 }.reduce(0, +) % 11
        if sum == 10 { sum = zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map { $0 * $1 }.reduce(0, +) % 11 }
        return eleven + String(sum)
    }

    static let volunteerIIN = withCheckDigit("87031545012")
    static let coordinatorIIN = withCheckDigit("91112035077")
    static let leaderIIN = withCheckDigit("92060235033")
    static let organizerIIN = withCheckDigit("78120945066")
    static let organizationBIN = "940140000385"
    static let organizerBIN = withCheckDigit("15044000123")

    /// Strings that must never be published, in any format or language.
    static let secrets = [
        volunteerIIN, coordinatorIIN, leaderIIN, organizerIIN, organizationBIN, organizerBIN,
        "1987", "1991", "1992", "1978",                      // birth years
        "5550199", "555 01 99", "5550288", "5550377", "7029990011", "5550466",  // private phones and WhatsApp
        "Жамбыла", "117", "кв. 48", "Райымбек", "Мәңгілік", "Ленина", "aigerim_vol",  // home addresses, private Instagram
        "Сәрсенбаева Дана", "Оспанов Ерлан",                // a group's members
        "без опыта", "тәжірибесі бар",                       // experience is not an Annex 1 column
    ]

    static func application(_ kind: ApplicantKind, language: String = "ru", _ values: [FormField: String],
                            members: [String] = [], programs: [[String: String]] = [], actions: [[String: String]] = []) -> Application {
        var form = ExtractedForm()
        form.forms = [kind.questionnaire]
        form.titleKinds = [kind]
        form.language = language
        form.values = values
        form.members = members
        form.programs = programs
        form.actions = actions
        form.activityTypes = [1, 6]
        form.consent = true
        return Application.build(from: [("1", form)], now: 2026)
    }

    static let volunteer = application(.volunteer, [
        .fullName: "Ахметова Айгерим Сериковна", .birthYear: "1987", .iin: volunteerIIN,
        .residence: "г. Костанай, ул. Жамбыла Жабаева 117, кв. 48", .experience: "без опыта",
        .phone: "8 701 555 01 99", .whatsapp: "+7 702 999 00 11", .instagram: "@aigerim_vol", .email: "aigerim.vol@mail.kz",
    ])

    static let group = application(.group, language: "kk", [
        .fullName: "Сейітқали Нұрлан Бекұлы", .birthYear: "1992", .iin: leaderIIN,
        .residence: "Алматы облысы, Қарасай ауданы, Қаскелең қ., Райымбек көшесі 12", .experience: "тәжірибесі бар",
        .phone: "+7 705 555 02 88", .email: "jastar.tobi@gmail.com",
    ], members: ["Сәрсенбаева Дана", "Оспанов Ерлан"])

    static let organization = application(.organization, [
        .organizationName: "Общественный фонд «Қамқор»", .registrationDate: "12.03.2015", .bin: organizationBIN,
        .headName: "Ахметов Бауыржан Канатович", .volunteerCount: "120",
        .phone: "+7 7172 55 12 34", .email: "info@qamqor.kz", .website: "https://qamqor.kz/volunteers",
        .residence: "г. Астана",
    ], programs: [[
        "name": "Дорога в школу", "organizer": "ОФ «Қамқор»", "goal": "Помочь детям из малообеспеченных семей подготовиться к школе",
        "tasks": "Сбор канцтоваров", "place": "г. Астана, районы Сарыарка и Байконур", "period": "01.08.2026–31.08.2026",
        "requirements": "Волонтеры старше 16 лет", "participants": "40",
    ]], actions: [[
        "name": "Чистый берег", "organizer": "ОФ «Қамқор»", "goal": "Уборка берега Есиля",
        "dateTime": "20.09.2026, 10:00", "place": "Набережная реки Есиль", "duration": "4 часа",
        "requirements": "Перчатки выдаются на месте",
    ]])

    static let coordinator = application(.coordinator, [
        .fullName: "Жумабаев Тимур Аскарович", .birthYear: "1991", .iin: coordinatorIIN,
        .residence: "Астана, пр. Мәңгілік Ел 55, кв. 12", .coordinatorExperience: "3 года", .coordinatedCount: "25",
        .phone: "+7 701 555 03 77", .email: "t.zhumabayev@yandex.kz",
    ])

    static let organizerEntity = application(.organizer, [
        .organizationName: "КГУ «Молодежный ресурсный центр» акимата Костанайской области", .bin: organizerBIN,
        .registrationDate: "04.2015", .fullName: "Ким Ольга Викторовна", .phone: "+7 7142 50 10 20",
        .email: "mrc@kostanay.gov.kz", .website: "mrc-kostanay.kz", .residence: "Костанайская область",
    ], actions: [[
        "name": "Марафон добрых дел", "organizer": "Молодежный ресурсный центр", "goal": "Помощь пожилым людям",
        "dateTime": "1–31 октября 2026", "place": "Все районы Костанайской области", "requirements": "Возраст от 14 лет",
    ]])

    static let organizerPerson = application(.organizer, language: "kk", [
        .fullName: "Төлеуов Арман", .birthYear: "1978", .iin: organizerIIN,
        .residence: "Ақмола облысы, Шортанды ауданы, Шортанды кенті, Ленина көшесі 3",
        .phone: "8 (701) 555-04-66", .email: "arman.toleu@mail.ru",
    ], programs: [[
        "name": "Таза ауыл", "goal": "Ауылды көгалдандыру", "place": "Шортанды кенті, саябақ", "period": "мамыр–маусым 2026",
    ]])

    static let applications = [volunteer, group, organization, coordinator, organizerEntity, organizerPerson]

    /// The register of all six, the coordinator's entry terminated.
    static let rows: [RegisterRow] = applications.enumerated().map { index, application in
        var columns = RegisterColumns(application: application)
        if application.kind == .coordinator { columns = columns.terminated(on: "2026-02-01", note: "") }
        return RegisterRow(number: index + 1, columns: columns, createdAt: "2026-01-1\(index)", updatedAt: "2026-02-0\(index + 1)")
    }

    static let updated = "2026-02-06T10:15:00+05:00"
}
