import Cases
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
            // Read and parsed before the lock: the transaction holds only the store's own work.
            var prepared: [(entry: MaildirEntry, arrived: LocalDateTime, message: Intake.Prepared)] = []
            for entry in batch {
                // A file's time in the future (a skewed clock, a replay with --now) is "now".
                let arrived = LocalDateTime(utcSeconds: min(entry.deliveredUTCSeconds, now.utcSeconds))
                guard let bytes = try? maildir.read(entry) else {
                    continue  // taken by another process since the listing
                }
                prepared.append((entry, arrived, intake.prepare(bytes, year: arrived.date.year)))
            }
            var taken: [(entry: MaildirEntry, sha: String)] = []
            // One commit, so one fsync, for the batch; each message is still all-or-nothing
            // inside it (a savepoint), and no file moves before the commit.
            try intake.database.transaction {
                for item in prepared {
                    lines += try fireTimers(asOf: item.arrived)
                    let result = try intake.take(item.message, path: item.entry.path, arrivedAt: item.arrived)
                    lines.append(Line(source: item.entry.description, taken: result))
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
