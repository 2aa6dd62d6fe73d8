import CCurl

/// Logging in and looking, taking and sending nothing: what `tizilim doctor` asks of the mail
/// servers, so a wrong password or a missing folder shows before the daemon depends on them.
/// The connection is set up as the fetcher and the sender set theirs up (TLS demanded the same
/// way), so a check that passes means the daemon's own login will too.
public enum MailServerCheck {
    /// What the IMAP server said about the folder tizilim fetches from.
    public struct IMAPFolder: Sendable, Equatable {
        public let name: String
        public let uidValidity: UInt32
        /// Whether `doneFolder` exists; nil when none is configured. A missing one is created
        /// at the first move, so it is not an error.
        public let doneFolderExists: Bool?
    }

    /// Logs in and asks for the folder's STATUS, which needs no SELECT and changes no flag.
    public static func imap(_ account: IMAPAccount) throws(IMAPError) -> IMAPFolder {
        let url: MailURL
        do { url = try MailURL(account.url, schemes: ["imap", "imaps"]) } catch {
            throw IMAPError.unreadableReply(step: "URL", reply: error.description)
        }
        let server = "\(url.scheme)://\(url.authority)/"
        let folder = url.path.isEmpty ? "INBOX" : url.path
        let transfer = try account.openTransfer()

        func ask(_ step: String, _ command: String) throws(IMAPError) -> [UInt8] {
            do {
                try transfer.set(CURLOPT_URL, server)
                try transfer.set(CURLOPT_CUSTOMREQUEST, command)
                return try transfer.perform()
            } catch {
                if error.isLoginDenied {
                    throw IMAPError.loginDenied(user: account.user, url: account.url, serverReply: error.serverReply)
                }
                throw IMAPError.transfer(step: step, url: account.url, error)
            }
        }

        let status = try ask("STATUS", "STATUS \(IMAPReply.quoted(folder)) (UIDVALIDITY)")
        guard let validity = IMAPReply.uidValidity(status) else {
            throw IMAPError.unreadableReply(step: "STATUS", reply: String(decoding: status, as: UTF8.self))
        }
        var doneExists: Bool?
        if let done = account.doneFolder {
            let listed = try ask("LIST", "LIST \"\" \(IMAPReply.quoted(done))")
            doneExists = String(decoding: listed, as: UTF8.self)
                .split(whereSeparator: \.isNewline)
                .contains { $0.uppercased().hasPrefix("* LIST ") }
        }
        return IMAPFolder(name: folder, uidValidity: validity, doneFolderExists: doneExists)
    }

    /// Connects (with STARTTLS when demanded), logs in if a user is set, and says NOOP: with no
    /// recipient and no upload, libcurl sends the custom command instead of MAIL FROM, so
    /// nothing can be sent. Returns the server's reply to NOOP.
    ///
    /// A server that advertises no AUTH is not logged in to: libcurl skips the login then, as
    /// it does for the sender, so the check still answers whether sending would work.
    public static func smtp(_ server: SMTPServer) throws(CurlError) -> String {
        let url: MailURL
        do { url = try MailURL(server.url, schemes: ["smtp", "smtps"]) } catch {
            throw CurlError(code: Int(CURLE_URL_MALFORMAT.rawValue), message: "bad URL", detail: error.description)
        }
        let transfer = try server.openTransfer(implicitTLS: url.scheme == "smtps")
        try transfer.set(CURLOPT_CUSTOMREQUEST, "NOOP")
        let reply = try transfer.perform()
        return String(decoding: reply, as: UTF8.self).trimmingLineEnd()
    }
}
