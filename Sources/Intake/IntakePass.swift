import Cases
import Dispatch
import Foundation
import Mailbox
import Store

/// One pass over the mailbox: every message waiting in the Maildir, oldest first, with the
/// timers that came due before each one fired first, so replaying a backlog gives the cases
/// the same history as living through it; then the timers due by `now`.
public struct IntakePass {
    public let maildir: Maildir
    public let intake: Intake

    /// Messages committed together.
    public var batchSize = 32
    /// Batches read ahead of the one committing.
    let readAhead = 2

    public init(maildir: Maildir, intake: Intake) {
        self.maildir = maildir
        self.intake = intake
    }

    public struct Step: Sendable, Equatable {
        /// The Maildir file, or the timer, that caused it.
        public let source: String
        public let outcome: Intake.LetterOutcome
        /// The message's own Message-ID, so the log ties a letter to its case.
        public var messageID: String? = nil
    }

    /// `includeCur`: also take messages already in `cur/` that the store has never seen (a
    /// mail client or a previous tool marked them read), as at the first start on a mailbox.
    public func run(now: LocalDateTime, includeCur: Bool = false) throws -> [Step] {
        var waiting = try maildir.pending()
        if includeCur {
            let log = MessageLog(intake.database)
            waiting += try maildir.entries(in: .cur).filter { try !log.knows(maildirName: $0.baseName) }
            waiting.sort { ($0.deliveredUTCSeconds, $0.name) < ($1.deliveredUTCSeconds, $1.name) }
        }
        var lines: [Step] = []
        let batches = stride(from: 0, to: waiting.count, by: batchSize).map {
            Array(waiting[$0..<min($0 + batchSize, waiting.count)])
        }
        // While one batch commits, the next two are read on the other cores: reading forms and
        // the store's work overlap instead of taking turns, and a core that finishes its share
        // of one batch starts on the next instead of waiting for the batch's slowest letter.
        var reading = batches.prefix(readAhead).map { read($0, now: now) }
        for index in batches.indices {
            let prepared = reading.removeFirst().wait()
            if index + readAhead < batches.count { reading.append(read(batches[index + readAhead], now: now)) }
            try commit(prepared, lines: &lines)
        }
        lines += try fireTimers(asOf: now)
        return lines
    }

    typealias ParsedEntry = (entry: MaildirEntry, arrived: LocalDateTime, message: Intake.ParsedLetter)

    /// Reads and parses a batch on every core, in the background; nothing here touches the
    /// store, so the transaction holds only the store's own work.
    func read(_ entries: [MaildirEntry], now: LocalDateTime) -> BatchReading {
        // A file's time in the future (a skewed clock, a replay with --now) is "now".
        let arrivals = entries.map { LocalDateTime(utcSeconds: min($0.deliveredUTCSeconds, now.utcSeconds)) }
        let slots = PreparedSlots(count: entries.count)
        let charset = intake.settings.legacyCharset
        let maildir = self.maildir
        let cap = intake.settings.maxMessageBytes
        let reading = BatchReading()
        DispatchQueue.global().async(group: reading.group) {
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
            var prepared: [ParsedEntry] = []
            for (i, entry) in entries.enumerated() {
                if let message = slots.get(i) { prepared.append((entry, arrivals[i], message)) }
            }
            reading.finish(prepared)
        }
        return reading
    }

    func commit(_ prepared: [ParsedEntry], lines: inout [Step]) throws {
        var taken: [(entry: MaildirEntry, sha: String)] = []
        var committed: [Step] = []
        // One commit, so one fsync, for the batch; each message is still all-or-nothing
        // inside it (a savepoint), and no file moves before the commit.
        try intake.database.transaction {
            for item in prepared {
                committed += try fireTimers(asOf: item.arrived)
                let result = try intake.take(item.message, path: item.entry.path, arrivedAt: item.arrived)
                committed.append(Step(source: item.entry.description, outcome: result, messageID: item.message.messageID))
                taken.append((item.entry, item.message.sha256))
            }
        }
        lines += committed
        // Committed: now the files may move. A crash before this only means the next pass
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

    func fireTimers(asOf time: LocalDateTime) throws -> [Step] {
        try intake.fireTimers(asOf: time).map { Step(source: "timer \($0.note ?? "")", outcome: $0) }
    }
}

/// A batch being read in the background.
final class BatchReading: @unchecked Sendable {
    let group = DispatchGroup()
    private var result: [IntakePass.ParsedEntry] = []

    func finish(_ prepared: [IntakePass.ParsedEntry]) { result = prepared }

    /// The group's wait orders the write in `finish` before this read.
    func wait() -> [IntakePass.ParsedEntry] {
        group.wait()
        return result
    }
}

/// Results written by concurrent readers, one slot each.
final class PreparedSlots: @unchecked Sendable {
    private var slots: [Intake.ParsedLetter?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Intake.ParsedLetter) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func get(_ i: Int) -> Intake.ParsedLetter? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
