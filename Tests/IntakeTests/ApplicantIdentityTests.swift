import Dates
import Foundation
import Cases
import Intake
import MIME
import Store
import Testing

// Whose letter it is, end to end on a real store: forwards from a regional office, several
// applicants in one letter, the same person from two addresses, the extended term.

private let monday = Letters.at("2026-02-02", 10, 0)
private let office = "akimat-taraz@mail.kz"

struct Person {
    let name: String, iin: String, year: Int, email: String

    func form(withIIN: Bool = true) -> String {
        """
        Прошу включить меня в реестр учета волонтерской деятельности (волонтер).
        Даю согласие на сбор и обработку моих персональных данных.

        Анкета волонтера
        ФИО: \(name)
        Год рождения: \(year)
        Место жительства: г. Тараз
        \(withIIN ? "ИИН: \(iin)\n" : "")Опыт волонтерской деятельности: с 2015 года помогаю в приюте.
        Контакты: +7 701 555 22 31, \(email)
        Виды деятельности: 5, 7
        Роль: 5) логист
        Удобное время: 1) отпуск/каникулы
        """
    }

    /// As Gmail forwards it inside the office's letter.
    func forwarded(withIIN: Bool = true) -> String {
        "---------- Forwarded message ---------\nFrom: \(name) <\(email)>\nDate: Mon, 2 Feb 2026 at 09:10\n"
            + "Subject: Анкета волонтера\nTo: <\(office)>\n\n" + form(withIIN: withIIN) + "\n\n"
    }
}

let asanov = Person(name: "Асанов Нурлан Серикович", iin: "901105300458", year: 1990, email: "nurlan.asanov@mail.kz")
let zhumabekova = Person(name: "Жумабекова Алия Маратовна", iin: "850312400128", year: 1985, email: "aliya.zh@gmail.com")
let kim = Person(name: "Ким Виктор Алексеевич", iin: "670509312900", year: 1967, email: "vkim.kostanay@mail.ru")

/// IINs of men born on 1 January 1990 whose check digit is right.
func validIINs(_ count: Int) -> [String] {
    var iins: [String] = []
    var candidate = 90010130000
    while iins.count < count {
        candidate += 1
        let digits = String(candidate).map { Int(String($0))! }
        var sum = zip(digits, 1...11).map(*).reduce(0, +) % 11
        if sum == 10 { sum = zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map(*).reduce(0, +) % 11 }
        if sum < 10 { iins.append(String(candidate) + String(sum)) }
    }
    return iins
}

private func caseRecord(_ intake: Intake, _ id: String?) throws -> CaseRecord {
    let humanID = try #require(id)
    return try #require(try CaseBook(intake.database).find(humanID: humanID))
}

private func notices(_ intake: Intake, _ id: String?) throws -> [OutboxItem] {
    try Outbox(intake.database).items(caseID: try caseRecord(intake, id).id)
}

private func officeLetter(_ id: String, body: String, inReplyTo: String? = nil, subject: String = "Заявка волонтера") -> [UInt8] {
    Letters.letter(from: office, subject: subject, messageID: id, inReplyTo: inReplyTo,
                   body: "Добрый день! Направляем заявку.\n\n" + body)
}

@Suite struct WhoseLetter {
    @Test func twoApplicantsForwardedByOneOfficeAreTwoCasesEachDecidedOnItsOwnData() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        // A's application lacks the IIN: a refinement, To A, the office in copy.
        let a = try intake.take(officeLetter("o1@mail.kz", body: asanov.forwarded(withIIN: false)), path: "new/o1", arrivedAt: monday)
        #expect(a.state == .refinementRequested)
        let refinement = try #require(try notices(intake, a.caseID).first)
        #expect(refinement.recipient == asanov.email)
        #expect(refinement.cc == [office])
        let mail = Message(bytes: refinement.bytes)
        #expect(mail.to.map(\.address) == [asanov.email])
        #expect(mail.cc.map(\.address) == [office])
        #expect(mail.inReplyTo == ["o1@mail.kz"], "threaded on the office's letter")

