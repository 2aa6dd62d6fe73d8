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

    private static func startAlone() throws -> DovecotServer {
        let directory = try TemporaryDirectory("dovecot", traversable: true)
        var lastOutput = ""
        // A free port can be taken by someone else before Dovecot binds it: try another.
        for _ in 1...3 {
            let port = try LoopbackPort.free()
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
        directory.remove()
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
