import Dates
import Testing
@testable import Store
import Cases

// What the store keeps of whose case it is: addresses, letters of several applicants, links,
// the IINs a case's letters name, the daily notice count per applicant.

private let t0 = LocalDateTime(date: CivilDate(iso: "2026-12-07")!, hour: 10, minute: 0)

private func openCase(_ book: CaseBook, replyTo: String?, applicantID: Int64? = nil) throws -> CaseRecord {
    let transition = try CaseMachine.apply(.opened(intent: .application, assessment: Assessment(outcome: .unreadable), at: t0,
                                                   hasRegisterEntry: false),
                                           to: .unopened, policy: .review, calendar: BusinessCalendar()).get()
    return try book.open(transition, at: t0, kind: "volunteer", language: "ru", replyTo: replyTo, applicantID: applicantID)
}

private func reading(iin: String?, name: String) -> String {
    #"{"kind":"volunteer","fields":{"fullName":"\#(name)"\#(iin.map { #","iin":"\#($0)""# } ?? "")}}"#
}

@Suite struct ApplicantStore {
    @Test func aLetterOfTwoApplicantsIsInBothCasesWithEachOnesReading() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let book = CaseBook(db), log = MessageLog(db)
        let a = try openCase(book, replyTo: "one@mail.kz"), b = try openCase(book, replyTo: "two@mail.kz")
        let letter = try log.insert(sha256: "x", messageID: "m@x", sender: "office@akimat.kz", subject: "s", maildirPath: "/m",
                                    size: 1, receivedAt: t0, caseID: a.id, disposition: "opened",
                                    application: reading(iin: "901105300458", name: "Асанов"))
        try log.attach(messageID: letter.id, caseID: a.id, applicant: 1, application: reading(iin: "901105300458", name: "Асанов"))
        try log.attach(messageID: letter.id, caseID: b.id, applicant: 2, application: reading(iin: "850312400128", name: "Жумабекова"))
        #expect(try log.messages(caseID: a.id).map(\.id) == [letter.id])
        #expect(try log.messages(caseID: b.id).first?.application?.contains("Жумабекова") == true)
        #expect(try book.identityNumbers(caseID: b.id).iins == ["850312400128"])
        #expect(try book.casesHoldingSeveralIdentities().isEmpty)

        // B's own later letter moved into A makes A hold two IINs: doctor finds it.
        let later = try log.insert(sha256: "y", messageID: "m2@x", sender: "two@mail.kz", subject: "s", maildirPath: "/m2",
                                   size: 1, receivedAt: t0, caseID: b.id, disposition: "resubmitted",
                                   application: reading(iin: "850312400128", name: "Жумабекова"))
        try log.move(messageIDs: [later.id], from: b.id, to: a.id)
        #expect(try log.messages(caseID: b.id).map(\.id) == [letter.id])
        #expect(try log.messages(caseID: a.id).map(\.id) == [letter.id, later.id])
        let several = try book.casesHoldingSeveralIdentities()
        #expect(several.map(\.humanID) == [a.humanID])
        #expect(several.first?.numbers.count == 2)
    }

    @Test func openCasesAreFoundByTheApplicantsOrTheOfficesAddress() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let book = CaseBook(db)
        let a = try openCase(book, replyTo: "office@akimat.kz")
        try book.setAddresses(caseID: a.id, applicant: "Nurlan@Mail.kz", office: "Office@Akimat.kz")
        _ = try openCase(book, replyTo: "other@mail.kz")
        #expect(try book.openCases(writtenFrom: ["OFFICE@akimat.kz"]).map(\.id) == [a.id])
        #expect(try book.openCases(writtenFrom: ["nurlan@mail.kz"]).map(\.id) == [a.id])
        #expect(try book.find(id: a.id)?.replyTo == "nurlan@mail.kz")
        #expect(try book.officeAddress(caseID: a.id) == "office@akimat.kz")
    }

    @Test func casesSharingAnIINAreFoundAndLinkedBothWays() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let book = CaseBook(db), register = RegisterBook(db), links = CaseLinks(db)
        let who = ApplicantIdentity(kind: "volunteer", fullName: "Асанов Нурлан", iin: "901105300458")
        let a = try openCase(book, replyTo: "one@mail.kz", applicantID: try register.applicant(who))
        let b = try openCase(book, replyTo: "two@mail.kz", applicantID: try register.applicant(who))
        #expect(try book.cases(sharingIIN: "901105300458", bin: nil, excluding: b.id).map(\.id) == [a.id])
        try links.link(b.id, to: a.id, kind: .possibleDuplicate, reason: "the same IIN", actor: "daemon", at: t0)
        #expect(try links.links(caseID: b.id).map(\.otherHumanID) == [a.humanID])
        #expect(try links.links(caseID: a.id).first?.outgoing == false)
        #expect(try links.duplicates()[a.humanID] == [b.humanID])
    }

    @Test func theDailyNoticeCountIsPerApplicantAndKeepsTheCopyAddress() throws {
        let (db, path) = try temporaryStore()
        defer { removeStore(path) }
        let book = CaseBook(db), register = RegisterBook(db), outbox = Outbox(db)
        let one = try register.applicant(ApplicantIdentity(iin: "901105300458"))
        let two = try register.applicant(ApplicantIdentity(iin: "850312400128"))
        let a = try openCase(book, replyTo: "office@akimat.kz", applicantID: one)
        let b = try openCase(book, replyTo: "office@akimat.kz", applicantID: two)
        try outbox.enqueue(caseID: a.id, notice: "receipt", recipient: "nurlan@mail.kz", messageID: "n1", bytes: [1], at: t0,
                           cc: ["office@akimat.kz"])
        try outbox.enqueue(caseID: b.id, notice: "receipt", recipient: "aliya@mail.kz", messageID: "n2", bytes: [1], at: t0)
        #expect(try outbox.count(applicantID: one, since: t0) == 1)
        #expect(try outbox.count(caseID: b.id, since: t0) == 1)
        #expect(try outbox.find(messageID: "n1")?.cc == ["office@akimat.kz"])
        #expect(try outbox.find(messageID: "n2")?.cc == [])
    }
}
