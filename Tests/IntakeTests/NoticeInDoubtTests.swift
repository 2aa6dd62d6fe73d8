import Cases
import Intake
import Mailbox
import Store
import TestRig
import Testing

/// A courier killed between handing a notice over and recording the outcome leaves its row
/// `sending`. Here the kill is simply the courier's work stopped half way (`claim` without an
/// outcome), and the next courier's `resolveInterrupted` is checked against the sent Maildir
/// and against a real SMTP server on loopback.
@Suite(.serialized) struct NoticesInDoubt {
    /// One letter taken into an accepted case with one acceptance notice queued.
    struct Site {
        let folder: String
        let intake: Intake
        let now: LocalDateTime
        var outbox: Outbox { Outbox(intake.database) }

        init() throws {
            folder = Letters.folder()
            let maildir = Maildir(path: folder + "/maildir")
            try maildir.create()
            let entry = try maildir.deliver(Letters.letter(messageID: "doubt1@mail.ru", body: Letters.completeBody))
            intake = try Letters.intake(folder)
            now = LocalDateTime(utcSeconds: entry.deliveredUTCSeconds + 60)
            _ = try IntakePass(maildir: maildir, intake: intake).run(now: now)
        }

        /// The one notice, claimed by a courier that then dies.
        func interruptedNotice() throws -> OutboxItem {
            let item = try #require(try outbox.due(asOf: now).first)
            #expect(try outbox.claim(id: item.id))
            #expect(try outbox.due(asOf: now).isEmpty, "a notice being sent is not due")
            return item
        }

        /// A courier of this site's notices, to a local Maildir or to an SMTP server.
        func courier(_ transport: NoticeCourier.Transport) -> NoticeCourier {
            NoticeCourier(intake: intake, transport: transport, envelopeFrom: "volunteer@mki.gov.kz")
        }

        func courier(smtp: SMTPServerProcess) throws -> NoticeCourier {
            courier(.smtp(try SMTPSender(server: SMTPServer(url: smtp.url))))
        }

        func state(_ item: OutboxItem) throws -> OutboxItem.State? {
            try outbox.find(messageID: item.messageID)?.state
        }

        func caseRecord(_ item: OutboxItem) throws -> CaseRecord {
            let caseID = try #require(item.caseID)
            return try #require(try CaseBook(intake.database).find(id: caseID))
        }

        func events(_ item: OutboxItem) throws -> [CaseEvent] {
            let caseID = try #require(item.caseID)
            return try CaseBook(intake.database).events(caseID: caseID).map(\.event)
        }
    }

    @Test func aNoticeWhoseFileIsInTheSentMaildirIsResolvedSentAndNotWrittenAgain() throws {
        let site = try Site()
        defer { Letters.remove(site.folder) }
        let sent = Maildir(path: site.folder + "/sent")
        try sent.create()
        let item = try site.interruptedNotice()
        // The file was delivered; the kill came before the row was marked sent.
        try sent.deliver(item.bytes, stem: NoticeCourier.fileStem(item))
        let courier = site.courier(.maildir(sent))
        let resolved = try courier.resolveInterrupted(now: site.now)
        #expect(resolved.map(\.fate) == [.sent])
        #expect(try site.state(item) == .sent)
        #expect(try courier.deliverDue(now: site.now).isEmpty)
        #expect(try sent.pending().count == 1)
        #expect(try site.caseRecord(item).snapshot.flags.isEmpty)
    }

    @Test func aNoticeWhoseFileIsNotThereIsQueuedAgainAndWrittenOnce() throws {
        let site = try Site()
        defer { Letters.remove(site.folder) }
        let sent = Maildir(path: site.folder + "/sent")
        try sent.create()
        let item = try site.interruptedNotice()
        let courier = site.courier(.maildir(sent))
        #expect(try courier.resolveInterrupted(now: site.now).map(\.fate) == [.requeued])
        #expect(try site.state(item) == .queued)
        #expect(try courier.deliverDue(now: site.now).map(\.result) == [.sent])
        #expect(try sent.holds(stem: NoticeCourier.fileStem(item)))
        #expect(try sent.pending().count == 1)
        // Nothing is left to resolve, and a second resolution changes nothing.
        #expect(try courier.resolveInterrupted(now: site.now).isEmpty)
        #expect(try site.state(item) == .sent)
    }

