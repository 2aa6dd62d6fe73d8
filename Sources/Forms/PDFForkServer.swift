import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The client of tizilim-pdftext (Sources/tizilim-pdftext/main.cpp): a process with poppler
/// loaded once that forks a fresh child for each PDF and answers with what `pdftotext -layout`
/// would print, or with the pages' geometry (`PDFLayout` reads it). Starting pdftotext costs ~6 ms of CPU per PDF, mostly the dynamic linker; a
/// child of the server costs under 1 ms more than poppler's own reading.
///
/// Servers are kept for reuse, one per concurrent reader. A server that stops answering is
/// killed and replaced once; without a working server `read` answers nil and the caller runs
/// pdftotext as before.
final class PDFForkServer: @unchecked Sendable {
    static let executableName = "tizilim-pdftext"
    static let shared = PDFForkServer(path: locate())

    struct Reply: Equatable {
        enum Outcome: Equatable {
            /// The child's exit status, as pdftotext's: 0 read, 1 unreadable, 99 no pages.
            case exited(Int32)
            case signaled(Int32)
            case deadline
            case overflow
        }
        let outcome: Outcome
        let text: [UInt8]
    }

    let path: String?
    /// Idle servers kept beyond this many are stopped: more readers than cores never run at once.
    let keep = 4
    private let lock = NSLock()
    private var idle: [Connection] = []

    init(path: String?) { self.path = path }

    /// Beside the running program (a build folder, or /usr/local/bin with the package's
    /// install), or in the libexec folder beside its bin folder.
    static func locate(_ executableName: String = executableName) -> String? {
        guard let program = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let folder = (program as NSString).deletingLastPathComponent
        for candidate in [folder + "/" + executableName, folder + "/../libexec/tizilim/" + executableName]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    /// The text of one PDF, read by a fresh child of a server; nil if no server can be run.
    /// `geometry`: the words' boxes and the lines drawn (tizilim-pdftext's "PDF2"), not the text.
    func read(_ pdf: [UInt8], timeout: TimeInterval, maxOutput: Int, geometry: Bool = false) -> Reply? {
        guard let path else { return nil }
        // A kept server may have died since (killed by an operator, out of memory): one retry
        // with a fresh one tells that apart from a server that cannot run at all.
        for _ in 0..<2 {
            guard let connection = take() ?? Connection(path: path) else { return nil }
            switch connection.exchange(pdf, timeout: timeout, maxOutput: maxOutput, geometry: geometry) {
            case .reply(let reply):
                give(connection)
                return reply
            case .noChild:
                // The server could not fork (process or memory limits): pdftotext may still run.
                give(connection)
                return nil
            case .broken:
                connection.stop()
            }
        }
        return nil
    }

    private func take() -> Connection? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    private func give(_ connection: Connection) {
        lock.lock()
        if idle.count < keep {
            idle.append(connection)
            lock.unlock()
        } else {
            lock.unlock()
            connection.stop()
        }
    }

    /// Stops every idle server (tests).
    func stopIdle() {
        lock.lock()
        let stopping = idle
        idle = []
        lock.unlock()
        for connection in stopping { connection.stop() }
    }

    /// The process ids of the idle servers (tests).
    var idleProcessIDs: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return idle.map(\.process.processIdentifier)
    }

    /// One running server and our end of its socket. A socket rather than pipes: a write to a
    /// server that died fails with EPIPE (MSG_NOSIGNAL) instead of raising SIGPIPE in the daemon.
    final class Connection {
        let process = Process()
        private var socket: Int32 = -1

        init?(path: String) {
            var ends: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else { return nil }
            let theirs = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
            process.executableURL = URL(fileURLWithPath: path)
            process.standardInput = theirs
            process.standardOutput = theirs
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                close(ends[0])
                close(ends[1])
                return nil
            }
            close(ends[1])
            socket = ends[0]
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            if socket >= 0 { close(socket) }
            socket = -1
            process.waitUntilExit()
        }

        enum Exchange {
            case reply(Reply)
            /// The server is well but started no child for the PDF.
            case noChild
            /// The server died, hung or answered nonsense.
            case broken
        }

        func exchange(_ pdf: [UInt8], timeout: TimeInterval, maxOutput: Int, geometry: Bool = false) -> Exchange {
            var request: [UInt8] = Array((geometry ? "PDF2" : "PDF1").utf8)
            request.reserveCapacity(24 + pdf.count)
            append(UInt64(UInt32(clamping: Int(timeout * 1000))), bytes: 4, to: &request)
            append(UInt64(maxOutput), bytes: 8, to: &request)
            append(UInt64(pdf.count), bytes: 8, to: &request)
            request += pdf
            guard send(request) else { return .broken }
            // The server keeps the deadline; this one only catches a server that hangs itself.
            let limit = Date(timeIntervalSinceNow: timeout + 10)
            guard let header = receive(20, before: limit), header.starts(with: Array("TXT1".utf8)) else { return .broken }
            let outcome = number(header[4..<8]), code = Int32(truncatingIfNeeded: number(header[8..<12]))
            let length = number(header[12..<20])
            guard length <= UInt64(maxOutput), let text = receive(Int(length), before: limit) else { return .broken }
            switch outcome {
            case 0: return .reply(Reply(outcome: .exited(code), text: text))
            case 1: return .reply(Reply(outcome: .signaled(code), text: []))
            case 2: return .reply(Reply(outcome: .deadline, text: []))
            case 3: return .reply(Reply(outcome: .overflow, text: []))
            case 4: return .noChild
            default: return .broken
            }
        }

        private func append(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
            for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
        }

        private func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for (i, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(i)) }
            return value
        }

        private func send(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
        }

        private func receive(_ count: Int, before limit: Date) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: count)
            var offset = 0
            while offset < count {
                let left = limit.timeIntervalSinceNow
                if left <= 0 { return nil }
                var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                let polled = poll(&ready, 1, Int32(min(left * 1000 + 1, 60_000)))
                if polled < 0 { if errno == EINTR { continue } else { return nil } }
                if polled == 0 { continue }
                let n = out.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + offset, count - offset, 0) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return nil }
                offset += n
            }
            return out
        }
    }
}
