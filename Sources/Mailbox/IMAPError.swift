/// Why an IMAP fetch stopped. Messages delivered before the failure stay delivered, and the
/// cursor passed to `progress` covers them.
public enum IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server refused the user name and password or token.
    case loginDenied(user: String, url: String, serverReply: String)
    /// The connection or a command failed (server down, timeout, TLS, a `NO` reply…).
    case transfer(step: String, url: String, CurlError)
    /// The server answered something this client cannot read.
    case unreadableReply(step: String, reply: String)
    /// The folder's UIDVALIDITY changed during the fetch; the next fetch starts over.
    case uidValidityChanged(url: String)

    public var description: String {
        switch self {
        case let .loginDenied(user, url, reply):
            return "IMAP login as \(user) to \(url) denied" + (reply.isEmpty ? "" : ": \(reply)")
        case let .transfer(step, url, error):
            return "IMAP \(step) on \(url) failed: \(error)"
        case let .unreadableReply(step, reply):
            return "IMAP \(step): unreadable reply \(reply.debugDescription)"
        case let .uidValidityChanged(url):
            return "IMAP folder \(url) changed its UIDVALIDITY during the fetch; the next fetch starts over"
        }
    }
}
