import Glibc

/// What went wrong with a Maildir, in words an operator can act on.
public enum MaildirError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed; `errno` says why.
    case system(operation: String, path: String, errno: Int32)
    /// The message is in neither `new/` nor `cur/`: someone else moved or deleted it.
    case messageMissing(name: String, maildir: String)

    public var description: String {
        switch self {
        case let .system(operation, path, code):
            return "\(operation) \(path): \(String(cString: strerror(code)))"
        case let .messageMissing(name, maildir):
            return "message \(name) is in neither new/ nor cur/ of \(maildir)"
        }
    }
}
