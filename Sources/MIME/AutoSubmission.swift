/// Whether a message was sent by a machine rather than a person (RFC 3834 and its folklore).
///
/// tizilim answers applicants automatically; answering an auto-reply, a bounce or a list starts
/// a mail loop. Every sign is recorded, so staff can see why a message got no answer.
public struct AutoSubmission: Sendable, Hashable {
    /// Why the message counts as automatic; empty for a person's mail.
    public let reasons: [String]

    public var isAutomatic: Bool { !reasons.isEmpty }

    public init(_ message: Message) { self.init(message, from: message.from) }

    /// `from`: the message's From addresses, when the caller has parsed them already.
    public init(_ message: Message, from: [MailAddress]) {
        let header = message.header
        var reasons: [String] = []
        if let value = header["Auto-Submitted"]?.lowercased(), !value.hasPrefix("no") {
            reasons.append("Auto-Submitted: \(value)")
        }
        if let value = header["Precedence"]?.lowercased(),
           ["bulk", "junk", "list", "auto_reply", "auto-reply"].contains(where: { value.hasPrefix($0) }) {
            reasons.append("Precedence: \(value)")
        }
        for name in ["X-Autoreply", "X-Autorespond", "X-Autoresponse", "X-Auto-Reply", "X-Mail-Autoreply", "X-Yandex-Autoreply"] {
            if let value = header[name], !["no", "false", "0"].contains(value.lowercased()) {
                reasons.append("\(name): \(value)")
            }
        }
        // Exchange marks its out-of-office replies this way, asking for no answer in return.
        if let value = header["X-Auto-Response-Suppress"], value.lowercased().contains("all") || value.lowercased().contains("oof") {
            reasons.append("X-Auto-Response-Suppress: \(value)")
        }
        if header.first("List-Id") != nil { reasons.append("List-Id") }
        if header.first("List-Unsubscribe") != nil && header.first("List-Id") == nil { reasons.append("List-Unsubscribe") }
        if header.first("Feedback-ID") != nil && header.first("List-Unsubscribe") != nil { reasons.append("bulk sender") }
        if let returnPath = header["Return-Path"] {
            let bare = returnPath.filter { $0 != " " && $0 != "\t" }
            if bare == "<>" || bare.isEmpty { reasons.append("empty Return-Path") }
        }
        if message.root.contentType.mimeType == "multipart/report" {
            reasons.append("multipart/report (\(message.root.contentType.parameters["report-type"] ?? "report"))")
        }
        if let from = from.first {
            let local = from.localPart.lowercased()
            if ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply", "bounce", "bounces"]
                .contains(where: { local == $0 || local.hasPrefix($0 + "+") || local.hasPrefix($0 + "-") }) {
                reasons.append("From: \(from.address)")
            }
        }
        self.reasons = reasons
    }
}

extension Message {
    public var autoSubmission: AutoSubmission { AutoSubmission(self) }
}
