import Dates
import Cases
import Foundation
import Glibc
import Store
import TestRig
import Testing
@testable import CLI

/// A site run by `tizilim serve --once --now …`, in-process, with a real Maildir and store:
/// each `serve` is the daemon started at that moment after being stopped since the last one.
private struct ClockSite {
    let scratch = Scratch()
    let extra: [String]

    init(_ extra: [String] = []) {
        self.extra = extra
        scratch.maildir("maildir")
    }

    var flags: [String] {
        ["--maildir", scratch.path + "/maildir", "--store", scratch.path + "/tizilim.sqlite",
         "--sent", scratch.path + "/sent", "--publish-dir", scratch.path + "/publish"] + extra
    }

    /// A letter that arrived in `new/` at `arrived` (its file's modification time, as an MTA leaves it).
    func deliver(_ name: String, _ bytes: [UInt8], arrived: LocalDateTime) {
        let path = scratch.path + "/maildir/new/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        var times = [timespec(tv_sec: Int(arrived.utcSeconds), tv_nsec: 0), timespec(tv_sec: Int(arrived.utcSeconds), tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    /// One pass at `now`; returns its status, its summary line and its log.
    @discardableResult
    func serve(_ now: String) -> (status: Int32, out: String, err: String) {
        run(["serve", "--once", "--now", now] + flags)
    }

    func store() throws -> Database { try Database(path: scratch.path + "/tizilim.sqlite") }

    /// The case's history as "type reason at" lines, oldest first.
    func events(_ humanID: String) throws -> [String] {
        try store().query("""
            SELECT e.type, coalesce(e.reason, ''), e.at FROM events e JOIN cases c ON c.id = e.case_id
            WHERE c.human_id = ? ORDER BY e.id
            """, [.text(humanID)]).map { "\($0.text(0)!) \($0.text(1)!) @ \(LocalDateTime(utcSeconds: $0.int(2)!))" }
    }

    func state(_ humanID: String) throws -> String? {
        try store().query("SELECT state FROM cases WHERE human_id = ?", [.text(humanID)]).first?.text(0)
    }

    func deadline(_ column: String, _ humanID: String) throws -> String? {
        try store().query("SELECT \(column) FROM cases WHERE human_id = ?", [.text(humanID)]).first?.int(0)
            .map { LocalDateTime(utcSeconds: $0).description }
    }

    /// The notices queued for the case, by kind, oldest first.
    func notices(_ humanID: String) throws -> [String] {
        try store().query("""
            SELECT o.notice FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.human_id = ? ORDER BY o.id
            """, [.text(humanID)]).map { $0.text(0)! }
    }

    /// Armed timers of the case as "kind @ due".
    func armed(_ humanID: String) throws -> [String] {
        try store().query("""
            SELECT t.kind, t.due_at FROM timers t JOIN cases c ON c.id = t.case_id
            WHERE c.human_id = ? AND t.fired_at IS NULL AND t.cancelled_at IS NULL ORDER BY t.due_at
            """, [.text(humanID)]).map { "\($0.text(0)!) @ \(LocalDateTime(utcSeconds: $0.int(1)!))" }
    }

    func refinementNoticeID(_ humanID: String) throws -> String {
        try store().query("""
            SELECT o.message_id FROM outbox o JOIN cases c ON c.id = o.case_id
            WHERE c.human_id = ? AND o.notice = 'refinement' ORDER BY o.id DESC LIMIT 1
            """, [.text(humanID)]).first?.text(0) ?? "?"
    }

    /// Everything a clock must never change behind our back: cases, events, timers, notices,
    /// and each message's arrival time.
    func everything() throws -> [String] {
        let db = try store()
        var rows: [String] = []
        for (sql, columns) in [("SELECT human_id, state, flags, review_deadline, refinement_deadline FROM cases ORDER BY id", 5),
                               ("SELECT id, case_id, type, at, reason FROM events ORDER BY id", 5),
                               ("SELECT id, case_id, kind, due_at, fired_at, cancelled_at FROM timers ORDER BY id", 6),
                               ("SELECT id, case_id, notice, state FROM outbox ORDER BY id", 4),
                               ("SELECT sha256, received_at FROM messages ORDER BY id", 2)] {
            rows += try db.query(sql).map { row in
                (0..<columns).map { "\(row.int($0).map(String.init) ?? row.text($0) ?? "-")" }.joined(separator: "|")
            }
        }
        return rows
    }

    func remove() { scratch.remove() }
}

private func at(_ day: String, _ h: Int, _ m: Int) -> LocalDateTime {
    LocalDateTime(date: CivilDate(iso: day)!, hour: h, minute: m)
}

private func application(_ who: String, complete: Bool = true, subject: String = "Анкета волонтера",
                         inReplyTo: String? = nil, extraHeaders: [String] = []) -> [UInt8] {
    TestMessage.letter(from: "\(who)@mail.kz", subject: subject, messageID: "\(who)-\(UInt32.random(in: 0...UInt32.max))@mail.kz",
                       inReplyTo: inReplyTo, extraHeaders: extraHeaders,
                       body: complete ? SampleApplication.volunteer : SampleApplication.volunteerWithoutIIN)
}

/// Our MTA's verdict that the sender's domain failed DMARC: the daemon holds such a letter for
/// staff under the 5-business-day review term even with `decisions = auto`.
private let dmarcFail = "Authentication-Results: mx.mki.gov.kz; spf=fail smtp.mailfrom=mail.kz; dmarc=fail header.from=mail.kz"

@Suite(.serialized) struct ClockAndCalendar {
    // MARK: 1. a restart across a holiday

