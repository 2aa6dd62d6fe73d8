import Foundation
import Synchronization
import Testing

/// A real SMTP server on 127.0.0.1: `rig/smtp-server.py` under the system Python with Debian's
/// aiosmtpd. It keeps every accepted message as a file, refuses `rejected@rig.test` with 550 and
/// `busy@rig.test` with 451.
public final class SMTPServerProcess: Sendable {
    public static let rejectedRecipient = "rejected@rig.test"
    public static let busyRecipient = "busy@rig.test"

    public let port: Int
    public let outbox: TemporaryDirectory
    private let process: Mutex<ChildProcess?>

    /// The server of the running suite (see `SMTPServerScope`).
    @TaskLocal public static var current: SMTPServerProcess?

    private init(port: Int, outbox: TemporaryDirectory, process: ChildProcess) {
        self.port = port
        self.outbox = outbox
        self.process = Mutex(process)
    }

    public static func start() throws -> SMTPServerProcess {
        let outbox = try TemporaryDirectory("smtp")
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw RigError("pipe: \(String(cString: strerror(errno)))") }
        // Only the server's stdout may hold the write end, or the pipe would outlive it.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        defer { close(pipeEnds[0]) }
        // Its complaints go to a file: a pipe nobody reads could fill up and stall the server.
        let log = "\(outbox.path)/server.log"
        let process: ChildProcess
        do {
            defer { close(pipeEnds[1]) }
            // Port 0: the server binds a free port itself and says which, so no other process can take it first.
            process = try ChildProcess.spawn("/usr/bin/python3", [
                "\(RigCommand.rigDirectory)/smtp-server.py", "0", "\(outbox.path)/messages",
                "--reject-rcpt", rejectedRecipient, "--tempfail-rcpt", busyRecipient,
            ], stdoutDescriptor: pipeEnds[1], stderrPath: log)
        }
        let firstLine = readLine(pipeEnds[0], timeoutSeconds: 15)
        guard let portText = firstLine.split(separator: ":").last, firstLine.hasPrefix("listening on"),
              let port = Int(portText), LoopbackPort.waitUntilAccepting(port, timeoutSeconds: 10) else {
            process.stop()
            let complaint = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            outbox.remove()
            throw RigError("smtp-server.py did not start: \(firstLine) \(complaint)")
        }
        return SMTPServerProcess(port: port, outbox: outbox, process: process)
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Stops the server and removes its files; safe to call more than once.
    public func stop() {
        guard let running = process.withLock({ value in defer { value = nil }; return value }) else { return }
        running.stop()
        outbox.remove()
    }

    deinit { stop() }

    /// The messages received so far whose envelope includes `recipient`: (DATA bytes, envelope JSON).
    public func received(for recipient: String) throws -> [(bytes: [UInt8], envelope: [String: Any])] {
        let directory = "\(outbox.path)/messages"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted()
        var found: [(bytes: [UInt8], envelope: [String: Any])] = []
        for name in names {
            let base = "\(directory)/\(name.dropLast(4))"
            let envelopeData = try Data(contentsOf: URL(fileURLWithPath: base + ".json"))
            guard let envelope = try JSONSerialization.jsonObject(with: envelopeData) as? [String: Any],
                  let recipients = envelope["rcpt_tos"] as? [String], recipients.contains(recipient) else { continue }
            found.append(([UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".eml"))), envelope))
        }
        return found
    }

    /// The first line the server prints, or what came before `timeoutSeconds` ran out.
    private static func readLine(_ descriptor: Int32, timeoutSeconds: Double) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var waited = 0.0
        while bytes.last != UInt8(ascii: "\n") && waited < timeoutSeconds {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 100) > 0 else {
                waited += 0.1
                continue
            }
            guard read(descriptor, &byte, 1) == 1 else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Runs a suite with one SMTP server for all its tests, stopped when the suite ends, failures included.
public struct SMTPServerScope: SuiteTrait, TestScoping {
    public func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let server = try SMTPServerProcess.start()
        defer { server.stop() }
        try await SMTPServerProcess.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == SMTPServerScope {
    public static var smtpServer: Self { SMTPServerScope() }
}
