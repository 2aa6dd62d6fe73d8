import Cases
import Intake
import MIME
import Store
import Testing

private let monday = Letters.at("2026-02-02", 10, 0)

private func caseRecord(_ intake: Intake, _ id: String?) throws -> CaseRecord {
    let humanID = try #require(id)
    return try #require(try CaseBook(intake.database).find(humanID: humanID))
}

private func notices(_ intake: Intake, _ id: String?) throws -> [OutboxItem] {
    try Outbox(intake.database).items(caseID: try caseRecord(intake, id).id)
}

@Suite struct IntakeLifecycle {
    @Test func aCompleteApplicationIsAcceptedWithOneNoticeAndARegisterEntry() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let taken = try intake.take(Letters.letter(messageID: "a1@mail.ru", body: Letters.completeBody),
                                    path: "new/a1", arrivedAt: monday)
        #expect(taken.disposition == .opened)
        #expect(taken.caseID == "VR-2026-000001")
        #expect(taken.state == .accepted)
        let sent = try notices(intake, taken.caseID)
        #expect(sent.map(\.notice) == ["acceptance"])
        #expect(sent.first?.recipient == "vkim.kostanay@mail.ru")
        #expect(sent.first?.messageID == "notice-1.VR-2026-000001@mki.gov.kz")
        let notice = Message(bytes: sent[0].bytes)
        #expect(notice.inReplyTo == ["a1@mail.ru"])
        #expect(notice.subject?.contains("[VR-2026-000001]") == true)
        #expect(notice.header["Auto-Submitted"] == "auto-replied")
        let entries = try RegisterBook(intake.database).entries()
        #expect(entries.count == 1)
        #expect(entries.first?.columns.contains("670509312900") == false)
    }

    @Test func caseIDsAreNumberedPerYear() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let a = try intake.take(Letters.letter(messageID: "y1@x", body: "Вопрос: как подать заявку?"), path: "1",
                                arrivedAt: Letters.at("2026-12-31", 10, 0))
        let b = try intake.take(Letters.letter(from: "b@x.kz", messageID: "y2@x", body: "Вопрос?"), path: "2",
                                arrivedAt: Letters.at("2027-01-05", 10, 0))
        #expect(a.caseID == "VR-2026-000001")
        #expect(b.caseID == "VR-2027-000001")
    }

    @Test func anIncompleteApplicationGetsARefinementNamingTheFieldAndARunningTerm() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let taken = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        #expect(taken.state == .refinementRequested)
        let record = try caseRecord(intake, taken.caseID)
        #expect(record.snapshot.missing == ["iin"])
        // Three business days from Monday 2 February 2026: Thursday 5 February, close of business.
        #expect(record.snapshot.refinementDeadline == Letters.at("2026-02-05", 18, 0))
        let sent = try notices(intake, taken.caseID)
        #expect(sent.map(\.notice) == ["refinement"])
        let text = Message(bytes: sent[0].bytes).textParts.compactMap { $0.text()?.text }.joined()
        #expect(text.contains("ИИН") || text.contains("ЖСН"))
        #expect(text.contains("05.02.2026"))
        #expect(try CaseBook(intake.database).armedTimers(caseID: record.id).map(\.kind) == [.refinementDeadline])
    }

    @Test func aReplyToTheRefinementOnTheLastMinuteIsAcceptedInTheSameCase() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        let reply = try intake.take(Letters.letter(subject: "Re: [\(first.caseID!)] Уточнение", messageID: "r2@mail.ru",
                                                   inReplyTo: "notice-1.\(first.caseID!)@mki.gov.kz",
                                                   body: Letters.completeBody),
                                    path: "new/r2", arrivedAt: Letters.at("2026-02-05", 18, 0))
        #expect(reply.disposition == .resubmitted)
        #expect(reply.caseID == first.caseID)
        #expect(reply.state == .accepted)
        #expect(try notices(intake, first.caseID).map(\.notice) == ["refinement", "acceptance"])
        // The lapse timer was cancelled: firing everything later changes nothing.
        #expect(try intake.fireTimers(asOf: Letters.at("2026-03-01", 12, 0)).isEmpty)
    }

    @Test func aReplyOneMinuteLateIsRefusedAndFlagged() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        let late = try intake.take(Letters.letter(messageID: "r2@mail.ru", inReplyTo: "notice-1.\(first.caseID!)@mki.gov.kz",
                                                  body: Letters.completeBody),
                                   path: "new/r2", arrivedAt: Letters.at("2026-02-05", 18, 1))
        #expect(late.caseID == first.caseID)
        #expect(late.state == .refused)
        #expect(try caseRecord(intake, first.caseID).snapshot.flags == [.lateResubmission])
        #expect(try notices(intake, first.caseID).map(\.notice) == ["refinement", "refusal"])
    }

    @Test func aLapsedRefinementIsRefusedByItsTimerAfterARestart() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let first = try Letters.intake(folder).take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                                    path: "new/r1", arrivedAt: monday)
        // A new process on the same store, started long after the deadline.
        let restarted = try Letters.intake(folder)
        #expect(try restarted.fireTimers(asOf: Letters.at("2026-02-05", 17, 59)).isEmpty)
        let fired = try restarted.fireTimers(asOf: Letters.at("2026-02-20", 9, 0))
        #expect(fired.map(\.caseID) == [first.caseID])
        #expect(fired.first?.state == .refused)
        let events = try CaseBook(restarted.database).events(caseID: try caseRecord(restarted, first.caseID).id)
        #expect(events.last?.event.type == "refused")
        // The refusal is dated when the term lapsed, not when the daemon woke.
        #expect(events.last?.event.at == Letters.at("2026-02-05", 18, 0))
        #expect(try notices(restarted, first.caseID).map(\.notice) == ["refinement", "refusal"])
        #expect(try restarted.fireTimers(asOf: Letters.at("2026-03-20", 9, 0)).isEmpty)
    }

    @Test func aReviewTermCrossesNauryz() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder, policy: .review)
        let taken = try intake.take(Letters.letter(messageID: "n1@mail.ru", body: Letters.completeBody),
                                    path: "new/n1", arrivedAt: Letters.at("2026-03-19", 17, 0))
        #expect(taken.state == .underReview)
        // Thursday 19 March; 20 March works; 21-25 March are Nauryz days off (carry-over); then
        // 26, 27, 30 and 31 March: the fifth business day is Tuesday 31 March.
        #expect(try caseRecord(intake, taken.caseID).snapshot.reviewDeadline == Letters.at("2026-03-31", 18, 0))
        #expect(try notices(intake, taken.caseID).map(\.notice) == ["receipt"])
    }

    @Test func staffAreWarnedByFlagAndMailBeforeAReviewTermLapses() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        var settings = IntakeSettings(policy: .review)
        settings.staffAddress = MailAddress(localPart: "registry", domain: "mki.gov.kz")
        let intake = Intake(database: try Database(path: folder + "/tizilim.sqlite"), settings: settings)
        let taken = try intake.take(Letters.letter(messageID: "w1@mail.ru", body: Letters.completeBody),
                                    path: "new/w1", arrivedAt: monday)
        // Review by Monday 9 February 18:00; eight business hours before is that day, 10:00.
        #expect(try intake.fireTimers(asOf: Letters.at("2026-02-09", 9, 59)).isEmpty)
        let fired = try intake.fireTimers(asOf: Letters.at("2026-02-09", 10, 0))
        #expect(fired.first?.notices == ["staff-warning"])
        #expect(try caseRecord(intake, taken.caseID).snapshot.flags == [.reviewDeadlineNear])
        let mail = try #require(try notices(intake, taken.caseID).last)
        #expect(mail.recipient == "registry@mki.gov.kz")
        #expect(Message(bytes: mail.bytes).subject?.contains("09.02.2026 18:00") == true)
    }

    @Test func aRefinementTermCrossesNewYear() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let taken = try intake.take(Letters.letter(messageID: "ny@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/ny", arrivedAt: Letters.at("2026-12-30", 19, 0))
        // After hours on 30 December: received 31 December; 1, 2 January are holidays, 3-4 a
        // weekend, 7 January a day off: 5, 6 and 8 January.
        #expect(try caseRecord(intake, taken.caseID).snapshot.refinementDeadline == Letters.at("2027-01-08", 18, 0))
    }
}

