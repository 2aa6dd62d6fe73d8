import CCurl

/// Sends messages through one SMTP server. Consecutive sends reuse the connection when the
/// server keeps it open. Not thread-safe: one sender per sending thread.
public final class SMTPSender {
    public let server: SMTPServer
    private let usesImplicitTLS: Bool
    private var transfer: CurlTransfer?

    public init(server: SMTPServer) throws(MailURLError) {
        let url = try MailURL(server.url, schemes: ["smtp", "smtps"])
        self.server = server
        usesImplicitTLS = url.scheme == "smtps"
    }

    /// Sends `bytes` (a complete RFC 5322 message, CRLF line ends) from the envelope sender
    /// `from` to every address in `to`. libcurl dot-stuffs the data and ends it. A recipient
    /// refused fails the whole message, so it is never half-sent.
    public func send(_ bytes: [UInt8], from: String, to recipients: [String]) -> SMTPOutcome {
        guard !recipients.isEmpty else { return .permanentFailure(code: 0, message: "no recipients") }
        // A CR or LF here would let an address smuggle commands into the SMTP dialogue.
        for address in [from] + recipients where address.contains(where: { "\r\n<>".contains($0) }) {
            return .permanentFailure(code: 0, message: "malformed address \(address.debugDescription)")
        }
        do throws(CurlError) {
            let transfer: CurlTransfer
            if let open = self.transfer {
                transfer = open
            } else {
                transfer = try session()
                self.transfer = transfer
            }
            try transfer.set(CURLOPT_MAIL_FROM, "<\(from)>")
            try transfer.setRecipients(recipients.map { "<\($0)>" })
            _ = try transfer.perform(uploading: bytes)
            return .sent
        } catch {
            return Self.outcome(of: error)
        }
    }

    static func outcome(of error: CurlError) -> SMTPOutcome {
        let code = error.responseCode
        let message = error.serverReply.isEmpty ? error.description : error.serverReply
        if error.isLoginDenied { return .temporaryFailure(code: code == 0 ? nil : code, message: "login denied: \(message)") }
        switch code {
        case 500..<600: return .permanentFailure(code: code, message: message)
        case 400..<500: return .temporaryFailure(code: code, message: message)
        default: return .temporaryFailure(code: nil, message: message)
        }
    }

    private func session() throws(CurlError) -> CurlTransfer {
        let transfer = try server.openTransfer(implicitTLS: usesImplicitTLS)
        try transfer.set(CURLOPT_UPLOAD, 1)
        return transfer
    }
}
