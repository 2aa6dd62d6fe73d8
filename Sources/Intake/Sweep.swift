import Cases
import Mailbox
import Store

/// One pass over the mailbox: every message waiting in the Maildir, oldest first, with the
/// timers that came due before each one fired first, so replaying a backlog gives the cases
/// the same history as living through it; then the timers due by `now`.
public struct Sweep {
    public let maildir: Maildir
    public let intake: Intake

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
        for entry in waiting {
            // A file's time in the future (a skewed clock, a replay with --now) is "now".
            let arrived = LocalDateTime(utcSeconds: min(entry.deliveredUTCSeconds, now.utcSeconds))
            lines += try fireTimers(asOf: arrived)
            let bytes: [UInt8]
            do {
                bytes = try maildir.read(entry)
            } catch {
                // Taken by another process since the listing: nothing to do here.
                continue
            }
            let taken = try intake.take(bytes, path: entry.path, arrivedAt: arrived)
            lines.append(Line(source: entry.description, taken: taken))
            // Committed: now the file may move. A crash before this line only means the next
            // sweep finds the file again and recognises its SHA-256.
            if entry.folder == .new {
                let moved = try maildir.markTaken(entry)
                try MessageLog(intake.database).moved(sha256: Digest.sha256Hex(bytes), from: entry.path, to: moved.path)
            }
        }
        lines += try fireTimers(asOf: now)
        return lines
    }

    func fireTimers(asOf time: LocalDateTime) throws -> [Line] {
        try intake.fireTimers(asOf: time).map { Line(source: "timer \($0.note ?? "")", taken: $0) }
    }
}
