import Foundation
import Synchronization
import Testing

/// A real Dovecot IMAP server on 127.0.0.1, started by `rig/dovecot.sh` in a temporary
/// directory, with one user `volunteer` / `secret`.
public final class DovecotServer: Sendable {
    public let directory: TemporaryDirectory
    public let port: Int
    public let user = "volunteer"
    public let password = "secret"
    private let stopped = Mutex(false)

    /// The server of the running suite (see `DovecotScope`).
    @TaskLocal public static var current: DovecotServer?

    private init(directory: TemporaryDirectory, port: Int) {
        self.directory = directory
        self.port = port
    }

    /// One start at a time in this process: between picking a free port and Dovecot binding it,
    /// a second start could pick the same port, find the first server accepting there, and
    /// take it for its own (and stop it at the end of its suite, under the other's tests).
    private static let starting = Mutex(())

    public static func start() throws -> DovecotServer {
        try starting.withLock { _ in try startAlone() }
    }

    /// Ports of servers that are down for a while (`halt`) and will start again on them: no
    /// other server of this process may take one meanwhile.
    private static let heldPorts = Mutex(Set<Int>())

    private static func startAlone() throws -> DovecotServer {
        let directory = try TemporaryDirectory("dovecot", traversable: true)
        var lastOutput = ""
        // A free port can be taken by someone else before Dovecot binds it: try another.
        for _ in 1...3 {
            let port = try LoopbackPort.free()
            if heldPorts.withLock({ $0.contains(port) }) {
                lastOutput = "port \(port) belongs to a server that is down for a restart"
                continue
            }
            let result = try RigCommand.run("/bin/bash", [
                "\(RigCommand.rigDirectory)/dovecot.sh", "start", "\(directory.path)/server", "\(port)", "\(getpid())",
            ])
            if result.status == 0 && LoopbackPort.waitUntilAccepting(port, timeoutSeconds: 10) {
                return DovecotServer(directory: directory, port: port)
            }
            lastOutput = result.output
            _ = try? RigCommand.run("/bin/bash", ["\(RigCommand.rigDirectory)/dovecot.sh", "stop", "\(directory.path)/server"])
        }
        directory.remove()
        throw RigError("could not start Dovecot: \(lastOutput)")
    }

    /// Stops the server and removes its directory; safe to call more than once.
    public func stop() {
        let wasStopped = stopped.withLock { value in
            defer { value = true }
            return value
        }
        guard !wasStopped else { return }
        _ = try? RigCommand.run("/bin/bash", ["\(RigCommand.rigDirectory)/dovecot.sh", "stop", "\(directory.path)/server"])
        _ = Self.heldPorts.withLock { $0.remove(port) }
        directory.remove()
    }

    // MARK: Faults

    /// Takes the server down as a restart (`crash: false`: SIGTERM, then whatever is left is
    /// killed) or a crash (`crash: true`: SIGKILL to every process at once) would: every IMAP
    /// session ends, the port closes. Its port, configuration and mail stay for `startAgain()`.
    public func halt(crash: Bool = false) throws {
        guard !stopped.withLock({ $0 }) else { throw RigError("Dovecot on port \(port) was stopped for good") }
        _ = Self.heldPorts.withLock { $0.insert(port) }
        let result = try RigCommand.run("/bin/bash", [
            "\(RigCommand.rigDirectory)/dovecot.sh", crash ? "crash" : "stop", "\(directory.path)/server",
        ])
        guard result.status == 0 else { throw RigError("could not halt Dovecot on port \(port): \(result.output)") }
    }

    /// Starts the halted server again on the same port, with the same configuration and mail.
    /// Serialised with `start()`, like every start in this process.
    public func startAgain() throws {
        try Self.starting.withLock { _ in
            let result = try RigCommand.run("/bin/bash", [
                "\(RigCommand.rigDirectory)/dovecot.sh", "start", "\(directory.path)/server", "\(port)", "\(getpid())",
            ])
            guard result.status == 0 && LoopbackPort.waitUntilAccepting(port, timeoutSeconds: 10) else {
                throw RigError("could not start Dovecot again on port \(port) (taken by another program while it was down?): \(result.output)")
            }
        }
        _ = Self.heldPorts.withLock { $0.remove(port) }
    }