        // The office then forwards B, complete: B's own case, accepted; A untouched.
        let b = try intake.take(officeLetter("o2@mail.kz", body: zhumabekova.forwarded()), path: "new/o2",
                                arrivedAt: Letters.at("2026-02-02", 11, 0))
        #expect(b.disposition == .opened)
        #expect(b.caseID != a.caseID)
        #expect(b.state == .accepted)
        let aNow = try caseRecord(intake, a.caseID)
        #expect(aNow.snapshot.state == .refinementRequested)
        #expect(try MessageLog(intake.database).messages(caseID: aNow.id).count == 1)
        #expect(try notices(intake, b.caseID).map(\.recipient) == [zhumabekova.email])

        // A answers from her own address, without threading: the refinement is hers, accepted.
        let answer = try intake.take(Letters.letter(from: asanov.email, subject: "Анкета", messageID: "a2@mail.kz",
                                                    body: asanov.form()),
                                     path: "new/a2", arrivedAt: Letters.at("2026-02-03", 10, 0))
        #expect(answer.caseID == a.caseID)
        #expect(answer.state == .accepted)
        #expect(try RegisterBook(intake.database).entries().count == 2)
    }

    @Test func anOfficesLetterOnTheThreadOfAnotherApplicantsRefinementOpensItsOwnCase() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let a = try intake.take(officeLetter("o1@mail.kz", body: asanov.forwarded(withIIN: false)), path: "new/o1", arrivedAt: monday)
        // Replying to A's refinement notice, the office sends B's application instead.
        let b = try intake.take(officeLetter("o2@mail.kz", body: zhumabekova.forwarded(),
                                             inReplyTo: "notice-1.\(a.caseID!)@mki.gov.kz", subject: "Re: [\(a.caseID!)] Заявка"),
                                path: "new/o2", arrivedAt: Letters.at("2026-02-02", 12, 0))
        #expect(b.disposition == .opened)
        #expect(b.caseID != a.caseID)
        #expect(try caseRecord(intake, a.caseID).snapshot.state == .refinementRequested)
        // The office's own reply with A's IIN on the same thread is A's refinement.
        let fix = try intake.take(officeLetter("o3@mail.kz", body: asanov.forwarded(),
                                               inReplyTo: "notice-1.\(a.caseID!)@mki.gov.kz", subject: "Re: [\(a.caseID!)] Заявка"),
                                  path: "new/o3", arrivedAt: Letters.at("2026-02-03", 9, 30))
        #expect(fix.caseID == a.caseID)
        #expect(fix.state == .accepted)
        #expect(try CaseBook(intake.database).casesHoldingSeveralIdentities().isEmpty)
    }

    @Test func anOfficeLetterWithThreeFormsOpensThreeCasesSharingTheLetter() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let body = "1. " + asanov.form() + "\n\n2. " + zhumabekova.form() + "\n\n3. " + kim.form()
        let taken = try intake.take(Letters.letter(from: office, subject: "Анкеты", messageID: "three@mail.kz", body: body),
                                    path: "new/three", arrivedAt: monday)
        #expect(taken.applicantCases.count == 3)
        let log = MessageLog(intake.database)
        for (person, id) in zip([asanov, zhumabekova, kim], taken.applicantCases) {
            let record = try caseRecord(intake, id)
            #expect(record.snapshot.state == .accepted, "\(id)")
            #expect(record.snapshot.flags.isEmpty)
            let letters = try log.messages(caseID: record.id)
            #expect(letters.map(\.messageID) == ["three@mail.kz"])
            #expect(letters.first?.application?.contains(person.iin) == true)
            let sent = try notices(intake, id)
            #expect(sent.map(\.recipient) == [person.email])
            #expect(sent.first?.cc == [office])
        }
        #expect(try RegisterBook(intake.database).entries().count == 3)
        // Read again (after a parser upgrade), each case's part of the letter is still its own.
        let folderPath = folder + "/three.eml"
        #expect(FileManager.default.createFile(atPath: folderPath, contents: Data(Letters.letter(
            from: office, subject: "Анкеты", messageID: "three@mail.kz", body: body))))
        try intake.database.query("UPDATE messages SET maildir_path = ?", [.text(folderPath)])
        for id in taken.applicantCases {
            let reread = try intake.reparse(caseID: id, actor: "a.nurlanova", at: Letters.at("2026-02-03", 10, 0)).get()
            #expect(reread.allSatisfy { $0.changes.isEmpty && $0.problem == nil }, "\(id): \(reread)")
        }
        #expect(try log.find(messageID: "three@mail.kz", sender: office) != nil, "one letter, recorded once")
    }

    @Test func theSameIINFromASecondAddressIsLinkedAndFlagged() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder, policy: .review)
        let first = try intake.take(Letters.letter(from: kim.email, messageID: "k1@mail.ru", body: kim.form()),
                                    path: "new/k1", arrivedAt: monday)
        let second = try intake.take(Letters.letter(from: "viktor.kim@gmail.com", messageID: "k2@gmail.com", body: kim.form()),
                                     path: "new/k2", arrivedAt: Letters.at("2026-02-02", 11, 0))
        #expect(second.caseID != first.caseID)
        let record = try caseRecord(intake, second.caseID)
        #expect(record.snapshot.flags.contains(.duplicateApplicant))
        let links = try CaseLinks(intake.database).links(caseID: record.id)
        #expect(links.map(\.otherHumanID) == [first.caseID])
        #expect(links.first?.kind == .possibleDuplicate)
        #expect(try CaseLinks(intake.database).links(caseID: try caseRecord(intake, first.caseID).id).map(\.otherHumanID)
                == [second.caseID])
        // The same letter re-sent from the first address while under review continues its case.
        let again = try intake.take(Letters.letter(from: kim.email, messageID: "k3@mail.ru", body: kim.form()),
                                    path: "new/k3", arrivedAt: Letters.at("2026-02-02", 12, 0))
        #expect(again.caseID == first.caseID)
        #expect(again.disposition == .resubmitted)
    }

    @Test func theDailyNoticeLimitCountsPerApplicantNotPerForwardingOffice() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        // Twelve people's applications from one office in one day: over the 10-per-sender limit.
        let iins = validIINs(12)
        let names = ["Абаев Ерлан", "Бекова Дана", "Габитов Арман", "Даулетова Жанар", "Ермеков Серик", "Жаксылыков Бауыржан",
                     "Избасаров Нурбол", "Касымова Айгерим", "Лукпанов Мурат", "Мукашева Асель", "Нуртаев Канат", "Оспанова Гульнар"]
        for (n, iin) in iins.enumerated() {
            let person = Person(name: names[n], iin: iin, year: 1990, email: "person\(n)@mail.kz")
            let taken = try intake.take(officeLetter("many\(n)@mail.kz", body: person.forwarded()), path: "new/m\(n)",
                                        arrivedAt: Letters.at("2026-02-02", 10, n))
            #expect(taken.notices == ["acceptance"], "\(n): \(taken.notices)")
        }
        #expect(try Outbox(intake.database).count(recipient: office, since: monday) == 0, "the office is in copy, not To")
    }

    @Test func anExtendedRefinementTermIsToldOnceOnTheRefinementsThread() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let a = try intake.take(Letters.letter(from: kim.email, messageID: "t1@mail.ru", body: kim.form(withIIN: false)),
                                path: "new/t1", arrivedAt: monday)
        #expect(a.state == .refinementRequested)
        // A decree makes Wednesday 4 February a day off: the term moves from Thursday to Friday.
        var settings = intake.settings
        settings.calendar = BusinessCalendar(overrides: CalendarOverrides(entries: [.init(date: CivilDate(iso: "2026-02-04")!, kind: .off)]))
        let decreed = Intake(database: intake.database, settings: settings)
        let extended = try decreed.recountRefinementTerms(at: Letters.at("2026-02-03", 9, 0))
        #expect(extended.count == 1)
        #expect(try decreed.recountRefinementTerms(at: Letters.at("2026-02-03", 10, 0)).isEmpty)
        let sent = try notices(intake, a.caseID)
        #expect(sent.map(\.notice) == ["refinement", "term-extended"])
        let told = Message(bytes: sent[1].bytes)
        #expect(told.inReplyTo == [sent[0].messageID])
        let text = told.textParts.compactMap { $0.text()?.text }.joined()
        #expect(text.contains("06.02.2026"))
        #expect(sent[1].recipient == kim.email)
    }

    @Test func mergeAndSplitAreRecordedWithTheActorReversibleAndRefusedAcrossTwoIINs() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder, policy: .review)
        let first = try intake.take(Letters.letter(from: kim.email, messageID: "m1@mail.ru", body: kim.form()),
                                    path: "new/m1", arrivedAt: monday)
        let second = try intake.take(Letters.letter(from: "viktor.kim@gmail.com", messageID: "m2@gmail.com", body: kim.form()),
                                     path: "new/m2", arrivedAt: Letters.at("2026-02-02", 11, 0))
        let other = try intake.take(Letters.letter(from: asanov.email, messageID: "m3@mail.kz", body: asanov.form()),
                                    path: "new/m3", arrivedAt: Letters.at("2026-02-02", 11, 30))
        let noon = Letters.at("2026-02-02", 12, 0)
        // Two people are never one case.
        guard case .failure(let refusal) = try intake.merge(into: first.caseID!, from: other.caseID!, actor: "a.nurlanova", at: noon)
        else { Issue.record("merging two IINs was allowed"); return }
        #expect(refusal.reason.contains("different IINs"))

        let merged = try intake.merge(into: first.caseID!, from: second.caseID!, actor: "a.nurlanova", at: noon).get()
        #expect(merged.messages == 1)
        let book = CaseBook(intake.database), log = MessageLog(intake.database)
        let a = try caseRecord(intake, first.caseID), b = try caseRecord(intake, second.caseID)
        #expect(b.snapshot.state == .closed)
        #expect(try book.armedTimers(caseID: b.id).isEmpty)
        #expect(try log.messages(caseID: a.id).map(\.messageID) == ["m1@mail.ru", "m2@gmail.com"])
        #expect(try book.events(caseID: b.id).last.map { ($0.event.type, $0.event.actor) } ?? ("", "") == ("merged-into", "a.nurlanova"))
        #expect(try book.events(caseID: a.id).last.map { ($0.event.type, $0.event.actor) } ?? ("", "") == ("merged", "a.nurlanova"))

        // Undone by a split, by another officer: the letter is a case of its own again.
        let split = try intake.split(first.caseID!, message: "m2@gmail.com", actor: "b.serikov", at: Letters.at("2026-02-02", 13, 0)).get()
        let c = try caseRecord(intake, split.otherCaseID)
        #expect(c.snapshot.state == .underReview)
        #expect(try log.messages(caseID: c.id).map(\.messageID) == ["m2@gmail.com"])
        #expect(try log.messages(caseID: a.id).map(\.messageID) == ["m1@mail.ru"])
        #expect(try book.events(caseID: a.id).last?.event.actor == "b.serikov")
        #expect(try Outbox(intake.database).items(caseID: c.id).isEmpty, "a split sends nothing")
        let kinds = try CaseLinks(intake.database).links(caseID: a.id).map(\.kind)
        #expect(kinds.contains(.merged) && kinds.contains(.split))
        #expect(try book.casesHoldingSeveralIdentities().isEmpty)
    }

    @Test func oneSendersForwardsCannotMakeUsMailMoreThanTenApplicantsLimitsOfStrangersADay() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        var settings = IntakeSettings()
        settings.maxNoticesPerSenderPerDay = 1
        let intake = Intake(database: try Database(path: folder + "/tizilim.sqlite"), settings: settings)
        for (n, iin) in validIINs(11).enumerated() {
            let person = Person(name: "Заявитель Номер\(String(repeating: "а", count: n + 1))", iin: iin, year: 1990,
                                email: "stranger\(n)@mail.kz")
            let taken = try intake.take(officeLetter("cap\(n)@mail.kz", body: person.forwarded()), path: "new/c\(n)",
                                        arrivedAt: Letters.at("2026-02-02", 10, n))
            if n < 10 {
                #expect(taken.notices == ["acceptance"], "\(n): \(taken.notices)")
            } else {
                #expect(taken.notices.first?.contains("suppressed: more than 10 notices about applicants forwarded by") == true,
                        "\(taken.notices)")
            }
        }
    }
}