@Suite struct IntakeRecognition {
    @Test func theSameBytesTwiceAreOneMessageAndOneCase() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let bytes = Letters.letter(messageID: "d1@mail.ru", body: Letters.completeBody)
        let first = try intake.take(bytes, path: "new/d1", arrivedAt: monday)
        let again = try intake.take(bytes, path: "new/d1-copy", arrivedAt: monday)
        #expect(again.disposition == .duplicate)
        #expect(again.caseID == first.caseID)
        #expect(try CaseBook(intake.database).list().count == 1)
        #expect(try notices(intake, first.caseID).count == 1)
    }

    @Test func theSameMessageIDFromTheSameSenderIsOneCaseEvenReencoded() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "d1@mail.ru", body: Letters.completeBody),
                                    path: "new/d1", arrivedAt: monday)
        let relayed = Letters.letter(messageID: "d1@mail.ru", extraHeaders: ["X-Relayed: yes"], body: Letters.completeBody)
        let again = try intake.take(relayed, path: "new/d2", arrivedAt: monday)
        #expect(again.disposition == .duplicate)
        #expect(again.caseID == first.caseID)
        #expect(try CaseBook(intake.database).list().count == 1)
        // Kept all the same: the store knows the second file, so it is never taken again.
        #expect(try MessageLog(intake.database).messages(caseID: try caseRecord(intake, first.caseID).id).count == 2)
    }

    @Test func anAutoReplyToANoticeIsRecordedAndAnsweredByNothing() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        let auto = Letters.letter(subject: "Автоответ: [\(first.caseID!)]", messageID: "oof@mail.ru",
                                  inReplyTo: "notice-1.\(first.caseID!)@mki.gov.kz",
                                  extraHeaders: ["Auto-Submitted: auto-replied"], body: "Я в отпуске до 20 февраля.")
        let taken = try intake.take(auto, path: "new/oof", arrivedAt: Letters.at("2026-02-02", 11, 0))
        #expect(taken.disposition == .automatic)
        #expect(taken.caseID == first.caseID)
        #expect(taken.state == .refinementRequested)
        #expect(try notices(intake, first.caseID).map(\.notice) == ["refinement"])
    }

    @Test func aBounceOfOurNoticeFlagsItsCaseAndIsNotAnswered() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(from: "dana@yandex.kzz", messageID: "b1@x", body: Letters.completeBody),
                                    path: "new/b1", arrivedAt: monday)
        let id = "notice-1.\(first.caseID!)@mki.gov.kz"
        let bounce = """
        From: Mail Delivery System <MAILER-DAEMON@mail.mki.gov.kz>
        To: volunteer@mki.gov.kz
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <bounce1@mail.mki.gov.kz>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        The mail system could not deliver your message.
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.mki.gov.kz

        Final-Recipient: rfc822; dana@yandex.kzz
        Action: failed
        Status: 5.1.2

        --B
        Content-Type: text/rfc822-headers

        From: volunteer@mki.gov.kz
        Message-ID: <\(id)>
        Subject: [\(first.caseID!)] notice

        --B--
        """
        let taken = try intake.take(Array(bounce.replacingNewlines().utf8), path: "new/bounce", arrivedAt: monday)
        #expect(taken.disposition == .bounce)
        #expect(taken.caseID == first.caseID)
        #expect(try caseRecord(intake, first.caseID).snapshot.flags == [.noticeBounced])
        #expect(try notices(intake, first.caseID).count == 1)
    }

    @Test func aQuestionOpensAClosedCaseFlaggedForStaffWithNoNotice() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let taken = try intake.take(Letters.letter(subject: "Вопрос", messageID: "q@x",
                                                   body: "Добрый день! Как зарегистрировать школьный отряд?"),
                                    path: "new/q", arrivedAt: monday)
        #expect(taken.state == .closed)
        #expect(try caseRecord(intake, taken.caseID).snapshot.flags == [.notAnApplication])
        #expect(try notices(intake, taken.caseID).isEmpty)
    }

    @Test func aBorrowedSubjectTagDoesNotPutDataInSomeoneElsesCase() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        let other = try intake.take(Letters.letter(from: "someone@else.kz", subject: "Re: [\(first.caseID!)]",
                                                   messageID: "o1@else.kz", body: Letters.completeBody),
                                    path: "new/o1", arrivedAt: monday)
        #expect(other.disposition == .opened)
        #expect(other.caseID != first.caseID)
        #expect(try caseRecord(intake, first.caseID).snapshot.state == .refinementRequested)
    }

    @Test func aFreshLetterFromTheSenderOfAnOpenRefinementContinuesIt() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let first = try intake.take(Letters.letter(messageID: "r1@mail.ru", body: Letters.bodyWithoutIIN),
                                    path: "new/r1", arrivedAt: monday)
        let fresh = try intake.take(Letters.letter(subject: "Анкета с ИИН", messageID: "r3@mail.ru", body: Letters.completeBody),
                                    path: "new/r3", arrivedAt: Letters.at("2026-02-03", 10, 0))
        #expect(fresh.disposition == .resubmitted)
        #expect(fresh.caseID == first.caseID)
        #expect(fresh.state == .accepted)
    }
}

