import Glibc

/// One daemon per store. `serve` (and `serve --once`) hold an exclusive `flock` on a file beside
/// the store for as long as they run; a second one refuses at once and names the holder,
/// instead of racing it (a pass beside a live daemon could take the other's notice in flight
/// for an interrupted one). Staff commands never take it: SQLite's own locking serialises
/// their writes with the daemon's. The kernel drops the lock when the holder dies, even by
/// SIGKILL, so a crashed daemon never blocks its successor.
public final class ServiceLock: @unchecked Sendable {
    public let path: String
    private var fd: Int32

    public struct Busy: Error, CustomStringConvertible {
        public let path: String
        /// The holder's process id, as it wrote it into the lock file.
        public let holder: Int32?
        public var description: String {
            "another tizilim daemon" + (holder.map { " (pid \($0))" } ?? "")
                + " is serving this store (lock \(path)); stop it first, or point --store at another store"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The lock file of a store: `STORE.lock`.
    public static func path(store: String) -> String { store + ".lock" }

    public init(store: String) throws {
        path = Self.path(store: store)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw Failure(description: "cannot open the lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let holder = Self.holder(fd)
            let reason = String(cString: strerror(errno))
            close(fd)
            if busy { throw Busy(path: path, holder: holder) }
            throw Failure(description: "cannot lock \(path): \(reason)")
        }
        // Who holds it, for the refusal a second daemon prints; the lock itself is the flock.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingNewline)
    }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}

private extension String {
    var trimmingNewline: String { split(separator: "\n").first.map(String.init) ?? "" }
}
