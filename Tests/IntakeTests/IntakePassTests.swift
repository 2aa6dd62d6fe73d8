import Cases
import Intake
import Mailbox
import Store
import Testing

@Suite struct IntakePassOverAMaildir {
    @Test func takenMessagesMoveToCurAfterTheirCommitAndAreNeverTakenTwice() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let maildir = Maildir(path: folder + "/maildir")
        try maildir.create()
        let delivered = try maildir.deliver(Letters.letter(messageID: "s1@mail.ru", body: Letters.completeBody))
        _ = try maildir.deliver(Letters.letter(from: "q@x.kz", messageID: "s2@x", body: "Вопрос?"))
        let pass = IntakePass(maildir: maildir, intake: try Letters.intake(folder))
        let now = LocalDateTime(utcSeconds: delivered.deliveredUTCSeconds + 60)
        let lines = try pass.run(now: now)
        #expect(lines.map(\.outcome.disposition) == [.opened, .opened])
        #expect(try maildir.pending().isEmpty)
        #expect(try maildir.entries(in: .cur).count == 2)
        let stored = try MessageLog(pass.intake.database).messages(caseID: 1)
        #expect(stored.first?.maildirPath.contains("/cur/") == true)
        #expect(try pass.run(now: now).isEmpty)
    }

    @Test func aCrashBetweenCommitAndMoveIsHarmless() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let maildir = Maildir(path: folder + "/maildir")
        try maildir.create()
        let entry = try maildir.deliver(Letters.letter(messageID: "c1@mail.ru", body: Letters.completeBody))
        let intake = try Letters.intake(folder)
        // The commit happened, the daemon died before moving the file.
        _ = try intake.take(try maildir.read(entry), path: entry.path, arrivedAt: LocalDateTime(utcSeconds: entry.deliveredUTCSeconds))
        let lines = try IntakePass(maildir: maildir, intake: try Letters.intake(folder))
            .run(now: LocalDateTime(utcSeconds: entry.deliveredUTCSeconds + 60))
        #expect(lines.map(\.outcome.disposition) == [.duplicate])
        #expect(try maildir.pending().isEmpty)
        #expect(try CaseBook(intake.database).list().count == 1)
        #expect(try Outbox(intake.database).due(asOf: LocalDateTime(utcSeconds: entry.deliveredUTCSeconds + 60)).count == 1)
    }

    @Test func theCourierWritesNoticesIntoTheLocalMaildirOnce() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let maildir = Maildir(path: folder + "/maildir")
        try maildir.create()
        let sent = Maildir(path: folder + "/sent")
        try sent.create()
        let entry = try maildir.deliver(Letters.letter(messageID: "k1@mail.ru", body: Letters.completeBody))
        let intake = try Letters.intake(folder)
        let now = LocalDateTime(utcSeconds: entry.deliveredUTCSeconds + 60)
        _ = try IntakePass(maildir: maildir, intake: intake).run(now: now)
        let courier = NoticeCourier(intake: intake, transport: .maildir(sent), envelopeFrom: "volunteer@mki.gov.kz")
        #expect(try courier.deliverDue(now: now).map(\.result) == [.sent])
        #expect(try courier.deliverDue(now: now).isEmpty)
        #expect(try sent.pending().count == 1)
    }

    @Test func retriesBackOffFromAMinuteToSixHours() {
        #expect(NoticeCourier.backoffSeconds(attempt: 1) == 60)
        #expect(NoticeCourier.backoffSeconds(attempt: 2) == 120)
        #expect(NoticeCourier.backoffSeconds(attempt: 5) == 960)
        #expect(NoticeCourier.backoffSeconds(attempt: 40) == 6 * 3600)
    }
}

@Suite struct BadInput {
    @Test func bytesThatAreNoMessageBecomeAFlaggedCaseAndStayAsTheyWere() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let maildir = Maildir(path: folder + "/maildir")
        try maildir.create()
        // Fixed noise: random bytes decoded as windows-1251 text are Cyrillic words now and then,
        // and a run that drew a kind's name made this test fail once in a while.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let noise = (0..<4096).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let entry = try maildir.deliver(noise)
        let intake = try Letters.intake(folder)
        let lines = try IntakePass(maildir: maildir, intake: intake).run(now: LocalDateTime(utcSeconds: entry.deliveredUTCSeconds + 60))
        #expect(lines.count == 1)
        let taken = try #require(lines.first?.outcome)
        // No sender to answer, nothing decided: a closed case a person reads.
        #expect(taken.state == .closed)
        let caseID = try #require(taken.caseID)
        let record = try #require(try CaseBook(intake.database).find(humanID: caseID))
        #expect(record.snapshot.flags == [.notAnApplication])
        #expect(try Outbox(intake.database).items(caseID: record.id).allSatisfy { $0.state == .suppressed })
        let kept = try maildir.entries(in: .cur)
        #expect(kept.count == 1)
        #expect(try maildir.read(kept[0]) == noise)
    }
}
