import CCurl

/// Fetches new messages from one IMAP folder, oldest first, handing each to the caller to
/// deliver (into the Maildir) before marking it on the server.
///
/// libcurl has no IDLE: the daemon calls `fetchNew` every few seconds. Each call opens one
/// connection, logs in once and reuses it for every command of the call.
public struct IMAPFetcher: Sendable {
    public let account: IMAPAccount
    private let server: String
    private let folder: String

    public init(account: IMAPAccount) throws(MailURLError) {
        let url = try MailURL(account.url, schemes: ["imap", "imaps"])
        self.account = account
        server = "\(url.scheme)://\(url.authority)/"
        folder = url.path.isEmpty ? "INBOX" : url.path
    }

    /// Fetches every message above `cursor` and returns the new cursor.
    ///
    /// For each message in UID order: its bytes go to `deliver`; once `deliver` returns, the
    /// message is marked on the server (`\Seen`, or moved to `doneFolder`); then `progress`
    /// gets the cursor including it, for the caller to persist. A failure stops the fetch with
    /// the cursor at the last delivered message, so nothing is skipped; a message whose
    /// marking failed counts as delivered (it stays unmarked on the server, and the error says so).
    ///
    /// When the folder's UIDVALIDITY differs from the cursor's, the UIDs mean other messages
    /// now: everything is fetched again, and the caller recognises what it already had by content.
    public func fetchNew(after cursor: IMAPCursor?,
                         deliver: ([UInt8]) throws -> Void,
                         progress: (IMAPCursor) throws -> Void) throws -> IMAPCursor {
        let transfer = try session()
        let validity = try uidValidity(transfer)
        var position = IMAPCursor(uidValidity: validity, lastUID: 0)
        if let cursor, cursor.uidValidity == validity { position = cursor }
        let folderURL = "\(server)\(MailURL.percentEncoded(folder));UIDVALIDITY=\(validity)"

        let search = try run(transfer, "UID SEARCH", url: folderURL, command: "UID SEARCH UID \(position.lastUID + 1):*")
        guard let found = IMAPReply.searchedUIDs(search) else {
            throw IMAPError.unreadableReply(step: "UID SEARCH", reply: String(decoding: search, as: UTF8.self))
        }
        // `n:*` always includes the highest UID, even when it is below n.
        let newUIDs = Set(found.filter { $0 > position.lastUID }).sorted()

        for uid in newUIDs {
            guard let bytes = try fetch(uid, transfer, folderURL: folderURL) else {
                // Expunged by someone else since the search: nothing to deliver, nothing to wait
                // for, and it cannot come back under this UID.
                position.lastUID = uid
                try progress(position)
                continue
            }
            try deliver(bytes)
            position.lastUID = uid
            do {
                try mark(uid, transfer, folderURL: folderURL)
            } catch {
                try progress(position)
                throw error
            }
            try progress(position)
        }
        return position
    }

    private func session() throws(IMAPError) -> CurlTransfer {
        try account.openTransfer()
    }

    private func uidValidity(_ transfer: CurlTransfer) throws(IMAPError) -> UInt32 {
        // STATUS needs no SELECT, so it is asked on the server URL, not the folder's.
        let reply = try run(transfer, "STATUS", url: server,
                            command: "STATUS \(IMAPReply.quoted(folder)) (UIDVALIDITY UIDNEXT)")
        guard let validity = IMAPReply.uidValidity(reply) else {
            throw IMAPError.unreadableReply(step: "STATUS", reply: String(decoding: reply, as: UTF8.self))
        }
        return validity
    }

    /// The message's bytes, or nil when the UID no longer exists.
    ///
    /// A message another client expunged since the search comes back in one of two ways: an
    /// empty answer when this session already heard of the expunge (libcurl: remote file not
    /// found), or Dovecot's `* 3 FETCH (UID 7 BODY[] NIL)` with `OK [EXPUNGEISSUED]` when it had
    /// not, which libcurl cannot read (weird server reply). The same two codes also come with a
    /// `NO` or a broken answer for a message that is still there (a server failing to read it),
    /// and skipping that one would lose it: so the server is asked whether the UID still exists.
    private func fetch(_ uid: UInt32, _ transfer: CurlTransfer, folderURL: String) throws(IMAPError) -> [UInt8]? {
        do {
            return try run(transfer, "UID FETCH \(uid)", url: "\(folderURL)/;UID=\(uid)", command: nil)
        } catch {
            guard case let .transfer(_, _, failure) = error,
                  failure.code == Int(CURLE_REMOTE_FILE_NOT_FOUND.rawValue)
                    || failure.code == Int(CURLE_WEIRD_SERVER_REPLY.rawValue) else { throw error }
            if try exists(uid, transfer, folderURL: folderURL) { throw error }
            return nil
        }
    }

    private func exists(_ uid: UInt32, _ transfer: CurlTransfer, folderURL: String) throws(IMAPError) -> Bool {
        // A single UID, not a range: `n:*` would answer the highest UID even when n is gone.
        let reply = try run(transfer, "UID SEARCH UID \(uid)", url: folderURL, command: "UID SEARCH UID \(uid)")
        guard let found = IMAPReply.searchedUIDs(reply) else {
            throw IMAPError.unreadableReply(step: "UID SEARCH UID \(uid)", reply: String(decoding: reply, as: UTF8.self))
        }
        return found.contains(uid)
    }

    private func mark(_ uid: UInt32, _ transfer: CurlTransfer, folderURL: String) throws(IMAPError) {
        guard let doneFolder = account.doneFolder else {
            _ = try run(transfer, "UID STORE \(uid)", url: folderURL, command: "UID STORE \(uid) +FLAGS.SILENT (\\Seen)")
            return
        }
        let move = "UID MOVE \(uid) \(IMAPReply.quoted(doneFolder))"
        do {
            _ = try run(transfer, "UID MOVE \(uid)", url: folderURL, command: move)
        } catch {
            // The usual cause is a missing folder ([TRYCREATE]): make it, then try once more.
            // CREATE fails harmlessly when the folder exists, and a real problem shows in the retry.
            _ = try? run(transfer, "CREATE", url: server, command: "CREATE \(IMAPReply.quoted(doneFolder))")
            _ = try run(transfer, "UID MOVE \(uid)", url: folderURL, command: move)
        }
    }

    private func run(_ transfer: CurlTransfer, _ step: String, url: String, command: String?) throws(IMAPError) -> [UInt8] {
        do {
            try transfer.set(CURLOPT_URL, url)
            try transfer.set(CURLOPT_CUSTOMREQUEST, command)
            return try transfer.perform()
        } catch {
            if error.isLoginDenied {
                throw IMAPError.loginDenied(user: account.user, url: account.url, serverReply: error.serverReply)
            }
            if error.detail.uppercased().contains("UIDVALIDITY") {
                throw IMAPError.uidValidityChanged(url: account.url)
            }
            throw IMAPError.transfer(step: step, url: account.url, error)
        }
    }
}
