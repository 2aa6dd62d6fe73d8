/// How tizilim proves who it is to a mail server.
public enum MailCredential: Sendable, Equatable, CustomStringConvertible {
    case password(String)
    /// An OAuth 2.0 access token, sent with SASL XOAUTH2 (Microsoft 365, Gmail).
    case xoauth2Bearer(String)

    /// Never the secret itself: configurations are printed and logged.
    public var description: String {
        switch self {
        case .password: return "password(****)"
        case .xoauth2Bearer: return "xoauth2Bearer(****)"
        }
    }
}
