import Glibc

/// Replaces a file so that a reader sees the old bytes or the new ones, never a mixture or a
/// truncated file: a temporary file in the same directory (so `rename` stays on one file system),
/// written, synced, renamed over the old name, and the directory synced so the rename itself
/// survives a power cut.
public enum AtomicFile {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let operation: String
        public let path: String
        public let errno: Int32

        public var description: String { "\(operation) \(path): \(String(cString: strerror(errno)))" }
    }

    /// `mode` is what the web server needs to read the file, whatever the daemon's umask.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(Failure) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        // A dot name: web servers commonly refuse to serve dotfiles, and a crash may leave one behind.
        let temporary = "\(directory.isEmpty ? "" : directory)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(operation: "open", path: temporary, errno: Glibc.errno) }
        var failure: Failure?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if Glibc.errno == EINTR { continue }
                    failure = Failure(operation: "write", path: temporary, errno: Glibc.errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = Failure(operation: "fchmod", path: temporary, errno: Glibc.errno) }
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(operation: "fsync", path: temporary, errno: Glibc.errno) }
        if close(descriptor) != 0, failure == nil { failure = Failure(operation: "close", path: temporary, errno: Glibc.errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = Failure(operation: "rename", path: path, errno: Glibc.errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        try syncDirectory(directory.isEmpty ? "/" : directory)
    }

    static func syncDirectory(_ directory: String) throws(Failure) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(operation: "open", path: directory, errno: Glibc.errno) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw Failure(operation: "fsync", path: directory, errno: Glibc.errno) }
    }
}
