import Cases
import Dispatch
import Foundation
import Mailbox
import Store

/// One pass over the mailbox: every message waiting in the Maildir, oldest first, with the
/// timers that came due before each one fired first, so replaying a backlog gives the cases
/// the same history as living through it; then the timers due by `now`.
public struct Sweep {
    public let maildir: Maildir
    public let intake: Intake

    /// Messages committed together.
    public var batchSize = 32

    public init(maildir: Maildir, intake: Intake) {
        self.maildir = maildir
        self.intake = intake
    }

    public struct Line: Sendable, Equatable {
        /// The Maildir file, or the timer, that caused it.
        public let source: String
        public let taken: Intake.Taken
        /// The message's own Message-ID, so the log ties a letter to its case.
        public var messageID: String? = nil
    }

    /// `includeCur`: also take messages already in `cur/` that the store has never seen (a
    /// mail client or a previous tool marked them read), as at the first start on a mailbox.
    public func run(now: LocalDateTime, includeCur: Bool = false) throws -> [Line] {
        var waiting = try maildir.pending()
        if includeCur {
            let log = MessageLog(intake.database)
            waiting += try maildir.entries(in: .cur).filter { try !log.knows(maildirName: $0.baseName) }
            waiting.sort { ($0.deliveredUTCSeconds, $0.name) < ($1.deliveredUTCSeconds, $1.name) }
        }
        var lines: [Line] = []
        var start = 0
        while start < waiting.count {
            let batch = waiting[start..<min(start + batchSize, waiting.count)]
            start = batch.endIndex
            // Read and parsed before the lock, on every core: the transaction then holds only
            // the store's own work, and reading forms is most of the cost of a message.
            let arrivals = batch.map { LocalDateTime(utcSeconds: min($0.deliveredUTCSeconds, now.utcSeconds)) }
            let slots = PreparedSlots(count: batch.count)
            let entries = Array(batch)
            let charset = intake.settings.legacyCharset
            let maildir = self.maildir
            let cap = intake.settings.maxMessageBytes
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                // A file taken by another process since the listing is simply skipped.
                if let size = entries[i].size, size > cap {
                    // Never read into memory: the header and a streamed SHA-256 (OversizedMessage.swift).
                    if let prepared = Intake.prepareOversized(path: entries[i].path, size: size, legacyCharset: charset) {
                        slots.set(i, prepared)
                    }
                } else if let bytes = try? maildir.read(entries[i]) {
                    slots.set(i, Intake.prepare(bytes, year: arrivals[i].date.year, legacyCharset: charset))
                }
            }
            var prepared: [(entry: MaildirEntry, arrived: LocalDateTime, message: Intake.Prepared)] = []
            for (i, entry) in entries.enumerated() {
                // A file's time in the future (a skewed clock, a replay with --now) is "now".
                if let message = slots.get(i) { prepared.append((entry, arrivals[i], message)) }
            }
            var taken: [(entry: MaildirEntry, sha: String)] = []
            // One commit, so one fsync, for the batch; each message is still all-or-nothing
            // inside it (a savepoint), and no file moves before the commit.
            try intake.database.transaction {
                for item in prepared {
                    lines += try fireTimers(asOf: item.arrived)
                    let result = try intake.take(item.message, path: item.entry.path, arrivedAt: item.arrived)
                    lines.append(Line(source: item.entry.description, taken: result, messageID: item.message.messageID))
                    taken.append((item.entry, item.message.sha256))
                }
            }
            // Committed: now the files may move. A crash before this only means the next sweep
            // finds them again and recognises their SHA-256.
            var moves: [(sha: String, from: String, to: String)] = []
            for (entry, sha) in taken where entry.folder == .new {
                moves.append((sha, entry.path, try maildir.markTaken(entry).path))
            }
            let log = MessageLog(intake.database)
            try intake.database.transaction {
                for move in moves { try log.moved(sha256: move.sha, from: move.from, to: move.to) }
            }
        }
        lines += try fireTimers(asOf: now)
        return lines
    }

    func fireTimers(asOf time: LocalDateTime) throws -> [Line] {
        try intake.fireTimers(asOf: time).map { Line(source: "timer \($0.note ?? "")", taken: $0) }
    }
}

/// Results written by concurrent readers, one slot each.
final class PreparedSlots: @unchecked Sendable {
    private var slots: [Intake.Prepared?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Intake.Prepared) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func get(_ i: Int) -> Intake.Prepared? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
