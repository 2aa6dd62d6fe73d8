import Cases
import Foundation
import Glibc
import MIME
import Store
import TestRig
import Testing
@testable import CLI

/// The whole SMTP outage of issue 9 against a real SMTP server on loopback: down (connection
/// refused), then up but refusing service (421 at the greeting), then refusing every recipient
/// for now (451), then well again except for one address it refuses for good (550). The daemon
/// runs as `serve --once` passes with an advancing `--now`, so its retry backoff (one minute,
/// doubling) is lived through in a second, not in minutes.
@Suite(.serialized) struct SMTPOutage {
    static let applicants = ["anar@mail.kz", "bolat@mail.kz", "dana@mail.kz"]
    /// The server refuses this address with 550 once it is well again.
    static let deadAddress = "nobody@rig.test"

    @Test func noticesWaitOutTheOutageArriveOnceAfterItAndARefusedAddressFlagsItsCase() throws {
        let smtp = try SMTPServerProcess.start()
        defer { smtp.stop() }
        let site = try TemporaryDirectory("outage")
        defer { site.remove() }
        let maildir = site.path + "/maildir"
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        let everyone = Self.applicants + [Self.deadAddress]
        let iins = DaemonKilled.iins(everyone.count)
        for (i, address) in everyone.enumerated() {
            let body = RealServers.complete.replacingOccurrences(of: "670509312900", with: iins[i])
                .replacingOccurrences(of: "Ким Виктор Алексеевич", with: "\(DaemonKilled.surname(i + 1)) Виктор Алексеевич")
            try DaemonKilled.deliver(Data(TestMessage.letter(from: address, subject: "Анкета", messageID: "outage\(i)@mail.kz", body: body)),
                                     number: i, maildir: maildir)
        }

        func serve(_ now: String) -> String {
            let console = Console.capturing()
            let status = Tizilim.run(["serve", "--once", "--now", now, "--smtp-url", smtp.url, "--maildir", maildir,
                                      "--store", site.path + "/tizilim.sqlite", "--publish-dir", site.path + "/publish"],
                                     console: console)
            #expect(status == 0, "serve --once --now \(now): \(console.err)")
            return console.out + console.err
        }
        let store = { try Database(path: site.path + "/tizilim.sqlite") }
        /// Each applicant's outbox row: (state, attempts, last error).
        func rows() throws -> [String: (state: String, attempts: Int64, error: String)] {
            var found: [String: (state: String, attempts: Int64, error: String)] = [:]
            for row in try store().query("SELECT recipient, state, attempts, coalesce(last_error, '') FROM outbox") {
                found[row.text(0) ?? ""] = (row.text(1) ?? "", row.int(2) ?? -1, row.text(3) ?? "")
            }
            return found
        }

        // 1. Down: nothing listens on the port; the four notices are queued, tried once.
        try smtp.behave(.serviceUnavailable421)
        smtp.down()
        #expect(!LoopbackPort.isAccepting(smtp.port))
        let down = serve("2026-02-02T10:00")
        #expect(down.contains("4 messages taken, 4 cases opened"), "\(down)")
        #expect(down.components(separatedBy: "→ accepted; notices: acceptance").count == 5, "\(down)")
        #expect(down.contains("0 of 4 notices delivered"))
        #expect(try rows().count == 4)
        #expect(try rows().values.allSatisfy { $0.state == "queued" && $0.attempts == 1 && !$0.error.isEmpty })
        // Retried after a minute, not before.
        #expect(serve("2026-02-02T10:00:30").contains("0 of 0 notices delivered"))

        // 2. Up, but every connection gets 421 at the greeting.
        try smtp.up()
        #expect(LoopbackPort.isAccepting(smtp.port))
        #expect(serve("2026-02-02T10:02").contains("0 of 4 notices delivered"))
        #expect(try rows().values.allSatisfy { $0.state == "queued" && $0.attempts == 2 && $0.error.contains("421") })
        #expect(smtp.log.contains("control: 421 at greeting"))

        // 3. Greets again, but every RCPT gets 451.
        try smtp.behave(.everyRecipient451)
        #expect(serve("2026-02-02T10:10").contains("0 of 4 notices delivered"))
        #expect(try rows().values.allSatisfy { $0.state == "queued" && $0.attempts == 3 && $0.error.contains("451") })
        #expect(smtp.log.contains("control: 451 to RCPT"))
        #expect(try smtp.allReceived().isEmpty)

        // 4. Well again, except that one address is refused for good.
        try smtp.behave(.normal(reject: [Self.deadAddress]))
        let recovered = serve("2026-02-02T10:30")
        #expect(recovered.contains("3 of 4 notices delivered"))
        #expect(recovered.contains("to \(Self.deadAddress): failed: 550"))
        // Nothing is left to retry: later passes send nothing, the refused notice included.
        for later in ["2026-02-02T11:00", "2026-02-03T10:00", "2026-02-10T10:00"] {
            #expect(serve(later).contains("0 of 0 notices delivered"))
        }

        // Each other applicant's notice arrived exactly once, the one its outbox row holds.
        let database = try store()
        for address in Self.applicants {
            let received = try smtp.received(for: address)
            #expect(received.count == 1, "\(address) received \(received.count) notices")
            let row = try #require(try database.query("SELECT message_id, state, attempts FROM outbox WHERE recipient = ?",
                                                      [.text(address)]).first)
            #expect(received.first.map { Message(bytes: $0.bytes).messageID } == row.text(0))
            #expect(row.text(1) == "sent")
            #expect(row.int(2) == 4)
        }
        #expect(try smtp.allReceived().count == Self.applicants.count)
        #expect(try smtp.received(for: Self.deadAddress).isEmpty)

        // The refused notice failed once and for all, and its case is flagged for staff.
        let dead = try #require(try rows()[Self.deadAddress])
        #expect(dead.state == "failed")
        #expect(dead.attempts == 4)
        #expect(dead.error.hasPrefix("550"))
        let book = CaseBook(database)
        for row in try database.query("SELECT case_id, recipient FROM outbox") {
            let caseID = try #require(row.int(0))
            let record = try #require(try book.find(id: caseID))
            let bounced = record.snapshot.flags.contains(.noticeBounced)
            #expect(bounced == (row.text(1) == Self.deadAddress), "\(row.text(1) ?? "") flags: \(record.snapshot.flags)")
        }
        // No notice lost: three sent, the refused one failed and flagged, none still waiting.
        #expect(try database.query("SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state")
            .map { "\($0.text(0) ?? "") \($0.int(1) ?? 0)" } == ["failed 1", "sent 3"])
    }
}
