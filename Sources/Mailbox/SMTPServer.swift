/// Where and how to send tizilim's notices.
public struct SMTPServer: Sendable, Equatable {
    /// `smtps://HOST[:465]`, or `smtp://HOST[:587]` (STARTTLS unless `requireTLS` is false).
    /// A path names tizilim in EHLO (`smtp://relay:587/mki.gov.kz`); libcurl says `localhost` otherwise.
    public var url: String
    /// Both nil for a relay that does not ask for AUTH.
    public var user: String?
    public var credential: MailCredential?
    /// Connecting, and any stretch of a transfer with no byte moving, gives up after this long.
    public var timeoutSeconds: Int
    /// Refuse to send over an unencrypted connection: with `smtp://` this demands STARTTLS.
    /// Defaults to true except for loopback hosts (127.0.0.0/8, ::1, localhost).
    public var requireTLS: Bool

    public init(url: String, user: String? = nil, credential: MailCredential? = nil,
                timeoutSeconds: Int = 60, requireTLS: Bool? = nil) {
        self.url = url
        self.user = user
        self.credential = credential
        self.timeoutSeconds = timeoutSeconds
        self.requireTLS = requireTLS ?? !MailURL.isLoopback(url)
    }
}
