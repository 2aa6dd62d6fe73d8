import Foundation
import Synchronization
import Testing

/// A real SMTP server on 127.0.0.1: `rig/smtp-server.py` under the system Python with Debian's
/// aiosmtpd. It keeps every accepted message as a file, refuses `rejected@rig.test` with 550 and
/// `busy@rig.test` with 451. A test can take it down and up again on the same port, and make
/// it answer 421 or 451 for a while (`behave`).
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
        do {
            let (port, process) = try spawn(outbox: outbox, port: 0)
            return SMTPServerProcess(port: port, outbox: outbox, process: process)
        } catch {
            outbox.remove()
            throw error
        }
    }

    /// Starts `smtp-server.py` on `port` (0: a free one) and returns the port it listens on.
    private static func spawn(outbox: TemporaryDirectory, port requested: Int) throws -> (Int, ChildProcess) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw RigError("pipe: \(String(cString: strerror(errno)))") }
        // Only the server's stdout may hold the write end, or the pipe would outlive it.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        defer { close(pipeEnds[0]) }
        // Its complaints go to a file: a pipe nobody reads could fill up and stall the server.
        // Appended to, so a restarted server keeps the earlier one's lines.
        let log = "\(outbox.path)/server.log"
        let process: ChildProcess
        do {
            defer { close(pipeEnds[1]) }
            // Port 0: the server binds a free port itself and says which, so no other process can take it first.
            process = try ChildProcess.spawn("/bin/sh", [
                "-c", "exec /usr/bin/python3 \"$@\" 2>>\"$0\"", log,
                "\(RigCommand.rigDirectory)/smtp-server.py", "\(requested)", "\(outbox.path)/messages",
                "--reject-rcpt", rejectedRecipient, "--tempfail-rcpt", busyRecipient,
                "--control", "\(outbox.path)/control",
            ], stdoutDescriptor: pipeEnds[1])
        }
        let firstLine = readLine(pipeEnds[0], timeoutSeconds: 15)
        guard let portText = firstLine.split(separator: ":").last, firstLine.hasPrefix("listening on"),
              let port = Int(portText), requested == 0 || port == requested,
              LoopbackPort.waitUntilAccepting(port, timeoutSeconds: 10) else {
            process.stop()
            let complaint = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw RigError("smtp-server.py did not start: \(firstLine) \(complaint)")
        }
        return (port, process)
    }

    /// What the server does with the next connections (see `rig/smtp-server.py`, "--control").
    public enum Behaviour: Sendable, Equatable {
        /// Accepts everything except `rejectedRecipient` (550), `busyRecipient` (451) and `reject`.
        case normal(reject: [String] = [])
        /// Up, but answers every connection with 421 at the greeting and closes it.
        case serviceUnavailable421
        /// Greets and accepts MAIL FROM, then answers every RCPT with 451.
        case everyRecipient451
    }

    /// Switches the running server's behaviour: the control file is replaced atomically and
    /// re-read by the server at each connection and each RCPT, so it holds from the next one on.
    public func behave(_ behaviour: Behaviour) throws {
        let text: String
        switch behaviour {
        case .normal(let reject): text = (["mode normal"] + reject.map { "reject \($0)" }).joined(separator: "\n") + "\n"
        case .serviceUnavailable421: text = "mode greet-421\n"
        case .everyRecipient451: text = "mode rcpt-451\n"
        }
        let path = "\(outbox.path)/control"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + ".new"))
        guard rename(path + ".new", path) == 0 else { throw RigError("rename \(path): \(String(cString: strerror(errno)))") }
    }

    /// Takes the server down (connections are refused) and keeps what it received, for `up()`.
    public func down() {
        process.withLock { value in
            value?.stop()
            value = nil
        }
    }

    /// Starts the server again on the same port, with the same outbox and control file.
    /// The port was ours a moment ago; should another process have taken it, this throws.
    public func up() throws {
        try process.withLock { value in
            guard value == nil else { return }
            var lastError: Error?
            // The kernel may still hold the port for a moment after the old server exits.
            for _ in 0..<20 {
                do {
                    value = try Self.spawn(outbox: outbox, port: port).1
                    return
                } catch {
                    lastError = error
                    usleep(250_000)
                }
            }
            throw lastError ?? RigError("smtp-server.py did not start again on port \(port)")
        }
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Stops the server and removes its files; safe to call more than once.
    public func stop() {
        let running = process.withLock { value in defer { value = nil }; return value }
        running?.stop()
        outbox.remove()
    }

    deinit { stop() }

    /// The messages received so far whose envelope includes `recipient`: (DATA bytes, envelope JSON).
    public func received(for recipient: String) throws -> [(bytes: [UInt8], envelope: [String: Any])] {
        try allReceived().filter { ($0.envelope["rcpt_tos"] as? [String])?.contains(recipient) == true }
    }

    /// Every message received so far, in the order the server accepted them.
    public func allReceived() throws -> [(bytes: [UInt8], envelope: [String: Any])] {
        let directory = "\(outbox.path)/messages"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted()
        var found: [(bytes: [UInt8], envelope: [String: Any])] = []
        for name in names {
            let base = "\(directory)/\(name.dropLast(4))"
            let envelopeData = try Data(contentsOf: URL(fileURLWithPath: base + ".json"))
            guard let envelope = try JSONSerialization.jsonObject(with: envelopeData) as? [String: Any] else { continue }
            found.append(([UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".eml"))), envelope))
        }
        return found
    }

    /// What the server wrote on stderr, including the refusals the control file caused.
    public var log: String { (try? String(contentsOfFile: "\(outbox.path)/server.log", encoding: .utf8)) ?? "" }

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
