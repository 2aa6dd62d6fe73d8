/// What became of one message handed to the SMTP server.
public enum SMTPOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The server accepted it (250 after DATA).
    case sent
    /// Try again later: a 4xx reply, no connection, a timeout, a TLS or login problem (the
    /// operator's to fix, not the message's fault). `code` is nil when the server never answered.
    case temporaryFailure(code: Int?, message: String)
    /// The server refused this message for good (5xx): do not retry, flag it. `code` is 0 when
    /// the message was refused before reaching a server (no or malformed recipients).
    case permanentFailure(code: Int, message: String)

    public var description: String {
        switch self {
        case .sent: return "sent"
        case let .temporaryFailure(code, message): return "temporary failure\(code.map { " \($0)" } ?? ""): \(message)"
        case let .permanentFailure(code, message): return "permanent failure \(code): \(message)"
        }
    }
}