    /// Freezes every process of the server (SIGSTOP): connections stay open and nothing answers,
    /// as with a hung server. `thaw()` lets it go on; `stop()` ends it frozen or not.
    public func freeze() throws { try signal("freeze") }

    public func thaw() throws { try signal("thaw") }

    private func signal(_ subcommand: String) throws {
        let result = try RigCommand.run("/bin/bash", ["\(RigCommand.rigDirectory)/dovecot.sh", subcommand, "\(directory.path)/server"])
        guard result.status == 0 else { throw RigError("dovecot.sh \(subcommand) failed: \(result.output)") }
    }

    /// `halt`, then `startAgain`, with `whileDown` run in between (to change the mail on disk).
    public func restart(crash: Bool = false, whileDown: () throws -> Void = {}) throws {
        try halt(crash: crash)
        try whileDown()
        try startAgain()
    }

    /// Makes Dovecot forget a folder's UIDs, as when a server crashes and loses its indexes: the
    /// server is killed and comes back without the folder's `dovecot-uidlist` and indexes, and
    /// the messages, all still there, get a new UIDVALIDITY and new UIDs from 1 (in whatever
    /// order Dovecot lists the files). Killed rather than stopped: a stopping Dovecot says BYE
    /// on its open sessions, and whether a client reads that farewell before noticing the
    /// closed connection is a matter of timing; a killed one just closes them.
    public func forgetUIDs(of folder: String) throws {
        try restart(crash: true) {
            let files = FileManager.default
            let folderPath = mailPath(of: folder)
            for name in try files.contentsOfDirectory(atPath: folderPath)
            where name == "dovecot-uidlist" || name.hasPrefix("dovecot.index") {
                try files.removeItem(atPath: "\(folderPath)/\(name)")
            }
            // The mailbox list index caches each folder's UIDVALIDITY for STATUS.
            let root = mailPath(of: "INBOX")
            for name in try files.contentsOfDirectory(atPath: root) where name.hasPrefix("dovecot.list.index") {
                try files.removeItem(atPath: "\(root)/\(name)")
            }
        }
    }

    /// The folder's Maildir on disk (Maildir++: INBOX is the user's Maildir, `A/B` is `.A.B`).
    public func mailPath(of folder: String) -> String {
        let home = "\(directory.path)/server/mail/\(user)"
        return folder == "INBOX" ? home : "\(home)/.\(folder.replacingOccurrences(of: "/", with: "."))"
    }

    /// The file of the message with this UID, found through Dovecot's `dovecot-uidlist`
    /// (`UID [fields] :BASENAME` per message).
    public func messageFile(uid: UInt32, in folder: String) throws -> String {
        let folderPath = mailPath(of: folder)
        let list = try String(contentsOfFile: "\(folderPath)/dovecot-uidlist", encoding: .utf8)
        for line in list.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.first == Substring("\(uid)"), let base = words.last(where: { $0.hasPrefix(":") })?.dropFirst() else { continue }
            for subfolder in ["cur", "new"] {
                let names = try FileManager.default.contentsOfDirectory(atPath: "\(folderPath)/\(subfolder)")
                if let name = names.first(where: { $0 == base || $0.hasPrefix("\(base):") }) {
                    return "\(folderPath)/\(subfolder)/\(name)"
                }
            }
        }
        throw RigError("no file for UID \(uid) in \(folderPath)")
    }

    deinit { stop() }

    public func url(_ folder: String = "INBOX") -> String { "imap://127.0.0.1:\(port)/\(folder)" }

    /// A client for arranging the server's state, through the `curl` tool rather than the code under test.
    public var client: IMAPTestClient { IMAPTestClient(port: port, user: user, password: password) }
}

/// Runs a suite with one Dovecot for all its tests, stopped when the suite ends, failures included.
public struct DovecotScope: SuiteTrait, TestScoping {
    public func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        try await DovecotServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == DovecotScope {
    public static var dovecot: Self { DovecotScope() }
}
