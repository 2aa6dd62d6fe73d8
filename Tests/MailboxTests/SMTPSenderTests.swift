import TestRig
import Foundation
import Mailbox
import Testing

/// Against a real SMTP server (aiosmtpd). Each test uses its own recipient, so they can run in parallel.
@Suite(.smtpServer) struct SMTPSenderTests {
    private func sender(url: String? = nil, requireTLS: Bool? = nil) throws -> (SMTPSender, SMTPServerProcess) {
        let server = try #require(SMTPServerProcess.current)
        let sender = try SMTPSender(server: SMTPServer(url: url ?? server.url, timeoutSeconds: 10, requireTLS: requireTLS))
        return (sender, server)
    }

    @Test func aSentMessageArrivesWithItsExactBytesAndEnvelope() throws {
        let (sender, server) = try sender()
        let recipient = "\(TestMessage.uniqueName("applicant"))@example.kz"
        // A line starting with a dot, which SMTP must stuff and the server unstuff.
        let message = TestMessage.make(subject: "receipt", body: "Қабылданды / Принято\r\n.\r\n..two dots\r\nend\r\n")

        #expect(sender.send(message, from: "volunteer@mki.gov.kz", to: [recipient]) == .sent)

        let received = try server.received(for: recipient)
        #expect(received.count == 1)
        #expect(received.first?.bytes == message)
        #expect(received.first?.envelope["mail_from"] as? String == "volunteer@mki.gov.kz")
    }

    @Test func oneSenderSendsSeveralMessagesInARow() throws {
        let (sender, server) = try sender()
        let recipient = "\(TestMessage.uniqueName("many"))@example.kz"
        let messages = (1...5).map { TestMessage.make(subject: "notice\($0)") }
        for message in messages {
            #expect(sender.send(message, from: "volunteer@mki.gov.kz", to: [recipient]) == .sent)
        }
        #expect(try server.received(for: recipient).map(\.bytes) == messages)
    }

    @Test func aRecipientRefusedWith550IsAPermanentFailure() throws {
        let (sender, server) = try sender()
        let outcome = sender.send(TestMessage.make(subject: "refused"), from: "volunteer@mki.gov.kz",
                                  to: [SMTPServerProcess.rejectedRecipient])
        guard case let .permanentFailure(code, message) = outcome else {
            Issue.record("expected a permanent failure, got \(outcome)")
            return
        }
        #expect(code == 550)
        #expect(message.contains("Recipient address rejected"))
        #expect(try server.received(for: SMTPServerProcess.rejectedRecipient).isEmpty)
    }

    @Test func aRecipientDeferredWith451IsATemporaryFailure() throws {
        let (sender, _) = try sender()
        let outcome = sender.send(TestMessage.make(subject: "later"), from: "volunteer@mki.gov.kz",
                                  to: [SMTPServerProcess.busyRecipient])
        guard case let .temporaryFailure(code, message) = outcome else {
            Issue.record("expected a temporary failure, got \(outcome)")
            return
        }
        #expect(code == 451)
        #expect(message.contains("try again later"))
    }

    @Test func afterARefusalTheSameSenderStillSends() throws {
        let (sender, server) = try sender()
        let recipient = "\(TestMessage.uniqueName("next"))@example.kz"
        _ = sender.send(TestMessage.make(subject: "refused"), from: "volunteer@mki.gov.kz", to: [SMTPServerProcess.rejectedRecipient])
        #expect(sender.send(TestMessage.make(subject: "next"), from: "volunteer@mki.gov.kz", to: [recipient]) == .sent)
        #expect(try server.received(for: recipient).count == 1)
    }

    @Test func oneRefusedRecipientFailsTheWholeMessage() throws {
        let (sender, server) = try sender()
        let recipient = "\(TestMessage.uniqueName("half"))@example.kz"
        let outcome = sender.send(TestMessage.make(subject: "half"), from: "volunteer@mki.gov.kz",
                                  to: [recipient, SMTPServerProcess.rejectedRecipient])
        #expect(outcome == .permanentFailure(code: 550, message: "550 5.1.1 <\(SMTPServerProcess.rejectedRecipient)>: Recipient address rejected"))
        #expect(try server.received(for: recipient).isEmpty)
    }

    @Test func requiringTLSRefusesAServerWithoutSTARTTLS() throws {
        let (sender, server) = try sender(requireTLS: true)
        let recipient = "\(TestMessage.uniqueName("tls"))@example.kz"
        let outcome = sender.send(TestMessage.make(subject: "tls"), from: "volunteer@mki.gov.kz", to: [recipient])
        guard case .temporaryFailure = outcome else {
            Issue.record("expected a temporary failure, got \(outcome)")
            return
        }
        #expect(try server.received(for: recipient).isEmpty)
    }

    @Test func addressesThatCouldInjectCommandsAreRefusedBeforeConnecting() throws {
        let (sender, _) = try sender()
        let outcome = sender.send(TestMessage.make(subject: "inject"), from: "volunteer@mki.gov.kz",
                                  to: ["a@example.kz>\r\nRCPT TO:<b@example.kz"])
        guard case .permanentFailure(0, _) = outcome else {
            Issue.record("expected a permanent failure before sending, got \(outcome)")
            return
        }
    }
}

@Suite struct SMTPSenderWithoutServerTests {
    @Test func aServerThatIsNotRunningIsATemporaryFailure() throws {
        let port = try LoopbackPort.free()
        let sender = try SMTPSender(server: SMTPServer(url: "smtp://127.0.0.1:\(port)", timeoutSeconds: 5))
        let outcome = sender.send(TestMessage.make(subject: "down"), from: "volunteer@mki.gov.kz", to: ["a@example.kz"])
        guard case let .temporaryFailure(code, message) = outcome else {
            Issue.record("expected a temporary failure, got \(outcome)")
            return
        }
        #expect(code == nil)
        #expect(message.contains("connect"))
    }

    /// A server that took the connection and never says a word (hung, or a tarpit): the kernel
    /// completes the handshake from the listen queue, and nothing ever answers. The send must
    /// fail within `timeoutSeconds`, well inside the service's 120 s watchdog, or a hung relay
    /// would get the daemon restarted mid-send, over and over.
    @Test func aServerThatNeverAnswersFailsTheSendWithinItsTimeout() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        try #require(bound && listen(listener, 4) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let sender = try SMTPSender(server: SMTPServer(url: "smtp://127.0.0.1:\(port)", timeoutSeconds: 2))
        let started = ContinuousClock.now
        let outcome = sender.send(TestMessage.make(subject: "silence"), from: "volunteer@mki.gov.kz", to: ["a@example.kz"])
        let waited = ContinuousClock.now - started
        guard case .temporaryFailure = outcome else {
            Issue.record("expected a temporary failure, got \(outcome)")
            return
        }
        #expect(waited >= .seconds(1) && waited < .seconds(15), "\(waited)")
    }

    @Test func tlsIsRequiredByDefaultExceptOnLoopback() {
        #expect(SMTPServer(url: "smtp://relay.example.kz:587").requireTLS)
        #expect(!SMTPServer(url: "smtp://127.0.0.1:2525").requireTLS)
        #expect(!SMTPServer(url: "smtp://[::1]:2525").requireTLS)
    }

    @Test func aURLWithAnotherSchemeIsRefused() {
        #expect(throws: MailURLError.self) { _ = try SMTPSender(server: SMTPServer(url: "imap://127.0.0.1:25")) }
        #expect(throws: MailURLError.self) { _ = try SMTPSender(server: SMTPServer(url: "smtp://host:port")) }
    }
}