@Suite struct CaseReferences {
    @Test func noticeIDsAndSubjectTagsNameCases() {
        #expect(CaseReference.caseID(inNoticeID: "<notice-12.VR-2026-000123@mki.gov.kz>") == "VR-2026-000123")
        #expect(CaseReference.caseID(inNoticeID: "notice-1.vr-2026-000001@mki.gov.kz") == "VR-2026-000001")
        #expect(CaseReference.caseID(inNoticeID: "CA+abc@mail.gmail.com") == nil)
        #expect(CaseReference.tags(in: "Re: Re: [VR-2026-000002] Уточнение [VR-2026-000009]") == ["VR-2026-000002", "VR-2026-000009"])
        #expect(CaseReference.tags(in: "[VR-2026-0001234] [VR-26-000001] [VR-2026-00001]").isEmpty)
    }

    @Test func aBounceNamesTheNoticeItReturns() {
        let report = """
        From: MAILER-DAEMON@x
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; x

        Final-Recipient: rfc822; a@b
        Action: failed

        --B
        Content-Type: message/rfc822

        Message-ID: <notice-2.VR-2026-000007@mki.gov.kz>
        Subject: x

        body
        --B--
        """
        let reference = CaseReference.find(in: Message(bytes: Array(report.replacingNewlines().utf8)))
        #expect(reference.noticeIDs == ["notice-2.VR-2026-000007@mki.gov.kz"])
        #expect(reference.caseIDs == ["VR-2026-000007"])
    }
}

