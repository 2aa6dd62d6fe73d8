import MIME

extension NoticeTemplates {
    /// The notice as mail: threaded under the applicant's message, marked as an automatic reply.
    public func message(for notice: Notice, envelope: NoticeEnvelope) -> OutgoingMessage {
        let rendered = render(notice)
        var message = OutgoingMessage(from: envelope.from, to: [envelope.to], subject: rendered.subject,
                                      messageID: envelope.messageID, date: envelope.date, text: rendered.text)
        message.html = rendered.html
        message.replyTo = envelope.replyTo
        message.inReplyTo = envelope.inReplyTo.flatMap(NoticeThread.usable)
        message.references = NoticeThread.references(envelope.references, answering: envelope.inReplyTo)
        let languages = NoticeLanguage.order(for: notice.language).map(\.rawValue).joined(separator: ", ")
        message.extraHeaders = [
            // RFC 3834: autoresponders and vacation programs must not answer us, or a loop starts.
            ("Auto-Submitted", "auto-replied"),
            // Exchange and Outlook honour this instead, for out-of-office and read receipts.
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Language", languages),
        ]
        return message
    }
}

/// Threading headers built from what the applicant's client sent, which can be anything.
enum NoticeThread {
    /// Enough for any mail client to thread; a long chain only grows the header.
    static let maxReferences = 20
    /// RFC 5322 lines stop at 998 characters; an id near that is not a real one.
    static let maxIDLength = 250

    /// RFC 5322 §3.6.4: the parent's References followed by the parent's Message-ID. Over the
    /// cap, the first (the thread's root) and the most recent are kept, as the RFC suggests.
    static func references(_ theirs: [String], answering parent: String?) -> [String] {
        var ids: [String] = []
        for id in (theirs + [parent].compactMap { $0 }).compactMap(usable) where !ids.contains(id) {
            ids.append(id)
        }
        guard ids.count > maxReferences else { return ids }
        return [ids[0]] + ids.suffix(maxReferences - 1)
    }

    /// The id inside the first `<…>`, else the first word: what a sloppy client meant, without
    /// whatever followed it.
    static func usable(_ id: String) -> String? {
        let text = HeaderText.clean(id)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return usableASCII(text) }
        var bare = Substring(text)
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            bare = text[text.index(after: open)..<close]
        }
        let word = bare.split(separator: " ").first.map(String.init) ?? ""
        let clean = word.filter { $0 != "<" && $0 != ">" }
        return clean.isEmpty || clean.count > maxIDLength ? nil : clean
    }

    /// The same on bytes: cleaned ASCII has no line breaks, so every character is one byte.
    private static func usableASCII(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        if let open = bytes.firstIndex(of: 0x3C), let close = bytes[open...].firstIndex(of: 0x3E) {
            bytes = bytes[(open + 1)..<close]
        }
        let word = bytes.split(separator: 0x20).first ?? []
        let clean = word.filter { $0 != 0x3C && $0 != 0x3E }
        return clean.isEmpty || clean.count > maxIDLength ? nil : String(decoding: clean, as: UTF8.self)
    }
}