    /// Friday 20 March 2026 is the last working day before Nauryz: 21-23 March are holidays
    /// and the Saturday and Sunday ones carry over to 24 and 25 March. The daemon is stopped
    /// over the holiday and started again afterwards, several times.
    @Test func aReviewTermAcrossNauryzFiresAtItsOwnDueTimeAfterARestartNeverEarlier() throws {
        let site = ClockSite(["--decisions", "review"])
        defer { site.remove() }
        site.deliver("1774000000.M1P1.mx", application("nauryz"), arrived: at("2026-03-20", 10, 0))
        #expect(site.serve("2026-03-20T10:05").status == 0)
        let id = "VR-2026-000001"
        // 26, 27, 30, 31 March and 1 April: the fifth business day; staff are warned 8 working hours before.
        #expect(try site.deadline("review_deadline", id) == "2026-04-01T18:00:00+05:00")
        #expect(try site.armed(id) == ["review-warning @ 2026-04-01T10:00:00+05:00", "review-deadline @ 2026-04-01T18:00:00+05:00"])
        #expect(try site.notices(id) == ["receipt"])

        // Started after the holiday, and again when a naive count (calendar days, or holidays
        // without their carry-over) would have lapsed: nothing is due yet.
        for now in ["2026-03-26T09:00", "2026-03-27T18:30", "2026-03-31T18:30"] {
            let pass = site.serve(now)
            #expect(pass.out.contains("0 deadlines fired"), "\(now): \(pass.out)")
        }
        // The warning at its time, the deadline not before its own.
        #expect(site.serve("2026-04-01T12:00").out.contains("1 deadlines fired"))
        // Stopped again before 18:00 and started the next morning: the deadline fires once,
        // dated when it lapsed, not when the daemon woke.
        #expect(site.serve("2026-04-02T09:30").out.contains("1 deadlines fired"))
        #expect(site.serve("2026-04-02T09:45").out.contains("0 deadlines fired"))
        let history = try site.events(id).filter { $0.hasPrefix("timer-fired") || $0.contains("review-deadline") }
        #expect(history == [
            "timer-fired review-warning @ 2026-04-01T10:00:00+05:00",
            "flagged review-deadline-near @ 2026-04-01T10:00:00+05:00",
            "timer-fired review-deadline @ 2026-04-01T18:00:00+05:00",
            "unflagged review-deadline-near @ 2026-04-01T18:00:00+05:00",
            "flagged review-deadline-passed @ 2026-04-01T18:00:00+05:00",
        ])
        #expect(try site.armed(id).isEmpty)
        #expect(try site.notices(id) == ["receipt"])
    }

    /// Three refinements requested on Friday 20 March, each with its 3 business days to
    /// Monday 30 March: one applicant answers during the holiday, one at 17:30 on the last
    /// day, one never. The daemon is down from the 20th to the morning of 31 March.
    @Test func aRefinementTermAcrossNauryzLapsesOnceOnRestartAndRepliesWithinItAreTakenFirst() throws {
        let site = ClockSite()
        defer { site.remove() }
        site.deliver("1774000001.M1P1.mx", application("early", complete: false), arrived: at("2026-03-20", 11, 0))
        site.deliver("1774000002.M2P1.mx", application("lastday", complete: false), arrived: at("2026-03-20", 11, 10))
        site.deliver("1774000003.M3P1.mx", application("silent", complete: false), arrived: at("2026-03-20", 11, 20))
        #expect(site.serve("2026-03-20T12:00").out.contains("3 cases opened"))
        let (early, lastDay, silent) = ("VR-2026-000001", "VR-2026-000002", "VR-2026-000003")
        for id in [early, lastDay, silent] {
            #expect(try site.deadline("refinement_deadline", id) == "2026-03-30T18:00:00+05:00")
        }

        // The replies wait in new/ while the daemon is stopped.
        site.deliver("1774300000.M4P1.mx", application("early", subject: "Re: [\(early)] Уточнение",
                                                        inReplyTo: try site.refinementNoticeID(early)),
                     arrived: at("2026-03-23", 11, 0))
        site.deliver("1774870000.M5P1.mx", application("lastday", subject: "Re: [\(lastDay)] Уточнение",
                                                        inReplyTo: try site.refinementNoticeID(lastDay)),
                     arrived: at("2026-03-30", 17, 30))
        let restart = site.serve("2026-03-31T09:00")
        #expect(restart.status == 0)
        #expect(restart.out.contains("2 messages taken, 0 cases opened, 1 deadlines fired"), "\(restart.out)")

        // Both replies came within the term: taken as their arrival, before the lapse fired.
        #expect(try site.state(early) == "accepted")
        #expect(try site.events(early).contains("resubmitted  @ 2026-03-23T11:00:00+05:00"))
        #expect(try site.state(lastDay) == "accepted")
        #expect(try site.events(lastDay).contains("resubmitted  @ 2026-03-30T17:30:00+05:00"))
        // The silent one is refused once, at the close of 30 March.
        #expect(try site.state(silent) == "refused")
        #expect(try site.events(silent).suffix(2) == [
            "timer-fired refinement-deadline @ 2026-03-30T18:00:00+05:00",
            "refused not refined within 3 business days @ 2026-03-30T18:00:00+05:00",
        ])
        #expect(try site.notices(silent) == ["refinement", "refusal"])
        #expect(try site.notices(early) == ["refinement", "acceptance"])
        #expect(site.serve("2026-03-31T10:00").out.contains("0 messages taken, 0 cases opened, 0 deadlines fired"))
        #expect(try site.notices(silent) == ["refinement", "refusal"])
    }

    // MARK: 2. the clock goes back

    /// After a pass on 10 March the machine's clock says 5 February (an RTC reset, an NTP
    /// step, a mistyped --now): nothing fired is fired again or undone, no case moves back,
    /// the letters keep their arrival times; a letter whose file time is "in the future" is
    /// received at the clock's now.
    @Test func aClockThatGoesBackFiresNothingAgainAndUndoesNothing() throws {
        let site = try Self.fourTimers()
        defer { site.remove() }
        #expect(site.serve("2026-03-10T09:00").out.contains("4 deadlines fired"))
        let before = try site.everything()

        let back = site.serve("2026-02-05T12:00")
        #expect(back.status == 0)
        #expect(back.out.contains("0 messages taken, 0 cases opened, 0 deadlines fired"), "\(back.out)")
        #expect(try site.everything() == before)

        // A letter whose file says 10 March 08:00, taken while the clock says 5 February.
        site.deliver("1773111600.M9P1.mx", application("future", complete: false), arrived: at("2026-03-10", 8, 0))
        #expect(site.serve("2026-02-05T12:30").out.contains("1 messages taken, 1 cases opened, 0 deadlines fired"))
        let received = try site.store().query("SELECT received_at FROM messages ORDER BY id DESC LIMIT 1").first?.int(0)
        #expect(received.map { LocalDateTime(utcSeconds: $0).description } == "2026-02-05T12:30:00+05:00")
        #expect(try site.deadline("refinement_deadline", "VR-2026-000004") == "2026-02-10T18:00:00+05:00")
        // The earlier cases are exactly as they were.
        let after = try site.everything()
        #expect(after.filter { before.contains($0) }.count == before.count)
        for id in ["VR-2026-000001", "VR-2026-000002", "VR-2026-000003"] {
            #expect(try site.state(id) != nil)
        }
        #expect(try site.state("VR-2026-000002") == "refused")
        #expect(try site.state("VR-2026-000001") == "under-review")
    }

    // MARK: 3. the clock jumps forward

    /// Four timers of three cases, armed in an order other than their due times: the machine
    /// is off for five weeks. On start every one fires once, earliest due first, each dated
    /// at its own due time, and each refusal is queued once.
    @Test func aClockThatJumpsWeeksFiresEveryOverdueTimerOnceInDueOrder() throws {
        let site = try Self.fourTimers()
        defer { site.remove() }
        let jump = site.serve("2026-03-10T09:00")
        #expect(jump.status == 0)
        #expect(jump.out.contains("4 deadlines fired"), "\(jump.out)")
        let fired = try site.store().query("""
            SELECT c.human_id, e.reason, e.at FROM events e JOIN cases c ON c.id = e.case_id
            WHERE e.type = 'timer-fired' ORDER BY e.id
            """).map { "\($0.text(0)!) \($0.text(1)!) @ \(LocalDateTime(utcSeconds: $0.int(2)!))" }
        #expect(fired == [
            "VR-2026-000002 refinement-deadline @ 2026-02-06T18:00:00+05:00",
            "VR-2026-000001 review-warning @ 2026-02-09T10:00:00+05:00",
            "VR-2026-000001 review-deadline @ 2026-02-09T18:00:00+05:00",
            "VR-2026-000003 refinement-deadline @ 2026-02-10T18:00:00+05:00",
        ])
        // The log tells it in the same order.
        let order = jump.err.split(separator: "\n").filter { $0.contains("<6>timer ") }.map { line in
            ["VR-2026-000001", "VR-2026-000002", "VR-2026-000003"].first { line.contains($0) } ?? "?"
        }
        #expect(order == ["VR-2026-000002", "VR-2026-000001", "VR-2026-000001", "VR-2026-000003"])
        #expect(try site.events("VR-2026-000002").last == "refused not refined within 3 business days @ 2026-02-06T18:00:00+05:00")
        #expect(try site.events("VR-2026-000003").last == "refused not refined within 3 business days @ 2026-02-10T18:00:00+05:00")
        #expect(try site.notices("VR-2026-000001") == ["receipt"])
        #expect(try site.notices("VR-2026-000002") == ["refinement", "refusal"])
        #expect(try site.notices("VR-2026-000003") == ["refinement", "refusal"])
        let again = site.serve("2026-03-10T09:05")
        #expect(again.out.contains("0 deadlines fired"))
        #expect(try site.store().query("SELECT count(*) FROM outbox").first?.int(0) == 5)
        #expect(try site.store().query("SELECT count(*) FROM outbox WHERE state = 'sent'").first?.int(0) == 5)
    }

    /// Case 1 held for staff on Monday 2 February (review: warning 9 Feb 10:00, deadline 9 Feb
    /// 18:00), case 2 sent back on Tuesday (lapses 6 Feb 18:00), case 3 on Thursday (lapses
    /// 10 Feb 18:00): armed 1w, 1d, 2, 3; due 2, 1w, 1d, 3.
    fileprivate static func fourTimers() throws -> ClockSite {
        let site = ClockSite(["--authserv-id", "mx.mki.gov.kz"])
        site.deliver("1770008400.M1P1.mx", application("held", extraHeaders: [dmarcFail]), arrived: at("2026-02-02", 10, 0))
        site.deliver("1770094800.M2P1.mx", application("tuesday", complete: false), arrived: at("2026-02-03", 10, 0))
        site.deliver("1770267600.M3P1.mx", application("thursday", complete: false), arrived: at("2026-02-05", 10, 0))
        let pass = site.serve("2026-02-05T11:00")
        #expect(pass.out.contains("3 messages taken, 3 cases opened, 0 deadlines fired"), "\(pass.out)\(pass.err)")
        #expect(try site.armed("VR-2026-000001") == ["review-warning @ 2026-02-09T10:00:00+05:00",
                                                     "review-deadline @ 2026-02-09T18:00:00+05:00"])
        #expect(try site.armed("VR-2026-000002") == ["refinement-deadline @ 2026-02-06T18:00:00+05:00"])
        #expect(try site.armed("VR-2026-000003") == ["refinement-deadline @ 2026-02-10T18:00:00+05:00"])
        return site
    }

    // MARK: 4. the operator corrects the calendar while a term runs

    /// A refinement requested Monday 2 February runs to Thursday 5 February, as the notice
    /// says. Then a decree makes Wednesday 4 February a day off (Saturday 7 February worked
    /// in exchange), and the operator adds it to the calendar file. Counted on the corrected
    /// calendar the applicant's 3 business days end on Friday 6 February: refusing on the 5th
    /// would refuse someone still within their term. The term is extended to the 6th (once,
    /// with a line in the history), and a reply on the 6th is on time.
    @Test func aDayOffAddedToTheCalendarExtendsARunningRefinementTermNeverShortensIt() throws {
        let calendarFile = Scratch()
        defer { calendarFile.remove() }
        let file = calendarFile.write("calendar.txt", "# site calendar\n")
        let site = ClockSite(["--calendar-file", file])
        defer { site.remove() }
        site.deliver("1770008400.M1P1.mx", application("decree", complete: false), arrived: at("2026-02-02", 10, 0))
        site.deliver("1770008460.M2P1.mx", application("silent", complete: false), arrived: at("2026-02-02", 10, 1))
        #expect(site.serve("2026-02-02T10:30").out.contains("2 cases opened"))
        let (answering, silent) = ("VR-2026-000001", "VR-2026-000002")
        #expect(try site.deadline("refinement_deadline", answering) == "2026-02-05T18:00:00+05:00")

        calendarFile.write("calendar.txt", "2026-02-04 off   # decree: day off moved from Saturday 7 February\n"
                                          + "2026-02-07 work  # decree: working Saturday in exchange\n")
        let restart = site.serve("2026-02-03T09:00")
        #expect(restart.err.contains("<5>\(answering): refinement deadline extended from 2026-02-05T18:00:00+05:00 to 2026-02-06T18:00:00+05:00"),
                "\(restart.err)")
        for id in [answering, silent] {
            #expect(try site.deadline("refinement_deadline", id) == "2026-02-06T18:00:00+05:00")
            #expect(try site.armed(id) == ["refinement-deadline @ 2026-02-06T18:00:00+05:00"])
            #expect(try site.events(id).last
                    == "deadline-extended refinement deadline 2026-02-05T18:00:00+05:00 → 2026-02-06T18:00:00+05:00: "
                    + "the business calendar changed @ 2026-02-03T09:00:00+05:00")
        }
        // Counted again at every start, but extended once.
        #expect(!site.serve("2026-02-05T19:00").err.contains("extended"))
        #expect(try site.state(answering) == "refinement-requested")
        #expect(try site.state(silent) == "refinement-requested")

        // The reply on Friday 6 February is within the term; the silent one lapses that evening.
        site.deliver("1770368400.M3P1.mx", application("decree", subject: "Re: [\(answering)] Уточнение",
                                                        inReplyTo: try site.refinementNoticeID(answering)),
                     arrived: at("2026-02-06", 12, 0))
        #expect(site.serve("2026-02-09T09:00").out.contains("1 messages taken, 0 cases opened, 1 deadlines fired"))
        #expect(try site.state(answering) == "accepted")
        #expect(try site.state(silent) == "refused")
        #expect(try site.events(silent).last == "refused not refined within 3 business days @ 2026-02-06T18:00:00+05:00")
    }

    /// The other way: a refinement requested Friday 20 March 2026 runs to Monday 30 March over
    /// Nauryz. The operator then makes Wednesday 25 March (a carry-over day) working. Counted
    /// anew, the term would end on Friday 27 March; the date announced to the applicant stands.
    @Test func aDayOffRemovedFromTheCalendarNeverBringsAnAnnouncedDeadlineForward() throws {
        let calendarFile = Scratch()
        defer { calendarFile.remove() }
        let file = calendarFile.write("calendar.txt", "")
        let site = ClockSite(["--calendar-file", file])
        defer { site.remove() }
        site.deliver("1774000000.M1P1.mx", application("nauryz", complete: false), arrived: at("2026-03-20", 10, 0))
        #expect(site.serve("2026-03-20T10:30").out.contains("1 cases opened"))
        let id = "VR-2026-000001"
        #expect(try site.deadline("refinement_deadline", id) == "2026-03-30T18:00:00+05:00")
        calendarFile.write("calendar.txt", "2026-03-25 work  # decree: carry-over cancelled\n")
        let restart = site.serve("2026-03-24T09:00")
        #expect(!restart.err.contains("extended"))
        #expect(try site.deadline("refinement_deadline", id) == "2026-03-30T18:00:00+05:00")
        #expect(site.serve("2026-03-28T09:00").out.contains("0 deadlines fired"))
        #expect(site.serve("2026-03-31T09:00").out.contains("1 deadlines fired"))
        #expect(try site.events(id).last == "refused not refined within 3 business days @ 2026-03-30T18:00:00+05:00")
    }
}
