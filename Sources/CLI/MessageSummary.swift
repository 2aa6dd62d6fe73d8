import Mailbox
import Cases
import MIME
import Store

/// A message of a case as staff see it in `cases show`: the header lines a mail client shows and
/// the files attached, read again from the Maildir file the store points to.
struct MessageSummary {
    struct Attachment: Equatable {
        /// The MIME part path (`2`, `2.1`), what `cases open ID PART` takes.
        let part: String
        let filename: String?
        let contentType: String
        /// Decoded bytes, as the file would be written out.
        let size: Int
    }

    /// 1 for the case's first message.
    let number: Int
    let stored: StoredMessage
    let from: MailAddress?
    let subject: String?
    /// The Date header in Asia/Almaty time.
    let date: LocalDateTime?
    let attachments: [Attachment]
    /// Why the file could not be read again (moved, deleted); the store's facts remain.
    let problem: String?

    static func read(_ stored: StoredMessage, number: Int, legacyCharset: String) -> MessageSummary {
        guard let bytes = try? MessageFile.read(stored.maildirPath) else {
            return MessageSummary(number: number, stored: stored, from: nil, subject: stored.subject, date: nil,
                                  attachments: [], problem: "the file \(stored.maildirPath) is gone")
        }
        let message = Message(bytes: bytes, legacyCharset: legacyCharset)
        return MessageSummary(number: number, stored: stored, from: message.from.first, subject: message.subject ?? stored.subject,
                              date: message.date.map { LocalDateTime(utcSeconds: $0.secondsSince1970) },
                              attachments: attachments(of: message), problem: nil)
    }

    /// The parts a person would call files: attachments, named parts and forwarded messages'
    /// files, in part order.
    static func attachments(of message: Message) -> [Attachment] {
        message.parts.filter { !$0.isContainer && ($0.isAttachment || $0.filename != nil) }.map { part in
            Attachment(part: part.path, filename: part.filename, contentType: part.contentType.mimeType,
                       size: part.decodedBody().bytes.count)
        }
    }

    static func show(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return address.address }
        return "\(name) <\(address.address)>"
    }
}
