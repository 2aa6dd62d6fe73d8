/// Where and how to fetch the mailbox's incoming mail.
public struct IMAPAccount: Sendable, Equatable {
    /// `imaps://HOST[:993]/FOLDER`, or `imap://HOST[:143]/FOLDER` (STARTTLS unless `requireTLS`
    /// is false). The folder defaults to INBOX; names are ASCII (no modified UTF-7 here).
    public var url: String
    public var user: String
    public var credential: MailCredential
    /// Where fetched messages are moved (created when missing); nil leaves them in the folder,
    /// marked `\Seen`.
    public var doneFolder: String?
    /// Connecting, waiting for the answer to a command, and any stretch of a transfer with no
    /// byte moving, each gives up after this long.
    public var timeoutSeconds: Int
    /// Refuse to log in over an unencrypted connection: with `imap://` this demands STARTTLS.
    /// Defaults to true except for loopback hosts (127.0.0.0/8, ::1, localhost), where nothing
    /// crosses a network. `imaps://` is always encrypted.
    public var requireTLS: Bool

    public init(url: String, user: String, credential: MailCredential, doneFolder: String? = nil,
                timeoutSeconds: Int = 60, requireTLS: Bool? = nil) {
        self.url = url
        self.user = user
        self.credential = credential
        self.doneFolder = doneFolder
        self.timeoutSeconds = timeoutSeconds
        self.requireTLS = requireTLS ?? !MailURL.isLoopback(url)
    }
}
