import Foundation
import Glibc
import Intake
import MIME
import Synchronization
import Testing
import Store
import TestRig
@testable import CLI

/// The real `tizilim` executable, built next to the test bundle.
private func executable() -> String {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return bundle.appendingPathComponent("tizilim").path
}

private func count(_ folder: String) -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.count) ?? 0
}

private func letter(_ id: String, from: String) -> Data {
    Data("""
    From: <\(from)>\r
    To: volunteer@mki.gov.kz\r
    Subject: =?utf-8?B?0JLQvtC/0YDQvtGB?=\r
    Message-ID: <\(id)>\r
    Content-Type: text/plain; charset=utf-8\r
    \r
    Добрый день! Как подать заявку?\r
    
    """.utf8)
}

/// Waits up to `seconds` for `condition`.
private func eventually(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

@Suite(.serialized) struct DaemonProcess {
    @Test func theDaemonTakesMailAsItArrivesAndStopsCleanlyOnSIGTERM() throws {
        let root = NSTemporaryDirectory() + "tizilim-daemon-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["maildir/new", "maildir/cur", "maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable())
        process.arguments = ["serve", "--maildir", root + "/maildir", "--store", root + "/tizilim.sqlite", "--sent", root + "/sent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Delivered the Maildir way while the daemon watches: written in tmp/, renamed into new/.
        for i in 1...3 {
            let tmp = root + "/maildir/tmp/m\(i)"
            try letter("d\(i)@x.kz", from: "person\(i)@x.kz").write(to: URL(fileURLWithPath: tmp))
            rename(tmp, root + "/maildir/new/m\(i)")
        }
        #expect(eventually { count(root + "/maildir/cur") == 3 })
        #expect(count(root + "/maildir/new") == 0)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("<6>tizilim serve: watching"))
        #expect(log.contains("opened VR-"))
        #expect(log.contains("stopping on signal"))
    }
}

/// How hard a crash run is: a short form for every test run, a long one on demand.
///
///     TIZILIM_LONG_RUN=1       the long form: 3,000 letters, 50 kills (else 120 letters, 10 kills)
///     TIZILIM_CRASH_LETTERS=N  TIZILIM_CRASH_KILLS=N   other sizes, in either form
///     TIZILIM_SEED=N           replays a run's kill moments and feeding (printed by every run)
///     TIZILIM_BINARY=PATH      the `tizilim` to kill (Benchmarks/crash.sh passes a release build;
///                              else the debug one built beside the tests)
struct CrashPlan {
    let long: Bool
    let letters: Int
    let kills: Int
    let seed: UInt64
    /// How long each daemon lives before its SIGKILL, in seconds: drawn from the seed.
    let lives: [Double]
    /// The letters in new/ before the first start; the rest arrive while the daemon is killed.
    let upfront: Int

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CrashPlan {
        let long = environment["TIZILIM_LONG_RUN"] == "1"
        let letters = environment["TIZILIM_CRASH_LETTERS"].flatMap { Int($0) }.map { max($0, 1) } ?? (long ? 3000 : 120)
        let kills = environment["TIZILIM_CRASH_KILLS"].flatMap { Int($0) }.map { max($0, 0) } ?? (long ? 50 : 10)
        let seed = environment["TIZILIM_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999_999)
        var random = SplitMix64(seed: seed)
        // One kill in five early, when the daemon is starting, opening the store or on its first
        // pass; the rest anywhere in a life long enough to take letters and send notices.
        // A life must outlast a batch of letters (32, one commit) now and then to make progress:
        // about 3 s in a debug build on a busy machine, a fraction of that in a release build.
        let longest = long ? 4.5 : 3.0
        let lives = (0..<kills).map { _ in
            Double.random(in: 0...1, using: &random) < 0.2 ? Double.random(in: 0.005...0.25, using: &random)
                                                          : Double.random(in: 0.25...longest, using: &random)
        }
        // Few letters wait at the start; the rest trickle in, so that passes are short and the
        // kills land while letters are taken, while notices are sent, and while idle.
        return CrashPlan(long: long, letters: letters, kills: kills, seed: seed, lives: lives,
                         upfront: kills == 0 ? letters : max(1, letters / 10))
    }
}


@Suite(.serialized) struct DaemonKilled {
    /// `count` distinct valid IINs of people born on 9 May 1967 (the sample's birth year).
    static func iins(_ count: Int) -> [String] {
        var found: [String] = []
        var serial = 0
        while found.count < count {
            let day = 9 + serial / 10_000
            let number = serial % 10_000
            let digits = [6, 7, 0, 5, day / 10, day % 10, 3, number / 1000, number / 100 % 10, number / 10 % 10, number % 10]
            serial += 1
            var check = (0..<11).reduce(0) { $0 + digits[$1] * ($1 + 1) } % 11
            if check == 10 {
                let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
                check = (0..<11).reduce(0) { $0 + digits[$1] * weights[$1] } % 11
                if check == 10 { continue }
            }
            found.append(digits.map { String($0) }.joined() + String(check))
        }
        return found
    }

    /// A name made of letters only, different for every `i`.
    static func surname(_ i: Int) -> String {
        let syllables = ["ба", "ва", "га", "да", "жа", "за", "ка", "ла", "ма", "на"]
        let word = String(i).compactMap(\.wholeNumberValue).map { syllables[$0] }.joined()
        return word.prefix(1).uppercased() + word.dropFirst() + "ев"
    }

    /// A complete application from applicant `i`, with an IIN of its own: each is accepted,
    /// enters the register and is answered by one notice.
    static func application(_ i: Int, iin: String, run: UInt64) -> Data {
        Data(TestMessage.letter(from: "applicant\(i)@mail.kz", subject: "Анкета", messageID: "kill\(i).\(run)@mail.kz",
                                body: RealServers.complete.replacingOccurrences(of: "Ким Виктор Алексеевич", with: "\(surname(i)) Виктор Алексеевич")
                                    .replacingOccurrences(of: "670509312900", with: iin)))
    }

    /// Delivers the Maildir way: written under a unique name in tmp/, renamed into new/.
    static func deliver(_ bytes: Data, number: Int, maildir: String) throws {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let name = "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())Q\(number).crash-feeder"
        try bytes.write(to: URL(fileURLWithPath: "\(maildir)/tmp/\(name)"))
        guard rename("\(maildir)/tmp/\(name)", "\(maildir)/new/\(name)") == 0 else {
            throw RigError("rename \(name): \(String(cString: strerror(errno)))")
        }
    }

    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Letters keep arriving while a real `tizilim serve`, sending to a real SMTP server, is
    /// killed with SIGKILL at random moments and started again; then one daemon runs until all
    /// is quiet. No letter is lost or taken twice, and no notice reaches the server twice: each
    /// reached it once, or is still queued, or is in doubt (a kill after it was marked `sending`
    /// and before the server's reply was recorded, RFC 1047's window) with its case flagged for
    /// staff, whether or not the server had it.
    @Test func killedAtRandomMomentsItLosesNoLetterNorNoticeAndTakesNoLetterTwice() throws {
        let plan = CrashPlan.fromEnvironment()
        Self.say("crash: seed \(plan.seed) (replay with TIZILIM_SEED=\(plan.seed)); \(plan.long ? "long" : "short") form, "
            + "\(plan.letters) letters, \(plan.kills) kills")
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try TemporaryDirectory("kill")
        var keep = false
        defer { if !keep { site.remove() } }
        let root = site.path
        let maildir = root + "/maildir"
        for sub in ["maildir/new", "maildir/cur", "maildir/tmp", "logs"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let iins = Self.iins(plan.letters)
        let letters = (0..<plan.letters).map { Self.application($0, iin: iins[$0], run: plan.seed) }
        let started = Date()
        // File times have a second's grain: anything in tmp/ from before this is older than the run.
        let runStart = Int64(started.timeIntervalSince1970) - 1

        for i in 0..<plan.upfront { try Self.deliver(letters[i], number: i, maildir: maildir) }
        // The rest arrive during the kills, spread over four fifths of the time the lives add up to.
        let feedingSeconds = plan.lives.reduce(0, +) * 0.8
        let feederErrors = Mutex<[String]>([])
        let feeder = DispatchGroup()
        let rest = Array(letters[plan.upfront...])
        let upfront = plan.upfront
        DispatchQueue.global().async(group: feeder) {
            var random = SplitMix64(seed: plan.seed ^ 0xFEED)
            let gap = rest.isEmpty ? 0 : feedingSeconds / Double(rest.count)
            for (offset, bytes) in rest.enumerated() {
                do {
                    try Self.deliver(bytes, number: upfront + offset, maildir: maildir)
                } catch {
                    feederErrors.withLock { $0.append("\(error)") }
                }
                usleep(UInt32(Double.random(in: 0...(2 * gap), using: &random) * 1e6))
            }
        }

        let binary = ProcessInfo.processInfo.environment["TIZILIM_BINARY"] ?? executable()
        Self.say("crash: binary \(binary)")
        let flags = ["--maildir", maildir, "--store", root + "/tizilim.sqlite", "--smtp-url", smtp.url,
                     "--publish-dir", root + "/publish"]
        var survived = 0
        var diedAlone: [String] = []
        for (life, seconds) in plan.lives.enumerated() {
            let daemon = try ChildProcess.spawn(binary, ["serve"] + flags, stdoutPath: root + "/logs/life-\(life).log")
            usleep(UInt32(seconds * 1e6))
            var status: Int32 = 0
            if waitpid(daemon.pid, &status, WNOHANG) == daemon.pid {
                diedAlone.append("life \(life) exited by itself with status \(status)")
                continue
            }
            kill(daemon.pid, SIGKILL)
            if daemon.wait() == 128 + SIGKILL { survived += 1 }
        }
        feeder.wait()
        let store = try Database(path: root + "/tizilim.sqlite")
        func number(_ sql: String) throws -> Int64 { try store.query(sql).first?.int(0) ?? -1 }
        let takenWhileKilled = try number("SELECT count(*) FROM messages")
        let sentWhileKilled = try number("SELECT count(*) FROM outbox WHERE state = 'sent'")

        // The last daemon runs until every letter is a case and no notice is due, then is stopped.
        let last = try ChildProcess.spawn(binary, ["serve"] + flags, stdoutPath: root + "/logs/last.log")
        let settleLimit = Date().addingTimeInterval(plan.long ? 900 : 180)
        var settled = false
        // Not before its first pass has ended (its summary line), nor before its SIGTERM handler is in place.
        func lastLog() -> String { (try? String(contentsOfFile: root + "/logs/last.log", encoding: .utf8)) ?? "" }
        while Date() < settleLimit {
            let log = lastLog()
            if log.contains("tizilim serve: watching"), log.contains(" messages taken, "), count(maildir + "/new") == 0,
               try number("SELECT count(*) FROM messages") == Int64(plan.letters),
               try number("SELECT count(*) FROM outbox WHERE state = 'queued' AND next_attempt_at <= strftime('%s', 'now')") == 0 {
                settled = true
                break
            }
            usleep(200_000)
        }
        kill(last.pid, SIGTERM)
        var stopped = false
        for _ in 0..<600 {
            var status: Int32 = 0
            if waitpid(last.pid, &status, WNOHANG) == last.pid {
                stopped = (status & 0x7F) == 0 && (status >> 8) & 0xFF == 0
                break
            }
            usleep(50_000)
        }
        if !stopped {
            kill(last.pid, SIGKILL)
            last.wait()
        }
        let duration = Date().timeIntervalSince(started)

        // Every letter: one message row, by its SHA-256, in a case of its own.
        var casesBySHA: [String: [Int64?]] = [:]
        for row in try store.query("SELECT sha256, case_id FROM messages") {
            casesBySHA[row.text(0) ?? "", default: []].append(row.int(1))
        }
        var unrecorded = 0, recordedTwice = 0, withoutCase = 0
        var caseOfLetter: [Int64] = []
        for bytes in letters {
            let rows = casesBySHA[Digest.sha256Hex([UInt8](bytes))] ?? []
            if rows.isEmpty { unrecorded += 1 }
            if rows.count > 1 { recordedTwice += 1 }
            if let only = rows.first { if let id = only { caseOfLetter.append(id) } else { withoutCase += 1 } }
        }
        let cases = try number("SELECT count(*) FROM cases")

        // Every notice: delivered to the SMTP server (counted by its Message-ID in the server's
        // files) plus still queued in the outbox is exactly one.
        var delivered: [String: Int] = [:]
        var copies: [String: Set<[UInt8]>] = [:]
        for message in try smtp.allReceived() {
            let id = Message(bytes: message.bytes).messageID ?? "?"
            delivered[id, default: 0] += 1
            copies[id, default: []].insert(message.bytes)
        }
        // Every notice is exactly one of: sent and received once; queued and never received; in
        // doubt (received once or not at all) with its case flagged.
        var notices = 0, deliveredOnce = 0, queued = 0, inDoubt = 0, inDoubtReceived = 0, lost = 0, doubled = 0
        var otherStates = 0, inDoubtUnflagged = 0
        var noticesPerCase: [Int64: Int] = [:]
        var known = Set<String>()
        for row in try store.query("""
            SELECT outbox.case_id, outbox.message_id, outbox.state, ',' || cases.flags || ','
            FROM outbox LEFT JOIN cases ON cases.id = outbox.case_id
            """) {
            notices += 1
            let id = (row.text(1) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            known.insert(id)
            if let caseID = row.int(0) { noticesPerCase[caseID, default: 0] += 1 }
            let received = delivered[id] ?? 0
            if received > 1 { doubled += 1 }
            switch row.text(2) ?? "" {
            case "sent":
                if received == 0 { lost += 1 } else if received == 1 { deliveredOnce += 1 }
            case "queued":
                // A queued notice goes out again: one the server already has would be doubled.
                if received == 0 { queued += 1 } else { doubled += 1 }
            case "in-doubt":
                inDoubt += 1
                if received == 1 { inDoubtReceived += 1 }
                if !(row.text(3) ?? "").contains(",notice-in-doubt,") { inDoubtUnflagged += 1 }
            default:
                otherStates += 1
            }
        }
        let strays = delivered.keys.filter { !known.contains($0) }.count
        let deliveredTotal = delivered.values.reduce(0, +)
        let integrity = try store.query("PRAGMA integrity_check").first?.text(0) ?? "?"
        // Left in tmp/ from before the run (a delivery a kill interrupted would be), or anywhere.
        let tmpNames = (try? FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp")) ?? []
        let staleTmp = tmpNames.filter { name in
            var info = stat()
            return stat(maildir + "/tmp/" + name, &info) == 0 && Int64(info.st_mtim.tv_sec) < runStart
        }
        let publishLeftovers = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/publish")) ?? [])
            .filter { $0.hasSuffix(".tmp") }.count

        Self.say("crash: letters \(plan.letters) (\(plan.upfront) before the first start, the rest during the kills)")
        Self.say("crash: kills survived \(survived) of \(plan.kills)")
        Self.say("crash: before the last start, letters taken \(takenWhileKilled), notices marked sent \(sentWhileKilled)")
        Self.say("crash: cases \(cases)")
        Self.say("crash: notices delivered \(deliveredTotal) (\(deliveredOnce) exactly once)")
        Self.say("crash: notices still queued \(queued)")
        Self.say("crash: notices in doubt \(inDoubt) (\(inDoubtReceived) of them had reached the server), cases flagged for them "
            + "\(inDoubt - inDoubtUnflagged)")
        Self.say("crash: notices lost \(lost)")
        Self.say("crash: notices doubled \(doubled)")
        Self.say("crash: integrity_check \(integrity)")
        Self.say("crash: tmp files older than the run \(staleTmp.count); register temporary files left \(publishLeftovers)")
        Self.say("crash: duration \(String(format: "%.1f", duration)) s")

        #expect(feederErrors.withLock { $0 }.isEmpty)
        #expect(diedAlone.isEmpty, "\(diedAlone)")
        #expect(survived == plan.kills)
        #expect(settled, "the last daemon did not take every letter and send every notice in time")
        #expect(stopped, "the last daemon did not stop cleanly on SIGTERM")
        #expect(count(maildir + "/new") == 0)
        #expect(count(maildir + "/cur") == plan.letters)
        #expect(staleTmp.isEmpty, "\(staleTmp)")
        #expect(unrecorded == 0 && recordedTwice == 0 && withoutCase == 0)
        #expect(try number("SELECT count(*) FROM messages") == Int64(plan.letters))
        #expect(Set(caseOfLetter).count == plan.letters, "a case per letter")
        #expect(cases == Int64(plan.letters))
        #expect(integrity == "ok")
        // One receipt per letter (an acceptance: every application is complete).
        #expect(notices == plan.letters && noticesPerCase.count == plan.letters && noticesPerCase.values.allSatisfy { $0 == 1 })
        #expect(try number("SELECT count(*) FROM outbox WHERE notice = 'acceptance'") == Int64(plan.letters))
        #expect(otherStates == 0)
        #expect(lost == 0)
        #expect(strays == 0)
        // A notice the server may have taken just before a kill is in doubt, never sent again by
        // the daemon; one kill can leave at most the one in flight in doubt.
        #expect(doubled == 0)
        #expect(copies.values.allSatisfy { $0.count == 1 }, "a notice reached the server twice")
        #expect(inDoubt <= survived)
        #expect(inDoubtUnflagged == 0, "a notice in doubt whose case is not flagged notice-in-doubt")
        if !(settled && stopped && lost == 0 && doubled == 0 && integrity == "ok" && cases == Int64(plan.letters)) {
            keep = true
            Self.say("crash: the run's files are kept in \(root) (daemon logs in logs/)")
        }
    }
}
