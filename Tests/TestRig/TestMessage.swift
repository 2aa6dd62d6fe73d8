/// Messages for the tests, with CRLF line ends as on the wire, so that IMAP and SMTP hand
/// back exactly the bytes that went in.
public enum TestMessage {
    public static func make(subject: String, body: String = "Өтініш / Заявление\r\nБұл сынақ хат.\r\n") -> [UInt8] {
        let text = "From: Applicant <applicant@example.kz>\r\n"
            + "To: volunteer@mki.gov.kz\r\n"
            + "Subject: \(subject)\r\n"
            + "Message-ID: <\(subject.filter { $0.isLetter || $0.isNumber })@example.kz>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + body
        return Array(text.utf8)
    }

    /// A name no other test uses, for folders and addresses on the shared servers.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)\(UInt32.random(in: 0...UInt32.max))"
    }
}
