import Mailbox
import Store

/// IMAP into the Maildir: each new message is delivered the Maildir way (tmp/, fsync, new/)
/// before the server marks it and before the position is saved, so a message is never in
/// neither place.
public struct MailFetch {
    public let fetcher: IMAPFetcher
    public let maildir: Maildir
    public let positions: FetchPositions

    public init(fetcher: IMAPFetcher, maildir: Maildir, positions: FetchPositions) {
        self.fetcher = fetcher
        self.maildir = maildir
        self.positions = positions
    }

    /// Fetches what is new; returns how many messages were delivered.
    @discardableResult
    public func run() throws -> Int {
        let key = fetcher.account.url
        let saved = try positions.position(folder: key).map { IMAPCursor(uidValidity: $0.uidValidity, lastUID: $0.lastUID) }
        var delivered = 0
        _ = try fetcher.fetchNew(after: saved, deliver: { bytes in
            _ = try maildir.deliver(bytes)
            delivered += 1
        }, progress: { cursor in
            try positions.save(folder: key, uidValidity: cursor.uidValidity, lastUID: cursor.lastUID)
        })
        return delivered
    }
}
