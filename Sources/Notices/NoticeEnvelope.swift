import MIME

/// Who sends a notice to whom, and which message it answers.
public struct NoticeEnvelope: Sendable {
    public var from: MailAddress
    public var replyTo: [MailAddress]
    public var to: MailAddress
    /// Ours, without angle brackets.
    public var messageID: String
    public var date: MessageDate
    /// The applicant's Message-ID, when the notice answers a message of theirs.
    public var inReplyTo: String?
    /// The applicant's own References, as their message carried them.
    public var references: [String]

    public init(from: MailAddress, replyTo: [MailAddress] = [], to: MailAddress, messageID: String,
                date: MessageDate, inReplyTo: String? = nil, references: [String] = []) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
    }
}