@Suite struct SenderAuthenticity {
    @Test func aDMARCFailureStampedByOurServerHoldsAnOtherwiseCompleteApplication() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        var settings = IntakeSettings()
        settings.authservID = "mx.mki.gov.kz"
        let intake = Intake(database: try Database(path: folder + "/tizilim.sqlite"), settings: settings)
        let forged = Letters.letter(messageID: "f1@mail.ru", extraHeaders: [
            "Authentication-Results: mx.mki.gov.kz; spf=fail smtp.mailfrom=mail.ru; dmarc=fail header.from=mail.ru",
        ], body: Letters.completeBody)
        let taken = try intake.take(forged, path: "new/f1", arrivedAt: monday)
        #expect(taken.state == .underReview)
        #expect(try caseRecord(intake, taken.caseID).snapshot.flags == [.senderNotAuthenticated])
        // A letter with a header someone else wrote is judged on its content alone. (Another
        // applicant's: the same IIN as the case still open would be flagged a possible duplicate.)
        let vouched = Letters.letter(from: "other@mail.ru", messageID: "f2@mail.ru", extraHeaders: [
            "Authentication-Results: mx.mki.gov.kz; dmarc=pass header.from=mail.ru",
            "Authentication-Results: evil.example; dmarc=fail",
        ], body: asanov.form())
        #expect(try intake.take(vouched, path: "new/f2", arrivedAt: monday).state == .accepted)
    }

    @Test func aLetterClaimingOurOwnAddressIsNeverDecidedAutomatically() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder)
        let taken = try intake.take(Letters.letter(from: "volunteer@mki.gov.kz", messageID: "own@x", body: Letters.completeBody),
                                    path: "new/own", arrivedAt: monday)
        #expect(taken.state == .underReview)
        #expect(try caseRecord(intake, taken.caseID).snapshot.flags == [.senderNotAuthenticated])
        // And nothing is mailed to ourselves.
        #expect(try notices(intake, taken.caseID).allSatisfy { $0.state == .suppressed })
    }
}