    @Test func theSentMaildirIsFoundInCurWithFlagsAndNotForAnotherNoticeOfTheSameRow() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let sent = Maildir(path: folder + "/sent")
        try sent.create()
        let bytes = Array("Subject: x\r\n\r\nx\r\n".utf8)
        let entry = try sent.deliver(bytes, stem: "1770000000.N7Habc")
        #expect(entry.name.hasPrefix("1770000000.N7Habc.") && entry.name.hasSuffix(",S=\(bytes.count)"))
        try sent.markTaken(entry)
        #expect(try sent.holds(stem: "1770000000.N7Habc"))
        #expect(try !sent.holds(stem: "1770000000.N7Habd"))
        #expect(try !sent.holds(stem: "1770000000.N7"))
    }

    @Test func withSMTPAnInterruptedNoticeIsInDoubtFlaggedAndNeverSentByTheMachine() throws {
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try Site()
        defer { Letters.remove(site.folder) }
        let item = try site.interruptedNotice()
        let courier = try site.courier(smtp: smtp)
        let resolved = try courier.resolveInterrupted(now: site.now)
        #expect(resolved.map(\.fate) == [.inDoubt])
        #expect(resolved.first?.caseID?.hasPrefix("VR-") == true)
        #expect(try site.state(item) == .inDoubt)
        #expect(try site.caseRecord(item).snapshot.flags == [.noticeInDoubt])
        #expect(try site.events(item).last == CaseEvent(type: "flagged", actor: CaseEvent.daemon, at: site.now,
                                                        reason: "notice-in-doubt"))
        // Not due now, nor days later, nor after another start.
        for days in [0, 1, 30] {
            let later = LocalDateTime(utcSeconds: site.now.utcSeconds + Int64(days) * 86_400)
            #expect(try courier.resolveInterrupted(now: later).isEmpty)
            #expect(try courier.deliverDue(now: later).isEmpty)
        }
        #expect(try Outbox(site.intake.database).nextAttempt() == nil)
        #expect(try smtp.allReceived().isEmpty)
    }

    @Test func resendQueuesTheNoticeAgainRecordsWhoAndLowersTheFlag() throws {
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try Site()
        defer { Letters.remove(site.folder) }
        let item = try site.interruptedNotice()
        let courier = try site.courier(smtp: smtp)
        _ = try courier.resolveInterrupted(now: site.now)
        let humanID = try site.caseRecord(item).humanID
        let later = LocalDateTime(utcSeconds: site.now.utcSeconds + 3600)
        let settled = try site.intake.settleNoticesInDoubt(.resent, caseID: humanID, actor: "aigerim", at: later).get()
        #expect(settled.messageIDs == [item.messageID])
        #expect(try site.state(item) == .queued)
        #expect(try site.caseRecord(item).snapshot.flags.isEmpty)
        #expect(try site.events(item).suffix(2) == [
            CaseEvent(type: "notice-resent", actor: "aigerim", at: later, reason: item.messageID),
            CaseEvent(type: "unflagged", actor: "aigerim", at: later, reason: "notice-in-doubt"),
        ])
        #expect(try courier.deliverDue(now: later).map(\.result) == [.sent])
        #expect(try smtp.allReceived().count == 1)
        // Nothing is in doubt any more: a second answer is refused and changes nothing.
        guard case .failure(let refusal) = try site.intake.settleNoticesInDoubt(.resent, caseID: humanID, actor: "aigerim",
                                                                                 at: later) else {
            Issue.record("a case with no notice in doubt was settled")
            return
        }
        #expect(refusal.reason == "no notice of \(humanID) is in doubt")
        #expect(try smtp.allReceived().count == 1)
    }

    @Test func confirmSentMarksTheNoticeSentRecordsWhoAndSendsNothing() throws {
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try Site()
        defer { Letters.remove(site.folder) }
        let item = try site.interruptedNotice()
        let courier = try site.courier(smtp: smtp)
        _ = try courier.resolveInterrupted(now: site.now)
        let humanID = try site.caseRecord(item).humanID
        let later = LocalDateTime(utcSeconds: site.now.utcSeconds + 600)
        _ = try site.intake.settleNoticesInDoubt(.confirmedSent, caseID: humanID, actor: "nurlan", at: later).get()
        let row = try #require(try site.outbox.find(messageID: item.messageID))
        #expect(row.state == .sent)
        #expect(row.sentAt == later)
        #expect(row.lastError == "confirmed sent by nurlan")
        #expect(try site.caseRecord(item).snapshot.flags.isEmpty)
        #expect(try site.events(item).suffix(2).map { "\($0.type) \($0.actor)" } == ["notice-confirmed-sent nurlan", "unflagged nurlan"])
        #expect(try courier.deliverDue(now: LocalDateTime(utcSeconds: later.utcSeconds + 86_400)).isEmpty)
        #expect(try smtp.allReceived().isEmpty)
    }

    @Test func theFateOfAnInterruptedNoticeIsWhatTheTransportCanTell() {
        #expect(NoticeCourier.fate(delivered: true) == .sent)
        #expect(NoticeCourier.fate(delivered: false) == .requeued)
        #expect(NoticeCourier.fate(delivered: nil) == .inDoubt)
    }
}
